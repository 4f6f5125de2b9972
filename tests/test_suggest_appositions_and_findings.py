"""Rules 43: a speaker the parser left without a verb ("In Brussels, Annelise Vermeulen, a senior EU official who
works on sanctions, argued that ..."); "X said the rotation suggested that ..." is all X's (a thing is no second
speaker, but a body or its assessment is); a that-clause after the verb wins over a clause before it ("accused
Ukraine of ...: the ministry claimed that ..."); analysts at a named body speak for it; a social-media post speaks
for itself, or for the owner of the channel it is on. Made-up texts."""

from __future__ import annotations

from suggest_support import sources_of


def test_a_named_speaker_before_a_description_set_off_by_commas():
    text = ("In Brussels, Annelise Vermeer, a senior EU official who works on sanctions, argued that listing more "
            "than 150 tankers had made Russia’s oil trade more expensive.\n\n"
            "At NATO headquarters in Brussels, the alliance’s spokesperson, Margit Elvang, said allies were "
            "following events in Kursk closely.\n")
    sources = sources_of(text)
    assert sources["listing more than 150 tankers had made Russia’s oil trade more expensive"] == "Annelise Vermeer"
    assert sources["allies were following events in Kursk closely"] == "Margit Elvang"


def test_a_thing_that_suggests_is_no_second_speaker_but_a_body_is():
    text = ("Pavlo Horodko, an analyst at the Kyiv-based Frontline Research Group, said the rotation suggested that "
            "the command intends to keep holding the bridgehead.\n\n"
            "Mr. Seong said the intelligence service had concluded that the soldiers were under orders to avoid "
            "capture.\n")
    sources = sources_of(text)
    claim = next(c for c in sources if c.startswith("the rotation suggested"))
    assert sources[claim] == "Pavlo Horodko"
    assert sources["the soldiers were under orders to avoid capture"] == "intelligence service"


def test_the_clause_after_the_verb_analysts_at_a_body_and_a_post():
    text = ("Russian authorities have also accused Ukraine of deporting civilians: the Russian Foreign Ministry "
            "claimed that several hundred residents had been taken to Ukraine.\n\n"
            "Analysts at the Riga-based Baltic Security Forum estimated in a report that the strikes had knocked out "
            "no more than 15 percent of capacity.\n\n"
            "One widely shared Telegram post claimed that a single battalion had retaken three villages.\n\n"
            "A tractor drove onto an anti-tank mine, according to a post on the district administration’s Telegram "
            "channel.\n")
    sources = sources_of(text)
    assert sources["several hundred residents had been taken to Ukraine"] == "Russian Foreign Ministry"
    assert sources["the strikes had knocked out no more than 15 percent of capacity"] == "Baltic Security Forum"
    assert sources["a single battalion had retaken three villages"] == "One widely shared Telegram post"
    assert sources["A tractor drove onto an anti-tank mine"] == "district administration"
