"""Build a temporary project from a real article, tag a few spans, and save docs/screenshot.png.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshot.py [--dark] [--out docs/screenshot.png]
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

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtGui import QColor, QPalette  # noqa: E402

from app.core.store import Store  # noqa: E402
from app.core.types import NewDocument, NewSpan, Status  # noqa: E402

ARTICLE = ROOT.parent / "shared" / "corpus" / "003_b9d0999b9ae2d6e1.txt"
ACTORS = ["Zelensky", "Ukraine", "Serhiy Grabsky", "Trump"]
FIGURES = ["roughly 300 square miles", "almost 60,000 troops", "some 12,000 North Korean troops"]
CLAIM = "Russia had to pull almost 60,000 troops off the Ukrainian front to deal with it."


def dark_palette() -> QPalette:
    pal = QPalette()
    for role, colour in ((QPalette.ColorRole.Window, "#2b2b2e"), (QPalette.ColorRole.Base, "#1e1e20"),
                         (QPalette.ColorRole.AlternateBase, "#26262a"), (QPalette.ColorRole.Text, "#e6e6e6"),
                         (QPalette.ColorRole.WindowText, "#e6e6e6"), (QPalette.ColorRole.Button, "#3a3a3e"),
                         (QPalette.ColorRole.ButtonText, "#e6e6e6"), (QPalette.ColorRole.Highlight, "#3d7bd9"),
                         (QPalette.ColorRole.Mid, "#8a8a8a"), (QPalette.ColorRole.Midlight, "#444448")):
        pal.setColor(role, QColor(colour))
    return pal


def build_project(folder: Path) -> Path:
    path = folder / "demo.marginalia"
    text = ARTICLE.read_text(encoding="utf-8")
    title = text.strip().splitlines()[0].strip()
    others = sorted(ARTICLE.parent.glob("*.txt"))
    with Store(path) as store:
        docs = [NewDocument(text=p.read_text(encoding="utf-8"), title=p.read_text(encoding="utf-8").strip()
                            .splitlines()[0].strip(), source="corpus") for p in others if p != ARTICLE]
        store.add_documents(docs[:2])
        (doc_id,) = store.add_documents([NewDocument(text=text, title=title, source="The Hill")])
        store.add_documents(docs[2:])
        spans = []
        for needle in ACTORS:
            start = text.find(needle, text.find("\n"))  # skip the headline
            spans.append(NewSpan(start, start + len(needle), "ACTOR", annotator="demo"))
        for needle in FIGURES:
            start = text.index(needle)
            spans.append(NewSpan(start, start + len(needle), "FIGURE", annotator="demo"))
        c = text.index(CLAIM)
        spans.append(NewSpan(c, c + len(CLAIM), "CLAIM", annotator="demo"))
        k = text.index("Kursk", text.index("Kursk") + 10)
        spans.append(NewSpan(k, k + 5, "ACTOR", origin="model", state="pending", score=0.62, model="demo"))
        added = store.add_spans(doc_id, spans)
        claim = next(s for s in added if s.label == "CLAIM")
        actor = next(s for s in added if s.label == "ACTOR" and text[s.start:s.end] == "Zelensky")
        store.add_relation(claim.id, actor.id, "SOURCE")
        store.set_status(doc_id, Status.IN_PROGRESS)
        store.set_status(1, Status.DONE)
    return path


def offscreen_window(tmp: Path, dark: bool):  # type: ignore[no-untyped-def]
    """The application and a 1400x900 main window with throw-away settings, Fusion style, annotator "demo"."""
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp / "settings"))
    from app.ui import settings
    from app.ui.main import application
    from app.ui.window import MainWindow

    app = application()
    app.setStyle("Fusion")
    if dark:
        app.setPalette(dark_palette())
    settings.set_annotator_name("demo")
    window = MainWindow()
    window.resize(1400, 900)
    return app, window


def save_grab(window, out: Path) -> None:  # type: ignore[no-untyped-def]
    """Save what `window` shows as a PNG at `out`, then close it."""
    out.parent.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(out))
    print(f"saved {out}")
    window.close()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshot.png")
    parser.add_argument("--dark", action="store_true")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="marginalia-shot-"))
    app, window = offscreen_window(tmp, args.dark)
    project = build_project(tmp)
    window.open_project(project)
    wb = window.workbench
    assert wb is not None
    wb.controller.open_document(3)
    claim = next(s for s in wb.controller.spans if s.label == "CLAIM")
    actor = next(s for s in wb.controller.spans if wb.controller.doc.text[s.start:s.end] == "Zelensky")
    wb.controller.select_span(actor.id)
    wb.setSizes([330, 720, 350])
    window.show()
    wb.view.scroll_to_cp(claim.start - 900)
    wb.view.verticalScrollBar().setValue(0)
    for _ in range(5):
        app.processEvents()
    window.statusBar().showMessage("Linked: Zelensky → 'Russia had to pull almost 60,000 troops off…'")
    app.processEvents()
    save_grab(window, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
