"""The welcome page, shown when no project is open: a first run that needs no instructions."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QPushButton, QVBoxLayout, QWidget

from app.core.demo import demo_project_path
from app.ui.panels import heading

FIRST_STEPS = (
    "<ol style='margin-left:-20px'>"
    "<li><b>Open the demo project</b> (three short articles) or create a project and import your articles "
    "(<i>File ▸ Import</i>, or drop files on the window).</li>"
    "<li>Select words and press <b>1</b> ACTOR, <b>2</b> CLAIM or <b>3</b> FIGURE; select a claim and press "
    "<b>S</b>, then click the actor who makes it.</li>"
    "<li>Let the model suggest: <b>Ctrl+Shift+Enter</b>, then <b>A</b> accepts and <b>X</b> rejects. "
    "<b>Ctrl+Enter</b> marks an article done. Every key: <b>F1</b>.</li>"
    "</ol>"
)


class WelcomePage(QWidget):
    """Open the demo project (the primary action), New / Open project, recent projects."""

    openRecent = Signal(str)
    openDemo = Signal()
    newProject = Signal()
    openProject = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcome")
        title = QLabel("Marginalia")
        title.setObjectName("welcomeTitle")
        subtitle = QLabel("Tag actors, claims and figures in news articles — everything is saved as you go.")
        subtitle.setObjectName("muted")
        steps = QLabel(FIRST_STEPS)
        steps.setWordWrap(True)
        steps.setTextFormat(Qt.TextFormat.RichText)
        self.demo_button = QPushButton("Open the demo project")
        self.demo_button.setObjectName("demoButton")
        self.demo_button.setDefault(True)
        self.demo_button.setToolTip(
            f"Three short articles written for Marginalia, in a project of their own ({demo_project_path()})"
        )
        self.demo_button.clicked.connect(self.openDemo)
        buttons = QHBoxLayout()
        buttons.addWidget(self.demo_button)
        # Signals, not the keymap's QActions: those are rebuilt when a project with another scheme opens.
        for text, signal in (("New project…", self.newProject), ("Open project…", self.openProject)):
            button = QPushButton(text)
            button.clicked.connect(signal)
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.recent = QListWidget()
        self.recent.setObjectName("recentList")
        self.recent.itemActivated.connect(lambda item: self.openRecent.emit(item.text()))
        self.recent.itemDoubleClicked.connect(lambda item: self.openRecent.emit(item.text()))
        self.no_recent = QLabel("No recent projects yet.")
        self.no_recent.setObjectName("muted")
        column = QVBoxLayout()
        column.addStretch(1)
        column.addWidget(title)
        column.addWidget(subtitle)
        column.addSpacing(12)
        column.addWidget(steps)
        column.addSpacing(12)
        column.addLayout(buttons)
        column.addSpacing(20)
        column.addWidget(heading("Recent projects"))
        column.addWidget(self.recent)
        column.addWidget(self.no_recent)
        column.addStretch(2)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(column, 3)
        outer.addStretch(1)
        self.set_recent([])

    def buttons(self) -> list[QPushButton]:
        return self.findChildren(QPushButton)

    def set_recent(self, paths: list[str]) -> None:
        self.recent.clear()
        self.recent.addItems(paths)
        rows = min(len(paths), 8)
        self.recent.setFixedHeight(self.recent.sizeHintForRow(0) * rows + 6 if rows else 0)
        self.recent.setVisible(bool(paths))
        self.no_recent.setVisible(not paths)
