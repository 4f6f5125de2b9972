"""Import throughput and memory: `python -m app import` of N synthetic articles (default 100,000).

Baseline, measured in the same run: a raw `sqlite3.executemany` of the same rows (already parsed and hashed,
so only the inserts are timed) into an identical fresh project (same schema, indexes and full-text triggers).
Targets: import >= 0.5x the baseline's rate; RSS stays under 300 MB while streaming.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import orjson
from _common import Clock, current_rss_mb, report, synth_jsonl

from app.core.importers import import_paths
from app.core.records import document_from
from app.core.store import Store, content_hash, dumps, now


def ours(source: Path, db: Path) -> tuple[float, float, int]:
    rss = current_rss_mb()
    with Store(db) as store:
        start = time.perf_counter()
        job = import_paths(store, [source])
        while True:
            try:
                next(job)
            except StopIteration as stop:
                result = stop.value
                break
            rss = max(rss, current_rss_mb())
        seconds = time.perf_counter() - start
    assert not result.rejected, result.summary()
    return seconds, rss, result.imported


def baseline(source: Path, db: Path) -> float:
    clock = Clock()
    with Store(db) as store, source.open("rb") as lines:
        conn = store.conn
        conn.execute("BEGIN IMMEDIATE")
        next_id, stamp = 1, now()
        while True:
            chunk = [orjson.loads(line) for _, line in zip(range(1000), lines, strict=False)]
            if not chunk:
                break
            rows = []
            for obj in chunk:
                doc = document_from(obj["text"], obj.get("meta", {}), None, "")
                rows.append((next_id, doc.title, doc.source, doc.url, doc.published, dumps(doc.meta),
                             content_hash(doc.text), "todo", len(doc.text), stamp, stamp, doc.text))
                next_id += 1
            with clock.running():
                conn.executemany(
                    "INSERT INTO documents(id, title, source, url, published, meta, content_hash, status, length, "
                    "created_at, updated_at, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
        with clock.running():
            conn.execute("COMMIT")
    return clock.seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=100_000)
    args = parser.parse_args()
    source = synth_jsonl(args.n)
    with tempfile.TemporaryDirectory() as tmp:
        seconds, rss, imported = ours(source, Path(tmp) / "ours.marginalia")
        raw = baseline(source, Path(tmp) / "raw.marginalia")
    print(f"imported {imported:,} articles ({source.stat().st_size / 1e6:,.0f} MB JSONL) in {seconds:.1f} s; "
          f"raw executemany {raw:.1f} s")
    ok = report("import", imported / seconds, args.n / raw, "articles/s", "raw executemany", 0.5)
    print(f"import peak RSS while streaming: {rss:.0f} MB (target < 300 MB) {'OK' if rss < 300 else 'OVER'}")
    return 0 if ok and rss < 300 else 1


if __name__ == "__main__":
    raise SystemExit(main())
