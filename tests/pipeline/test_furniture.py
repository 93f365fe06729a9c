"""Page furniture: found by rules, kept as spans, never analysed, never deleted."""

from __future__ import annotations

import json

import pytest
from conftest import read_table

from pipeline.build import build
from pipeline.nlp.furniture import find_furniture

BODY = (
    "Президент России Владимир Путин провёл в Сочи переговоры с президентом Турции Реджепом "
    "Тайипом Эрдоганом. Стороны обсудили ситуацию в Сирии и поставки газа в Европу."
)
PARAGRAPHS = [
    "МОСКВА, 15 ноя - РИА Новости. " + BODY,
    'jwplayer("js-mediaplayer-1").setup({ advertising: (function() { return {client: "vast"}; })'
    "() });",
    "Канцлер Германии Ангела Меркель в Берлине 3 марта 2017 года",
    "© Reuters",
    "Наш сайт использует файлы cookie. Подписывайтесь на наш канал в Telegram.",
    "Отношения Москвы и Анкары улучшились после визита министра иностранных дел Турции в Москву.",
]
KINDS = [(0, "dateline"), (1, "code"), (2, "caption"), (3, "credit"), (4, "banner")]


def test_rules_name_each_kind_of_furniture_and_leave_the_text() -> None:
    found = find_furniture(PARAGRAPHS)
    assert [(p, kind) for p, _start, _stop, kind in found] == KINDS
    assert PARAGRAPHS[0][found[0][2] :] == BODY  # only the dateline of the first paragraph


@pytest.fixture(scope="module")
def furnished(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("furnished")
    row = {"title": "Путин и Эрдоган обсудили Сирию", "text": "\n".join(PARAGRAPHS)}
    (root / "feed.jsonl").write_text(json.dumps(row, ensure_ascii=False), encoding="utf-8")
    build([root / "feed.jsonl"], root / "out", progress=False)
    return root / "out"


def test_furniture_is_kept_as_spans_of_the_text(furnished) -> None:
    (article,) = read_table(furnished, "articles")
    assert article["text"] == "Путин и Эрдоган обсудили Сирию\n\n" + "\n\n".join(PARAGRAPHS)
    furniture = read_table(furnished, "furniture")
    # Paragraph 0 is the headline, so the body's paragraphs are numbered from 1.
    assert [(f["paragraph"] - 1, f["kind"]) for f in furniture] == KINDS
    texts = [article["text"][f["start"] : f["stop"]] for f in furniture]
    assert texts[0] == "МОСКВА, 15 ноя - РИА Новости. " and texts[3] == "© Reuters"


def test_nothing_is_found_in_furniture(furnished) -> None:
    spans = [(f["start"], f["stop"]) for f in read_table(furnished, "furniture")]

    def inside(row: dict) -> bool:
        return any(a <= row["start"] < b for a, b in spans)

    mentions = read_table(furnished, "mentions")
    assert {m["surface"] for m in mentions} >= {"Путин", "Эрдоган", "Сирию", "Владимир Путин"}
    for table in ("mentions", "country_mentions", "events", "quotes"):
        assert not [row for row in read_table(furnished, table) if inside(row)], table
    # No Меркель, Германия or Reuters (caption, credit); no 3 March 2017 (caption), no 15
    # November (dateline); the text filter's index has no word of the furniture.
    assert not {"Ангела Меркель", "Германии", "Reuters", "Берлине"} & {
        m["surface"] for m in mentions
    }
    assert read_table(furnished, "events") == []
    words = {w["word"] for w in read_table(furnished, "words")}
    assert {"путин", "анкары"} <= words
    assert not {"jwplayer", "cookie", "reuters", "меркель", "ноя"} & words


def test_furniture_paragraphs_shape_no_topic(furnished) -> None:
    paragraphs = read_table(furnished, "paragraphs")
    furniture = {
        f["paragraph"] for f in read_table(furnished, "furniture") if f["kind"] != "dateline"
    }
    taken = [(p["topic_id"], p["topic_score"]) for p in paragraphs if p["paragraph"] in furniture]
    assert taken == [(None, None)] * 4  # code, caption, credit, banner: no topic, not inherited
    assert any(p["topic_id"] is not None for p in paragraphs)
