"""Rules 35 and 36: a city alone in capitals and an agency's dateline with a plain hyphen open a story as furniture; a
translator or editor credited "by" is no party; Paris and London speak for their governments; a unit counted by a
number ("2,000 MW") is no name. Made-up texts."""

from __future__ import annotations

from suggest_support import spans_of

from app.core.suggest.normalize import junk_ranges


def test_capital_city_and_hyphenated_agency_datelines_are_furniture():
    text = ("Drones Beat the Jammers\n\nBERLIN — For most of the war, jamming was the cheapest answer.\n\n"
            "UNITED NATIONS, United States (AFP) - Civilians on both sides are paying the price.\n\n"
            "NATO — the alliance — said it was watching.\n")
    junk = [text[a:b] for a, b in junk_ranges(text)]
    assert "BERLIN — " in junk and "UNITED NATIONS, United States (AFP) -" in junk
    assert not any(j.startswith("NATO") for j in junk)
    actors = set(spans_of(text, "ACTOR"))
    assert not {"BERLIN", "United States"} & actors


def test_a_credited_translator_is_no_party_but_paris_and_london_speak():
    text = ("Britain’s deputy envoy, Harriet Calloway, said London “deplores every civilian death”. France’s "
            "representative said Paris was concerned. Oleg Marin moved to London in 2019.\n\n"
            "Story by Alexandra Kovrigina\n\nAbridged translation by Peter Ellison\n")
    actors = spans_of(text, "ACTOR")
    assert actors.count("London") == 1 and "Paris" in actors
    assert "Peter Ellison" not in actors


def test_a_dated_agency_dateline_with_a_hyphen_and_a_counted_unit_are_no_actors():
    text = ("Kursk plant unit nears the grid\n\nMOSCOW, Nov 14 (Reuters) - The two old units, with a combined "
            "capacity of about 2,000 MW, produced most of the region's power, Rosenergoatom said. Two UN agencies "
            "said the plant was safe.\n")
    junk = [text[a:b] for a, b in junk_ranges(text)]
    assert "MOSCOW, Nov 14 (Reuters) -" in junk
    actors = set(spans_of(text, "ACTOR"))
    assert not {"MW", "Reuters", "MOSCOW"} & actors
    assert {"Rosenergoatom", "UN"} <= actors
