"""Open a 20,000-word article carrying 2,000 spans: time to painted, and hotkey -> span painted.

    .venv/bin/python benchmarks/bench_ui_open.py

Baselines measured in the same run: a bare QPlainTextEdit.setPlainText of the same text + paint (for opening),
and the bare store.add_span commit (for the hotkey). Targets: open < 150 ms, hotkey < 30 ms.
"""

from __future__ import annotations

import random
import re
import tempfile
from pathlib import Path

from _common import cached_synth, clock, isolated_settings, median_ms, open_window

from app.core.store import Store
from app.core.types import NewDocument, NewSpan

N_SPANS = 2000


def build(path: Path, text: str) -> int:
    rng = random.Random(7)
    words = [m.span() for m in re.finditer(r"\w+", text)]
    sentences = [m.span() for m in re.finditer(r"[^.!?\n]+[.!?]", text)]
    spans: dict[tuple[int, int, str], NewSpan] = {}
    for a, b in rng.sample(sentences, 350):  # claims, each with an actor and a figure inside
        spans[(a, b, "CLAIM")] = NewSpan(a, b, "CLAIM")
    while len(spans) < N_SPANS:
        i = rng.randrange(len(words) - 3)
        label = rng.choice(["ACTOR", "FIGURE"])
        a, b = words[i][0], words[i + rng.randint(0, 2)][1]
        spans[(a, b, label)] = NewSpan(a, b, label)
    with Store(path) as store:
        (doc_id,) = store.add_documents([NewDocument(text=text, title="long article")])
        store.add_documents([NewDocument(text="A short warm-up article about NATO.", title="short")])
        store.add_spans(doc_id, list(spans.values()))
    return doc_id


def main() -> None:
    isolated_settings()
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QPlainTextEdit

    text = cached_synth("long.txt", "1", "--words", "20000").read_text(encoding="utf-8")
    path = Path(tempfile.mkdtemp(prefix="marginalia-bench-")) / "open.marginalia"
    doc_id = build(path, text)
    app, window = open_window(path)
    QTest.qWaitForWindowExposed(window)
    wb = window.workbench
    assert wb is not None
    view, c = wb.view, wb.controller

    # baseline: a bare QPlainTextEdit of the same size
    bare = QPlainTextEdit()
    bare.resize(view.size())
    bare.show()
    base, ours = [], []
    for _ in range(7):
        bare.setPlainText("")
        app.processEvents()
        t = clock()
        bare.setPlainText(text)
        bare.viewport().repaint()
        base.append(clock() - t)
        c.open_document(doc_id + 1)
        app.processEvents()
        t = clock()
        c.open_document(doc_id)
        view.viewport().repaint()
        ours.append(clock() - t)
        app.processEvents()
    n = len(c.spans)
    bare.close()
    window.activateWindow()  # shortcuts only reach the active window
    QTest.qWaitForWindowActive(window)
    print(f"article: {len(text.split()):,} words, {len(text):,} chars, {n:,} spans")
    print(f"open -> painted: {median_ms(ours):.1f} ms (target < 150 ms); baseline bare QPlainTextEdit."
          f"setPlainText+paint: {median_ms(base):.1f} ms; ratio {median_ms(ours) / median_ms(base):.1f}x")

    # hotkey -> span painted, against the bare store.add_span commit
    words = [m.span() for m in re.finditer(r"\b[a-z]{5,}\b", text)]
    rng = random.Random(3)
    taken = {(sp.start, sp.end) for sp in c.spans}
    picks = rng.sample([w for w in words if w not in taken], 40)
    hot, commit = [], []
    msgs: list[str] = []
    c.message.connect(msgs.append)
    for k, (a, b) in enumerate(picks):
        if k % 2:
            t = clock()
            wb.store.add_span(doc_id, NewSpan(a, b, "FIGURE"))
            commit.append(clock() - t)
            app.processEvents()
            continue
        view.select_cp(a, b)
        view.scroll_to_cp(a)
        view.setFocus()
        app.processEvents()
        t = clock()
        QTest.keyClick(view, "1")
        view.viewport().repaint()
        hot.append(clock() - t)
        app.processEvents()
    added = len(c.spans) - n - len(commit)
    assert added == len(hot), f"hotkey made {added} spans, expected {len(hot)}: {msgs[:3]}"
    print(f"hotkey -> span painted: {median_ms(hot):.1f} ms (target < 30 ms); baseline store.add_span commit "
          f"alone: {median_ms(commit):.1f} ms; ratio {median_ms(hot) / median_ms(commit):.1f}x")
    window.close()


if __name__ == "__main__":
    main()
