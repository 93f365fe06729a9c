"""Shared fixtures: the shipped seeds, a build of them, and the optional ../shared material."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from pipeline.build import build

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = Path(os.environ.get("OBZOR_SHARED", ROOT.parent / "shared"))


def seed(prefix: str) -> Path:
    """The seed file whose name starts with `prefix` ('001')."""
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path


def printed_by_hash_seed(code: str, seeds: int = 6) -> set[str]:
    """What `python -c code` prints under each of `seeds` hash seeds: a set's order changes with
    the seed (each build worker has its own), so one printed value means the order did not
    decide."""
    return {
        subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
        ).stdout.strip()
        for seed in range(seeds)
    }


def read_table(directory: Path, name: str) -> list[dict]:
    return pq.read_table(directory / f"{name}.parquet").to_pylist()


@pytest.fixture(autouse=True)
def runner_main_module() -> Iterator[None]:
    """Put the test runner's `__main__` back after each test: Streamlit's AppTest leaves the
    last page script there, and a build's spawned processes (multiprocessing's spawn) would run
    that script first and die (in a checkout without `data/`)."""
    main = sys.modules["__main__"]
    yield
    sys.modules["__main__"] = main


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("seed-build") / "data"
    build([SEEDS], out, progress=False)
    return out


@pytest.fixture(scope="session")
def seed_articles(seed_build: Path) -> dict[str, dict]:
    """Seed articles keyed by the seed's number ('000'..'004')."""
    return {Path(a["origin"]).name[:3]: a for a in read_table(seed_build, "articles")}
