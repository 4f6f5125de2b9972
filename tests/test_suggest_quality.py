"""A floor under the suggester's scores on the written articles kept in the repository (tests/gold/fresh, the
set the rules were tuned on), so that a change of rules, model or spaCy that breaks what works shows up here.
The floors sit a little under today's scores; the held-out sets are deliberately not used (see
tests/gold/README.md), and nothing here measures quality on new text."""

from __future__ import annotations

from pathlib import Path

from suggest_support import shared_engine

from app.core.progress import run_to_end
from app.core.store import Store
from app.core.suggest.batch import suggest_project
from app.core.suggest.evaluate import evaluate_store, parse_gold
from app.core.suggest.gold import build_gold
from app.core.types import NewDocument, SpanState

GOLD = Path(__file__).parent / "gold"


def test_scores_on_the_tuning_articles_stay_up(tmp_path):
    records = build_gold(GOLD / "articles", GOLD / "fresh")
    with Store(tmp_path / "gold.marginalia") as store:
        store.add_documents([NewDocument(r["text"]) for r in records])
        run_to_end(suggest_project(store, shared_engine()))
        result = evaluate_store(store, parse_gold(records), (SpanState.PENDING,))
    assert result["documents"] == len(records) == 6
    figure = result["labels"]["FIGURE"]["exact"]
    assert figure["precision"] >= 0.97 and figure["recall"] >= 0.95
    names = result["actor_names"]
    assert names["precision"] >= 0.95 and names["recall"] >= 0.93
    assert result["claims"]["covered_right_source_share"] >= 0.83
