"""The manifest written beside a build's tables: what was built from what and with which
code, every input and every rejection with its reason, each table's rows and digest, and the
seconds each stage took."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import platform
from dataclasses import asdict, dataclass, field
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import pipeline
from pipeline.runtime.files import write_text
from pipeline.runtime.version import pipeline_version
from pipeline.schema import MANIFEST, TABLES

#: Libraries whose versions the manifest records.
LIBRARIES = (
    "natasha",
    "pymorphy2",
    "razdel",
    "pyarrow",
    "charset-normalizer",
    "scikit-learn",
    "stop-words",
    "duckdb",
)


class NoArticles(RuntimeError):
    """Every input was rejected; nothing was written. `manifest` says why."""

    def __init__(self, manifest: dict) -> None:
        super().__init__("no articles were built")
        self.manifest = manifest


def library_versions() -> dict[str, str]:
    found = {}
    for name in LIBRARIES:
        try:
            found[name] = version(name)
        except PackageNotFoundError:
            found[name] = "not installed"
    return found


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


@dataclass
class Manifest:
    """`manifest.json`, in the order of its keys; `cache` and `topics` only when the build
    had them."""

    schema_version: int = pipeline.SCHEMA_VERSION
    build_id: str | None = None
    created_at: str = field(default_factory=_now)
    project: dict = field(
        default_factory=lambda: {"name": "obzor", "version": pipeline.__version__}
    )
    pipeline_version: str = field(default_factory=pipeline_version)
    python: str = field(default_factory=platform.python_version)
    libraries: dict[str, str] = field(default_factory=library_versions)
    options: dict = field(default_factory=dict)
    inputs: list[dict] = field(default_factory=list)
    rejected: list[dict] = field(default_factory=list)
    warnings: list[dict] = field(default_factory=list)
    trimmed: list[dict] = field(default_factory=list)
    tables: dict[str, dict] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)
    cache: dict | None = None
    topics: dict | None = None

    def as_dict(self) -> dict:
        return {
            name: value
            for name, value in asdict(self).items()
            if value is not None or name not in ("cache", "topics")
        }

    def seal(self) -> None:
        """Put the tables in the data contract's order and derive the build id from their
        digests: equal tables, equal id."""
        self.tables = {name: self.tables[name] for name in TABLES}
        digest = hashlib.sha256()
        for name, entry in self.tables.items():
            digest.update(f"{name}:{entry['sha256']}".encode())
        self.build_id = digest.hexdigest()[:12]

    def write(self, directory: Path) -> None:
        """Write manifest.json into `directory` by rename, so a reader never sees half of it."""
        text = json.dumps(self.as_dict(), ensure_ascii=False, indent=2, default=str)
        write_text(text + "\n", directory / MANIFEST)
