"""The pipeline version: what a build's per-article results depend on. The article cache and
the memos are kept per version, and a Dask cluster's workers must run the same one."""

from __future__ import annotations

import hashlib
from functools import cache
from importlib.metadata import version
from pathlib import Path

import pipeline

#: Libraries whose models or rules shape the per-article results.
_MODELS = ("natasha", "slovnet", "razdel", "pymorphy2", "pymorphy2-dicts-ru")


@cache
def pipeline_version() -> str:
    """'0.1.0+1a2b3c4d5e6f': the package version and a digest of the pipeline's files and of
    the versions of the libraries behind its models."""
    root = Path(pipeline.__file__).parent
    digest = hashlib.sha256(" ".join(f"{n}={version(n)}" for n in _MODELS).encode())
    for path in sorted(p for p in root.rglob("*") if p.is_file() and p.suffix != ".pyc"):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    return f"{pipeline.__version__}+{digest.hexdigest()[:12]}"


def version_directory(root: Path) -> Path:
    """Where the cache under `root` keeps what this pipeline version made."""
    return root / pipeline_version()
