"""Scale: the engines (local processes, Dask) and the per-article cache give the tables of a
plain single-process build of the seeds, byte for byte."""

from __future__ import annotations

import gc
import json
import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from conftest import SEEDS

import pipeline
from pipeline.build import build
from pipeline.ingest import articles as articles_stage
from pipeline.ingest import inputs as inputs_stage
from pipeline.runtime import cache as article_cache
from pipeline.runtime import corpus as corpus_stage
from pipeline.runtime.memory import collection_paused
from pipeline.runtime.version import pipeline_version
from pipeline.stages import analyse


def manifest(directory: Path) -> dict:
    return json.loads((directory / "manifest.json").read_text())


def derived(tables: dict) -> dict:
    """The manifest's table entries but `articles`, whose `origin` names the input folder."""
    return {name: entry for name, entry in tables.items() if name != "articles"}


@pytest.mark.parametrize("engine", ["local", "dask"])
def test_engines_give_identical_tables(engine: str, seed_build: Path, tmp_path: Path) -> None:
    # A clean interpreter: spawned workers re-import the parent's __main__, which under
    # pytest may be a Streamlit script left behind by AppTest. CHUNK=2 gives three tasks to
    # each of the per-article and the entity stages, so both workers get work.
    script = (
        "import sys; import pipeline.stages.analyse as analyse; analyse.TASK_ARTICLES = 2; "
        "import pipeline.runtime.corpus as corpus; corpus.CHUNK_ARTICLES = 2; "
        "from pipeline.cli import main; sys.exit(main(sys.argv[1:]))"
    )
    out = tmp_path / "out"
    command = [sys.executable, "-c", script, "build", str(SEEDS), "--out", str(out), "--quiet"]
    subprocess.run([*command, "--engine", engine, "--workers", "2", "--no-cache"], check=True)
    built, serial = manifest(out), manifest(seed_build)
    assert built["options"]["engine"] == engine
    assert built["options"]["workers"] == 2
    assert built["tables"] == serial["tables"]  # the same rows and byte-identical files
    assert built["build_id"] == serial["build_id"]
    assert serial["tables"]["mentions"]["rows"] > 200


def test_unreachable_scheduler_is_a_clear_error(tmp_path: Path) -> None:
    command = [
        sys.executable,
        "-m",
        "pipeline",
        "build",
        str(SEEDS),
        "--out",
        str(tmp_path / "o"),
        "--engine",
        "dask",
        "--scheduler",
        "tcp://127.0.0.1:9",
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert done.returncode == 3
    assert "no Dask scheduler answered at tcp://127.0.0.1:9" in done.stderr
    assert "dask scheduler" in done.stderr  # what to do next
    assert not (tmp_path / "o").exists()


def test_workers_with_other_pipeline_code_are_refused(tmp_path: Path) -> None:
    # The build process believes it is another version than the LocalCluster's workers.
    script = (
        "import sys, pipeline; pipeline.__version__ = '99.0.0'; "
        "from pipeline.cli import main; sys.exit(main(sys.argv[1:]))"
    )
    command = [
        sys.executable,
        "-c",
        script,
        "build",
        str(SEEDS),
        "--out",
        str(tmp_path / "o"),
        "--engine",
        "dask",
        "--workers",
        "1",
        "--no-cache",
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert done.returncode == 3, done.stderr
    assert "this build runs 99.0.0+" in done.stderr
    assert "install the same commit" in done.stderr
    assert not (tmp_path / "o").exists()


def test_tasks_carry_only_their_articles(seed_build: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A task is pickled to a worker; a slice of the corpus table would carry the whole corpus.
    # The articles come in parts that do not line up with the tasks, in id order (as ingestion
    # writes them; the build lays them out by date at its end).
    articles = pq.read_table(seed_build / "articles.parquet").sort_by("article_id")
    monkeypatch.setattr(analyse, "TASK_ARTICLES", 2)
    tasks = list(analyse._chunks([articles.slice(0, 3), articles.slice(3)]))
    assert [a.num_rows for a in tasks] == [2, 2, 1]
    assert pa.concat_tables(tasks)["article_id"].equals(articles["article_id"])
    corpus = len(pickle.dumps(articles.select(["text"])))
    for task_articles in tasks:
        texts = sum(map(len, task_articles.column("text").to_pylist()))
        assert len(pickle.dumps(task_articles)) < 3 * texts + 10_000 < corpus


def test_a_paused_collection_resumes_as_it_was() -> None:
    # The entity passes pause Python's cycle collector: it runs again after them, even after a
    # failed one, and a pause inside a pause leaves it paused.
    assert gc.isenabled()
    with pytest.raises(ValueError, match="failed"), collection_paused():
        assert not gc.isenabled()
        with collection_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
        raise ValueError("failed")
    assert gc.isenabled()


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """Four of the five seeds; a test adds the fifth."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    for path in sorted(SEEDS.glob("*.txt"))[:4]:
        shutil.copy(path, folder)
    return folder


def add_last_seed(folder: Path) -> None:
    shutil.copy(sorted(SEEDS.glob("*.txt"))[4], folder)


def test_cache_reanalyses_only_the_added_article(
    corpus: Path, seed_build: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Chunks of two articles: the corpus-wide stages read chunks that draw on both runs.
    monkeypatch.setattr(corpus_stage, "CHUNK_ARTICLES", 2)
    store = tmp_path / "cache"
    first = build([corpus], tmp_path / "a", cache=store, progress=False)
    assert first["cache"]["reused_articles"] == 0
    assert first["cache"]["analysed_articles"] == 4
    add_last_seed(corpus)
    second = build([corpus], tmp_path / "b", cache=store, progress=False)
    assert (second["cache"]["reused_articles"], second["cache"]["analysed_articles"]) == (4, 1)
    # The corpus-wide stages ran over all five: the same tables as a build without a cache.
    assert derived(second["tables"]) == derived(manifest(seed_build)["tables"])
    third = build([corpus], tmp_path / "c", cache=store, progress=False)
    assert (third["cache"]["reused_articles"], third["cache"]["analysed_articles"]) == (5, 0)
    assert third["tables"] == second["tables"]
    # The same articles: the fits that chose K are reused; a new article in the sample refits.
    assert (second["cache"]["reused_topic_fits"], third["cache"]["reused_topic_fits"]) == (
        False,
        True,
    )
    assert third["seconds"]["analyse"] < second["seconds"]["analyse"]
    # Back to four articles: one of the cache's two runs has nothing this build needs.
    sorted(corpus.glob("*.txt"))[4].unlink()
    fourth = build([corpus], tmp_path / "d", cache=store, progress=False)
    assert (fourth["cache"]["reused_articles"], fourth["cache"]["analysed_articles"]) == (4, 0)
    assert fourth["tables"] == first["tables"]


def test_a_new_pipeline_version_empties_the_cache(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = tmp_path / "cache"
    first = build([corpus], tmp_path / "a", cache=store, progress=False)
    monkeypatch.setattr(pipeline, "__version__", "99.0.0")
    pipeline_version.cache_clear()
    try:
        second = build([corpus], tmp_path / "b", cache=store, progress=False)
    finally:
        pipeline_version.cache_clear()
    assert second["pipeline_version"].startswith("99.0.0+")
    assert second["cache"]["reused_articles"] == 0
    assert [p.name for p in store.iterdir()] == [second["pipeline_version"]]
    assert second["tables"] == first["tables"]


def test_a_running_build_keeps_its_version(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A build with other code sharing the cache leaves a running build's results alone, and
    removes them once that build has ended."""
    store = tmp_path / "cache"
    running = article_cache.ArticleCache(store, [], {})
    monkeypatch.setattr(pipeline, "__version__", "99.0.0")
    pipeline_version.cache_clear()
    try:
        other = build([corpus], tmp_path / "b", cache=store, progress=False)
        assert sorted(p.name for p in store.iterdir()) == sorted(
            [running.directory.name, other["pipeline_version"]]
        )
        del running
        build([corpus], tmp_path / "c", cache=store, progress=False)
    finally:
        pipeline_version.cache_clear()
    assert [p.name for p in store.iterdir()] == [other["pipeline_version"]]


def test_interrupted_runs_are_ignored_and_many_runs_merge(
    corpus: Path, seed_build: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = tmp_path / "cache"
    build([corpus], tmp_path / "a", cache=store, progress=False)
    (version,) = store.iterdir()
    (keys,) = version.glob("*.keys.parquet")
    keys.unlink()  # as if the build had stopped before its run was complete
    again = build([corpus], tmp_path / "b", cache=store, progress=False)
    assert again["cache"]["analysed_articles"] == 4

    monkeypatch.setattr(article_cache, "MAX_RUNS", 1)
    monkeypatch.setattr(article_cache, "COMPACT_ARTICLES", 2)  # merged two articles at a time
    add_last_seed(corpus)
    merged = build([corpus], tmp_path / "c", cache=store, progress=False)
    assert merged["cache"]["analysed_articles"] == 1
    assert len(list(version.glob("*.keys.parquet"))) == 1  # two runs became one
    final = build([corpus], tmp_path / "d", cache=store, progress=False)
    assert final["cache"]["reused_articles"] == 5
    assert derived(final["tables"]) == derived(manifest(seed_build)["tables"])


def test_unchanged_inputs_are_not_read_again(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(inputs_stage, "CACHED_INPUT_BYTES", 0)  # the seeds are small files
    shutil.copy(corpus / sorted(p.name for p in corpus.iterdir())[0], corpus / "copy.txt")
    store = tmp_path / "cache"
    first = build([corpus], tmp_path / "a", cache=store, progress=False)
    assert [r["reason"][:18] for r in first["rejected"]] == ["duplicate text of "]

    read = []
    real_read = inputs_stage.read_file
    monkeypatch.setattr(
        inputs_stage, "read_file", lambda path, *a: read.append(path.name) or real_read(path, *a)
    )
    add_last_seed(corpus)
    second = build([corpus], tmp_path / "b", cache=store, progress=False)
    assert read == [sorted(SEEDS.glob("*.txt"))[4].name]  # the new file alone
    assert len(second["cache"]["reused_inputs"]) == 5 and first["cache"]["reused_inputs"] == []
    assert second["rejected"] == first["rejected"]
    assert second["tables"]["articles"]["rows"] == 5
    # An edited file is read again; a build without the cache gives the same tables.
    copy = corpus / "copy.txt"
    copy.write_text(copy.read_text() + "\n\nНовый абзац.")
    third = build([corpus], tmp_path / "c", cache=store, progress=False)
    assert read[1:] == ["copy.txt"] and third["rejected"] == []
    fresh = build([corpus], tmp_path / "d", progress=False)
    assert fresh["tables"] == third["tables"] and fresh["inputs"] == third["inputs"]


def test_a_new_title_reindexes_the_article(tmp_path: Path) -> None:
    texts = [path.read_text().split("\n\n", 2)[-1] for path in sorted(SEEDS.glob("*.txt"))[:2]]
    corpus = tmp_path / "corpus.jsonl"

    def write(first_title: str) -> None:
        rows = [{"text": texts[0], "title": first_title}, {"text": texts[1], "title": "Второй"}]
        corpus.write_text("\n".join(json.dumps(row, ensure_ascii=False) for row in rows))

    def titled(out: Path, word: str) -> set[str]:
        words = pq.read_table(out / "words.parquet")
        return {w["article_id"] for w in words.to_pylist() if w["word"] == word}

    store = tmp_path / "cache"
    write("Кварцевый заголовок")
    build([corpus], tmp_path / "a", cache=store, progress=False)
    write("Янтарный заголовок")
    again = build([corpus], tmp_path / "b", cache=store, progress=False)
    assert again["cache"]["analysed_articles"] == 1  # the title is part of the article's key
    assert titled(tmp_path / "b", "янтарный") and not titled(tmp_path / "b", "кварцевый")
    assert titled(tmp_path / "a", "кварцевый") == titled(tmp_path / "b", "янтарный")


def test_a_failed_analysis_leaves_no_run_behind(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_chunk, calls = analyse.analyse_chunk, []

    def failing(*task: object) -> dict:
        calls.append(1)
        if len(calls) == 2:
            raise MemoryError("stand-in for a worker that died")
        return real_chunk(*task)

    monkeypatch.setattr(analyse, "TASK_ARTICLES", 2)
    monkeypatch.setattr(analyse, "analyse_chunk", failing)
    store = tmp_path / "cache"
    with pytest.raises(MemoryError):
        build([corpus], tmp_path / "a", cache=store, progress=False)
    (version,) = store.iterdir()
    written = [p.name for p in version.iterdir() if p.is_file() and p.name != ".in-use"]
    assert written == []  # nothing half-written; the lock file of a build that uses the version
    monkeypatch.setattr(analyse, "analyse_chunk", real_chunk)
    again = build([corpus], tmp_path / "b", cache=store, progress=False)
    assert again["cache"]["analysed_articles"] == 4


def test_articles_sorted_in_buckets_are_the_same_table(
    seed_build: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A corpus larger than SORT_ROWS is sorted in files by the ids' first hex digits: with one
    # article per bucket allowed, the seeds' five articles go through 16 buckets (two digits
    # would be 256) and come out as the table sorted in memory.
    monkeypatch.setattr(articles_stage, "SORT_ROWS", 1)
    (tmp_path / "input").mkdir()
    for path in sorted(SEEDS.glob("*.txt")):
        shutil.copy(path, tmp_path / "input")
    shutil.copy(sorted(SEEDS.glob("*.txt"))[0], tmp_path / "input" / "copy.txt")  # a duplicate
    ingested = inputs_stage.ingest([tmp_path / "input"], tmp_path, progress=False)
    assert [r.reason.startswith("duplicate text of") for r in ingested.rejected] == [True]
    found = pq.read_table(ingested.articles)
    # The build lays its articles out by date at its end, with their keys; ingestion writes
    # them by id, without keys.
    built = pq.read_table(seed_build / "articles.parquet")
    expected = built.drop_columns(["article_key"]).sort_by("article_id")
    assert found["article_id"].to_pylist() == sorted(expected["article_id"].to_pylist())
    assert found.drop_columns(["origin"]).equals(expected.drop_columns(["origin"]))
    assert not list(tmp_path.glob("**/bucket-*"))
