"""Rules 18 (after heldout15's first look): counts of a part ("two of her neighbours"), the casualty verb of a
clause cut short ("killed and six injured"), "or more" before the counted noun, a hedged "double", a sum put into
something ("$12 million in three companies"), plain plural speakers ("executives said"), and two more kinds of
page furniture (a byline with a second credit, a wire's "Follow ... coverage at <link>"). Made-up texts and names."""

from __future__ import annotations

from suggest_support import sources_of, spans_of


def test_a_count_of_a_part_is_the_number_alone():
    text = ("She added that two of her neighbours had left. Eleven of them died in hospital. Air defences shot "
            "down 61 of the drones. It was one of our biggest wins.")
    assert spans_of(text, "FIGURE") == ["two", "Eleven", "61"]


def test_a_fraction_of_a_whole_stays_the_fraction():
    text = "The companies had been down to perhaps a third of their strength."
    assert spans_of(text, "FIGURE") == ["perhaps a third"]


def test_the_casualty_verb_of_a_clause_cut_short_is_not_counted():
    text = ("Two people were killed and six injured in the strike. In Sumy, one person died, three injured. "
            "Officials said at least 43 killed and more than 180 injured since August.")
    assert spans_of(text, "FIGURE") == ["Two people", "six", "three", "at least 43 killed", "more than 180 injured"]


def test_or_more_and_more_keep_the_counted_noun_or_the_word():
    text = ("Officials cited figures of 50,000 or more Russian troops tied down in Kursk. Output could fall by a "
            "quarter or more within months. Twelve houses were destroyed and several thousand more damaged.")
    assert spans_of(text, "FIGURE") == ["50,000 or more Russian troops", "a quarter or more", "Twelve houses",
                                        "several thousand more"]


def test_taken_prisoner_counts_the_soldiers_and_several_dozen_counts_its_noun():
    text = ("The army said it had taken 594 Russian servicemen prisoner. Exchanges returned at least several "
            "dozen conscripts.")
    assert spans_of(text, "FIGURE") == ["594 Russian servicemen", "at least several dozen conscripts"]


def test_a_hedged_double_is_a_figure_and_a_verb_is_not():
    text = ("Inflation was 8.5% in October, more than double the central bank’s target. The plants plan to "
            "double output.")
    assert spans_of(text, "FIGURE") == ["8.5%", "more than double"]


def test_a_sum_put_into_companies_is_no_ratio():
    text = "The fund had invested a total of $12 million in three Ukrainian companies, he said."
    assert spans_of(text, "FIGURE") == ["$12 million", "three Ukrainian companies"]


def test_plain_plural_speakers_are_groups_and_generic_ones_are_not():
    text = ("Ukrainian drone makers have sharply increased output since August, executives said, as front-line "
            "demand grows. Aid groups report that shelters are full. Analysts say the offensive will stall.")
    sources = sources_of(text)
    assert sources == {"Ukrainian drone makers have sharply increased output since August": "executives",
                       "shelters are full": "Aid groups"}


def test_bylines_with_a_second_credit_and_a_wire_coverage_link_are_furniture():
    text = ("Conscripts were sent to the border\n"
            "Story by Varvara Quill. English-language version by Meduza.\n"
            "by Olena Brisk and the Kyiv Independent news desk\n"
            "The ministry said the conscripts were safe.\n"
            "Follow AP’s coverage of the war in Ukraine at https://apnews.com/hub/russia-ukraine\n")
    assert spans_of(text, "ACTOR") == ["ministry"]
