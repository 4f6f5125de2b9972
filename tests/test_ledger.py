"""The figure ledger on the five corpus articles: the same quantities reported differently are grouped and
their disagreements flagged; named quantities, source actors, CSV and chart data."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from app.core import chart_data
from app.core.actors import confirm_all, propose_aliases
from app.core.figures import assign_quantity
from app.core.ledger import CSV_COLUMNS, build_ledger, format_ledger, write_ledger_csv
from app.core.types import Status
from tests.figures_support import AREA_FIGURES, AREA_HELD, FIGURES, Tagged, tag_corpus


@pytest.fixture(scope="module")
def tagged(tmp_path_factory: pytest.TempPathFactory, corpus_files: list[Path]) -> Tagged:
    t = tag_corpus(tmp_path_factory.mktemp("ledger") / "p.marginalia", corpus_files)
    yield t
    t.store.close()


def group_values(ledger, key: str) -> list[float]:
    group = next(g for g in ledger.groups if g.key == key)
    return [r.value for r in group.rows]


def test_every_figure_is_in_the_ledger_with_its_article(tagged: Tagged) -> None:
    ledger = build_ledger(tagged.store)
    rows = {r.text: r for r in ledger.rows()}
    assert set(rows) == {f for _, f in FIGURES}
    row = rows["roughly 300 square miles"]
    assert (row.value, row.unit, row.qualifier) == (777, "km²", "approx")
    assert "300 square miles" in row.sentence and row.title
    assert rows["at least 150,000 dead"].qualifier == "min"
    assert (rows["12 to 18 months"].low, rows["12 to 18 months"].high) == (12, 18)


def test_same_quantities_are_grouped_and_conflicts_flagged(tagged: Tagged) -> None:
    ledger = build_ledger(tagged.store)
    by_key = {g.key: g for g in ledger.groups}
    # Russian troops redeployed: 50,000 vs almost 60,000 (17 % apart)
    assert group_values(ledger, "troops") == [50_000, 60_000]
    assert by_key["troops"].conflict
    # North Korean troops: 11,000 soldiers vs some 12,000 troops, one group (soldiers are troops); 8 % apart
    assert group_values(ledger, "troops · North Korean") == [11_000, 12_000]
    assert not by_key["troops · North Korean"].conflict
    # casualties: 38,000 vs around 40,000 killed and wounded; 5 % apart
    assert group_values(ledger, "casualties") == [38_000, 40_000]
    assert not by_key["casualties"].conflict
    # areas: 1,000 / 1,300 km², roughly 300 sq mi (777 km²), about 600 km², and nine sq mi: one km² group
    assert sorted(group_values(ledger, "km²")) == [23.3, 600, 777, 1000, 1300]
    assert by_key["km²"].conflict
    # money: the $122 billion total and the $66 billion military aid are different things, so they clash
    assert by_key["USD"].conflict
    assert by_key["dead"].rows[0].qualifier == "min" and not by_key["dead"].conflict
    assert ledger.groups[0].conflict  # conflicting groups come first


def test_tolerance_is_configurable(tagged: Tagged) -> None:
    strict = {g.key: g for g in build_ledger(tagged.store, tolerance=0.04).groups}
    assert strict["troops · North Korean"].conflict and strict["casualties"].conflict
    loose = {g.key: g for g in build_ledger(tagged.store, tolerance=0.25).groups}
    assert not loose["troops"].conflict
    with pytest.raises(ValueError):
        build_ledger(tagged.store, tolerance=-1)


def test_named_quantity_regroups_figures(tagged: Tagged) -> None:
    store = tagged.store
    area_ids = [tagged.figures[f] for f in AREA_FIGURES]
    money = [tagged.figures["$122 billion"], tagged.figures["around $66 billion"]]
    try:
        assign_quantity(store, area_ids, AREA_HELD)
        assign_quantity(store, money[:1], "US assistance to Ukraine, total")
        assign_quantity(store, money[1:], "US military aid to Ukraine")
        ledger = build_ledger(store)
        by_key = {g.key: g for g in ledger.groups}
        area = by_key[AREA_HELD]
        assert area.named and area.conflict and area.unit == "km²"
        assert area.spread == (600, 1300)
        assert sorted(r.value for r in area.rows) == [600, 777, 1000, 1300]
        assert len({r.doc_id for r in area.rows}) == 3  # three articles side by side
        assert group_values(ledger, "km²") == [23.3]  # the nine square miles stay apart
        assert not by_key["km²"].conflict
        assert not by_key["US military aid to Ukraine"].conflict
        text = format_ledger(ledger)
        assert AREA_HELD in text and "CONFLICT" in text and "≈777 km²" in text
    finally:
        assign_quantity(store, area_ids + money, None)


def test_source_actor_of_the_enclosing_claim(tagged: Tagged) -> None:
    store = tagged.store
    rows = {r.text: r for r in build_ledger(store).rows()}
    assert rows["almost 60,000 troops"].actor == "Zelensky"
    assert rows["50,000 troops"].actor == "Ukrainian Commander-in-Chief Oleksandr Syrskyi"
    assert rows["around 40,000 killed and wounded"].actor == "Stupak"
    assert rows["70%"].actor == "" and rows["70%"].claim_id is None
    propose_aliases(store)
    confirm_all(store)
    rows = {r.text: r for r in build_ledger(store).rows()}
    assert rows["almost 60,000 troops"].actor == "Volodymyr Zelensky"
    assert rows["38,000 casualties"].actor == "Volodymyr Zelensky"
    assert rows["almost 60,000 troops"].actor_id == rows["38,000 casualties"].actor_id is not None
    assert rows["50,000 troops"].actor == "Oleksandr Syrskyi"
    assert rows["around 40,000 killed and wounded"].actor == "Ivan Stupak"


def test_csv_export(tagged: Tagged, tmp_path: Path) -> None:
    ledger = build_ledger(tagged.store)
    out = tmp_path / "ledger.csv"
    assert write_ledger_csv(ledger, out) == len(FIGURES)
    with open(out, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert tuple(rows[0]) == CSV_COLUMNS
    troops = [r for r in rows if r["group"] == "troops"]
    assert {r["value"] for r in troops} == {"50000", "60000"} and {r["conflict"] for r in troops} == {"1"}


def test_chart_data(tagged: Tagged) -> None:
    store = tagged.store
    counts = chart_data.spans_by_label_origin(store)
    assert counts["FIGURE"]["manual"] == len(FIGURES)
    assert set(counts["ACTOR"]) == set(chart_data.ORIGIN_CATEGORIES)
    strips = {s["group"]: s for s in chart_data.figures_per_quantity(store)}
    assert [p["value"] for p in strips["troops"]["points"]] == [50_000, 60_000] and strips["troops"]["conflict"]
    doc_ids = sorted(set(tagged.docs.values()))
    store.set_status(doc_ids[0], Status.DONE)
    store.set_status(doc_ids[1], Status.DONE)
    store.set_status(doc_ids[1], Status.IN_PROGRESS)
    store.set_status(doc_ids[2], Status.DONE)
    history = chart_data.status_history(store)
    assert [(h["old"], h["new"]) for h in history if h["doc_id"] == doc_ids[1]] == [
        ("todo", "done"), ("done", "in_progress"),
    ]
    progress = chart_data.progress_over_time(store)
    assert len(progress) == 1 and progress[0]["done"] == 3 and progress[0]["undone"] == 1
    assert progress[0]["total_done"] == 2
    assert chart_data.done_per_day(store) == [(progress[0]["day"], 3)]
