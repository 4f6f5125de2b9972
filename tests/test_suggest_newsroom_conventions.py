"""Suggestions on everyday newsroom and analysis-desk conventions: ranks and titles in front of names, an
organisation named in a spokesperson's title, unnamed officials of a ministry, "the government said", timeline
bullets that open with a date, author lines with a bar, agency photo credits, casualty ranges and orders of
magnitude, references to parties already named ("the two sides"), ages. Made-up texts and names."""

from __future__ import annotations

from suggest_support import sources_of, spans_of


def test_ranks_and_titles_in_front_of_names():
    text = ("Sgt. Danylo, a 41-year-old driver, loaded the van. “We leave at dawn,” said Sergeant Danylo, who gave "
            "only his first name. The government said each returning soldier would be paid.")
    sources = sources_of(text)
    assert sources["We leave at dawn"] == "Danylo"
    assert sources["each returning soldier would be paid"] == "government"
    actors = spans_of(text, "ACTOR")
    assert "Sgt" not in actors and "Sergeant Danylo" not in actors


def test_organisations_in_a_spokespersons_title():
    text = ("Pentagon Deputy Press Secretary Lena Varga told reporters the shipment had left. A Greek foreign "
            "ministry official said Athens would host the talks. A Swiss government spokesman, Aurel Imhof, said "
            "Bern was ready to help.")
    actors = spans_of(text, "ACTOR")
    assert "Pentagon" in actors and "Press" not in actors
    sources = sources_of(text)
    assert sources["Athens would host the talks"] == "Greek foreign ministry"
    assert sources["Bern was ready to help"] == "Aurel Imhof"


def test_timeline_bullets_and_page_lines():
    text = ("Offensive Explained: Timeline and What Capitals Said |\n"
            "Marta Oleksiv | Dnipro Policy Lab | 3 May 2025\n"
            "- Mid-June: Moldova says it has closed two crossings.\n"
            "A convoy waits at the border. Ivan Petrov/AFP/Getty Images\n"
            "The customs post lies between the villages of Ocnita and Naslavcea.\n"
            "Related Articles\n")
    assert sources_of(text)["it has closed two crossings"] == "Moldova"
    actors = spans_of(text, "ACTOR")
    assert not {"June", "Capitals Said", "Marta Oleksiv", "Dnipro Policy Lab", "Ivan Petrov", "Ocnita",
                "Naslavcea", "Related Articles"} & set(actors)


def test_casualty_ranges_orders_of_magnitude_and_references():
    figures = spans_of("Officials put the losses at between 8,000 and 9,000 killed and wounded, the other side in "
                       "the low thousands, perhaps 40 square kilometres or less.", "FIGURE")
    assert {"between 8,000 and 9,000 killed and wounded", "low thousands",
            "perhaps 40 square kilometres or less"} <= set(figures)
    figures = spans_of("It was the first exchange between the two sides since May; the youngest was 19 and the "
                       "oldest 58. The two countries signed it, and 12 soldiers came home.", "FIGURE")
    assert figures == ["12 soldiers"]


def test_ranges_with_counted_nouns_and_quotations_that_end_inside_a_figure():
    figures = spans_of("Moscow has moved between 12,000 and 14,000 troops north; he put the toll at “something like "
                       "900 to 1,000” killed and wounded, with above 300 tanks lost and €4.1B pledged; 64 Shahed and "
                       "decoy drones came in overnight, and prices stayed below 5 percent.", "FIGURE")
    assert {"between 12,000 and 14,000 troops", "something like 900 to 1,000” killed and wounded",
            "above 300 tanks", "€4.1B", "64 Shahed and decoy drones", "below 5 percent"} <= set(figures)


def test_bylines_captions_particles_and_weapons():
    text = ("by Olha Brezhneva\n"
            "Miles Harrow, Russia editor\n"
            "Thu 23 Oct 2025 23.12 BST\n"
            "Firefighters at the depot on Oct. 9. (State Emergency Service / Telegram)\n"
            "Dutch Foreign Minister Reinout van Aalst said he was “satisfied, not happy.” Later van Aalst added "
            "that the Iskander strikes had stopped.\n"
            "Reuse this content\n")
    actors = spans_of(text, "ACTOR")
    assert "Reinout van Aalst" in actors and "van Aalst" in actors
    assert not {"Olha Brezhneva", "Miles Harrow", "BST", "State Emergency Service", "Iskander", "Reuse"} & set(actors)
    assert sources_of(text)["the Iskander strikes had stopped"] in ("van Aalst", "Reinout van Aalst")


def test_unnamed_sources_keep_where_they_come_from():
    text = ("One senior diplomat from a northern member state said the vote would pass. A senior official from a "
            "Baltic country said the money was ready. A Greek foreign ministry official said talks would resume.")
    sources = sources_of(text)
    assert sources["the vote would pass"] == "One senior diplomat from a northern member state"
    assert sources["the money was ready"] == "senior official from a Baltic country"
    assert sources["talks would resume"] == "Greek foreign ministry"
