"""Unit tests of `Store` spans and relations, and of the schema's own checks against bad rows."""

from __future__ import annotations

import sqlite3

import pytest

from app.core.store import DuplicateSpan, InvalidSpan, Store, StoreError, content_hash
from app.core.types import Change, NewDocument, NewSpan, Origin, SpanState
from tests.store_support import TEXT, changes_of, span_rows

# -- spans ---------------------------------------------------------------------------------------------------


def test_overlapping_and_nested_spans_are_fine(store: Store, doc: int) -> None:
    seen = changes_of(store)
    outer = store.add_span(doc, NewSpan(14, 34, "FIGURE"))
    nested = store.add_span(doc, NewSpan(21, 27, "FIGURE"))
    overlap = store.add_span(doc, NewSpan(0, 20, "CLAIM"))
    same_place_other_label = store.add_span(doc, NewSpan(14, 34, "CLAIM"))
    whole = store.add_span(doc, NewSpan(0, len(TEXT), "CLAIM", state=SpanState.PENDING, origin=Origin.MODEL))
    assert nested.text_in(TEXT) == "60,000"
    assert outer.text_in(TEXT) == "almost 60,000 troops"
    # ordered by start, longest first, so that enclosing spans come first
    assert [s.id for s in store.spans_for(doc)] == [whole.id, overlap.id, outer.id, same_place_other_label.id,
                                                    nested.id]
    assert [s.id for s in store.spans_for(doc, [SpanState.PENDING])] == [whole.id]
    assert len(seen) == 5 and all(c == Change("spans", frozenset({doc})) for c in seen)


def test_span_fields_round_trip(store: Store, doc: int) -> None:
    new = NewSpan(0, 8, "ACTOR", Origin.MODEL, SpanState.PENDING, "en_core", "3.8", 0.875, "ann",
                  {"hedge": "almost", "n": [1, 2]})
    span = store.add_span(doc, new)
    assert span.as_new() == new
    assert store.get_span(span.id) == span
    assert span.doc_id == doc and span.text_in(TEXT) == "Zelensky"
    assert store.find_span(doc, 0, 8, "ACTOR") == span
    assert store.find_span(doc, 0, 8, "CLAIM") is None
    with pytest.raises(StoreError):
        store.get_span(span.id + 1)


def test_exact_duplicate_span_raises_with_existing(store: Store, doc: int) -> None:
    first = store.add_span(doc, NewSpan(0, 8, "ACTOR"))
    with pytest.raises(DuplicateSpan) as info:
        store.add_span(doc, NewSpan(0, 8, "ACTOR", origin=Origin.MODEL, state=SpanState.PENDING))
    assert info.value.existing == first
    rejected = store.add_span(doc, NewSpan(51, 58, "ACTOR", state=SpanState.REJECTED))
    with pytest.raises(DuplicateSpan) as info:
        store.add_span(doc, NewSpan(51, 58, "ACTOR"))  # a remembered refusal is still a duplicate
    assert info.value.existing == rejected
    assert len(span_rows(store)) == 2
    # skip_existing leaves existing (and rejected) spans alone and stores the rest
    added = store.add_spans(doc, [NewSpan(0, 8, "ACTOR"), NewSpan(51, 58, "ACTOR"), NewSpan(9, 13, "CLAIM")],
                            skip_existing=True)
    assert [(s.start, s.end, s.label) for s in added] == [(9, 13, "CLAIM")]
    assert store.get_span(rejected.id).state == SpanState.REJECTED


@pytest.mark.parametrize(
    ("start", "end", "label"),
    [
        (-1, 5, "ACTOR"),  # negative
        (5, 3, "ACTOR"),  # reversed
        (5, 5, "ACTOR"),  # empty
        (0, len(TEXT) + 1, "ACTOR"),  # beyond the text
        (len(TEXT), len(TEXT) + 2, "ACTOR"),
        (True, 5, "ACTOR"),  # bool is an int subclass but not an offset
        (0, True, "ACTOR"),
        (False, 5, "ACTOR"),
        (0.0, 5, "ACTOR"),  # floats
        (0, 5.0, "ACTOR"),
        ("0", 5, "ACTOR"),
        (None, 5, "ACTOR"),
        (0, 5, ""),  # empty label
        (0, 5, None),
    ],
)
def test_invalid_spans_are_refused(store: Store, doc: int, start, end, label) -> None:
    seen = changes_of(store)
    with pytest.raises(InvalidSpan):
        store.add_span(doc, NewSpan(start, end, label))
    assert span_rows(store) == []
    assert seen == []


def test_span_on_missing_document_is_refused(store: Store, doc: int) -> None:
    with pytest.raises(InvalidSpan):
        store.add_span(doc + 1, NewSpan(0, 1, "ACTOR"))


def test_add_spans_is_all_or_nothing(store: Store, doc: int) -> None:
    seen = changes_of(store)
    with pytest.raises(InvalidSpan):
        store.add_spans(doc, [NewSpan(0, 8, "ACTOR"), NewSpan(0, 999, "ACTOR")])
    with pytest.raises(DuplicateSpan):
        store.add_spans(doc, [NewSpan(0, 8, "ACTOR"), NewSpan(0, 8, "ACTOR")])
    assert span_rows(store) == []
    assert seen == []
    assert not store.conn.in_transaction


def test_whole_text_span_and_astral_offsets_are_code_points(store: Store) -> None:
    text = "👨‍👩‍👧 said 🇺🇦"
    doc_id = store.add_document(NewDocument(text))
    assert len(text) == 13
    span = store.add_span(doc_id, NewSpan(0, 5, "ACTOR"))
    assert span.text_in(text) == "👨‍👩‍👧"
    store.add_span(doc_id, NewSpan(0, len(text), "CLAIM"))
    with pytest.raises(InvalidSpan):
        store.add_span(doc_id, NewSpan(0, len(text.encode("utf-16-le")) // 2, "CLAIM"))


# -- the database's own checks: what a buggy caller writing raw SQL runs into ---------------------------------


def raw_span(store: Store, doc_id: int, start: object, end: object, label: object = "ACTOR", **extra) -> None:
    values = {"doc_id": doc_id, "start": start, "end": end, "label": label, "origin": "manual",
              "state": "accepted", "attributes": "{}", "created_at": "t", "updated_at": "t", **extra}
    cols = ", ".join(f'"{k}"' for k in values)
    store.conn.execute(f"INSERT INTO spans({cols}) VALUES ({', '.join('?' * len(values))})", list(values.values()))


def raw_document(store: Store, text: str, **extra) -> None:
    values = {"content_hash": content_hash(text), "length": len(text), "created_at": "t", "updated_at": "t",
              "text": text, **extra}
    cols = ", ".join(values)
    store.conn.execute(f"INSERT INTO documents({cols}) VALUES ({', '.join('?' * len(values))})",
                       list(values.values()))


@pytest.mark.parametrize(
    ("start", "end", "extra"),
    [
        (-1, 5, {}),
        (5, 3, {}),
        (5, 5, {}),
        (0, len(TEXT) + 1, {}),
        (0, 5, {"label": ""}),
        (0, 5, {"origin": "guess"}),
        (0, 5, {"state": "maybe"}),
        (0, 5, {"attributes": "{not json"}),
        (0, 5, {"doc_id": 999}),  # foreign key
        (0, 5, {"label": None}),
    ],
)
def test_db_refuses_bad_span_rows(store: Store, doc: int, start: int, end: int, extra: dict) -> None:
    kw = dict(extra)
    doc_id = kw.pop("doc_id", doc)
    label = kw.pop("label", "ACTOR")
    with pytest.raises(sqlite3.IntegrityError):
        raw_span(store, doc_id, start, end, label, **kw)
    assert span_rows(store) == []


def test_db_refuses_duplicate_span_row_and_bad_updates(store: Store, doc: int) -> None:
    raw_span(store, doc, 0, 8)
    with pytest.raises(sqlite3.IntegrityError):
        raw_span(store, doc, 0, 8)
    for assignment in ('"end" = 999', "start = -1", 'start = "end"', "label = ''", "state = 'x'"):
        with pytest.raises(sqlite3.IntegrityError):
            store.conn.execute(f"UPDATE spans SET {assignment}")
    other = store.add_document(NewDocument("short"))
    with pytest.raises(sqlite3.IntegrityError, match="beyond the end"):
        store.conn.execute("UPDATE spans SET doc_id = ?", (other,))  # 0-8 does not fit in "short"
    assert span_rows(store) == [(1, doc, 0, 8, "ACTOR", "accepted")]


def test_db_refuses_bad_document_rows(store: Store) -> None:
    with pytest.raises(sqlite3.IntegrityError):
        raw_document(store, "abc", length=4)  # length must match the text
    with pytest.raises(sqlite3.IntegrityError):
        raw_document(store, "abc", status="finished")
    with pytest.raises(sqlite3.IntegrityError):
        raw_document(store, "abc", meta="{oops")
    raw_document(store, "abc")
    with pytest.raises(sqlite3.IntegrityError):
        raw_document(store, "abc")  # same content hash
    with pytest.raises(sqlite3.IntegrityError):
        store.conn.execute("UPDATE documents SET status = 'nope'")
    assert store.count_documents() == 1


def test_db_refuses_bad_relation_rows(store: Store, doc: int) -> None:
    a = store.add_span(doc, NewSpan(0, 8, "ACTOR")).id
    c = store.add_span(doc, NewSpan(9, 13, "CLAIM")).id
    other_doc = store.add_document(NewDocument("The Kremlin"))
    x = store.add_span(other_doc, NewSpan(4, 11, "ACTOR")).id

    def rel(head: int, child: int, label: str = "SOURCE") -> None:
        store.conn.execute(
            "INSERT INTO relations(head_id, child_id, label, created_at) VALUES (?, ?, ?, 't')", (head, child, label)
        )

    with pytest.raises(sqlite3.IntegrityError, match="same document"):
        rel(c, x)
    with pytest.raises(sqlite3.IntegrityError):
        rel(c, c)
    with pytest.raises(sqlite3.IntegrityError):
        rel(c, 999)
    with pytest.raises(sqlite3.IntegrityError):
        rel(c, a, "")
    rel(c, a)
    with pytest.raises(sqlite3.IntegrityError):
        rel(c, a)
    assert store.conn.execute("SELECT head_id, child_id, label FROM relations").fetchall() == [(c, a, "SOURCE")]


# -- updating, deleting and restoring spans ------------------------------------------------------------------


def test_update_span_returns_old_and_new(store: Store, doc: int) -> None:
    span = store.add_span(doc, NewSpan(14, 27, "FIGURE", Origin.MODEL, SpanState.PENDING, score=0.5))
    seen = changes_of(store)
    old, new = store.update_span(span.id, start=21, state=SpanState.ACCEPTED, origin=Origin.MODEL_EDITED,
                                 attributes={"unit": "troops"})
    assert old == span
    assert (new.id, new.start, new.end, new.label) == (span.id, 21, 27, "FIGURE")
    assert (new.state, new.origin, new.attributes, new.score) == (
        SpanState.ACCEPTED, Origin.MODEL_EDITED, {"unit": "troops"}, 0.5,
    )
    assert new.created_at == span.created_at and new.updated_at >= span.updated_at
    assert store.get_span(span.id) == new
    assert seen == [Change("spans", frozenset({doc}))]
    # applying "old" as a change puts it back (undo)
    back_old, back = store.update_span(span.id, start=old.start, state=old.state, origin=old.origin,
                                       attributes=old.attributes)
    assert back_old == new
    assert back.as_new() == span.as_new()


def test_update_span_refuses_clashes_bad_offsets_and_unknown_fields(store: Store, doc: int) -> None:
    a = store.add_span(doc, NewSpan(0, 8, "ACTOR"))
    b = store.add_span(doc, NewSpan(0, 8, "CLAIM"))
    seen = changes_of(store)
    with pytest.raises(DuplicateSpan) as info:
        store.update_span(b.id, label="ACTOR")
    assert info.value.existing == a
    for bad in ({"end": 0}, {"start": -2}, {"end": len(TEXT) + 1}, {"label": ""}, {"end": 8.0}):
        with pytest.raises(InvalidSpan):
            store.update_span(b.id, **bad)
    for bad in ({"doc_id": 2}, {"id": 9}, {"created_at": "x"}):
        with pytest.raises(StoreError):
            store.update_span(b.id, **bad)
    with pytest.raises(StoreError):
        store.update_span(999, start=1)
    assert store.get_span(b.id) == b and store.get_span(a.id) == a
    assert seen == []
    # changing a span to where it already is, is not a clash with itself
    assert store.update_span(a.id, start=0, end=8, label="ACTOR")[1].id == a.id


def test_delete_and_restore_span_with_its_relations(store: Store, doc: int) -> None:
    actor = store.add_span(doc, NewSpan(0, 8, "ACTOR"))
    kremlin = store.add_span(doc, NewSpan(51, 58, "ACTOR"))
    claim = store.add_span(doc, NewSpan(9, 46, "CLAIM"))
    other_claim = store.add_span(doc, NewSpan(59, 65, "CLAIM"))
    r1 = store.add_relation(claim.id, actor.id, "SOURCE")
    r2 = store.add_relation(other_claim.id, kremlin.id, "SOURCE")
    r3 = store.add_relation(kremlin.id, claim.id, "SOURCE")
    seen = changes_of(store)

    deleted = store.delete_span(claim.id)
    assert deleted.span == claim
    assert sorted(deleted.relations, key=lambda r: r.id) == [r1, r3]
    with pytest.raises(StoreError):
        store.get_span(claim.id)
    assert store.relations_for(doc) == [r2]  # the relations went with the span

    restored = store.restore_span(deleted)
    assert restored.id == claim.id
    assert restored.as_new() == claim.as_new() and restored.created_at == claim.created_at
    assert store.relations_for(doc) == [r1, r2, r3]
    assert seen == [Change("spans", frozenset({doc}))] * 2
    with pytest.raises(StoreError):
        store.delete_span(999)


def test_relations_add_delete_restore_and_refusals(store: Store, doc: int) -> None:
    actor = store.add_span(doc, NewSpan(0, 8, "ACTOR"))
    claim = store.add_span(doc, NewSpan(9, 46, "CLAIM", state=SpanState.PENDING))
    other = store.add_document(NewDocument("The Kremlin denied it."))
    foreign = store.add_span(other, NewSpan(4, 11, "ACTOR"))
    seen = changes_of(store)

    rel = store.add_relation(claim.id, actor.id, "SOURCE")
    assert (rel.head_id, rel.child_id, rel.label) == (claim.id, actor.id, "SOURCE")
    assert store.relations_for(doc) == [rel]
    assert store.relations_for(doc, [SpanState.ACCEPTED]) == []  # the claim is pending
    assert store.relations_for(other) == []
    for head, child, label in [
        (claim.id, foreign.id, "SOURCE"),  # across documents
        (foreign.id, actor.id, "SOURCE"),
        (claim.id, claim.id, "SOURCE"),  # a span with itself
        (claim.id, actor.id, "SOURCE"),  # twice
        (claim.id, actor.id, ""),
        (claim.id, 999, "SOURCE"),
    ]:
        with pytest.raises(StoreError):
            store.add_relation(head, child, label)
    assert store.conn.execute("SELECT count(*) FROM relations").fetchone()[0] == 1
    assert store.delete_relation(rel.id) == rel
    assert store.relations_for(doc) == []
    assert store.restore_relation(rel) == rel
    assert store.relations_for(doc) == [rel]
    with pytest.raises(StoreError):
        store.delete_relation(999)
    assert seen == [Change("relations", frozenset({doc}))] * 3


def test_deleting_a_document_cascades_to_spans_and_relations(store: Store, doc: int) -> None:
    keep = store.add_document(NewDocument("The Kremlin denied it."))
    kept = store.add_span(keep, NewSpan(4, 11, "ACTOR"))
    actor = store.add_span(doc, NewSpan(0, 8, "ACTOR"))
    claim = store.add_span(doc, NewSpan(9, 46, "CLAIM"))
    store.add_relation(claim.id, actor.id, "SOURCE")
    with store.transaction() as conn:
        conn.execute("DELETE FROM documents WHERE id = ?", (doc,))
    assert [r[0] for r in span_rows(store)] == [kept.id]
    assert store.conn.execute("SELECT count(*) FROM relations").fetchone()[0] == 0
    assert [s.id for s in store.list_documents(search="Zelensky")] == []  # gone from the index too
    assert store.conn.execute("PRAGMA foreign_key_check").fetchall() == []
