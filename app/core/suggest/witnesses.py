"""Speakers nobody names: ordinary people who speak as witnesses ("Residents of several villages near the border
say", "a North Korean soldier says", "the soldier said") and a person known by an age ("the 26-year-old said").

Both make an ACTOR of the description itself, as the guidelines do for unnamed sources, unless the text names
the person the description stands for. Quantifiers stand for the people just spoken of ("Several said", "almost
all of them say"). `ctx` is the claim rules' `sources.Ctx`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from app.core.suggest.base import Suggestion, object_of

if TYPE_CHECKING:
    from app.core.suggest.sources import Ctx

QUANTIFIERS = frozenset({"some", "many", "several", "most", "few", "both"})  # "Some residents" keep "Some"
_ARTICLES = frozenset({"a", "an", "one", "another", "the", "this", "that"})
_OF_THEM = frozenset({"them", "those"})
_KIN_OWNERS = frozenset({"his", "her", "my", "their", "our"})  # whose relative or neighbour speaks
_GROUP_PREPS = frozenset({"of", "in", "from", "near", "at"})  # "Residents of several villages near the border"
_PLACE_PREPS = frozenset({"in", "on", "from", "at"})  # "officials in Kyiv", "guards at a detention facility"
_MAX_PLACE_TAIL = 9  # tokens from the preposition to the end of the place kept in a description's span
_NESTED_PREPS = _PLACE_PREPS | {"near", "of"}  # "in the city of Sumy", "of several villages near the border"
_CLAUSE_DEPS = frozenset({"relcl", "acl", "appos", "advcl", "parataxis", "prep"})
# what "in/on/at" brings after a speaker's noun that is no place: "officials at one point said", "in a statement"
_NOT_PLACES = frozenset({
    "point", "time", "times", "moment", "statement", "interview", "briefing", "conference", "call", "post",
    "condition", "telegram", "television", "tv", "camera", "record", "behalf", "background", "least", "first",
})


def place_tail(tok: Any, preps: frozenset[str] = _PLACE_PREPS) -> Any | None:
    """The last token of the place after the noun `tok` of a description of people: "officials in Kyiv", "a
    senior diplomat from a Nordic country, who ...", "guards at a detention facility in the Kursk region",
    "intelligence agencies in South Korea, Ukraine and the United States". The guidelines keep it in the span
    ("the noun phrase without its article"). None for an organisation, which speaks itself ("officials at the
    Pentagon"), for a time ("on Tuesday") and for what only says how they spoke ("in a statement")."""
    prep = next((c for c in tok.rights if c.dep_ == "prep" and c.lower_ in preps and c.i == tok.i + 1), None)
    obj = object_of(prep)  # right after the noun: "Several large groups, from steelmakers to ..." is no place
    if obj is None or obj.ent_type_ in ("ORG", "DATE", "TIME", "CARDINAL") or obj.lower_ in _NOT_PLACES:
        return None
    end = _phrase_end(obj, depth=0)
    return end if end.i - prep.i <= _MAX_PLACE_TAIL else None


def _phrase_end(tok: Any, depth: int) -> Any:
    """The last word of the noun phrase of `tok` without its clauses, appositions and commas ("country" of "a
    Nordic country, who was granted anonymity"), but with a list of names ("South Korea, Ukraine and the United
    States") and one nested place ("a detention facility in the Kursk region")."""
    end = tok
    for child in tok.rights:
        if child.dep_ in _CLAUSE_DEPS and not (child.dep_ == "prep" and depth == 0 and child.lower_ in _NESTED_PREPS):
            break
        if child.is_punct or child.dep_ == "cc":
            continue
        last = _phrase_end(object_of(child) or child, depth + 1) if child.dep_ == "prep" else _phrase_end(
            child, depth + (child.dep_ != "conj"))
        end = last if last.i > end.i else end
    return end


def witness_source(ctx: Ctx, tok: Any) -> Suggestion | None:
    """`tok` is a witness noun (config `witness_nouns`) heading a speaker: the group or the one person it names."""
    if tok.tag_ in ("NNS", "NNPS"):
        mods = [c for c in tok.lefts if c.dep_ not in ("det", "poss", "punct", "predet") or c.lower_ in QUANTIFIERS]
        first = mods[0].left_edge if mods else tok
        return ctx.new_actor(first, place_tail(tok, _GROUP_PREPS) or tok, "group")
    article = next((c for c in tok.lefts if c.dep_ == "det" and c.lower_ in _ARTICLES), None)
    if article is None:
        if any(c.dep_ == "poss" and c.lower_ in _KIN_OWNERS for c in tok.lefts):  # "her sister said", "My
            mods = [c for c in tok.lefts if c.dep_ in ("amod", "compound", "nummod")]  # daughter in Kursk says"
            return ctx.new_actor(mods[0].left_edge if mods else tok, place_tail(tok) or tok, "unnamed")
        return None
    if article.lower_ in ("the", "this", "that") and tok.lower_ != "family":  # "the woman said" right after
        # "Olena Petrenko, 54, fled ...": the person this paragraph named (but "The family says" is all of them)
        person = ctx.last_person(tok.idx)
        if person is not None and person.start >= ctx.paragraph_start(tok.idx):
            return person
    mods = [c for c in tok.lefts if c.dep_ != "det" and not c.is_punct]
    # "A 40-year-old man from a village in the Glushkovo district, who asked not to be named, said"
    return ctx.new_actor(mods[0].left_edge if mods else tok, place_tail(tok, _GROUP_PREPS) or tok, "unnamed")


def aged_speaker(ctx: Ctx, old: Any) -> Suggestion | None:
    """"The 68-year-old said" (`old` is the last token of "68-year-old"): the person the text gave that age, or
    the last person named when it gave it to nobody; the description itself when the age was told of someone
    unnamed ("The man, who said he was 26, ..."; later "the 26-year-old said")."""
    doc = ctx.doc
    number = doc[old.i - 4] if old.i >= 4 else None
    age = number.text if number is not None and number.text.isdigit() else ""
    people = ctx.people_before(old.idx)
    if age:
        aged = [p for p in people if _age_of(ctx.text, p) == age]
        if aged:
            return aged[-1]
        told = re.search(rf"\b{age}(?:-year-old| years old)\b|\b(?:aged|age of|was|is)\s+(?:\d+\s+(?:and|or)\s+)?"
                         rf"{age}\b", ctx.text[: number.idx])
        if told is not None and (not people or _age_of(ctx.text, people[-1]) is None):
            return ctx.new_actor(number, old, "unnamed")
    person = ctx.last_person(old.idx)
    return person if person is not None or number is None else ctx.new_actor(number, old, "unnamed")


def _age_of(text: str, person: Suggestion) -> str | None:
    """The age given with a mention of `person`: "Petro, 67," or "67-year-old Petro Ivanenko"."""
    after = re.match(r",\s*(\d{1,3})\s*[,)]", text[person.end : person.end + 8])
    if after:
        return after.group(1)
    before = re.search(r"\b(\d{1,3})-year-old\s+$", text[max(0, person.start - 16) : person.start])
    return before.group(1) if before else None


def people_just_named(tok: Any) -> tuple[Any, Any] | None:
    """The first and last token of "Several", "Others", "almost all of them": a quantifier standing alone or
    over a pronoun for the people just spoken of (not "some of the money")."""
    if any(c.dep_ == "appos" for c in tok.children):
        return None  # "One of them, Denis, 21, said": the name is the speaker
    of = [c for c in tok.children if c.dep_ == "prep"]
    if not of:
        return tok, tok
    pronoun = object_of(of[0]) if len(of) == 1 and of[0].lower_ == "of" else None
    if pronoun is None or pronoun.lower_ not in _OF_THEM:
        return None
    first = next((c for c in tok.lefts if c.dep_ == "advmod" and c.lower_ in ("almost", "nearly")), tok)
    return first, pronoun
