"""Rules 41: a report made inside a quotation by someone other than the one quoted is that someone's claim too
("“The agent said it was a job in a warehouse,” Kaur said"), but not a habit, a hypothesis or a pronoun for
someone named paragraphs before; another name in parentheses after an actor's name is an actor ("Dobryi
Shliakh (Good Road)", "(OCHA)"), a senator's party and state is not; "The family says" is the family.
Made-up texts."""

from __future__ import annotations

from suggest_support import shared_engine, sources_of, spans_of


def _claims_by(text: str, source: str) -> list[str]:
    return [claim for claim, by in sources_of(text).items() if by == source]


def test_a_report_inside_a_quotation_is_the_inner_speakers_and_the_quotation_stays_the_outer():
    text = ("Harpreet Gill, 52, sold part of the family land in March.\n\n"
            "“The agent said it was a job in a warehouse near Moscow,” Gill said.\n\n"
            "Tomas Varga spent five months in a Russian unit. “Every day the commander told us we would go home "
            "in a month,” he said.\n")
    sources = sources_of(text)
    assert sources["The agent said it was a job in a warehouse near Moscow"] == "Gill"
    assert sources["it was a job in a warehouse near Moscow"] == "agent"
    assert sources["we would go home in a month"] == "commander"
    assert sources["Every day the commander told us we would go home in a month"] == "Tomas Varga"  # his words


def test_no_inner_claim_for_a_habit_a_hypothesis_or_the_speaker_himself():
    text = ("Pavel Orlov runs a veterans’ club near Voronezh.\n\n"
            "“A commander who writes that everything is fine gets a medal. People wait until the military says "
            "it is safe. I said we would stay,” Orlov said.\n")
    sources = sources_of(text)
    assert set(sources.values()) <= {"Orlov", "Pavel Orlov"}
    assert "everything is fine" not in sources and "it is safe" not in sources


def test_a_pronoun_inside_a_quotation_needs_someone_named_in_the_same_paragraph():
    text = ("Dmitry Lapin, the prosecutor, spoke for an hour.\n\n"
            "Nina Rudakova, 71, testified on Monday. “He said we should wait for the next bus,” she said.\n\n"
            "Andriy Moroz, 20, signed a contract in August. “He told me on the phone that he had done it,” his "
            "mother Olha said.\n")
    sources = sources_of(text)
    assert "we should wait for the next bus" not in sources  # the prosecutor was named a paragraph before
    assert sources["he had done it"] == "Andriy Moroz"  # named in this paragraph


def test_another_name_in_parentheses_after_an_actor_is_an_actor_too():
    text = ("Oksana Melnyk, who coordinates evacuations for the volunteer group Dobryi Put (Good Road), said her "
            "team made 47 trips.\n\n"
            "Sen. Walter Brannigan (R-Idaho), a member of the committee, said the aid must go on.\n\n"
            "The UN Office for the Coordination of Humanitarian Affairs said 40 people had died. The figures came "
            "from the UN Office for the Coordination of Humanitarian Affairs (OCHA).\n")
    actors = spans_of(text, "ACTOR")
    assert "Good Road" in actors and "OCHA" in actors
    assert not any("Idaho" in a for a in actors)
    result = shared_engine().suggest(text)
    aliases = [s for s in result.spans if s.attributes.get("rule") == "alias"]
    assert [text[s.start : s.end] for s in aliases] == ["Good Road", "OCHA"]


def test_the_family_says_is_the_family_not_the_person_the_paragraph_named():
    text = ("Rakesh Verma was 24 when he left for Moscow. The family says it paid 300,000 rupees to an agent.\n")
    assert sources_of(text)["it paid 300,000 rupees to an agent"] == "family"
