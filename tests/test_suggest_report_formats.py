"""Suggestions on transcripts, briefing digests, translated agency copy and features: speaker turns, sourced
bullets, tables, spoken numbers, phone numbers and markers, passive and impersonal reporting, pull quotes.
Made-up texts and names."""

from __future__ import annotations

from suggest_support import sources_of, spans_of

TRANSCRIPT = (
    "This week host Ada Brenner talks to Ilse Marten, who runs a ferry service, and to Piet Vos, an analyst.\n"
    "[10:02]\n"
    "HOST: So where are we with the crossings this winter?\n"
    "MARTEN: Honestly, we lost a third of the boats, maybe a bit less, since October.\n"
    "VOS: I would be more careful. The open maps show forty-odd kilometres of river closed.\n"
    "HOST: Ilse, what about the drivers?\n"
    "MARTEN: They wait about two, maybe three days at the bank.\n"
)


def test_transcript_turns_are_claims_of_the_named_guests():
    sources = sources_of(TRANSCRIPT)
    assert sources["Honestly, we lost a third of the boats, maybe a bit less, since October."] == "Ilse Marten"
    assert sources["I would be more careful. The open maps show forty-odd kilometres of river closed."] == "Piet Vos"
    assert not any(text.startswith("So where") for text in sources)  # the host is the programme's own voice
    assert not {"HOST", "MARTEN", "VOS"} & set(spans_of(TRANSCRIPT, "ACTOR"))


def test_spoken_figures():
    figures = spans_of(TRANSCRIPT, "FIGURE")
    assert "a third" in figures and "forty-odd kilometres" in figures
    text = ("They counted eleven, twelve thousand men, roughly one in four of them wounded, a hundred and fifty, "
            "give or take.")
    figures = spans_of(text, "FIGURE")
    assert "eleven, twelve thousand men" in figures
    assert "roughly one in four" in " ".join(figures)
    assert "a hundred and fifty, give or take" in figures


def test_sourced_bullets_and_tables():
    text = ("Key figures\n"
            "\u2022 1,150 sq km \u2014 area claimed at peak, late August (Moldovan General Staff) [1]\n"
            "\u2022 84,000+ \u2014 residents moved from the border districts (regional authorities)\n"
            "Period           Area held     Source\n"
            "Early Oct        c. 850        ISW\n"
            "Early Jan        450\u2013500       ISW\n")
    sources = sources_of(text)
    assert sources["84,000+ \u2014 residents moved from the border districts"] == "regional authorities"
    assert "1,150 sq km \u2014 area claimed at peak, late August" in sources
    figures = spans_of(text, "FIGURE")
    assert {"1,150 sq km", "84,000+", "c. 850", "450\u2013500"} <= set(figures)
    assert "1" not in figures  # the footnote marker


def test_markers_labels_and_phone_numbers_are_no_figures():
    text = ("1. The ferry carried 40 lorries.\n2) Episode 87 was recorded in room 214 under order No. 2417/INF.\n"
            "Call the hotline on 8-800-200-34-11 or +44 20 7946 0183 for the 3 shelters. See [2].\n")
    figures = spans_of(text, "FIGURE")
    assert figures == ["40 lorries", "3 shelters"]


def test_translated_agency_reporting():
    text = ("The Ministry of Transport of the Russian Federation stated that 40 barges were inspected. The check, "
            "the second this month, was carried out \u201cin full\u201d, it was noted in the department. In the "
            "Kremlin it was stated that there can be no question of new talks. Two piers were damaged, as was "
            "reported by the port administration. As the acting governor of the region, Pavel Ostrov, reported in "
            "his channel, more than 12 000 residents have been moved.")
    sources = sources_of(text)
    assert sources["40 barges were inspected"] == "Ministry of Transport of the Russian Federation"
    assert sources["there can be no question of new talks"] == "Kremlin"
    assert sources["more than 12 000 residents have been moved"] == "Pavel Ostrov"
    assert sources["Two piers were damaged"] == "port administration"


def test_pull_quotes_and_spokespeople_for_a_body():
    text = ("Ilse Marten runs the ferry. She has crossed 400 times.\n"
            "\u201cWe are not leaving. We are waiting for the ice to go.\u201d \u2014 Ilse Marten\n"
            "A spokeswoman for the Tulcea county emergency committee declined to comment but noted that the ferries "
            "run daily.")
    sources = sources_of(text)
    assert sources["We are not leaving. We are waiting for the ice to go."] == "Ilse Marten"
    assert sources["the ferries run daily"] == "Tulcea county emergency committee"


CABLE_TRANSCRIPT = (
    "EVENING DESK WITH MARA KELL\n"
    "TRANSCRIPT\n"
    "\n"
    "MARA KELL, HOST: Good evening and welcome to the programme. I'm Mara Kell in Washington.\n"
    "\n"
    "Joining me now is Bohdan Ilchuk, the deputy minister, and retired General Ray Tolland.\n"
    "\n"
    "BOHDAN ILCHUK, DEPUTY MINISTER (through translator): Thank you, Mara. The line is bending, not breaking.\n"
    "\n"
    "KELL: General, is that realistic? Can the West deliver at that pace?\n"
    "\n"
    "MAJ. GEN. RAY TOLLAND (RET.), U.S. ARMY: Frankly, not at the pace the minister needs.\n"
    "\n"
    "ILCHUK: If I may —\n"
    "\n"
    "(CROSSTALK)\n"
    "\n"
    "TOLLAND: Europe promised a million shells and got there months late.\n"
)


def test_cable_news_transcript_labels_hosts_and_stage_directions():
    sources = sources_of(CABLE_TRANSCRIPT)
    assert sources["Thank you, Mara. The line is bending, not breaking."] == "Bohdan Ilchuk"
    assert sources["Frankly, not at the pace the minister needs."] == "Ray Tolland"
    assert sources["Europe promised a million shells and got there months late."] == "Ray Tolland"
    assert not any(s.startswith(("Good evening", "General, is", "If I may")) for s in sources)
    actors = spans_of(CABLE_TRANSCRIPT, "ACTOR")
    assert not {"MARA KELL", "HOST", "KELL", "TOLLAND", "ARMY", "CROSSTALK", "COL"} & set(actors)


def test_sources_named_after_a_dash_a_colon_or_per():
    text = ("\u201cPulling back is not a defeat if it is done in order. Losing the brigades would be.\u201d "
            "\u2013 a senior Ukrainian officer, speaking on condition of anonymity\n"
            "And from inside the building, senior fellow Dr Priya Ramaswamy: \u201cWatch the logistics, not the map, "
            "this spring.\u201d\n"
            "The advance has slowed for six weeks, per ISW mapping. Oil sold at 60 dollars per barrel.\n")
    sources = sources_of(text)
    assert sources["Pulling back is not a defeat if it is done in order. Losing the brigades would be."] == \
        "senior Ukrainian officer"
    assert sources["Watch the logistics, not the map, this spring."] == "Priya Ramaswamy"
    assert sources["The advance has slowed for six weeks"] == "ISW"
    assert not any("Oil sold" in s for s in sources)


def test_reports_about_the_sentences_before_and_as_noted_in():
    text = ("Russian troops carried out 38 shellings of the hromada. One civilian died, another three people got "
            "injuries. About this informs the Sumy Regional Military Administration (OVA).\n"
            "As noted in OVA, the occupiers used artillery, mortars and guided aerial bombs.\n"
            "In general, the occupiers made 96 shellings of 11 hromadas, OVA informs.\n"
            "We talked about this at length.\n")
    sources = sources_of(text)
    assert sources["Russian troops carried out 38 shellings of the hromada"] == "Sumy Regional Military Administration"
    assert sources["One civilian died, another three people got injuries"] == "Sumy Regional Military Administration"
    assert sources["the occupiers used artillery, mortars and guided aerial bombs"] == "OVA"
    assert sources["In general, the occupiers made 96 shellings of 11 hromadas"] == "OVA"


def test_inserted_comment_beside_a_possessive_and_a_dateline_with_an_agency():
    text = ("Anna Berg is an economist. Companies without state contracts could no longer match arms plants\u2019 "
            "wages, she argued, and many had simply stopped expanding.\n"
            "KYIV, Ukraine (AP) \u2014 Russia hammered the energy system overnight, officials said.\n")
    sources = sources_of(text)
    assert sources["Companies without state contracts could no longer match arms plants\u2019 wages, she argued, and "
                   "many had simply stopped expanding"] == "Anna Berg"
    assert sources["Russia hammered the energy system overnight"] == "officials"
    assert "AP" not in spans_of(text, "ACTOR")


def test_a_speech_participle_after_the_main_clause():
    text = ("The Kremlin dismissed the report, saying the economy was stable.\n"
            "Colonel Ivan Marko said his units had repelled 40 assaults, adding that the enemy used tanks.\n")
    sources = sources_of(text)
    assert sources["the economy was stable"] == "Kremlin"
    assert sources["his units had repelled 40 assaults"] == "Ivan Marko"
    assert sources["the enemy used tanks"] == "Ivan Marko"
