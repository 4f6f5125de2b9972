"""Shared helpers for the benchmark scripts: synthetic corpora (cached), timing and memory figures, Qt set-up."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parents[1]
ROOT = REPO
sys.path.insert(0, str(REPO))
SYNTH = REPO.parent / "shared" / "tools" / "synth_corpus.py"
CACHE = Path(os.environ.get("MARGINALIA_BENCH_DIR", REPO / "bench-out"))


def synth_jsonl(n: int, seed: int = 7) -> Path:
    """`n` synthetic articles as JSONL, made once by ../shared/tools/synth_corpus.py and cached."""
    CACHE.mkdir(parents=True, exist_ok=True)
    out = CACHE / f"synth-{n}-{seed}.jsonl"
    if not out.exists():
        subprocess.run([sys.executable, str(SYNTH), str(n), str(out), "--seed", str(seed)], check=True)
    return out


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def current_rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


class Clock:
    def __init__(self) -> None:
        self.seconds = 0.0

    @contextmanager
    def running(self):
        start = time.perf_counter()
        try:
            yield
        finally:
            self.seconds += time.perf_counter() - start


def report(name: str, ours: float, baseline: float, unit: str, baseline_name: str, target: float) -> bool:
    """Print a figure and its ratio to the baseline (higher is better: throughput ratio)."""
    ratio = ours / baseline if baseline else float("inf")
    verdict = "OK" if ratio >= target else "BELOW TARGET"
    print(f"{name}: {ours:,.0f} {unit} vs {baseline_name} {baseline:,.0f} {unit} "
          f"-> ratio {ratio:.2f}x (target >= {target}x) {verdict}")
    return ratio >= target


def cached_synth(name: str, *args: str) -> Path:
    """Run synth_corpus.py once with `args` (N first) and keep its output in the cache folder."""
    CACHE.mkdir(parents=True, exist_ok=True)
    out = CACHE / name
    if not out.exists():
        subprocess.run([sys.executable, str(SYNTH), *args[:1], str(out), *args[1:]], check=True)
    return out


def isolated_settings() -> None:
    """Point QSettings at a throw-away folder so a benchmark never touches the user's settings."""
    from PySide6.QtCore import QSettings

    folder = tempfile.mkdtemp(prefix="marginalia-bench-settings-")
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, folder)


def median_ms(samples: list[float]) -> float:
    s = sorted(samples)
    return 1000 * s[len(s) // 2]


def rss_mb() -> float:
    return current_rss_mb()


def clock() -> float:
    return time.perf_counter()


def open_window(path: Path, width: int = 1400, height: int = 900):  # type: ignore[no-untyped-def]
    """The application and a shown main window on project `path`, annotator "bench" (settings isolated first)."""
    from app.ui import settings
    from app.ui.main import application
    from app.ui.window import MainWindow

    app = application()
    settings.set_annotator_name("bench")
    window = MainWindow()
    window.resize(width, height)
    window.open_project(path)
    window.show()
    return app, window
