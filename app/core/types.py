"""Plain data types shared by every layer. Offsets are Python code points into `Document.text`."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Status(StrEnum):
    """Where a document is in the analyst's work."""

    TODO = "todo"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    SKIPPED = "skipped"


class Origin(StrEnum):
    """Who made a span."""

    MANUAL = "manual"
    MODEL = "model"
    MODEL_EDITED = "model-edited"
    PATTERN = "pattern"
    IMPORTED = "imported"


class SpanState(StrEnum):
    """Accepted spans are annotations; pending ones are suggestions; rejected ones are remembered refusals."""

    ACCEPTED = "accepted"
    PENDING = "pending"
    REJECTED = "rejected"


@dataclass(frozen=True, slots=True)
class NewDocument:
    """A document about to be stored (no id yet)."""

    text: str
    title: str = ""
    source: str = ""
    url: str = ""
    published: str = ""
    meta: dict[str, Any] = field(default_factory=dict)
    status: Status = Status.TODO


@dataclass(frozen=True, slots=True)
class Document:
    id: int
    text: str
    title: str
    source: str
    url: str
    published: str
    meta: dict[str, Any]
    content_hash: str
    status: Status
    created_at: str
    updated_at: str


@dataclass(frozen=True, slots=True)
class DocumentSummary:
    """What the document list shows: no text, just counts."""

    id: int
    title: str
    source: str
    status: Status
    span_counts: dict[str, int]
    pending: int

    @property
    def total_spans(self) -> int:
        return sum(self.span_counts.values())


@dataclass(frozen=True, slots=True)
class NewSpan:
    """A span about to be stored. `end` is exclusive."""

    start: int
    end: int
    label: str
    origin: Origin = Origin.MANUAL
    state: SpanState = SpanState.ACCEPTED
    model: str | None = None
    model_version: str | None = None
    score: float | None = None
    annotator: str | None = None
    attributes: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Span:
    id: int
    doc_id: int
    start: int
    end: int
    label: str
    origin: Origin
    state: SpanState
    model: str | None
    model_version: str | None
    score: float | None
    annotator: str | None
    attributes: dict[str, Any]
    created_at: str
    updated_at: str

    def text_in(self, text: str) -> str:
        return text[self.start : self.end]

    def as_new(self) -> NewSpan:
        return NewSpan(
            self.start, self.end, self.label, self.origin, self.state, self.model, self.model_version,
            self.score, self.annotator, dict(self.attributes),
        )


@dataclass(frozen=True, slots=True)
class Relation:
    """A directed link between two spans of one document, e.g. SOURCE: claim (head) -> actor (child)."""

    id: int
    head_id: int
    child_id: int
    label: str


@dataclass(frozen=True, slots=True)
class DeletedSpan:
    """Everything needed to put a deleted span back exactly as it was (for undo)."""

    span: Span
    relations: tuple[Relation, ...]


@dataclass(frozen=True, slots=True)
class Change:
    """What a store operation changed; the UI turns these into Qt signals."""

    kind: str  # "documents", "spans", "relations", "status", "scheme"
    doc_ids: frozenset[int] = frozenset()
