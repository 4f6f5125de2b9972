"""Unit tests of `Store`: the file, documents, search, transactions, notifications and statistics."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core import schema
from app.core.store import InvalidSpan, Store, StoreError, content_hash, fts_query
from app.core.types import Change, NewDocument, NewSpan, Origin, SpanState, Status
from tests.store_support import TEXT, changes_of, span_rows

# -- the file itself ---------------------------------------------------------------------------------------


def test_new_project_has_wal_foreign_keys_and_schema_versions(store: Store, tmp_path: Path) -> None:
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert store.conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000
    versions = [row[0] for row in store.conn.execute("SELECT version FROM schema_version ORDER BY version")]
    assert versions == list(range(1, schema.LATEST_VERSION + 1))
    assert store.schema_version() == schema.LATEST_VERSION
    assert store.scheme.label_names == ("ACTOR", "CLAIM", "FIGURE")
    # WAL is a property of the file: a second, plain connection sees it too.
    other = sqlite3.connect(store.path)
    try:
        assert other.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        other.close()


def test_reopening_keeps_everything_and_makes_no_backup(tmp_path: Path) -> None:
    path = tmp_path / "p.marginalia"
    with Store(path) as s:
        doc_id = s.add_document(NewDocument(TEXT))
        span = s.add_span(doc_id, NewSpan(0, 8, "ACTOR"))
    with Store(path) as s:
        assert s.get_span(span.id) == span
        assert s.schema_version() == schema.LATEST_VERSION
    assert not list(tmp_path.glob("*.bak"))


# -- documents -----------------------------------------------------------------------------------------------


def test_add_documents_dedupes_by_content_against_store_and_within_batch(store: Store) -> None:
    seen = changes_of(store)
    first = store.add_documents([NewDocument("one", title="A"), NewDocument("two", title="B")])
    assert first == [1, 2]
    # "one" is already stored (a different title does not make it new); "three" is repeated in the batch.
    ids = store.add_documents(
        [NewDocument("one", title="other"), NewDocument("three"), NewDocument("three"), NewDocument("four")]
    )
    assert ids == [None, 3, None, 4]
    assert store.add_document(NewDocument("two")) is None
    assert store.count_documents() == 4
    assert [d.text for d in store.iter_documents()] == ["one", "two", "three", "four"]
    # All-duplicate batches change nothing and tell nobody.
    assert store.add_documents([NewDocument("one"), NewDocument("four")]) == [None, None]
    assert seen == [Change("documents", frozenset({1, 2})), Change("documents", frozenset({3, 4}))]


def test_get_document_round_trips_every_field(store: Store) -> None:
    new = NewDocument(
        "Text with ünïcödé 👨‍👩‍👧 and\r\nCRLF", title="T", source="BBC", url="https://x/y",
        published="2024-02-24", meta={"k": [1, 2, {"z": None}], "ü": "✓"}, status=Status.IN_PROGRESS,
    )
    doc_id = store.add_document(new)
    got = store.get_document(doc_id)
    assert (got.id, got.text, got.title, got.source, got.url, got.published, got.meta, got.status) == (
        doc_id, new.text, "T", "BBC", "https://x/y", "2024-02-24", new.meta, Status.IN_PROGRESS,
    )
    assert got.content_hash == content_hash(new.text)
    assert got.created_at == got.updated_at
    length = store.conn.execute("SELECT length FROM documents WHERE id = ?", (doc_id,)).fetchone()[0]
    assert length == len(new.text)
    with pytest.raises(StoreError):
        store.get_document(doc_id + 1)
    with pytest.raises(StoreError):
        store.get_document_status(doc_id + 1)


def test_iter_documents_batches_and_status_filter(store: Store) -> None:
    store.add_documents(
        [NewDocument(f"text {i}", status=Status.DONE if i % 3 == 0 else Status.TODO) for i in range(10)]
    )
    assert [d.id for d in store.iter_documents(batch=3)] == list(range(1, 11))
    assert [d.id for d in store.iter_documents(statuses=[Status.DONE], batch=2)] == [1, 4, 7, 10]
    assert list(store.iter_documents(statuses=[])) == []


def test_list_and_count_with_status_label_and_search_filters(store: Store) -> None:
    ids = store.add_documents([
        NewDocument("The Kremlin denied the report.", title="Denial"),
        NewDocument("NATO said troops moved.", title="Movement", status=Status.DONE),
        NewDocument("A café in Kyiv reopened.", title="Reopening"),
        NewDocument("Nothing about troops here.", title="Quiet", status=Status.DONE),
    ])
    d1, d2, d3, d4 = ids
    store.add_span(d1, NewSpan(4, 11, "ACTOR"))
    store.add_span(d1, NewSpan(0, 11, "ACTOR"))
    store.add_span(d1, NewSpan(12, 18, "CLAIM", state=SpanState.PENDING, origin=Origin.MODEL))
    store.add_span(d2, NewSpan(0, 4, "ACTOR"))
    store.add_span(d3, NewSpan(2, 6, "ACTOR", state=SpanState.REJECTED, origin=Origin.MODEL))
    store.add_span(d4, NewSpan(0, 7, "CLAIM", state=SpanState.PENDING, origin=Origin.MODEL))

    def listed(**kw) -> list[int]:
        got = [s.id for s in store.list_documents(**kw)]
        assert store.count_documents(**kw) == len(got)
        return got

    assert listed() == ids
    assert listed(status=Status.DONE) == [d2, d4]
    assert listed(status=Status.SKIPPED) == []
    assert listed(label="ACTOR") == [d1, d2]  # the rejected ACTOR on d3 does not count
    assert listed(label="CLAIM") == [d1, d4]  # pending ones do
    assert listed(label="ACTOR", status=Status.DONE) == [d2]
    assert listed(search="troops") == [d2, d4]
    assert listed(search="TROOPS nato") == [d2]  # every word must occur, case-insensitively
    assert listed(search="cafe") == [d3]  # diacritics are ignored
    assert listed(search="reopening") == [d3]  # titles are searched as well
    assert listed(search="troops", status=Status.DONE, label="CLAIM") == [d4]
    assert listed(search="   ") == ids  # a blank search is no filter
    assert listed(search="absent") == []

    summaries = {s.id: s for s in store.list_documents()}
    assert summaries[d1].span_counts == {"ACTOR": 2}
    assert summaries[d1].pending == 1
    assert summaries[d1].total_spans == 2
    assert (summaries[d1].title, summaries[d1].status) == ("Denial", Status.TODO)
    assert summaries[d3].span_counts == {} and summaries[d3].pending == 0
    assert summaries[d4].span_counts == {} and summaries[d4].pending == 1


HOSTILE = [
    '"', '""', '"""', "AND", "OR", "NOT", "NEAR", "NEAR(a b)", "a AND", "AND OR NOT", "*", "a*", "**", "^a",
    "-", "- a", "+", ":", "title:", "text:troops", "{title text}:x", "(", ")", "()", "(a OR", "'", "''",
    "'; DROP TABLE documents;--", '"; DROP TABLE documents; --', "\\", "%", "_", "a\x00b", "💥", "\u200b",
    'troops"', '"troops', "troops*", "troops AND", "NOT troops", "col:troops",
]


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_search_strings_never_raise(store: Store, query: str) -> None:
    store.add_documents([NewDocument("troops moved", title="AND NOT"), NewDocument("other words")])
    found = [s.id for s in store.list_documents(search=query)]
    assert store.count_documents(search=query) == len(found)
    assert set(found) <= {1, 2}
    assert store.count_documents() == 2  # the table is still there
    if query.strip('"*^:-()') == "troops":
        assert found == [1]  # quoting keeps the plain word searchable


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.text(st.characters(exclude_categories=("Cs",)), max_size=30))
def test_any_search_string_never_raises(store: Store, query: str) -> None:
    if store.count_documents() == 0:
        store.add_documents([NewDocument("troops moved", title="AND NOT"), NewDocument("other words")])
    assert store.count_documents(search=query) == len(store.list_documents(search=query))


def test_fts_query_quotes_every_word() -> None:
    assert fts_query('a "b" AND*') == '"a" """b""" "AND*"'
    assert fts_query("  ") == ""


def test_pagination_is_stable_and_complete(store: Store) -> None:
    store.add_documents([NewDocument(f"doc {i}", status=Status.DONE if i % 2 else Status.TODO) for i in range(23)])
    pages = [store.list_documents(offset=o, limit=5) for o in range(0, 30, 5)]
    assert [len(p) for p in pages] == [5, 5, 5, 5, 3, 0]
    assert [s.id for p in pages for s in p] == list(range(1, 24))
    done = [s.id for o in range(0, 20, 4) for s in store.list_documents(offset=o, limit=4, status=Status.DONE)]
    assert done == list(range(2, 24, 2))
    assert store.document_row(1) == 0 and store.document_row(23) == 22


def test_next_document_wraps_around(store: Store) -> None:
    statuses = [Status.DONE, Status.TODO, Status.DONE, Status.TODO, Status.SKIPPED]
    store.add_documents([NewDocument(f"doc {i}", status=s) for i, s in enumerate(statuses)])
    assert store.next_document(None) == 2
    assert store.next_document(2) == 4
    assert store.next_document(4) == 2  # wraps round
    assert store.next_document(5) == 2
    assert store.next_document(1, Status.SKIPPED) == 5
    assert store.next_document(5, Status.SKIPPED) is None  # the current one is the only one: no "next"
    assert store.next_document(3, Status.IN_PROGRESS) is None
    store.set_status(4, Status.DONE)
    assert store.next_document(2) is None
    assert store.next_document(3) == 2


def test_set_status_returns_old_and_notifies(store: Store, doc: int) -> None:
    seen = changes_of(store)
    before = store.get_document(doc).updated_at
    assert store.set_status(doc, Status.IN_PROGRESS) == Status.TODO
    assert store.set_status(doc, Status.DONE) == Status.IN_PROGRESS
    assert store.get_document_status(doc) == Status.DONE
    assert store.get_document(doc).updated_at >= before
    assert seen == [Change("status", frozenset({doc}))] * 2
    with pytest.raises(StoreError):
        store.set_status(doc + 1, Status.DONE)
    with pytest.raises(ValueError):
        store.set_status(doc, "finished")  # type: ignore[arg-type]
    assert store.get_document_status(doc) == Status.DONE
    assert len(seen) == 2


# -- transactions and notifications --------------------------------------------------------------------------


def test_listeners_hear_after_commit(store: Store, doc: int, tmp_path: Path) -> None:
    other = sqlite3.connect(store.path)
    seen_by_other: list[int] = []

    def listener(change: Change) -> None:
        assert not store.conn.in_transaction
        seen_by_other.append(other.execute("SELECT count(*) FROM spans").fetchone()[0])

    unsubscribe = store.subscribe(listener)
    try:
        store.add_span(doc, NewSpan(0, 8, "ACTOR"))
        assert seen_by_other == [1]  # another connection already saw the committed row
        unsubscribe()
        store.add_span(doc, NewSpan(9, 13, "CLAIM"))
        assert seen_by_other == [1]
    finally:
        other.close()


def test_nested_transaction_notifies_once_at_outer_commit(store: Store, doc: int) -> None:
    seen = changes_of(store)
    with store.transaction():
        span = store.add_span(doc, NewSpan(0, 8, "ACTOR"))
        store.set_status(doc, Status.IN_PROGRESS)
        assert seen == []
        assert store.conn.in_transaction
    assert seen == [Change("spans", frozenset({doc})), Change("status", frozenset({doc}))]
    assert store.get_span(span.id) == span


def test_transaction_rolls_back_on_exception_and_tells_nobody(store: Store, doc: int) -> None:
    seen = changes_of(store)

    class Boom(Exception):
        pass

    with pytest.raises(Boom), store.transaction():
        store.add_span(doc, NewSpan(0, 8, "ACTOR"))
        store.add_documents([NewDocument("new one")])
        store.set_status(doc, Status.DONE)
        raise Boom
    assert not store.conn.in_transaction
    assert span_rows(store) == []
    assert store.count_documents() == 1
    assert store.get_document_status(doc) == Status.TODO
    assert seen == []
    # and the store is usable afterwards, with a clean slate of pending changes
    store.set_status(doc, Status.DONE)
    assert seen == [Change("status", frozenset({doc}))]


def test_failed_inner_write_inside_outer_transaction_rolls_back_everything(store: Store, doc: int) -> None:
    seen = changes_of(store)
    with pytest.raises(InvalidSpan), store.transaction():
        store.add_span(doc, NewSpan(0, 8, "ACTOR"))
        store.add_span(doc, NewSpan(0, 800, "ACTOR"))
    assert span_rows(store) == [] and seen == []


# -- statistics ----------------------------------------------------------------------------------------------


def test_stats(store: Store) -> None:
    empty = store.stats()
    assert empty["documents"] == {"total": 0, "by_status": {str(s): 0 for s in Status}}
    assert empty["spans"] == {"accepted": {}, "pending": {}} and empty["relations"] == {}

    d1, d2, _ = store.add_documents([NewDocument("a b c d e f"), NewDocument("g h i j", status=Status.DONE),
                                     NewDocument("k", status=Status.DONE)])
    a1 = store.add_span(d1, NewSpan(0, 1, "ACTOR"))
    store.add_span(d1, NewSpan(2, 3, "ACTOR", origin=Origin.MODEL))
    store.add_span(d2, NewSpan(0, 1, "ACTOR", origin=Origin.MODEL))
    c1 = store.add_span(d1, NewSpan(0, 5, "CLAIM"))
    store.add_span(d1, NewSpan(4, 5, "FIGURE", origin=Origin.MODEL, state=SpanState.PENDING))
    store.add_span(d2, NewSpan(2, 3, "FIGURE", origin=Origin.MODEL, state=SpanState.PENDING))
    store.add_span(d2, NewSpan(4, 7, "CLAIM", origin=Origin.MODEL, state=SpanState.PENDING))
    store.add_span(d2, NewSpan(0, 3, "CLAIM", origin=Origin.MODEL, state=SpanState.REJECTED))
    store.add_relation(c1.id, a1.id, "SOURCE")
    got = store.stats()
    assert got["documents"] == {
        "total": 3, "by_status": {"todo": 1, "in_progress": 0, "done": 2, "skipped": 0},
    }
    assert got["spans"]["accepted"] == {
        "ACTOR": {"total": 3, "by_origin": {"manual": 1, "model": 2}},
        "CLAIM": {"total": 1, "by_origin": {"manual": 1}},
    }
    assert got["spans"]["pending"] == {"CLAIM": 1, "FIGURE": 2}
    assert got["relations"] == {"SOURCE": 1}


def test_scheme_is_stored_in_the_project(tmp_path: Path) -> None:
    path = tmp_path / "p.marginalia"
    with Store(path) as s:
        from app.core.scheme import Label

        s.set_scheme(s.scheme.with_label(Label("PLACE", "#123456", "4")))
    with Store(path) as s:
        assert s.scheme.label_names == ("ACTOR", "CLAIM", "FIGURE", "PLACE")
        assert s.scheme.label("PLACE").colour == "#123456"


def test_sqlite_utils_view_sees_the_same_data_and_is_loaded_lazily(store: Store) -> None:
    store.add_documents([NewDocument("one article"), NewDocument("another article")])
    assert store.db["documents"].count == 2
    assert {"documents", "spans", "relations", "documents_fts"} <= set(store.db.table_names())
