"""Rules 45: a body's name runs on through "of the ..." ("the State Archive of the Kursk Region") and takes in the
names inside it, while a person "of the Institute ..." stays a person; the one "asked about" something speaks the
verb after the commas; a plural people noun before a colon owns the quotation after it ("Parents: “...”"); the
Seym and Psel are rivers, Avangard a football club as much as a missile. Made-up texts."""

from __future__ import annotations

from suggest_support import sources_of, spans_of


def test_a_body_name_runs_on_through_of_the_and_takes_in_the_names_inside_it():
    text = ("The Department of Education and Science of the Sumy Regional State Administration said 148 schools "
            "will teach online.\n\n"
            "The General Staff of the Armed Forces of Ukraine said 40 drones had been shot down overnight.\n\n"
            "Svetlana Grebneva, who oversees district archives at the State Archive of the Kursk Region, said the "
            "boxes were moved.\n\n"
            "Valentina Kryuchkova of the Lgov District Court said the hearing would resume in May.\n")
    actors = spans_of(text, "ACTOR")
    assert "Department of Education and Science of the Sumy Regional State Administration" in actors
    assert "General Staff of the Armed Forces of Ukraine" in actors
    assert "Armed Forces of Ukraine" not in actors
    assert "State Archive of the Kursk Region" in actors
    assert "Valentina Kryuchkova" in actors and "Valentina Kryuchkova of the Lgov District Court" not in actors
    sources = sources_of(text)
    assert sources["148 schools will teach online"] == (
        "Department of Education and Science of the Sumy Regional State Administration")
    assert sources["40 drones had been shot down overnight"] == "General Staff of the Armed Forces of Ukraine"


def test_the_one_asked_speaks_and_people_before_a_colon_own_the_quotation():
    text = ("The defence ministry, asked about the results, said that all equipment sent to Ukraine was being "
            "replaced.\n\n"
            "Parents: “It is calmer this way, but harder for the children.”\n\n"
            "Sanctions: “A new package is coming soon,” the diplomat said.\n")
    sources = sources_of(text)
    assert sources["all equipment sent to Ukraine was being replaced"] == "defence ministry"
    assert sources["It is calmer this way, but harder for the children."] == "Parents"
    assert "Sanctions" not in spans_of(text, "ACTOR")


def test_rivers_are_no_actors_and_avangard_may_be_a_club():
    text = ("Fog has hung over the valleys of the Psel and the Seym for days. The Seym is about 60 metres wide "
            "there.\n\n"
            "Avangard said it hoped to return to Kursk for the spring schedule.\n")
    actors = spans_of(text, "ACTOR")
    assert not {"Psel", "Seym"} & set(actors)
    assert sources_of(text)["it hoped to return to Kursk for the spring schedule"] == "Avangard"
