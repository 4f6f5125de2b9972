"""JobWorker: progress, result, failure as a message, cancel by closing the generator (rolls back)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import time

from app.core.progress import Job, Progress
from app.core.store import Store
from app.core.types import NewDocument
from app.ui.worker import JobWorker


def _counting(store: Store) -> Job[int]:
    n = store.count_documents()
    for i in range(5):
        yield Progress(i, 5, f"step {i}")
    return n + 100


def test_worker_reports_progress_and_result(qtbot, store) -> None:
    store.add_documents([NewDocument(text="a"), NewDocument(text="b")])
    worker = JobWorker(store.path, _counting)
    seen: list[tuple[int, int, str]] = []
    worker.progress.connect(lambda d, t, m: seen.append((d, t, m)))
    with qtbot.waitSignal(worker.succeeded, timeout=5000) as blocker:
        worker.start()
    assert blocker.args == [102]
    worker.wait(2000)
    qtbot.waitUntil(lambda: len(seen) == 5)
    assert seen[-1] == (4, 5, "step 4")


def test_worker_failure_is_a_message(qtbot, store) -> None:
    def broken(_store: Store) -> Job[None]:
        yield Progress(0, None)
        raise ValueError("line 3: not valid JSON")

    worker = JobWorker(store.path, broken)
    with qtbot.waitSignal(worker.failed, timeout=5000) as blocker:
        worker.start()
    worker.wait(2000)
    assert blocker.args == ["line 3: not valid JSON"]


def test_cancel_closes_the_generator_and_rolls_back(qtbot, store) -> None:
    closed = []

    def endless(s: Store) -> Job[None]:
        try:
            with s.transaction():
                i = 0
                while True:
                    s.add_documents([NewDocument(text=f"doc {i}")])
                    i += 1
                    time.sleep(0.005)
                    yield Progress(i, None, "adding")
        finally:
            closed.append(True)

    worker = JobWorker(store.path, endless)
    with qtbot.waitSignal(worker.progress, timeout=5000):
        worker.start()
    with qtbot.waitSignal(worker.cancelled, timeout=5000):
        worker.cancel()
    worker.wait(2000)
    assert closed == [True] and worker.was_cancelled
    assert store.count_documents() == 0
