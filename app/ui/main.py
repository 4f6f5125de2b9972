"""GUI entry point: `python -m app [--db PATH]`. Kept light: spaCy is never imported on this path."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from app.core.paths import resource_path
from app.ui import settings, theme


def parse_args(args: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m app", description="Open the Marginalia window.")
    parser.add_argument("--db", type=Path, help="project to open (created if missing); default: the last one")
    return parser.parse_known_args(args)[0]


def application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication([sys.argv[0] if sys.argv else "marginalia", *(argv or [])])
    app.setOrganizationName(settings.ORGANISATION)
    app.setApplicationName(settings.APPLICATION)
    app.setApplicationDisplayName("Marginalia")
    icon = resource_path("resources", "icons", "marginalia.svg")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    app.setStyleSheet(theme.stylesheet())
    return app  # type: ignore[return-value]


def build_window(db: Path | None):  # type: ignore[no-untyped-def]
    from app.ui.window import MainWindow

    window = MainWindow()
    target = str(db) if db is not None else settings.last_project()
    if target and (db is not None or Path(target).exists()):
        window.open_project(target)
    return window


def run_gui(args: list[str]) -> int:
    options = parse_args(args)
    app = application()
    window = build_window(options.db)
    window.show()
    return app.exec()
