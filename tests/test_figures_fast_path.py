"""The plain-count fast path of figure normalisation must give exactly what quantulum3 gives."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from app.core import figures, quantities
from app.core.figures import normalise_figure, sentence_around

ARTICLES = Path(__file__).parent / "gold" / "articles"
GOLD = Path(__file__).parent / "gold"

HAND_MADE = [
    "176 attack and decoy drones", "12,000 North Korean soldiers", "3 tanks", "40 rounds", "5 pieces of armour",
    "150 drones overnight", "at least 150 Russian drones", "1,050 square kilometres", "300 square miles",
    "2 million rounds", "60 thousand soldiers", "3 thousand 700 Ukrainians", "$122 billion", "40 percent",
    "175 prisoners of war", "40,000 killed and wounded", "10 hectares", "7 million tonnes of crude",
    "12 km", "8 battalions of infantry", "1 250 sq. km", "20 refineries and oil depots", "5 dozen shells",
    "2 and a half thousand", "450 sq km", "90 per cent of the territory", "3 ton trucks", "24 hours",
    "5 billion-ruble programme",
]


def _gold_figures() -> list[tuple[str, str]]:
    """(figure text, its sentence) for every FIGURE of the gold sets whose articles live in the repository."""
    out = []
    for path in sorted(GOLD.glob("*/*.spans.jsonl")):
        article = ARTICLES / f"{path.name[: -len('.spans.jsonl')]}.txt"
        if not article.exists():
            continue
        text = article.read_bytes().decode("utf-8")
        for line in path.read_text(encoding="utf-8").splitlines():
            row = orjson.loads(line)
            if row.get("label") == "FIGURE":
                out.append((text[row["start"] : row["end"]], sentence_around(text, row["start"], row["end"])))
    return out


@pytest.fixture
def quantulum_only(monkeypatch: pytest.MonkeyPatch):
    def normalise_slowly(text: str, context: str = "") -> dict:
        with monkeypatch.context() as m:
            m.setattr(quantities, "plain_quantity", lambda _text: None)
            return normalise_figure(text, context)
    return normalise_slowly


def test_fast_path_agrees_with_quantulum(quantulum_only) -> None:
    cases = [(t, "") for t in HAND_MADE] + _gold_figures()
    assert len(cases) > 300  # the gold sets are there
    fast_used = 0
    for text, sentence in cases:
        fast_used += quantities.plain_quantity(figures.split_hedge(figures._clean(text))[1]) is not None
        assert normalise_figure(text, sentence) == quantulum_only(text, sentence), text
    assert fast_used > 100  # the fast path is taken for most plain counts


def test_fast_path_leaves_scales_money_and_ranges_to_quantulum() -> None:
    for text in ["2 million rounds", "60 thousand soldiers", "$122 billion", "2 and a half thousand", "12-15 km",
                 "5 dozen shells", "150 drones a day", "24 hours", "3.5 billion euros", "one soldier"]:
        assert quantities.plain_quantity(text) is None, text
    assert quantities.plain_quantity("12,000 North Korean soldiers").value == 12000
    assert quantities.plain_quantity("697 square kilometers of land").unit.name == "square kilometre"
    assert quantities.plain_quantity("three axes").value == 3


def test_words_spelled_out_of_unit_symbols_are_counted_nouns(quantulum_only) -> None:
    """quantulum3 reads "bunk" as bushel·newton·kelvin and "KAB" as an unknown byte; the slow path repairs that."""
    assert quantulum_only("300 bunk beds", "")["unit"] == "bunk beds"
    assert quantulum_only("two KAB", "").get("measured") == "KAB"
    assert quantulum_only("5 kWh", "")["unit"] == "kilowatt hours"  # a real compound unit stays


def test_in_after_a_bare_number_is_no_inch() -> None:
    """"compared with roughly 25 in July": the fast path read "in" as inches where quantulum3 reads a count."""
    assert quantities.plain_quantity("25 in July") is None
    got = normalise_figure("roughly 25", "about 40 assaults a day in August, compared with roughly 25 in July.")
    assert (got["value"], got["unit"], got["qualifier"]) == (25, "", "approx")
