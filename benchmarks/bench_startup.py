"""Time to the first shown window: `python -m app --db X` (and the bundle, if built) under QT_QPA_PLATFORM=offscreen.

Each run is a fresh process started with MARGINALIA_EXIT_AFTER_SHOW=1: the app prints a line on the first event-loop
turn after `window.show()` and quits. The figure is the wall time from spawning the process to reading that line
(so it includes the interpreter's start), the median of --runs runs.

Baseline, measured in the same run the same way: a bare `python -c` that creates a QApplication, shows a QLabel and
prints on the first event-loop turn. Target: the window within 1 s; spaCy is not imported before it.

    .venv/bin/python benchmarks/bench_startup.py [--runs 7] [--bundle dist/marginalia/marginalia]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from _common import REPO

TARGET_MS = 1000.0
TIMEOUT_S = 30.0
BARE = (
    "import sys\n"
    "from PySide6.QtCore import QTimer\n"
    "from PySide6.QtWidgets import QApplication, QLabel\n"
    "app = QApplication(sys.argv)\n"
    "label = QLabel('Marginalia')\n"
    "label.show()\n"
    "QTimer.singleShot(0, lambda: (print('shown', flush=True), app.quit()))\n"
    "app.exec()\n"
)


def time_to_line(cmd: list[str], env: dict[str, str], marker: str = "shown") -> tuple[float, str]:
    """Milliseconds from spawn to the first stdout line starting with `marker`; the process is then reaped."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env, cwd=REPO)
    assert proc.stdout is not None
    # a build without MARGINALIA_EXIT_AFTER_SHOW would never quit: give up after TIMEOUT_S
    watchdog = threading.Timer(TIMEOUT_S, proc.kill)
    watchdog.start()
    line = ""
    try:
        for line in proc.stdout:
            if line.startswith(marker):
                break
    finally:
        watchdog.cancel()
    elapsed = (time.perf_counter() - start) * 1000
    proc.stdout.close()
    try:
        proc.wait(timeout=60)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    if not line.startswith(marker):
        raise RuntimeError(f"{cmd[0]} exited (code {proc.returncode}) without printing {marker!r}")
    return elapsed, line.strip()


def project(folder: Path) -> Path:
    """A small project with the demo articles (what a first start opens), made once per benchmark run."""
    sys.path.insert(0, str(REPO))
    from app.core.demo import create_demo_project

    return create_demo_project(folder / "bench.marginalia")


def measure(name: str, cmd: list[str], env: dict[str, str], runs: int) -> float:
    times, last = [], ""
    time_to_line(cmd, env)  # warm the page cache
    for _ in range(runs):
        ms, last = time_to_line(cmd, env)
        times.append(ms)
    median = statistics.median(times)
    print(f"{name}: median {median:.0f} ms (min {min(times):.0f}, max {max(times):.0f}; {runs} runs) | {last}")
    return median


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--bundle", type=Path, default=REPO / "dist" / "marginalia" / "marginalia",
                        help="the bundle's executable (measured when it exists)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="marginalia-bench-startup-") as tmp:
        folder = Path(tmp)
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "MARGINALIA_EXIT_AFTER_SHOW": "1",
               "MARGINALIA_DATA_DIR": str(folder / "data"), "XDG_CONFIG_HOME": str(folder / "config")}
        db = project(folder)
        bare = measure("baseline: bare QApplication + QLabel", [sys.executable, "-c", BARE], env, args.runs)
        source = measure("from source: python -m app --db X", [sys.executable, "-m", "app", "--db", str(db)], env,
                         args.runs)
        results = {"from source": source}
        if args.bundle.exists():
            results["bundle"] = measure(f"bundle: {args.bundle} --db X", [str(args.bundle), "--db", str(db)], env,
                                        args.runs)
        else:
            print(f"bundle: not built ({args.bundle} missing; ./build makes it)")
    ok = True
    for name, ms in results.items():
        verdict = "OK" if ms < TARGET_MS else "OVER TARGET"
        print(f"{name}: {ms:.0f} ms to the shown window; {ms / bare:.2f}x the bare Qt window ({bare:.0f} ms); "
              f"target < {TARGET_MS:.0f} ms {verdict}")
        ok = ok and ms < TARGET_MS
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
