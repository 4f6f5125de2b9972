"""Rules 33: names with no role that are places, weapons, platforms or headings; states and bodies named in front
of what they issue ("US sanctions"); ages without "aged"; a "that" the parser made no clause of; "described X as
Y" with "as" hung on the object; "called X Y"; a headline that opens with a quotation. Made-up texts and names."""

from __future__ import annotations

from suggest_support import sources_of, spans_of


def test_places_weapons_platforms_and_aliases_with_no_role_are_no_actors():
    text = ("Nina Hovorukha, 71, a retired schoolteacher from Pidlisnivka, said the bus never came.\n"
            "Drones were shot down over the Belgorod, Oryol, Lipetsk, Tula and Tambov regions, the ministry said.\n"
            "Videos appear to show hundreds of Bradleys near the border, and four Iskander-M ballistic missiles.\n"
            "“We are not going anywhere,” she wrote on VKontakte.\n"
            "Most were drawn from the 11th Corps, also known as the Storm Corps.\n")
    actors = set(spans_of(text, "ACTOR"))
    assert "Nina Hovorukha" in actors
    assert not actors & {"Pidlisnivka", "Lipetsk", "Tula", "Bradleys", "Iskander-M ballistic missiles",
                         "VKontakte", "Storm Corps"}


def test_a_subhead_or_a_signature_is_no_actor_but_a_letter_from_someone_is():
    text = ("Rates Outlook\n\nThe central bank raised its key rate on Friday, Olena Marchuk said.\n"
            "In August, she received a single letter from Vitalii, six lines long.\n\nKaterina Vollbrecht\n")
    actors = set(spans_of(text, "ACTOR"))
    assert "Rates Outlook" not in actors and "Katerina Vollbrecht" not in actors
    assert "Vitalii" in actors


def test_a_state_or_body_in_front_of_what_it_issues_is_an_actor():
    text = ("The profits service a $50bn G7 loan to Ukraine, while US sanctions on tankers have widened discounts. "
            "The U.N. nuclear watchdog has twice sent staff to the plant since Russia quit a U.N.-brokered deal.")
    actors = spans_of(text, "ACTOR")
    assert {"G7", "US", "U.N."} <= set(actors)


def test_the_federal_center_and_his_government_act():
    text = ("“The federal center will not let Kursk go bankrupt,” Vera Lozhkina said. The minister told reporters "
            "that his government would not sign blank cheques. Conscripts sign a contract with the defence ministry.")
    actors = set(spans_of(text, "ACTOR"))
    assert {"federal center", "government", "defence ministry"} <= actors


def test_ages_without_aged_are_no_figures():
    text = ("“We will not force a grandmother of 85 into a bus,” he said. Kirill, then 19, wrote from his position. "
            "Ukraine lowered the minimum mobilization age from 27 to 25 in April. Most of them are over 60. "
            "The ministry said 19 soldiers were wounded and about 300 residents left.")
    figures = spans_of(text, "FIGURE")
    assert not {"85", "19", "27", "25", "over 60"} & set(figures)
    assert "19 soldiers" in figures and "about 300 residents" in figures


def test_a_that_the_parser_missed_still_opens_the_claim():
    text = ("Not every inquiry turns into a soldier. Vasylkevych said that about 40% of people who make an initial "
            "inquiry drop out. Kyiv said at the time that its forces had taken more than 1,000 square kilometers.")
    sources = sources_of(text)
    assert sources["about 40% of people who make an initial inquiry drop out"] == "Vasylkevych"
    assert sources["its forces had taken more than 1,000 square kilometers"] == "Kyiv"


def test_characterisations_with_as_on_the_object_and_with_called():
    text = ("Moscow has described the incursion as a terrorist attack. Peskov called the attack a provocation and "
            "a terrorist act. Zavyalkin dismissed such criticism as “emotional”.")
    sources = sources_of(text)
    assert sources["a terrorist attack"] == "Moscow"
    assert sources["a provocation and a terrorist act"] == "Peskov"
    assert sources["emotional"] == "Zavyalkin"


def test_a_headline_opening_with_a_quotation_is_the_claim_of_whoever_says_it():
    text = ("‘We left with what we could carry’: Inside a shelter for families who fled the border\n\n"
            "For three weeks this has been home to Lyudmila Prokoshina, 71.\n\n"
            "“We left with what we could carry. My passport, my pills and a jar of honey,” she says.\n")
    assert sources_of(text)["We left with what we could carry"] == "Lyudmila Prokoshina"


def test_a_record_is_no_part_of_the_figure():
    text = "Defence outlays are set to hit a record 13.5 trillion rubles next year."
    assert spans_of(text, "FIGURE") == ["13.5 trillion rubles"]


def test_a_place_left_or_entered_is_no_actor_but_a_by_sentence_is_no_byline():
    text = ("By early afternoon, 31 people had left Vysoke, and Russian marines had entered Olgovka.\n\n"
            "That leaves Vladimir Putin with an unappealing choice.\n\n"
            "By the end of the week, the shells had reached Fenwright Dynamics, a drone maker.\n")
    actors = set(spans_of(text, "ACTOR"))
    assert not actors & {"Vysoke", "Olgovka"}
    assert {"Vladimir Putin", "Fenwright Dynamics"} <= actors
