"""Spans NER tags as organisations or people that name neither: a common noun or its
abbreviation standing alone ('по данным СМИ', 'в СИЗО'), the title of a thing after the noun
that says what it is ('авианосец «Карл Винсон»', 'роман «Чапаев»', 'премия «Золотая тайга»'),
names of documents, wars and contests ('Брестский мир', 'Парижское соглашение'), and
headings in capitals ('ВОЕННАЯ ИМПРОВИЗАЦИЯ'). The words
that decide are in `data/not_names.tsv`."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache, lru_cache

from pipeline.nlp.gazetteer import key, read_tsv
from pipeline.nlp.media import medium_of
from pipeline.nlp.models import CACHE_SIZE, lemma, morph
from pipeline.nlp.ner import after_opening, known_common_word, quoted
from pipeline.nlp.normalize import may_be_nominative, phrase

#: Parts of a span that are one word each: 'НКО–иноагентов' -> 'НКО', 'ЕГРЮЛ/ЕГРИП' -> 'ЕГРЮЛ'.
_PARTS = re.compile(r"[\s/–—-]+")
#: The two words before a title's opening quotation mark: 'станции метро «', 'станции «',
#: 'ракет-носителей «'.
_WORDS_BEFORE = re.compile(r"(?:([А-Яа-яЁё]+)\s+)?([А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*)\s*$")
#: The same before a title, which a dash or a colon may set off from its noun: 'три фрегата —
#: «Адмирал Касатонов», «Адмирал Головко»', 'два фильма: «Брат» и «Брат-2»'.
_WORDS_BEFORE_TITLE = re.compile(
    r"(?:([А-Яа-яЁё]+)\s+)?([А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*)(?:\s+[—–-]|:)?\s*$"
)
#: What a title's closing quotation mark may be followed by when a noun after it says what
#: the title is: a comma or a dash, at most two lower-case words and the noun, which no title
#: or name follows ('«Зевгму» – первую книгу о ...'; not '«Газпром», газопровод «Сила
#: Сибири»').
_NOUN_AFTER = re.compile(
    r"[»\"”]\s*(?:,|[—–-])\s*((?:[а-яё]+\s+){0,2})([а-яё]+(?:-[а-яё]+)*)(?![\w-])(?!\s*[«„“\"A-ZА-ЯЁ])"
)
#: The numerals after which a noun's singular genitive counts several ('три фрегата'), by lemma.
_FEW = frozenset({"два", "три", "четыре", "оба", "полтора"})
#: Lower-case words right before an abbreviation's opening bracket: 'организациями ('.
_SPELLED_OUT = re.compile(r"(?<![\w-])(?:[а-яё]+(?:-[а-яё]+)*\s+){1,6}\($")
#: The verbs of taking in a work (watching, reading), as pymorphy2 lemmas, with the prefixes
#: that make their perfectives or repeats: 'посмотреть', 'прочитать', 'перечитать'. Not
#: listening: one listens to a band as much as to a song ('слушают «Ленинград»').
_TAKING_IN = frozenset(
    prefix + verb
    for prefix in ("", "по", "про", "пере", "до")
    for verb in ("смотреть", "читать", "прочесть")
)
#: A title closed and followed by a dash and another title: a match of two teams.
_MATCH_AFTER = re.compile(r"[^»\"”]*[»\"”]\s*[-–—]\s*[«\"„“]")
_WORDS = re.compile(r"[А-Яа-яЁёA-Za-z]+")
#: A year after a hyphen, which makes a contest of the year of a generic word: 'ЧМ-1998'.
_YEAR = re.compile(r"[-–](?:19|20)\d\d$")
#: A site's address ending a line's credit after a separator: ' - Allhockey.ru', ' | Woman.ru'.
_CREDIT_END = re.compile(r"\s+[-–—|]\s+[\w-]+(?:\.[\w-]+)*\.[a-zа-я]{2,6}[ \t]*(?:\n|$)", re.I)
#: A separator of a credit's parts right before a span.
_SEPARATOR_BEFORE = re.compile(r"\s[-–—|]\s+$")
#: A closing quotation mark and what joins the next title of a list to it: '», «', '" и "'.
_LIST_SEPARATOR = re.compile(r"[»\"”“]\s*(?:,|,?\s+и|,\s+а\s+также)\s*$")
#: A bracket that opens a list of titles after their noun: 'спектаклей («Дочь фараона» и «'.
_BRACKET_BEFORE = re.compile(r"\(\s*$")
#: The opening quotation mark of each closing one.
_OPENING_OF = {"»": "«", '"': '"', "”": "“", "“": "„"}
#: How far back a title's opening quotation mark is looked for, and how many titles a list
#: is read back over.
_TITLE_REACH = 80
_LIST_TITLES = 8
#: How many capitalised words may stand between a noun of a thing and its title, and how far
#: back they are read: 'подводная лодка ВМС Аргентины «Сан-Хуан»'.
_NAMES_BETWEEN = 3
_NAMES_REACH = 80
#: A word with no mark of punctuation in it ('Ан-225', 'ВМС'), and one in Russian letters.
_TOKEN = re.compile(r"\w+(?:-\w+)*")
_RUSSIAN_WORD = re.compile(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*")
#: A name of capitalised words in Latin letters: 'SSE Composite', 'Dow Jones Industrial Average'.
_LATIN_NAME = re.compile(r"[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)+")


@cache
def _lexicon() -> dict[str, frozenset[str]]:
    kinds = ("generic", "kind", "head", "thing", "place", "body", "venue", "state")
    found: dict[str, set[str]] = {kind: set() for kind in kinds}
    for word, kind in read_tsv("not_names.tsv"):
        found[kind].add(key(word))
    # The head nouns of a place's name (`heads_a_place`); not "станция", "пункт" (see the tsv).
    found["place head"] = (found["place"] | found["venue"]) - {key("станция"), key("пункт")}
    found["titled"] = found["kind"] | found["place"]  # the nouns a thing's title follows
    found["any thing"] = found["titled"] | found["thing"]  # all that `noun_before` says 'kind'
    return {kind: frozenset(words) for kind, words in found.items()}


def not_a_name(text: str, start: int, stop: int, kind: str) -> bool:
    """Whether the span text[start:stop] that NER tagged `kind` names no organisation or
    person. Places are left to the gazetteer, and a medium's name is a name wherever it
    stands."""
    surface = text[start:stop]
    if kind == "LOC":
        return False
    if kind != "PER" and (
        _generic(surface)
        or _compound_thing(surface)
        or _credit_section(text, start, stop)
        or _class_abbreviation(text, start, stop)
        or _role_span(text, start, stop)
        or _shouted_heading(text, start, stop)
    ):
        return True
    if titled(text, start) or _thing_in_apposition(text, start, stop):
        return not medium_of(phrase(surface), cited=True)  # the programme «Вести» is a source
    return kind != "PER" and not after_opening(text, start) and _document(surface)


#: A word of a span in capitals that is no abbreviation: four letters or more.
_SHOUTED_WORD = re.compile(r"[A-ZА-ЯЁ]{4,}")


def _shouted_heading(text: str, start: int, stop: int) -> bool:
    """Whether the span is two or more words in capitals on a line of its own that has no
    lower-case letter (a heading: "ВОЕННАЯ ИМПРОВИЗАЦИЯ", "В ДЕЛО ВСТУПАЕТ ЦРУ"), and every
    word is a common word of the dictionary, none of whose readings is a name or an
    abbreviation (`known_common_word`: not "ДОМЕ БРЮСОВА", "ВОЛЬДЕМАР ТЕОДОРОВИЧ", "ЕДИНАЯ
    РОССИЯ")."""
    words = re.findall(r"[A-Za-zА-Яа-яЁё]+", text[start:stop])
    line_start, line_stop = _line(text, start, stop)
    return (
        len(words) >= 2
        and all(_SHOUTED_WORD.fullmatch(word) for word in words)
        and not any(char.islower() for char in text[line_start:line_stop])
        and all(known_common_word(word) for word in words)
    )


def _line(text: str, start: int, stop: int) -> tuple[int, int]:
    """The bounds of the line of `text` that holds the span text[start:stop]."""
    return text.rfind("\n", 0, start) + 1, text.find("\n", stop) % (len(text) + 1)


#: What may stand between a line's ends and a span that fills it: spaces, quotation marks.
_LINE_EDGE = ' \t«»"„“”'


#: The end of the text before a line, and the start of the text after it, that show a
#: sentence broken across lines, not a heading: a Russian word in lower case (not a line of
#: code, 'jwplayer.key'), a comma, a dash or an opening quotation mark before ('вымышленной
#: газетой «'); such a word, a closing quotation mark or a mark of punctuation after ('»
#: (Russian Telegraph, RT)', 'осудили').
_RUNS_ON_BEFORE = re.compile(r"[а-яё,«„“(–—-]\s*$")
_RUNS_ON_AFTER = re.compile(r"\s*[а-яё»”\",.;:)]")


def fills_line(text: str, start: int, stop: int) -> bool:
    """Whether the span text[start:stop] is all its line holds, but spaces and quotation
    marks, and the line is no piece of a sentence broken across lines: a heading or a caption
    ('Несбывшаяся украинская мечта' on a line of its own)."""
    line_start, line_stop = _line(text, start, stop)
    return (
        not (text[line_start:start] + text[stop:line_stop]).strip(_LINE_EDGE)
        and _RUNS_ON_BEFORE.search(text, max(0, line_start - 20), line_start) is None
        and _RUNS_ON_AFTER.match(text, line_stop) is None
    )


def _generic(surface: str) -> bool:
    """A common noun or its abbreviation alone, or before a hyphen or slash: 'СМИ',
    'НКО–иноагентов', 'ЕГРЮЛ/ЕГРИП'; also in a case ('Интернета'). A number makes it a name
    ('ТВ-3', 'СИЗО-3'), and so does any word after a space ('АЭС «Фукусима-1»'); a year does
    not: 'ЧМ-1998', 'Олимпиада-2014' are contests."""
    surface = _YEAR.sub("", surface.strip())
    if not surface or re.search(r"\s|\d", surface):
        return False
    first = _PARTS.split(surface)[0]
    generic = _lexicon()["generic"]
    return key(first) in generic or (
        first[:1].isupper() and not first.isupper() and key(lemma(first)) in generic
    )


def _credit_section(text: str, start: int, stop: int) -> bool:
    """Whether a span is the section of a site in a line's credit: common words of the
    dictionary between separators, right before the site's address that ends the line ('…
    секретарём армии США - |Новости| - Allhockey.ru'). A site's own name is a name."""
    return (
        _CREDIT_END.match(text, stop) is not None
        and _SEPARATOR_BEFORE.search(text, max(0, start - 4), start) is not None
        and all(known_common_word(word) for word in text[start:stop].split())
    )


def titled(text: str, start: int) -> bool:
    """A title in quotation marks, in the nominative, right after a noun of a thing or a place
    (`kind`, `place` in the lexicon), or after one and an indeclinable common noun: 'фрегата
    «Адмирал Григорович»', 'станции «Площадь Восстания»', 'станции метро «Автово»'; not the
    owner in 'самолёт «Саратовских авиалиний»'."""
    things = _lexicon()["titled"]
    return (
        _title_noun(text, start) in things
        or _list_noun(text, start) in things
        or _taken_in(text, start)
    )


def _thing_in_apposition(text: str, start: int, stop: int) -> bool:
    """A title in quotation marks that a noun of a thing or a place right after it, set off by
    a comma or a dash, says is one: the noun stands in a case the title's first word may have,
    and only adjectives (ordinals included) between ('Я делал «Зевгму» – первую книгу о
    «нестандартных» формах русской поэзии', the book). Not a title a noun of an organisation
    introduces, where a comma may end the clause ('в издательстве «Альпина нон-фикшн», книга —
    для ...')."""
    found = _NOUN_AFTER.match(text, stop) if quoted(text, start, stop) else None
    first = _WORDS.match(text, start)
    before = _WORDS_BEFORE.search(text, max(0, start - 40), start - 1)
    if found is None or first is None or (before and noun_before(before.group(2)) == "body"):
        return False
    noun = found.group(2)
    nouns = [p for p in morph()(_thing_part(noun)) if p.tag.POS == "NOUN"]
    if not nouns or key(nouns[0].normal_form) not in _lexicon()["titled"]:
        return False
    cases = {p.tag.case for p in morph()(first.group().lower())}
    between = found.group(1).split()
    return any(
        p.tag.case in cases
        and all(_agrees_as_adjective(word, p.tag.case, p.tag.number) for word in between)
        for p in nouns
    )


def _agrees_as_adjective(word: str, case: str, number: str) -> bool:
    """Whether a word may be an adjective or participle in `case` and `number`: 'первую'."""
    return any(
        p.tag.POS in ("ADJF", "PRTF") and p.tag.case == case and p.tag.number == number
        for p in morph()(word)
    )


def _taken_in(text: str, start: int) -> bool:
    """A title in quotation marks right after a verb of watching or reading: a work
    ('посмотреть «Движение вверх»'), not a match ('смотрели «Спартак» — «Зенит»'). A medium's
    name is kept by the caller ('читать «Коммерсантъ»')."""
    before = _WORDS_BEFORE.search(text, max(0, start - 40), start - 1)
    if not after_opening(text, start) or before is None or _MATCH_AFTER.match(text, start):
        return False
    return any(
        p.tag.POS in ("VERB", "INFN") and p.normal_form in _TAKING_IN
        for p in morph()(before.group(2).lower())
    )


def _class_abbreviation(text: str, start: int, stop: int) -> bool:
    """An abbreviation in brackets right after its spelled-out form in lower case, whose head
    noun is plural: a class of things, not one body ('микрофинансовыми организациями (МФО)',
    'участковых избирательных комиссий (УИК)'); 'министерство иностранных дел (МИД)' is one
    body, and 'Института космических исследований (ИКИ)' is spelled out in capitals."""
    surface = text[start:stop]
    if not surface.isupper() or not surface.isalpha() or text[stop : stop + 1] != ")":
        return False
    found = _SPELLED_OUT.search(text, max(0, start - 80), start)
    if found is None:
        return False
    words = found.group().rstrip("(").split()
    before = _WORDS_BEFORE.search(text, max(0, found.start() - 40), found.start())
    if before is not None and before.group(2)[0] == surface[0]:
        return False  # spelled out from a capitalised word: 'Центра цифровых ... систем (ЦВТС)'
    for first in range(len(words)):
        if _spells(surface.lower(), words[first:]):
            return _head_plural(words[first:])
    return False


def _spells(letters: str, words: list[str]) -> bool:
    """Whether `words` spell the abbreviation `letters`: each word's initial is its next
    letter, and the letters between come from inside the word ('микрофинансовыми
    организациями' spells 'мфо'); a preposition or conjunction may be left out."""
    if not words:
        return not letters
    word = words[0]
    if len(word) <= 2 and _spells(letters, words[1:]):
        return True
    if not letters or word[0] != letters[0]:
        return False
    return any(
        _inside(letters[1:more], word[1:]) and _spells(letters[more:], words[1:])
        for more in range(1, len(letters) + 1)
    )


def _inside(letters: str, word: str) -> bool:
    rest = iter(word)
    return all(letter in rest for letter in letters)


def _head_plural(words: list[str]) -> bool:
    for word in words:
        parses = morph()(word)
        if parses and parses[0].tag.POS == "NOUN":
            return parses[0].tag.number == "plur"
    return False


def _role_span(text: str, start: int, stop: int) -> bool:
    """A span of several words opening with a singular animate noun of the dictionary, a
    person's position, that governs the next word, naming no one else (no later capital, not
    a quoted title, not after a preposition, where it is a place of work: 'в Управделами
    президента'): a job title, not a body ('Завсектором региональных проблем и конфликтов
    отдела ...'). The body named after it is a mention of its own."""
    words = text[start:stop].split()
    if len(words) < 2 or after_opening(text, start) or any(w[:1].isupper() for w in words[1:]):
        return False
    before = _WORDS_BEFORE.search(text, max(0, start - 40), start)
    if before is not None and any(p.tag.POS == "PREP" for p in morph()(before.group(2).lower())):
        return False
    parses = morph()(words[0].lower())
    return (
        known_common_word(words[0])
        and all(p.tag.POS == "NOUN" and "anim" in p.tag for p in parses)
        and any(p.tag.number == "sing" for p in parses)
        and not _agrees(parses, words[1])
    )


def _agrees(parses: list, word: str) -> bool:
    """Whether `word` may stand in a case of a declining noun's `parses`: then it modifies
    what follows with it, and the noun is a misspelt adjective ('Американкой медицинской
    ассоциации'); a role governs a genitive or instrumental ('Участник вокально-...')."""
    cases = {p.tag.case for p in parses if "Fixd" not in p.tag}
    return any(p.tag.case in cases for p in morph()(word.lower()))


def _list_noun(text: str, start: int) -> str | None:
    """The key of the plural noun a list of titles in quotation marks follows, perhaps in
    brackets, for a later title of the list at `start` whose first word may be a nominative:
    'снявшись в картинах «Бумбараш», «Уходя — уходи» и «|Невозвращенец»' -> 'картина',
    'спектаклей («Дочь фараона» и «|Коппелия»)' -> 'спектакль'. A singular noun names one
    thing, so the titles after the first are not its ('в фильме «Брат» и «Спартаке»')."""
    first = _WORDS.match(text, start)
    if not after_opening(text, start) or first is None or not may_be_nominative(first.group()):
        return None
    opening, steps = start - 1, 0
    while (earlier := _previous_title(text, opening)) is not None and steps < _LIST_TITLES:
        opening, steps = earlier, steps + 1
    bracket = _BRACKET_BEFORE.search(text, max(0, opening - 3), opening)
    opening = bracket.start() if bracket is not None else opening
    before = _WORDS_BEFORE_TITLE.search(text, max(0, opening - 40), opening) if steps else None
    if before is None:
        return None
    plural = [
        p
        for p in morph()(_thing_part(before.group(2)))
        if p.tag.POS == "NOUN" and (p.tag.number == "plur" or _counted(p, before.group(1)))
    ]
    return key(plural[0].normal_form) if plural else None


def _counted(parse, word: str | None) -> bool:
    """Whether a noun's parse is the singular genitive a numeral of two to four counts: 'три
    фрегата', 'оба фильма' name several things."""
    return (
        word is not None
        and parse.tag.case == "gent"
        and any(p.tag.POS == "NUMR" and p.normal_form in _FEW for p in morph()(word.lower()))
    )


def _previous_title(text: str, opening: int) -> int | None:
    """The opening quotation mark of the title before the one that opens at `opening`, when
    only a comma or a conjunction stands between them ('«Бумбараш», |«Уходя — уходи»')."""
    between = _LIST_SEPARATOR.search(text, max(0, opening - 12), opening)
    if between is None:
        return None
    closing = between.start()
    found = text.rfind(_OPENING_OF[text[closing]], max(0, closing - _TITLE_REACH), closing)
    return found if found >= 0 and "\n" not in text[found:closing] else None


def _title_noun(text: str, start: int) -> str | None:
    """The key of the noun a title in quotation marks at `start` follows, right before it or
    before an indeclinable common noun ('станции метро «Автово»' -> 'станция'), if the title's
    first word may be a nominative (a genitive is its owner). A noun of a thing or a place may
    also stand before names in capitals (`_over_names`): 'фильм Константина Хабенского
    «Собибор»' -> 'фильм'."""
    if not after_opening(text, start):
        return None
    first = _WORDS.match(text, start)
    if first is not None and not may_be_nominative(first.group()):
        return None
    things = _lexicon()["titled"]
    before = _WORDS_BEFORE_TITLE.search(text, max(0, start - 40), start - 1)
    found = _noun_key(before) if before is not None else None
    if found in things:
        return found
    return _over_names(text, start - 1, things.__contains__) or found


def _noun_key(before: re.Match) -> str:
    """The key of the noun a `_WORDS_BEFORE` match ends with, or of the word before it when
    that noun is an indeclinable common one ('станции метро' -> 'станция')."""
    noun = _thing_part(before.group(2))
    if _indeclinable_noun(noun) and before.group(1):
        noun = before.group(1)
    return key(lemma(noun))


def _over_names(text: str, opening: int, fits: Callable[[str], bool]) -> str | None:
    """The key of a noun that `fits`, before one to `_NAMES_BETWEEN` capitalised words that
    end right before a title's opening quotation mark at `opening`: names or abbreviations
    that may be genitives (the maker, the owner: 'подводная лодка ВМС Аргентины «Сан-Хуан»')
    or a model's code with a number ('самолёт Ан-225 «Мрия»'). A word of the line with a mark
    of punctuation ends the search: 'самолёты, «Руслан»' is no title of 'самолёты'."""
    for at, word in enumerate(_words_back(text, opening)[: _NAMES_BETWEEN + 1]):
        if at and _RUSSIAN_WORD.fullmatch(word):
            found = key(lemma(_thing_part(word)))
            if fits(found):
                return found
        if not _name_between(word):
            return None
    return None


def _words_back(text: str, end: int) -> list[str]:
    """The words of the line right before `end`, nearest first, up to one with a mark of
    punctuation."""
    line = text[max(0, end - _NAMES_REACH) : end].rsplit("\n", 1)[-1]
    words = []
    for token in reversed(line.split()):
        if not _TOKEN.fullmatch(token):
            break
        words.append(token)
    return words


def _name_between(word: str) -> bool:
    """A capitalised word that may stand between a noun and its title: a model's code with a
    number ('Ан-225'), an abbreviation ('ВМС') or a word that may be a genitive
    ('Аргентины', 'Хабенского')."""
    if not word[:1].isupper():
        return False
    if word.isupper() or any(c.isdigit() for c in word):
        return True
    return any(p.tag.case == "gent" for p in morph()(word.lower()))


def kind_over_names(text: str, opening: int) -> bool:
    """Whether a noun of a thing (`noun_before` 'kind') stands before a title's opening
    quotation mark at `opening` with names in capitals between (`_over_names`): 'самолёт
    Ан-225 «Мрия»', 'подводная лодка ВМС Аргентины «Сан-Хуан»'."""
    return _over_names(text, opening, _lexicon()["any thing"].__contains__) is not None


def _thing_part(word: str) -> str:
    """The part of a hyphenated compound that says what a thing is: its first when that is a
    noun of a thing or a place ('ракет-носителей', 'лайнеры-близнецы'), else its last (a
    prefix that does not decline: 'ток-шоу', 'веб-сериал'); a plain word itself."""
    parts = word.split("-")
    return parts[0] if key(lemma(parts[0])) in _lexicon()["titled"] else parts[-1]


@lru_cache(maxsize=CACHE_SIZE)
def _indeclinable_noun(word: str) -> bool:
    """A common noun in lower case that does not decline: 'метро', 'кафе'."""
    parses = morph()(word)
    return (
        word.islower()
        and bool(parses)
        and all(p.tag.POS == "NOUN" and "Fixd" in p.tag and "Abbr" not in p.tag for p in parses)
    )


def noun_before(word: str) -> str | None:
    """What a word before a name says of it, as `data/not_names.tsv` lists the words: 'kind'
    for a noun of a thing ('ракета', 'самолёт'), 'body' for a noun of an organisation
    ('компания'); a noun of a place ('станция', 'кладбище') is a 'kind' too."""
    found = key(lemma(word))
    lexicon = _lexicon()
    if found in lexicon["kind"] or found in lexicon["thing"] or found in lexicon["place"]:
        return "kind"
    return "body" if found in lexicon["body"] else None


def place_nouns() -> frozenset[str]:
    """The keys of the nouns of a place (the `place` words: 'стадион', 'кладбище')."""
    return _lexicon()["place"]


def heads_a_things_name(word: str) -> bool:
    """Whether a noun heads the name of a place, a craft, a document, a war or a contest (the
    `place`, `thing` and `head` words): 'Международная космическая станция', 'Парижское
    соглашение'. Not the `kind` words, some of which also head organisations' names
    ('Программа развития ООН', 'Мальтийский орден')."""
    found = key(lemma(word))
    lexicon = _lexicon()
    return any(found in lexicon[kind] for kind in ("place", "thing", "head"))


def _document(surface: str) -> bool:
    """A name of two words or more whose head (its first noun) is a document, a war or a
    contest: 'Брестский мир', 'Вторая мировая война', 'Кубок Дэвиса'; or a Latin name whose
    last word is, an index: 'SSE Composite', 'Hang Seng Index'."""
    words = _WORDS.findall(surface)
    if len(words) >= 2 and _LATIN_NAME.fullmatch(surface):
        return key(words[-1]) in _lexicon()["head"]
    found = _first_noun(words) if len(words) >= 2 else None
    if found is None:
        return False
    before, head = found
    return head in _lexicon()["head"] or (head == "мир" and _of_place(before))


def _compound_thing(surface: str) -> bool:
    """A compound of an abbreviation or a Latin word and a lower-case noun of a thing after a
    hyphen, which heads it: a kind of thing ('КОВИД-вакцина', 'Kp-индекс'), not an
    organisation. A noun of bodies makes an organisation's name ('Альфа-банк'), and a Russian
    word before the noun may make a name of it ('Геликон-опера', a theatre)."""
    head = re.fullmatch(r"(?:[A-ZА-ЯЁ0-9]+|[A-Za-z][A-Za-z0-9]*)-([а-яё]+)", surface)
    if head is None:
        return False
    noun = key(lemma(head.group(1)))
    found = _lexicon()
    return noun in found["any thing"] | found["generic"] and noun not in found["body"]


def heads_a_place(name: str) -> bool:
    """Whether a name of two words or more is a place's by its head noun, a `place` or `venue`
    word of not_names.tsv: the first noun of a Russian name ('Колонный зал', 'Площадь
    Восстания', 'Парк де Пренс') or the last word of a foreign one whose words are all
    capitalised ('Открытие Арена', 'Сент-Якоб Парком', 'Terrace Pavilion', 'Ойрат-Арена')."""
    words = _WORDS.findall(name)
    if len(words) < 2:
        return False
    heads = _lexicon()["place head"]
    found = _first_noun(words)
    if found is not None and found[1] in heads:
        return True
    return all(word[:1].isupper() for word in words) and key(lemma(words[-1])) in heads


def heads_a_state(name: str) -> bool:
    """Whether the first noun of a name of two words or more is a `state` word of
    not_names.tsv: 'Третий рейх', 'Украинская народная республика'."""
    words = _WORDS.findall(name)
    found = _first_noun(words) if len(words) >= 2 else None
    return found is not None and found[1] in _lexicon()["state"]


def _first_noun(words: list[str]) -> tuple[str, str] | None:
    """The first word of `words` the dictionary reads first as a noun: the word before it
    ('' for none) and the noun's key ('Брестский мир' -> ('Брестский', 'мир'))."""
    for before, word in zip(["", *words], words, strict=False):
        parses = morph()(word.lower())
        if parses and parses[0].tag.POS == "NOUN":
            return before, key(parses[0].normal_form)
    return None


def _of_place(word: str) -> bool:
    """Whether `word` is an adjective of a place, in -ский after the place's name: 'Брестский'
    (Брест), 'Парижский'. 'мир' after one is a peace treaty ('Брестский мир'), not the world
    or an organisation ('Русский мир', 'Детский мир')."""
    name = lemma(word)
    return name.endswith("ский") and any(
        "Geox" in p.tag and p.tag.case == "nomn" for p in morph()(name[:-4])
    )
