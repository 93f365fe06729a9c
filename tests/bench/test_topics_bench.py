"""bench/topics.py with the build's cache times the topic stage the build runs: the same
topics, from the same cached per-article tables, with nothing analysed again."""

from __future__ import annotations

import sys
from pathlib import Path

import pyarrow.parquet as pq
from conftest import SEEDS

BENCH = Path(__file__).resolve().parents[2] / "bench"
sys.path.insert(0, str(BENCH))

import topics  # noqa: E402

from pipeline.build import build  # noqa: E402
from pipeline.runtime.engine import SERIAL  # noqa: E402


def test_the_stage_as_built_finds_the_build_topics(tmp_path: Path) -> None:
    out, cache = tmp_path / "data", tmp_path / "cache"
    build([SEEDS], out, cache=cache, progress=False)
    found, seconds, _memory, missing = topics.as_built(out, cache, SERIAL)
    assert missing == 0 and seconds > 0
    built = pq.read_table(out / "topics.parquet").sort_by("topic_id")
    assert built.num_rows >= 2
    assert found.topics["terms"].to_pylist() == built["terms"].to_pylist()
    assert found.topics["size"].to_pylist() == built["size"].to_pylist()


def test_the_bench_leaves_other_versions_in_the_cache(tmp_path: Path) -> None:
    """A build of other code keeps one version in its cache; the bench, given that cache, must
    not delete it (a helper's bench once emptied the cache a whole build had filled)."""
    out, cache = tmp_path / "data", tmp_path / "cache"
    build([SEEDS], out, cache=cache, progress=False)
    other = cache / "0.0.0+other-code"
    other.mkdir()
    (other / "run.keys.parquet").write_bytes(b"kept")
    topics.as_built(out, cache, SERIAL)
    assert (other / "run.keys.parquet").read_bytes() == b"kept"
    build([SEEDS], tmp_path / "again", cache=cache, progress=False)
    assert not other.exists()  # a build still keeps one version
