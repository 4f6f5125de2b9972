"""Figure attributes in the window: tagging or relabelling a FIGURE stores normalised values in the same undo
step, and the figure form edits them (undoably). Asserts read the database through a fresh connection."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt

from app.core.figures import figure_attributes_for
from app.core.types import Status
from app.ui.figure_form import FigureForm, format_number, parse_number

CTRL = Qt.KeyboardModifier.ControlModifier


def _tag(qtbot, window, needle: str, key: str) -> None:  # type: ignore[no-untyped-def]
    view = window.workbench.view
    text = window.workbench.controller.doc.text
    start = text.index(needle)
    view.select_cp(start, start + len(needle))
    qtbot.keyClick(view, key)


def _form(window) -> FigureForm:  # type: ignore[no-untyped-def]
    form = window.insights.form
    assert form is not None
    return form


def test_tagging_a_figure_stores_normalised_attributes(qtbot, window, project, db_spans) -> None:
    _tag(qtbot, window, "almost 60,000 troops", "3")
    (span,) = db_spans(project, 1)
    assert span.label == "FIGURE"
    a = span.attributes
    assert (a["value"], a["unit"], a["qualifier"]) == (60_000, "troops", "approx")
    assert "edited" not in a
    qtbot.keyClick(window.workbench.view, "z", CTRL)  # one step: span and status together
    assert db_spans(project, 1) == []
    assert window.store.get_document_status(1) == Status.TODO


def test_relabelling_to_figure_computes_attributes(qtbot, window, project, db_spans) -> None:
    _tag(qtbot, window, "some 12,000 North Korean troops", "1")
    (span,) = db_spans(project, 1)
    assert span.label == "ACTOR" and "value" not in span.attributes
    qtbot.keyClick(window.workbench.view, "3")  # the new span is selected: 3 relabels it
    (span,) = db_spans(project, 1)
    assert span.label == "FIGURE"
    assert (span.attributes["value"], span.attributes["unit"]) == (12_000, "troops")
    assert span.attributes["measured"] == "North Korean"
    qtbot.keyClick(window.workbench.view, "z", CTRL)
    (span,) = db_spans(project, 1)
    assert span.label == "ACTOR" and "value" not in span.attributes


def test_widening_a_figure_recomputes_it(qtbot, window, project, db_spans) -> None:
    _tag(qtbot, window, "60,000", "3")
    (span,) = db_spans(project, 1)
    assert span.attributes["qualifier"] == "approx"  # "almost" is read from the sentence
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window.workbench.view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    (span,) = db_spans(project, 1)
    text = window.workbench.controller.doc.text
    assert text[span.start : span.end] == "60,000 troops"
    assert span.attributes == figure_attributes_for("60,000 troops", _sentence(text))
    qtbot.keyClick(window.workbench.view, Qt.Key.Key_Left, ctrl_shift)
    (span,) = db_spans(project, 1)
    assert text[span.start : span.end] == "almost 60,000 troops" and span.attributes["unit"] == "troops"


def _sentence(text: str) -> str:
    from app.core.figures import sentence_around

    at = text.index("60,000 troops")
    return sentence_around(text, at, at + len("60,000 troops"))


def test_figure_form_shows_only_for_figures(qtbot, window) -> None:
    form = _form(window)
    assert form.isHidden()
    _tag(qtbot, window, "Zelensky", "1")
    assert form.isHidden()
    _tag(qtbot, window, "almost 60,000 troops", "3")
    assert form.isVisible()
    assert (form.value.text(), form.unit.text(), form.qualifier.currentData()) == ("60,000", "troops", "approx")
    window.workbench.controller.deselect()
    assert form.isHidden()


def test_figure_form_edit_and_undo(qtbot, window, project, db_spans) -> None:
    _tag(qtbot, window, "almost 60,000 troops", "3")
    (before,) = db_spans(project, 1)
    form = _form(window)
    form.value.setText("55,000")
    form.qualifier.setCurrentIndex(form.qualifier.findData("range"))
    form.low.setText("50000")
    form.high.setText("60,000")
    form.measured.setText("Russian troops moved to Kursk")
    form.quantity.setEditText("Russian troops redeployed to Kursk")
    qtbot.mouseClick(form.apply_button, Qt.MouseButton.LeftButton)
    (span,) = db_spans(project, 1)
    a = span.attributes
    assert (a["value"], a["qualifier"], a["low"], a["high"]) == (55_000, "range", 50_000, 60_000)
    assert a["measured"] == "Russian troops moved to Kursk" and a["unit"] == "troops"
    assert a["quantity"] == "Russian troops redeployed to Kursk" and a["edited"] is True
    assert window.workbench.controller.undo_stack.undoText() == "Edit figure"
    qtbot.keyClick(window.workbench.view, "z", CTRL)  # both changes are one step
    (span,) = db_spans(project, 1)
    assert span.attributes == before.attributes
    assert form.value.text() == "60,000" and form.quantity.currentText() == ""
    qtbot.keyClick(window.workbench.view, "z", CTRL | Qt.KeyboardModifier.ShiftModifier)
    (span,) = db_spans(project, 1)
    assert span.attributes["value"] == 55_000 and span.attributes["quantity"].startswith("Russian")


def test_figure_form_enter_applies_and_bad_numbers_are_refused(qtbot, window, project, db_spans) -> None:
    _tag(qtbot, window, "almost 60,000 troops", "3")
    form = _form(window)
    form.value.setText("lots")
    qtbot.keyClick(form.value, Qt.Key.Key_Return)
    (span,) = db_spans(project, 1)
    assert span.attributes["value"] == 60_000 and "edited" not in span.attributes
    form.value.setFocus()
    form.value.setText("61000")
    qtbot.keyClick(form.value, Qt.Key.Key_Return)
    (span,) = db_spans(project, 1)
    assert span.attributes["value"] == 61_000 and span.attributes["edited"] is True
    assert form.apply() is False  # nothing changed: no empty undo step


def test_f2_focuses_the_form(qtbot, window) -> None:
    _tag(qtbot, window, "almost 60,000 troops", "3")
    window.keymap["figure.edit"].trigger()
    assert _form(window).value.hasFocus() or window.focusWidget() is _form(window).value


def test_number_helpers() -> None:
    assert parse_number("60,000") == 60_000 and parse_number(" 1.5 ") == 1.5 and parse_number("") is None
    assert format_number(122_000_000_000) == "122,000,000,000" and format_number(23.3) == "23.3"
    assert format_number(None) == ""


def test_typing_in_the_form_never_fires_label_keys(qtbot, window, project, db_spans) -> None:
    _tag(qtbot, window, "almost 60,000 troops", "3")
    form = _form(window)
    form.value.setFocus()
    form.value.selectAll()
    qtbot.keyClicks(form.value, "123")
    qtbot.keyClick(form.value, Qt.Key.Key_Delete)
    qtbot.keyClick(form.value, Qt.Key.Key_Backspace)
    assert form.value.text() == "12"
    (span,) = db_spans(project, 1)  # still one FIGURE: neither relabelled (1) nor deleted
    assert span.label == "FIGURE" and span.attributes["value"] == 60_000
