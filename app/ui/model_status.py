"""The model's state in the status bar (not loaded / loading… / ready / failed, with the reason as tooltip) and
the Choose model dialog: an installed spaCy package or a model folder (e.g. `training/model-best`)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.ui.suggestions import DEFAULT_PIPELINE, ModelState, Suggestions, status_text


class ModelStatusLabel(QLabel):
    """Follows `Suggestions.stateChanged`; a click opens Choose model…"""

    clicked = Signal()

    def __init__(self, suggestions: Suggestions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("modelStatus")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.state = ""
        suggestions.stateChanged.connect(self.show_state)
        self.clicked.connect(suggestions.choose_model)
        self.show_state(str(suggestions.state), suggestions.model, suggestions.detail)

    def show_state(self, state: str, model: str, detail: str) -> None:
        self.state = state
        text, tip = status_text(state, model, detail)
        self.setText(text)
        self.setToolTip(tip)
        self.setProperty("failed", state == ModelState.FAILED)

    def mouseReleaseEvent(self, e: QMouseEvent) -> None:
        if e.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mouseReleaseEvent(e)


def installed_models() -> list[str]:
    """spaCy packages installed in this environment (they register a `spacy_models` entry point)."""
    from importlib.metadata import entry_points

    return sorted({ep.name for ep in entry_points(group="spacy_models")})


class ModelDialog(QDialog):
    def __init__(self, current: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Choose the suggestion model")
        self.setObjectName("modelDialog")
        self.combo = QComboBox()
        self.combo.setEditable(True)
        self.combo.setMinimumWidth(420)
        names = [current, *(n for n in [DEFAULT_PIPELINE, *installed_models()] if n != current)]
        self.combo.addItems(list(dict.fromkeys(names)))
        self.combo.setCurrentText(current)
        browse = QPushButton("Model folder…")
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.combo, 1)
        row.addWidget(browse)
        note = QLabel("An installed spaCy package (name) or a trained model folder, e.g. <i>training/model-best</i> "
                      "from <code>spacy train</code>. Remembered for this project; it loads in the background.")
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def _browse(self) -> None:
        start = self.combo.currentText() if Path(self.combo.currentText()).is_dir() else ""
        path = QFileDialog.getExistingDirectory(self, "A spaCy model folder (with config.cfg)", start)
        if path:
            self.combo.setCurrentText(path)

    def model(self) -> str:
        return self.combo.currentText().strip()


def ask_model(parent: QWidget | None, current: str) -> str | None:
    dialog = ModelDialog(current, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.model() or None
