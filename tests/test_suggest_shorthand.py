"""Suggestions on shorthand and page furniture: aid-agency updates, court reports, social threads. Numbers
written "~640 km²", "130k", "€2.3m"; handles and acronyms as actors; key-figure lines; "she told the court"
inserted in a sentence; mastheads, counts under a post, bylines with a role, contact blocks. Made-up texts and
names."""

from __future__ import annotations

from suggest_support import sources_of, spans_of


def test_shorthand_numbers():
    figures = spans_of("Analysts put the area at ~640 km² and losses at 10–12k, with 130k displaced and 110+ "
                       "strikes since ±60 km² of gains.", "FIGURE")
    assert {"~640 km²", "10–12k", "130k", "110+", "±60 km²"} <= set(figures)
    figures = spans_of("The EU pledged €2.3m, Canada CAD 2.5 million and Norway about €1.5bn–2bn; $4bn more "
                       "came later.", "FIGURE")
    assert {"€2.3m", "CAD 2.5 million", "about €1.5bn–2bn", "$4bn"} <= set(figures)
    assert "CAD 2.5 million" not in spans_of("Canada pledged CAD 2.5 million.", "ACTOR")


def test_counts_of_times_halves_and_hedged_ones():
    figures = spans_of("The convoy was hit twice, about twice the rate of last year. Rescuers found at least one "
                       "family member; half of them need repairs, and more than two-thirds of the homes are cold. "
                       "In the next half of year only one successful attack was reported.", "FIGURE")
    assert {"twice", "about twice", "at least one family member", "half", "more than two-thirds"} <= set(figures)
    assert figures.count("half") == 1 and not any("successful" in f for f in figures)


def test_dates_are_no_figures():
    figures = spans_of("Posted Nov 19, 2024. On 17.04.2025 the court met, and 14 people spoke.", "FIGURE")
    assert figures == ["14 people"]


def test_handles_and_acronyms_that_act():
    text = ("@mapper_x says the line moved 5 km. h/t @ostfront_data for the catch.\n"
            "The AFU hit the airfield in October and the RMA said the shelling had eased.\n"
            "KEY FIGURES\n"
            "FPV crews and POW lists are not names.\n")
    actors = spans_of(text, "ACTOR")
    assert {"@mapper_x", "@ostfront_data", "AFU", "RMA"} <= set(actors)
    assert not {"KEY", "FPV", "POW"} & set(actors)
    assert sources_of(text)["the line moved 5 km"] == "@mapper_x"


def test_places_heads_months_and_mastheads_are_no_actors():
    text = ("THE HARBOUR GAZETTE\n"
            "Attacks on Tarnova Oblast rose in Sep, and the pocket around Velmiro shrank south of Dravinsk.\n"
            "The agency sent staff to the plant at Korlovo. Lena Varga, a fellow at the Baltic Policy Forum, "
            "said the front was quiet.\n")
    actors = spans_of(text, "ACTOR")
    assert "Baltic Policy Forum" in actors and "Lena Varga" in actors
    assert not {"HARBOUR GAZETTE", "Tarnova Oblast", "Sep", "Velmiro", "Dravinsk", "Korlovo"} & set(actors)


def test_key_figure_lines_name_their_source_with_a_date():
    text = ("The regional administration reported more shelling.\n\n"
            "KEY FIGURES\n"
            "31 000 people displaced from border hromadas since 6 Aug (Regional Administration, 2 Sep)\n"
            "12,400 people registered at transit points this week (IOM, 3 Sep)\n"
            "2024 was a hard year (really)\n")
    sources = sources_of(text)
    assert sources["31 000 people displaced from border hromadas since 6 Aug"] == "Regional Administration"
    assert sources["12,400 people registered at transit points this week"] == "IOM"
    assert not any(s.startswith("2024") for s in sources)
    assert "2 Sep" not in spans_of(text, "ACTOR")


def test_inserted_told_the_court_and_groups_of_partners():
    text = ("Defence lawyer Alla Verhun argued that her client was innocent. Judge Petr Oskar listened.\n\n"
            "Marta Lind was a passenger. On two occasions, she told the court, the driver collected the fare in "
            "full.\n\n"
            "Partners report that nearly two in three are women.\n")
    sources = sources_of(text)
    assert sources["On two occasions, she told the court, the driver collected the fare in full"] == "Marta Lind"
    assert sources["nearly two in three are women"] == "Partners"
    text = ("Inspector Osip Tam wrote the report.\n\n"  # a title makes Alla Verhun a person, so "she" is hers
            "Defence lawyer Alla Verhun argued that her client was innocent. She said fuel had reached 90 roubles a "
            "litre.\n")
    assert sources_of(text)["fuel had reached 90 roubles a litre"] == "Alla Verhun"


def test_furniture_lines():
    text = ("Drivers who profited from the evacuation are jailed\n"
            "By Irina Volk, court correspondent | 17.04.2025, 19:42\n"
            "The Dravinsk court jailed two drivers, the prosecutor said.\n"
            "1.4K Reposts · 203 Quotes · 4.8K Likes · 212K Views\n"
            "Read more: Inside Velmiro, the town run by soldiers\n"
            "\u00a9 2025 Seym Ledger. Reproduction only with a link.\n"
            "For further information, please contact:\n"
            "Olena Marr, Head of Office\n")
    actors = spans_of(text, "ACTOR")
    assert not {"Irina Volk", "Seym Ledger", "Olena Marr", "Velmiro"} & set(actors)
    assert not any(f.endswith(("Reposts", "Quotes", "Likes", "Views")) for f in spans_of(text, "FIGURE"))


def test_financial_press_numbers():
    figures = spans_of("Spending hit Rbs13.5tn and the economy is short of between 1.5mn and 2mn workers; rates rose "
                       "20 to 30 per cent, wages three to four times, twice as many plants opened, US$38.6M was "
                       "required, about 150 sq. m burned, and two cars and a power line were hit.", "FIGURE")
    assert {"Rbs13.5tn", "between 1.5mn and 2mn workers", "20 to 30 per cent", "three to four times",
            "twice as many", "US$38.6M", "about 150 sq. m", "two cars"} <= set(figures)


def test_contributor_lines_image_credits_and_placed_bylines():
    text = ("Eleanor Marsh in London and Pavel Grudin in Riga\n"
            "The finance ministry said revenue fell.\n"
            "Image source, Getty Images\n"
            "Associated Press writer Emma Burd in London contributed to this report.\n")
    assert not {"Eleanor Marsh", "Pavel Grudin", "Getty Images", "Emma Burd"} & set(spans_of(text, "ACTOR"))
