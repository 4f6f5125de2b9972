"""Rules 21 (after heldout18's first look): a body speaks through "its press service" and "it" the sentence after
it is named, a brigade is the one named before, a document speaks with the words that say which ("A classified
assessment concludes"), a rank keeps its full stop ("Capt."), "one subscriber wrote", a call sign is no actor, and
figures: "seven out of 10", "6 min read" is furniture. Made-up texts and names."""

from __future__ import annotations

from suggest_support import sources_of, spans_of


def test_a_body_speaks_through_its_press_service_and_as_it():
    text = ("Marko is one of the soldiers of the 149th Separate Assault Brigade who came back in January. The "
            "brigade has been pulled back to Sumy Oblast for rest, its press service told the Kyiv Independent. "
            "According to the brigade’s press service, its drone units flew more than 9,400 sorties. The brigade "
            "also said it had captured 63 Russian soldiers.\n\nRussia’s Defense Ministry dismissed the claims. In a "
            "statement, it said its forces had cleared the region.")
    sources = sources_of(text)
    assert sources["The brigade has been pulled back to Sumy Oblast for rest"] == "Separate Assault Brigade"
    assert sources["its drone units flew more than 9,400 sorties"] == "brigade’s press service"
    assert sources["it had captured 63 Russian soldiers"] == "Separate Assault Brigade"
    assert sources["its forces had cleared the region"] == "Defense Ministry"


def test_a_document_speaks_with_the_words_that_say_which():
    text = ("A classified assessment concludes that the foothold is shrinking. The assessment, which was circulated "
            "last week, estimates that Ukraine holds roughly 190 square miles. A Western intelligence estimate puts "
            "the losses at 35,000 men a month.")
    sources = sources_of(text)
    assert sources["the foothold is shrinking"] == "classified assessment"
    assert sources["Ukraine holds roughly 190 square miles"] == "assessment"
    assert sources["35,000 men a month"] == "Western intelligence estimate"


def test_a_rank_keeps_its_full_stop_and_the_name_after_a_quotation_speaks():
    text = ("“We are not where we were last summer,” Capt. Yevhen Rozhok, a spokesman for an air assault brigade, "
            "told The Associated Press by phone.")
    assert sources_of(text) == {"We are not where we were last summer": "Yevhen Rozhok"}


def test_a_reader_who_writes_in_and_a_call_sign():
    text = ("“They showed us on TV handing out keys,” one subscriber wrote in a message the channel posted. Olena, "
            "a 29-year-old combat medic whose call sign is “Zozulia,” said the evacuation was the hardest part.")
    sources = sources_of(text)
    assert sources["They showed us on TV handing out keys"] == "one subscriber"
    assert sources["the evacuation was the hardest part"] == "Olena"
    assert "Zozulia" not in spans_of(text, "ACTOR")


def test_a_share_out_of_a_whole_and_a_reading_time():
    text = "January 16, 2025 5:47 PM\n6 min read\n\n“In September, maybe seven out of 10 of our drones got through.”"
    assert spans_of(text, "FIGURE") == ["maybe seven out of 10"]
