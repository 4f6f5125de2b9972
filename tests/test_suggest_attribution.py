"""Attribution shapes of wire copy and reports: nested and trailing reports, unnamed bodies and groups as
sources, "it said", reported noun phrases, names described by an apposition, and the figure and furniture
shapes that come with them. Made-up sentences and names."""

from __future__ import annotations

from suggest_support import sources_of, spans_of

from app.core.suggest.normalize import junk_ranges


def test_a_frame_without_a_source_does_not_hide_the_report_inside_it():
    text = ("LVIV, May 3 \u2014 Poland's border guard said on Friday it had stopped 40 lorries overnight, "
            "traders on both sides said.")
    sources = sources_of(text)
    assert len(sources) == 1 and [*sources.values()] == ["Poland"]
    assert next(iter(sources)).endswith("it had stopped 40 lorries overnight")
    assert "LVIV" not in spans_of(text, "ACTOR")


def test_a_second_speaker_ends_the_first_claim():
    text = ("The ministry in Minsk said on Monday it saw no reason for talks, and Lithuania's foreign ministry "
            "insisted that any deal must include the border crossings.")
    sources = sources_of(text)
    assert [v for k, v in sources.items() if k.endswith("it saw no reason for talks")] == ["ministry"]
    assert sources["any deal must include the border crossings"] == "Lithuania"


def test_a_trailing_comment_makes_the_clause_before_it_a_claim():
    text = "Moldova reopened 12 crossings on Sunday, the customs service said in a statement."
    assert sources_of(text) == {"Moldova reopened 12 crossings on Sunday": "customs service"}


def test_it_said_continues_the_organisation_that_spoke_last():
    text = ("The Danube Shipping Authority said three barges had run aground. It said 15 crew members were "
            "rescued. One of them, it said, was 19 years old.")
    sources = sources_of(text)
    assert sources == dict.fromkeys(["three barges had run aground", "15 crew members were rescued",
                                     "One of them, it said, was 19 years old"], "Danube Shipping Authority")


def test_it_said_after_a_person_is_not_resolved_to_the_person():
    text = "Ilse Marten said the port was closed. It said nothing else."
    assert "Ilse Marten" not in {v for k, v in sources_of(text).items() if k != "the port was closed"}


def test_adding_that_reports_for_the_speaker():
    text = "Marten said the barges were empty, adding that the river had risen by two metres."
    assert sources_of(text) == {"the barges were empty": "Marten", "the river had risen by two metres": "Marten"}


def test_groups_named_by_where_they_sit_are_sources():
    text = ("Officials in Chisinau say the bridge will reopen in May.\n"
            "Regional authorities in Galati reported flooding at two grain terminals over the weekend.\n"
            "The bridge will reopen soon, officials say")
    sources = sources_of(text)
    assert sources["the bridge will reopen in May"] == "Officials in Chisinau"
    assert sources["flooding at two grain terminals over the weekend"] == "Regional authorities in Galati"
    assert sources["The bridge will reopen soon"] == "officials"


def test_a_source_inside_a_named_organisation_is_the_organisation():
    text = "A source in Ukraine's SBU security service said the drones had crossed twice."
    assert sources_of(text) == {"the drones had crossed twice": "SBU"}


def test_the_body_named_before_speaks_later():
    text = ("Petra Lind, head of the Tulcea county emergency committee, said the water was falling. "
            "Two villages were cut off, the committee added.")
    sources = sources_of(text)
    assert sources["Two villages were cut off"] == "Tulcea county emergency committee"


def test_a_statement_noun_names_its_speaker():
    text = "A Kremlin statement on Monday described the talks as \u201ca waste of everyone's time.\u201d"
    assert sources_of(text) == {"a waste of everyone's time": "Kremlin"}


def test_names_described_by_an_apposition():
    text = ("Park Min-seo, a senior fellow at the Busan-based Harbour Policy Forum, said the ships were late. "
            "Park said more were coming. DanubeWatch Atlas, a volunteer mapping group, counted 40 barges.")
    actors = spans_of(text, "ACTOR")
    assert "Park Min-seo" in actors and "Park" in actors
    assert "Harbour Policy Forum" in actors and "Busan-based Harbour Policy Forum" not in actors
    assert "DanubeWatch Atlas" in actors


def test_long_organisation_names_stay_whole():
    text = ("Romania's Coordination Office for the Return of Displaced Persons said 300 families had come home. "
            "Ana Dima is a fellow at the Baltic\u2013Adriatic Policy Centre.")
    actors = spans_of(text, "ACTOR")
    assert "Coordination Office for the Return of Displaced Persons" in actors
    assert "Baltic\u2013Adriatic Policy Centre" in actors


def test_names_listed_with_places_are_places():
    text = "The heaviest shelling was around Izmail and Kiliia, the Danube Monitoring Group said."
    actors = spans_of(text, "ACTOR")
    assert "Kiliia" not in actors and "Danube Monitoring Group" in actors


def test_figure_shapes_of_reports():
    text = ("Russia launched 90 attack and decoy drones overnight. Romania would need at least four more "
            "Patriot-class batteries. Both sides handed over 120 prisoners of war. It would free at least "
            "three brigades and dozens of drone teams. Traffic was about 30 percent more than in May. "
            "Somewhere between 2,000 and 3,000 lorries waited, most drivers aged 40 or 50.")
    figures = spans_of(text, "FIGURE")
    assert "90 attack and decoy drones" in figures
    assert "at least four more Patriot-class batteries" in figures
    assert "120 prisoners of war" in figures
    assert "at least three brigades" in figures and "dozens of drone teams" in figures
    assert "about 30 percent" in figures
    assert "Somewhere between 2,000 and 3,000 lorries" in figures
    assert not any("40 or 50" in f for f in figures)


def test_captions_related_posts_and_bylines_with_a_bar_are_junk():
    text = ("Divers search the river near the port in May 2025. (Photo: Handout)\n"
            "By Ilse Marten | Updated: 09:17 GMT\n"
            "Also read: Barges run aground, officials say\n"
            "The port reopened.\n"
            "Related Posts\nRomania says drones hit a depot\nEU weighs a new package\n")
    junk = [text[a:b] for a, b in junk_ranges(text)]
    assert any("(Photo: Handout)" in j for j in junk)
    assert "By Ilse Marten | Updated: 09:17 GMT" in junk
    assert "Also read: Barges run aground, officials say" in junk
    assert "Romania says drones hit a depot" in junk and "EU weighs a new package" in junk
    assert "The port reopened." not in junk


def test_an_estimate_put_at_a_figure():
    text = ("The Danube Monitoring Group puts the total somewhat lower, at 1,200 barges. Romanian state media put "
            "the losses at a similar figure. Marten put the book at the door.")
    assert sources_of(text) == {"somewhat lower, at 1,200 barges": "Danube Monitoring Group",
                                "a similar figure": "Romanian state media"}
