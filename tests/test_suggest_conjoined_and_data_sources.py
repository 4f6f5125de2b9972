"""Rules 39: speakers conjoined to a subject speak with it ("medics and officials told"), and a generic plural
hands the claim to the one after it ("traders and logistics managers say"); people describe what they saw
("Officers who served there describe ..."); "according to" a body's own figures names the body, and a regional
body is not the national one named before; a relative known only through whose relative speaks ("her sister
said"); parties by name; a question inside a reported clause is no report of its own. Rules 40: rupees in
lakh and crore, "Part 3 of Article 322", an Indian paper, a missile and a photo credit.
Made-up texts."""

from __future__ import annotations

from suggest_support import shared_engine, sources_of, spans_of


def test_speakers_conjoined_to_a_subject_are_actors_and_a_generic_plural_hands_the_claim_on():
    text = ("Evacuation has become one of the hardest tasks, medics and officials told the Kyiv Independent.\n\n"
            "But traders and logistics managers say some trains are taking detours of 300 km.\n\n"
            "Officials and analysts say the Kremlin left its main offensive untouched.\n")
    actors = spans_of(text, "ACTOR")
    assert {"medics", "officials", "logistics managers", "Officials"} <= set(actors)
    assert "analysts" not in actors and "traders" not in actors  # generic plurals speak for no one
    sources = sources_of(text)
    assert sources["some trains are taking detours of 300 km"] == "logistics managers"


def test_what_people_describe_is_their_claim_but_not_a_question_inside_a_report():
    text = ("That advantage did not last. Officers who served in the salient describe Russian pressure tightening "
            "from the autumn.\n\nHuman rights groups have cautioned that prisoners may tell visitors what they "
            "think their captors want to hear.\n")
    sources = sources_of(text)
    assert sources["Russian pressure tightening from the autumn"] == "Officers"
    assert sources["prisoners may tell visitors what they think their captors want to hear"] == "Human rights groups"


def test_according_to_a_bodys_own_figures_names_the_body_and_a_regional_body_is_not_the_national_one():
    text = ("Russia’s finance ministry raised spending again. Kursk expects revenue of about 110 billion rubles this "
            "year, according to the regional finance department.\n\nIn Khotin fewer than 200 people remained by "
            "September, according to local council figures.\n\nLess than a fifth had been funded, according to "
            "OCHA.\n\nReserves fell by half in a year, according to the latest Russian finance ministry figures.\n")
    sources = sources_of(text)
    assert sources["Kursk expects revenue of about 110 billion rubles this year"] == "regional finance department"
    assert sources["In Khotin fewer than 200 people remained by September"] == "local council"
    assert sources["Less than a fifth had been funded"] == "OCHA"
    assert sources["Reserves fell by half in a year"] == "Russian finance ministry"


def test_a_regional_description_still_finds_the_regional_body_named_before():
    text = ("The Sumy Oblast Military Administration said a drone hit a school. Two people were injured, according "
            "to the regional military administration.\n")
    assert sources_of(text)["Two people were injured"] == "Sumy Oblast Military Administration"


def test_a_relative_known_by_whose_relative_speaks_and_an_attache():
    text = ("There were tanks in the street, her sister said, and nobody at the administration was answering.\n\n"
            "“Every battalion in Kursk is a battalion not sitting outside Pokrovsk,” the attache said.\n")
    sources = sources_of(text)
    assert "sister" in sources.values()
    assert sources["Every battalion in Kursk is a battalion not sitting outside Pokrovsk"] == "attache"


def test_parties_by_name_are_actors():
    text = ("The Greens and the pro-business Free Democrats have both called for the missiles to be sent. Gleb "
            "Zaslonov, a State Duma deputy from United Russia, said the payments were late. Kristjan Paaslepp, an "
            "Estonian MEP from Renew Europe, urged every member state to pay.\n")
    assert {"Greens", "Free Democrats", "United Russia", "Renew Europe"} <= set(spans_of(text, "ACTOR"))


def test_rupees_in_lakh_and_crore_are_whole_figures_with_their_value():
    text = ("He was promised a salary of ₹1.5\u00a0lakh a month. Agents charged them ₹2.5 lakh to ₹3.5 lakh each. "
            "The state was considering assistance of about ₹5\u00a0lakh for each family. The scheme cost ₹120 crore.\n")
    result = shared_engine().suggest(text)
    figures = {text[s.start : s.end]: s.attributes for s in result.spans if s.label == "FIGURE"}
    assert {"₹1.5\u00a0lakh", "₹2.5 lakh to ₹3.5 lakh", "about ₹5\u00a0lakh", "₹120 crore"} <= set(figures)
    assert (figures["₹1.5\u00a0lakh"]["value"], figures["₹1.5\u00a0lakh"]["unit"]) == (150000, "INR")
    assert (figures["₹2.5 lakh to ₹3.5 lakh"]["low"], figures["₹2.5 lakh to ₹3.5 lakh"]["high"]) == (250000, 350000)
    assert figures["₹120 crore"]["value"] == 1_200_000_000


def test_a_part_of_an_article_is_no_figure():
    text = "He now charges 27,000\u00a0roubles a month. All seven were charged under Part\u00a03 of Article 322.\n"
    figures = spans_of(text, "FIGURE")
    assert "27,000\u00a0roubles" in figures
    assert not any(f.endswith("3") or f.endswith("322") for f in figures)


def test_an_indian_paper_a_missile_and_a_photo_credit():
    text = ("“His last words to Ammi were, ‘pray for me’,” his brother Syed Naveed told The Hindu.\n\n"
            "Russia struck Dnipro with a new missile, the Oreshnik.\n\nA family at home. | Photo Credit: Special "
            "Arrangement\n")
    actors = set(spans_of(text, "ACTOR"))
    assert "The Hindu" in actors
    assert not actors & {"Ammi", "Oreshnik", "Photo Credit"}
