"""Does the window stay responsive while the spaCy model loads and pre-annotates a project?

    .venv/bin/python benchmarks/bench_ui_responsive.py [N=200] [--in-process] [--idle SECONDS]

Opens the window (offscreen) on a project of N synthetic articles (/work/shared/tools/synth_corpus.py), then
triggers Suggestions ▸ Suggest all documents — the real UI path: the model loads in the background, then the
batch runs with its progress dialog. A 5 ms QTimer heartbeat on the GUI thread records every event-loop gap.
Baseline, same run: the same heartbeat with the window idle. Target: no gap > 50 ms.

`--in-process` loads and runs the model on the worker *thread* instead of the child process
(MARGINALIA_MODEL_IN_PROCESS=1), to show what the child process buys.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from itertools import pairwise
from pathlib import Path

import orjson
from _common import isolated_settings, open_window, synth_jsonl

STALL_S = 0.050


class Heartbeat:
    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.beats: list[float] = []
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(lambda: self.beats.append(time.perf_counter()))

    def gaps(self, start: float, end: float) -> list[float]:
        inside = [t for t in self.beats if start <= t <= end]
        return [b - a for a, b in pairwise(inside)]


def describe(name: str, gaps: list[float], seconds: float) -> tuple[float, int]:
    worst = max(gaps) if gaps else 0.0
    stalls = sum(1 for g in gaps if g > STALL_S)
    p99 = sorted(gaps)[int(0.99 * (len(gaps) - 1))] if gaps else 0.0
    print(f"  {name:<22} {seconds:6.2f} s  {len(gaps):6,} beats  max gap {1000 * worst:6.1f} ms  "
          f"p99 {1000 * p99:5.1f} ms  gaps > 50 ms: {stalls}")
    return worst, stalls


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("n", type=int, nargs="?", default=200)
    ap.add_argument("--in-process", action="store_true", help="run the model on a worker thread, not a process")
    ap.add_argument("--idle", type=float, default=3.0, help="seconds of idle baseline")
    ap.add_argument("--verbose", action="store_true", help="list the five largest gaps")
    a = ap.parse_args()
    if a.in_process:
        os.environ["MARGINALIA_MODEL_IN_PROCESS"] = "1"
    isolated_settings()
    from PySide6.QtWidgets import QApplication

    from app.core.store import Store
    from app.core.types import NewDocument

    lines = synth_jsonl(2000).read_bytes().splitlines()[: a.n]  # the cached 2,000 (same texts as bench_suggest)
    texts = [orjson.loads(line)["text"] for line in lines if line.strip()]
    path = Path(tempfile.mkdtemp(prefix="marginalia-bench-")) / "responsive.marginalia"
    with Store(path) as store:
        store.add_documents([NewDocument(text=t, title=f"Synthetic {i + 1}") for i, t in enumerate(texts)])
    app, window = open_window(path)
    heart = Heartbeat()
    marks: dict[str, float] = {}

    def pump_until(done, limit: float) -> None:  # type: ignore[no-untyped-def]
        deadline = time.perf_counter() + limit
        while not done() and time.perf_counter() < deadline:
            app.processEvents()
            time.sleep(0.001)

    pump_until(lambda: False, 0.5)  # first paint, figure warm-up start, settle
    pump_until(lambda: window.insights is None or _warm(), 30)
    heart.timer.start()
    marks["idle"] = time.perf_counter()
    pump_until(lambda: False, a.idle)
    s = window.suggestions
    s.stateChanged.connect(lambda state, *_: marks.setdefault(state, time.perf_counter()))
    s.finished.connect(lambda report: marks.update(finished=time.perf_counter(), report=report))  # type: ignore[arg-type]
    marks["start"] = time.perf_counter()
    window.keymap["suggest.all"].trigger()
    pump_until(lambda: "finished" in marks or s.state == "failed", 1800)
    end = time.perf_counter()
    pump_until(lambda: False, 0.3)
    heart.timer.stop()
    if "finished" not in marks:
        print(f"suggestions did not finish: model state {s.state} {s.detail}")
        return 1
    report = marks["report"]
    ready = marks.get("ready", marks["start"])
    mode = "worker thread (in-process)" if a.in_process else "child process (default)"
    print(f"UI responsiveness while suggesting {len(texts)} synthetic articles; model on a {mode}")
    idle_max, _ = describe("idle (baseline)", heart.gaps(marks["idle"], marks["start"]), marks["start"] - marks["idle"])
    describe("model loading", heart.gaps(marks["start"], ready), ready - marks["start"])
    describe("batch suggestion", heart.gaps(ready, end), end - ready)
    all_max, all_stalls = describe("load + batch", heart.gaps(marks["start"], end), end - marks["start"])
    print(f"  batch: {report.documents} documents, {report.spans_added:,} suggestions stored, "
          f"{report.documents / max(end - ready, 1e-9):.1f} documents/s")
    if a.verbose:
        inside = [t for t in heart.beats if marks["start"] <= t <= end]
        worst = sorted(pairwise(inside), key=lambda ab: ab[0] - ab[1])[:5]
        for t0, t1 in worst:
            print(f"    gap {1000 * (t1 - t0):5.1f} ms at {t0 - marks['start']:6.2f} s after the trigger "
                  f"({end - t1:5.2f} s before the end)")
    ok = all_stalls == 0
    print(f"max event-loop gap {1000 * all_max:.1f} ms vs idle baseline {1000 * idle_max:.1f} ms "
          f"-> ratio {all_max / idle_max:.1f}x; gaps > 50 ms: {all_stalls} (target 0) {'OK' if ok else 'ABOVE TARGET'}")
    window.close()
    QApplication.processEvents()
    return 0 if ok else 2


def _warm() -> bool:
    from app.ui import figure_warmup

    return figure_warmup.is_warm()


if __name__ == "__main__":
    raise SystemExit(main())
