"""Export throughput: a project of N synthetic articles (default 100,000) with spans, exported per format.

Baselines, measured in the same run on the same data:
- "raw orjson dump": `orjson.dumps` + write of the very dicts the export wrote (read back from its output, so
  only the dumping is timed);
- for `prodigy`, whose lines carry spaCy tokens, also "raw tokenize + dump": spaCy's tokenizer over the same
  texts plus that dump (the irreducible work of the format);
- for `doccano`, also "raw SELECT + dump": a hand-written minimal export (two plain sqlite3 queries, dicts
  built inline, orjson) — what reading the same data off disk costs at the least.
Target: export >= 0.5x the raw dump.
"""

from __future__ import annotations

import argparse
import re
import sqlite3
import tempfile
import time
from pathlib import Path

import orjson
from _common import Clock, current_rss_mb, report, synth_jsonl

from app.core.exporters import export, tokenizer
from app.core.importers import import_paths
from app.core.progress import run_to_end
from app.core.store import Store, now

FIGURE = re.compile(r"\d[\d,]*(?: [a-z]+)?")


def build_project(db: Path, n: int) -> int:
    """Import the synthetic articles and tag every number (with the next word) as a FIGURE."""
    with Store(db) as store:
        run_to_end(import_paths(store, [synth_jsonl(n)]))
        stamp, rows = now(), []
        with store.transaction() as conn:
            for doc in store.iter_documents():
                rows.extend((doc.id, m.start(), m.end(), "FIGURE", "manual", "accepted", "{}", stamp, stamp)
                            for m in FIGURE.finditer(doc.text))
                if len(rows) > 50_000:
                    conn.executemany('INSERT INTO spans(doc_id, start, "end", label, origin, state, attributes, '
                                     "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
                    rows = []
            conn.executemany('INSERT INTO spans(doc_id, start, "end", label, origin, state, attributes, '
                             "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
        return store.conn.execute("SELECT count(*) FROM spans").fetchone()[0]


def raw_dump(exported: Path, out: Path, tokenize: bool) -> float:
    clock = Clock()
    tok = tokenizer()
    with exported.open("rb") as lines, out.open("wb") as sink:
        while True:
            chunk = [orjson.loads(line) for _, line in zip(range(500), lines, strict=False)]
            if not chunk:
                return clock.seconds
            with clock.running():
                if tokenize:
                    for _doc in tok.pipe(d["text"] for d in chunk):
                        pass
                sink.write(b"".join(orjson.dumps(d) + b"\n" for d in chunk))


def raw_select_dump(db: Path, out: Path) -> float:
    start = time.perf_counter()
    conn = sqlite3.connect(db)
    spans: dict[int, list] = {}
    for doc_id, s, e, label in conn.execute('SELECT doc_id, start, "end", label FROM spans WHERE state = \'accepted\''):
        spans.setdefault(doc_id, []).append([s, e, label])
    with out.open("wb") as sink:
        for doc_id, text, title in conn.execute("SELECT id, text, title FROM documents ORDER BY id"):
            sink.write(orjson.dumps({"text": text, "label": spans.get(doc_id, []), "title": title}) + b"\n")
    conn.close()
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--formats", default="doccano,csv,prodigy")
    args = parser.parse_args()
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "p.marginalia"
        spans = build_project(db, args.n)
        print(f"project: {args.n:,} articles, {spans:,} spans")
        for fmt in args.formats.split(","):
            out = Path(tmp) / f"out.{fmt}"
            rss = current_rss_mb()
            with Store(db) as store:
                start = time.perf_counter()
                job = export(store, fmt, out)
                while True:
                    try:
                        next(job)
                        rss = max(rss, current_rss_mb())
                    except StopIteration:
                        break
                seconds = time.perf_counter() - start
            print(f"{fmt}: {out.stat().st_size / 1e6:,.0f} MB in {seconds:.1f} s, RSS {rss:.0f} MB")
            if fmt == "csv":
                continue  # CSV rows are not dicts: no orjson baseline; the figure above is the measurement
            raw = raw_dump(out, Path(tmp) / "raw.jsonl", tokenize=False)
            ok &= report(f"export {fmt}", args.n / seconds, args.n / raw, "articles/s", "raw orjson dump", 0.5)
            if fmt == "doccano":
                raw_sel = raw_select_dump(db, Path(tmp) / "raw.jsonl")
                report(f"export {fmt}", args.n / seconds, args.n / raw_sel, "articles/s", "raw SELECT + orjson dump",
                       0.5)
            if fmt == "prodigy":
                raw_tok = raw_dump(out, Path(tmp) / "raw.jsonl", tokenize=True)
                report(f"export {fmt}", args.n / seconds, args.n / raw_tok, "articles/s",
                       "raw spaCy tokenize + orjson dump", 0.5)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
