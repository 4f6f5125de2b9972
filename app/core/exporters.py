"""Export a project's annotations as Prodigy JSONL, a spaCy training folder, doccano JSONL or CSV.

Every export is a `Job`: it streams documents from the store (flat memory on any project size), yields
`Progress` and returns an `ExportReport`. Output is written to a temporary file next to the target and renamed
into place at the end, so that a cancelled (closed) or failed job never leaves a half-written file behind.
"""

from __future__ import annotations

import csv
import hashlib
import os
import secrets
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import orjson

from app.core.progress import Job, Progress
from app.core.store import Store, StoreError
from app.core.types import Document, Relation, Span, SpanState, Status

if TYPE_CHECKING:
    from spacy.tokenizer import Tokenizer
    from spacy.tokens import Doc

FORMATS = ("prodigy", "spacy", "doccano", "csv")
SOURCE_RELATION = "SOURCE"
BATCH = 200  # documents per progress step (and per tokenizer.pipe batch)
CSV_COLUMNS = (
    "doc_id", "title", "span_id", "label", "start", "end", "text", "origin", "state", "score", "annotator",
    "attributes", "source_actor", "source_actor_id", "actor_id", "actor",
)
_DOCCANO_RESERVED = frozenset({"text", "label", "entities", "relations", "id"})


class ExportError(StoreError):
    """An export that cannot be done as asked; the message is fit to show a user."""


@dataclass(slots=True)
class ExportReport:
    """What an export wrote."""

    format: str
    documents: int = 0
    spans: int = 0
    relations: int = 0
    paths: list[Path] = field(default_factory=list)
    train_documents: int = 0  # spacy only
    dev_documents: int = 0  # spacy only
    entities: int = 0  # spacy only: spans also written as doc.ents
    dropped_spans: int = 0  # spacy only: spans that cover no token (e.g. only whitespace)

    def summary(self) -> str:
        where = ", ".join(str(p) for p in self.paths) or "nothing"
        lines = [
            f"Exported {self.documents} documents, {self.spans} spans and {self.relations} relations "
            f"as {self.format} to {where}."
        ]
        if self.format == "spacy":
            lines.append(
                f"train: {self.train_documents} documents, dev: {self.dev_documents} documents; "
                f"{self.entities} spans also as entities."
            )
            if self.dropped_spans:
                lines.append(f"{self.dropped_spans} spans cover no token and were left out.")
        return "\n".join(lines)


@dataclass(slots=True)
class Item:
    """One document with the spans and relations to export."""

    doc: Document
    spans: list[Span]
    relations: list[Relation]
    extras: dict[int, dict[str, Any]] = field(default_factory=dict)  # span id -> extra keys (see span_extras)


def export(
    store: Store,
    fmt: str,
    out: Path,
    *,
    include_suggestions: bool = False,
    statuses: Iterable[Status] | None = None,
    seed: int = 0,
    dev_fraction: float = 0.2,
) -> Job[ExportReport]:
    """Start an export of the documents with `statuses` (default all) to `out` (a folder for spacy).

    Accepted spans are exported; with `include_suggestions` pending ones too. Bad arguments raise
    ExportError here, before the job starts.
    """
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if not 0.0 <= dev_fraction < 1.0:
        raise ExportError(f"dev fraction must be at least 0 and below 1, got {dev_fraction}")
    out = Path(out)
    status_list = None if statuses is None else list(dict.fromkeys(Status(s) for s in statuses))
    states = (SpanState.ACCEPTED, SpanState.PENDING) if include_suggestions else (SpanState.ACCEPTED,)
    if fmt == "spacy":
        if out.exists() and not out.is_dir():
            raise ExportError(f"{out} is a file; the spacy export needs a folder")
        from app.core.export_spacy import spacy_job

        return spacy_job(store, out, status_list, states, seed=seed, dev_fraction=dev_fraction)
    if out.is_dir():
        raise ExportError(f"{out} is a folder; the {fmt} export writes a file")
    job = {"prodigy": _prodigy_job, "doccano": _doccano_job, "csv": _csv_job}[fmt]
    return job(store, out, status_list, states)


# -- shared helpers ----------------------------------------------------------------------------------------


def count_documents(store: Store, statuses: list[Status] | None) -> int:
    if statuses is None:
        return store.count_documents()
    return sum(store.count_documents(status=s) for s in statuses)


def iter_items(store: Store, statuses: list[Status] | None, states: tuple[SpanState, ...]) -> Iterator[Item]:
    """Documents with their spans and relations, read a batch of documents per query."""
    docs = store.iter_documents(statuses)
    while chunk := list(islice(docs, BATCH)):
        ids = [doc.id for doc in chunk]
        spans = store.spans_for_documents(ids, states)
        relations = store.relations_for_documents(ids, states)
        extras = span_extras(store, chunk, spans)
        for doc in chunk:
            yield Item(doc, spans.get(doc.id, []), relations.get(doc.id, []), extras)


def span_extras(store: Store, docs: list[Document], spans: dict[int, list[Span]]) -> dict[int, dict[str, Any]]:
    """Enrichment: keys added to exported span dicts. ACTOR spans get `actor_id` (None if no canonical actor
    claims the text yet) and `actor` (the canonical name) from the actor index (app/core/actors.py)."""
    from app.core.actors import export_extras

    return export_extras(store, [s for doc_spans in spans.values() for s in doc_spans], {d.id: d.text for d in docs})


def batches(items: Iterator[Item]) -> Iterator[list[Item]]:
    """`items` in lists of BATCH (one progress step each)."""
    while chunk := list(islice(items, BATCH)):
        yield chunk


@contextmanager
def atomic_open(target: Path, mode: str = "wb", **kwargs: Any) -> Iterator[IO[Any]]:
    """Open a temporary file beside `target`; rename it to `target` on success, delete it on any error
    (including GeneratorExit when a job is cancelled). The file gets the usual permissions (umask)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}-{secrets.token_hex(4)}.part")
    try:
        with open(tmp, mode.replace("w", "x"), **kwargs) as fh:
            yield fh
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


@lru_cache(maxsize=1)
def tokenizer() -> Tokenizer:
    """spaCy's English rule-based tokenizer (no model, nothing downloaded), built once."""
    import spacy

    return spacy.blank("en").tokenizer


def hash32(*parts: bytes) -> int:
    """A deterministic signed 32-bit hash, the shape of Prodigy's `_input_hash`/`_task_hash`."""
    digest = hashlib.blake2b(b"\x00".join(parts), digest_size=4).digest()
    return int.from_bytes(digest, "big", signed=True)


def token_bounds(starts: list[int], ends: list[int], start: int, end: int) -> tuple[int, int]:
    """Inclusive token indices covering characters start..end: the first token ending after `start` and the
    last token beginning before `end` (so a span not on token boundaries takes the tokens it touches)."""
    last = len(starts) - 1
    first = min(bisect_right(ends, start), last)
    final = max(min(bisect_left(starts, end) - 1, last), first)
    return first, final


def _answer(status: Status) -> str:
    return "ignore" if status == Status.SKIPPED else "accept"


def _doc_meta(doc: Document) -> dict[str, Any]:
    fixed = {
        "title": doc.title, "source": doc.source, "url": doc.url, "published": doc.published,
        "status": str(doc.status), "marginalia_id": doc.id,
    }
    return {**doc.meta, **fixed}


def export_progress(done: int, total: int) -> Progress:
    return Progress(done, total, f"Exported {done} of {total} documents")


def tally(report: ExportReport, item: Item) -> None:
    """Count one exported document with its spans and relations."""
    report.documents += 1
    report.spans += len(item.spans)
    report.relations += len(item.relations)


def _jsonl_job(
    fmt: str,
    lines: Callable[[list[Item]], Iterable[dict[str, Any]]],
    store: Store,
    out: Path,
    statuses: list[Status] | None,
    states: tuple[SpanState, ...],
) -> Job[ExportReport]:
    """Write `lines(chunk)` for each batch of items to `out`, one JSON object a line."""
    report = ExportReport(fmt)
    total = count_documents(store, statuses)
    yield export_progress(0, total)
    with atomic_open(out) as fh:
        for chunk in batches(iter_items(store, statuses, states)):
            fh.write(b"".join(orjson.dumps(line) + b"\n" for line in lines(chunk)))
            for item in chunk:
                tally(report, item)
            yield export_progress(report.documents, total)
    report.paths.append(out)
    return report


# -- Prodigy -----------------------------------------------------------------------------------------------


def prodigy_task(item: Item, tokens: Doc) -> dict[str, Any]:
    """One Prodigy task (a JSONL line) for a document tokenised by `tokenizer()`."""
    doc = item.doc
    text = doc.text
    # Reading the token table as arrays is several times faster than iterating Token objects.
    from spacy.attrs import IDX, LENGTH, SPACY

    if len(tokens):
        starts, lengths, spaces = tokens.to_array([IDX, LENGTH, SPACY]).T.tolist()
    else:
        starts, lengths, spaces = [], [], []
    ends = [start + length for start, length in zip(starts, lengths, strict=True)]
    token_rows = [
        {"text": text[start:end], "start": start, "end": end, "id": i, "ws": bool(space)}
        for i, (start, end, space) in enumerate(zip(starts, ends, spaces, strict=True))
    ]
    spans: list[dict[str, Any]] = []
    by_id: dict[int, dict[str, Any]] = {}
    for s in item.spans:
        token_start, token_end = token_bounds(starts, ends, s.start, s.end)
        row = {
            "start": s.start, "end": s.end, "token_start": token_start, "token_end": token_end,
            "label": s.label, "id": s.id, "origin": str(s.origin), "state": str(s.state), "score": s.score,
            "model": s.model, "model_version": s.model_version, "annotator": s.annotator,
            "attributes": s.attributes, **item.extras.get(s.id, {}),
        }
        spans.append(row)
        by_id[s.id] = row
    relations = []
    for rel in item.relations:
        head, child = by_id.get(rel.head_id), by_id.get(rel.child_id)
        if head is None or child is None:
            continue
        relations.append({
            "head": head["token_end"], "child": child["token_end"],
            "head_span": _short_span(head), "child_span": _short_span(child), "label": rel.label,
            "id": rel.id,
        })
    input_hash = hash32(text.encode("utf-8", "surrogatepass"))
    key_spans = sorted((s["start"], s["end"], s["label"]) for s in spans)
    key_rels = sorted(
        (r["head_span"]["start"], r["head_span"]["end"], r["child_span"]["start"], r["child_span"]["end"],
         r["label"])
        for r in relations
    )
    task_hash = hash32(str(input_hash).encode(), orjson.dumps(key_spans), orjson.dumps(key_rels))
    return {
        "text": text, "meta": _doc_meta(doc), "tokens": token_rows, "spans": spans,
        "relations": relations, "answer": _answer(doc.status),
        "_input_hash": input_hash, "_task_hash": task_hash,
    }


def _short_span(row: dict[str, Any]) -> dict[str, Any]:
    return {k: row[k] for k in ("start", "end", "token_start", "token_end", "label")}


def _prodigy_tasks(chunk: list[Item]) -> Iterator[dict[str, Any]]:
    tokenized = tokenizer().pipe((item.doc.text for item in chunk), batch_size=BATCH)
    for item, tokens in zip(chunk, tokenized, strict=True):
        yield prodigy_task(item, tokens)


def _prodigy_job(
    store: Store, out: Path, statuses: list[Status] | None, states: tuple[SpanState, ...]
) -> Job[ExportReport]:
    return _jsonl_job("prodigy", _prodigy_tasks, store, out, statuses, states)


# -- doccano -----------------------------------------------------------------------------------------------


def doccano_record(item: Item) -> dict[str, Any]:
    """One doccano JSONL line: the classic `label` list and the newer `entities`/`relations` form."""
    doc = item.doc
    span_ids = {s.id for s in item.spans}
    record: dict[str, Any] = {
        "text": doc.text,
        "label": [[s.start, s.end, s.label] for s in item.spans],
        "entities": [
            {"id": s.id, "label": s.label, "start_offset": s.start, "end_offset": s.end, **item.extras.get(s.id, {})}
            for s in item.spans
        ],
        "relations": [
            {"id": r.id, "from_id": r.head_id, "to_id": r.child_id, "type": r.label}
            for r in item.relations
            if r.head_id in span_ids and r.child_id in span_ids
        ],
    }
    for key, value in _doc_meta(doc).items():
        record[f"meta_{key}" if key in _DOCCANO_RESERVED else key] = value
    return record


def _doccano_job(
    store: Store, out: Path, statuses: list[Status] | None, states: tuple[SpanState, ...]
) -> Job[ExportReport]:
    return _jsonl_job("doccano", lambda chunk: map(doccano_record, chunk), store, out, statuses, states)


# -- CSV ---------------------------------------------------------------------------------------------------


def csv_rows(item: Item) -> Iterator[list[Any]]:
    """One row per span (columns as CSV_COLUMNS); `source_actor` is the text of the SOURCE child(ren)."""
    doc = item.doc
    spans = {s.id: s for s in item.spans}
    actors: dict[int, list[Span]] = {}
    for rel in item.relations:
        if rel.label == SOURCE_RELATION and rel.head_id in spans and rel.child_id in spans:
            actors.setdefault(rel.head_id, []).append(spans[rel.child_id])
    for s in item.spans:
        linked = actors.get(s.id, [])
        extra = item.extras.get(s.id, {})
        yield [
            doc.id, doc.title, s.id, s.label, s.start, s.end, s.text_in(doc.text),
            str(s.origin), str(s.state),
            "" if s.score is None else s.score, s.annotator or "", orjson.dumps(s.attributes).decode(),
            " | ".join(a.text_in(doc.text) for a in linked), " ".join(str(a.id) for a in linked),
            "" if extra.get("actor_id") is None else extra["actor_id"], extra.get("actor", ""),
        ]


def _csv_job(
    store: Store, out: Path, statuses: list[Status] | None, states: tuple[SpanState, ...]
) -> Job[ExportReport]:
    report = ExportReport("csv")
    total = count_documents(store, statuses)
    yield export_progress(0, total)
    with atomic_open(out, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(CSV_COLUMNS)
        for chunk in batches(iter_items(store, statuses, states)):
            for item in chunk:
                writer.writerows(csv_rows(item))
                tally(report, item)
            yield export_progress(report.documents, total)
    report.paths.append(out)
    return report
