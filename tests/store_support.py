"""Fixtures and helpers shared by the Store unit tests."""

from __future__ import annotations

from app.core.store import Store
from app.core.types import Change

TEXT = "Zelensky said almost 60,000 troops were ready, the Kremlin denied it."


def changes_of(store: Store) -> list[Change]:
    seen: list[Change] = []
    store.subscribe(seen.append)
    return seen


def span_rows(store: Store) -> list[tuple]:
    return store.conn.execute('SELECT id, doc_id, start, "end", label, state FROM spans ORDER BY id').fetchall()
