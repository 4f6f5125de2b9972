"""Rules 22 (after heldout19's first look): two sums read apart are one range ("$35,000 to $50,000"), "hand over"
is no hedge, "as far as" is, a plural counts itself ("11 cases"), places just named are not counted again ("Olgovka
and Lyubimovka, two settlements"); a body that did not answer speaks through "its press service", a commissariat
is a body, "repeated that" reports, "X says ...; Y says ..." are two reports, and a speaker's own data is reported
whole. Made-up texts and names."""

from __future__ import annotations

from suggest_support import sources_of, spans_of


def test_sums_and_counts_of_a_sourcing_desk():
    text = ("Drones, which we estimate cost $35,000 to $50,000 each, are met with missiles. Rent rose from $20 to "
            "$25. Berlin could hand over 50 to 100 without weakening itself. Units moved as far as 30 kilometers "
            "into Russia. In at least 11 cases relatives asked us not to name their sons. Moscow said it took "
            "Olgovka and Lyubimovka, two settlements about 10 km from the border.")
    assert spans_of(text, "FIGURE") == ["$35,000 to $50,000", "$20", "$25", "50 to 100", "as far as 30 kilometers",
                                        "at least 11 cases", "about 10 km"]


def test_a_body_that_did_not_answer_replies_through_its_press_service():
    text = ("We sent questions to the Tambov region’s military commissariat. In a written reply a week later, the "
            "commissariat said it had fulfilled all its obligations. The defence ministry did not answer our "
            "questions directly. In an emailed reply, its press service said that conscripts are not involved in "
            "the operation.")
    sources = sources_of(text)
    assert sources["it had fulfilled all its obligations"] == "commissariat"
    assert sources["conscripts are not involved in the operation"] == "defence ministry"


def test_more_ways_of_reporting():
    text = ("Russia says it retook two more villages in Kursk; Ukraine says fighting goes on\n\nThe spokesman "
            "Arkady Pelevin said the army would clear the region, but repeated that no timetable had been set. "
            "Kostiantyn Chubenko said his own data suggested Ukraine had lost a third of the area.")
    sources = sources_of(text)
    assert sources["it retook two more villages in Kursk"] == "Russia"
    assert sources["fighting goes on"] == "Ukraine"
    assert sources["no timetable had been set"] == "Arkady Pelevin"
    assert sources["his own data suggested Ukraine had lost a third of the area"] == "Kostiantyn Chubenko"
