"""Unit tests of `Store`: documents, spans, relations, transactions, notifications, and the schema's own checks."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core import schema
from app.core.store import DuplicateSpan, InvalidSpan, Store, StoreError, content_hash, fts_query
from app.core.types import Change, NewDocument, NewSpan, Origin, SpanState, Status

TEXT = "Zelensky said almost 60,000 troops were ready, the Kremlin denied it."


@pytest.fixture
def store(tmp_path: Path):
    s = Store(tmp_path / "p.marginalia")
    yield s
    s.close()


@pytest.fixture
def doc(store: Store) -> int:
    doc_id = store.add_document(NewDocument(TEXT, title="Troops"))
    assert doc_id is not None
    return doc_id


def changes_of(store: Store) -> list[Change]:
    seen: list[Change] = []
    store.subscribe(seen.append)
    return seen


def span_rows(store: Store) -> list[tuple]:
    return store.conn.execute('SELECT id, doc_id, start, "end", label, state FROM spans ORDER BY id').fetchall()


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
    other = sqlite3.connect(tmp_path / "p.marginalia")
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


# -- transactions and notifications --------------------------------------------------------------------------


def test_listeners_hear_after_commit(store: Store, doc: int, tmp_path: Path) -> None:
    other = sqlite3.connect(tmp_path / "p.marginalia")
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
