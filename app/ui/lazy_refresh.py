"""Panels that rebuild themselves from the store: cheap while hidden, debounced while shown."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QShowEvent


class RefreshWhenShown:
    """Mixin for a QWidget with a `refresh()` that rebuilds it from the store.

    A store change of one of `refresh_kinds` marks it dirty; it rebuilds after `delay_ms` if shown, otherwise the
    next time it is shown. Call `init_refresh` in `__init__`; `refresh()` should set `self._dirty = False`."""

    refresh_kinds: frozenset[str] = frozenset()
    _dirty: bool
    _timer: QTimer

    def init_refresh(self, kinds: frozenset[str], delay_ms: int) -> None:
        self.refresh_kinds = kinds
        self._dirty = True
        self._timer = QTimer(self, singleShot=True, interval=delay_ms)  # type: ignore[call-overload]
        self._timer.timeout.connect(self.refresh)  # type: ignore[attr-defined]

    def on_store_changed(self, kind: str, _doc_ids: frozenset[int]) -> None:
        if kind in self.refresh_kinds:
            self._dirty = True
            if self.isVisible():  # type: ignore[attr-defined]
                self._timer.start()

    def showEvent(self, e: QShowEvent) -> None:
        super().showEvent(e)  # type: ignore[misc]  # the Qt base class after this mixin
        if self._dirty:
            self.refresh()  # type: ignore[attr-defined]
