"""The welcome page with the demo project: New project / Open project / Open the demo project / recent ones."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QPushButton, QWidget

from app.core.demo import demo_project_path
from app.ui import panels


class WelcomePage(panels.WelcomePage):
    """panels.WelcomePage plus a button that opens the demo articles in a project of their own."""

    openDemo = Signal()

    def __init__(self, new_action: QAction, open_action: QAction, parent: QWidget | None = None) -> None:
        super().__init__(new_action, open_action, parent)
        self.demo_button = QPushButton("Open the demo project")
        self.demo_button.setObjectName("demoButton")
        self.demo_button.setToolTip(
            f"Three short articles written for Marginalia, in a project of their own ({demo_project_path()})"
        )
        self.demo_button.clicked.connect(self.openDemo)
        row = _button_row(self)
        if row is not None:
            row.insertWidget(_last_button_index(row) + 1, self.demo_button)
        else:  # pragma: no cover - the base page has a row of buttons
            self.layout().addWidget(self.demo_button)

    def buttons(self) -> list[QPushButton]:
        return self.findChildren(QPushButton)


def _button_row(page: QWidget) -> QBoxLayout | None:
    for layout in page.findChildren(QHBoxLayout):
        if any(isinstance(layout.itemAt(i).widget(), QPushButton) for i in range(layout.count())):
            return layout
    return None


def _last_button_index(row: QBoxLayout) -> int:
    return max(i for i in range(row.count()) if isinstance(row.itemAt(i).widget(), QPushButton))
