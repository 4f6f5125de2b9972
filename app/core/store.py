"""The project database: every read and write of documents, spans and relations goes through `Store`.

Each public write method is one SQLite transaction (committed before it returns) and then tells its
subscribers what changed. The UI wraps those notifications in a Qt signal; the core never imports Qt.
"""

from __future__ import annotations

import hashlib
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson
import sqlite_utils

from app.core import schema
from app.core.scheme import Scheme, default_scheme
from app.core.types import (
    Change,
    DeletedSpan,
    Document,
    DocumentSummary,
    NewDocument,
    NewSpan,
    Origin,
    Relation,
    Span,
    SpanState,
    Status,
)

BUSY_TIMEOUT_MS = 10_000
_SPAN_COLUMNS = (
    'id, doc_id, start, "end", label, origin, state, model, model_version, score, annotator, attributes, '
    "created_at, updated_at"
)
_DOC_COLUMNS = "id, text, title, source, url, published, meta, content_hash, status, created_at, updated_at"
VISIBLE_STATES = (SpanState.ACCEPTED, SpanState.PENDING)


class StoreError(ValueError):
    """A request the store refuses; the message is fit to show a user."""


class InvalidSpan(StoreError):
    pass


class DuplicateSpan(StoreError):
    def __init__(self, message: str, existing: Span) -> None:
        super().__init__(message)
        self.existing = existing


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def content_hash(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def dumps(value: Any) -> str:
    return orjson.dumps(value).decode()


_ORIGINS = Origin._value2member_map_  # plain dict look-ups: Enum(value) is slow in bulk reads
_STATES = SpanState._value2member_map_


def _span(row: Sequence[Any]) -> Span:
    return Span(
        row[0], row[1], row[2], row[3], row[4], _ORIGINS[row[5]], _STATES[row[6]], row[7], row[8], row[9],
        row[10], {} if row[11] == "{}" else orjson.loads(row[11]), row[12], row[13],
    )


def _document(row: Sequence[Any]) -> Document:
    return Document(
        row[0], row[1], row[2], row[3], row[4], row[5], orjson.loads(row[6]), row[7], Status(row[8]),
        row[9], row[10],
    )


def fts_query(text: str) -> str:
    """Quote each word so that user input can never be read as FTS5 syntax."""
    words = text.replace("\x00", " ").split()  # FTS5 reads the query as a C string: a NUL would cut it short
    return " ".join('"' + word.replace('"', '""') + '"' for word in words)


class Store:
    """One open project file. Not thread-safe: each thread opens its own `Store` on the same path."""

    def __init__(self, path: str | Path, scheme: Scheme | None = None) -> None:
        self.path = Path(path)
        if str(path) != ":memory:":
            self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(str(path), isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
        self.db = sqlite_utils.Database(conn)
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
        for i in range(0, len(hashes), 500):
            chunk = hashes[i : i + 500]
            marks = ",".join("?" * len(chunk))
            known.update(
                row[0]
                for row in self.conn.execute(
                    f"SELECT content_hash FROM documents WHERE content_hash IN ({marks})", chunk
                )
            )
        return known

    def document_id_for_text(self, text: str) -> int | None:
        """The id of the document whose text is exactly `text` (matched by content hash), if any."""
        row = self.conn.execute("SELECT id FROM documents WHERE content_hash = ?", (content_hash(text),)).fetchone()
        return row[0] if row else None

    def get_document(self, doc_id: int) -> Document:
        row = self.conn.execute(f"SELECT {_DOC_COLUMNS} FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if row is None:
            raise StoreError(f"no document with id {doc_id}")
        return _document(row)

    def iter_documents(
        self, statuses: Iterable[Status] | None = None, batch: int = 500
    ) -> Iterator[Document]:
        """All documents in id order, read in batches so memory stays flat on any project size."""
        where, params = self._status_filter(statuses)
        last = 0
        while True:
            rows = self.conn.execute(
                f"SELECT {_DOC_COLUMNS} FROM documents WHERE id > ? {where} ORDER BY id LIMIT ?",
                (last, *params, batch),
            ).fetchall()
            if not rows:
                return
            for row in rows:
                yield _document(row)
            last = rows[-1][0]

    @staticmethod
    def _status_filter(statuses: Iterable[Status] | None) -> tuple[str, list[str]]:
        if statuses is None:
            return "", []
        values = [str(Status(s)) for s in statuses]
        return f"AND status IN ({','.join('?' * len(values))})", values

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
        if search and search.strip():
            clauses.append("d.id IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)")
            params.append(fts_query(search))
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
        if not rows:
            return []
        counts: dict[int, dict[str, int]] = {row[0]: {} for row in rows}
        pending: dict[int, int] = dict.fromkeys(counts, 0)
        marks = ",".join("?" * len(rows))
        for doc_id, lab, state, n in self.conn.execute(
            f"SELECT doc_id, label, state, count(*) FROM spans WHERE doc_id IN ({marks}) "
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

    def document_summaries(self, doc_ids: Sequence[int]) -> list[DocumentSummary]:
        """List rows for the given ids (in id order; unknown ids are left out), e.g. to refresh changed rows."""
        out: list[DocumentSummary] = []
        ids = sorted(set(doc_ids))
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            marks = ",".join("?" * len(chunk))
            rows = self.conn.execute(
                f"SELECT d.id, d.title, d.source, d.status FROM documents d WHERE d.id IN ({marks}) ORDER BY d.id",
                chunk,
            ).fetchall()
            counts: dict[int, dict[str, int]] = {row[0]: {} for row in rows}
            pending: dict[int, int] = dict.fromkeys(counts, 0)
            for doc_id, lab, state, n in self.conn.execute(
                f"SELECT doc_id, label, state, count(*) FROM spans WHERE doc_id IN ({marks}) "
                "AND state <> 'rejected' GROUP BY doc_id, label, state",
                chunk,
            ):
                if state == SpanState.PENDING:
                    pending[doc_id] += n
                else:
                    counts[doc_id][lab] = n
            out.extend(
                DocumentSummary(row[0], row[1], row[2], Status(row[3]), counts[row[0]], pending[row[0]])
                for row in rows
            )
        return out

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

    # -- spans -----------------------------------------------------------------------------------------

    def _check_span(self, doc_id: int, start: int, end: int, label: str) -> None:
        row = self.conn.execute("SELECT length FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if row is None:
            raise InvalidSpan(f"no document with id {doc_id}")
        if any(not isinstance(x, int) or isinstance(x, bool) for x in (start, end)):
            raise InvalidSpan(f"span offsets must be whole numbers, got {start!r}, {end!r}")
        if not 0 <= start < end <= row[0]:
            raise InvalidSpan(f"span {start}-{end} is outside the text (0-{row[0]}) or empty")
        if not isinstance(label, str) or not label:
            raise InvalidSpan(f"span label must be a non-empty string, got {label!r}")

    def find_span(self, doc_id: int, start: int, end: int, label: str) -> Span | None:
        row = self.conn.execute(
            f'SELECT {_SPAN_COLUMNS} FROM spans WHERE doc_id = ? AND start = ? AND "end" = ? AND label = ?',
            (doc_id, start, end, label),
        ).fetchone()
        return _span(row) if row else None

    def add_span(self, doc_id: int, new: NewSpan) -> Span:
        """Store one span. Raises InvalidSpan for bad offsets, DuplicateSpan if it already exists."""
        return self.add_spans(doc_id, [new])[0]

    def add_spans(self, doc_id: int, spans: Sequence[NewSpan], skip_existing: bool = False) -> list[Span]:
        """Store spans of one document in one transaction. With `skip_existing`, existing spans
        (including rejected ones) are left alone and not returned; otherwise they raise DuplicateSpan."""
        stamp = now()
        out: list[Span] = []
        with self.transaction() as conn:
            for new in spans:
                self._check_span(doc_id, new.start, new.end, new.label)
                existing = self.find_span(doc_id, new.start, new.end, new.label)
                if existing is not None:
                    if skip_existing:
                        continue
                    raise DuplicateSpan(
                        f"a {new.label} span at {new.start}-{new.end} already exists", existing
                    )
                cur = conn.execute(
                    f"INSERT INTO spans({_SPAN_COLUMNS}) VALUES (NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                    f"RETURNING {_SPAN_COLUMNS}",
                    (
                        doc_id, new.start, new.end, new.label, str(Origin(new.origin)),
                        str(SpanState(new.state)), new.model, new.model_version, new.score, new.annotator,
                        dumps(new.attributes), stamp, stamp,
                    ),
                )
                out.append(_span(cur.fetchone()))
            if out:
                self._changed("spans", doc_id)
        return out

    def add_suggestions(
        self, doc_id: int, spans: Sequence[NewSpan], relations: Sequence[tuple[int, int, str]] = ()
    ) -> tuple[int, int]:
        """Store model suggestions of one document: spans not already there (in any state: a rejected span is
        never suggested again) and `relations` between them, given as (head index, child index, label) into
        `spans`. A relation is stored only when both of its spans are pending. Returns (spans, relations) added.
        Joins the caller's transaction if there is one (batch suggestion commits a batch of documents at once)."""
        row = self.conn.execute("SELECT length FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if row is None:
            raise InvalidSpan(f"no document with id {doc_id}")
        length, stamp = row[0], now()
        added_spans = added_relations = 0
        with self.transaction() as conn:
            existing = {
                (s, e, lab): (sid, state)
                for sid, s, e, lab, state in conn.execute(
                    'SELECT id, start, "end", label, state FROM spans WHERE doc_id = ?', (doc_id,)
                )
            }
            ids: list[int | None] = []
            for new in spans:
                if not (0 <= new.start < new.end <= length) or not new.label:
                    raise InvalidSpan(f"span {new.start}-{new.end} is outside the text (0-{length}) or empty")
                found = existing.get((new.start, new.end, new.label))
                if found is not None:
                    ids.append(found[0] if found[1] == SpanState.PENDING else None)
                    continue
                cur = conn.execute(
                    f"INSERT INTO spans({_SPAN_COLUMNS}) VALUES (NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                    "RETURNING id",
                    (
                        doc_id, new.start, new.end, new.label, str(Origin(new.origin)), str(SpanState(new.state)),
                        new.model, new.model_version, new.score, new.annotator, dumps(new.attributes), stamp, stamp,
                    ),
                )
                span_id = cur.fetchone()[0]
                existing[(new.start, new.end, new.label)] = (span_id, SpanState(new.state))
                ids.append(span_id if new.state == SpanState.PENDING else None)
                added_spans += 1
            for head, child, label in relations:
                head_id, child_id = ids[head], ids[child]
                if head_id is None or child_id is None or head_id == child_id:
                    continue
                cur = conn.execute(
                    "INSERT OR IGNORE INTO relations(head_id, child_id, label, created_at) VALUES (?, ?, ?, ?)",
                    (head_id, child_id, label, stamp),
                )
                added_relations += cur.rowcount
            if added_spans:
                self._changed("spans", doc_id)
            if added_relations:
                self._changed("relations", doc_id)
        return added_spans, added_relations

    def get_span(self, span_id: int) -> Span:
        row = self.conn.execute(f"SELECT {_SPAN_COLUMNS} FROM spans WHERE id = ?", (span_id,)).fetchone()
        if row is None:
            raise StoreError(f"no span with id {span_id}")
        return _span(row)

    def spans_for(self, doc_id: int, states: Iterable[SpanState] = VISIBLE_STATES) -> list[Span]:
        """A document's spans ordered by start, longest first (so enclosing spans come before nested ones)."""
        values = [str(SpanState(s)) for s in states]
        rows = self.conn.execute(
            f"SELECT {_SPAN_COLUMNS} FROM spans WHERE doc_id = ? AND state IN ({','.join('?' * len(values))}) "
            'ORDER BY start, "end" DESC, id',
            (doc_id, *values),
        ).fetchall()
        return [_span(row) for row in rows]

    def spans_for_documents(
        self, doc_ids: Sequence[int], states: Iterable[SpanState] = VISIBLE_STATES
    ) -> dict[int, list[Span]]:
        """`spans_for` of many documents in one query per 500 ids (for exports and batch work)."""
        values = [str(SpanState(s)) for s in states]
        out: dict[int, list[Span]] = {}
        for i in range(0, len(doc_ids), 500):
            chunk = list(doc_ids[i : i + 500])
            rows = self.conn.execute(
                f"SELECT {_SPAN_COLUMNS} FROM spans WHERE doc_id IN ({','.join('?' * len(chunk))}) "
                f"AND state IN ({','.join('?' * len(values))})",
                (*chunk, *values),
            )
            for row in rows:
                out.setdefault(row[1], []).append(_span(row))
        for spans in out.values():  # sorting here is cheaper than ORDER BY against the (doc, state) index
            spans.sort(key=lambda s: (s.start, -s.end, s.id))
        return out

    def relations_for_documents(
        self, doc_ids: Sequence[int], states: Iterable[SpanState] = VISIBLE_STATES
    ) -> dict[int, list[Relation]]:
        """`relations_for` of many documents in one query per 500 ids."""
        values = [str(SpanState(s)) for s in states]
        marks = ",".join("?" * len(values))
        out: dict[int, list[Relation]] = {}
        for i in range(0, len(doc_ids), 500):
            chunk = list(doc_ids[i : i + 500])
            rows = self.conn.execute(
                "SELECT h.doc_id, r.id, r.head_id, r.child_id, r.label FROM relations r "
                "JOIN spans h ON h.id = r.head_id JOIN spans c ON c.id = r.child_id "
                f"WHERE h.doc_id IN ({','.join('?' * len(chunk))}) AND h.state IN ({marks}) "
                f"AND c.state IN ({marks}) ORDER BY r.id",
                (*chunk, *values, *values),
            )
            for row in rows:
                out.setdefault(row[0], []).append(Relation(*row[1:]))
        return out

    _UPDATABLE = frozenset(
        {"start", "end", "label", "origin", "state", "attributes", "score", "annotator", "model", "model_version"}
    )

    def update_span(self, span_id: int, **changes: Any) -> tuple[Span, Span]:
        """Change some fields of a span; returns (before, after) so that the change can be undone."""
        unknown = set(changes) - self._UPDATABLE
        if unknown:
            raise StoreError(f"cannot change {sorted(unknown)} of a span")
        with self.transaction() as conn:
            old = self.get_span(span_id)
            start, end = changes.get("start", old.start), changes.get("end", old.end)
            label = changes.get("label", old.label)
            self._check_span(old.doc_id, start, end, label)
            clash = self.find_span(old.doc_id, start, end, label)
            if clash is not None and clash.id != span_id:
                raise DuplicateSpan(f"a {label} span at {start}-{end} already exists", clash)
            values = {
                key: (dumps(value) if key == "attributes" else str(value) if key in ("origin", "state") else value)
                for key, value in changes.items()
            }
            values["updated_at"] = now()
            assignments = ", ".join(f'"{key}" = ?' for key in values)
            conn.execute(f"UPDATE spans SET {assignments} WHERE id = ?", (*values.values(), span_id))
            new = self.get_span(span_id)
            self._changed("spans", old.doc_id)
        return old, new

    def delete_span(self, span_id: int) -> DeletedSpan:
        """Delete a span and its relations; returns what `restore_span` needs to undo it."""
        with self.transaction() as conn:
            span = self.get_span(span_id)
            relations = tuple(
                Relation(*row)
                for row in conn.execute(
                    "SELECT id, head_id, child_id, label FROM relations WHERE head_id = ? OR child_id = ?",
                    (span_id, span_id),
                )
            )
            conn.execute("DELETE FROM spans WHERE id = ?", (span_id,))
            self._changed("spans", span.doc_id)
        return DeletedSpan(span, relations)

    def restore_span(self, deleted: DeletedSpan) -> Span:
        """Put a deleted span back with its old id and relations (the undo of `delete_span`)."""
        s = deleted.span
        with self.transaction() as conn:
            conn.execute(
                f"INSERT INTO spans({_SPAN_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    s.id, s.doc_id, s.start, s.end, s.label, str(s.origin), str(s.state), s.model,
                    s.model_version, s.score, s.annotator, dumps(s.attributes), s.created_at, now(),
                ),
            )
            for rel in deleted.relations:
                self._insert_relation(rel.head_id, rel.child_id, rel.label, rel.id)
            self._changed("spans", s.doc_id)
        return self.get_span(s.id)

    # -- relations -------------------------------------------------------------------------------------

    def _insert_relation(self, head_id: int, child_id: int, label: str, rel_id: int | None = None) -> Relation:
        try:
            row = self.conn.execute(
                "INSERT INTO relations(id, head_id, child_id, label, created_at) VALUES (?, ?, ?, ?, ?) "
                "RETURNING id, head_id, child_id, label",
                (rel_id, head_id, child_id, label, now()),
            ).fetchone()
        except sqlite3.IntegrityError as exc:
            raise StoreError(f"cannot link span {head_id} to span {child_id} with {label}: {exc}") from exc
        return Relation(*row)

    def add_relation(self, head_id: int, child_id: int, label: str) -> Relation:
        with self.transaction():
            head = self.get_span(head_id)
            self.get_span(child_id)
            rel = self._insert_relation(head_id, child_id, label)
            self._changed("relations", head.doc_id)
        return rel

    def delete_relation(self, rel_id: int) -> Relation:
        with self.transaction() as conn:
            row = conn.execute(
                "SELECT r.id, r.head_id, r.child_id, r.label, s.doc_id FROM relations r "
                "JOIN spans s ON s.id = r.head_id WHERE r.id = ?",
                (rel_id,),
            ).fetchone()
            if row is None:
                raise StoreError(f"no relation with id {rel_id}")
            conn.execute("DELETE FROM relations WHERE id = ?", (rel_id,))
            self._changed("relations", row[4])
        return Relation(*row[:4])

    def restore_relation(self, rel: Relation) -> Relation:
        with self.transaction():
            restored = self._insert_relation(rel.head_id, rel.child_id, rel.label, rel.id)
            self._changed("relations", self.get_span(rel.head_id).doc_id)
        return restored

    def relations_for(self, doc_id: int, states: Iterable[SpanState] = VISIBLE_STATES) -> list[Relation]:
        """Relations whose two spans belong to `doc_id` and are in `states`."""
        values = [str(SpanState(s)) for s in states]
        marks = ",".join("?" * len(values))
        rows = self.conn.execute(
            "SELECT r.id, r.head_id, r.child_id, r.label FROM relations r "
            "JOIN spans h ON h.id = r.head_id JOIN spans c ON c.id = r.child_id "
            f"WHERE h.doc_id = ? AND h.state IN ({marks}) AND c.state IN ({marks}) ORDER BY r.id",
            (doc_id, *values, *values),
        ).fetchall()
        return [Relation(*row) for row in rows]

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
