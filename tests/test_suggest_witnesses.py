"""Rules 16 (after heldout13's first look): speakers nobody names. Ordinary people who speak as witnesses
("Residents say", "a North Korean soldier says"), a person known by an age ("the 26-year-old said"), "he" for
an unnamed person a paragraph or two back, a relative clause's speaker ("The man, who said he was 26"), a hearer
who is no source ("families were told ..."), a call sign in quotation marks, and a web page's dateline with the
agency after it ("Kyiv, Ukraine CNN —"). Made-up texts and names."""

from __future__ import annotations

from pathlib import Path

from suggest_support import sources_of, spans_of

GOLD_ARTICLES = Path(__file__).parent / "gold" / "articles"


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


# -- rules 17, tuned on heldout14 after its one look --------------------------------------------------------------

def test_a_capital_the_recogniser_took_for_a_person_is_not_who_he_is():
    text = ("Ukraine’s ambassador to Germany, Ostap Zhyvotovskyi, used the moment to renew Kyiv’s appeal for "
            "long-range weapons. In a post on X, he thanked Germany for being “the second-largest supporter of our "
            "defense after the United States” and said the Kursk operation had shown that “Russia’s red lines exist "
            "mainly in the minds of those who fear them.”")
    assert set(sources_of(text).values()) == {"Ostap Zhyvotovskyi"}


def test_critics_who_argue_are_generic_and_he_is_the_person_named():
    lines = (GOLD_ARTICLES / "fresh_77.txt").read_text(encoding="utf-8").split("\n")
    text = "\n".join(lines[50:55])  # the commander answers his critics (heldout14, where "Critics" was a speaker)
    assert "Critics in Ukraine and abroad argue" in text
    sources = sources_of(text)
    assert "Critics" not in sources.values()
    assert sources["I understand people who ask it. My friends are near Pokrovsk, I talk to them"] == "Stupnytskyi"


def test_unnamed_groups_keep_their_quantifier_and_their_first_adjective():
    text = ("Current and former officials say American intelligence tracked the buildup for weeks.\n\n"
            "Some current officials push back on that reading, noting that the United States shares intelligence "
            "with Kyiv daily.")
    sources = sources_of(text)
    assert sources["American intelligence tracked the buildup for weeks"] == "Current and former officials"
    assert "Some current officials" in sources.values()


def test_the_speaker_after_said_is_not_lost_to_the_clause_after_him():
    text = ("Three former officials described the assessment.\n\n"
            "“We saw the pieces,” said one U.S. official, who like others interviewed for this article spoke on the "
            "condition of anonymity.")
    assert sources_of(text)["We saw the pieces"] == "one U.S. official"
