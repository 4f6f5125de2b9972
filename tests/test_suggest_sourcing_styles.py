"""Suggestions on exclusives built on unnamed sources, live blogs, official press releases, think-tank
commentary with notes, magazine features and local papers: counted and described unnamed sources, documents as
sources, a speaker introduced on the line before a quotation, titles before names and "the Minister" later,
call signs, live-blog time stamps, hedges and ranges written out in words. Made-up texts and names."""

from __future__ import annotations

from suggest_support import sources_of, spans_of


def test_counted_and_described_unnamed_sources():
    text = ("Four people with knowledge of the talks said the lender froze the accounts in May. Two of the people "
            "said the freeze came too late. “The parts are the same ones we find in the wreckage,” said one of the "
            "sources, a Nordic official who follows export controls.")
    sources = sources_of(text)
    assert sources["the lender froze the accounts in May"] == "Four people"
    assert sources["the freeze came too late"] == "Two of the people"
    assert sources["The parts are the same ones we find in the wreckage"] == "Nordic official"


def test_documents_and_bodies_that_speak():
    text = ("A trading house in Riga sold at least $12 million of bearings to Russian buyers, according to port "
            "data and a ledger seen by this newspaper. The audit, dated March 3, concluded that the firm should be "
            "closed. Part of the district lost heat overnight, the municipality said on Friday. The roads are "
            "open again, police said. About 9,000 homes are without water, Moldova’s grid operator has said.")
    sources = sources_of(text)
    assert sources["the firm should be closed"] == "audit"
    assert sources["Part of the district lost heat overnight"] == "municipality"
    assert sources["The roads are open again"] == "police"
    assert sources["About 9,000 homes are without water"] == "Moldova"


def test_mayor_without_a_name_and_with_one():
    assert sources_of("Seven people were hurt when the bridge gave way, the mayor said.")[
        "Seven people were hurt when the bridge gave way"] == "mayor"
    text = "Mayor Ilona Brezak opened the hall. The hall will stay open all winter, the town’s mayor said."
    assert sources_of(text)["The hall will stay open all winter"] == "Ilona Brezak"
    assert "Mayor Ilona Brezak" not in spans_of(text, "ACTOR")


def test_press_release_speaker_line_and_the_minister():
    text = ("Minister of Finance Oskar Lindahl today announced a loan to Moldova. He spoke with his counterpart, "
            "Minister of Finance Petru Rusu.\n"
            "Minister Lindahl said:\n"
            "\n"
            "“Winter is coming and the grid must hold. Every transformer we send keeps a hospital running.\n"
            "\n"
            "“This loan answers what my colleague told me are the most urgent needs.”\n"
            "\n"
            "The Minister underlined that the loan had been prepared with other lenders.\n")
    actors = spans_of(text, "ACTOR")
    assert {"Oskar Lindahl", "Petru Rusu"} <= set(actors)
    sources = sources_of(text)
    assert sources["Winter is coming and the grid must hold. Every transformer we send keeps a hospital running."
                   ] == "Lindahl"
    assert sources["This loan answers what my colleague told me are the most urgent needs."] == "Lindahl"
    assert sources["the loan had been prepared with other lenders"] == "Lindahl"


def test_call_signs_and_titles_in_front():
    text = ("Taras Hnylko, who goes by the call sign Bison, runs the workshop. Each frame costs about $300, he said. "
            "The plan is the one Lt Col Hnylko drew up.")
    assert sources_of(text)["Each frame costs about $300"] in ("Taras Hnylko", "Hnylko")  # not "Bison"
    actors = spans_of(text, "ACTOR")
    assert "Bison" not in actors and "Col Hnylko" not in actors
    assert "Ministry of Culture and Sport" in spans_of(
        "The Ministry of Culture and Sport said the museum would reopen.", "ACTOR")


def test_live_blog_stamps_and_key_events():
    text = ("Moldova live: two hurt in depot fire; Chisinau says 12 drones downed\n"
            "Key events\n"
            "2h ago – Chisinau claims 12 drones downed overnight\n"
            "Updated at 15.02 GMT\n"
            "Share\n"
            "14.20 GMT\n"
            "Eleven people were hurt in the fire, the fire service said.\n"
            "Comments (31)\n")
    figures = spans_of(text, "FIGURE")
    assert "15.02" not in figures and "14.20" not in figures and "31" not in figures
    assert "Eleven people" in figures
    sources = sources_of(text)
    assert not any(claim.startswith("Moldova live") for claim in sources)  # a semicolon ends the report
    assert not any("claims 12 drones" in claim or claim.startswith("12 drones downed overnight")
                   for claim in sources)  # the key events list is a list of links


def test_hedges_and_ranges_in_words():
    figures = spans_of("The system costs in the region of $6m, somewhat less than half a million euros a launcher, "
                       "and crews fly somewhere between 40 and 50 sorties; repairs run closer to $8,000, perhaps one "
                       "in five of them is lost, and a dozen summit statements followed.", "FIGURE")
    assert {"in the region of $6m", "somewhat less than half a million euros", "somewhere between 40 and 50 sorties",
            "closer to $8,000", "perhaps one in five", "a dozen summit statements"} <= set(figures)
    figures = spans_of("Invoices ran from about $16,000 to more than $90,000, HK$5,000 each, and she raised "
                       "“a little over 30 million rubles”—around $340,000.", "FIGURE")
    assert {"about $16,000", "more than $90,000", "HK$5,000", "a little over 30 million rubles",
            "around $340,000"} <= set(figures)


def test_durations_emergency_numbers_and_furniture_lines():
    text = ("They held out for three winters and worked two Saturdays unpaid; call 112 in an emergency.\n"
            "Volunteers unload beds at the school. Photo: Ona Petraitytė / Town Herald\n"
            "Illustration by Marek Duda\n"
            "[3] Author interview with Maj Ilkka Saarinen, Helsinki, 4 March 2025.\n"
            "Reporting by Anna Berg in Oslo; Editing by Tom Hale\n")
    assert spans_of(text, "FIGURE") == []
    assert spans_of(text, "ACTOR") == []
