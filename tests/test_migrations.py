"""Schema migrations: a project made at any earlier schema version opens, migrates and keeps its data, and the
result is indistinguishable (in `sqlite_master`) from a fresh project. Files we must not touch stay untouched."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from app.core import schema
from app.core.schema import LATEST_VERSION, MIGRATIONS, SchemaError
from app.core.store import Store, content_hash
from app.core.types import NewSpan

OLD_VERSIONS = list(range(1, LATEST_VERSION))
TABLES = ("documents", "spans", "relations")

DOCS = [
    (1, "Ceasefire", "The Kremlin denied that almost 60,000 troops had crossed.", "todo"),
    (2, "Aid", "Zelensky said around $66 billion in aid was needed.", "done"),
    (3, "Ünïcödé", "Кремль заявил 👨‍👩‍👧 café\r\nsecond line", "in_progress"),
]
# (id, doc_id, start, end, label, origin, state)
SPANS = [
    (1, 1, 4, 11, "ACTOR", "manual", "accepted"),
    (2, 1, 12, 57, "CLAIM", "model", "pending"),
    (3, 1, 24, 44, "FIGURE", "model-edited", "accepted"),
    (4, 1, 31, 37, "FIGURE", "pattern", "rejected"),
    (5, 2, 0, 8, "ACTOR", "imported", "accepted"),
    (6, 2, 9, 51, "CLAIM", "manual", "accepted"),
    (7, 3, 0, 6, "ACTOR", "manual", "accepted"),
]
RELATIONS = [(1, 2, 1, "SOURCE"), (2, 6, 5, "SOURCE")]
OLD_SCHEME = (
    '{"name": "old", "version": 1, "labels": [{"name": "ACTOR"}, {"name": "CLAIM"}, {"name": "FIGURE"}],'
    ' "relations": [{"name": "SOURCE"}]}'
)


def insert_sample(conn: sqlite3.Connection, version: int) -> None:
    """Data valid at `version`, written as that version's app would have written it (raw SQL).

    Every released version so far shares the v1 tables; a migration that changes them must add its case here.
    """
    assert version >= 1
    stamp = "2024-01-01T00:00:00.000+00:00"
    with conn:
        conn.execute("INSERT INTO meta(key, value) VALUES ('scheme', ?)", (OLD_SCHEME,))
        conn.execute("INSERT INTO meta(key, value) VALUES ('note', 'kept')")
        for doc_id, title, text, status in DOCS:
            conn.execute(
                "INSERT INTO documents(id, title, source, url, published, meta, content_hash, status, length, "
                "created_at, updated_at, text) "
                "VALUES (?, ?, 'src', 'http://x', '2024', '{\"a\": 1}', ?, ?, ?, ?, ?, ?)",
                (doc_id, title, content_hash(text), status, len(text), stamp, stamp, text),
            )
        for span_id, doc_id, start, end, label, origin, state in SPANS:
            conn.execute(
                'INSERT INTO spans(id, doc_id, start, "end", label, origin, state, model, score, attributes, '
                "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'm', 0.5, '{\"k\": \"v\"}', ?, ?)",
                (span_id, doc_id, start, end, label, origin, state, stamp, stamp),
            )
        for rel_id, head, child, label in RELATIONS:
            conn.execute(
                "INSERT INTO relations(id, head_id, child_id, label, created_at) VALUES (?, ?, ?, ?, ?)",
                (rel_id, head, child, label, stamp),
            )


def dump_data(conn: sqlite3.Connection) -> dict[str, list[tuple]]:
    data = {t: conn.execute(f"SELECT * FROM {t} ORDER BY id").fetchall() for t in TABLES}
    data["meta"] = conn.execute("SELECT * FROM meta ORDER BY key").fetchall()
    return data


def master(conn: sqlite3.Connection) -> list[tuple]:
    return conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name").fetchall()


def open_raw(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(path, isolation_level=None)


def build_old(path: Path, version: int, journal_mode: str) -> dict[str, list[tuple]]:
    conn = open_raw(path)
    try:
        conn.execute(f"PRAGMA journal_mode = {journal_mode}")
        assert schema.migrate(conn, path, target=version) == 0
        assert schema.current_version(conn) == version
        insert_sample(conn, version)
        return dump_data(conn)
    finally:
        conn.close()


@pytest.fixture(scope="module")
def fresh_master(tmp_path_factory: pytest.TempPathFactory) -> list[tuple]:
    path = tmp_path_factory.mktemp("fresh") / "fresh.marginalia"
    Store(path).close()
    conn = open_raw(path)
    try:
        return master(conn)
    finally:
        conn.close()


def test_migrations_are_a_list_of_sql_steps() -> None:
    assert LATEST_VERSION == len(MIGRATIONS) >= 2
    assert all(isinstance(step, str) and step.strip() for step in MIGRATIONS)


def test_migrate_to_each_target_stops_there(tmp_path: Path) -> None:
    conn = open_raw(tmp_path / "p.marginalia")
    try:
        for k in range(1, LATEST_VERSION + 1):
            assert schema.migrate(conn, tmp_path / "p.marginalia", target=k) == k - 1
            assert schema.current_version(conn) == k
            versions = [r[0] for r in conn.execute("SELECT version FROM schema_version ORDER BY version")]
            assert versions == list(range(1, k + 1))
        assert schema.migrate(conn, tmp_path / "p.marginalia") == LATEST_VERSION  # nothing left to do
    finally:
        conn.close()
    # only migrating a file that already had a schema makes backups (k >= 2 started from k - 1 >= 1)
    assert len(list(tmp_path.glob("*.bak"))) == LATEST_VERSION - 1


@pytest.mark.parametrize("journal_mode", ["wal", "delete"])
@pytest.mark.parametrize("version", OLD_VERSIONS)
def test_old_project_migrates_with_data_intact(
    tmp_path: Path, version: int, journal_mode: str, fresh_master: list[tuple]
) -> None:
    path = tmp_path / "p.marginalia"
    before = build_old(path, version, journal_mode)

    with Store(path) as store:
        assert store.schema_version() == LATEST_VERSION
        versions = [r[0] for r in store.conn.execute("SELECT version FROM schema_version ORDER BY version")]
        assert versions == list(range(1, LATEST_VERSION + 1))
        assert dump_data(store.conn) == before  # nothing lost, nothing rewritten (not even the old scheme)
        assert store.scheme.name == "old"
        assert master(store.conn) == fresh_master
        assert store.conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert store.conn.execute("PRAGMA foreign_key_check").fetchall() == []
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"

        # the full-text index covers the documents that were there before it existed
        assert [d.id for d in store.list_documents(search="kremlin")] == [1]
        assert [d.id for d in store.list_documents(search="cafe")] == [3]
        assert [d.id for d in store.list_documents(search="кремль")] == [3]
        assert [d.id for d in store.list_documents(search="aid")] == [2]  # title and text
        assert store.count_documents(search="troops billion") == 0
        # and the migrated project works as usual
        summaries = {s.id: s for s in store.list_documents()}
        assert summaries[1].span_counts == {"ACTOR": 1, "FIGURE": 1} and summaries[1].pending == 1
        assert [r.id for r in store.relations_for(1)] == [1]
        span = store.add_span(3, NewSpan(7, 13, "CLAIM"))
        assert span.id == 8
        rel = store.add_relation(span.id, 7, "SOURCE")
        assert rel.id == 3
        deleted = store.delete_span(1)
        assert [r.id for r in deleted.relations] == [1]
        store.restore_span(deleted)

    # a backup of the old version sits next to the file and is a complete copy of it
    backups = list(tmp_path.glob(f"{path.name}.v{version}-*.bak"))
    assert len(backups) == 1, list(tmp_path.iterdir())
    conn = open_raw(backups[0])
    try:
        assert schema.current_version(conn) == version
        assert dump_data(conn) == before
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        conn.close()

    # opening again neither migrates nor backs up again
    with Store(path) as store:
        assert store.schema_version() == LATEST_VERSION
    assert len(list(tmp_path.glob("*.bak"))) == 1


def test_a_failing_step_leaves_the_previous_version(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "p.marginalia"
    before = build_old(path, LATEST_VERSION, "wal")
    broken = "CREATE TABLE half_done (x INTEGER);\nINSERT INTO no_such_table VALUES (1);"
    monkeypatch.setattr(schema, "MIGRATIONS", (*MIGRATIONS, broken))
    monkeypatch.setattr(schema, "LATEST_VERSION", LATEST_VERSION + 1)
    conn = open_raw(path)
    try:
        with pytest.raises(sqlite3.OperationalError):
            schema.migrate(conn, path, target=LATEST_VERSION + 1)
        assert not conn.in_transaction
        assert schema.current_version(conn) == LATEST_VERSION
        assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'half_done'").fetchone()[0] == 0
        assert dump_data(conn) == before
    finally:
        conn.close()


def file_state(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def test_newer_project_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "p.marginalia"
    with Store(path) as store:
        store.conn.execute(
            "INSERT INTO schema_version(version, applied_at) VALUES (?, 'future')", (LATEST_VERSION + 1,)
        )
    state = file_state(tmp_path)
    assert list(state) == ["p.marginalia"]

    with pytest.raises(SchemaError, match="newer") as info:
        Store(path)
    assert f"schema version {LATEST_VERSION + 1}" in str(info.value)
    assert str(LATEST_VERSION) in str(info.value)
    del info
    assert file_state(tmp_path) == state  # same bytes, and no backup, -wal or -shm left behind
    with pytest.raises(SchemaError):
        Store(path)
    assert file_state(tmp_path) == state


def test_foreign_sqlite_file_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "accounts.db"
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("CREATE TABLE accounts (id INTEGER PRIMARY KEY, name TEXT)")
        conn.executemany("INSERT INTO accounts(name) VALUES (?)", [("a",), ("b",)])
    conn.close()
    state = file_state(tmp_path)

    with pytest.raises(SchemaError, match="not a Marginalia project"):
        Store(path)
    assert file_state(tmp_path) == state  # in particular, not switched to WAL
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert conn.execute("SELECT name FROM accounts ORDER BY id").fetchall() == [("a",), ("b",)]
    finally:
        conn.close()


def test_non_sqlite_file_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "notes.marginalia"
    path.write_bytes(b"These are my notes, not a database.\n" * 200)
    state = file_state(tmp_path)
    with pytest.raises((SchemaError, sqlite3.DatabaseError)):
        Store(path)
    assert file_state(tmp_path) == state
