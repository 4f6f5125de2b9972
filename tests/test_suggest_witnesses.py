"""Rules 16 (after heldout13's first look): speakers nobody names. Ordinary people who speak as witnesses
("Residents say", "a North Korean soldier says"), a person known by an age ("the 26-year-old said"), "he" for
an unnamed person a paragraph or two back, a relative clause's speaker ("The man, who said he was 26"), a hearer
who is no source ("families were told ..."), a call sign in quotation marks, and a web page's dateline with the
agency after it ("Kyiv, Ukraine CNN —"). Made-up texts and names."""

from __future__ import annotations

from suggest_support import sources_of, spans_of


def test_residents_and_activists_who_speak_are_unnamed_group_sources():
    text = ("Residents of several villages near the border say officials gave no warning. Activists estimate that "
            "hundreds of people stayed behind. Protesters said they had not been paid since March.")
    sources = sources_of(text)
    assert sources["officials gave no warning"] == "Residents of several villages near the border"
    assert sources["hundreds of people stayed behind"] == "Activists"
    assert sources["they had not been paid since March"] == "Protesters"


def test_analysts_say_stays_a_generic_group_with_no_source():
    text = "Analysts say the offensive will stall by winter."
    assert sources_of(text) == {}
    assert spans_of(text, "ACTOR") == []


def test_one_unnamed_soldier_speaks_and_he_refers_to_him_paragraphs_later():
    text = ("A North Korean soldier captured in the Kursk region says he was sent abroad for training, according "
            "to footage released by Ukraine’s security service. The man, who said he was 26, was wounded.\n"
            "SBU spokesperson Yevhen Marchuk told reporters the men were being treated as prisoners of war.\n"
            "In the interview, the 26-year-old said he had arrived in Russia in November. His unit, he said, "
            "trained for two months.\n"
            "He described heavy losses from drones.\n"
            "“We were not taught what to do about drones,” he said.")
    sources = sources_of(text)
    assert sources["he was sent abroad for training"] == "North Korean soldier"
    assert sources["We were not taught what to do about drones"] == "26-year-old"


def test_the_aged_speaker_is_the_person_given_that_age():
    text = ("Petro Marchenko, 67, lives alone on the edge of the village. Olena Hrytsenko, a nurse, stayed too.\n"
            "The 67-year-old said the shelling never stops.")
    assert sources_of(text)["the shelling never stops"] == "Petro Marchenko"


def test_a_relative_clause_names_its_speaker():
    text = "The man, who said he was 26, is one of two soldiers Ukraine says it has captured this week."
    assert sources_of(text)["he was 26"] == "man"


def test_who_was_told_is_no_source_and_the_outer_speaker_keeps_the_clause():
    text = "Kwak Dae-sung says that families were told their sons had gone on a training exercise."
    assert sources_of(text) == {"families were told their sons had gone on a training exercise": "Kwak Dae-sung"}


def test_a_call_sign_in_quotation_marks_names_the_speaker():
    text = ("“It is looking for something,” says a soldier who goes by the call sign “Shaman”. He has been on this "
            "stretch of the border for seven months.")
    assert sources_of(text)["It is looking for something"] == "Shaman"


def test_a_web_dateline_with_the_agency_after_it_is_no_speaker():
    text = ("Kyiv, Ukraine CNN\u00a0— A captured soldier says he was told he was going to a training camp.")
    assert sources_of(text) == {"he was told he was going to a training camp": "captured soldier"}
    assert "Ukraine CNN" not in spans_of(text, "ACTOR")
