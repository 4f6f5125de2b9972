"""Shared helpers for the benchmark scripts: synthetic corpora (cached), timing and memory figures."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
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
