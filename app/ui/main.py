"""GUI entry point: `python -m app [--db PATH]`. Kept light: spaCy is never imported on this path."""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from app.core.paths import resource_path
from app.ui import crash, settings, theme

if TYPE_CHECKING:
    from app.ui.window import MainWindow

# Set by benchmarks/bench_startup.py: print the time to the first shown window and quit.
EXIT_AFTER_SHOW = "MARGINALIA_EXIT_AFTER_SHOW"


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


def build_window(db: Path | None) -> MainWindow:
    from app.ui.window import MainWindow  # imported on use: keeps this entry module light

    window = MainWindow()
    target = str(db) if db is not None else settings.last_project()
    if target and (db is not None or Path(target).exists()):
        window.open_project(target)
    return window


def run_gui(args: list[str]) -> int:
    options = parse_args(args)
    app = application()
    crash.install()
    window = build_window(options.db)
    window.show()
    if os.environ.get(EXIT_AFTER_SHOW):
        QTimer.singleShot(0, lambda: _report_shown(app))
    return app.exec()


def process_age_ms() -> float | None:
    """Milliseconds since this process started (Linux: /proc; 10 ms resolution), None elsewhere."""
    try:
        fields = Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()
        uptime = float(Path("/proc/uptime").read_text().split()[0])
    except (OSError, IndexError, ValueError):
        return None
    started = int(fields[19]) / os.sysconf("SC_CLK_TCK")  # field 22 of stat: start time in clock ticks
    return max(0.0, (uptime - started) * 1000)


def _report_shown(app: QApplication) -> None:
    """First event-loop turn after show(): the window has been exposed and painted once."""
    age = process_age_ms()
    spacy = "spacy" in sys.modules
    print(f"shown: {age if age is not None else -1:.0f} ms after process start; "
          f"spacy imported: {spacy}; t={time.time():.3f}", flush=True)
    app.quit()
