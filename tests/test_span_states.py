"""`Store.set_states`: many spans' states in one transaction, with the previous states returned for undo."""

from __future__ import annotations

import pytest

from app.core.store import StoreError
from app.core.types import NewDocument, NewSpan, Origin, SpanState


def test_set_states_returns_previous_and_undoes(store) -> None:
    (doc,) = store.add_documents([NewDocument(text="Zelensky met Biden in Kyiv.")])
    spans = store.add_spans(doc, [NewSpan(0, 8, "ACTOR", Origin.MODEL, SpanState.PENDING),
                                  NewSpan(13, 18, "ACTOR", Origin.MODEL, SpanState.PENDING),
                                  NewSpan(22, 26, "ACTOR")])
    heard = []
    store.subscribe(heard.append)
    before = store.set_states({s.id: SpanState.ACCEPTED for s in spans[:2]})
    assert before == {spans[0].id: SpanState.PENDING, spans[1].id: SpanState.PENDING}
    assert [s.state for s in store.spans_for(doc)] == [SpanState.ACCEPTED] * 3
    assert len(heard) == 1 and heard[0].doc_ids == frozenset({doc})  # one transaction, one change
    store.set_states(before)
    assert [s.state for s in store.spans_for(doc)] == [SpanState.PENDING, SpanState.PENDING, SpanState.ACCEPTED]
    with pytest.raises(StoreError):
        store.set_states({spans[0].id: SpanState.REJECTED, 999: SpanState.REJECTED})
    assert store.get_span(spans[0].id).state == SpanState.PENDING  # rolled back as a whole
    assert store.set_states({}) == {}
