"""Batch pre-annotation of a project: every document (or only the to-do ones) through the engine, the
suggestions stored as pending spans. One transaction per batch of documents; cancel by closing the job."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from app.core.progress import Job, Progress
from app.core.store import Store
from app.core.suggest.base import DocSuggestions
from app.core.types import Document, Status

DEFAULT_BATCH_DOCS = 64


class Suggester(Protocol):
    """What batch suggestion needs of an engine: a `SuggestionEngine`, or a proxy to one in another process
    (app/core/model_host.py, which the window uses so that the model never holds the GUI's GIL)."""

    @property
    def name(self) -> str: ...

    @property
    def version(self) -> str: ...

    def suggest_many(self, texts: Iterable[str], batch_size: int = 64) -> Iterator[DocSuggestions]: ...


@dataclass(slots=True)
class SuggestReport:
    documents: int = 0
    spans_added: int = 0
    relations_added: int = 0
    by_label: dict[str, int] = field(default_factory=dict)  # suggestions made, new or not
    model: str = ""
    model_version: str = ""
    failed: list[tuple[int, str, str]] = field(default_factory=list)  # (document id, title, why)

    def summary(self) -> str:
        labels = ", ".join(f"{k} {v}" for k, v in sorted(self.by_label.items())) or "none"
        text = (
            f"suggest: {self.documents} documents; suggested {labels}; stored {self.spans_added} new pending "
            f"spans and {self.relations_added} relations (known and rejected ones skipped); "
            f"model {self.model} ({self.model_version})"
        )
        if self.failed:
            shown = "; ".join(f"document {i} '{title[:60]}': {why}" for i, title, why in self.failed[:3])
            more = f" and {len(self.failed) - 3} more" if len(self.failed) > 3 else ""
            text += f"\n{len(self.failed)} documents got no suggestions (the rules failed on them): {shown}{more}"
        return text


def _store_batch(store: Store, engine: Suggester, docs: list[Document], report: SuggestReport,
                 batch_size: int) -> None:
    results = list(engine.suggest_many([d.text for d in docs], batch_size=batch_size))
    with store.transaction():
        for doc, result in zip(docs, results, strict=True):
            if result.error:  # nothing stored for it, nothing already stored harmed
                report.failed.append((doc.id, doc.title, result.error))
                continue
            new_spans = [s.to_new_span(engine.name, engine.version) for s in result.spans]
            n_spans, n_rels = store.add_suggestions(doc.id, new_spans, result.relations, replace_model=engine.name)
            report.spans_added += n_spans
            report.relations_added += n_rels
            for s in result.spans:
                report.by_label[s.label] = report.by_label.get(s.label, 0) + 1
    report.documents += len(docs)


def suggest_project(
    store: Store, engine: Suggester, only_todo: bool = False, batch_docs: int = DEFAULT_BATCH_DOCS
) -> Job[SuggestReport]:
    """Suggest spans for the project's documents. Yields Progress after each committed batch; closing the
    generator stops after the last committed batch (nothing half-written). Rejected spans never come back;
    pending ones the same model made earlier and no longer makes (older rules or version) are replaced."""
    statuses = [Status.TODO] if only_todo else None
    total = store.count_documents(status=Status.TODO if only_todo else None)
    report = SuggestReport(model=engine.name, model_version=engine.version)
    yield Progress(0, total, "Suggesting")
    batch: list[Document] = []
    # iter_documents fetches whole pages, so no read cursor stays open across our writes.
    for doc in store.iter_documents(statuses):
        batch.append(doc)
        if len(batch) >= batch_docs:
            _store_batch(store, engine, batch, report, batch_docs)
            batch = []
            yield Progress(report.documents, total, "Suggesting")
    if batch:
        _store_batch(store, engine, batch, report, batch_docs)
        yield Progress(report.documents, total, "Suggesting")
    return report


def suggest_documents(
    store: Store, engine: Suggester, doc_ids: Sequence[int], batch_docs: int = DEFAULT_BATCH_DOCS
) -> Job[SuggestReport]:
    """`suggest_project` for the given documents only (e.g. the one open in the window)."""
    report = SuggestReport(model=engine.name, model_version=engine.version)
    yield Progress(0, len(doc_ids), "Suggesting")
    for i in range(0, len(doc_ids), batch_docs):
        _store_batch(store, engine, [store.get_document(d) for d in doc_ids[i : i + batch_docs]], report, batch_docs)
        yield Progress(report.documents, len(doc_ids), "Suggesting")
    return report
