"""Pre-annotate one of the articles written for the tests (tests/gold/articles/fresh_06.txt, a magazine feature
with an interview) with the real model and save the window showing the pending suggestions as
docs/suggestions.png.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshot_suggestions.py [--out docs/suggestions.png]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from screenshot import offscreen_window, save_grab  # noqa: E402

from app.core.progress import run_to_end  # noqa: E402
from app.core.store import Store  # noqa: E402
from app.core.suggest.batch import suggest_project  # noqa: E402
from app.core.suggest.engine import load_engine  # noqa: E402
from app.core.types import NewDocument  # noqa: E402

ARTICLE = ROOT / "tests" / "gold" / "articles" / "fresh_06.txt"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "suggestions.png")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="marginalia-shot-"))
    text = ARTICLE.read_bytes().decode("utf-8")
    project = tmp / "interview.marginalia"
    with Store(project) as store:
        store.add_documents([NewDocument(text, title="The arithmetic of attrition")])
        run_to_end(suggest_project(store, load_engine()))
    app, window = offscreen_window(tmp, dark=False)
    window.open_project(project)
    wb = window.workbench
    assert wb is not None
    wb.controller.open_document(1)
    wb.setSizes([280, 770, 350])
    window.show()
    wb.view.scroll_to_cp(text.index("The Ministry of Strategic"))
    for _ in range(5):
        app.processEvents()
    save_grab(window, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
