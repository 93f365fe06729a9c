"""What a download holds: a chart's exact rows as CSV, and the provenance beside them."""

from __future__ import annotations

import json

import pandas as pd

from dashboard.filters import Filters
from dashboard.store import Build, manifest


def to_csv(frame: pd.DataFrame) -> bytes:
    """The exact rows of a chart as UTF-8 CSV (no index, no BOM)."""
    return frame.to_csv(index=False).encode("utf-8")


def provenance(build: Build, chart: str, filters: Filters) -> bytes:
    """What a downloaded CSV was computed from: build, pipeline version, filters, time."""
    info = manifest(build)
    record = {
        "chart": chart,
        "filters": filters.describe(),
        "data_directory": build.directory,
        "build_id": build.build_id,
        "built_at": info.get("created_at"),
        "pipeline_version": info.get("project", {}).get("version"),
        "schema_version": info.get("schema_version"),
        "exported_at": pd.Timestamp.now(tz="UTC").isoformat(timespec="seconds"),
    }
    return json.dumps(record, ensure_ascii=False, indent=2).encode("utf-8")
