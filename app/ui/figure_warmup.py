"""Figure attributes for the controller, without freezing the window.

quantulum3's first parse takes seconds (it loads its unit tables); after that a figure takes ~1-3 ms. So:

- at project open the window calls `start_warm_up(db)`: `figures.warm_up()` runs once per process as a Job
  on the worker thread (app/ui/worker.py);
- tagging or relabelling a FIGURE computes its attributes synchronously, inside the same AddSpan /
  UpdateSpan command, so that undo stays one step. Once warm this is a few milliseconds. Only if the analyst
  tags a figure within the first seconds after opening, that first tag waits for the warm-up to finish
  (`wait_until_warm`) — the one time the GUI must block, and never longer than the remaining warm-up.
"""

from __future__ import annotations

import atexit
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

from app.core import figures
from app.core.progress import Job, Progress
from app.core.store import Store
from app.ui.worker import JobWorker

_state: dict[str, Any] = {"worker": None, "ready": False}


def _warm_job(_store: Store) -> Job[None]:
    yield Progress(0, None, "Loading the figure parser…")
    figures.warm_up()


def is_warm() -> bool:
    return bool(_state["ready"])


def start_warm_up(db_path: str | Path) -> JobWorker | None:
    """Warm the figure parser on the worker thread (once per process; later calls do nothing)."""
    if _state["ready"] or _state["worker"] is not None:
        return _state["worker"]
    worker = JobWorker(db_path, _warm_job)  # no parent: it must outlive any window; waited for at exit
    worker.succeeded.connect(lambda _r: _state.update(ready=True))
    worker.failed.connect(lambda _m: _state.update(worker=None))  # a failure is retried by the first tag
    app = QCoreApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(_wait_for_worker)
    _state["worker"] = worker
    worker.start()
    return worker


@atexit.register
def _wait_for_worker() -> None:
    """A QThread destroyed while running aborts the process: let a warm-up still running finish first."""
    worker: JobWorker | None = _state["worker"]
    if worker is not None and worker.isRunning():
        worker.wait(30_000)


def wait_until_warm() -> None:
    worker: JobWorker | None = _state["worker"]
    if worker is not None and worker.isRunning():
        worker.wait()
    _state["ready"] = True  # computing now loads whatever the worker did not


def figure_attributes(label: str, doc_text: str, start: int, end: int, old: dict[str, Any] | None = None
                      ) -> dict[str, Any]:
    """Attributes for a span start..end labelled `label`: for a FIGURE the computed ones merged into `old`
    (an analyst-edited figure keeps its values); for other labels `old` unchanged."""
    old = dict(old or {})
    if label != figures.FIGURE_LABEL:
        return old
    if not _state["ready"]:
        wait_until_warm()
    computed = figures.attributes_for_new_figure(doc_text, start, end)
    return figures.merge_figure_attributes(old, computed)
