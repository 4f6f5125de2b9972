"""The bridge from the core's listener callbacks to Qt: one `changed(kind, doc_ids)` signal per project."""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QObject, Signal

from app.core.store import Store
from app.core.types import Change


class StoreSignals(QObject):
    """Re-emits every committed store change. `kind` is "documents", "spans", "relations", "status" or
    "scheme"; `doc_ids` a frozenset of the documents concerned (empty: possibly all)."""

    changed = Signal(str, object)

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self._unsubscribe = store.subscribe(self._on_change)

    def _on_change(self, change: Change) -> None:
        self.changed.emit(change.kind, frozenset(change.doc_ids))

    def notify(self, kind: str, doc_ids: frozenset[int] = frozenset()) -> None:
        """Announce a change made through another connection (e.g. an import on the worker thread)."""
        self.changed.emit(kind, frozenset(doc_ids))

    def detach(self) -> None:
        with contextlib.suppress(ValueError):
            self._unsubscribe()
