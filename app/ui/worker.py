"""Run a core Job (a generator yielding Progress and returning a result) on a QThread.

The thread opens its own `Store(path)` (SQLite connections belong to one thread), builds the job with
`make_job(store)`, and reports through queued signals. `cancel()` asks the thread to stop at the next
`yield`; the generator is then closed, so the job's open transaction rolls back.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QThread, Signal

from app.core.progress import Job, Progress
from app.core.store import Store


class JobWorker(QThread):
    progress = Signal(int, int, str)  # done, total (-1 while unknown), message
    succeeded = Signal(object)  # the job's result
    failed = Signal(str)  # a message fit for the user
    cancelled = Signal()

    def __init__(self, db_path: str | Path, make_job: Callable[[Store], Job[Any]], parent: Any = None) -> None:
        super().__init__(parent)
        self.db_path = Path(db_path)
        self.make_job = make_job
        self._cancel = threading.Event()
        self.result: Any = None
        self.error: str | None = None
        self.was_cancelled = False

    def cancel(self) -> None:
        self._cancel.set()

    def run(self) -> None:
        try:
            store = Store(self.db_path)
        except Exception as exc:
            self.error = f"Cannot open {self.db_path}: {exc}"
            self.failed.emit(self.error)
            return
        try:
            job = self.make_job(store)
            while True:
                if self._cancel.is_set():
                    job.close()
                    self.was_cancelled = True
                    self.cancelled.emit()
                    return
                try:
                    step: Progress = next(job)
                except StopIteration as stop:
                    self.result = stop.value
                    self.succeeded.emit(stop.value)
                    return
                self.progress.emit(step.done, -1 if step.total is None else step.total, step.message)
        except Exception as exc:  # reported to the user as a message, never as a traceback
            self.error = f"{type(exc).__name__}: {exc}" if not str(exc) else str(exc)
            self.failed.emit(self.error)
        finally:
            store.close()
