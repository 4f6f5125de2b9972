"""Who speaks, in rules 32: a wire dateline with the country and the agency in brackets, "he" and "she" kept
apart once the text has told them apart, a surname the tagger read as a plural noun, a person in front of "of the
X faction", and a subhead that quotes someone. Made-up texts and names."""

from __future__ import annotations

from pathlib import Path

from suggest_support import sources_of, spans_of


def test_a_bracketed_wire_dateline_is_no_speaker_and_the_lead_names_him():
    text = ("Pisky Ridge (Ukraine) (AFP) – Oleh Darnytsia kneels at the edge of a field and points at a green disc.\n"
            "“That one takes a man’s leg off,” the 44-year-old sapper said quietly.\n"
            "Darnytsia said the fields would take years to clear.\n")
    assert "Pisky Ridge" not in spans_of(text, "ACTOR")
    assert sources_of(text)["That one takes a man’s leg off"] == "Oleh Darnytsia"


def test_he_skips_the_woman_named_last():
    text = ("Tomas Brandtner, the firm’s chief executive, said orders had doubled since the summer.\n"
            "“We are being asked to build for a war that everyone hopes ends soon,” he said.\n"
            "Imogen Fairwether, an analyst at Otterbank, said valuations assumed a long war.\n"
            "“The market is pricing in a long war,” she said.\n"
            "“You can build a hall for shell bodies in a year,” he said. “A propellant plant takes five.”\n")
    sources = sources_of(text)
    assert sources["The market is pricing in a long war"] == "Imogen Fairwether"
    assert sources["You can build a hall for shell bodies in a year"] == "Tomas Brandtner"


def test_a_surname_read_as_a_plural_noun_is_still_the_person():
    # the tagger reads "Rübesamen" as a plural noun in this article's sentence "Rübesamen said supplies of ..."
    text = (Path(__file__).parent / "gold" / "articles" / "fresh_153.txt").read_text(encoding="utf-8")
    sources = sources_of(text)
    assert sources["You can build a hall for shell bodies in a year"] == "Rübesamen"
    assert sources["The risk is not only the missiles"] == "Rübesamen"


def test_a_person_of_a_faction_is_no_part_of_its_name():
    text = ("Iryna Sarnatska of the European Solidarity faction accused the ministry of failing to resolve delays "
            "in combat payments. A deputy from the Servant of the People faction said the plan was late.")
    actors = spans_of(text, "ACTOR")
    assert {"Iryna Sarnatska", "European Solidarity", "Servant of the People"} <= set(actors)
    assert not any(a.startswith("Iryna Sarnatska of") for a in actors)


def test_a_subhead_that_quotes_someone_is_their_claim():
    text = ("Villagers return to Pisky Ridge\n\nThe church survived the shelling almost untouched.\n"
            "- ‘God kept the church’ -\n"
            "Mstyslav Kuprevych, the village priest, walked us round the nave.\n"
            "“God kept the church, and the people kept God,” said Kuprevych.\n"
            "“A safety valve”\n"
            "Darya Kolohryvova, a sociologist, says the anger is real.\n"
            "“For now the criticism works as a safety valve,” Kolohryvova said.\n")
    sources = sources_of(text)
    assert sources["God kept the church"] in ("Kuprevych", "Mstyslav Kuprevych")
    assert sources["A safety valve"] in ("Kolohryvova", "Darya Kolohryvova")


def test_a_quoted_subhead_nobody_says_below_is_no_claim():
    text = "Kursk evacuees wait for aid\n\n“Worth the wait”\n\nThe queue formed before dawn on Tuesday.\n"
    assert "Worth the wait" not in spans_of(text, "CLAIM")
