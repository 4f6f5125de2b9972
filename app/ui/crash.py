"""Crash reporting: an unexpected exception (main thread, other threads, Qt slots) is written to
`user_data_dir()/logs/crash-<timestamp>.log` and shown in a dialog with the details and a Copy button.

Nothing is rolled back or saved here: every action commits in its own transaction before the UI reports it,
and an exception inside a transaction rolls that transaction back, so the project on disk is always whole.
PySide routes exceptions raised inside slots to `sys.excepthook`, which is how those reach this module too.
"""

from __future__ import annotations

import datetime as dt
import html
import platform
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.paths import user_data_dir

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


def logs_dir() -> Path:
    return user_data_dir() / "logs"


def report_text(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None,
                thread: str = "MainThread") -> str:
    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import qVersion

    from app import __version__

    details = "".join(traceback.format_exception(exc_type, exc, tb))
    return (
        f"Marginalia {__version__} crash report\n"
        f"time: {dt.datetime.now().isoformat(timespec='seconds')}\n"
        f"thread: {thread}\n"
        f"python: {platform.python_version()} ({sys.executable})\n"
        f"qt: {qVersion()}, pyside6: {pyside_version}\n"
        f"platform: {platform.platform()}\n"
        f"frozen: {bool(getattr(sys, 'frozen', False))}\n\n"
        f"{details}"
    )


def write_log(text: str) -> Path:
    """Write the report to a new file (never overwriting an earlier one) and return its path."""
    folder = logs_dir()
    folder.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    path = folder / f"crash-{stamp}.log"
    n = 1
    while path.exists():
        path = folder / f"crash-{stamp}-{n}.log"
        n += 1
    path.write_text(text, encoding="utf-8")
    return path


class CrashDialog(QDialog):
    def __init__(self, summary: str, details: str, log_path: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Marginalia: unexpected error")
        self.setObjectName("crashDialog")
        self.details = details
        where = f"A report was written to:\n{log_path}" if log_path else "The report could not be written to disk."
        head = QLabel(
            f"<b>Something went wrong:</b> {html.escape(summary, quote=False)}<br><br>"
            "Your project is safe: every change was saved the moment you made it, and the action that failed "
            "was not half-written. You can keep working, or restart Marginalia."
        )
        head.setWordWrap(True)
        place = QLabel(where)
        place.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text = QPlainTextEdit(details)
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.copy_button = QPushButton("Copy")
        self.copy_button.setToolTip("Copy the details to the clipboard, e.g. for a bug report")
        self.copy_button.clicked.connect(self.copy)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(head)
        layout.addWidget(place)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        self.resize(720, 480)

    def copy(self) -> None:
        QApplication.clipboard().setText(self.details)


class CrashReporter(QObject):
    """Installed once per process; `shown` lists the dialogs it opened (tests read it)."""

    _report = Signal(str, str, str)  # summary, details, log path ("" if none): queued to the GUI thread

    def __init__(self) -> None:
        super().__init__()
        self.previous_excepthook = sys.excepthook
        self.previous_threading_hook = threading.excepthook
        self.logs: list[Path] = []
        self.shown: list[CrashDialog] = []
        self._busy = False
        self._report.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def install(self) -> None:
        sys.excepthook = self.excepthook
        threading.excepthook = self.threading_hook

    def uninstall(self) -> None:
        if sys.excepthook == self.excepthook:
            sys.excepthook = self.previous_excepthook
        if threading.excepthook == self.threading_hook:
            threading.excepthook = self.previous_threading_hook

    def excepthook(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            self.previous_excepthook(exc_type, exc, tb)
            return
        self.handle(exc_type, exc, tb, threading.current_thread().name)

    def threading_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None or issubclass(args.exc_type, SystemExit):
            return
        name = args.thread.name if args.thread is not None else "thread"
        self.handle(args.exc_type, args.exc_value, args.exc_traceback, name)

    def handle(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None,
               thread: str) -> Path | None:
        details = report_text(exc_type, exc, tb, thread)
        sys.stderr.write(details)
        log: Path | None = None
        try:
            log = write_log(details)
        except OSError as error:
            sys.stderr.write(f"marginalia: could not write the crash log: {error}\n")
        else:
            self.logs.append(log)
        summary = f"{exc_type.__name__}: {exc}"
        app = QApplication.instance()
        if app is None:
            return log
        if QThread.currentThread() is app.thread():
            self._show(summary, details, str(log or ""))
        else:
            self._report.emit(summary, details, str(log or ""))
        return log

    def _show(self, summary: str, details: str, log: str) -> None:
        if self._busy:  # an error while a crash dialog is open: logged above, not stacked
            return
        self._busy = True
        try:
            parent = QApplication.activeWindow()
            dialog = CrashDialog(summary, details, Path(log) if log else None, parent)
            self.shown.append(dialog)
            dialog.exec()
        except Exception:  # the dialog itself failed: the log and stderr still have the report
            traceback.print_exc()
        finally:
            self._busy = False


_reporter: CrashReporter | None = None


def install() -> CrashReporter:
    """Install the hooks (idempotent); needs a QApplication for the dialog, not for the log."""
    global _reporter
    if _reporter is None:
        _reporter = CrashReporter()
    _reporter.install()
    return _reporter
