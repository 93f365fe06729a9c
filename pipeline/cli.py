"""Command line: `obzor build INPUT... --out DIR` (also `python -m pipeline build ...`)."""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

from pipeline.build import NoArticles, build
from pipeline.ingest.readers import SUPPORTED
from pipeline.runtime.engine import ENGINES, EngineError, run_worker, start
from pipeline.runtime.memory import settle_allocator

EXIT_OK, EXIT_NO_ARTICLES, EXIT_ENGINE = 0, 2, 3
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
            "0 when at least one article was built, 2 when none, 3 when the engine did not start."
        ),
    )
    b.add_argument("inputs", nargs="+", type=Path, metavar="INPUT", help="files or folders")
    b.add_argument(
        "--out",
        type=Path,
        default=Path("data"),
        help="output directory, replaced atomically when the build succeeds (default: data)",
    )
    b.add_argument(
        "--max-size",
        type=parse_size,
        default=parse_size("5MB"),
        metavar="SIZE",
        help="largest article accepted: a .txt file or one row's text (default: 5MB)",
    )
    b.add_argument(
        "--workers",
        type=int,
        default=os.cpu_count() or 1,
        metavar="N",
        help="worker processes for the NLP stages, one core each; models load once per "
        "process (default: all cores; the tables do not depend on it). With --engine dask and no "
        "--scheduler: the LocalCluster's workers",
    )
    b.add_argument(
        "--engine",
        choices=ENGINES,
        default="local",
        help="where the NLP stages run: processes on this machine (local, the default) or a "
        "Dask distributed cluster (dask); the tables are the same",
    )
    b.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="with --engine dask: an existing scheduler, e.g. tcp://10.0.0.5:8786 "
        "(default: start a LocalCluster here)",
    )
    b.add_argument(
        "--topics",
        type=_positive,
        metavar="K",
        help="number of topics (default: chosen by the reach of their terms)",
    )
    b.add_argument(
        "--cache",
        type=Path,
        metavar="DIR",
        help="keep per-article results here between builds, so a rebuild analyses only new or "
        "changed articles (default: .obzor-cache beside --out)",
    )
    b.add_argument("--no-cache", action="store_true", help="analyse every article afresh")
    b.add_argument("--quiet", action="store_true", help="no progress bars")
    w = commands.add_parser(
        "worker",
        help="serve a Dask scheduler as a worker machine for `build --engine dask`",
        description=(
            "Start Dask workers on this machine for `obzor build --engine dask --scheduler "
            "ADDRESS` (run `dask scheduler` somewhere first). Each worker is one process with "
            "one thread; the models load once per process. Stop with Ctrl-C."
        ),
    )
    w.add_argument("scheduler", metavar="ADDRESS", help="the scheduler, e.g. tcp://10.0.0.5:8786")
    w.add_argument(
        "--workers",
        type=_positive,
        default=os.cpu_count() or 1,
        metavar="N",
        help="worker processes (default: all cores)",
    )
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


def _cache_dir(args: argparse.Namespace) -> Path | None:
    if args.no_cache:
        return None
    return args.cache or args.out.absolute().parent / ".obzor-cache"


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command == "worker":
        run_worker(args.scheduler, args.workers)
        return EXIT_OK
    if args.scheduler and args.engine != "dask":
        parser.error("--scheduler needs --engine dask")
    settle_allocator()
    try:
        with start(args.engine, args.workers, args.scheduler, warm="pipeline.build") as engine:
            manifest = build(
                args.inputs,
                args.out,
                max_bytes=args.max_size,
                engine=engine,
                topics=args.topics,
                cache=_cache_dir(args),
                progress=not args.quiet,
            )
    except NoArticles as exc:
        _print_rejections(exc.manifest["rejected"], None)
        n_inputs = len(exc.manifest["inputs"])
        print(
            f"No articles were built: all {n_inputs} input(s) were rejected for the reasons "
            f"above; {args.out} was left unchanged. Fix the inputs or pass other paths.",
            file=sys.stderr,
        )
        return EXIT_NO_ARTICLES
    except EngineError as exc:
        print(f"The build did not start: {exc}", file=sys.stderr)
        return EXIT_ENGINE
    rows = {name: f"{table['rows']:,}" for name, table in manifest["tables"].items()}
    print(
        f"Built {rows['articles']} articles, {rows['paragraphs']} paragraphs, "
        f"{rows['entities']} entities ({rows['mentions']} mentions), {rows['topics']} topics "
        f"into {args.out}/ (build {manifest['build_id']})"
    )
    if cached := manifest.get("cache"):
        files = len(cached["reused_inputs"])
        print(
            f"Cache {cached['path']}: {cached['reused_articles']:,} articles reused, "
            f"{cached['analysed_articles']:,} analysed; {files} input file{'s' * (files != 1)} "
            f"read from it; topic fits {'reused' if cached.get('reused_topic_fits') else 'made'}"
        )
    _print_rejections(manifest["rejected"], args.out / "manifest.json")
    for warning in manifest["warnings"][:_SHOWN_REJECTIONS]:
        line = f":{warning['line']}" if warning["line"] else ""
        print(f"Warning: {warning['path']}{line}: {warning['message']}")
    stages = " · ".join(f"{name} {sec:.2f} s" for name, sec in manifest["seconds"].items())
    print(f"Time: {stages}")
    return EXIT_OK
