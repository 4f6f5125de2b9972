"""Dialogs: shortcut overlay (generated from the keymap), export options, import report, annotator name."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.types import Status
from app.ui import settings
from app.ui.actions import Keymap
from app.ui.models import STATUS_TEXT

FALLBACK_FORMATS = ("prodigy", "spacy", "doccano", "csv")
FORMAT_SUFFIX = {"prodigy": ".jsonl", "doccano": ".jsonl", "csv": ".csv", "spacy": ""}


class ShortcutOverlay(QDialog):
    def __init__(self, keymap: Keymap, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        self.setObjectName("shortcutOverlay")
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["Action", "Keys"])
        self.tree.setRootIsDecorated(False)
        groups: dict[str, QTreeWidgetItem] = {}
        for group, text, keys in keymap.rows():
            if group not in groups:
                head = QTreeWidgetItem([group, ""])
                font = head.font(0)
                font.setBold(True)
                head.setFont(0, font)
                head.setFirstColumnSpanned(True)
                self.tree.addTopLevelItem(head)
                groups[group] = head
            self.tree.addTopLevelItem(QTreeWidgetItem([f"   {text}", keys]))
        self.tree.resizeColumnToContents(0)
        note = QLabel("Select text and press a label key; click a span to select it. "
                      "Alt keeps the exact characters (no snapping to whole words).")
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(560, 620)

    def shown_keys(self) -> list[str]:
        return [self.tree.topLevelItem(i).text(1) for i in range(self.tree.topLevelItemCount())]


def export_formats() -> tuple[str, ...]:
    try:
        from app.core.exporters import FORMATS
    except ImportError:
        return FALLBACK_FORMATS
    return tuple(FORMATS)


class ExportDialog(QDialog):
    def __init__(self, project: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export annotations")
        self.project = project
        self.format = QComboBox()
        self.format.addItems(list(export_formats()))
        self.out = QLineEdit()
        browse = QPushButton("Choose…")
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.out, 1)
        row.addWidget(browse)
        self.suggestions = QCheckBox("Include pending suggestions")
        self.statuses: dict[Status, QCheckBox] = {}
        status_row = QHBoxLayout()
        for status in Status:
            box = QCheckBox(STATUS_TEXT[status])
            box.setChecked(status in (Status.DONE, Status.IN_PROGRESS))
            self.statuses[status] = box
            status_row.addWidget(box)
        form = QFormLayout()
        form.addRow("Format", self.format)
        form.addRow("Output", row)
        form.addRow("Documents", status_row)
        form.addRow("", self.suggestions)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Export")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.format.currentTextChanged.connect(self._suggest_out)
        self._suggest_out(self.format.currentText())

    def _suggest_out(self, fmt: str) -> None:
        base = self.project.with_suffix("")
        self.out.setText(str(base.parent / f"{base.name}-{fmt}{FORMAT_SUFFIX.get(fmt, '')}"))

    def _browse(self) -> None:
        if FORMAT_SUFFIX.get(self.format.currentText(), ".x") == "":
            path = QFileDialog.getExistingDirectory(self, "Export into folder", self.out.text())
        else:
            path, _ = QFileDialog.getSaveFileName(self, "Export to", self.out.text())
        if path:
            self.out.setText(path)

    def options(self) -> dict[str, Any]:
        chosen = [s for s, box in self.statuses.items() if box.isChecked()]
        return {
            "fmt": self.format.currentText(),
            "out": Path(self.out.text()),
            "include_suggestions": self.suggestions.isChecked(),
            "statuses": chosen if len(chosen) < len(self.statuses) else None,
        }


class ReportDialog(QDialog):
    """A readable report: the summary line(s) and, if any, the rejected records with their reasons."""

    def __init__(self, title: str, summary: str, problems: list[tuple[str, str]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName("reportDialog")
        layout = QVBoxLayout(self)
        head = QLabel(summary)
        head.setWordWrap(True)
        head.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(head)
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        if problems:
            layout.addWidget(QLabel(f"{len(problems)} record(s) were not imported:"))
            self.details.setPlainText("\n".join(f"{where}: {reason}" for where, reason in problems))
            layout.addWidget(self.details)
            self.resize(640, 420)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)


def ask_annotator(parent: QWidget | None, change: bool = False) -> str | None:
    """The annotator name: asked once, then remembered in QSettings; `change` asks again to edit it."""
    name = settings.annotator_name()
    if name and not change:
        return name
    name, ok = QInputDialog.getText(
        parent, "Your name", "Annotator name (stored with every span you tag):", text=name
    )
    name = name.strip() if ok else ""
    if name:
        settings.set_annotator_name(name)
        return name
    return None
