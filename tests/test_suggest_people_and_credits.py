"""Suggestions for people the recogniser reads as places ("Galina Prokudina" as GPE), people named again by
their age ("the 52-year-old hospital nurse"), by "Mrs" or through their office, bloggers, capitals the recogniser
missed, page credits, date lines and bylines, market indexes, and counts told as magnitudes ("Tens of
thousands"). Made-up texts and names."""

from __future__ import annotations

from suggest_support import shared_engine, sources_of, spans_of

from app.core.suggest.normalize import junk_ranges


def test_honorifics_are_not_part_of_the_name():
    text = ("Nina Kholodkova, 71, lives in the village. “My daughter says I am mad,” says Mrs Kholodkova. "
            "Olga Burnasheva runs the shop. Ms Burnasheva says most of those returning are pensioners.")
    sources = sources_of(text)
    assert sources["My daughter says I am mad"] == "Kholodkova"
    assert sources["most of those returning are pensioners"] == "Burnasheva"


def test_a_person_named_again_by_age():
    text = ("For more than a year, Nina Kholodkova kept the key to her front door on a string around her neck.\n"
            "“I stood there holding it like a fool,” the 71-year-old says in the yard of what used to be her home "
            "in Zaoleshenka, a village north of the town.")
    assert sources_of(text)["I stood there holding it like a fool"] == "Nina Kholodkova"
    assert "Zaoleshenka" not in spans_of(text, "ACTOR")


def test_the_office_of_a_named_person_is_that_person_speaking():
    text = ("On the Russian side, the office of Vera Chernoskutova, the Kursk region’s human rights commissioner, "
            "said in a written statement that it had received more than 1,100 appeals. The office of the "
            "President said it was calm.")
    sources = sources_of(text)
    assert sources["it had received more than 1,100 appeals"] == "Vera Chernoskutova"
    assert sources["it was calm"] == "office"  # no person named: the office itself


def test_a_channel_name_split_by_the_parser_and_a_blogger():
    text = ("Complaints online\nKurskiy Nabat, a local Telegram channel with around 90,000 subscribers, wrote: "
            "“Half a year has passed.”\nRybar is a Russian military blog. “We retook our land with drones,” the "
            "blogger wrote in one post in April.")
    sources = sources_of(text)
    assert sources["Half a year has passed."] == "Kurskiy Nabat"
    assert sources["We retook our land with drones"] == "blogger"


def test_capitals_the_recogniser_missed_act():
    text = "Moscow and Kyiv have both targeted each other’s energy infrastructure."
    assert {"Moscow", "Kyiv"} <= set(spans_of(text, "ACTOR"))


def test_credits_and_date_lines_are_furniture():
    text = ("Hugo Ransley Defence correspondent\nSun 11 May 2025 07.00 BST\nWhen armour rolled in, nobody was ready.\n"
            "Kateryna Pylypchak — Tuesday, 20 August 2024, 11:47\n"
            "He reported from the front line.\n"
            "Eom reported from Seoul. Strehlow reported from Washington.\xa0\n"
            "--With assistance from Natalia Drozdiv.\n(Updates with ministry statement in fifth paragraph.)\n")
    junk = [text[a:b].strip() for a, b in junk_ranges(text)]
    assert "Sun 11 May 2025 07.00 BST" in junk
    assert "Kateryna Pylypchak — Tuesday, 20 August 2024, 11:47" in junk
    assert "Eom reported from Seoul. Strehlow reported from Washington." in junk
    assert "He reported from the front line." not in junk  # a sentence of the story, not a credit
    assert "--With assistance from Natalia Drozdiv." in junk
    assert "(Updates with ministry statement in fifth paragraph.)" in junk
    assert not {"Eom", "Strehlow", "Kateryna Pylypchak", "Natalia Drozdiv"} & set(spans_of(text, "ACTOR"))


def test_magnitudes_count_and_an_age_does_not():
    text = ("The strike left tens of thousands without electricity. Tens of thousands still cannot return. "
            "Her son turned 20 in captivity.")
    figures = spans_of(text, "FIGURE")
    assert figures == ["tens of thousands", "Tens of thousands"]


def test_a_person_the_recogniser_read_as_a_place():
    text = ("Kursk, Russia – Galina Prokudina keeps two mobile phones on her kitchen table.\n"
            "“When a strange number rings, my heart stops,” said the 52-year-old hospital nurse.")
    assert "Galina Prokudina" in spans_of(text, "ACTOR")
    assert sources_of(text)["When a strange number rings, my heart stops"] == "Galina Prokudina"


def test_an_entity_read_across_a_parenthesis_is_no_alias():
    """An entity "the (Bar" trimmed to "Bar" is the name itself, not the name "Bar" stands in parentheses after
    (taking it for one sent the alias check round in circles)."""
    from spacy.tokens import Doc, Span

    from app.core.suggest.actors import _parenthesised_alias

    doc = Doc(shared_engine().nlp.vocab, words=["Kyiv", "said", "the", "(", "Bar", ")", "agreed"])
    doc.ents = [Span(doc, 0, 1, "GPE"), Span(doc, 2, 5, "ORG")]
    assert _parenthesised_alias(doc, 4, 5) is None
    named = Doc(shared_engine().nlp.vocab, words=["from", "North", "Korea", "(", "DPRK", ")"])
    named.ents = [Span(named, 1, 3, "GPE"), Span(named, 4, 5, "ORG")]
    assert _parenthesised_alias(named, 4, 5) == (1, 3, "GPE")


def test_more_credits_a_service_byline_and_a_two_word_country_dateline_are_furniture():
    text = ("By RFE/RL’s Belarus Service\n\nSEOUL, South Korea — Troops moved north, officials said.\n\n"
            "Irma Holt reported from Seoul, and Pavel Dorn from Washington.\nAnna Sile contributed reporting.\n")
    furniture = [text[a:b] for a, b in junk_ranges(text)]
    assert "By RFE/RL’s Belarus Service" in furniture
    assert "SEOUL, South Korea —" in furniture
    assert "Irma Holt reported from Seoul, and Pavel Dorn from Washington." in furniture
    assert "Anna Sile contributed reporting." in furniture
    assert not {"RL", "South Korea", "Irma Holt", "Pavel Dorn", "Anna Sile"} & set(spans_of(text, "ACTOR"))


def test_a_market_index_is_no_actor():
    assert "MOEX Russia Index" not in spans_of("The MOEX Russia Index of stocks slid 2.1% on Monday.", "ACTOR")
