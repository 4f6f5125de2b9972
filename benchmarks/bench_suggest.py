"""Batch suggestion throughput versus the raw pipeline, on the same synthetic texts in the same run.

    python benchmarks/bench_suggest.py [N=2000] [--model NAME_OR_PATH] [--round-docs 50]

Makes N synthetic articles with /work/shared/tools/synth_corpus.py, then times, round by round on slices of
`--round-docs` texts, (1) raw `nlp.pipe` over the slice with a freshly loaded pipeline and (2) `suggest_project`
on a project holding the same slice (the same pipeline plus rules plus writing pending spans to SQLite).
Target: ratio (2)/(1) in docs/s >= 0.9.

Why rounds: on a shared machine the speed of the same work drifts by ±10 % over minutes. Short rounds that
alternate which side goes first put both sides under the same conditions; the ratio of the totals is the figure,
and the median and quartiles of the per-round ratios show how steady it was. CPU time of this process is
reported too, as a check that is blind to other load on the machine.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import orjson

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.core.progress import run_to_end
from app.core.store import Store
from app.core.suggest.batch import suggest_project
from app.core.suggest.engine import load_engine
from app.core.suggest.pipeline import DEFAULT_PIPELINE, load_pipeline
from app.core.types import NewDocument
from benchmarks._common import synth_jsonl


def _timed(work: Callable[[], object]) -> tuple[float, float, object]:
    """Wall and CPU seconds of `work()`, and what it returned."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = work()
    return time.perf_counter() - wall, time.process_time() - cpu, result


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("n", type=int, nargs="?", default=2000)
    ap.add_argument("--model", default=DEFAULT_PIPELINE)
    ap.add_argument("--batch", type=int, default=64)
    ap.add_argument("--round-docs", type=int, default=50, help="texts per measurement round")
    a = ap.parse_args()
    texts = [orjson.loads(line)["text"] for line in synth_jsonl(a.n).read_bytes().splitlines() if line.strip()]
    raw = load_pipeline(a.model)  # the user's pipeline as loaded, without our additions
    engine = load_engine(a.model)
    raw_wall = raw_cpu = sugg_wall = sugg_cpu = 0.0
    ratios: list[float] = []
    n_docs = spans = relations = 0
    with tempfile.TemporaryDirectory() as tmp:
        for k, i in enumerate(range(0, len(texts), a.round_docs)):
            chunk = texts[i : i + a.round_docs]
            with Store(Path(tmp) / f"bench{k}.marginalia") as store:
                store.add_documents([NewDocument(t) for t in chunk])
                n_docs += store.count_documents()

                def run_raw(chunk: list[str] = chunk) -> tuple[float, float, object]:
                    return _timed(lambda: sum(1 for _ in raw.nlp.pipe(chunk, batch_size=a.batch)))

                def run_suggest(store: Store = store) -> tuple[float, float, object]:
                    return _timed(lambda: run_to_end(suggest_project(store, engine, batch_docs=a.batch)))

                if k % 2 == 0:
                    rw, rc, _ = run_raw()
                    sw, sc, report = run_suggest()
                else:
                    sw, sc, report = run_suggest()
                    rw, rc, _ = run_raw()
                raw_wall, raw_cpu, sugg_wall, sugg_cpu = raw_wall + rw, raw_cpu + rc, sugg_wall + sw, sugg_cpu + sc
                ratios.append(rw / sw)
                spans += report.spans_added  # type: ignore[attr-defined]
                relations += report.relations_added  # type: ignore[attr-defined]
    raw_rate, sugg_rate = len(texts) / raw_wall, n_docs / sugg_wall
    q1, median, q3 = statistics.quantiles(ratios, n=4) if len(ratios) > 1 else (ratios[0],) * 3
    print(f"texts: {len(texts)} ({sum(map(len, texts)) / 1e6:.1f} M chars), project documents: {n_docs}, "
          f"{len(ratios)} rounds of {a.round_docs}")
    print(f"raw nlp.pipe:    {raw_wall:7.1f} s  {raw_rate:7.2f} docs/s  (CPU {raw_cpu:.1f} s)")
    print(f"suggest_project: {sugg_wall:7.1f} s  {sugg_rate:7.2f} docs/s  (CPU {sugg_cpu:.1f} s; {spans} spans, "
          f"{relations} relations stored)")
    print(f"per-round ratio: median {median:.3f}, quartiles {q1:.3f}-{q3:.3f}; CPU-time ratio {raw_cpu / sugg_cpu:.3f}")
    print(f"ratio suggest/raw: {sugg_rate / raw_rate:.3f} (target >= 0.9)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
