"""The core tagging flow, driven through real key presses and mouse clicks; asserts read the database."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from app.core.types import Origin, SpanState, Status
from app.ui.commands import UpdateSpanCommand


def _view(window):  # type: ignore[no-untyped-def]
    return window.workbench.view


def _select(window, text: str, needle: str, nth: int = 0, cut: tuple[int, int] = (0, 0)) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    end = start + len(needle)
    _view(window).select_cp(start + cut[0], end - cut[1])
    return start, end


def _click_cp(qtbot, window, cp: int, modifier=Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
    view = _view(window)
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.omap.to_widget(cp))
    rect = view.cursorRect(cursor)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center() + type(rect.center())(3, 0))


def test_select_and_hotkey_tags_actor(qtbot, window, project, db_spans) -> None:
    text = window.workbench.controller.doc.text
    start, end = _select(window, text, "Zelensky", cut=(1, 2))  # "elens": snaps outward to the word
    qtbot.keyClick(_view(window), "1")
    spans = db_spans(project, 1)
    assert [(s.label, s.start, s.end, s.origin, s.annotator) for s in spans] == [
        ("ACTOR", start, end, Origin.MANUAL, "tester")
    ]
    assert text[spans[0].start : spans[0].end] == "Zelensky"
    assert window.workbench.controller.doc.status == Status.IN_PROGRESS
    assert not _view(window).textCursor().hasSelection()
    qtbot.waitUntil(lambda: window.workbench.side.spans.rowCount() == 1)


def test_snap_trims_whitespace_and_widens_figures(qtbot, window, project, db_spans) -> None:
    text = window.workbench.controller.doc.text
    start = text.index("almost 60,000 troops")
    _view(window).select_cp(start - 1, start + len("almost 60,0"))  # leading space, half a number
    qtbot.keyClick(_view(window), "3")
    (span,) = db_spans(project, 1)
    assert (span.label, text[span.start : span.end]) == ("FIGURE", "almost 60,000")


def test_alt_hotkey_keeps_exact_characters(qtbot, window, project, db_spans) -> None:
    text = window.workbench.controller.doc.text
    _select(window, text, "Zelensky", cut=(0, 3))
    qtbot.keyClick(_view(window), "1", Qt.KeyboardModifier.AltModifier)
    (span,) = db_spans(project, 1)
    assert text[span.start : span.end] == "Zelen"


def test_keyboard_selection_then_hotkey(qtbot, window, project, db_spans) -> None:
    text = window.workbench.controller.doc.text
    view = _view(window)
    start = text.index("NATO")
    cursor = view.textCursor()
    cursor.setPosition(view.omap.to_widget(start))
    view.setTextCursor(cursor)
    for _ in range(4):
        qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(view, "1")
    (span,) = db_spans(project, 1)
    assert text[span.start : span.end] == "NATO"


def test_double_click_word_and_hotkey(qtbot, window, project, db_spans) -> None:
    text = window.workbench.controller.doc.text
    view = _view(window)
    cp = text.index("Kursk") + 2
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.omap.to_widget(cp))
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.cursorRect(cursor).center())
    assert view.textCursor().hasSelection()
    qtbot.keyClick(view, "1")
    (span,) = db_spans(project, 1)
    assert text[span.start : span.end] == "Kursk"


def test_click_selects_span_and_hotkey_relabels(qtbot, window, project, db_spans) -> None:
    text = window.workbench.controller.doc.text
    start, _ = _select(window, text, "NATO")
    qtbot.keyClick(_view(window), "1")
    _click_cp(qtbot, window, start + 1)
    c = window.workbench.controller
    assert c.selected_span == db_spans(project, 1)[0].id
    qtbot.keyClick(_view(window), "3")
    (span,) = db_spans(project, 1)
    assert span.label == "FIGURE" and text[span.start : span.end] == "NATO"


def test_edge_keys_move_span_edges_by_token(qtbot, window, project, db_spans) -> None:
    text = window.workbench.controller.doc.text
    view = _view(window)
    _select(window, text, "60,000")
    qtbot.keyClick(view, "3")
    assert window.workbench.controller.selected_span is not None  # a new span is selected
    qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    (span,) = db_spans(project, 1)
    assert text[span.start : span.end] == "60,000 troops"
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(view, Qt.Key.Key_Left, ctrl_shift)
    (span,) = db_spans(project, 1)
    assert text[span.start : span.end] == "almost 60,000 troops"
    qtbot.keyClick(view, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(view, Qt.Key.Key_Right, ctrl_shift)
    (span,) = db_spans(project, 1)
    assert text[span.start : span.end] == "60,000"
    assert not view.textCursor().hasSelection()


def test_delete_undo_redo(qtbot, window, project, db_spans) -> None:
    text = window.workbench.controller.doc.text
    view = _view(window)
    start, _ = _select(window, text, "Kursk")
    qtbot.keyClick(view, "1")
    (span,) = db_spans(project, 1)
    _click_cp(qtbot, window, start)
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert db_spans(project, 1) == []
    qtbot.keyClick(view, "z", Qt.KeyboardModifier.ControlModifier)
    (back,) = db_spans(project, 1)
    assert (back.id, back.start, back.end, back.label) == (span.id, span.start, span.end, span.label)
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(view, "z", ctrl_shift)
    assert db_spans(project, 1) == []
    for _ in range(3):  # delete, then the tag itself, then nothing left
        qtbot.keyClick(view, "z", Qt.KeyboardModifier.ControlModifier)
    assert db_spans(project, 1) == []
    assert window.store.get_document_status(1) == Status.TODO  # the in-progress step was undone too
    qtbot.keyClick(view, "z", ctrl_shift)
    assert [s.id for s in db_spans(project, 1)] == [span.id]
    assert window.store.get_document_status(1) == Status.IN_PROGRESS
    qtbot.keyClick(view, "y", Qt.KeyboardModifier.ControlModifier)
    assert db_spans(project, 1) == []


def test_undo_in_another_document_switches_to_it(qtbot, window, project, db_spans) -> None:
    c = window.workbench.controller
    text = c.doc.text
    _select(window, text, "Kursk")
    qtbot.keyClick(_view(window), "1")
    c.open_document(2)
    assert c.doc_id == 2
    qtbot.keyClick(_view(window), "z", Qt.KeyboardModifier.ControlModifier)
    assert c.doc_id == 1
    assert db_spans(project, 1) == []


def test_source_relation_with_s_then_click(qtbot, window, project, db_spans) -> None:
    c = window.workbench.controller
    text = c.doc.text
    view = _view(window)
    actor_start, _ = _select(window, text, "Zelensky")
    qtbot.keyClick(view, "1")
    claim = "Russia had to pull almost 60,000 troops off the front."
    _select(window, text, claim)
    qtbot.keyClick(view, "2")
    claim_span = next(s for s in db_spans(project, 1) if s.label == "CLAIM")
    assert c.selected_span == claim_span.id
    qtbot.keyClick(view, "s")
    _click_cp(qtbot, window, actor_start + 2)
    with window.store.conn:
        rels = window.store.relations_for(1)
    actor = next(s for s in db_spans(project, 1) if s.label == "ACTOR")
    assert [(r.head_id, r.child_id, r.label) for r in rels] == [(claim_span.id, actor.id, "SOURCE")]
    qtbot.waitUntil(lambda: window.workbench.side.relations.rowCount() == 1)
    shown = window.workbench.side.relations.data(window.workbench.side.relations.index(0, 0))
    assert shown.startswith("Zelensky → 'Russia had to pull almost 60,000 troops")
    qtbot.keyClick(view, "z", Qt.KeyboardModifier.ControlModifier)
    assert window.store.relations_for(1) == []


def test_relation_from_popup_list(qtbot, window, project) -> None:
    c = window.workbench.controller
    text = c.doc.text
    _select(window, text, "NATO")
    qtbot.keyClick(_view(window), "1")
    _select(window, text, "NATO officials disagreed")
    qtbot.keyClick(_view(window), "2")
    offered = []
    c.pickChild.disconnect()
    c.pickChild.connect(lambda rel, spans: offered.append(spans))
    qtbot.keyClick(_view(window), "s")
    qtbot.keyClick(_view(window), "s")  # second press: the list of actors
    assert [s.label for s in offered[0]] == ["ACTOR"]
    c.relate_to(offered[0][0].id)
    assert len(window.store.relations_for(1)) == 1


def test_ctrl_enter_marks_done_and_opens_next(qtbot, window, project) -> None:
    c = window.workbench.controller
    assert c.doc_id == 1
    qtbot.keyClick(_view(window), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.store.get_document_status(1) == Status.DONE
    assert c.doc_id == 2
    assert "Done 1 / 3" in window.progress_label.text()
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(_view(window), "s", ctrl_shift)
    assert window.store.get_document_status(2) == Status.SKIPPED
    assert c.doc_id == 3
    qtbot.keyClick(_view(window), "z", Qt.KeyboardModifier.ControlModifier)
    assert c.doc_id == 2 and window.store.get_document_status(2) == Status.TODO


def test_pending_suggestion_accept_and_reject(qtbot, window, project, db_spans) -> None:
    from app.core.types import NewSpan

    store = window.store
    text = window.workbench.controller.doc.text
    a = text.index("Kursk")
    b = text.index("NATO")
    store.add_spans(1, [NewSpan(a, a + 5, "ACTOR", Origin.MODEL, SpanState.PENDING, score=0.8),
                        NewSpan(b, b + 4, "ACTOR", Origin.MODEL, SpanState.PENDING, score=0.6)])
    assert len(window.workbench.controller.spans) == 2
    _click_cp(qtbot, window, a + 1)
    qtbot.keyClick(_view(window), "a")
    _click_cp(qtbot, window, b + 1)
    qtbot.keyClick(_view(window), Qt.Key.Key_Delete)
    states = {s.start: s.state for s in store.spans_for(1, states=list(SpanState))}
    assert states == {a: SpanState.ACCEPTED, b: SpanState.REJECTED}
    tip = _view(window).tooltip_html([store.spans_for(1)[0]])
    assert "ACTOR" in tip and "model" in tip and "0.80" in tip


def test_an_edit_the_store_refuses_never_reaches_the_undo_stack(qtbot, window, project, db_spans) -> None:
    controller = window.workbench.controller
    text = controller.doc.text
    _select(window, text, "Kursk")
    qtbot.keyClick(_view(window), "1")
    (span,) = db_spans(project, 1)
    depth = controller.undo_stack.count()
    messages: list[str] = []
    controller.message.connect(messages.append)
    relabel = UpdateSpanCommand(controller, 1, span.id, {"label": "CLAIM"}, "Relabel")
    missing = UpdateSpanCommand(controller, 1, 999_999, {"label": "CLAIM"}, "Relabel a span that is gone")
    assert not controller.push(relabel, missing, text="Two relabels")
    assert controller.undo_stack.count() == depth  # nothing pushed: no phantom step to undo
    assert [s.label for s in db_spans(project, 1)] == [span.label]  # the first relabel was taken back
    assert any("no span with id 999999" in m for m in messages)
    assert controller.push(UpdateSpanCommand(controller, 1, span.id, {"label": "CLAIM"}, "Relabel"))
    assert controller.undo_stack.count() == depth + 1 and [s.label for s in db_spans(project, 1)] == ["CLAIM"]
    controller.undo_stack.undo()
    assert [s.label for s in db_spans(project, 1)] == [span.label]


def test_an_undo_or_redo_the_store_refuses_leaves_the_step_where_it_was(qtbot, window, project, db_spans) -> None:
    """The span of the last step is deleted behind the window's back (another process, say): undoing the step
    fails in the store, and Qt would only print that; the controller says so and the step can still be undone
    later. Of a macro step, the parts the store did undo are made again, so the step stays whole."""
    controller = window.workbench.controller
    store, stack = controller.store, controller.undo_stack
    text = controller.doc.text
    messages: list[str] = []
    controller.message.connect(messages.append)
    for needle in ("Zelensky", "Kursk"):
        _select(window, text, needle)
        qtbot.keyClick(_view(window), "1")
    zelensky, kursk = db_spans(project, 1)
    relabel_both = [UpdateSpanCommand(controller, 1, s.id, {"label": "CLAIM"}, "Relabel") for s in (zelensky, kursk)]
    assert controller.push(*relabel_both, text="Relabel both")
    index = stack.index()
    store.delete_span(kursk.id)  # the second part of the macro can no longer be undone
    controller.undo()
    assert stack.index() == index and stack.undoText() == "Relabel both"
    assert [(s.id, s.label) for s in db_spans(project, 1)] == [(zelensky.id, "CLAIM")]  # redone, not half undone
    assert messages[-1].startswith("Cannot undo 'Relabel both'") and str(kursk.id) in messages[-1]
    store.delete_span(zelensky.id)
    controller.undo()
    controller.undo()  # "Relabel both" fails again; nothing else moved
    assert stack.index() == index and db_spans(project, 1) == []

    controller.redo()  # nothing to redo: no message of a failure
    assert not messages[-1].startswith("Cannot redo")


def test_a_redo_the_store_refuses_leaves_the_step_undone(qtbot, window, project, db_spans) -> None:
    controller = window.workbench.controller
    stack = controller.undo_stack
    text = controller.doc.text
    messages: list[str] = []
    controller.message.connect(messages.append)
    _select(window, text, "Kursk")
    qtbot.keyClick(_view(window), "1")
    (span,) = db_spans(project, 1)
    assert controller.push(UpdateSpanCommand(controller, 1, span.id, {"label": "CLAIM"}, "Relabel Kursk"))
    controller.undo()
    assert [s.label for s in db_spans(project, 1)] == [span.label] and messages[-1] == "Undone: Relabel Kursk"
    index = stack.index()
    controller.store.delete_span(span.id)
    controller.redo()
    assert stack.index() == index and stack.redoText() == "Relabel Kursk"
    assert messages[-1].startswith("Cannot redo 'Relabel Kursk'")
