"""The ledger, actor index and statistics docks on the five corpus articles (tagged as in
tests/figures_support.py): grouping and conflict flags, opening a figure's article, CSV export, alias proposals,
rename/merge, charts with data, and the model contracts (qtmodeltester)."""

from __future__ import annotations

import csv
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.core import actors
from app.core.actor_match import alias_key
from app.core.actors import alias_map
from app.core.store import Store
from app.core.types import Status
from app.ui.insight_models import ActorTableModel, LedgerModel, ProposalTableModel
from tests.figures_support import AREA_FIGURES, FIGURES, tag_corpus

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def corpus_project(tmp_path: Path, corpus_files: list[Path]) -> tuple[Path, dict[str, int], dict[str, int]]:
    tagged = tag_corpus(tmp_path / "corpus.marginalia", corpus_files)
    figures, docs = dict(tagged.figures), dict(tagged.docs)
    tagged.store.close()
    return tmp_path / "corpus.marginalia", figures, docs


@pytest.fixture
def corpus_window(corpus_project, open_window):  # type: ignore[no-untyped-def]
    path, figures, docs = corpus_project
    return open_window(path), figures, docs


def _group(model: LedgerModel, key: str):  # type: ignore[no-untyped-def]
    row = model.group_row(key)
    assert row is not None, [g.key for g in model.groups]
    return model.groups[row]


def test_ledger_groups_and_flags(qtbot, qtmodeltester, corpus_window) -> None:
    w, _figures, _docs = corpus_window
    qtbot.keyClick(w, "l", CTRL)  # View ▸ Figure ledger
    ledger = w.insights.ledger
    assert ledger.isVisible()
    model = ledger.model
    qtmodeltester.check(model)
    assert model.figure_count == len(FIGURES)
    assert _group(model, "km²").conflict and len(_group(model, "km²").rows) == 5
    assert _group(model, "troops").conflict
    assert not _group(model, "troops · North Korean").conflict
    first = model.index(0, 0)
    assert model.data(model.index(0, 2)).startswith("⚠ conflict")  # conflicting groups come first
    assert model.rowCount(first) == len(model.groups[0].rows)
    assert ledger.view.isExpanded(first)
    ledger.conflicts_only.setChecked(True)
    assert all(g.conflict for g in model.groups) and model.rowCount() == 3
    qtmodeltester.check(model)
    ledger.conflicts_only.setChecked(False)
    ledger.search.setText("Stupak")
    qtbot.waitUntil(lambda: model.figure_count < len(FIGURES))
    assert all("Stupak" in r.sentence or "Stupak" in r.actor for g in model.groups for r in g.rows)
    qtmodeltester.check(model)


def test_clicking_a_ledger_row_opens_the_figure(qtbot, corpus_window) -> None:
    w, figures, _docs = corpus_window
    w.insights.toggle("ledger")
    ledger, c = w.insights.ledger, w.workbench.controller
    span_id = figures["roughly 300 square miles"]
    index = ledger.model.index_of_span(span_id)
    ledger.view.scrollTo(index)
    rect = ledger.view.visualRect(ledger.model.index(index.row(), 1, index.parent()))
    qtbot.mouseClick(ledger.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with Store(w.store.path) as store:
        span = store.get_span(span_id)
    assert c.doc_id == span.doc_id and c.selected_span == span_id
    assert w.workbench.documents.view.currentIndex().data(Qt.ItemDataRole.UserRole + 1) == span.doc_id
    visible = w.workbench.view.viewport().rect()
    assert visible.intersects(w.workbench.view.cursorRect(_cursor_at(w, span.start)))
    # the keyboard: Enter on another figure opens that one
    other = figures["50,000 troops"]
    ledger.view.setFocus()
    ledger.view.setCurrentIndex(ledger.model.index_of_span(other))
    qtbot.keyClick(ledger.view, Qt.Key.Key_Return)
    assert c.selected_span == other
    # and the ledger follows the selection made in the article
    c.select_span(figures["some 12,000 North Korean troops"])
    assert ledger.view.currentIndex().data(Qt.ItemDataRole.UserRole + 1) == figures["some 12,000 North Korean troops"]


def _cursor_at(w, cp: int):  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QTextCursor

    view = w.workbench.view
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.omap.to_widget(cp))
    return cursor


def test_ledger_follows_store_changes_and_exports(qtbot, tmp_path, corpus_window) -> None:
    w, figures, _docs = corpus_window
    w.insights.toggle("ledger")
    ledger, c = w.insights.ledger, w.workbench.controller
    for text in AREA_FIGURES:  # name the quantity through the figure form, one undoable step each
        w.insights.open_figure(c.store.get_span(figures[text]).doc_id, figures[text])
        w.insights.form.quantity.setEditText("area held by Ukraine in Kursk")
        assert w.insights.form.apply()
    qtbot.waitUntil(lambda: ledger.model.group_row("area held by Ukraine in Kursk") is not None)
    named = _group(ledger.model, "area held by Ukraine in Kursk")
    assert named.named and len(named.rows) == 4 and named.conflict  # 600 vs 1,300 km²
    c.undo()
    qtbot.waitUntil(lambda: len(_group(ledger.model, "area held by Ukraine in Kursk").rows) == 3)
    out = tmp_path / "ledger.csv"
    assert ledger.export_csv(out) == len(FIGURES)
    with out.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == len(FIGURES)
    assert {r["group"] for r in rows if r["text"] in AREA_FIGURES[:3]} == {"area held by Ukraine in Kursk"}


def test_actor_index_proposals_confirm_rename_merge(qtbot, qtmodeltester, corpus_window) -> None:
    w, _figures, _docs = corpus_window
    qtbot.keyClick(w, "a", CTRL | Qt.KeyboardModifier.ShiftModifier)
    view = w.insights.actors
    assert view.isVisible()
    assert view.actors.rowCount() > 5 and view.proposals.rowCount() == 0
    qtmodeltester.check(view.actors)
    worker = view.run_propose()
    assert worker is not None
    qtbot.waitUntil(lambda: view.proposals.rowCount() > 0, timeout=10_000)
    qtmodeltester.check(view.proposals)
    texts = [p.alias_text for p in view.proposals.proposals]
    row = texts.index("Zelensky")
    view.proposal_view.setCurrentIndex(view.proposals.index(row, 0))
    qtbot.mouseClick(view.confirm_button, Qt.MouseButton.LeftButton)
    with Store(w.store.path) as store:
        aliases = alias_map(store)
    assert aliases[alias_key("Zelensky")][1] == "Volodymyr Zelensky"
    qtbot.waitUntil(lambda: "Zelensky" not in [p.alias_text for p in view.proposals.proposals])
    row = [p.alias_text for p in view.proposals.proposals].index("Moscow")
    view.proposal_view.setCurrentIndex(view.proposals.index(row, 0))
    qtbot.mouseClick(view.reject_button, Qt.MouseButton.LeftButton)
    with Store(w.store.path) as store:
        assert alias_key("Moscow") not in alias_map(store)
        assert store.conn.execute("SELECT status FROM actor_proposals WHERE alias = 'moscow'").fetchone()[0] == \
            "rejected"
    # rename the new actor, undoably
    qtbot.waitUntil(lambda: view.actors.row_of(aliases[alias_key("Zelensky")][0], "Volodymyr Zelensky") is not None)
    entry = view.actors.entry(view.actors.row_of(aliases[alias_key("Zelensky")][0], "Volodymyr Zelensky"))
    assert entry.claims == 2 and "Zelensky" in entry.aliases
    assert view.rename(entry, "President Zelensky")
    with Store(w.store.path) as store:
        assert alias_map(store)[alias_key("Zelensky")][1] == "President Zelensky"
    w.workbench.controller.undo()
    with Store(w.store.path) as store:
        assert alias_map(store)[alias_key("Zelensky")][1] == "Volodymyr Zelensky"
    # merge two names that are not actors yet
    view.refresh()
    view.select_names("NATO", "North Atlantic Treaty Organisation")
    entries = view.selected_entries()
    assert {e.name for e in entries} == {"NATO", "North Atlantic Treaty Organisation"}
    keep = next(e for e in entries if e.name == "NATO")
    with Store(w.store.path) as store:
        before = actors.actors_snapshot(store)
    assert view.merge(keep, [e for e in entries if e is not keep])
    with Store(w.store.path) as store:
        aliases = alias_map(store)
    assert aliases[alias_key("North Atlantic Treaty Organisation")] == aliases[alias_key("NATO")]
    w.workbench.controller.undo()  # the merge is one undo step: the actor tables are as they were
    with Store(w.store.path) as store:
        assert actors.actors_snapshot(store) == before
    w.workbench.controller.redo()
    with Store(w.store.path) as store:
        aliases = alias_map(store)
    assert aliases[alias_key("North Atlantic Treaty Organisation")] == aliases[alias_key("NATO")]
    view.refresh()
    qtmodeltester.check(view.actors)
    nato = next(e for e in view.actors.entries if e.name == "NATO")
    assert nato.actor_id is not None and nato.mentions == 2
    # renaming onto another actor's name is refused with a message, and nothing lands on the undo stack
    said, told = [], []
    view.message.connect(said.append)
    w.workbench.controller.message.connect(told.append)
    stack = w.workbench.controller.undo_stack
    steps = stack.count()
    zelensky = next(e for e in view.actors.entries if e.name == "Volodymyr Zelensky")
    assert not view.rename(zelensky, "NATO")
    assert stack.count() == steps and said[-1].startswith("Rename: there is already an actor named")
    w.workbench.controller.undo()  # the status bar says what was undone
    assert told[-1] == "Undone: Merge North Atlantic Treaty Organisation into 'NATO'"


def test_statistics_charts_have_data(qtbot, corpus_window) -> None:
    from PySide6.QtCharts import QLineSeries, QScatterSeries, QStackedBarSeries

    w, _figures, docs = corpus_window
    qtbot.keyClick(w, "t", CTRL | Qt.KeyboardModifier.ShiftModifier)
    stats = w.insights.statistics
    assert stats.isVisible()
    (bars,) = stats.spans_chart.series()
    assert isinstance(bars, QStackedBarSeries) and bars.count() == 5
    manual = bars.barSets()[0]
    assert manual.label() == "manual" and [manual.at(i) for i in range(manual.count())] == [15, 4, len(FIGURES)]
    scatter = [s for s in stats.strip_chart.series() if isinstance(s, QScatterSeries)]
    assert len(scatter) == 2  # agreeing and conflicting groups
    assert sum(s.count() for s in scatter) == len(FIGURES)
    assert scatter[1].count() == 9  # km² (5) + troops (2) + USD (2) conflict
    ranges = [s for s in stats.strip_chart.series() if isinstance(s, QLineSeries) and not isinstance(s, QScatterSeries)]
    assert len(ranges) == 1  # "12 to 18 months"
    with Store(w.store.path) as store:
        store.set_status(docs["Russia had to pull"], Status.DONE)
    w.workbench.signals.notify("status")  # a change made through another connection
    qtbot.waitUntil(lambda: stats.progress_chart.title() == "Progress: documents done")
    bar_series, line = stats.progress_chart.series()
    assert bar_series.barSets()[0].at(0) == 1 and line.at(0).y() == 1


def test_models_on_empty_input(qtmodeltester) -> None:
    for model in (LedgerModel(), ActorTableModel(), ProposalTableModel()):
        qtmodeltester.check(model)
    ledger = LedgerModel()
    ledger.set_ledger(None)
    assert ledger.rowCount() == 0 and not ledger.index_of_span(1).isValid()
