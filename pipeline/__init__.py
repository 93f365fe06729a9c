"""Offline batch pipeline: Russian news articles in, Parquet tables and a manifest out."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("obzor")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"

#: Bumped whenever a table's columns or meaning change; the dashboard refuses other versions.
SCHEMA_VERSION = 20
