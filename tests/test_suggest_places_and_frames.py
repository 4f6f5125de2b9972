"""Rules 20 (after heldout17's first look): an unnamed source keeps the place that names it ("a senior diplomat
from a Nordic country, who ...", "the Russian Embassy in Washington"), a few more ways of saying who speaks
("was the first to say that", "said in emailed comments that", "known by its acronym HUR", "Others say", "a number
of diplomats argue", "with several capitals arguing"), and the figures of a currency desk ("90.34 per dollar",
"19% or higher"). Made-up texts and names."""

from __future__ import annotations

from suggest_support import sources_of, spans_of


def test_an_unnamed_source_keeps_the_place_that_names_it():
    text = ("“The assets are leverage,” said a senior diplomat from a Nordic country, who was granted anonymity. "
            "Estate agents in Tambov say prices will not fall. Intelligence agencies in South Korea, Ukraine and "
            "the United States say the units have taken heavy losses. He said guards at a detention facility in "
            "the Kursk region told prisoners that nobody would come for them.")
    sources = sources_of(text)
    assert sources["The assets are leverage"] == "senior diplomat from a Nordic country"
    assert sources["prices will not fall"] == "Estate agents in Tambov"
    assert sources["the units have taken heavy losses"] == ("Intelligence agencies in South Korea, Ukraine and the "
                                                              "United States")
    assert sources["nobody would come for them"] == "guards at a detention facility in the Kursk region"


def test_what_follows_a_source_is_no_place_when_it_is_a_list_a_time_or_a_medium():
    text = ("Several large groups, from steelmakers to coal miners, have said that losses mounted. Regional "
            "officials at one point said about 150,000 people had left.")
    sources = sources_of(text)
    assert sources["losses mounted"] == "Several large groups"
    assert sources["about 150,000 people had left"] == "Regional officials"


def test_an_embassy_is_named_by_its_city():
    sources = sources_of("The Russian Embassy in Washington, in a statement, said the operation had failed.")
    assert sources["the operation had failed"] == "Russian Embassy in Washington"
    sources = sources_of("Ministers met on Monday. The Russian embassy in London said it would respond.")
    assert sources["it would respond"] == "Russian embassy in London"


def test_more_ways_of_naming_who_speaks():
    text = ("Seoul’s National Intelligence Service (NIS) was the first to say publicly, in October, that troops "
            "had arrived. Ukraine’s military intelligence agency, known by its acronym HUR, puts the total slightly "
            "higher, at about 12,000. The Bank of Tarnow said in emailed comments that it was monitoring the "
            "situation. Budapest wants guarantees. Others say the foothold makes this the worst moment to blink. "
            "A number of Nordic diplomats argue the bloc should hold firm. Ambassadors met again, with several "
            "capitals arguing that the calculus had changed.")
    sources = sources_of(text)
    assert sources["troops had arrived"] == "National Intelligence Service"
    assert sources["slightly higher, at about 12,000"] == "HUR"
    assert sources["it was monitoring the situation"] == "Bank of Tarnow"
    assert sources["the foothold makes this the worst moment to blink"] == "Others"
    assert sources["the bloc should hold firm"] == "Nordic diplomats"
    assert sources["the calculus had changed"] == "several capitals"


def test_a_lawyer_described_after_his_name_is_that_person():
    text = ("Stanislav Merzlyakov, a Tambov lawyer who says he represents more than 40 families, said the rules "
            "were written for floods.")
    sources = sources_of(text)
    assert sources["he represents more than 40 families"] == "Stanislav Merzlyakov"
    assert sources["the rules were written for floods"] == "Stanislav Merzlyakov"


def test_a_second_speaker_before_a_colon_and_a_correspondent():
    text = ("An EU official predicted a deal at the last minute. A second diplomat was less sanguine: “The "
            "question is what it ends up costing us.”\n\n“The state keeps its word,” the correspondent said.")
    sources = sources_of(text)
    assert sources["The question is what it ends up costing us."] == "second diplomat"
    assert sources["The state keeps its word"] == "correspondent"


def test_a_firm_the_recogniser_takes_for_a_person_is_an_affiliation():
    text = "“It is a confidence event,” said Rowan Pellicott, a strategist at Halvorsen Kapital in London."
    assert spans_of(text, "ACTOR") == ["Rowan Pellicott", "Halvorsen Kapital"]


def test_figures_of_a_currency_desk():
    text = ("The ruble fell as much as 1.9% to 90.34 per dollar. One firm sees the key rate at 19% or higher. "
            "The agency estimated about 300 soldiers had been killed, of an estimated 8,000 troops. The grant is "
            "54 square metres for one person, 42 for a couple and 18 per person for larger families. "
            "Valentina, 67, keeps everything in two bags.")
    assert spans_of(text, "FIGURE") == ["as much as 1.9%", "90.34", "19% or higher", "about 300 soldiers",
                                        "estimated 8,000 troops", "54 square metres", "18", "two bags"]
