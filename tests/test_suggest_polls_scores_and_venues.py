"""Rules 44: a poll "carried out by" a pollster is the pollster's; an organisation the parser read as a noun
in apposition speaks ("Russia's largest lender, state-owned Sberbank, said"); a venue is a place, a stance
("pro-Kremlin") no actor, a short form after a common word ("telephone (CATI)") no name, footage no speaker, a
plural capitalised for opening a sentence no name, "Main image credit:" furniture; a score ("a 1-1 draw"), "the
12,000 figure" and "Lyceum No. 2" are no figures. Made-up texts."""

from __future__ import annotations

from suggest_support import sources_of, spans_of


def test_a_poll_carried_out_by_a_pollster_and_an_organisation_read_as_a_noun():
    text = ("The poll, carried out by the Warsaw-based research agency Pryzma between 16 and 19 August, found that "
            "58% of respondents viewed the incursion positively.\n\n"
            "Russia’s largest lender, state-owned Sberbank, said it had received more than 9,000 requests.\n")
    sources = sources_of(text)
    assert sources["58% of respondents viewed the incursion positively"] == "Pryzma"
    assert sources["it had received more than 9,000 requests"] == "Sberbank"


def test_venues_stances_short_forms_footage_and_sentence_openers_are_no_actors():
    text = ("Oryol’s Central Stadium holds about 8,000 people. The clip was shared by accounts that post pro-Kremlin "
            "content. The poll used telephone (CATI) and online (CAWI) interviews. Drone footage and open-source loss "
            "counts suggest the assaults have slowed. Utilities went up in July.\n\n"
            "Main image credit: Ministry of National Defence / X\n")
    actors = spans_of(text, "ACTOR")
    for word in ("Central Stadium", "Kremlin", "CATI", "Utilities", "Ministry of National Defence / X"):
        assert not any(word in actor for actor in actors), word
    assert not any("footage" in actor for actor in actors)


def test_scores_figures_named_before_and_numbered_schools_are_no_figures():
    text = ("About 3,900 spectators watched a 1-1 draw, and the next game, a 2-0 defeat, drew 1,140. The ministry "
            "has not cited the 12,000 figure. A shelter will be built next to Lyceum No. 2.\n")
    figures = spans_of(text, "FIGURE")
    assert "About 3,900 spectators" in figures
    assert not any(f.startswith(("1-1", "2-0", "12,000")) or f == "2" for f in figures)
