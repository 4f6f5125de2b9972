"""Tagging after emoji, ZWJ sequences, flags and CRLF: the stored offsets are code points into the raw text."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

HOSTILE = (
    "Family 👩\u200d👩\u200d👧\u200d👦 news 🇺🇦 from Kyiv\r\n"
    "\r\n"
    "President Zelensky 😀 said Russia lost almost 60,000 troops.\r\n"
    "Café owners in Kursk (𝔘𝔫𝔦𝔠𝔬𝔡𝔢) counted some 12,000 soldiers 🧑🏽\u200d🚀 at dawn."
)
TARGETS = [("Kyiv", "1"), ("Zelensky", "1"), ("almost 60,000 troops", "3"), ("Kursk", "1"),
           ("some 12,000 soldiers", "3"), ("dawn", "1")]


@pytest.fixture
def hostile_window(tmp_path, make_project, open_window):  # type: ignore[no-untyped-def]
    path = make_project(tmp_path / "h.marginalia", [HOSTILE])
    return path, open_window(path)


def test_display_text_has_no_cr(hostile_window) -> None:  # type: ignore[no-untyped-def]
    _path, w = hostile_window
    shown = w.workbench.view.toPlainText()
    assert "\r" not in shown and shown.count("\n") == HOSTILE.count("\r\n")


@pytest.mark.parametrize("needle,key", TARGETS)
def test_tag_after_astral_and_crlf(qtbot, hostile_window, db_spans, needle: str, key: str) -> None:  # type: ignore[no-untyped-def]
    path, w = hostile_window
    view = w.workbench.view
    start = HOSTILE.index(needle)
    # select through a real QTextCursor in widget units, as the mouse would
    cursor = view.textCursor()
    cursor.setPosition(view.omap.to_widget(start))
    cursor.setPosition(view.omap.to_widget(start + len(needle)), QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    assert cursor.selectedText() == needle
    qtbot.keyClick(view, key)
    (span,) = db_spans(path, 1)
    assert HOSTILE[span.start : span.end] == needle
    assert (span.start, span.end) == (start, start + len(needle))


def test_click_on_span_after_emoji_selects_it(qtbot, hostile_window, db_spans) -> None:  # type: ignore[no-untyped-def]
    path, w = hostile_window
    view = w.workbench.view
    start = HOSTILE.index("soldiers")
    view.select_cp(start, start + 8)
    qtbot.keyClick(view, "1")
    w.workbench.controller.select_span(None)
    c = QTextCursor(view.document())
    c.setPosition(view.omap.to_widget(start + 3))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.cursorRect(c).center())
    (span,) = db_spans(path, 1)
    assert w.workbench.controller.selected_span == span.id
    qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)  # widen end over the emoji
    (span,) = db_spans(path, 1)
    assert HOSTILE[span.start : span.end] == "soldiers 🧑🏽\u200d🚀 at"
