"""The content words of every paragraph, flat, with what marks them (person, place or
organisation, proper name) and each paragraph's text digest: what the topic stage counts."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from scipy import sparse

from pipeline.stages.topics.boilerplate import text_digests
from pipeline.stages.topics.lemmas import find_lemmas


@dataclass
class Tokens:
    """The content words of every paragraph, flat: each one's paragraph row, its lemma (a code
    into `lemmas`, sorted), whether it lies in a person's name, in the name of a place or
    organisation, and whether it is a proper name itself; and a digest of each paragraph's
    text (equal texts, equal digests)."""

    row: np.ndarray
    code: np.ndarray
    lemmas: list[str]
    person: np.ndarray
    named: np.ndarray
    proper: np.ndarray
    digest: np.ndarray
    part: np.ndarray  # a word of a name of several words, which counts as one term instead


def tokenise(parts: Iterable[tuple[pa.Table, pa.Table, pa.Table | None]]) -> Tokens:
    """The content words of paragraphs, given in parts of whole articles: (paragraphs with
    their `text`, their articles' `mentions` (raw or linked: `article_id`, `start`, `stop`,
    `type`), their `lemmas` (lemmas.find_lemmas, one row per paragraph in the same order; found
    here when None)). Words inside the mentions' spans are marked. What the topic stage reads:
    each part can go once it is tokenised."""
    rows: list[np.ndarray] = []
    codes: list[np.ndarray] = []  # each into its own dictionary, until the vocabulary is known
    dictionaries: list[pa.Array] = []
    marks: dict[str, list[np.ndarray]] = {"person": [], "named": [], "proper": [], "part": []}
    digests: list[np.ndarray] = []
    offset = 0  # paragraphs of the parts before
    for paragraphs, mentions, lemmas in parts:
        digests.append(text_digests(paragraphs["text"]))
        if lemmas is None:
            lemmas = find_lemmas(paragraphs)
        if (
            lemmas.num_rows != paragraphs.num_rows
            or pc.all(
                pc.and_(
                    pc.equal(lemmas["article_id"], paragraphs["article_id"]),
                    pc.equal(lemmas["paragraph"], paragraphs["paragraph"]),
                )
            ).as_py()
            is False
        ):
            raise ValueError("the lemmas table does not follow the paragraphs table row for row")
        lengths = pc.list_value_length(lemmas["lemma"]).to_numpy(zero_copy_only=False)
        row = np.repeat(np.arange(lemmas.num_rows, dtype=np.int32), lengths)
        # Offsets become keys that order the part: article number << 32 | offset.
        ids = paragraphs["article_id"].combine_chunks().dictionary_encode()
        article_of = ids.indices.to_numpy(zero_copy_only=False)
        people, places = (
            _Spans(mentions, types, ids.dictionary) for types in (["PER"], ["ORG", "LOC", "MEDIUM"])
        )
        flat = {
            name: pc.list_flatten(lemmas[name]).combine_chunks()
            for name in ("lemma", "start", "stop", "proper")
        }
        article = article_of[row].astype(np.int64) << 32
        start = article | flat["start"].to_numpy().astype(np.int64)
        stop = article | flat["stop"].to_numpy().astype(np.int64)
        long = _long_names(mentions)
        names, name_rows = _names_as_terms(long, paragraphs["start"], article_of, ids.dictionary)
        no, yes = np.zeros(len(names), dtype=bool), np.ones(len(names), dtype=bool)
        marks["person"].append(np.concatenate([people.overlap(start, stop), no]))
        marks["named"].append(np.concatenate([places.overlap(start, stop), yes]))
        proper = flat["proper"].to_numpy(zero_copy_only=False).astype(bool)
        marks["proper"].append(np.concatenate([proper, yes]))
        parts = _Spans(long, ["ORG", "LOC"], ids.dictionary).overlap(start, stop)
        marks["part"].append(np.concatenate([parts, no]))
        words = pc.dictionary_encode(pa.concat_arrays([flat["lemma"], names]))
        codes.append(words.indices.to_numpy())
        dictionaries.append(words.dictionary)
        rows.append(np.concatenate([row, name_rows]).astype(np.int32) + offset)
        offset += paragraphs.num_rows
    distinct = pc.unique(pa.chunked_array(dictionaries, type=pa.string()))
    vocabulary = distinct.take(pc.sort_indices(distinct))
    code = np.concatenate(
        [
            pc.index_in(d, value_set=vocabulary).to_numpy()[c]
            for d, c in zip(dictionaries, codes, strict=True)
        ]
        or [np.empty(0, dtype=np.int32)]
    ).astype(np.int32)

    def joined(arrays: list[np.ndarray], dtype: type) -> np.ndarray:
        return np.concatenate(arrays).astype(dtype) if arrays else np.empty(0, dtype=dtype)

    return Tokens(
        joined(rows, np.int32),
        code,
        vocabulary.to_pylist(),
        *(joined(marks[m], bool) for m in ("person", "named", "proper")),
        joined(digests, np.uint64),
        joined(marks["part"], bool),
    )


def _long_names(mentions: pa.Table) -> pa.Table:
    """The mentions of places and organisations whose names have several words (none when the
    mentions carry no names)."""
    if "name" not in mentions.column_names:
        return mentions.slice(0, 0)
    places = pc.is_in(mentions["type"], pa.array(["ORG", "LOC"]))
    several = pc.match_substring(pc.fill_null(mentions["name"], ""), " ")
    return mentions.filter(pc.and_(places, several))


def _names_as_terms(
    long: pa.Table, starts: pa.ChunkedArray, article_of: np.ndarray, ids: pa.Array
) -> tuple[pa.Array, np.ndarray]:
    """One term per name of several words ('соединённые штаты', 'совет безопасности оон'), in
    the paragraph its mention starts in (`starts` and `article_of`: the paragraphs' offsets and
    article numbers into `ids`): (the terms, their paragraph rows)."""
    if long.num_rows == 0:
        return pa.array([], pa.string()), np.empty(0, dtype=np.int64)
    keys = (article_of.astype(np.int64) << 32) | starts.to_numpy().astype(np.int64)
    found = pc.index_in(long["article_id"], value_set=ids).to_numpy(zero_copy_only=False)
    at = (found.astype(np.int64) << 32) | long["start"].to_numpy().astype(np.int64)
    rows = np.searchsorted(keys, at, side="right") - 1
    return pc.utf8_lower(long["name"]).combine_chunks(), rows


class _Spans:
    """The spans of the `mentions` of some `types`, as offset keys (`ids`: the article ids in
    the order that numbers them in the keys), to tell which tokens they overlap."""

    def __init__(self, mentions: pa.Table, types: list[str], ids: pa.Array) -> None:
        chosen = mentions.filter(pc.is_in(mentions["type"], pa.array(types)))
        article = pc.index_in(chosen["article_id"], value_set=ids).to_numpy(zero_copy_only=False)
        article = article.astype(np.int64) << 32
        begin = article | chosen["start"].to_numpy().astype(np.int64)
        order = np.argsort(begin, kind="stable")
        self.begin = begin[order]
        stop = article | chosen["stop"].to_numpy().astype(np.int64)
        self.reach = np.maximum.accumulate(stop[order]) if len(order) else stop

    def overlap(self, start: np.ndarray, stop: np.ndarray) -> np.ndarray:
        """True for the tokens (offset keys `start`, `stop`) that overlap one of the spans."""
        if len(self.begin) == 0:
            return np.zeros(len(start), dtype=bool)
        before = np.searchsorted(self.begin, stop, side="left") - 1
        return (before >= 0) & (self.reach[np.maximum(before, 0)] > start)


def count_matrix(tokens: Tokens, paragraphs: int) -> sparse.csr_matrix:
    """How often each lemma occurs outside person names in each paragraph; a name of several
    words counts as one term, not as its words."""
    kept = ~(tokens.person | tokens.part)
    matrix = sparse.csr_matrix(
        (np.ones(int(kept.sum()), dtype=np.float32), (tokens.row[kept], tokens.code[kept])),
        shape=(paragraphs, len(tokens.lemmas)),
    )
    matrix.sum_duplicates()
    return matrix
