"""Suggestions on transcripts, briefing digests, translated agency copy and features: speaker turns, sourced
bullets, tables, spoken numbers, phone numbers and markers, passive and impersonal reporting, pull quotes.
Made-up texts and names."""

from __future__ import annotations

from suggest_support import sources_of, spans_of

TRANSCRIPT = (
    "This week host Ada Brenner talks to Ilse Marten, who runs a ferry service, and to Piet Vos, an analyst.\n"
    "[10:02]\n"
    "HOST: So where are we with the crossings this winter?\n"
    "MARTEN: Honestly, we lost a third of the boats, maybe a bit less, since October.\n"
    "VOS: I would be more careful. The open maps show forty-odd kilometres of river closed.\n"
    "HOST: Ilse, what about the drivers?\n"
    "MARTEN: They wait about two, maybe three days at the bank.\n"
)


def test_transcript_turns_are_claims_of_the_named_guests():
    sources = sources_of(TRANSCRIPT)
    assert sources["Honestly, we lost a third of the boats, maybe a bit less, since October."] == "Ilse Marten"
    assert sources["I would be more careful. The open maps show forty-odd kilometres of river closed."] == "Piet Vos"
    assert not any(text.startswith("So where") for text in sources)  # the host is the programme's own voice
    assert not {"HOST", "MARTEN", "VOS"} & set(spans_of(TRANSCRIPT, "ACTOR"))


def test_spoken_figures():
    figures = spans_of(TRANSCRIPT, "FIGURE")
    assert "a third" in figures and "forty-odd kilometres" in figures
    text = ("They counted eleven, twelve thousand men, roughly one in four of them wounded, a hundred and fifty, "
            "give or take.")
    figures = spans_of(text, "FIGURE")
    assert "eleven, twelve thousand men" in figures
    assert "roughly one in four" in " ".join(figures)
    assert "a hundred and fifty, give or take" in figures


def test_sourced_bullets_and_tables():
    text = ("Key figures\n"
            "\u2022 1,150 sq km \u2014 area claimed at peak, late August (Moldovan General Staff) [1]\n"
            "\u2022 84,000+ \u2014 residents moved from the border districts (regional authorities)\n"
            "Period           Area held     Source\n"
            "Early Oct        c. 850        ISW\n"
            "Early Jan        450\u2013500       ISW\n")
    sources = sources_of(text)
    assert sources["84,000+ \u2014 residents moved from the border districts"] == "regional authorities"
    assert "1,150 sq km \u2014 area claimed at peak, late August" in sources
    figures = spans_of(text, "FIGURE")
    assert {"1,150 sq km", "84,000+", "c. 850", "450\u2013500"} <= set(figures)
    assert "1" not in figures  # the footnote marker


def test_markers_labels_and_phone_numbers_are_no_figures():
    text = ("1. The ferry carried 40 lorries.\n2) Episode 87 was recorded in room 214 under order No. 2417/INF.\n"
            "Call the hotline on 8-800-200-34-11 or +44 20 7946 0183 for the 3 shelters. See [2].\n")
    figures = spans_of(text, "FIGURE")
    assert figures == ["40 lorries", "3 shelters"]


def test_translated_agency_reporting():
    text = ("The Ministry of Transport of the Russian Federation stated that 40 barges were inspected. The check, "
            "the second this month, was carried out \u201cin full\u201d, it was noted in the department. In the "
            "Kremlin it was stated that there can be no question of new talks. Two piers were damaged, as was "
            "reported by the port administration. As the acting governor of the region, Pavel Ostrov, reported in "
            "his channel, more than 12 000 residents have been moved.")
    sources = sources_of(text)
    assert sources["40 barges were inspected"] == "Ministry of Transport of the Russian Federation"
    assert sources["there can be no question of new talks"] == "Kremlin"
    assert sources["more than 12 000 residents have been moved"] == "Pavel Ostrov"
    assert sources["Two piers were damaged"] == "port administration"


def test_pull_quotes_and_spokespeople_for_a_body():
    text = ("Ilse Marten runs the ferry. She has crossed 400 times.\n"
            "\u201cWe are not leaving. We are waiting for the ice to go.\u201d \u2014 Ilse Marten\n"
            "A spokeswoman for the Tulcea county emergency committee declined to comment but noted that the ferries "
            "run daily.")
    sources = sources_of(text)
    assert sources["We are not leaving. We are waiting for the ice to go."] == "Ilse Marten"
    assert sources["the ferries run daily"] == "Tulcea county emergency committee"
