"""Rules 42: a live blog's "Key events" in sentences are content and its timestamps ("14:05 GMT — ") no subjects;
a wire story's summary bullets name their source ("* Farm holding says ...", "..., Rosenergoatom says", "... -
regional officials"); "A senior US official" keeps "senior"; makes of pickups, a general's stars and calibres
joined by "and" are no actors or figures; "ha" after a number is its unit, "around" before one a hedge even where
the parser hangs it on a noun; Kyiv papers' "Hr 40 million" is an amount in hryvnias; a body "known as HUR" speaks
as HUR; Baltic broadcasters are outlets. Made-up texts."""

from __future__ import annotations

from suggest_support import sources_of, spans_of

from app.core.figures import normalise_figure


def test_key_events_in_sentences_are_content_and_a_timestamp_is_no_subject():
    text = ("Ukraine war live: day 120\n\nKey events\n"
            "• Ukraine’s General Staff reports 28 clashes in the Kursk direction over the past day.\n"
            "• Russia’s Defence Ministry says its forces have retaken the village of Plekhovo.\n\n"
            "10:20 GMT — Russia’s Defence Ministry said its troops had repelled 11 attacks by Ukrainian assault "
            "groups near Korenevo.\n\n"
            "11:02 GMT — A senior US official told reporters that some of the soldiers had begun fighting.\n")
    sources = sources_of(text)
    assert sources["28 clashes in the Kursk direction over the past day"] == "General Staff"
    assert sources["its forces have retaken the village of Plekhovo"] == "Defence Ministry"
    assert sources["its troops had repelled 11 attacks by Ukrainian assault groups near Korenevo"] == \
        "Defence Ministry"
    assert sources["some of the soldiers had begun fighting"] == "senior US official"
    assert not any("GMT" in actor for actor in spans_of(text, "ACTOR"))


def test_a_wire_storys_summary_bullets_name_their_sources():
    text = ("Kursk farms leave beet fields unharvested\n\nBy Anna Petrova\n\n"
            "* About 90,000 ha unharvested in border districts - regional officials\n"
            "* Farm holding says fields mined, combines hit by drones\n"
            "* Agriculture Ministry says national supply not at risk\n"
            "- Power demand down about 4% since August, grid operator data shows\n\n"
            "MOSCOW, Oct 17 (Reuters) - Farmers in Russia’s Kursk region have left large areas unharvested.\n")
    sources = sources_of(text)
    assert sources["About 90,000 ha unharvested in border districts"] == "regional officials"
    assert sources["fields mined, combines hit by drones"] == "Farm holding"
    assert sources["national supply not at risk"] == "Agriculture Ministry"
    assert sources["Power demand down about 4% since August"] == "grid operator"


def test_makes_stars_and_calibres_are_no_actors_or_figures_and_units_and_hedges_join():
    text = ("The vehicles, mostly Toyota and Mitsubishi pickups bought in Lithuania, cost 9,000 euros each. A "
            "three-star general went ahead. The depot held 122mm and 152mm artillery ammunition. Farmers left "
            "about 46,000 ha unharvested, and Estonian donors around 97,000 euros.\n")
    assert "Mitsubishi" not in spans_of(text, "ACTOR")
    figures = spans_of(text, "FIGURE")
    assert not any("star" in f or "mm" in f for f in figures)
    assert "about 46,000 ha" in figures and "around 97,000 euros" in figures


def test_amounts_with_the_currency_before_them_have_it_as_their_unit():
    assert normalise_figure("an additional Hr 40 million") == {"value": 40_000_000, "unit": "UAH",
                                                               "qualifier": "exact"}
    assert normalise_figure("Rbs26bn")["unit"] == "RUB" and normalise_figure("Rbs26bn")["value"] == 26_000_000_000
    assert normalise_figure("UAH 4 million")["unit"] == "UAH"
    assert normalise_figure("about $5 billion")["unit"] == "USD"  # quantulum3's own reading is kept


def test_a_body_known_by_a_name_speaks_by_that_name_and_baltic_outlets_are_actors():
    text = ("Ukraine’s military intelligence agency, known as HUR, said the first units had reached the border. "
            "“The roads are watched by drones,” Kerbedis told LRT English.\n")
    assert sources_of(text)["the first units had reached the border"] == "HUR"
    assert "LRT English" in spans_of(text, "ACTOR")
