"""Command line: `obzor build INPUT... --out DIR` (also `python -m pipeline build ...`)."""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

from pipeline.build import NoArticles, build
from pipeline.readers import SUPPORTED

EXIT_OK, EXIT_NO_ARTICLES = 0, 2
_SHOWN_REJECTIONS = 15
_UNITS = {"": 1, "b": 1, "kb": 10**3, "mb": 10**6, "gb": 10**9}


def parse_size(value: str) -> int:
    """'5MB', '500 kb', '1.5GB' or a number of bytes."""
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([kmg]?b?)\s*", value.lower())
    if not match:
        raise argparse.ArgumentTypeError(f"not a size: {value!r} (examples: 5MB, 800KB, 1GB)")
    return int(float(match.group(1)) * _UNITS[match.group(2)])


def _positive(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"not a positive whole number: {value!r}")
    return int(value)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="obzor", description="Build the dashboard's data from Russian news articles."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    b = commands.add_parser(
        "build",
        help="ingest articles and write the Parquet tables",
        description=(
            "Read articles from files and folders (recursively) and write Parquet tables plus "
            f"manifest.json. Formats: {', '.join(SUPPORTED)} (optionally .gz). Tabular inputs "
            "need a 'text' column and may have title, date, url, source, id. Unusable inputs "
            "are listed with a reason in the manifest, never silently dropped. Exit status: "
            "0 when at least one article was built, 2 when none."
        ),
    )
    b.add_argument("inputs", nargs="+", type=Path, metavar="INPUT", help="files or folders")
    b.add_argument(
        "--out", type=Path, default=Path("data"),
        help="output directory, replaced atomically when the build succeeds (default: data)",
    )  # fmt: skip
    b.add_argument(
        "--max-size", type=parse_size, default=parse_size("5MB"), metavar="SIZE",
        help="largest article accepted: a .txt file or one row's text (default: 5MB)",
    )  # fmt: skip
    b.add_argument(
        "--workers", type=int, default=os.cpu_count() or 1, metavar="N",
        help="processes for the NLP stages; models load once per process "
        "(default: all cores; the tables do not depend on it)",
    )  # fmt: skip
    b.add_argument(
        "--topics", type=_positive, metavar="K",
        help="number of topics (default: chosen by coherence and stability)",
    )  # fmt: skip
    b.add_argument("--quiet", action="store_true", help="no progress bars")
    return parser


def _print_rejections(rejected: list[dict], where: Path | None) -> None:
    if not rejected:
        return
    print(f"Rejected {len(rejected):,}:")
    for item in rejected[:_SHOWN_REJECTIONS]:
        line = f":{item['line']}" if item["line"] else ""
        print(f"  {item['path']}{line}: {item['reason']}")
    if len(rejected) > _SHOWN_REJECTIONS:
        rest = len(rejected) - _SHOWN_REJECTIONS
        print(f"  ... and {rest:,} more" + (f", all listed in {where}" if where else ""))


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        manifest = build(
            args.inputs, args.out, max_bytes=args.max_size, workers=max(1, args.workers),
            topics=args.topics, progress=not args.quiet,
        )  # fmt: skip
    except NoArticles as exc:
        _print_rejections(exc.manifest["rejected"], None)
        n_inputs = len(exc.manifest["inputs"])
        print(
            f"No articles were built: all {n_inputs} input(s) were rejected for the reasons "
            f"above; {args.out} was left unchanged. Fix the inputs or pass other paths.",
            file=sys.stderr,
        )
        return EXIT_NO_ARTICLES
    rows = {name: f"{table['rows']:,}" for name, table in manifest["tables"].items()}
    print(
        f"Built {rows['articles']} articles, {rows['paragraphs']} paragraphs, "
        f"{rows['entities']} entities ({rows['mentions']} mentions), {rows['topics']} topics "
        f"into {args.out}/ (build {manifest['build_id']})"
    )
    _print_rejections(manifest["rejected"], args.out / "manifest.json")
    for warning in manifest["warnings"][:_SHOWN_REJECTIONS]:
        print(f"Warning: {warning['path']}:{warning['line']}: {warning['message']}")
    stages = " · ".join(f"{name} {sec:.2f} s" for name, sec in manifest["seconds"].items())
    print(f"Time: {stages}")
    return EXIT_OK
