"""A floor under the suggester's scores on the written articles (tests/gold/fresh, heldout to heldout36, all but
the newest tuned on), so that a change of rules, model or spaCy that breaks what works shows up here. The
floors sit a little under today's scores. Quality on new text is measured by a set scored once
(see tests/gold/README.md), never here."""

from __future__ import annotations

from pathlib import Path

import pytest
from suggest_support import shared_engine

from app.core.suggest.evaluate import evaluate_store, parse_gold, pre_annotated_project
from app.core.suggest.gold import build_gold
from app.core.types import SpanState

GOLD = Path(__file__).parent / "gold"

# set: (documents, FIGURE exact P, R, ACTOR names P, R, CLAIM right source)
FLOORS = {
    "fresh": (6, 0.97, 0.95, 0.95, 0.93, 0.86),
    "heldout": (2, 0.95, 0.95, 0.95, 0.93, 0.80),
    "heldout2": (2, 0.97, 0.95, 0.92, 0.88, 0.85),
    "heldout3": (4, 0.85, 0.83, 0.77, 0.71, 0.66),
    "heldout4": (4, 0.89, 0.91, 0.71, 0.73, 0.62),
    "heldout5": (6, 0.91, 0.86, 0.82, 0.80, 0.70),
    "heldout6": (6, 0.95, 0.91, 0.88, 0.84, 0.79),
    "heldout7": (6, 0.95, 0.93, 0.94, 0.91, 0.85),
    "heldout8": (6, 0.93, 0.85, 0.90, 0.85, 0.82),
    "heldout9": (6, 0.90, 0.86, 0.89, 0.85, 0.76),
    "heldout10": (6, 0.93, 0.92, 0.89, 0.74, 0.76),
    "heldout11": (6, 0.90, 0.87, 0.82, 0.77, 0.71),
    "heldout12": (6, 0.94, 0.95, 0.92, 0.82, 0.83),
    "heldout13": (6, 0.89, 0.88, 0.89, 0.80, 0.80),
    "heldout14": (6, 0.87, 0.84, 0.86, 0.74, 0.83),
    "heldout15": (6, 0.95, 0.95, 0.92, 0.82, 0.79),
    "heldout16": (6, 0.95, 0.96, 0.91, 0.80, 0.79),
    "heldout17": (6, 0.96, 0.90, 0.93, 0.89, 0.84),
    "heldout18": (6, 0.94, 0.87, 0.90, 0.85, 0.85),
    "heldout19": (6, 0.93, 0.92, 0.87, 0.77, 0.86),
    "heldout20": (6, 0.91, 0.88, 0.83, 0.79, 0.76),
    "heldout21": (6, 0.94, 0.94, 0.85, 0.87, 0.84),
    "heldout22": (6, 0.97, 0.92, 0.90, 0.82, 0.78),
    "heldout23": (6, 0.89, 0.88, 0.88, 0.85, 0.81),
    "heldout24": (6, 0.90, 0.89, 0.91, 0.82, 0.75),
    "heldout25": (6, 0.93, 0.91, 0.86, 0.88, 0.82),
    "heldout26": (6, 0.95, 0.92, 0.87, 0.81, 0.77),
    "heldout27": (6, 0.92, 0.87, 0.83, 0.86, 0.79),
    "heldout28": (6, 0.93, 0.92, 0.83, 0.87, 0.84),
    "heldout29": (6, 0.95, 0.91, 0.87, 0.88, 0.82),
    "heldout30": (6, 0.94, 0.93, 0.88, 0.85, 0.80),
    "heldout31": (6, 0.86, 0.87, 0.88, 0.82, 0.75),
    "heldout32": (6, 0.96, 0.88, 0.85, 0.84, 0.81),
    "heldout33": (6, 0.93, 0.92, 0.89, 0.91, 0.75),
    "heldout34": (6, 0.95, 0.93, 0.95, 0.89, 0.81),
    "heldout35": (6, 0.95, 0.95, 0.88, 0.89, 0.79),
    "heldout36": (6, 0.93, 0.95, 0.82, 0.87, 0.72),
}


@pytest.mark.parametrize("name", FLOORS)
def test_scores_on_the_tuning_articles_stay_up(tmp_path, name):
    records = build_gold(GOLD / "articles", GOLD / name)
    with pre_annotated_project(tmp_path / "gold.marginalia", records, shared_engine()) as store:
        result = evaluate_store(store, parse_gold(records), (SpanState.PENDING,))
    documents, fig_p, fig_r, names_p, names_r, claims = FLOORS[name]
    assert result["documents"] == len(records) == documents
    figure = result["labels"]["FIGURE"]["exact"]
    assert figure["precision"] >= fig_p and figure["recall"] >= fig_r
    names = result["actor_names"]
    assert names["precision"] >= names_p and names["recall"] >= names_r
    assert result["claims"]["covered_right_source_share"] >= claims
