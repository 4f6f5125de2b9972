"""The figure form: value, unit, qualifier (low/high of a range), measured thing and named quantity of the
selected FIGURE span. Apply (or Enter in a field) pushes one undoable step: EditFigureCommand for the
attributes, AssignQuantityCommand for the quantity, a macro of both when both changed."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from app.core.figures import FIGURE_LABEL, QUALIFIERS
from app.core.ledger import quantity_names
from app.core.types import Span
from app.ui.controller import Controller
from app.ui.insight_commands import AssignQuantityCommand, EditFigureCommand
from app.ui.models import short

QUALIFIER_TEXT = {"exact": "exact", "approx": "≈ about", "min": "≥ at least", "max": "≤ at most", "range": "range"}


def format_number(value: Any) -> str:
    if value is None or isinstance(value, bool):
        return ""
    if isinstance(value, int) or (isinstance(value, float) and value.is_integer() and abs(value) < 2**53):
        return f"{int(value):,}"
    return f"{value:,.6g}" if isinstance(value, float) else str(value)


def parse_number(text: str) -> int | float | None:
    """"60,000" -> 60000, "1.5" -> 1.5, "" -> None; ValueError for anything else."""
    cleaned = text.replace(",", "").replace("\u00a0", "").replace(" ", "").strip()
    if not cleaned:
        return None
    number = float(cleaned)
    if number != number or number in (float("inf"), float("-inf")):
        raise ValueError(text)
    return int(number) if number.is_integer() and abs(number) < 2**53 else number


def _stored(value: Any) -> Any:
    """A stored attribute as the form would show it: blank text counts as no value."""
    return None if isinstance(value, str) and not value.strip() else value


class FigureForm(QGroupBox):
    """Shown under the span list while a FIGURE span is selected."""

    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__("Figure", parent)
        self.setObjectName("figureForm")
        self.controller = controller
        self.span: Span | None = None
        self.value = QLineEdit(placeholderText="number")
        self.unit = QLineEdit(placeholderText="km², troops, USD, %…")
        self.qualifier = QComboBox()
        for q in QUALIFIERS:
            self.qualifier.addItem(QUALIFIER_TEXT[q], q)
        self.low = QLineEdit(placeholderText="from")
        self.high = QLineEdit(placeholderText="to")
        self.measured = QLineEdit(placeholderText="what is counted or measured")
        self.quantity = QComboBox()
        self.quantity.setEditable(True)
        self.quantity.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.quantity.lineEdit().setPlaceholderText("named quantity (groups figures in the ledger)")
        for w, name in ((self.value, "figureValue"), (self.unit, "figureUnit"), (self.qualifier, "figureQualifier"),
                        (self.low, "figureLow"), (self.high, "figureHigh"), (self.measured, "figureMeasured"),
                        (self.quantity, "figureQuantity")):
            w.setObjectName(name)
        self.note = QLabel()
        self.note.setObjectName("muted")
        self.note.setWordWrap(True)
        self.apply_button = QPushButton("Apply")
        self.apply_button.setObjectName("figureApply")
        self.apply_button.setToolTip("Store these values (undo with Ctrl+Z); Enter in a field does the same")
        self._range = self._pair(self.low, self.high)
        grid = QGridLayout(self)
        grid.setContentsMargins(8, 4, 8, 4)
        grid.setVerticalSpacing(4)
        rows = (
            (("Value", self.value), ("Unit", self.unit)),
            (("Qualifier", self.qualifier), ("", self._range)),
            (("Measured", self.measured),),
            (("Quantity", self.quantity),),
        )
        for r, cells in enumerate(rows):
            for c, (title, widget) in enumerate(cells):
                if title:
                    grid.addWidget(QLabel(title), r, 2 * c)
                grid.addWidget(widget, r, 2 * c + 1, 1, 1 if len(cells) > 1 else 3)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(3, 2)
        grid.addWidget(self.note, len(rows), 0, 1, 3)
        grid.addWidget(self.apply_button, len(rows), 3, Qt.AlignmentFlag.AlignRight)
        for edit in (self.value, self.unit, self.low, self.high, self.measured):
            edit.returnPressed.connect(self.apply)
        self.quantity.lineEdit().returnPressed.connect(self.apply)
        self.apply_button.clicked.connect(self.apply)
        self.qualifier.currentIndexChanged.connect(lambda _i: self._enable_range())
        controller.selectionChanged.connect(self.refresh)
        controller.spansChanged.connect(self.refresh)
        self.setVisible(False)

    @staticmethod
    def _pair(low: QLineEdit, high: QLineEdit) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(low)
        row.addWidget(QLabel("–"))
        row.addWidget(high)
        return box

    # -- showing ---------------------------------------------------------------------------------------

    def refresh(self) -> None:
        span = self.controller.selected()
        if span is None or span.label != FIGURE_LABEL:
            self.span = None
            self.setVisible(False)
            return
        same = self.span is not None and self.span.id == span.id and self.span.attributes == span.attributes
        self.span = span
        self.setVisible(True)
        if same and self.isAncestorOf(self.focusWidget()):
            return  # keep what the analyst is typing
        self.fill(span)

    def fill(self, span: Span) -> None:
        a = span.attributes
        text = self.controller.doc.text if self.controller.doc else ""
        self.setTitle(f"Figure: {short(span.text_in(text), 40)}" if text else "Figure")
        self.value.setText(format_number(a.get("value")))
        self.unit.setText(str(a.get("unit") or ""))
        i = self.qualifier.findData(a.get("qualifier") or "exact")
        self.qualifier.setCurrentIndex(max(i, 0))
        self.low.setText(format_number(a.get("low")))
        self.high.setText(format_number(a.get("high")))
        self.measured.setText(str(a.get("measured") or ""))
        self.quantity.clear()
        self.quantity.addItem("")
        self.quantity.addItems(quantity_names(self.controller.store))
        self.quantity.setEditText(str(a.get("quantity") or ""))
        notes = []
        if a.get("edited"):
            notes.append("✎ edited by hand: never recomputed")
        elif "value" in a:
            notes.append("computed from the text")
        else:
            notes.append("not computed yet")
        original = a.get("original")
        if isinstance(original, dict):
            notes.append(f"written as {format_number(original.get('value'))} {original.get('unit', '')}")
        self.note.setText("; ".join(notes))
        self._enable_range()

    def _enable_range(self) -> None:
        self._range.setVisible(self.qualifier.currentData() == "range")

    def focus_value(self) -> None:
        if self.isVisible():
            self.value.setFocus()
            self.value.selectAll()
        else:
            self.controller.message.emit("Select a FIGURE span to edit its value")

    # -- applying --------------------------------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        """The form as attribute values (None: no value); ValueError names the bad field."""
        out: dict[str, Any] = {}
        for key, edit in (("value", self.value), ("low", self.low), ("high", self.high)):
            try:
                out[key] = parse_number(edit.text())
            except ValueError:
                raise ValueError(f"{key} must be a number, not {edit.text()!r}") from None
        if self.qualifier.currentData() != "range":
            out["low"] = out["high"] = None
        out["qualifier"] = self.qualifier.currentData()
        out["unit"] = self.unit.text().strip() or None
        out["measured"] = " ".join(self.measured.text().split()) or None
        return out

    def apply(self) -> bool:
        span = self.span
        if span is None:
            return False
        try:
            values = self.values()
        except ValueError as exc:
            self.controller.message.emit(f"Figure not changed: {exc}")
            return False
        a = span.attributes
        changes = {k: v for k, v in values.items() if v != _stored(a.get(k))}
        old_q = str(a.get("quantity") or "") or None
        new_q = " ".join(self.quantity.currentText().split()) or None
        commands: list[object] = []
        if changes:
            commands.append(EditFigureCommand(self.controller, span.doc_id, span.id, changes, "Edit figure"))
        if new_q != old_q:
            commands.append(AssignQuantityCommand(self.controller, span.doc_id, span.id, old_q, new_q,
                                                  f"Assign figure to '{new_q}'" if new_q else "Unassign figure"))
        if not commands:
            return False
        return self.controller.push(*commands, text="Edit figure")
