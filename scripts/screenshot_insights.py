"""Save docs/ledger.png (the window with the figure ledger open on a figure) and docs/charts.png (the statistics
panel), from the five corpus articles tagged as the tests tag them (tests/figures_support.py).

For the charts to show something, the demo project also gets a few spans with other origins (as if accepted
from the suggester, edited, or matched by a pattern) and documents marked done on different days.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshot_insights.py [--dark] [--out-dir docs]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from PySide6.QtCore import Qt  # noqa: E402
from screenshot import offscreen_window  # noqa: E402

from app.core.figures import assign_quantity  # noqa: E402
from app.core.store import Store  # noqa: E402
from app.core.types import Origin, Status  # noqa: E402
from tests.figures_support import AREA_FIGURES, AREA_HELD, tag_corpus  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
DAYS = ("2025-01-13", "2025-01-14", "2025-01-14", "2025-01-16")


def build_project(folder: Path) -> tuple[Path, int]:
    path = folder / "kursk.marginalia"
    tagged = tag_corpus(path, sorted(CORPUS.glob("*.txt")))
    store = tagged.store
    assign_quantity(store, [tagged.figures[t] for t in AREA_FIGURES], AREA_HELD)
    spans = sorted((s for doc_id in set(tagged.docs.values()) for s in store.spans_for(doc_id)), key=lambda s: s.id)
    actors = [s for s in spans if s.label == "ACTOR"]
    for span, origin in zip(actors, (Origin.MODEL,) * 5 + (Origin.MODEL_EDITED,) * 2 + (Origin.PATTERN,) * 2,
                            strict=False):
        store.update_span(span.id, origin=origin)
    figures = [s for s in spans if s.label == "FIGURE"]
    for span, origin in zip(figures, (Origin.PATTERN,) * 6 + (Origin.MODEL,) * 3 + (Origin.IMPORTED,) * 2,
                            strict=False):
        store.update_span(span.id, origin=origin)
    docs = sorted(set(tagged.docs.values()))
    for doc_id in docs[:4]:
        store.set_status(doc_id, Status.DONE)
    with store.transaction() as conn:  # spread the "done" marks over a few days, as real work would be
        rows = conn.execute("SELECT id FROM status_history WHERE new_status = 'done' ORDER BY id").fetchall()
        for (row_id,), day in zip(rows, DAYS, strict=False):
            conn.execute("UPDATE status_history SET changed_at = ? WHERE id = ?", (f"{day}T10:00:00Z", row_id))
    focus = tagged.figures["roughly 300 square miles"]
    store.close()
    return path, focus


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out-dir", type=Path, default=ROOT / "docs")
    parser.add_argument("--dark", action="store_true")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="marginalia-insights-"))
    app, window = offscreen_window(tmp, args.dark)
    project, focus = build_project(tmp)
    window.open_project(project)
    window.show()
    ins = window.insights
    ins.toggle("ledger")
    window.resizeDocks([ins.docks["ledger"]], [400], Qt.Orientation.Vertical)
    ledger = ins.ledger
    assert ledger is not None
    with Store(project) as store:
        span = store.get_span(focus)
    ins.open_figure(span.doc_id, focus)
    ledger.show_span(focus)
    for _ in range(10):
        app.processEvents()
    suffix = "-dark" if args.dark else ""
    args.out_dir.mkdir(parents=True, exist_ok=True)
    out = args.out_dir / f"ledger{suffix}.png"
    window.grab().save(str(out))
    print(f"saved {out}")
    dock = ins.docks["statistics"]
    ins.toggle("statistics")
    dock.setFloating(True)
    dock.resize(1300, 860)
    for _ in range(10):
        app.processEvents()
    out = args.out_dir / f"charts{suffix}.png"
    dock.widget().grab().save(str(out))
    print(f"saved {out}")
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
