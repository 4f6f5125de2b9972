"""Named bodies the recogniser misses or reads as a mere modifier: the party, faction or group a person belongs to
("an MP from the Holos faction", "a deputy from the ruling United Russia party"), military groupings ("its
North group of forces"), regional bodies named by their place ("the Sumy regional military administration") and a
new government named by its seat ("the new administration in Washington").

Annotators tag these wherever they stand (all 25 party, faction and grouping names after a preposition in the gold
up to heldout24, all nine "<Place> regional administration/police" and all four "new administration in
Washington"), so unlike states they need no acting role.
"""

from __future__ import annotations

import re
from typing import Any

from app.core.suggest.actors import name_key
from app.core.suggest.base import MONTHS, Suggestion, in_ranges
from app.core.suggest.config import SuggestConfig
from app.core.suggest.generic_actors import TURNOVER

_PARTY_WORDS = frozenset({"party", "faction", "bloc", "coalition", "group"})
_GROUPINGS = frozenset({"group", "grouping"})  # "group of forces", "grouping of troops"
_FORCES = frozenset({"forces", "troops"})
_NAME_JOINS = frozenset({"of", "the", "for", "and"})  # inside a name: "Servant of the People", "Patriots for Europe"
_QUOTES = frozenset({"\u201d", "\u2019", '"', "'"})
_REGIONAL_BODY = re.compile(
    r"\b([A-Z][\w\u2019'-]+) (?:regional|oblast|district|city|municipal) (?:military |state )?"
    r"(?:administration|police|council|government)\b")
_NEW_GOVERNMENT = re.compile(rf"\b(?:{'|'.join(sorted(TURNOVER))}) administration in ([A-Z][a-z]+)\b")
_NOT_PLACES = frozenset({"The", "A", "An", "This", "That", "Its", "Their", "His", "Her", "Our", "Every", "Each"})


def _capitalised(tok: Any) -> bool:
    """A word of a name: capitalised, and a proper noun or entity where the sentence opens ("Units of the ...")."""
    return tok.text[:1].isupper() and tok.lower_ not in MONTHS and not tok.is_punct and (
        not tok.is_sent_start or tok.pos_ == "PROPN" or bool(tok.ent_type_))


def _name_before(doc: Any, end: int) -> int | None:
    """Where the capitalised name that ends at doc[end - 1] starts ("Servant of the People"), or None."""
    start = end
    while start > 0 and (_capitalised(doc[start - 1]) or doc[start - 1].lower_ in _NAME_JOINS):
        start -= 1
    while start < end and not _capitalised(doc[start]):
        start += 1  # a leading "the", "of the" belongs to the sentence, not the name
    return start if start < end else None


def _body_name(doc: Any, noun: Any, cfg: SuggestConfig) -> tuple[int, int] | None:
    """The token range of the name in front of a party word or grouping (`noun`), with "group of forces" kept
    ("North group of forces") but "party"/"faction" and lower-case words such as "ruling" left out."""
    end = noun.i
    while end > 0 and doc[end - 1].is_lower and doc[end - 1].head.i == noun.i and doc[end - 1].dep_ in (
            "amod", "compound", "nmod"):
        end -= 1  # "Wagner mercenary group", "parliamentary group"
    quoted = end > 0 and doc[end - 1].text in _QUOTES
    name_end = end - 1 if quoted else end
    start = _name_before(doc, name_end)
    if start is None:
        return None
    joins = [t.i for t in doc[start:name_end] if t.lower_ in _NAME_JOINS and any(
        c.dep_ == "pobj" and c.i >= name_end for c in t.children) and (
        t.head.dep_ in ("nsubj", "nsubjpass", "appos", "ROOT") or t.head.ent_type_ == "PERSON")]
    if joins:  # "Iryna X of the European Solidarity faction said": the speaker is no part of the faction's name
        start = next(
            (i for i in range(joins[-1] + 1, name_end) if _capitalised(doc[i])), name_end)
        if start >= name_end:
            return None
    tail = noun.i + 1
    if noun.lower_ in _GROUPINGS and tail + 1 < len(doc) and doc[tail].lower_ == "of" and (
            doc[tail + 1].lower_ in _FORCES):
        return start, tail + 2  # the grouping's full name: "North group of forces", "Kursk group of forces"
    if name_end - start == 1 and (doc[start].ent_type_ in ("NORP", "GPE", "LOC", "DATE", "CARDINAL")
                                  or name_key(doc[start].text) in cfg.never_actors):
        return None  # "a Ukrainian group", "the Kursk group": a nationality or place, not a name
    if quoted:
        return None  # a quoted name before a party word is a slogan more often than a party
    return start, name_end


def party_names(doc: Any, cfg: SuggestConfig, junk: list[tuple[int, int]]) -> list[Suggestion]:
    """ACTORs for the names of parties, factions and groups after a preposition ("Oleksii Dzhurynskyi of the Holos
    party", "an MEP from the Patriots for Europe group") and of military groupings anywhere ("units of its
    "North" group of forces")."""
    from spacy.attrs import LOWER  # here, not at the top: the window imports this package without spaCy

    out = []
    strings = doc.vocab.strings
    for i, low in enumerate(doc.to_array([LOWER]).ravel().tolist() if len(doc) else []):
        if strings[low] not in _PARTY_WORDS and strings[low] not in _GROUPINGS:
            continue  # one array lookup a word: most articles have no party word at all
        tok = doc[i]
        if not tok.is_lower:
            continue
        grouping = tok.lower_ in _GROUPINGS and tok.i + 2 < len(doc) and doc[tok.i + 1].lower_ == "of" and (
            doc[tok.i + 2].lower_ in _FORCES)
        if not grouping and (tok.dep_ != "pobj" or tok.lower_ == "grouping"):
            continue
        found = _body_name(doc, tok, cfg)
        if found is None:
            continue
        start, end = doc[found[0]].idx, doc[found[1] - 1].idx + len(doc[found[1] - 1].text)
        if not in_ranges(start, end, junk):
            out.append(Suggestion(start, end, cfg.actor_label, 0.7, attributes={"rule": "party"}))
    return out


def regional_bodies(text: str, cfg: SuggestConfig, junk: list[tuple[int, int]]) -> list[Suggestion]:
    """ACTORs for bodies a place names ("the Sumy regional military administration", "Sumy regional police")
    and for a new government named by its seat ("the new administration in Washington")."""
    out = []
    for m in _REGIONAL_BODY.finditer(text):
        if m.group(1) not in _NOT_PLACES and not in_ranges(m.start(), m.end(), junk):
            out.append(Suggestion(m.start(), m.end(), cfg.actor_label, 0.7, attributes={"rule": "regional-body"}))
    for m in _NEW_GOVERNMENT.finditer(text):
        if m.group(1).lower() in cfg.government_seats and not in_ranges(m.start(), m.end(), junk):
            out.append(Suggestion(m.start(), m.end(), cfg.actor_label, 0.7, attributes={"rule": "new-government"}))
    return out


# A word of a body's name that its full name may run on from ("the State Archive of the Kursk Region").
_BODY_HEADS = frozenset({
    "staff", "ministry", "department", "archive", "operator", "headquarters", "committee", "council", "service",
    "office", "directorate", "agency", "administration", "commission", "bureau", "inspectorate", "centre", "center",
    "institute", "union", "fund", "court"})
_RUN_ON = frozenset({"of", "for"})


def _name_after(doc: Any, i: int) -> int | None:
    """Where the "of the <Name>" that starts at doc[i] ends (a token index), or None: capitalised words, the
    joins "of", "the", "and", "for" and a possessive between two capitalised words ("of Ukraine's Armed
    Forces": the normalised text has only "'s"), on one line, ending on a capitalised word."""
    if i >= len(doc) or doc[i].lower_ not in _RUN_ON or "\n" in doc[i - 1].whitespace_:
        return None
    end, j = None, i + 1
    while j < len(doc) and j - i <= 12:
        tok = doc[j]
        if "\n" in doc[j - 1].whitespace_:
            break
        if _capitalised(tok) and tok.pos_ not in ("VERB", "AUX", "PRON", "DET") and not tok.like_num:
            end = j + 1
        elif not (tok.lower_ in _NAME_JOINS or (tok.text == "'s" and end == j)):
            break
        j += 1
    return end


def run_on_body_names(
        doc: Any, spans: list[Suggestion], cfg: SuggestConfig) -> tuple[list[Suggestion], dict[int, Suggestion]]:
    """Actors with a body's word ("Department", "Archive", "Staff") carried on through the "of the …"
    that completes the name ("the Department of Education and Science of the Sumy Regional State
    Administration"), absorbing names inside it ("the Armed Forces of Ukraine"). The recogniser stops at the
    first "of"; the annotators tag the whole name (all eight such names in the gold up to heldout35), while a
    person's "of the Institute ..." stays out (people are never extended). Returns the spans left and, by id,
    the name that took in each absorbed one (a claim's source moves to it)."""
    absorbed: dict[int, Suggestion] = {}
    for span in sorted((s for s in spans if s.label == cfg.actor_label), key=lambda s: s.start):
        if id(span) in absorbed or span.attributes.get("model_label") == "PERSON":
            continue
        name = doc.char_span(span.start, span.end, alignment_mode="expand")
        if name is None or not any(t.lower_ in _BODY_HEADS and t.text[:1].isupper() for t in name):
            continue
        end = _name_after(doc, name.end)
        if end is None:
            continue
        new_end = doc[end - 1].idx + len(doc[end - 1].text)
        inside = [s for s in spans if s is not span and s.start < new_end and span.end < s.end]
        if any(s.start < span.end or s.end > new_end or s.label != cfg.actor_label for s in inside):
            continue  # a figure or a longer name in the way
        absorbed.update((id(s), span) for s in inside)
        span.end = new_end
    return [s for s in spans if id(s) not in absorbed], absorbed
