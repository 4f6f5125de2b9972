"""Actors that are not names: a state as the agent inside a hyphenated modifier ("U.S.-supplied weapons") and
"the government" or "the state" acting ("The federal government has so far allocated ...", "The federal center
will not let Kursk go bankrupt")."""

from __future__ import annotations

import re
from typing import Any

from app.core.suggest.actor_roles import spoken_to
from app.core.suggest.base import Suggestion, in_ranges
from app.core.suggest.config import SuggestConfig

# not "Kyiv-based", which places, nor "American-made", an adjective
_AGENT_PARTICIPLES = ("made", "supplied", "provided", "donated", "funded", "backed", "led", "brokered", "trained",
                      "sponsored", "imposed", "financed")
_HYPHEN_AGENT = re.compile(r"(?<![\w.\-])(U\.S\.|US|UK|EU|NATO|U\.N\.|UN|UAE|[A-Z][a-z]+)-(?:"
                           + "|".join(_AGENT_PARTICIPLES) + r")\b")
_STATE_ABBREVIATIONS = frozenset({"U.S.", "US", "UK", "EU", "NATO", "U.N.", "UN", "UAE"})
# bodies that act as themselves under a bare "the", also as possessors: "The commission disputes part of that
# picture", "the prosecution's version", "The regime has learned that it can absorb almost anything"
_OWNING_BODIES = frozenset({"regime", "prosecution", "commission"})
# the government of the country a story is about, when it acts: "the state promised", "the government is asking"
# (not "the administration" or "the ministry", which mostly stand for a body named before)
_GOVERNMENTS = frozenset({"government", "state", "chancellery", "cabinet", *_OWNING_BODIES})
# groups that act as one when a nationality names them: "European governments", "Russian military bloggers"
_NAMED_GROUPS = frozenset({"governments", "bloggers", "milbloggers"})
# officials a nationality names, acting or acted with rather than speaking (the claim rules take the speakers):
# "Western intelligence officials put it at ...", "U.S. officials deny any role"
_NAMED_OFFICIALS = frozenset({"officials"})
_OFFICIAL_DEPS = frozenset({"nsubj", "nsubjpass"})
TURNOVER = frozenset({"outgoing", "incoming", "new", "next"})  # "the outgoing administration weighed ..."
_OWN_DETS = ("the", "his", "her", "their", "our", "this")
_PARTY_PREPS = frozenset({"with", "by", "between"})
_BODIES = frozenset({"administration", "center", "centre", "ministry"})
_BODY_WORDS = frozenset({"ministry", "department", "office", "administration", "service", "agency", "command"})


def _changing_administration(tok: Any, mods: list[Any]) -> Any | None:
    """Where "the outgoing administration" (new, incoming, next) starts when it acts or is acted on, or "the
    administration's" as a possessor; None otherwise (a bare "the administration said" mostly stands for a
    government named before, and annotators tag it only about half the time)."""
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.lefts):
        return None
    if tok.dep_ == "poss" and not mods:
        return tok
    changing = [m for m in mods if m.lower_ in TURNOVER]
    return changing[0] if changing and tok.dep_ in _OFFICIAL_DEPS else None


def hyphen_agents(text: str, cfg: SuggestConfig, junk: list[tuple[int, int]]) -> list[Suggestion]:
    """ACTORs for states named as the agent of a hyphenated participle ("U.S.-made Patriot batteries")."""
    out = []
    for m in _HYPHEN_AGENT.finditer(text):
        if (m.group(1) in _STATE_ABBREVIATIONS or m.group(1).lower() in cfg.government_seats) and not in_ranges(
                m.start(1), m.end(1), junk):
            out.append(Suggestion(m.start(1), m.end(1), cfg.actor_label, 0.7, attributes={"rule": "hyphen-agent"}))
    return out


def acting_governments(doc: Any, cfg: SuggestConfig, junk: list[tuple[int, int]]) -> list[Suggestion]:
    """ACTORs for "the (federal) government" and "the state" as the subject of a verb (the government also as a
    possessor or object of a preposition), for groups a nationality names, whatever their role ("European
    governments", "Russian military bloggers"), for officials a nationality names when they act rather than
    speak ("U.S. officials deny any role") and for groups the reporter spoke to ("Western diplomats we spoke to")."""
    from spacy.attrs import LOWER  # here, not at the top: the window imports this package without spaCy

    out = []
    strings = doc.vocab.strings
    for i, low in enumerate(doc.to_array([LOWER]).ravel().tolist() if len(doc) else []):
        word = strings[low]
        known = word in _GOVERNMENTS or word in _NAMED_GROUPS or word in _NAMED_OFFICIALS or word in _BODIES
        if not known and word not in cfg.group_nouns:
            continue
        tok = doc[i]
        if word in cfg.group_nouns and tok.tag_ == "NNS" and spoken_to(tok):  # "Western diplomats we spoke to"
            first = next((c for c in tok.lefts if c.dep_ in ("nummod", "amod", "compound", "nmod")), tok)
            if not in_ranges(first.idx, tok.idx + len(tok.text), junk):
                out.append(Suggestion(first.idx, tok.idx + len(tok.text), cfg.actor_label, 0.7,
                                      attributes={"rule": "group"}))
            continue
        if not known:
            continue  # a group the reporter did not speak to
        mods = [c for c in tok.lefts if c.dep_ in ("amod", "compound", "nmod")]
        # a nationality or a name in front ("Western", "U.S."), not a capital that only opens the sentence
        named = [m for m in mods if m.text[:1].isupper() and (m.ent_type_ or not m.is_sent_start)]
        if word == "administration":
            first = _changing_administration(tok, mods)
            if first is None:
                continue
        elif word in ("center", "centre"):  # "The federal center has not refused us anything": Moscow
            if tok.dep_ not in _OFFICIAL_DEPS or [m.lower_ for m in mods] != ["federal"]:
                continue
            first = mods[0]
        elif word == "ministry":  # "a contract with the defence ministry", "the defence ministry's agency"
            if [m.lower_ for m in mods] not in (["defence"], ["defense"]) or not mods[0].is_lower or not (
                    tok.dep_ == "poss" or (tok.dep_ == "pobj" and tok.head.lower_ in _PARTY_PREPS)) or not any(
                    c.dep_ == "det" and c.lower_ == "the" for c in tok.lefts):
                continue
            first = mods[0]
        elif word in _GOVERNMENTS:
            roles = ("nsubj", "nsubjpass", "poss", "pobj") if word == "government" else (
                "nsubj", "nsubjpass", "poss") if word in _OWNING_BODIES else ("nsubj", "nsubjpass")
            dets = _OWN_DETS if word == "government" else ("the",)  # "his government would not sign"
            owned = any(c.dep_ in ("det", "poss") and c.lower_ in dets for c in tok.lefts)
            if tok.dep_ not in roles or not owned or any((m.dep_ == "compound" and m.is_lower) or m.lower_ == "own"
                                                         for m in mods):  # "their own government" is no one
                continue  # but "the end state is unclear"; "the government's reserve fund" is the government's
            first = mods[0].left_edge if mods else tok
        elif word in _NAMED_OFFICIALS:
            speaks = tok.head.lemma_.lower() in cfg.reporting_verbs and any(
                c.dep_ in ("ccomp", "xcomp") for c in tok.head.children)
            if not named or tok.dep_ not in _OFFICIAL_DEPS or speaks or any(m.lower_ in _BODY_WORDS for m in mods):
                continue  # a speaker is the claim rules' ("Russian defence ministry officials said": the ministry)
            first = named[0]
        else:
            if not named:
                continue  # "Regional governments" opening a sentence
            first = named[0]
        if not in_ranges(first.idx, tok.idx + len(tok.text), junk):
            out.append(Suggestion(first.idx, tok.idx + len(tok.text), cfg.actor_label, 0.7,
                                  attributes={"rule": "government"}))
    return out
