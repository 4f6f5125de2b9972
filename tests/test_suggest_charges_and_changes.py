"""Rules 19 (after heldout16's first look): a charge is a claim ("accused Ukraine of putting the plant in
danger"), findings are claims ("found that", "judged that"), an interviewee known by a first name only ("gave only
his first name, Vasyl"; "Vitalii, 34," the recogniser took for a product) speaks the quotations after him, a change
"from 20% to 22%" is two figures, and some hedges and non-figures of business reporting. Made-up texts and names,
and two paragraphs of our own fictional article fresh_90."""

from __future__ import annotations

from pathlib import Path

from suggest_support import sources_of, spans_of

GOLD_ARTICLES = Path(__file__).parent / "gold" / "articles"


def test_an_accusation_is_a_claim_of_the_accuser():
    text = ("Russia’s state nuclear corporation Rosatom accused Ukraine of putting the plant in danger. The "
            "ministry said the talks had stalled, accusing Kyiv of dragging out negotiations. He was accused of "
            "treason.")
    sources = sources_of(text)
    assert sources["putting the plant in danger"] == "Rosatom"
    assert sources["dragging out negotiations"] == "ministry"
    assert "treason" not in sources


def test_findings_and_judgements_are_claims():
    text = ("Olga Brandt and her co-authors examined 412 strikes. Brandt found that 71 percent occurred far behind "
            "the line. Brandt judged that road throughput fell by roughly half.")
    sources = sources_of(text)
    assert sources["71 percent occurred far behind the line"] == "Brandt"
    assert sources["road throughput fell by roughly half"] == "Brandt"


def test_a_man_who_gives_only_his_first_name_speaks_the_next_quotation():
    text = ("Marko Zelinsky drives the evacuation van. A man in his 50s, loading sacks into the back of "
            "Zelinsky’s van, gave only his first name, Vasyl, because, he said, his son was serving in the army.\n"
            "“The bombs come before the sound,” he said.")
    sources = sources_of(text)
    assert sources["his son was serving in the army"] == "Vasyl"
    assert sources["The bombs come before the sound"] == "Vasyl"


def test_a_first_name_with_an_age_is_a_person_whatever_the_recogniser_calls_it():
    lines = (GOLD_ARTICLES / "fresh_90.txt").read_text(encoding="utf-8").split("\n")
    text = "\n".join(lines[14:21])  # the recogniser reads "Vitalii" in "Vitalii, 34, a mortar crewman" as a product
    sources = sources_of(text)
    quote = next(claim for claim in sources if claim.startswith("We were in a village past Sudzha"))
    assert sources[quote] == "Vitalii"


def test_a_change_from_one_number_to_another_is_two_figures_and_a_range_is_one():
    text = ("The government is raising value-added tax from 20% to 22%. The landlord raised the rent from 18,000 "
            "to 25,000 rubles a month. Western estimates range from 10,000 to 15,000.")
    assert spans_of(text, "FIGURE") == ["20%", "22%", "18,000", "25,000 rubles", "10,000 to 15,000"]


def test_hedges_of_business_reporting_and_where_a_number_moves():
    text = ("Unemployment is below 3 per cent and will not fall below 2 percent. Sumy, barely 30 kilometers from "
            "the border, was hit. The ministry will call off an additional 100,000 rounds.")
    assert spans_of(text, "FIGURE") == ["below 3 per cent", "2 percent", "barely 30 kilometers",
                                        "additional 100,000 rounds"]


def test_a_glued_calibre_is_no_figure_and_times_as_many_is_one():
    text = ("The plant made about 180,000 rounds of 155mm ammunition. A standard 155mm shell costs more. He kept "
            "cows, two of which were killed. Strikes were roughly three times as many as in 2023.")
    assert spans_of(text, "FIGURE") == ["about 180,000 rounds", "two", "roughly three times as many"]
