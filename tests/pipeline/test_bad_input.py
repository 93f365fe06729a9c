"""Every unusable input ends in the manifest's `rejected` list with a reason a person reads."""

from __future__ import annotations

import gzip
import json
import random

import pytest
from conftest import SEEDS, read_table, seed

from pipeline.build import NoArticles, build
from pipeline.cli import main

GOOD = seed("003").read_text(encoding="utf-8")
BODY = "Президент Азербайджана Ильхам Алиев принял посла Казахстана в Баку. Обсудили транзит."


def rejected(tmp_path, *inputs, **options) -> list[dict]:
    """Build `inputs` plus one good seed (so the build succeeds) and return the rejections."""
    manifest = build([*inputs, seed("004")], tmp_path / "out", progress=False, **options)
    return manifest["rejected"]


def test_empty_file(tmp_path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text("  \n\n \t\n")
    reasons = {r["path"].rsplit("/", 1)[-1]: r["reason"] for r in rejected(tmp_path, tmp_path)}
    assert reasons == {"blank.txt": "empty file", "empty.txt": "empty file"}


def test_binary_file(tmp_path) -> None:
    path = tmp_path / "scan.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    (entry,) = rejected(tmp_path, path)
    assert entry["path"] == str(path) and entry["line"] is None
    assert entry["reason"] == "binary file (contains NUL bytes), not text"


def test_undecodable_text(tmp_path) -> None:
    noise = random.Random(7)
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(noise.randrange(1, 256) for _ in range(4000)))
    (entry,) = rejected(tmp_path, path)
    assert entry["reason"].startswith("could not recognise the text encoding")
    assert "re-save the file as UTF-8" in entry["reason"]


def test_file_over_size_limit(tmp_path) -> None:
    big = seed("003")  # 29,473 bytes
    (entry,) = rejected(tmp_path, big, max_bytes=20_000)
    assert entry["path"] == str(big)
    assert entry["reason"] == "file is 0.0 MB, over the 0.02 MB limit (raise it with --max-size)"


def test_row_over_size_limit(tmp_path) -> None:
    path = tmp_path / "rows.jsonl"
    path.write_text(json.dumps({"text": "слово " * 5000}) + "\n" + json.dumps({"text": BODY}))
    (entry,) = rejected(tmp_path, path, max_bytes=20_000)
    assert (entry["line"], entry["reason"]) == (
        1,
        "row text is 0.1 MB, over the 0.02 MB limit (raise it with --max-size)",
    )


def test_jsonl_line_not_json(tmp_path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text(
        json.dumps({"text": BODY}, ensure_ascii=False) + '\n{"text": "оборвано\n\n[1, 2]\n',
        encoding="utf-8",
    )
    entries = rejected(tmp_path, path)
    assert [(e["line"], e["reason"]) for e in entries] == [
        (2, "line is not valid JSON (Unterminated string starting at column 10)"),
        (4, "expected a JSON object with a 'text' field, got list"),
    ]


def test_row_without_text(tmp_path) -> None:
    path = tmp_path / "feed.jsonl"
    rows = [{"title": "Без текста"}, {"text": "   "}, {"text": None}, {"text": BODY}]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    entries = rejected(tmp_path, path)
    assert [e["line"] for e in entries] == [1, 2, 3]
    assert {e["reason"] for e in entries} == {
        "row has no text (the 'text' field is missing or empty)"
    }


def test_duplicate_text(tmp_path) -> None:
    # Seed 003 with its body in other case and spacing: the normalised hash is the same.
    header, body = GOOD[:17], GOOD[17:]
    assert header == " date 2025-12-29 "
    original, copy = tmp_path / "a_original.txt", tmp_path / "b_copy.txt"
    original.write_text(GOOD, encoding="utf-8")
    copy.write_text(header + body.upper().replace(" ", "  \t"), encoding="utf-8")
    manifest = build([copy, original], tmp_path / "out", progress=False)
    # The first in sorted path order is kept, whatever the order on the command line.
    assert manifest["rejected"] == [
        {"path": str(copy), "line": None, "reason": f"duplicate text of {original}"}
    ]
    assert manifest["tables"]["articles"]["rows"] == 1


def test_csv_without_text_column(tmp_path) -> None:
    path = tmp_path / "export.csv"
    path.write_text("title,body\nЗаголовок,Текст\n", encoding="utf-8")
    (entry,) = rejected(tmp_path, path)
    assert (entry["line"], entry["reason"]) == (
        1,
        "CSV header has no 'text' column (found: title,body)",
    )


def test_unsupported_and_missing_paths(tmp_path) -> None:
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.4")
    entries = rejected(tmp_path, tmp_path / "report.pdf", tmp_path / "nowhere")
    assert {(e["path"].rsplit("/", 1)[-1], e["reason"]) for e in entries} == {
        ("report.pdf", "unsupported file type '.pdf'; use .txt, .jsonl, .jsonl.gz or .csv"),
        ("nowhere", "path does not exist"),
    }


def test_corrupt_gzip(tmp_path) -> None:
    path = tmp_path / "feed.jsonl.gz"
    path.write_bytes(gzip.compress(json.dumps({"text": BODY}).encode())[:-12])
    (entry,) = rejected(tmp_path, path)
    assert entry["reason"].startswith("could not read the file (")


def test_unrecognised_date_is_kept_as_missing_with_warning(tmp_path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps({"text": BODY, "date": "вчера"}, ensure_ascii=False))
    manifest = build([path], tmp_path / "out", progress=False)
    (article,) = read_table(tmp_path / "out", "articles")
    assert (article["published"], article["date_source"]) == (None, "missing")
    assert manifest["warnings"] == [
        {"path": str(path), "line": 1, "message": "unrecognised date 'вчера'; left empty"}
    ]


def test_manifest_input_statuses(tmp_path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"text": BODY}, ensure_ascii=False) + "\nnot json\n")
    (tmp_path / "empty.txt").write_bytes(b"")
    manifest = build([tmp_path, seed("004")], tmp_path / "out", progress=False)
    status = {
        e["path"].rsplit("/", 1)[-1]: (e["status"], e["articles"], e["rejected"])
        for e in manifest["inputs"]
    }
    assert status == {
        "feed.jsonl": ("partial", 1, 1),
        "empty.txt": ("rejected", 0, 1),
        seed("004").name: ("ok", 1, 0),
    }
    assert all(len(e["sha256"]) == 64 for e in manifest["inputs"])


def test_nothing_usable_exits_2_and_leaves_output_alone(tmp_path, capsys) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    out = tmp_path / "out"
    assert main(["build", str(tmp_path / "in"), "--out", str(out), "--quiet"]) == 2
    captured = capsys.readouterr()
    assert "empty.txt: empty file" in captured.out
    assert "No articles were built" in captured.err and "left unchanged" in captured.err
    assert not out.exists()
    with pytest.raises(NoArticles):
        build([tmp_path / "in"], out, progress=False)
    # Nothing to read at all: only a path that does not exist.
    assert main(["build", str(tmp_path / "nowhere"), "--out", str(out), "--quiet"]) == 2
    captured = capsys.readouterr()
    assert "nowhere: path does not exist" in captured.out and "No articles" in captured.err


def test_cli_summary_and_exit_0(tmp_path, capsys) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    code = main(
        ["build", str(SEEDS), str(tmp_path / "empty.txt"), "--out", str(tmp_path / "o"), "--quiet"]
    )
    out = capsys.readouterr().out
    assert code == 0
    assert "Built 5 articles, 119 paragraphs" in out  # 118 body paragraphs + 001's headline
    assert f"Rejected 1:\n  {tmp_path / 'empty.txt'}: empty file" in out
    assert "Time: ingest" in out
