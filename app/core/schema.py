"""The database schema as an ordered list of migrations.

A new project runs every step from 1; an older file runs the steps it lacks, after a backup copy is made.
Never edit a released step: add a new one. `tests/test_migrations.py` builds a file at every earlier version
and checks that migrating it gives the same schema as a fresh project, with the data intact.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

STATUSES = "('todo', 'in_progress', 'done', 'skipped')"
ORIGINS = "('manual', 'model', 'model-edited', 'pattern', 'imported')"
STATES = "('accepted', 'pending', 'rejected')"


# Documents, spans, relations and project metadata.
_V1_CORE = f"""
        CREATE TABLE meta (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        -- `text` is the last column so that listing titles never reads the article's overflow pages.
        CREATE TABLE documents (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL DEFAULT '',
            source TEXT NOT NULL DEFAULT '',
            url TEXT NOT NULL DEFAULT '',
            published TEXT NOT NULL DEFAULT '',
            meta TEXT NOT NULL DEFAULT '{{}}' CHECK (json_valid(meta)),
            content_hash TEXT NOT NULL UNIQUE,
            status TEXT NOT NULL DEFAULT 'todo' CHECK (status IN {STATUSES}),
            length INTEGER NOT NULL CHECK (length >= 0),
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            text TEXT NOT NULL CHECK (length(text) = length)
        );
        CREATE INDEX documents_status ON documents(status, id);
        CREATE TABLE spans (
            id INTEGER PRIMARY KEY,
            doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            start INTEGER NOT NULL CHECK (start >= 0),
            "end" INTEGER NOT NULL,
            label TEXT NOT NULL CHECK (label <> ''),
            origin TEXT NOT NULL CHECK (origin IN {ORIGINS}),
            state TEXT NOT NULL DEFAULT 'accepted' CHECK (state IN {STATES}),
            model TEXT,
            model_version TEXT,
            score REAL,
            annotator TEXT,
            attributes TEXT NOT NULL DEFAULT '{{}}' CHECK (json_valid(attributes)),
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            CHECK (start < "end"),
            UNIQUE (doc_id, start, "end", label)
        );
        CREATE INDEX spans_label ON spans(label, state, doc_id);
        CREATE INDEX spans_doc_state ON spans(doc_id, state, label);
        -- A CHECK cannot see another table, so the end-within-text rule is a trigger.
        CREATE TRIGGER spans_end_in_text_insert BEFORE INSERT ON spans
        WHEN NEW."end" > (SELECT length FROM documents WHERE id = NEW.doc_id)
        BEGIN SELECT RAISE(ABORT, 'span end is beyond the end of the document text'); END;
        CREATE TRIGGER spans_end_in_text_update BEFORE UPDATE OF "end", doc_id ON spans
        WHEN NEW."end" > (SELECT length FROM documents WHERE id = NEW.doc_id)
        BEGIN SELECT RAISE(ABORT, 'span end is beyond the end of the document text'); END;
        CREATE TABLE relations (
            id INTEGER PRIMARY KEY,
            head_id INTEGER NOT NULL REFERENCES spans(id) ON DELETE CASCADE,
            child_id INTEGER NOT NULL REFERENCES spans(id) ON DELETE CASCADE,
            label TEXT NOT NULL CHECK (label <> ''),
            created_at TEXT NOT NULL,
            CHECK (head_id <> child_id),
            UNIQUE (head_id, child_id, label)
        );
        CREATE INDEX relations_child ON relations(child_id);
        CREATE TRIGGER relations_same_document BEFORE INSERT ON relations
        WHEN (SELECT doc_id FROM spans WHERE id = NEW.head_id)
             IS NOT (SELECT doc_id FROM spans WHERE id = NEW.child_id)
        BEGIN SELECT RAISE(ABORT, 'a relation must join two spans of the same document'); END;
"""

# Full-text search over titles and texts, kept in step by triggers.
_V2_FULLTEXT = """
        CREATE VIRTUAL TABLE documents_fts USING fts5(
            title, text, content='documents', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
        );
        INSERT INTO documents_fts(documents_fts) VALUES ('rebuild');
        CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
            INSERT INTO documents_fts(rowid, title, text) VALUES (NEW.id, NEW.title, NEW.text);
        END;
        CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
            INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', OLD.id, OLD.title, OLD.text);
        END;
        CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, text ON documents BEGIN
            INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', OLD.id, OLD.title, OLD.text);
            INSERT INTO documents_fts(rowid, title, text) VALUES (NEW.id, NEW.title, NEW.text);
        END;
"""

# Actors (canonical names with aliases and alias proposals) and a log of document status changes, written by
# triggers so that every writer (store, importers, other processes) records it.
_V3_ACTORS_AND_STATUS_HISTORY = f"""
        CREATE TABLE actors (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE CHECK (name <> ''),
            note TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        -- `alias` is the normalised key (app.core.actors.alias_key); `text` is how it was first written.
        CREATE TABLE actor_aliases (
            alias TEXT PRIMARY KEY CHECK (alias <> ''),
            actor_id INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
            text TEXT NOT NULL
        );
        CREATE INDEX actor_aliases_actor ON actor_aliases(actor_id);
        CREATE TABLE actor_proposals (
            id INTEGER PRIMARY KEY,
            alias TEXT NOT NULL,
            alias_text TEXT NOT NULL,
            target TEXT NOT NULL,
            target_text TEXT NOT NULL,
            reason TEXT NOT NULL,
            score REAL NOT NULL,
            status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'rejected')),
            created_at TEXT NOT NULL,
            CHECK (alias <> target),
            UNIQUE (alias, target)
        );
        CREATE INDEX actor_proposals_status ON actor_proposals(status, id);
        CREATE TABLE status_history (
            id INTEGER PRIMARY KEY,
            doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            old_status TEXT CHECK (old_status IS NULL OR old_status IN {STATUSES}),
            new_status TEXT NOT NULL CHECK (new_status IN {STATUSES}),
            changed_at TEXT NOT NULL
        );
        CREATE INDEX status_history_doc ON status_history(doc_id, id);
        INSERT INTO status_history(doc_id, old_status, new_status, changed_at)
            SELECT id, NULL, status, updated_at FROM documents WHERE status <> 'todo' ORDER BY id;
        CREATE TRIGGER status_history_insert AFTER INSERT ON documents WHEN NEW.status <> 'todo' BEGIN
            INSERT INTO status_history(doc_id, old_status, new_status, changed_at)
            VALUES (NEW.id, NULL, NEW.status, NEW.created_at);
        END;
        CREATE TRIGGER status_history_update AFTER UPDATE OF status ON documents
        WHEN OLD.status IS NOT NEW.status BEGIN
            INSERT INTO status_history(doc_id, old_status, new_status, changed_at)
            VALUES (NEW.id, OLD.status, NEW.status, NEW.updated_at);
        END;
"""

_SCHEMA_VERSION_TABLE = (
    "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL);"
)

MIGRATIONS: tuple[str, ...] = (_V1_CORE, _V2_FULLTEXT, _V3_ACTORS_AND_STATUS_HISTORY)
LATEST_VERSION = len(MIGRATIONS)


class SchemaError(RuntimeError):
    """The file is not a Marginalia project this version can open."""


def current_version(conn: sqlite3.Connection) -> int:
    # One query, so that a project being created by another connection is never seen half made.
    exists, tables = conn.execute(
        "SELECT sum(name = 'schema_version'), count(*) FROM sqlite_master WHERE type = 'table'"
    ).fetchone()
    if not exists:
        if tables:
            raise SchemaError("this SQLite file is not a Marginalia project (it has other tables)")
        return 0
    return conn.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchone()[0]


def backup(path: Path, version: int) -> Path:
    """Copy the project aside before migrating it; the copy's name says which version it was."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    target = path.with_name(f"{path.name}.v{version}-{stamp}.bak")
    src = sqlite3.connect(path)
    try:
        dst = sqlite3.connect(target)
        with dst:
            src.backup(dst)
        dst.close()
    finally:
        src.close()
    return target


def migrate(conn: sqlite3.Connection, path: Path | None, target: int = LATEST_VERSION) -> int:
    """Bring the schema to `target`, one transaction per step. Returns the version found before migrating."""
    found = current_version(conn)
    if found > LATEST_VERSION:
        raise SchemaError(
            f"this project was made by a newer Marginalia (schema version {found}; "
            f"this version knows up to {LATEST_VERSION})"
        )
    if found >= target:
        return found
    if found > 0 and path is not None:
        backup(path, found)
    for version in range(found + 1, target + 1):
        stamp = datetime.now(UTC).isoformat(timespec="seconds")
        first = _SCHEMA_VERSION_TABLE if version == 1 else ""
        # executescript() would commit an open transaction first, so each step carries its own BEGIN/COMMIT.
        script = (
            f"BEGIN IMMEDIATE;\n{first}\n{MIGRATIONS[version - 1]}\n"
            f"INSERT INTO schema_version(version, applied_at) VALUES ({version}, '{stamp}');\nCOMMIT;"
        )
        try:
            conn.executescript(script)
        except BaseException as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error) and current_version(conn) >= version:
                continue  # another process opening the same file applied this step while we waited
            raise
    return found
