"""Rules 34: states that send, press or answer "from" somewhere; organisations someone works in or that a person,
office or act belongs to ("lawyers in the European Commission", "a BBC colleague", "the ICRC delegation"); groups
the reporter spoke to; the party to an invasion or a mediation; bodies acting under a bare "the"; and names that are
no actors: reporting credits, generic plurals, funds and places listed as one name. Made-up texts and names."""

from __future__ import annotations

from suggest_support import sources_of, spans_of


def test_a_state_that_sends_presses_or_answers_from_somewhere_acts():
    text = ("The region is almost entirely dependent on transfers from Moscow. Russia has supplemented its stocks "
            "with ammunition shipped from North Korea, and governors are under heavy pressure from Moscow. "
            "Deliveries of new equipment from South Korea would continue. Olha Verbytska, a teacher from Pidlisne, "
            "said the bus never came.")
    actors = set(spans_of(text, "ACTOR"))
    assert {"Moscow", "North Korea", "South Korea", "Olha Verbytska"} <= actors
    assert "Pidlisne" not in actors


def test_an_organisation_someone_works_in_is_an_actor_but_not_a_city():
    text = ("The loan still needs approval, and lawyers in the European Commission must finalise the text. "
            "Marta Ilves previously served as an adviser in the Norwegian Ministry of Defence. "
            "Analysts in Warsaw say the operation changed the debate.")
    actors = set(spans_of(text, "ACTOR"))
    assert {"European Commission", "Norwegian Ministry of Defence"} <= actors
    assert "Warsaw" not in actors


def test_a_body_in_front_of_a_person_office_or_act_is_an_actor():
    text = ("“Every prisoner who comes home is a victory,” EU foreign affairs spokesperson Anouk Delvaux told "
            "reporters. “Then why am I still here?” she told a BBC colleague. Jeanne Roussel, a spokeswoman for "
            "the ICRC delegation in Kyiv, said access was limited. Sen. Hale planned to press Defense Department "
            "officials at a hearing. Neighbouring NATO members are watching closely.")
    actors = set(spans_of(text, "ACTOR"))
    assert {"EU", "BBC", "ICRC", "Defense Department", "Anouk Delvaux"} <= actors
    assert "NATO" not in actors


def test_groups_the_reporter_spoke_to_are_actors():
    text = ("My own guess is about two thousand. Two European officials I’ve spoken to put it in the same range. "
            "Western diplomats we spoke to are sceptical. Western diplomats are divided over the plan. "
            "A Western intelligence official said the numbers were higher.")
    actors = spans_of(text, "ACTOR")
    assert {"Two European officials", "Western diplomats", "Western intelligence official"} <= set(actors)
    assert actors.count("Western diplomats") == 1  # the second, divided, is no one the reporter spoke to
    assert "Western intelligence" not in actors


def test_the_party_to_an_invasion_or_a_mediation_and_bodies_under_a_bare_the():
    text = ("Russia launched its full-scale invasion of Ukraine in February 2022. The exchange, carried out with "
            "the mediation of the United Arab Emirates, returned 150 Ukrainians. The commission disputes part of "
            "that picture. Not every witness supported the prosecution’s version. “The regime has learned that it "
            "can absorb almost anything,” she said.")
    actors = set(spans_of(text, "ACTOR"))
    assert {"Ukraine", "United Arab Emirates", "commission", "prosecution", "regime"} <= actors


def test_credits_generic_plurals_funds_and_listed_places_are_no_actors():
    text = ("Videos posted online appear to show U.S.-made vehicles near the border. The ministry said it could "
            "cover that from the National Wellbeing Fund, instead of the European Peace Facility. Kursk must also "
            "compensate other border regions such as Belgorod and Bryansk. Bohdan Sirko is a fellow at the German "
            "Marshall Fund.\n\nCNN’s Oksana Pryluka in Kyiv and Yoon Ha-rin in Seoul contributed reporting.\n")
    actors = set(spans_of(text, "ACTOR"))
    assert not actors & {"Videos", "National Wellbeing Fund", "European Peace Facility", "Belgorod and Bryansk",
                         "Oksana Pryluka", "Yoon Ha-rin"}
    assert {"German Marshall Fund", "Bohdan Sirko"} <= actors


def test_a_name_after_the_kind_of_organisation_it_names_is_an_actor():
    text = ("“Companies are holding more stock,” said Natalya Berkutova, chief economist at Moscow-based brokerage "
            "Finam. She works with the independent research group Polyfon, which monitors the courts. The video "
            "was posted on the social network VKontakte.")
    actors = set(spans_of(text, "ACTOR"))
    assert {"Finam", "Polyfon"} <= actors
    assert "VKontakte" not in actors


def test_places_along_a_border_or_road_are_no_parties():
    text = ("The villages lie 10 kilometres from the border with Russia. Drones controlled the road between "
            "Korenevo and Lgov. Talks between Russia and Ukraine stalled.\n\nOur Standards: The Trust Principles.\n")
    actors = spans_of(text, "ACTOR")
    assert actors.count("Russia") == 1 and "Ukraine" in actors  # the talks, not the border
    assert not {"Korenevo", "Lgov", "Standards"} & set(actors)


def test_counted_managers_parents_and_lawyers_are_sources():
    text = ("Hauliers have added surcharges of up to 20% for trucks, according to two logistics managers, who asked "
            "not to be named. Two lawyers said the case was weak.")
    sources = sources_of(text)
    assert sources["Hauliers have added surcharges of up to 20% for trucks"] == "two logistics managers"
    assert sources["the case was weak"] == "Two lawyers"
