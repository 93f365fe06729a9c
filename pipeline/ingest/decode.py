"""Bytes to text: BOMs, strict UTF-8, then charset-normalizer for legacy Cyrillic encodings."""

from __future__ import annotations

import codecs

import charset_normalizer

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class DecodeError(ValueError):
    """The bytes are not usable text; the message says why in plain words."""


def detect_encoding(sample: bytes) -> str:
    """Name the encoding of `sample` (a whole file or its first megabyte).

    A truncated multi-byte character at the end of the sample is tolerated.
    """
    for bom, name in _BOMS:
        if sample.startswith(bom):
            return "utf-8-sig" if name == "utf-8" else name
    if not sample.strip():
        raise DecodeError("empty file")
    if b"\x00" in sample[:65536]:
        raise DecodeError("binary file (contains NUL bytes), not text")
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(sample).best()
    if best is None:
        raise DecodeError(
            "could not recognise the text encoding (tried UTF-8, cp1251, koi8-r and others); "
            "re-save the file as UTF-8"
        )
    return best.encoding


def decode(data: bytes) -> str:
    """Decode a whole file's bytes, detecting the encoding."""
    encoding = detect_encoding(data)
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:  # pragma: no cover - detect_encoding checked the bytes
        raise DecodeError(f"not valid {encoding} text at byte {exc.start}") from exc
