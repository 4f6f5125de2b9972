"""Primitives shared by the store modules: errors, row converters, time stamps and hashing."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from typing import Any, TypeVar

import orjson

from app.core.types import Document, Origin, Span, SpanState, Status

SPAN_COLUMNS = (
    'id, doc_id, start, "end", label, origin, state, model, model_version, score, annotator, attributes, '
    "created_at, updated_at"
)
DOC_COLUMNS = "id, text, title, source, url, published, meta, content_hash, status, created_at, updated_at"
VISIBLE_STATES = (SpanState.ACCEPTED, SpanState.PENDING)
T = TypeVar("T")
CHUNK = 500  # ids per `IN (...)` query, well below SQLite's limit on bound parameters


class StoreError(ValueError):
    """A request the store refuses; the message is fit to show a user."""


class InvalidSpan(StoreError):
    pass


class DuplicateSpan(StoreError):
    def __init__(self, message: str, existing: Span) -> None:
        super().__init__(message)
        self.existing = existing


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def content_hash(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def dumps(value: Any) -> str:
    return orjson.dumps(value).decode()


def marks(n: int) -> str:
    """`n` comma-separated placeholders for an `IN (...)` list."""
    return ",".join("?" * n)


def chunks(items: Sequence[T], size: int = CHUNK) -> Iterator[list[T]]:
    """`items` in lists of at most `size`, for queries that bind one parameter per item."""
    for i in range(0, len(items), size):
        yield list(items[i : i + size])


_ORIGINS = Origin._value2member_map_  # plain dict look-ups: Enum(value) is slow in bulk reads
_STATES = SpanState._value2member_map_


def span_from_row(row: Sequence[Any]) -> Span:
    return Span(
        row[0], row[1], row[2], row[3], row[4], _ORIGINS[row[5]], _STATES[row[6]], row[7], row[8], row[9],
        row[10], {} if row[11] == "{}" else orjson.loads(row[11]), row[12], row[13],
    )


def document_from_row(row: Sequence[Any]) -> Document:
    return Document(
        row[0], row[1], row[2], row[3], row[4], row[5], orjson.loads(row[6]), row[7], Status(row[8]),
        row[9], row[10],
    )


def fts_query(text: str) -> str:
    """Quote each word so that user input can never be read as FTS5 syntax."""
    words = text.replace("\x00", " ").split()  # FTS5 reads the query as a C string: a NUL would cut it short
    return " ".join('"' + word.replace('"', '""') + '"' for word in words)
