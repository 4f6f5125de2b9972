"""Suggestions on the conventions of wire copy, financial papers, business wires and magazines: a quotation whose
speaker carries a long description before the verb, ages and "who" clauses after names, unnamed sources referred to
as "he", institutions inside an unnamed official's description, money in roubles written "Rbs13.2tn", millions
written "12m", rates ("2 million artillery rounds a year"), hedges written out ("somewhere north of"), essay bylines,
agency tags, "Sir", bill numbers, "only" and "barely" before a number, "Source:" lines, page furniture after a
no-break space or in a "\r\n" text, and economic terms that are no actors. Made-up texts and names."""

from __future__ import annotations

from suggest_support import shared_engine, sources_of, spans_of

from app.core.suggest.base import Suggestion
from app.core.suggest.normalize import junk_ranges, normalise
from app.core.suggest.sources import Ctx


def persons_among(text: str, names: list[str], model_label: str) -> list[bool]:
    """Whether the source rules take each of `names` (the recogniser labelled them `model_label`) for a person."""
    engine = shared_engine()
    actors = [Suggestion(text.index(n), text.index(n) + len(n), "ACTOR", 0.8, attributes={"model_label": model_label})
              for n in names]
    ctx = Ctx(engine.nlp(normalise(text)), text, engine.config, actors)
    return [ctx.is_person(a) for a in actors]


def test_a_quotation_before_a_speaker_with_a_long_description():
    text = ("“Every list is the result of weeks of quiet work,” Taras Omelko, a spokesperson for Ukraine’s "
            "Coordination Headquarters for the Treatment of Prisoners of War, told reporters.")
    assert sources_of(text)["Every list is the result of weeks of quiet work"] == "Taras Omelko"


def test_he_and_she_after_an_age_or_an_unnamed_speaker():
    text = ("A Red Cross spokesperson, Ines Varlet, said access was poor. Halyna Pomazan, 61, whose husband is "
            "missing, travelled to Kyiv for the exchange.\n"
            "“I came at six in the morning and waited all day,” she said.\n"
            "A Ukrainian commander in Sudzha, who asked not to be named, said the assaults came at night. "
            "“They come in groups of three,” he said.")
    sources = sources_of(text)
    assert sources["I came at six in the morning and waited all day"] == "Halyna Pomazan"
    assert sources["They come in groups of three"] == "Ukrainian commander in Sudzha"


def test_institutions_and_research_groups_in_descriptions():
    text = ("A senior Ukrainian finance ministry official said the budget gap was covered. Russian defence ministry "
            "officials in Moscow said the strike had been repelled. Oksana Melnyk, an "
            "economist at the Baltic Policy Institute, a Riga-based research group, says the bill is rising. By her "
            "estimate, payments to soldiers cost the state about 2 per cent of GDP.")
    sources = sources_of(text)
    assert sources["the budget gap was covered"] == "Ukrainian finance ministry"
    assert sources["the strike had been repelled"] == "Russian defence ministry"
    assert sources["payments to soldiers cost the state about 2 per cent of GDP"] == "Oksana Melnyk"
    assert "GDP" not in spans_of(text, "ACTOR")


def test_roubles_and_millions_written_the_financial_way():
    text = ("Defence spending was set at Rbs13.2tn ($130bn); oil receipts came to Rbs11.1tn and the new taxes "
            "should raise about Rbs2.6tn. Pyongyang has sent some 9m shells and more than 1m barrels of fuel "
            "went the other way; the crater was 12m deep.")
    figures = spans_of(text, "FIGURE")
    assert {"Rbs13.2tn", "$130bn", "Rbs11.1tn", "about Rbs2.6tn", "some 9m shells", "more than 1m barrels"} <= set(
        figures)
    assert "12m deep" not in figures
    assert not any("Rbs" in a for a in spans_of(text, "ACTOR"))


def test_page_furniture_after_a_no_break_space_and_in_crlf_texts():
    text = ("Moscow’s war budget starts to strain\r\n\r\n"
            "Marta Kellerman in London and Ilya Sotnikov in Riga\u00a0\r\n\r\n"
            "The finance ministry said the deficit was under control.\r\n"
            "Recommended\r\n"
            "Reuse this content\r\n"
            "By Solomiia Pavlenko in Kyiv, Ukraine\r\n"
            "Source: Al Jazeera\r\n")
    actors = spans_of(text, "ACTOR")
    assert "finance ministry" in actors
    assert not {"Marta Kellerman", "Ilya Sotnikov", "Recommended", "Reuse", "Solomiia Pavlenko", "Al Jazeera"} & set(
        actors)


def test_electronic_warfare_terms_are_no_actors():
    text = "EW teams jammed the FPV drones, officers said, and Brent crude rose while Urals fell."
    assert not {"EW", "FPV", "Brent", "Urals"} & set(spans_of(text, "ACTOR"))


def test_business_wire_and_magazine_figures():
    text = ("Britain has committed £3 billion a year in military aid. The bloc should produce around 2 million "
            "artillery rounds a year, while one plant turns out roughly 2,500 to 3,000 Geran attack drones a month. "
            "Kyiv held something on the order of 1,000 square kilometers; one official put the Russian force at "
            "somewhere north of 35,000.")
    figures = spans_of(text, "FIGURE")
    assert {"£3 billion", "around 2 million artillery rounds", "roughly 2,500 to 3,000 Geran attack drones",
            "something on the order of 1,000 square kilometers", "somewhere north of 35,000"} <= set(figures)


def test_essay_bylines_agency_tags_titles_and_bills():
    text = ("By Maren Holt, a senior fellow at the Aldgate Centre for European Security.\n"
            "(Bloomberg) -- Kyiv can build more drones than it can buy, Defense Minister Oleh Marchuk said. "
            "Brauner Wehrtechnik GmbH makes 20,000 shells a month. General Sir Alan Pembrey said the loss was grave. "
            "Lawmakers passed Bill No. 11234, the Rada said.")
    actors = spans_of(text, "ACTOR")
    assert {"Oleh Marchuk", "Brauner Wehrtechnik GmbH", "Alan Pembrey"} <= set(actors)
    assert not {"Maren Holt", "Aldgate Centre for European Security", "Bloomberg", "Defense", "Bill No",
                "Sir Alan Pembrey"} & set(actors)


def test_intelligence_officials_are_people_and_military_intelligence_an_agency():
    text = ("Western intelligence officials said about 11,000 troops were sent. A Ukrainian military intelligence "
            "source said the conscripts were a priority.")
    sources = sources_of(text)
    assert sources["about 11,000 troops were sent"] == "Western intelligence officials"
    assert sources["the conscripts were a priority"] == "Ukrainian military intelligence"


def test_a_name_with_who_or_an_age_is_a_person_whatever_the_recogniser_called_it():
    text = ("Ines Quartermaine, who studies the Russian military, says the pullback was overdue. Halyna Pomazan, 61, "
            "travelled to Kyiv. The Baltic Policy Institute, a research group, says so.")
    assert persons_among(text, ["Quartermaine", "Pomazan", "Baltic Policy Institute"], "GPE") == [True, True, False]


def test_only_and_barely_belittle_a_number_without_hedging_it():
    text = "Only around 150 houses survived, the deficit is just 0.5 per cent, and the bridge is just over 40 km long."
    figures = spans_of(text, "FIGURE")
    assert {"around 150 houses", "0.5 per cent", "just over 40 km"} <= set(figures)


def test_a_source_line_is_a_credit_only_at_the_end_and_a_background_label_is_no_actor():
    text = ("Russian drones hit the border villages overnight.\n"
            "Source: Sumy Oblast Military Administration on Telegram\n"
            "Background:\n"
            "The ICRC said access was poor.\n"
            "Source: Al Jazeera\n")
    junk = [text[a:b].strip() for a, b in junk_ranges(text)]
    assert "Source: Al Jazeera" in junk and "Background:" in junk
    assert not any("Sumy" in line for line in junk)  # under a lead it says who reported it: text, not furniture
    assert not {"Al Jazeera", "Background"} & set(spans_of(text, "ACTOR"))


def test_a_who_clause_on_an_institute_makes_no_person():
    text = ("Julia Tremmel, a senior fellow at the Ostrander Center for Northeast Asian Security who studies the "
            "North Korean military, said the figures were unlikely to matter.")
    assert persons_among(text, ["Ostrander Center for Northeast Asian Security"], "FAC") == [False]
