"""The project database: every read and write of documents, spans and relations goes through `Store`.

Each public write method is one SQLite transaction (committed before it returns) and then tells its
subscribers what changed. The UI wraps those notifications in a Qt signal; the core never imports Qt.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

from app.core import schema
from app.core.scheme import Scheme, default_scheme
from app.core.store_base import (  # re-exported: callers import these from app.core.store
    DOC_COLUMNS,
    SPAN_COLUMNS,
    VISIBLE_STATES,
    DuplicateSpan,
    InvalidSpan,
    StoreError,
    chunks,
    content_hash,
    document_from_row,
    dumps,
    fts_query,
    marks,
    now,
    span_from_row,
)
from app.core.store_spans import SpanOperations
from app.core.types import Change, Document, DocumentSummary, NewDocument, SpanState, Status

if TYPE_CHECKING:
    import sqlite_utils

BUSY_TIMEOUT_MS = 10_000
__all__ = [
    "SPAN_COLUMNS", "VISIBLE_STATES", "DuplicateSpan", "InvalidSpan", "Store", "StoreError", "content_hash",
    "dumps", "fts_query", "now", "span_from_row",
]


class Store(SpanOperations):
    """One open project file. Not thread-safe: each thread opens its own `Store` on the same path."""

    def __init__(self, path: str | Path, scheme: Scheme | None = None) -> None:
        self.path = Path(path)
        if str(path) != ":memory:":
            self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(str(path), isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
        self.conn = conn
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        # WAL + NORMAL: a commit survives the app crashing or being killed (tested with SIGKILL); only a power
        # cut can lose the last commits, never corrupt the file. FULL would fsync on every keystroke-sized edit.
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        try:
            schema.migrate(conn, None if str(path) == ":memory:" else self.path)
        except BaseException:
            conn.close()  # a file we refuse (newer or not ours) is left exactly as it was
            raise
        # Only after the schema check: switching to WAL rewrites the file header. The switch needs the file to
        # itself for a moment and SQLite does not wait for that, so retry while another connection creates it.
        deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
        while True:
            try:
                conn.execute("PRAGMA journal_mode = WAL")
                break
            except sqlite3.OperationalError:
                if time.monotonic() > deadline:
                    conn.close()
                    raise
                time.sleep(0.01)
        self._depth = 0
        self._pending: list[Change] = []
        self._listeners: list[Callable[[Change], None]] = []
        if self.get_meta("scheme") is None:
            self.set_scheme(scheme or default_scheme())
        self._scheme = Scheme.from_dict(orjson.loads(self.get_meta("scheme") or "{}"), where=str(path))

    @cached_property
    def db(self) -> sqlite_utils.Database:
        """A sqlite-utils view of the same connection, for scripts and introspection (imported on first use:
        it costs ~0.2 s, which the window's start-up does not pay)."""
        import sqlite_utils

        return sqlite_utils.Database(self.conn)

    # -- lifecycle -------------------------------------------------------------------------------------

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def subscribe(self, listener: Callable[[Change], None]) -> Callable[[], None]:
        """Call `listener` after each committed change; returns a function that unsubscribes."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction; nested uses join the outer one. Listeners hear of changes after COMMIT."""
        if self._depth == 0:
            self.conn.execute("BEGIN IMMEDIATE")
        self._depth += 1
        try:
            yield self.conn
        except BaseException:
            self._depth -= 1
            if self._depth == 0:
                self.conn.execute("ROLLBACK")
                self._pending.clear()
            raise
        self._depth -= 1
        if self._depth == 0:
            self.conn.execute("COMMIT")
            changes, self._pending = self._pending, []
            for change in changes:
                for listener in list(self._listeners):
                    listener(change)

    def _changed(self, kind: str, *doc_ids: int) -> None:
        self._pending.append(Change(kind, frozenset(doc_ids)))

    # -- project metadata and scheme -----------------------------------------------------------------

    def get_meta(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    @property
    def scheme(self) -> Scheme:
        return self._scheme

    def set_scheme(self, scheme: Scheme) -> None:
        """Replace the project's scheme. Spans whose label left the scheme are kept and shown in grey."""
        with self.transaction():
            self.set_meta("scheme", dumps(scheme.to_dict()))
            self._changed("scheme")
        self._scheme = scheme

    def schema_version(self) -> int:
        return schema.current_version(self.conn)

    # -- documents -------------------------------------------------------------------------------------

    def add_document(self, doc: NewDocument) -> int | None:
        """Store one document; returns its id, or None if the same text is already in the project."""
        ids = self.add_documents([doc])
        return ids[0]

    def add_documents(self, docs: Sequence[NewDocument]) -> list[int | None]:
        """Store a batch in one transaction. Texts already present (or repeated in the batch) give None."""
        hashes = [content_hash(d.text) for d in docs]
        stamp = now()
        with self.transaction() as conn:
            known = self._known_hashes(hashes)
            next_id = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM documents").fetchone()[0]
            rows, ids = [], []
            for doc, digest in zip(docs, hashes, strict=True):
                if digest in known:
                    ids.append(None)
                    continue
                known.add(digest)
                ids.append(next_id)
                rows.append((
                    next_id, doc.title, doc.source, doc.url, doc.published, dumps(doc.meta), digest,
                    str(doc.status), len(doc.text), stamp, stamp, doc.text,
                ))
                next_id += 1
            conn.executemany(
                "INSERT INTO documents(id, title, source, url, published, meta, content_hash, status, length, "
                "created_at, updated_at, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows,
            )
            if rows:
                self._changed("documents", *(row[0] for row in rows))
        return ids

    def _known_hashes(self, hashes: Sequence[str]) -> set[str]:
        known: set[str] = set()
        for chunk in chunks(hashes):
            known.update(
                row[0]
                for row in self.conn.execute(
                    f"SELECT content_hash FROM documents WHERE content_hash IN ({marks(len(chunk))})", chunk
                )
            )
        return known

    def document_id_for_text(self, text: str) -> int | None:
        """The id of the document whose text is exactly `text` (matched by content hash), if any."""
        row = self.conn.execute("SELECT id FROM documents WHERE content_hash = ?", (content_hash(text),)).fetchone()
        return row[0] if row else None

    def get_document(self, doc_id: int) -> Document:
        row = self.conn.execute(f"SELECT {DOC_COLUMNS} FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if row is None:
            raise StoreError(f"no document with id {doc_id}")
        return document_from_row(row)

    def iter_documents(
        self, statuses: Iterable[Status] | None = None, batch: int = 500
    ) -> Iterator[Document]:
        """All documents in id order, read in batches so memory stays flat on any project size."""
        where, params = self._status_filter(statuses)
        last = 0
        while True:
            rows = self.conn.execute(
                f"SELECT {DOC_COLUMNS} FROM documents WHERE id > ? {where} ORDER BY id LIMIT ?",
                (last, *params, batch),
            ).fetchall()
            if not rows:
                return
            for row in rows:
                yield document_from_row(row)
            last = rows[-1][0]

    @staticmethod
    def _status_filter(statuses: Iterable[Status] | None) -> tuple[str, list[str]]:
        if statuses is None:
            return "", []
        values = [str(Status(s)) for s in statuses]
        return f"AND status IN ({marks(len(values))})", values

    def _list_filter(
        self, status: Status | None, label: str | None, search: str | None
    ) -> tuple[str, list[Any]]:
        clauses, params = [], []
        if status is not None:
            clauses.append("d.status = ?")
            params.append(str(Status(status)))
        if label:
            clauses.append(
                "EXISTS (SELECT 1 FROM spans s WHERE s.doc_id = d.id AND s.label = ? AND s.state <> 'rejected')"
            )
            params.append(label)
        query = fts_query(search or "")
        if query:  # a search of only blanks (or NULs) filters nothing
            clauses.append("d.id IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)")
            params.append(query)
        return ("WHERE " + " AND ".join(clauses)) if clauses else "", params

    def count_documents(
        self, status: Status | None = None, label: str | None = None, search: str | None = None
    ) -> int:
        where, params = self._list_filter(status, label, search)
        return self.conn.execute(f"SELECT count(*) FROM documents d {where}", params).fetchone()[0]

    def list_documents(
        self,
        offset: int = 0,
        limit: int = 100,
        status: Status | None = None,
        label: str | None = None,
        search: str | None = None,
    ) -> list[DocumentSummary]:
        """One page of the document list, in id order, with span counts; never reads article texts."""
        where, params = self._list_filter(status, label, search)
        rows = self.conn.execute(
            f"SELECT d.id, d.title, d.source, d.status FROM documents d {where} ORDER BY d.id LIMIT ? OFFSET ?",
            (*params, limit, offset),
        ).fetchall()
        return self._summaries(rows)

    def document_summaries(self, doc_ids: Sequence[int]) -> list[DocumentSummary]:
        """List rows for the given ids (in id order; unknown ids are left out), e.g. to refresh changed rows."""
        out: list[DocumentSummary] = []
        for chunk in chunks(sorted(set(doc_ids))):
            rows = self.conn.execute(
                f"SELECT d.id, d.title, d.source, d.status FROM documents d "
                f"WHERE d.id IN ({marks(len(chunk))}) ORDER BY d.id",
                chunk,
            ).fetchall()
            out.extend(self._summaries(rows))
        return out

    def _summaries(self, rows: Sequence[Sequence[Any]]) -> list[DocumentSummary]:
        """(id, title, source, status) rows -> summaries with accepted-span counts by label and pending count."""
        if not rows:
            return []
        counts: dict[int, dict[str, int]] = {row[0]: {} for row in rows}
        pending: dict[int, int] = dict.fromkeys(counts, 0)
        for doc_id, lab, state, n in self.conn.execute(
            f"SELECT doc_id, label, state, count(*) FROM spans WHERE doc_id IN ({marks(len(rows))}) "
            "AND state <> 'rejected' GROUP BY doc_id, label, state",
            list(counts),
        ):
            if state == SpanState.PENDING:
                pending[doc_id] += n
            else:
                counts[doc_id][lab] = n
        return [
            DocumentSummary(row[0], row[1], row[2], Status(row[3]), counts[row[0]], pending[row[0]])
            for row in rows
        ]

    def set_status(self, doc_id: int, status: Status) -> Status:
        """Set a document's status; returns the previous one (for undo)."""
        with self.transaction() as conn:
            old = self.get_document_status(doc_id)
            conn.execute(
                "UPDATE documents SET status = ?, updated_at = ? WHERE id = ?", (str(Status(status)), now(), doc_id)
            )
            self._changed("status", doc_id)
        return old

    def get_document_status(self, doc_id: int) -> Status:
        row = self.conn.execute("SELECT status FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if row is None:
            raise StoreError(f"no document with id {doc_id}")
        return Status(row[0])

    def next_document(self, after_id: int | None, status: Status = Status.TODO) -> int | None:
        """The next document with `status` after `after_id`, wrapping round to the first one."""
        after = after_id or 0
        row = self.conn.execute(
            "SELECT id FROM documents WHERE status = ? AND id > ? ORDER BY id LIMIT 1", (str(status), after)
        ).fetchone() or self.conn.execute(
            "SELECT id FROM documents WHERE status = ? AND id <> ? ORDER BY id LIMIT 1", (str(status), after)
        ).fetchone()
        return row[0] if row else None

    def document_row(self, doc_id: int) -> int:
        """The position of a document in the unfiltered, id-ordered list."""
        return self.conn.execute("SELECT count(*) FROM documents WHERE id < ?", (doc_id,)).fetchone()[0]

    # -- statistics ------------------------------------------------------------------------------------

    def stats(self) -> dict[str, Any]:
        """Documents by status and spans by label, origin and state, for `stats` and the status bar."""
        by_status = {str(s): 0 for s in Status}
        by_status.update(dict(self.conn.execute("SELECT status, count(*) FROM documents GROUP BY status")))
        spans: dict[str, dict[str, int]] = {}
        pending: dict[str, int] = {}
        for label, origin, state, n in self.conn.execute(
            "SELECT label, origin, state, count(*) FROM spans GROUP BY label, origin, state"
        ):
            if state == SpanState.ACCEPTED:
                spans.setdefault(label, {})[origin] = n
            elif state == SpanState.PENDING:
                pending[label] = pending.get(label, 0) + n
        relations = dict(self.conn.execute("SELECT label, count(*) FROM relations GROUP BY label"))
        return {
            "documents": {"total": sum(by_status.values()), "by_status": by_status},
            "spans": {
                "accepted": {label: {"total": sum(o.values()), "by_origin": o} for label, o in sorted(spans.items())},
                "pending": dict(sorted(pending.items())),
            },
            "relations": relations,
        }
