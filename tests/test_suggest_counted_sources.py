"""Rules 23 (after heldout20's first look): counted analysts are particular people ("Two independent analysts
said"), a source inside a body is the body ("a source in the finance ministry"), a body's name keeps all its
words ("the emergency situations ministry"), a first name the model calls a place is a person when her own
family follows ("Valentina pushed open her garden gate"), and a view hung on the wrong word still frames the
sentence ("By the Institute for the Study of War's assessment this month, ..."). Made-up texts and names."""

from __future__ import annotations

from suggest_support import sources_of


def test_counted_analysts_and_a_source_inside_a_body():
    text = ("Two independent analysts who reviewed the pictures for us said the damage was consistent with a fuel "
            "fire. A subsidy was unlikely to be granted in full, a source in the finance ministry said. “Clearing "
            "the land of explosives will take years,” the emergency situations ministry said.")
    sources = sources_of(text)
    assert sources["the damage was consistent with a fuel fire"] == "Two independent analysts"
    assert sources["A subsidy was unlikely to be granted in full"] == "finance ministry"
    assert sources["Clearing the land of explosives will take years"] == "emergency situations ministry"


def test_a_first_name_with_her_own_family_is_the_she_of_her_quotations():
    text = ("Sudzha – Valentina pushed open what was left of her garden gate and stopped. Officials from the "
            "regional administration say about 2,000 people have come back.\n\n“Forty-three years I lived here,” "
            "she said.")
    assert sources_of(text)["Forty-three years I lived here"] == "Valentina"


def test_a_view_the_parser_hung_on_the_wrong_word():
    text = ("By the Institute for the Study of War’s assessment this month, Ukrainian forces hold somewhere between "
            "500 and 600 square kilometers.")
    sources = sources_of(text)
    assert sources["Ukrainian forces hold somewhere between 500 and 600 square kilometers"] == (
        "Institute for the Study of War")
