"""Suggestions for actors that are not names ("the federal government" acting, "European governments", "U.S." in
"U.S.-supplied"), ranks between a service and a name ("retired US Army Col. X"), occupations as unnamed sources
("a trader at a large German utility"), a wire story's conversion note, and figures written as rates and shares
("€44/MWh", "one applicant in five", "42mn cubic metres", "1,250sq km"). Made-up texts and names."""

from __future__ import annotations

from suggest_support import sources_of, spans_of

from app.core.figures import normalise_figure


def test_the_government_and_the_state_acting():
    text = ("The federal government has so far allocated about 30 billion roubles. Officials say the state "
            "promised more. No government can sign such a deal, and the end state is unclear.")
    actors = spans_of(text, "ACTOR")
    assert "federal government" in actors
    assert "state" in actors  # "the state promised": it acts
    assert "government" not in actors  # "No government" is anyone's
    assert "end state" not in actors


def test_groups_a_nationality_names():
    text = ("Several Russian pro-war military bloggers wrote that the units had fled. Shells delivered to "
            "European governments cost more. Regional governments have raised pay.")
    actors = spans_of(text, "ACTOR")
    assert {"Russian pro-war military bloggers", "European governments"} <= set(actors)
    assert "Regional governments" not in actors  # a capital that only opens the sentence
    assert sources_of(text)["the units had fled"] == "Russian pro-war military bloggers"


def test_a_state_inside_a_hyphenated_modifier():
    text = ("Videos show U.S.-supplied Bradley vehicles and US-made Stryker vehicles near the Moscow-led bloc's "
            "border, said a Kyiv-based analyst who counted American-made trucks.")
    actors = spans_of(text, "ACTOR")
    assert {"U.S.", "US", "Moscow"} <= set(actors)
    assert "Kyiv" not in actors  # "-based" places, it does not act
    assert "American" not in actors


def test_a_rank_between_a_service_and_a_name():
    text = ("“Getting in was a surprise,” said retired US Army Col. Desmond Varrow, a military analyst. "
            "Navy Cmdr. Audra Pellin, a Pentagon spokeswoman, said the policy “has not changed.”")
    sources = sources_of(text)
    assert sources["Getting in was a surprise"] == "Desmond Varrow"
    assert sources["the policy “has not changed"] == "Audra Pellin"


def test_an_occupation_as_an_unnamed_source():
    text = ("A trader at a large German utility said speculative funds had added to bullish bets. "
            "A spokeswoman for the Sumy regional administration said 40 people had left.")
    sources = sources_of(text)
    assert sources["speculative funds had added to bullish bets"] == "trader at a large German utility"
    assert sources["40 people had left"] == "Sumy regional administration"


def test_a_that_clause_the_parser_took_for_an_adverbial():
    text = ("The Pentagon has been more guarded, with a spokesperson telling reporters in December only that "
            "the troops had suffered casualties.")
    assert sources_of(text)["the troops had suffered casualties"] == "spokesperson"


def test_a_wire_conversion_note_is_furniture():
    text = "Spending rose to 31.4 billion roubles, the ministry said.\n($1 = 81.1500 roubles)\n(1 euro = $1.0850)\n"
    assert spans_of(text, "FIGURE") == ["31.4 billion roubles"]


def test_rates_shares_and_units_after_a_scale():
    text = ("Prices settled just below €41 and contracts trade at about €44/MWh; a cut would add €3 to €5/MWh. "
            "Flows were below the roughly 42mn cubic metres a day it sent. It equates to upwards of 9 million "
            "artillery and mortar rounds. Kyiv says it holds about 1,250sq km (483sq miles) of land.")
    figures = spans_of(text, "FIGURE")
    assert {"just below €41", "about €44/MWh", "€3 to €5/MWh", "roughly 42mn cubic metres",
            "upwards of 9 million artillery and mortar rounds", "about 1,250sq km", "483sq miles"} <= set(figures)


def test_glued_square_units_normalise():
    assert normalise_figure("483sq miles")["unit"] == "km²"
    assert normalise_figure("1,250sq km") == {"value": 1250, "unit": "km²", "qualifier": "exact"}
    assert normalise_figure("about 1,150 sq km")["unit"] == "km²"


def test_officials_a_nationality_names_act_and_the_government_owns():
    text = ("Russia builds drones at a rate Western intelligence officials put at well over 2,000 a month. U.S. "
            "officials deny any role. Ukrainian officials said the attack had failed. Russian defence ministry "
            "officials said the strike was repelled. The money comes from the government’s reserve fund.")
    actors = spans_of(text, "ACTOR")
    assert {"Western intelligence officials", "U.S. officials", "government"} <= set(actors)
    sources = sources_of(text)
    assert sources["the attack had failed"] == "Ukrainian officials"  # a speaker: the claim rules' span
    assert sources["the strike was repelled"] == "Russian defence ministry"  # the body speaks, as before


def test_more_or_less_hedges_the_whole_sum():
    figures = spans_of("The deal was worth more or less 20 million dollars, he said.", "FIGURE")
    assert figures == ["more or less 20 million dollars"]
    assert normalise_figure(figures[0])["qualifier"] == "approx"
