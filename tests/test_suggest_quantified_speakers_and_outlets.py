"""Rules 37 and 38: "Several said", "One of them described" and "Both officials said" name their speakers;
outlets by name ("told Meduza", "The Insider spoke to"); wire datelines with two cities or a no-break space and an
outlet's credit line are furniture; a count restated after "the" is no new figure; fractions joined into ranges and
taken of a percent; vehicle types, caption credits and translators are no actors. Made-up texts."""

from __future__ import annotations

from suggest_support import spans_of

from app.core.suggest.normalize import junk_ranges


def test_quantifiers_standing_for_people_just_named_are_speakers():
    text = ("Prisoners sew sandbags in the camp workshop. Several said they had not known where they were being "
            "sent.\n\nEngineers tested the new drones. One of them described Kursk as “the testing range where this "
            "technology grew up.”\n\nBoth officials said the North Korean units had adapted quickly.\n\n"
            "A group of prisoners were painting a fence. One of them, Denis, 21, said he had signed up again.\n")
    actors = spans_of(text, "ACTOR")
    assert {"Several", "One of them", "Both officials", "Denis"} <= set(actors)
    assert actors.count("One of them") == 1  # Denis is named, so he is the speaker


def test_outlets_named_as_speakers_and_listeners_are_actors():
    text = ("“Now the same officials tell the mothers to be patient,” Zaborkina told Meduza.\n\n"
            "The Insider spoke to recruits’ relatives and an officer.\n\n"
            "“I know what the finance ministers will say,” Brackwede told POLITICO after the debate.\n")
    actors = set(spans_of(text, "ACTOR"))
    assert {"Meduza", "POLITICO", "Zaborkina", "Brackwede"} <= actors
    assert "Insider" in actors or "The Insider" in actors


def test_two_city_and_no_break_space_datelines_and_an_outlets_credit_are_furniture():
    text = ("ALMATY/LONDON, March 12 (Reuters) - A freight company shipped drone parts, officials said.\n\n"
            "KYIV, Feb\u00a019 (Reuters) - Ukraine and Russia each freed 150 prisoners.\n\n"
            "CNN’s Idris Malvernon contributed reporting.\n\nMost Read from Bloomberg\n")
    junk = [text[a:b] for a, b in junk_ranges(text)]
    assert "ALMATY/LONDON, March 12 (Reuters) -" in junk
    assert "KYIV, Feb\u00a019 (Reuters) -" in junk
    assert any(j.startswith("CNN’s Idris Malvernon contributed reporting.") for j in junk)
    assert "Most Read from Bloomberg" in junk
    assert "Idris Malvernon" not in spans_of(text, "ACTOR")


def test_a_count_restated_after_the_is_no_new_figure_but_a_share_of_it_stays():
    text = ("Russia said it had retaken four Kursk villages. ISW said it had seen no confirmation that all four "
            "villages had been retaken.\n\nThe shelter took in 213 children. By Wednesday, 38 of the 213 children "
            "had left.\n")
    figures = spans_of(text, "FIGURE")
    assert "four Kursk villages" in figures and "four villages" not in figures
    assert figures.count("213 children") == 2


def test_fractions_joined_into_ranges_and_taken_of_a_percent():
    text = ("Ukraine lost between a quarter and a third of its foothold. It had lost somewhere between a third and "
            "half of the ground. Berlin spends a quarter of a percent of GDP on Ukraine; Rome nearer a third of 1%.\n")
    figures = spans_of(text, "FIGURE")
    assert {"between a quarter and a third", "somewhere between a third and half", "a quarter of a percent",
            "a third of 1%"} <= set(figures)
    assert "1%" not in figures


def test_vehicle_types_caption_credits_and_a_translator_are_no_actors():
    """Rules 38, after heldout32's first look."""
    text = ("Soldiers ride west of Sudzha on Aug. 14, 2024. (AFP via Getty Images)\n\n"
            "A volunteer cleans his rifle at a base in the Sumy region. (Lena Hrabovska/CBC)\n\n"
            "Residents queue at a services centre in Kursk © Reuters\n\n"
            "The first images showed Strykers and German Marder infantry fighting vehicles racing across the border. "
            "“A BMP hit by an FPV burns. A Stryker gets a hole,” Oleksandr said. Photos show Strykers and Bradleys "
            "fitted with cages, the Defense Ministry said.\n\nTranslated by Alastair Gould\n")
    junk = [text[a:b] for a, b in junk_ranges(text)]
    assert {"(AFP via Getty Images)", "(Lena Hrabovska/CBC)", "© Reuters"} <= set(junk)
    actors = set(spans_of(text, "ACTOR"))
    assert not {"AFP", "Getty Images", "Lena Hrabovska/CBC", "Reuters", "Strykers", "Marder", "BMP", "Stryker",
                "Bradleys", "Alastair Gould"} & actors
    assert {"Oleksandr", "Defense Ministry"} <= actors
