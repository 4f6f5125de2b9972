"""Rules 14: names the recogniser cut or mislabelled, and sources referred back to. A given name it left out
("Gergely" of "Gergely Szentkirályi"), "Mr"/"Ms" before a surname (titles listed only with their full stop), a name
after a title the recogniser read as a work of art, "the department" for a ministry named before, "the governor"
for the governor named in apposition, "she" after a name in apposition to "minister", and a speaker known only
by the name given at the end of a description. Made-up texts and names."""

from __future__ import annotations

from suggest_support import shared_engine, sources_of, spans_of


def test_a_given_name_the_recogniser_left_out_belongs_to_the_name():
    text = ("Hungary’s foreign minister, Gergely Szentkirályi, said Budapest had abstained.\n"
            "“We will not pay for this,” he said.")
    assert "Gergely Szentkirályi" in spans_of(text, "ACTOR")
    assert sources_of(text)["We will not pay for this"] == "Gergely Szentkirályi"


def test_mr_and_ms_are_titles_written_without_their_full_stop():
    text = ("“The bridge is gone,” Mr Dobrinescu said on Monday. Mr Dobrinescu, a Romanian senator, declined to "
            "elaborate.")
    assert set(spans_of(text, "ACTOR")) == {"Dobrinescu"}
    assert shared_engine().config.is_title("ms") and shared_engine().config.is_title("mr.")


def test_a_title_inside_a_name_the_recogniser_misread():
    text = ("“Surprise is still possible, even on a transparent battlefield,” Armed Forces Minister Armand "
            "Pelletrain told the National Assembly’s defence committee on Tuesday.")
    assert sources_of(text)["Surprise is still possible, even on a transparent battlefield"] == "Armand Pelletrain"


def test_the_department_and_the_governor_refer_back():
    text = ("The Ministry of Defence reported new strikes.\n\n"
            "The enemy has lost more than 400 servicemen, according to the department.\n\n"
            "The evacuation of border villages continues, the governor, Anatoly Sevrugin, told reporters.\n\n"
            "Two civilians were injured overnight, the governor said.")
    sources = sources_of(text)
    assert sources["The enemy has lost more than 400 servicemen"] == "Ministry of Defence"
    assert sources["Two civilians were injured overnight"] == "Anatoly Sevrugin"
    assert "department" not in spans_of(text, "ACTOR") and "governor" not in spans_of(text, "ACTOR")


def test_she_after_a_name_in_apposition_to_a_minister():
    text = ("Poland’s deputy defence minister, Radek Wolnicki, said the money came late. “It is late, not too late,” "
            "he said.\nFrance’s defence minister, Bérénice Lamarcheau, defended Paris’s position. Lamarcheau said a "
            "dozen countries had pledged troops.\n“We will not send soldiers to fight Russia,” she said.")
    assert sources_of(text)["We will not send soldiers to fight Russia"] == "Lamarcheau"


def test_a_speaker_known_by_the_name_given_after_a_description():
    text = ("“They move in pairs now,” says a company commander, a captain who asked to be identified only by his "
            "first name, Taras. “They have learned.”")
    assert sources_of(text)["They move in pairs now"] == "Taras"
