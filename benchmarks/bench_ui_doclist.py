"""The document list over a 100,000-article project: open time, lazy scrolling, memory.

    .venv/bin/python benchmarks/bench_ui_doclist.py [--docs 100000]

The project is built once (synthetic articles from the real corpus sentences, inserted with
store.add_documents in batches) and cached in bench-out/. Baseline in the same run: a bare QListView over a
QStringListModel holding all the titles. Targets: open < 300 ms, RSS < 400 MB.
"""

from __future__ import annotations

import argparse
import random
import re
import sqlite3
from pathlib import Path

from _common import CACHE, ROOT, clock, isolated_settings, rss_mb

from app.core.store import Store
from app.core.types import NewDocument, NewSpan, Status

CORPUS = ROOT.parent / "shared" / "corpus"


def build(path: Path, n: int) -> None:
    sentences = [s.strip() for p in sorted(CORPUS.glob("*.txt"))
                 for s in re.split(r"(?<=[.!?])\s+", p.read_text(encoding="utf-8")) if len(s.split()) > 5]
    rng = random.Random(11)
    tmp = path.with_suffix(".part")
    tmp.unlink(missing_ok=True)
    with Store(tmp) as store:
        for start in range(0, n, 5000):
            batch = []
            for i in range(start, min(n, start + 5000)):
                text = f"[{i}] " + " ".join(rng.sample(sentences, rng.randint(3, 8)))
                batch.append(NewDocument(text=text, title=f"{i:06d} " + " ".join(text.split()[1:9]), source="synth"))
            store.add_documents(batch)
            print(f"\rbuilding {min(n, start + 5000):,}/{n:,}", end="", flush=True)
        for doc_id in range(1, min(n, 2000), 7):
            store.add_span(doc_id, NewSpan(4, 10, "ACTOR"))
            store.set_status(doc_id, Status.DONE)
    print()
    tmp.rename(path)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=100_000)
    args = parser.parse_args()
    CACHE.mkdir(exist_ok=True)
    path = CACHE / f"doclist-{args.docs}.marginalia"
    if not path.exists():
        build(path, args.docs)
    isolated_settings()
    from PySide6.QtCore import QStringListModel
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QListView

    from app.ui.main import application
    from app.ui.window import MainWindow

    app = application()
    rss0 = rss_mb()

    # baseline: every title in a QStringListModel behind a bare QListView
    with sqlite3.connect(path) as conn:
        titles = [row[0] for row in conn.execute("SELECT title FROM documents ORDER BY id")]
    t = clock()
    base_model = QStringListModel(titles)
    base_view = QListView()
    base_view.setUniformItemSizes(True)
    base_view.setModel(base_model)
    base_view.resize(320, 800)
    base_view.show()
    base_view.viewport().repaint()
    base_ms = 1000 * (clock() - t)
    base_view.close()
    del titles

    window = MainWindow()
    window.resize(1400, 900)
    window.show()
    QTest.qWaitForWindowExposed(window)
    t = clock()
    window.open_project(path)
    wb = window.workbench
    assert wb is not None
    view = wb.documents.view
    view.viewport().repaint()
    wb.view.viewport().repaint()
    open_ms = 1000 * (clock() - t)
    model = wb.doc_model
    print(f"project: {model.total:,} documents")
    print(f"window open_project -> list + article painted: {open_ms:.1f} ms (target < 300 ms); baseline bare "
          f"QListView+QStringListModel of all titles: {base_ms:.1f} ms; ratio {open_ms / base_ms:.2f}x")
    print(f"rows loaded after open: {model.rowCount():,}")

    pages = []
    for _ in range(25):
        before = model.rowCount()
        t = clock()
        view.scrollToBottom()
        app.processEvents()
        view.viewport().repaint()
        if model.rowCount() > before:
            pages.append(1000 * (clock() - t))
    pages.sort()
    print(f"scroll to bottom x25: {model.rowCount():,} rows loaded lazily ({len(pages)} page fetches), "
          f"median {pages[len(pages) // 2]:.1f} ms / max {pages[-1]:.1f} ms per page")

    t = clock()
    wb.documents.search.setText("Zelensky troops")
    wb.documents.apply_filters()
    view.viewport().repaint()
    print(f"full-text search 'Zelensky troops': {model.total:,} hits, {1000 * (clock() - t):.1f} ms")
    t = clock()
    wb.documents.search.setText("")
    wb.documents.status.setCurrentIndex(wb.documents.status.findData(Status.DONE))
    view.viewport().repaint()
    print(f"status filter 'done': {model.total:,} rows, {1000 * (clock() - t):.1f} ms")
    rss = rss_mb()
    print(f"RSS: {rss:.0f} MB (target < 400 MB; {rss0:.0f} MB before opening anything)")
    window.close()


if __name__ == "__main__":
    main()
