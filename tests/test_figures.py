"""Figure normalisation: every figure string of the issue, hedges, ranges, context, and the store hook that
keeps an analyst's edit."""

from __future__ import annotations

import os
import subprocess
import sys

import orjson
import pytest

from app.core.figures import (
    apply_figure_attributes,
    assign_quantity,
    attributes_for_new_figure,
    edit_figure_attributes,
    figure_attributes_for,
    normalise_document,
    normalise_figure,
    sentence_around,
)
from app.core.store import StoreError
from app.core.types import NewDocument, NewSpan

CASES = [
    # text, value, unit, qualifier, extra expected keys
    ("roughly 300 square miles", 777, "km²", "approx", {"original": {"value": 300, "unit": "square mile"}}),
    ("around $66 billion", 66_000_000_000, "USD", "approx", {}),
    ("no more than 30 percent", 30, "%", "max", {}),
    ("around nine square miles", 23.3, "km²", "approx", {}),
    ("at least 150,000 dead", 150_000, "dead", "min", {}),
    ("12 to 18 months", 15, "months", "range", {"low": 12, "high": 18}),
    ("1,000", 1000, "", "exact", {}),
    ("1000", 1000, "", "exact", {}),
    ("$122 billion", 122_000_000_000, "USD", "exact", {}),
    ("70%", 70, "%", "exact", {}),
    ("almost 60,000 troops", 60_000, "troops", "approx", {}),
    ("some 12,000 North Korean troops", 12_000, "troops", "approx", {"measured": "North Korean"}),
    ("approximately 1,300 square kilometers", 1300, "km²", "approx", {}),
    ("600 km²", 600, "km²", "exact", {}),
    ("38,000 vs 40,000 casualties", 38_000, "casualties", "exact", {"values": [38_000, 40_000]}),
    ("around 40,000 killed and wounded", 40_000, "casualties", "approx", {}),
    ("38,000 casualties", 38_000, "casualties", "exact", {}),
    ("approximately 1000 square kilometres", 1000, "km²", "approx", {}),
    ("about 600 square kilometers", 600, "km²", "approx", {}),
    ("over 600 square kilometers", 600, "km²", "min", {}),
    ("11,000 North Korean soldiers", 11_000, "soldiers", "exact", {"measured": "North Korean"}),
    ("nearly 1,000 Ukrainian soldiers", 1000, "soldiers", "approx", {"measured": "Ukrainian"}),
    ("some three Russian villages", 3, "villages", "approx", {"measured": "Russian"}),
    ("two thousand soldiers", 2000, "soldiers", "exact", {}),
    ("between 10 and 20 tanks", 15, "tanks", "range", {"low": 10, "high": 20}),
    ("10-20 tanks", 15, "tanks", "range", {"low": 10, "high": 20}),
    ("an estimated 5 million people", 5_000_000, "people", "approx", {}),
    ("close to 2 million people", 2_000_000, "people", "approx", {}),
    ("upwards of 3,000 troops", 3000, "troops", "min", {}),
    ("more than 2 million", 2_000_000, "", "min", {}),
    ("up to 5,000 soldiers", 5000, "soldiers", "max", {}),
    ("fewer than 100 civilians", 100, "civilians", "max", {}),
    ("less than 5 percent", 5, "%", "max", {}),
    ("under 40 percent", 40, "%", "max", {}),
    ("at most 20 tanks", 20, "tanks", "max", {}),
    ("over 600 square kilometers", 600, "km²", "min", {}),
    ("40 per cent", 40, "%", "exact", {}),
    ("1 soldier", 1, "soldiers", "exact", {}),
    ("a dozen tanks", 12, "tanks", "exact", {}),
    ("10 hectares", 0.1, "km²", "exact", {}),
    ("hundreds of square kilometers", 200, "km²", "min", {"vague": True}),
]


@pytest.mark.parametrize(("text", "value", "unit", "qualifier", "extra"), CASES, ids=[c[0] for c in CASES])
def test_normalise_figure(text: str, value: float, unit: str, qualifier: str, extra: dict) -> None:
    got = normalise_figure(text)
    assert got["value"] == pytest.approx(value)
    assert (got["unit"], got["qualifier"]) == (unit, qualifier)
    for key, expected in extra.items():
        assert got[key] == expected
    assert orjson.loads(orjson.dumps(got)) == got  # JSON-serialisable as it is


def test_no_number_gives_no_value() -> None:
    assert normalise_figure("several villages") == {"value": None, "unit": "", "qualifier": "exact"}


def test_context_supplies_hedge_unit_and_measured_thing() -> None:
    sentence = "Ukraine captured approximately 1,000 square kilometres of enemy territory after one week."
    got = figure_attributes_for("1,000", sentence)
    assert (got["value"], got["unit"], got["qualifier"], got["measured"]) == (1000, "km²", "approx", "enemy territory")
    got = figure_attributes_for("50,000", "forced Russia to redeploy 50,000 troops to the front")
    assert (got["value"], got["unit"]) == (50_000, "troops")
    got = figure_attributes_for("around 40 percent", "Russia has managed to reclaim around 40 percent of the "
                                "territory initially seized by Ukraine, but")
    assert got["measured"] == "the territory initially seized by Ukraine"


def test_sentence_around() -> None:
    text = "First one. Russia had to pull almost 60,000 troops. Third!\nNext line"
    start = text.find("almost")
    assert sentence_around(text, start, start + 6) == "Russia had to pull almost 60,000 troops."
    start = text.find("Next")
    assert sentence_around(text, start, start + 4) == "Next line"


def test_a_figure_is_read_where_it_stands_not_where_its_text_first_occurs() -> None:
    text = "The brigade lost 20 tanks and 20 soldiers in a week."
    start = text.rfind("20")
    assert attributes_for_new_figure(text, start, start + 2)["unit"] == "soldiers"
    start = text.find("20")
    assert attributes_for_new_figure(text, start, start + 2)["unit"] == "tanks"


def test_a_dot_between_items_is_no_multiplication_sign_under_any_hash_seed() -> None:
    """quantulum3 read "1 · Page" as a product whose unit depended on PYTHONHASHSEED ("measured": "Page" in
    some runs only); these seeds showed it."""
    script = (
        "from app.core.figures import attributes_for_new_figure as a\n"
        "t = 'Enquiries: tel. +44 20 7946 0921 · Page 1 of 1'\n"
        "print(a(t, len(t) - 1, len(t)), a('CC BY-NC 4.0 · Share', 10, 13))"
    )
    outputs = {
        subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                       env={**os.environ, "PYTHONHASHSEED": seed}).stdout
        for seed in ("4", "6")
    }
    assert len(outputs) == 1
    assert "measured" not in outputs.pop()


@pytest.fixture
def doc(store):
    text = "Officials said roughly 300 square miles were held, and 12 to 18 months remain."
    doc_id = store.add_document(NewDocument(text))
    return doc_id, text


def test_apply_keeps_other_attributes_and_respects_edits(store, doc) -> None:
    doc_id, text = doc
    start = text.find("roughly")
    span = store.add_span(doc_id, NewSpan(start, start + len("roughly 300 square miles"), "FIGURE",
                                          attributes={"rule": "hedge"}))
    heard = []
    store.subscribe(lambda change: heard.append(change.kind))
    after = apply_figure_attributes(store, span.id)
    assert after.attributes["value"] == 777 and after.attributes["rule"] == "hedge"
    assert "figures" in heard and "spans" in heard

    before, edited = edit_figure_attributes(store, span.id, value=780, qualifier="approx")
    assert edited.attributes["edited"] is True and edited.attributes["value"] == 780
    assert before.attributes["value"] == 777
    assert apply_figure_attributes(store, span.id).attributes["value"] == 780  # never recomputed over an edit
    assert normalise_document(store, doc_id) == 0
    forced = apply_figure_attributes(store, span.id, force=True)
    assert forced.attributes["value"] == 777 and "edited" not in forced.attributes

    with pytest.raises(StoreError):
        edit_figure_attributes(store, span.id, qualifier="roughly")
    with pytest.raises(StoreError):
        edit_figure_attributes(store, span.id, value="lots")
    with pytest.raises(StoreError):
        edit_figure_attributes(store, span.id, colour="red")


def test_quantity_assignment_survives_recompute(store, doc) -> None:
    doc_id, text = doc
    start = text.find("12 to")
    span = store.add_span(doc_id, NewSpan(start, start + len("12 to 18 months"), "FIGURE"))
    assign_quantity(store, [span.id], "  time left  ")
    assert store.get_span(span.id).attributes == {"quantity": "time left"}
    after = apply_figure_attributes(store, span.id)
    assert after.attributes["quantity"] == "time left"
    assert (after.attributes["low"], after.attributes["high"], after.attributes["qualifier"]) == (12, 18, "range")
    assign_quantity(store, [span.id], None)
    assert "quantity" not in store.get_span(span.id).attributes


def test_other_labels_are_left_alone(store, doc) -> None:
    doc_id, _ = doc
    span = store.add_span(doc_id, NewSpan(0, 9, "ACTOR"))
    assert apply_figure_attributes(store, span.id) == span


def test_auto_normalise_fills_new_figures_only(store, doc) -> None:
    from app.core.figures import install_auto_normalise

    doc_id, text = doc
    unsubscribe = install_auto_normalise(store)
    start = text.find("roughly")
    span = store.add_span(doc_id, NewSpan(start, start + len("roughly 300 square miles"), "FIGURE"))
    assert store.get_span(span.id).attributes["value"] == 777
    edit_figure_attributes(store, span.id, value=700)
    assert store.get_span(span.id).attributes["value"] == 700
    unsubscribe()
    start = text.find("12 to")
    other = store.add_span(doc_id, NewSpan(start, start + 5, "FIGURE"))
    assert store.get_span(other.id).attributes == {}


CORPUS_FIGURES = [
    # (figure as written in the corpus, value, unit, qualifier, measured or None)
    ("nearly 1,000 Ukrainian soldiers", 1000, "soldiers", "approx", "Ukrainian"),
    ("approximately 2,000 soldiers", 2000, "soldiers", "approx", None),
    ("another 157 square kilometers", 157, "km²", "exact", None),
    ("over 600 square kilometers", 600, "km²", "min", None),
    ("around 100 population centers", 100, "population centers", "approx", None),
    ("hundreds of square kilometers", 200, "km²", "min", None),
    ("around 40 percent of the territory", 40, "%", "approx", "the territory"),
    ("about 40 percent", 40, "%", "approx", "the ground it once held in Kursk"),
    ("18 percent", 18, "%", "exact", "Ukraine"),  # "Russia occupies 18 percent of Ukraine"
    ("thousands of North Korean soldiers", 2000, "soldiers", "min", "North Korean"),
    ("some three Russian villages", 3, "villages", "approx", "Russian"),
    ("11,000 North Korean soldiers", 11_000, "soldiers", "exact", "North Korean"),
    ("approximately 1000 square kilometres", 1000, "km²", "approx", "enemy territory"),
]


@pytest.mark.parametrize(("figure", "value", "unit", "qualifier", "measured"), CORPUS_FIGURES,
                         ids=[c[0] for c in CORPUS_FIGURES])
def test_corpus_figures_in_their_sentences(corpus_files, figure, value, unit, qualifier, measured) -> None:
    texts = [p.read_text(encoding="utf-8") for p in corpus_files]
    text = next(t for t in texts if figure in t)
    start = text.find(figure)
    got = attributes_for_new_figure(text, start, start + len(figure))
    assert (got["value"], got["unit"], got["qualifier"]) == (pytest.approx(value), unit, qualifier)
    assert got.get("measured") == measured
