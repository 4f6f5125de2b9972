"""Import and export from the window: file choice, JobWorker on a thread, QProgressDialog with Cancel, and a
readable report at the end (never a traceback)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from app.core.progress import Job
from app.core.store import Store
from app.ui.dialogs import ExportDialog, ReportDialog
from app.ui.worker import JobWorker


class JobRunner(QObject):
    """Runs one job at a time with a progress dialog; `on_done(result)` is called on success."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.window = parent
        self.worker: JobWorker | None = None

    @property
    def busy(self) -> bool:
        return self.worker is not None and self.worker.isRunning()

    def start(self, title: str, db: Path, make_job: Callable[[Store], Job[Any]],
              on_done: Callable[[Any], None]) -> JobWorker | None:
        if self.busy:
            QMessageBox.information(self.window, title, "Another import or export is still running.")
            return None
        dialog = QProgressDialog(f"{title}…", "Cancel", 0, 0, self.window)
        dialog.setWindowTitle(title)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        worker = JobWorker(db, make_job, self)
        worker.progress.connect(lambda done, total, msg: self._progress(dialog, done, total, msg))
        worker.succeeded.connect(lambda result: self._finish(dialog, on_done, result))
        worker.failed.connect(lambda msg: self._fail(dialog, title, msg))
        worker.cancelled.connect(lambda: self._cancelled(dialog, title))
        dialog.canceled.connect(worker.cancel)
        self.worker = worker
        worker.start()
        return worker

    @staticmethod
    def _progress(dialog: QProgressDialog, done: int, total: int, message: str) -> None:
        set_progress(dialog, done, total)
        if message:
            dialog.setLabelText(message)

    @staticmethod
    def _finish(dialog: QProgressDialog, on_done: Callable[[Any], None], result: Any) -> None:
        _close(dialog)
        on_done(result)

    def _fail(self, dialog: QProgressDialog, title: str, message: str) -> None:
        _close(dialog)
        QMessageBox.warning(self.window, title, f"{title} failed:\n\n{message}")

    def _cancelled(self, dialog: QProgressDialog, title: str) -> None:
        _close(dialog)
        self.window.statusBar().showMessage(f"{title} cancelled; nothing was changed", 5000)  # type: ignore[attr-defined]


def set_progress(dialog: QProgressDialog, done: int, total: int) -> None:
    """Show `done` of `total` (total -1 or 0: unknown, a busy bar)."""
    dialog.setMaximum(max(total, 0))
    dialog.setValue(min(done, total) if total > 0 else 0)


def _close(dialog: QProgressDialog) -> None:
    dialog.reset()
    dialog.hide()
    dialog.deleteLater()  # one dialog per job: free it, or every import/export keeps one alive


def report_problems(report: Any) -> list[tuple[str, str]]:
    out = []
    for item in getattr(report, "rejected", []):
        if isinstance(item, tuple):
            out.append((str(item[0]), str(item[1])))
        else:  # a Rejection(where, reason)
            out.append((str(getattr(item, "where", "")), str(getattr(item, "reason", item))))
    return out


def choose_import_files(parent: QWidget) -> list[str]:
    paths, _ = QFileDialog.getOpenFileNames(
        parent, "Import articles", "", "Articles (*.txt *.jsonl *.json *.csv);;All files (*)"
    )
    return paths


def choose_import_folder(parent: QWidget) -> list[str]:
    path = QFileDialog.getExistingDirectory(parent, "Import a folder of articles")
    return [path] if path else []


def import_job(paths: Sequence[str]) -> Callable[[Store], Job[Any]]:
    def make(store: Store) -> Job[Any]:
        from app.core.importers import import_paths

        return import_paths(store, list(paths), "auto")

    return make


def export_job(options: dict[str, Any]) -> Callable[[Store], Job[Any]]:
    def make(store: Store) -> Job[Any]:
        from app.core.exporters import export

        return export(store, options["fmt"], options["out"], include_suggestions=options["include_suggestions"],
                      statuses=options["statuses"])

    return make


def show_report(parent: QWidget, title: str, report: Any) -> ReportDialog:
    summary = report.summary() if hasattr(report, "summary") else str(report)
    problems = report_problems(report)
    if problems:  # the full list goes below; keep the summary's headline lines only
        summary = "\n".join(line for line in summary.splitlines() if not line.startswith("  "))
    dialog = ReportDialog(title, summary, problems, parent)
    dialog.open()
    return dialog


def ask_export(parent: QWidget, project: Path) -> dict[str, Any] | None:
    dialog = ExportDialog(project, parent)
    if dialog.exec() != ExportDialog.DialogCode.Accepted:
        return None
    return dialog.options()
