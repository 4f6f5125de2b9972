"""Rules 14: names the recogniser cut or mislabelled, and sources referred back to. A given name it left out
("Gergely" of "Gergely Szentkirályi"), "Mr"/"Ms" before a surname (titles listed only with their full stop), a name
after a title the recogniser read as a work of art, "the department" for a ministry named before, "the governor"
for the governor named in apposition, "she" after a name in apposition to "minister", and a speaker known only
by the name given at the end of a description. Rules 15 (after heldout12's first look): "he" is the subject of
the last sentence rather than the person it only replies to, a charity in apposition makes no person, a speaker
known by a call sign, a body with its own description ("the presidential press service") is not another body named
before, a first name with an age, "By Kyiv's count" and "By one estimate from X", "as high as", and "over 1,200 sq
km" the parser read as an object. Made-up texts and names."""

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


# -- rules 15, tuned on heldout12 after its one look ---------------------------------------------------------------


def test_he_is_the_subject_of_the_sentence_not_the_person_it_replies_to():
    text = ("Defence Minister Wiesław Kordecki opened the debate. Back in the chamber, Kordecki closed the debate "
            "with a short reply to Zygmunt Ptaszyński.\n“We can argue about paperwork,” he said.")
    assert sources_of(text)["We can argue about paperwork"] == "Kordecki"


def test_a_charity_in_apposition_is_no_person():
    text = ("The crew is run by Roksana Dzhyhyr, 31, who coordinates evacuations for Lastivka, a small Sumy-based "
            "charity. Since early August, she says, its two minivans have made about 140 trips into the border zone.")
    assert set(sources_of(text).values()) == {"Roksana Dzhyhyr"}


def test_a_speaker_known_by_a_call_sign():
    text = ("“We thought, OK, now they will have to take people from here,” said a platoon commander who goes by "
            "the call sign Borsuk, speaking at a rear position.")
    assert sources_of(text)["We thought, OK, now they will have to take people from here"] == "Borsuk"


def test_a_body_with_its_own_description_is_not_another_body_named_before():
    text = ("The Belarus Service of the broadcaster reported new drills on Monday. The presidential press service "
            "said on Tuesday that the leader had discussed the border by phone.\n"
            "The Finance Ministry said the payments were covered. Farmers could not bring in about 200,000 tons of "
            "wheat, according to an estimate by the regional agriculture ministry.")
    sources = sources_of(text)
    assert sources["the leader had discussed the border by phone"] == "presidential press service"
    assert sources["Farmers could not bring in about 200,000 tons of wheat"] == "regional agriculture ministry"


def test_a_first_name_with_an_age_is_a_person_the_recogniser_missed():
    text = ("‘Nineteen days with other people’s cows’\n\nPetro, 67, stayed behind in his village near Velyka "
            "Pysarivka for 19 days after his wife and daughter left.\n\n“Nobody was going to feed them if I didn’t,” "
            "he says.")
    assert sources_of(text)["Nobody was going to feed them if I didn’t"] == "Petro"


def test_by_someones_count_or_estimate():
    text = ("By Kyiv’s count, the area under its control amounts to a little over 4% of the region.\n"
            "The European official said the front was stable. By one estimate from the European official, Kyiv "
            "committed parts of at least eight brigades to the operation.")
    sources = sources_of(text)
    assert sources["the area under its control amounts to a little over 4% of the region"] == "Kyiv"
    assert sources["Kyiv committed parts of at least eight brigades to the operation"] == "European official"


def test_as_high_as_and_a_number_the_parser_took_for_an_object():
    text = ("State media have reported figures as high as a third of the country’s ground forces. Kyiv says its "
            "troops still hold over 1,200 sq km.")
    assert {"as high as a third", "over 1,200 sq km"} <= set(spans_of(text, "FIGURE"))
