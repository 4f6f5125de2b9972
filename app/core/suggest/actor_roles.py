"""Roles a mention plays in its sentence, read off the parse: acting (subject, possessor, party, agent, the one made
to act), only mattering to something ("For the Kremlin, ..."), only modifying a noun ("NATO partners"), belonging
to an organisation a person is described by ("a fellow at the X Society") and speaking as a group ("Ukrainian
officials said"). The actor rules (actors.py) and the pattern filter in engine.py decide with them."""

from __future__ import annotations

from typing import Any

from app.core.suggest.base import word_forms
from app.core.suggest.config import SuggestConfig

_ACTING_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
MODIFIER_DEPS = frozenset({"compound", "nmod"})
_AFFILIATION_PREPS = frozenset({"in", "at", "of", "from", "with", "on"})
_MOVED = frozenset({"out", "back", "away"})
# what runs between or along places: "the border with Russia", "the road between Korenevo and Sudzha"
LINES = frozenset({"border", "borders", "frontier", "road", "highway", "route", "line", "railway"})
_CREDITED_WORK = frozenset({"translation", "translate", "edit", "photograph", "illustration"})
_INSIDERS = frozenset({"source", "lawyer", "adviser", "advisor", "officer", "ambassador", "partner", "lawmaker",
                       "official", "member", "deputy", "diplomat", "staffer", "employee"})


def acting_role(tok: Any, cfg: SuggestConfig, depth: int = 0) -> str:
    """The acting role of a name whose syntactic root is `tok`, or "" when it is only a setting."""
    dep, head = tok.dep_, tok.head
    if dep in _ACTING_DEPS:
        return "subject"
    if dep == "poss":
        return "" if head.lower_ in cfg.place_heads else "possessor"
    if dep == "pobj":
        prep = head.lower_
        if prep == "by" and head.dep_ == "agent":
            return "agent"
        if prep in cfg.party_preps:  # not "the border with Russia", "Abridged translation by Peter Ellison"
            return "" if head.head.lower_ in LINES or head.head.lemma_ in _CREDITED_WORK else "party"
        if prep == "to" and head.head.lower_ == "according":
            return "source"
        if prep == "from" and word_forms(head.head) & cfg.sender_heads:
            return "sender"  # "transfers from Moscow", "shipped from North Korea"
        if prep == "of" and head.head.lower_ in cfg.party_of_nouns:
            return "party"  # "the invasion of Ukraine"
        if prep == "of" and head.head.lower_ in cfg.possession_nouns:
            return "possessor"  # "the package of USA", "into the hands of Ukraine"
        return ""
    if dep == "dobj" and any((c.dep_ in ("xcomp", "ccomp") and c.i > tok.i and c.pos_ in ("VERB", "AUX"))
                             or (c.lower_ in _MOVED and c.i > tok.i) for c in head.children):
        return "made-to-act"  # "forced Russia to redeploy", "has not pushed Ukraine out"
    if dep in ("conj", "appos") and depth < 4 and head.i != tok.i:
        return acting_role(head, cfg, depth + 1)
    return ""


def matters_to(tok: Any) -> bool:
    """`tok` is the object of a "for" on a verb or adjective: "For the Kremlin, Kursk is ...", "more expensive
    for the Kremlin" (but "a piece for The Atlantic" is a publication's)."""
    prep = tok.head
    return tok.dep_ == "pobj" and prep.lower_ == "for" and prep.head.pos_ in ("VERB", "AUX", "ADJ")


def modifies_noun(span: Any, cfg: SuggestConfig) -> bool:
    """The name only modifies a noun after it ("NATO partners", "Kursk offensive"); a government head
    ("Biden administration") does not count."""
    root = span.root
    return root.dep_ in MODIFIER_DEPS and root.head.i >= span.end and root.head.lower_ not in cfg.government_heads


def first_conjunct(tok: Any, hops: int = 64) -> Any:
    """The first of the conjuncts `tok` belongs to ("Kostiantynivka" in "Pokrovsk and Kostiantynivka" ->
    "Pokrovsk"), at most `hops` steps up."""
    for _ in range(hops):
        if tok.dep_ != "conj" or tok.head.i == tok.i:
            break
        tok = tok.head
    return tok


def _describes_person(desc: Any) -> bool:
    """`desc` is a description of a named person: "Ivan Stupak, military expert ... and formerly an adviser",
    "Kirichenko is an associate research fellow"."""
    desc = first_conjunct(desc, hops=3)
    head = desc.head
    if desc.dep_ == "appos":
        return head.ent_type_ == "PERSON"
    if desc.dep_ == "attr" and head.lemma_ == "be":
        return any(c.dep_ == "nsubj" and c.ent_type_ == "PERSON" for c in head.children)
    return False


def is_affiliation(tok: Any) -> bool:
    """`tok` is the object of in/at/of/from/with after a description of a person: "a major general in the
    Army", "an associate research fellow at the Henry Jackson Society"."""
    prep = tok.head
    desc = prep.head
    return (tok.dep_ == "pobj" and prep.lower_ in _AFFILIATION_PREPS and desc.pos_ == "NOUN"
            and _describes_person(desc))


def works_in(tok: Any) -> bool:
    """`tok` is the object of "in" after a person who works there: "lawyers in the European Commission", "a
    source in the Presidential Administration" (not "officials in Washington": the caller asks for a body)."""
    prep = tok.head
    return (tok.dep_ == "pobj" and prep.lower_ == "in" and prep.head.pos_ == "NOUN"
            and bool(word_forms(prep.head) & _INSIDERS))


def spoken_to(tok: Any) -> bool:
    """The reporter spoke to `tok`, the reporter's sources: "Western diplomats we spoke to are sceptical", "Two
    European officials I've spoken to put it in the same range"."""
    return any(c.dep_ == "relcl" and c.lemma_ in ("speak", "talk") and any(
        g.dep_ == "nsubj" and g.lower_ in ("i", "we") for g in c.children) for c in tok.children)


def speaks(tok: Any, cfg: SuggestConfig) -> bool:
    """`tok` (a group noun) is the subject of a reporting verb ("Ukrainian officials have repeatedly said") or
    the agent of one ("dismissed by some Ukrainian officers as poorly prepared"), or the reporter spoke to it."""
    if spoken_to(tok):
        return True
    tok = first_conjunct(tok)
    if tok.dep_ == "pobj" and tok.head.dep_ == "agent":
        return bool(word_forms(tok.head.head) & (cfg.reporting_verbs | cfg.as_verbs | cfg.of_verbs))
    return tok.dep_ == "nsubj" and bool(word_forms(tok.head) & cfg.reporting_verbs)


def is_listener(span: Any) -> bool:
    """`span` is only told something ("..., she told Okno", "he said to Ivanov"): not whom a later "she" means."""
    if span is None:
        return False
    root = span.root
    verb = root.head.head if root.dep_ == "pobj" and root.head.lower_ == "to" else root.head
    return (root.dep_ in ("dobj", "dative") and verb.lemma_ == "tell") or (root.dep_ == "pobj" and verb.lemma_ == "say")
