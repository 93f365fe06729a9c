"""Ten seeded examples from a build of each kind of quote, speaker and date that issue 26's rules
handle, for judging by hand. bench/labels/kind_examples_seed26.tsv (build of main 847bd21, 150
rows; its misses were then fixed) and kind_examples_seed27.tsv (main 43c5892's rules but the
last, 200 rows) are such sheets, judged; they were drawn before the rows were put in a total
order, so a redraw may differ in a few rows. Each kind is found by a pattern over the build's
tables, independent of the rules' code.

Usage: kind_examples.py BUILD OUT.tsv [SEED]"""

import csv
import random
import re
import sys

import duckdb

B, OUT = sys.argv[1], sys.argv[2]
con = duckdb.connect()
texts = dict(con.sql(f"select article_id, text from '{B}/articles.parquet'").fetchall())
names = dict(con.sql(f"select entity_id, name from '{B}/entities.parquet'").fetchall())
types = dict(con.sql(f"select entity_id, type from '{B}/entities.parquet'").fetchall())
quotes = con.sql(
    f"select article_id, start, stop, kind, cue, speaker_entity_id, speaker_surface, "
    f"speaker_start, speaker_stop, quote from '{B}/quotes.parquet' order by all"
).fetchall()
events = con.sql(
    f"select e.article_id, date_text, date_start, date_end, granularity, sentence, a.published "
    f"from '{B}/events.parquet' e join '{B}/articles.parquet' a using (article_id) "
    f"where date_start is not null order by all"
).fetchall()


def window(q):
    aid, start, stop, _k, _c, _e, _s, ss, se, _q = q
    text = texts[aid]
    a = min(start, ss if ss is not None else start)
    b = max(stop, se if se is not None else stop)
    return text[max(0, a - 120) : b + 120].replace("\n", " ¶ ")


def near(q):  # the text between the quote and its speaker, plus a little around
    aid, start, stop, _k, _c, _e, _s, ss, se, _q = q
    text = texts[aid]
    return text[max(0, start - 150) : stop + 150]


GERUND = re.compile(r"(?:ав|ив|ув|яв|ев)$")
PRESENT = {
    "рассказывает",
    "разъясняет",
    "указывает",
    "утверждает",
    "поясняет",
    "говорит",
    "отмечает",
    "подчеркивает",
    "подчёркивает",
    "считает",
    "признает",
    "признаёт",
    "объясняет",
    "добавляет",
    "уточняет",
    "полагает",
    "уверяет",
}
IMPERSONAL = {
    "говорится",
    "сообщается",
    "отмечается",
    "подчеркивается",
    "подчёркивается",
    "указывается",
    "утверждается",
}
quote_kinds = {
    "gerund cue (..., сказав, что ...)": lambda q: (
        q[3] == "indirect" and q[4] and GERUND.search(q[4].lower()) and q[4].islower()
    ),
    "как говорил/утверждает X, ...": lambda q: (
        q[4] and re.search(r"\b[Кк]ак\s+(?:\w+\s+){0,3}" + re.escape(q[4]) + r"\b", near(q))
    ),
    "в заявлении/сообщении говорится": lambda q: q[4] and q[4].lower() in IMPERSONAL,
    "present-tense narrative cue": lambda q: q[4] and q[4].lower() in PRESENT,
    "participial source (по словам говорившего)": lambda q: re.search(
        r"[Пп]о словам\s+[а-яё]+(?:вшего|вшей|щего|щей|вших|щих)\b", near(q)
    ),
    "content after a colon, no quotation marks": lambda q: (
        q[3] == "indirect"
        and q[4]
        and re.search(re.escape(q[4]) + r"\s*:\s*" + re.escape(q[9][:15]), near(q))
        and q[9][:1] not in '«"„“'
    ),
}
OUTLET = (
    r"(?:телеканал\w*\s+|агентств\w*\s+|изданию\s+|газет\w*\s+)?[«\"]?"
    r"(?:RT|РИА|ТАСС|Интерфакс|CNN|BBC|Би-би-си|Reuters|NBC|Fox|Известиям|Коммерсанту|РБК)"
)
PLATFORM = r"(?:Twitter|Твиттер\w*|Facebook|Фейсбук\w*|Instagram|Инстаграм\w*|Telegram|Телеграм\w*)"
ADJECTIVES = (
    "британск американск российск украинск французск германск немецк турецк грузинск "
    "израильск китайск японск польск сирийск иранск"
)
COUNTRY_WORD = rf"(?:{'|'.join(ADJECTIVES.split())})\w*|Грузии|США|России|Украины|Франции|Германии"
speaker_kinds = {
    "said to a medium: speaker is the person (в беседе с / в интервью / собеседник X)": lambda q: (
        q[5]
        and types.get(q[5]) == "PER"
        and re.search(
            rf"(?:в беседе с|в интервью|в разговоре с|собеседник|в эфире)\s+{OUTLET}", near(q)
        )
    ),
    "written on a platform: speaker is the author (написал в Twitter)": lambda q: (
        q[5]
        and types.get(q[5]) == "PER"
        and re.search(
            rf"(?:в|на (?:своей )?(?:странице|страничке) в)\s+(?:своем |своём )?{PLATFORM}", near(q)
        )
    ),
    "role phrase with an organisation: speaker is the person": lambda q: (
        q[5]
        and types.get(q[5]) == "PER"
        and q[6]
        and " " in (q[6] or "")
        and re.search(
            r"\b(?:член|глава|представитель|руководитель|председатель|директор|пресс-секретарь|сотрудник|депутат|министр)\w*\s+(?:\w+\s+){0,3}[А-ЯЁA-Z]",
            q[6] or "",
        )
    ),
    "surname after the cue resolved to the full name": lambda q: (
        q[5]
        and types.get(q[5]) == "PER"
        and q[6]
        and " " not in q[6].strip()
        and len(names.get(q[5], "").split()) >= 2
        and q[3] == "direct"
    ),
    "interview label on a line of its own ('Томислав Николич:' above the answer)": lambda q: (
        q[3] == "interview"
        and q[7] is not None
        and re.search(
            r"(?:^|\n)[ \t]*[А-ЯЁ][\w-]+(?: [А-ЯЁ][\w-]+){0,2}:[ \t]*\n",
            texts[q[0]][q[7] - 2 : q[8] + 3],
        )
    ),
    "impersonal cue given a press service's owner ('Отмечается' after its words)": lambda q: (
        q[5]
        and q[4]
        and q[4].lower() in IMPERSONAL | {"отмечается", "сообщается"}
        and "пресс-служб" in texts[q[0]][max(0, q[1] - 1500) : q[1]]
    ),
    "description naming a country resolved to that person ('британский дипломат')": lambda q: (
        q[5]
        and types.get(q[5]) == "PER"
        and q[6]
        and q[6][:1].islower()
        and re.search(COUNTRY_WORD, q[6] or "")
    ),
    "interviewee named in headline or lead owns the answers": lambda q: (
        q[3] == "interview"
        and q[5]
        and types.get(q[5]) == "PER"
        and (q[7] is None or q[7] < q[1] - 300)
    ),
}
DAYS = "понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье"
WEEKDAY = re.compile(rf"\b(?:в|во|в прошл\w+|в следующ\w+|в эт\w+)\s+(?:{DAYS})\b", re.I)
SEASON = re.compile(r"\b(?:весн\w*|летом|лет[оа]\b|осен\w*|зим\w*)\b", re.I)
RELATIVE = re.compile(
    r"\b(?:через\s+(?:\w+\s+)?(?:недел\w+|дн\w+|день|месяц\w*)|(?:\w+\s+)?(?:недел\w+|дн\w+|день|месяц\w*)\s+назад)\b",
    re.I,
)
DAYMONTH = re.compile(r"^\d{1,2}\.\d{1,2}\.?$")
RANGE = re.compile(r"\d{1,2}\.\d{1,2}\.?\s*[-–—]\s*\d{1,2}\.\d{1,2}")
date_kinds = {
    "weekday relative to publication": lambda e: (
        WEEKDAY.search(e[1]) and not re.search(r"\d", e[1])
    ),
    "season noun (весной, этим летом)": lambda e: (
        SEASON.search(e[1]) and not re.search(r"\d{4}", e[1])
    ),
    "через неделю / три месяца назад": lambda e: RELATIVE.search(e[1]),
    "numeric day.month without a year": lambda e: DAYMONTH.match(e[1].strip()),
    "'того же года': the year named before in the sentence": lambda e: (
        re.search(r"того(?: же| самого)? года|этого же года", e[5])
        and not re.search(r"\d{4}", e[1])
    ),
    "'этим летом', 'этой зимой': the nearest season its clause allows": lambda e: re.search(
        r"(?:эт|нынешн)\w+\s+(?:летом|зимой|осенью|весной)", e[1], re.I
    ),
    "numeric range of days": lambda e: RANGE.search(e[1]),
}

rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 26)
rows = []
for group, kinds, items in (
    ("quote", quote_kinds, quotes),
    ("speaker", speaker_kinds, quotes),
    ("date", date_kinds, events),
):
    for kind, test in kinds.items():
        found = [x for x in items if test(x)]
        for x in rng.sample(found, min(10, len(found))):
            if group == "date":
                aid, dt, ds, de, g, sent, pub = x
                rows.append(
                    [
                        group,
                        kind,
                        len(found),
                        aid,
                        dt,
                        f"{ds}..{de} ({g}); published {pub}",
                        sent.replace("\n", " "),
                        "",
                        "",
                    ]
                )
            else:
                who = names.get(x[5]) if x[5] else ""
                rows.append(
                    [
                        group,
                        kind,
                        len(found),
                        x[0],
                        x[4] or "",
                        f"{who} [{x[6] or ''}]",
                        window(x)[:700],
                        "",
                        "",
                    ]
                )
with open(OUT, "w", newline="") as f:
    w = csv.writer(f, delimiter="\t", lineterminator="\n")
    w.writerow(
        [
            "group",
            "kind",
            "n_in_corpus",
            "article_id",
            "cue_or_date",
            "result",
            "context",
            "right",
            "note",
        ]
    )
    w.writerows(rows)
print(len(rows))
