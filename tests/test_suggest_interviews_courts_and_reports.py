"""Suggestions on labelled interviews, court reports and an NGO's own report release (rules 46): answers under a
speaker's label, reports nested in them, the two sides of a trial, whose report "the report" is, listeners who
are not the next "she", denials, quoted subheads and counts the recogniser misread. Made-up texts and names."""

from __future__ import annotations

from suggest_support import sources_of, spans_of

INTERVIEW = (
    "Halyna Oliinyk, a 34-year-old field nurse from Poltava, spent two months in Kursk Oblast.\n\n"
    "The Daily Ledger: What was the hardest part?\n\n"
    "Halyna Oliinyk: The roads. We drove about 30 kilometers each way, and the drones watched every turn.\n\n"
    "A platoon commander told me a single drone had hit his truck twice in one night. He said the Russians "
    "now fly at dusk.\n\n"
    "The Daily Ledger: How did you cope with supplies?\n\n"
    "Oliinyk: Badly at first. A woman named Vira Ostapenko, 81, told me she had not seen a doctor since July.\n\n"
    "Halyna Oliinyk is a pseudonym used at her request.\n"
)


def test_labelled_answers_and_their_continuations_are_the_interviewees():
    sources = sources_of(INTERVIEW)
    answer = "The roads. We drove about 30 kilometers each way, and the drones watched every turn."
    assert sources[answer] == "Halyna Oliinyk"
    carried_on = next(text for text in sources if text.startswith("A platoon commander told me"))
    assert sources[carried_on] == "Halyna Oliinyk"  # the paragraph that carries the answer on
    assert not any(text.startswith(("What was", "How did")) for text in sources)  # questions state nothing
    assert sources["a single drone had hit his truck twice in one night"] == "platoon commander"
    assert sources["the Russians now fly at dusk"] == "platoon commander"  # "He" inside the answer
    assert sources["she had not seen a doctor since July"] == "Vira Ostapenko"  # "a woman named X"


COURT = (
    "The regional court sentenced Pavel Rusakov, 31, to 12 years in a strict-regime colony.\n\n"
    "According to the prosecution, between late June and 8 August 2024 Rusakov filmed army trucks near the "
    "station and sent the clips to a channel called Tikhy Bereg (\u201cQuiet Shore\u201d).\n\n"
    "The defence argued that the payments were too small to show a mercenary motive.\n\n"
    "\u201cThey took everything,\u201d his mother, Lidia Rusakova, told Okno. Since the arrest she has been "
    "allowed one visit, she said.\n\n"
    "Moscow has denied any role in the arrests. The reporter was denied entry to the court.\n"
)


def test_the_two_sides_of_a_trial_speak():
    sources = sources_of(COURT)
    prosecution = next(text for text in sources if text.startswith("between late June"))
    assert sources[prosecution] == "prosecution"  # the parser hangs the clause on "According"
    assert sources["the payments were too small to show a mercenary motive"] == "defence"


def test_a_listener_is_not_the_next_she_and_a_denial_is_a_claim():
    sources = sources_of(COURT)
    assert sources["Since the arrest she has been allowed one visit"] == "Lidia Rusakova"  # not Okno
    assert sources["any role in the arrests"] == "Moscow"
    assert not any(text.startswith("entry") for text in sources)


REPORT = (
    "Frontier Watch said in a report released on Thursday that both armies had used cluster munitions near "
    "the border.\n\n"
    "The 60-page report documents 51 attacks.\n\n"
    "The report finds that most of the attacks hit villages far from any military target.\n\n"
    "\u201cThey came at night\u201d\n\n"
    "Anton Zhelezniak, 58, said the shells landed in his garden. \u201cWe heard them whistle,\u201d he said.\n"
)


def test_the_report_is_the_group_that_put_it_out():
    sources = sources_of(REPORT)
    assert sources["most of the attacks hit villages far from any military target"] == "Frontier Watch"


def test_a_quoted_subhead_is_the_section_speakers_not_the_last_speakers():
    assert sources_of(REPORT)["They came at night"] == "Anton Zhelezniak"


def test_counts_the_recogniser_misread_and_plant_units():
    figures = spans_of("We took out civilians, maybe 25 or 30, mostly elderly. The inspectors toured units 3 "
                       "and 4 of the plant and counted 12 cracked panels.", "FIGURE")
    assert "maybe 25 or 30" in figures and "12 cracked panels" in figures
    assert "3" not in figures and "4" not in figures
