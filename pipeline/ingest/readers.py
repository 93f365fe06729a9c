"""Input files to candidate articles: every file yields records or rejections, never silence."""

from __future__ import annotations

import csv
import gzip
import io
import json
import sys
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from pipeline.ingest.decode import DecodeError, decode, detect_encoding
from pipeline.ingest.text import normalise
from pipeline.ingest.txtformat import Trimmed, parse_txt

TABULAR = (".jsonl", ".ndjson", ".csv")
SUPPORTED = (".txt", *TABULAR)
FIELDS = ("text", "title", "date", "url", "source", "id")
_SAMPLE = 1 << 20

csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


@dataclass(frozen=True)
class Record:
    """One candidate article, its text already normalised."""

    path: str
    line: int | None  # line (JSONL) or line where the row ends (CSV); None for a whole file
    text: str
    title: str | None
    date: str | None
    date_source: str | None  # header | text | field
    url: str | None
    source: str
    external_id: str | None
    trimmed: tuple[Trimmed, ...] = ()  # lines of the input kept out of `text`


@dataclass(frozen=True)
class Rejection:
    path: str
    line: int | None
    reason: str


def kind(path: Path) -> str:
    """'.txt', '.jsonl', '.csv'... ignoring a trailing '.gz'; '' if unsupported."""
    suffixes = [s.lower() for s in path.suffixes[-2:]]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    suffix = suffixes[-1] if suffixes else ""
    return suffix if suffix in SUPPORTED else ""


def discover(inputs: Iterable[Path]) -> tuple[list[Path], list[Rejection]]:
    """Expand folders recursively; sort so that the build does not depend on listing order."""
    files: set[Path] = set()
    missing: list[Rejection] = []
    for item in inputs:
        if item.is_dir():
            files.update(p for p in item.rglob("*") if p.is_file())
        elif item.is_file():
            files.add(item)
        else:
            missing.append(Rejection(str(item), None, "path does not exist"))
    return sorted(files), missing


def _too_big(n_bytes: int, max_bytes: int, what: str) -> str:
    return (
        f"{what} is {n_bytes / 1e6:.1f} MB, over the {max_bytes / 1e6:g} MB limit "
        "(raise it with --max-size)"
    )


def read_file(path: Path, max_bytes: int) -> Iterator[Record | Rejection]:
    """Yield the records of one input file and a rejection for anything unusable in it."""
    name = str(path)
    suffix = kind(path)
    if not suffix:
        yield Rejection(
            name,
            None,
            f"unsupported file type '{''.join(path.suffixes) or path.name}'; "
            "use .txt, .jsonl, .jsonl.gz or .csv",
        )
        return
    try:
        if suffix == ".txt":
            yield from _read_txt(path, max_bytes)
        else:
            yield from _read_tabular(path, suffix, max_bytes)
    except (OSError, EOFError, zlib.error) as exc:
        yield Rejection(name, None, f"could not read the file ({exc}); records before it were kept")


def _open(path: Path) -> io.BufferedIOBase:
    return gzip.open(path, "rb") if path.suffix.lower() == ".gz" else path.open("rb")


def _read_txt(path: Path, max_bytes: int) -> Iterator[Record | Rejection]:
    with _open(path) as fh:
        data = fh.read(max_bytes + 1)
    if len(data) > max_bytes:
        size = path.stat().st_size if path.suffix.lower() != ".gz" else len(data)
        yield Rejection(str(path), None, _too_big(size, max_bytes, "file"))
        return
    try:
        article = parse_txt(decode(data))
    except DecodeError as exc:
        yield Rejection(str(path), None, str(exc))
        return
    if not article.text:
        yield Rejection(str(path), None, "no article text after the header")
        return
    yield Record(
        str(path),
        None,
        article.text,
        article.title,
        article.date,
        article.date_source,
        None,
        path.name,
        None,
        article.trimmed,
    )


def _row_record(path: Path, line: int, row: dict, max_bytes: int) -> Record | Rejection:
    """Validate one JSONL object or CSV row."""
    if not isinstance(row, dict):
        return Rejection(
            str(path), line, f"expected a JSON object with a 'text' field, got {type(row).__name__}"
        )
    fields = {str(k).strip().lower(): v for k, v in row.items()}
    value = {
        f: (str(fields[f]).strip() or None) if fields.get(f) is not None else None for f in FIELDS
    }
    raw = value["text"]
    if not raw:
        return Rejection(str(path), line, "row has no text (the 'text' field is missing or empty)")
    size = len(raw.encode("utf-8"))
    if size > max_bytes:
        return Rejection(str(path), line, _too_big(size, max_bytes, "row text"))
    text = normalise(raw)
    if not text:
        return Rejection(str(path), line, "row text is only whitespace")
    return Record(
        str(path),
        line,
        text,
        value["title"],
        value["date"],
        "field" if value["date"] else None,
        value["url"],
        value["source"] or path.name,
        value["id"],
    )


def _encoding(path: Path) -> str:
    with _open(path) as fh:
        encoding = detect_encoding(fh.read(_SAMPLE))
    if encoding.startswith(("utf-16", "utf-32")):
        raise DecodeError(f"{encoding} is not supported for tabular files; re-save as UTF-8")
    return encoding


def _read_tabular(path: Path, suffix: str, max_bytes: int) -> Iterator[Record | Rejection]:
    try:
        encoding = _encoding(path)
    except DecodeError as exc:
        yield Rejection(str(path), None, str(exc))
        return
    reader = _read_csv if suffix == ".csv" else _read_jsonl
    yield from reader(path, encoding, max_bytes)


def _read_jsonl(path: Path, encoding: str, max_bytes: int) -> Iterator[Record | Rejection]:
    with _open(path) as fh:
        for number, raw in enumerate(fh, start=1):
            try:
                line = raw.decode(encoding)
            except UnicodeDecodeError:
                yield Rejection(str(path), number, f"line is not valid {encoding} text")
                continue
            if not line.strip():
                continue
            try:
                row = json.loads(line.rstrip("\r\n"))
            except json.JSONDecodeError as exc:
                problem = exc.msg.removesuffix(" at")
                reason = f"line is not valid JSON ({problem} at column {exc.colno})"
                yield Rejection(str(path), number, reason)
                continue
            yield _row_record(path, number, row, max_bytes)


def _delimiter(header: str) -> str | None:
    for delimiter in (",", ";", "\t"):
        names = next(csv.reader([header], delimiter=delimiter))
        if "text" in (n.strip().lower() for n in names):
            return delimiter
    return None


def _read_csv(path: Path, encoding: str, max_bytes: int) -> Iterator[Record | Rejection]:
    with _open(path) as binary, io.TextIOWrapper(binary, encoding=encoding, newline="") as fh:
        header = fh.readline()
        delimiter = _delimiter(header)
        if delimiter is None:
            yield Rejection(
                str(path),
                1,
                f"CSV header has no 'text' column (found: {header.strip()[:200] or 'nothing'})",
            )
            return
        names = next(csv.reader([header], delimiter=delimiter))
        reader = csv.DictReader(fh, fieldnames=names, delimiter=delimiter)
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return
            except (csv.Error, UnicodeDecodeError) as exc:
                yield Rejection(
                    str(path),
                    reader.line_num + 1,
                    f"unreadable CSV after this line ({exc}); the rest of the file was skipped",
                )
                return
            yield _row_record(path, reader.line_num + 1, row, max_bytes)
