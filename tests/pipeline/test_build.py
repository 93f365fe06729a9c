"""Builds are atomic (a failure leaves the previous data as it was) and deterministic."""

from __future__ import annotations

import hashlib
import json

import pytest
from conftest import SEEDS, seed

import pipeline.build
import pipeline.runtime.parquet
import pipeline.stages.topics.corpus
from pipeline.build import build


def snapshot(directory) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in directory.iterdir()}


def test_same_input_gives_byte_identical_tables(tmp_path) -> None:
    first = build([SEEDS], tmp_path / "a", progress=False)
    # Same files, named in another order and one by one: the tables must not change.
    files = sorted(SEEDS.glob("*.txt"), reverse=True)
    second = build(files, tmp_path / "b", progress=False)
    for name in ("articles.parquet", "paragraphs.parquet"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    assert first["build_id"] == second["build_id"]
    assert first["tables"] == second["tables"]


def test_failure_in_a_stage_leaves_previous_build(tmp_path, monkeypatch) -> None:
    out = tmp_path / "data"
    build([seed("000")], out, progress=False)
    before = snapshot(out)

    def broken(_articles):
        raise RuntimeError("simulated crash in the paragraphs stage")

    monkeypatch.setattr(pipeline.stages.topics.corpus, "build_paragraphs", broken)
    with pytest.raises(RuntimeError, match="simulated crash"):
        build([SEEDS], out, progress=False)
    assert snapshot(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data"]  # no scratch left behind


def test_failure_while_writing_leaves_previous_build(tmp_path, monkeypatch) -> None:
    out = tmp_path / "data"
    build([seed("000")], out, progress=False)
    before = snapshot(out)
    real_write = pipeline.runtime.parquet.write_table
    written = []

    def write_then_crash(table, path):
        if written:  # the first table is written, the second fails: a half-written build
            raise OSError("simulated full disk")
        written.append(path)
        return real_write(table, path)

    monkeypatch.setattr(pipeline.build, "write_table", write_then_crash)
    with pytest.raises(OSError, match="simulated full disk"):
        build([SEEDS], out, progress=False)
    assert written and written[0].parent != out
    assert snapshot(out) == before
    assert json.loads((out / "manifest.json").read_text())["tables"]["articles"]["rows"] == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data"]


def test_rebuild_replaces_previous_build(tmp_path) -> None:
    out = tmp_path / "data"
    build([seed("000")], out, progress=False)
    manifest = build([SEEDS], out, progress=False)
    assert manifest["tables"]["articles"]["rows"] == 5
    assert json.loads((out / "manifest.json").read_text())["build_id"] == manifest["build_id"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data"]
