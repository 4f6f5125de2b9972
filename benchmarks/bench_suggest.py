"""Batch suggestion throughput versus the raw pipeline, on the same synthetic texts in the same run.

    python benchmarks/bench_suggest.py [N=2000] [--model NAME_OR_PATH]

Makes N synthetic articles with /work/shared/tools/synth_corpus.py, imports them into a temporary project, then
times (1) raw `nlp.pipe` over the texts with a freshly loaded pipeline and (2) `suggest_project` (the same
pipeline plus rules plus writing pending spans to SQLite). Target: ratio (2)/(1) in docs/s >= 0.9.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import orjson

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.core.progress import run_to_end
from app.core.store import Store
from app.core.suggest.batch import suggest_project
from app.core.suggest.engine import load_engine
from app.core.suggest.pipeline import DEFAULT_PIPELINE, load_pipeline
from app.core.types import NewDocument

SYNTH = Path(__file__).resolve().parents[2] / "shared" / "tools" / "synth_corpus.py"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("n", type=int, nargs="?", default=2000)
    ap.add_argument("--model", default=DEFAULT_PIPELINE)
    ap.add_argument("--batch", type=int, default=64)
    ap.add_argument("--chunks", type=int, default=8, help="interleaved measurement rounds")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "synth.jsonl"
        subprocess.run([sys.executable, str(SYNTH), str(a.n), str(corpus)], check=True)
        texts = [orjson.loads(line)["text"] for line in corpus.read_bytes().splitlines() if line.strip()]
        raw = load_pipeline(a.model)  # the user's pipeline as loaded, without our additions
        engine = load_engine(a.model)
        # Interleave the two measurements chunk by chunk (alternating which goes first) so that other load on
        # the machine and warm-up effects fall on both alike.
        raw_s = sugg_s = 0.0
        n_docs = spans = relations = 0
        size = max(1, len(texts) // a.chunks)
        for k, i in enumerate(range(0, len(texts), size)):
            chunk = texts[i : i + size]
            with Store(Path(tmp) / f"bench{k}.marginalia") as store:
                store.add_documents([NewDocument(t) for t in chunk])
                n_docs += store.count_documents()

                def run_raw(chunk: list[str] = chunk) -> float:
                    t0 = time.perf_counter()
                    for _ in raw.nlp.pipe(chunk, batch_size=a.batch):
                        pass
                    return time.perf_counter() - t0

                def run_suggest(store: Store = store) -> tuple[float, object]:
                    t0 = time.perf_counter()
                    rep = run_to_end(suggest_project(store, engine, batch_docs=a.batch))
                    return time.perf_counter() - t0, rep

                if k % 2 == 0:
                    raw_s += run_raw()
                    dt, report = run_suggest()
                else:
                    dt, report = run_suggest()
                    raw_s += run_raw()
                sugg_s += dt
                spans += report.spans_added
                relations += report.relations_added
    raw_rate, sugg_rate = len(texts) / raw_s, n_docs / sugg_s
    print(f"texts: {len(texts)} ({sum(map(len, texts)) / 1e6:.1f} M chars), project documents: {n_docs}")
    print(f"raw nlp.pipe:    {raw_s:7.1f} s  {raw_rate:7.1f} docs/s")
    print(f"suggest_project: {sugg_s:7.1f} s  {sugg_rate:7.1f} docs/s  ({spans} spans, "
          f"{relations} relations stored)")
    print(f"ratio suggest/raw: {sugg_rate / raw_rate:.3f} (target >= 0.9)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
