"""Span and relation operations of `Store` (a mixin, so that `store.add_span(...)` reads naturally).

Every public write method is one transaction: it joins the caller's transaction if there is one.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from app.core.store_base import (
    SPAN_COLUMNS,
    VISIBLE_STATES,
    DuplicateSpan,
    InvalidSpan,
    StoreError,
    chunks,
    dumps,
    marks,
    now,
    span_from_row,
)
from app.core.types import DeletedSpan, NewSpan, Origin, Relation, Span, SpanState

if TYPE_CHECKING:
    from contextlib import AbstractContextManager

_INSERT_NEW_SPAN = f"INSERT INTO spans({SPAN_COLUMNS}) VALUES (NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"


def _new_span_row(doc_id: int, new: NewSpan, stamp: str) -> tuple[Any, ...]:
    """The values of `_INSERT_NEW_SPAN` for `new` (the id is left to SQLite; both time stamps are `stamp`)."""
    return (
        doc_id, new.start, new.end, new.label, str(Origin(new.origin)), str(SpanState(new.state)), new.model,
        new.model_version, new.score, new.annotator, dumps(new.attributes), stamp, stamp,
    )


class SpanOperations:
    """Needs `conn`, `transaction()` and `_changed()` from `Store`."""

    conn: sqlite3.Connection

    if TYPE_CHECKING:
        def transaction(self) -> AbstractContextManager[sqlite3.Connection]: ...
        def _changed(self, kind: str, *doc_ids: int) -> None: ...

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
            f'SELECT {SPAN_COLUMNS} FROM spans WHERE doc_id = ? AND start = ? AND "end" = ? AND label = ?',
            (doc_id, start, end, label),
        ).fetchone()
        return span_from_row(row) if row else None

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
                cur = conn.execute(f"{_INSERT_NEW_SPAN} RETURNING {SPAN_COLUMNS}", _new_span_row(doc_id, new, stamp))
                out.append(span_from_row(cur.fetchone()))
            if out:
                self._changed("spans", doc_id)
        return out

    def add_suggestions(
        self, doc_id: int, spans: Sequence[NewSpan], relations: Sequence[tuple[int, int, str]] = (),
        replace_model: str | None = None,
    ) -> tuple[int, int]:
        """Store model suggestions of one document: spans not already there (in any state: a rejected span is
        never suggested again) and `relations` between them, given as (head index, child index, label) into
        `spans`. A relation is stored only when both of its spans are pending. Returns (spans, relations) added.
        With `replace_model`, that model's pending suggestions that this run no longer makes are deleted first
        (suggestions an older version made with other edges; nobody has reviewed a pending span, and accepted,
        edited and rejected ones are kept). Joins the caller's transaction if there is one (batch suggestion
        commits a batch of documents at once)."""
        row = self.conn.execute("SELECT length FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if row is None:
            raise InvalidSpan(f"no document with id {doc_id}")
        length, stamp = row[0], now()
        added_spans = added_relations = 0
        with self.transaction() as conn:
            rows = conn.execute(
                'SELECT id, start, "end", label, state, model, origin FROM spans WHERE doc_id = ?', (doc_id,)
            ).fetchall()
            existing = {(s, e, lab): (sid, state) for sid, s, e, lab, state, _, _ in rows}
            if replace_model is not None:
                keep = {(new.start, new.end, new.label) for new in spans}
                stale = [
                    (sid,) for sid, s, e, lab, state, model, origin in rows
                    if state == SpanState.PENDING and model == replace_model
                    and origin in (Origin.MODEL, Origin.PATTERN) and (s, e, lab) not in keep
                ]  # a stale key is never looked up in `existing`: only the keys in `keep` are
                conn.executemany("DELETE FROM spans WHERE id = ?", stale)  # their relations go with them
                if stale:
                    self._changed("spans", doc_id)
            ids: list[int | None] = []
            for new in spans:
                if not (0 <= new.start < new.end <= length) or not new.label:
                    raise InvalidSpan(f"span {new.start}-{new.end} is outside the text (0-{length}) or empty")
                found = existing.get((new.start, new.end, new.label))
                if found is not None:
                    ids.append(found[0] if found[1] == SpanState.PENDING else None)
                    continue
                cur = conn.execute(f"{_INSERT_NEW_SPAN} RETURNING id", _new_span_row(doc_id, new, stamp))
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
        row = self.conn.execute(f"SELECT {SPAN_COLUMNS} FROM spans WHERE id = ?", (span_id,)).fetchone()
        if row is None:
            raise StoreError(f"no span with id {span_id}")
        return span_from_row(row)

    def spans_for(self, doc_id: int, states: Iterable[SpanState] = VISIBLE_STATES) -> list[Span]:
        """A document's spans ordered by start, longest first (so enclosing spans come before nested ones)."""
        values = [str(SpanState(s)) for s in states]
        rows = self.conn.execute(
            f"SELECT {SPAN_COLUMNS} FROM spans WHERE doc_id = ? AND state IN ({marks(len(values))}) "
            'ORDER BY start, "end" DESC, id',
            (doc_id, *values),
        ).fetchall()
        return [span_from_row(row) for row in rows]

    def spans_for_documents(
        self, doc_ids: Sequence[int], states: Iterable[SpanState] = VISIBLE_STATES
    ) -> dict[int, list[Span]]:
        """`spans_for` of many documents in one query per 500 ids (for exports and batch work)."""
        values = [str(SpanState(s)) for s in states]
        out: dict[int, list[Span]] = {}
        for chunk in chunks(doc_ids):
            rows = self.conn.execute(
                f"SELECT {SPAN_COLUMNS} FROM spans WHERE doc_id IN ({marks(len(chunk))}) "
                f"AND state IN ({marks(len(values))})",
                (*chunk, *values),
            )
            for row in rows:
                out.setdefault(row[1], []).append(span_from_row(row))
        for spans in out.values():  # sorting here is cheaper than ORDER BY against the (doc, state) index
            spans.sort(key=lambda s: (s.start, -s.end, s.id))
        return out

    def relations_for_documents(
        self, doc_ids: Sequence[int], states: Iterable[SpanState] = VISIBLE_STATES
    ) -> dict[int, list[Relation]]:
        """`relations_for` of many documents in one query per 500 ids."""
        values = [str(SpanState(s)) for s in states]
        state_marks = marks(len(values))
        out: dict[int, list[Relation]] = {}
        for chunk in chunks(doc_ids):
            rows = self.conn.execute(
                "SELECT h.doc_id, r.id, r.head_id, r.child_id, r.label FROM relations r "
                "JOIN spans h ON h.id = r.head_id JOIN spans c ON c.id = r.child_id "
                f"WHERE h.doc_id IN ({marks(len(chunk))}) AND h.state IN ({state_marks}) "
                f"AND c.state IN ({state_marks}) ORDER BY r.id",
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

    def set_states(self, states: Mapping[int, SpanState]) -> dict[int, SpanState]:
        """Set the state of many spans (e.g. accept every suggestion of a document) in one transaction.
        Returns their previous states, which passed back in undo the change."""
        previous: dict[int, SpanState] = {}
        if not states:
            return previous
        stamp = now()
        with self.transaction() as conn:
            doc_ids: set[int] = set()
            for span_id, state in states.items():
                row = conn.execute("SELECT doc_id, state FROM spans WHERE id = ?", (span_id,)).fetchone()
                if row is None:
                    raise StoreError(f"no span with id {span_id}")
                previous[span_id] = SpanState(row[1])
                doc_ids.add(row[0])
                conn.execute("UPDATE spans SET state = ?, updated_at = ? WHERE id = ?",
                             (str(SpanState(state)), stamp, span_id))
            self._changed("spans", *doc_ids)
        return previous

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
                f"INSERT INTO spans({SPAN_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
        state_marks = marks(len(values))
        rows = self.conn.execute(
            "SELECT r.id, r.head_id, r.child_id, r.label FROM relations r "
            "JOIN spans h ON h.id = r.head_id JOIN spans c ON c.id = r.child_id "
            f"WHERE h.doc_id = ? AND h.state IN ({state_marks}) AND c.state IN ({state_marks}) ORDER BY r.id",
            (doc_id, *values, *values),
        ).fetchall()
        return [Relation(*row) for row in rows]
