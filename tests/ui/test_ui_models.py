"""Model contracts (pytest-qt's qtmodeltester) and lazy loading of the document list."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from app.core.store import Store
from app.core.types import NewDocument, NewSpan, SpanState, Status
from app.ui.models import PAGE, DocumentListModel, RelationListModel, SpanTableModel
from app.ui.signals import StoreSignals


def _fill(store: Store, n: int) -> None:
    store.add_documents([
        NewDocument(text=f"Article {i} about {'Kyiv' if i % 3 == 0 else 'Moscow'} and troops number {i}.",
                    title=f"Title {i}") for i in range(n)
    ])


def test_document_model_contract_and_lazy_pages(qtmodeltester, store) -> None:
    _fill(store, 2 * PAGE + 50)
    model = DocumentListModel(store, StoreSignals(store))
    assert model.rowCount() == PAGE and model.canFetchMore()
    qtmodeltester.check(model)
    model.fetchMore()
    model.fetchMore()
    assert model.rowCount() == 2 * PAGE + 50 and not model.canFetchMore()
    qtmodeltester.check(model)


def test_document_model_filters_and_updates(qtmodeltester, store) -> None:
    _fill(store, 30)
    signals = StoreSignals(store)
    model = DocumentListModel(store, signals)
    model.set_filters(search="Kyiv")
    assert model.total == 10
    qtmodeltester.check(model)
    store.set_status(1, Status.DONE)
    model.set_filters(status=Status.DONE)
    assert model.rowCount() == 1 and model.doc_id(0) == 1
    store.set_status(2, Status.DONE)  # a change reloads a filtered list
    assert model.rowCount() == 2
    model.set_filters(label="ACTOR")
    assert model.rowCount() == 0
    store.add_span(5, NewSpan(0, 7, "ACTOR"))
    assert [model.doc_id(r) for r in range(model.rowCount())] == [5]
    model.set_filters()
    store.add_span(3, NewSpan(0, 7, "FIGURE"))
    row = model.row_of(3)
    assert model.data(model.index(row, 2)) == "F1"
    qtmodeltester.check(model)


def test_row_of_loads_up_to_a_far_document(store) -> None:
    _fill(store, 3 * PAGE)
    model = DocumentListModel(store)
    row = model.row_of(2 * PAGE + 10)
    assert row == 2 * PAGE + 9 and model.doc_id(row) == 2 * PAGE + 10


def test_span_and_relation_models(qtmodeltester, store) -> None:
    text = "Zelensky said Russia pulled 60,000 troops. " * 300
    (doc_id,) = store.add_documents([NewDocument(text=text)])
    spans = store.add_spans(doc_id, [NewSpan(i * 43, i * 43 + 8, "ACTOR") for i in range(300)]
                            + [NewSpan(28, 41, "FIGURE", state=SpanState.PENDING)])
    model = SpanTableModel()
    model.set_spans(store.spans_for(doc_id), text, store.scheme)
    assert model.rowCount() == PAGE and model.canFetchMore()
    qtmodeltester.check(model)
    assert model.row_of(spans[250].id) == 251 and model.rowCount() >= 252  # the FIGURE sorts second
    assert model.data(model.index(0, 1)) == "Zelensky"
    qtmodeltester.check(model)
    rel = store.add_relation(spans[1].id, spans[0].id, "SOURCE")
    rels = RelationListModel()
    rels.set_relations([(rel, "Zelensky → 'x'")])
    qtmodeltester.check(rels)
    assert rels.data(rels.index(0, 0)) == "Zelensky → 'x'"
