"""The own quotes sample's pure parts on tiny synthetic texts: the split into halves, marked
sheets to offsets and back, the pipeline's sentences with their offsets, gold tokens, and the
dictionary parsing of the speech lexicon (no ../shared, no Wiktionary needed)."""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from corpus_sentences import Sentence, digest, format_spans, half, parse_spans, split  # noqa: E402
from eval_quotes import predicted_tags, token_spans  # noqa: E402
from eval_quotes_own import cued_in, gold_tokens  # noqa: E402
from sample_quotes import (  # noqa: E402
    SHEET,
    Batch,
    draw,
    has_speech_word,
    parse_marked,
    sheet_to_labels,
)
from speech_lexicon import gloss_of, heads, labels  # noqa: E402

from pipeline.nlp.speech import Speech, find_speech  # noqa: E402

SENTENCE = "По словам Ивана, завтра будет дождь."


def test_half_and_digest_are_fixed_by_the_text():
    assert half("Текст.") == half("Текст.")
    assert {half(f"Предложение {i}.") for i in range(20)} == {"tune", "check"}
    assert digest(SENTENCE) == digest(SENTENCE) and len(digest(SENTENCE)) == 12


def test_marked_text_gives_spans_of_the_plain_text():
    plain, spans = parse_marked("{C По словам} {S Ивана}, {Q завтра будет дождь}.")
    assert plain == SENTENCE
    assert [plain[a:b] for a, b in spans["cue"]] == ["По словам"]
    assert [plain[a:b] for a, b in spans["source"]] == ["Ивана"]
    assert [plain[a:b] for a, b in spans["content"]] == ["завтра будет дождь"]
    with pytest.raises(ValueError):
        parse_marked("{Q a {S b}}")


def test_spans_round_trip():
    assert parse_spans(format_spans([(15, 20), (3, 10)])) == [(3, 10), (15, 20)]
    assert parse_spans("") == [] and format_spans([]) == ""


def test_a_judged_sheet_becomes_offsets_without_text(tmp_path):
    sheet = tmp_path / "sheet.tsv"
    with sheet.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, delimiter="\t", lineterminator="\n")
        writer.writerow(SHEET)
        base = ["lexicon", "tune", "a1", "0", str(len(SENTENCE)), digest(SENTENCE), SENTENCE]
        writer.writerow(["1", *base, "{C По словам} {S Ивана}, {Q завтра будет дождь}.", ""])
        writer.writerow(["2", *base, "-", ""])
    first, second = sheet_to_labels(sheet)
    assert (first["cue"], first["source"], first["content"]) == ("0-9", "10-15", "17-35")
    assert SENTENCE not in first.values()
    assert second["content"] == second["source"] == second["cue"] == ""


def test_sentences_keep_their_offsets_in_the_article():
    text = "Заголовок статьи\n\nПервое предложение здесь. Второе, по словам автора, тоже."
    found = list(split([("a1", text)]))
    assert [s.text for s in found] == [
        "Заголовок статьи",
        "Первое предложение здесь.",
        "Второе, по словам автора, тоже.",
    ]
    assert all(text[s.start : s.stop] == s.text for s in found)


def test_gold_tokens_take_the_tag_of_their_span():
    spans = {"content": [(17, 35)], "source": [(10, 15)], "cue": [(0, 9)]}
    places, golds = gold_tokens(SENTENCE, spans)
    tagged = {SENTENCE[a:b]: gold for (a, b), gold in zip(places, golds, strict=True)}
    assert tagged["По"] == tagged["словам"] == "cue"
    assert tagged["Ивана"] == "source" and tagged["дождь"] == "content"
    assert tagged[","] == tagged["."] == "None"


def test_only_quotes_cued_in_the_sentence_are_scored():
    inside = Speech("direct", 0, 30, 40, 46)
    outside = Speech("direct", 0, 60, 70, 76)
    assert cued_in([inside, outside], 32, 60) == [inside]


def test_the_possessive_of_po_ego_slovam_is_the_source_not_the_cue():
    # The convention tags "{C По} {S его} {C словам}": a token has one tag.
    text = "По его словам, под парковые территории выделено около 12 га земли."
    found = find_speech(text, [(0, len(text))], [(0, len(text))])
    words = ["По", "его", "словам"]
    tags = predicted_tags(text, found, token_spans(text, words))
    assert tags == [{"cue"}, {"source"}, {"cue"}]


def test_the_comma_before_an_apposition_is_not_the_source():
    # The convention tags "{S Гвинет Тодд}, {S экс-советника ...}": two spans (tune9).
    text = (
        "По мнению Гвинет Тодд, экс-советника бывшего президента США Билла Клинтона, ударами "
        "по Сирии Трамп хотел отвлечь внимание от внутренних проблем."
    )
    found = find_speech(text, [(0, len(text))], [(0, len(text))])
    words = ["Тодд", ",", "экс-советника", "Клинтона", ","]
    tags = predicted_tags(text, found, token_spans(text, words))
    assert tags == [{"source"}, set(), {"source"}, {"source"}, set()]


def test_that_and_an_aside_after_it_are_content():
    # The convention tags "{Q что, по его мнению, ...}": 'что' opens the clause said even when
    # an aside follows it, which the pipeline trims with the comma (tune22).
    text = (
        "Учёный рассказал, что, по его мнению, в разработку этих технологий должно быть "
        "вовлечено правительство."
    )
    found = find_speech(text, [(0, len(text))], [(0, len(text))])
    words = ["рассказал", ",", "что", ",", "по", "мнению", "правительство", "."]
    tags = predicted_tags(text, found, token_spans(text, words))
    assert tags == [{"cue"}, set()] + [{"content"}] * 5 + [set()]


def test_a_dashed_answer_is_not_scored_and_a_label_is_the_source_only():
    # '— Мы уже ответили.' after two dashed questions: its cue is the dash, no source.
    dashed = Speech("interview", 2, 18, 0, 1)
    # 'Анна Смирнова: Мы уже ответили.': the label is the cue and the source.
    labelled = Speech("interview", 15, 31, 0, 13, 0, 13)
    assert cued_in([dashed, labelled], 0, 31) == [labelled]
    assert labelled.cue_spans() == []


def test_speech_words_are_found_in_any_case_and_with_yo():
    assert has_speech_word("Он ЗАЯВИЛ вчера", frozenset({"заявил"}))
    assert has_speech_word("Она всё объяснила", frozenset({"объяснила", "все"}))
    assert not has_speech_word("Дождь идёт", frozenset({"заявил"}))


def test_a_batch_draws_its_strata_and_leaves_out_the_batches_before():
    texts = [f"Он заявил {i}." if i % 2 else f"Дождь идёт {i}." for i in range(40)]
    sentences = [Sentence(f"a{i}", 0, len(t), t) for i, t in enumerate(texts)]
    taken = sentences[:10]
    drawn = draw(sentences, frozenset({"заявил"}), Batch(7, 5, 3), taken)
    assert [stratum for stratum, _ in drawn] == ["lexicon"] * 5 + ["random"] * 3
    assert all("заявил" in s.text for stratum, s in drawn if stratum == "lexicon")
    assert len({s for _, s in drawn}) == 8 and not {s for _, s in drawn} & set(taken)
    assert drawn == draw(sentences, frozenset({"заявил"}), Batch(7, 5, 3), taken)


def test_a_gloss_is_read_without_examples_and_with_its_labels():
    definition = "шептать~ru~шептать~ru~{{разг.|ru}} [[говорить]] тихо {{пример|Он шептал.}}~1~2"
    gloss = gloss_of(definition)
    assert "пример" not in gloss
    assert labels(gloss) == {"разг."}
    assert "говорить" in heads(gloss, 3)
    assert "сообщать" in heads("{{действие|сообщать|передача сведений}}", 0)


def test_agreement_scores_b_against_a_and_lists_presence(capsys):
    from agree_quotes import agreement, marked

    def row(n, content, source, cue):
        return {"n": n, "text": SENTENCE, "content": content, "source": source, "cue": cue}

    a = row("1", [(17, 35)], [(10, 15)], [(0, 9)])
    # B leaves the cue's preposition out and sees no speech in a second copy of the sentence.
    b = row("1", [(17, 35)], [(10, 15)], [(3, 9)])
    agreement([(a, b), (row("2", [(17, 35)], [], []), row("2", [], [], []))])
    out = capsys.readouterr().out
    assert "| source | 1 | 1 | 1.000 | 1.000 | 1.000 |" in out
    assert "| cue | 2 | 1 | 1.000 | 0.500 | 0.667 |" in out
    assert "Presence of content: A only 1 ['2'], B only 0 []" in out
    assert marked(a) == "{C По словам} {S Ивана}, {Q завтра будет дождь}."
    assert marked(row("3", [], [], [])) == "-"
