"""Help menu: the annotation guidelines (annotations/guidelines.md as Markdown) and About (versions)."""

from __future__ import annotations

import html

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import qVersion
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMainWindow,
    QMenu,
    QMenuBar,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.core.paths import resource_path, user_data_dir
from app.core.versions import versions

GUIDELINES = ("annotations", "guidelines.md")


def guidelines_markdown() -> str:
    path = resource_path(*GUIDELINES)
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        return f"# Annotation guidelines\n\nThe guidelines could not be read from `{path}`: {exc}"


class GuidelinesDialog(QDialog):
    """Non-modal, so that an analyst can keep the guidelines open next to the article."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Annotation guidelines")
        self.setObjectName("guidelinesDialog")
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(True)
        self.browser.setMarkdown(guidelines_markdown())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.resize(760, 720)


def about_versions() -> dict[str, str]:
    return {**versions(), "Qt": qVersion(), "PySide6": pyside_version}


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("About Marginalia")
        self.setObjectName("aboutDialog")
        self.versions = about_versions()
        rows = "".join(f"<tr><td>{html.escape(k)}</td><td>&nbsp;&nbsp;{html.escape(v)}</td></tr>"
                       for k, v in self.versions.items())
        text = QLabel(
            "<h2>Marginalia</h2>"
            "<p>An offline workbench for tagging actors, claims and figures in news articles.</p>"
            f"<table>{rows}</table>"
            f"<p>Data folder (projects, crash logs): {html.escape(str(user_data_dir()))}</p>"
        )
        text.setObjectName("aboutText")
        text.setWordWrap(True)
        icon = QLabel()
        path = resource_path("resources", "icons", "marginalia.svg")
        if path.exists():
            icon.setPixmap(QIcon(str(path)).pixmap(64, 64))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(icon)
        layout.addWidget(text)
        layout.addWidget(buttons)


class HelpActions:
    """The Help menu's extra actions, made once per window and re-added whenever the menus are rebuilt."""

    def __init__(self, window: QMainWindow) -> None:
        self.window = window
        self.guidelines = QAction("Annotation &guidelines", window)
        self.guidelines.setObjectName("help.guidelines")
        self.guidelines.triggered.connect(self.show_guidelines)
        self.demo = QAction("Open the &demo project", window)
        self.demo.setObjectName("help.demo")
        self.about = QAction("&About Marginalia", window)
        self.about.setObjectName("help.about")
        self.about.triggered.connect(self.show_about)
        self.dialog: GuidelinesDialog | None = None

    def add_to(self, bar: QMenuBar) -> QMenu:
        menu = next((m.menu() for m in bar.actions() if m.text() == "&Help"), None) or bar.addMenu("&Help")
        menu.insertAction(menu.actions()[0] if menu.actions() else None, self.guidelines)  # type: ignore[arg-type]
        menu.addSeparator()
        menu.addAction(self.demo)
        menu.addSeparator()
        menu.addAction(self.about)
        return menu

    def show_guidelines(self) -> GuidelinesDialog:
        if self.dialog is None:
            self.dialog = GuidelinesDialog(self.window)
        self.dialog.show()
        self.dialog.raise_()
        return self.dialog

    def show_about(self) -> AboutDialog:
        dialog = AboutDialog(self.window)
        dialog.open()
        return dialog
