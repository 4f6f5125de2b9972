"""Sources the text does not name: "a senior defense official", "Ukrainian officials", "officials in Kyiv",
"three diplomats", "two of the people", "a Pentagon spokesman" (the Pentagon speaks), "the city's mayor".

`unnamed_source` makes the ACTOR of such a description, or finds the organisation it speaks for. `ctx` is the claim
rules' `sources.Ctx`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from app.core.suggest.base import Suggestion, object_of
from app.core.suggest.missed_names import PERSON_NOUNS
from app.core.suggest.witnesses import QUANTIFIERS, place_tail, witness_source

if TYPE_CHECKING:
    from app.core.suggest.config import SuggestConfig
    from app.core.suggest.sources import Ctx

DETERMINERS = frozenset({"a", "an", "the", "this", "that", "one", "another"})
# a state's body that speaks for it: "Ukraine's air force said", "Russia's defence ministry claimed"
BODIES = frozenset({
    "force", "ministry", "staff", "military", "army", "navy", "office", "service", "command", "embassy",
    "mission", "administration", "council", "agency", "headquarters", "guard", "defences", "defenses",
    "committee", "department", "authority", "directorate", "commission", "bureau", "municipality", "operator",
    "regulator", "utility", "police", "brigade", "regiment", "battalion", "commissariat",
})
_PLURAL_SOURCES = frozenset({"diplomats", "sources", "advisers", "advisors", "aides", "negotiators", "envoys"})
# envoys of member states, not of the body that names them: "four EU diplomats" are the diplomats speaking
_ENVOYS = frozenset({"diplomat", "diplomats", "ambassador", "ambassadors"})
# people whose field, not employer, the words before them name: "a Ukrainian military analyst"
_EXPERTS = frozenset({"analyst", "analysts", "expert", "experts", "economist", "economists", "historian", "scholar",
                      "researcher", "researchers", "specialist", "journalist", "blogger", "bloggers",
                      "attache", "attaché"})
_INFORMED = frozenset({"person", "people", "persons"})
_IN_THE_KNOW = frozenset({"familiar", "close", "briefed"})  # "people familiar with the matter"
# counted people who speak: "three people familiar with the matter said", "two of the people said"
# ("two independent analysts said": counted, the generic plural is particular people)
_COUNTED_PEOPLE = frozenset({
    "people", "persons", "individuals", "officials", "analysts", "experts", "economists", "researchers",
    "managers", "executives", "traders", "bankers", "lawyers", "parents", "teachers", *_PLURAL_SOURCES,
})
_GROUPS = frozenset({"groups", "organisations", "organizations", "charities", "unions", "associations"})
# the tier of government a description names: "the regional finance department" is not "Russia's finance
# ministry" named before, but "the regional administration" is the "Sumy Oblast Military Administration"
_REGIONAL = frozenset({"regional", "region", "oblast", "provincial", "province", "krai"})
_CITY = frozenset({"city", "municipal"})
TIERS = {"regional": _REGIONAL, "provincial": _REGIONAL, "oblast": _REGIONAL, "district": frozenset({"district"}),
         "city": _CITY, "municipal": _CITY, "local": frozenset({"local"}), "federal": frozenset({"federal"})}
_DATA = frozenset({"figure", "data", "statistic", "statistics", "record", "statement", "filing", "number"})
_TRIAL_SIDES = frozenset({"prosecution", "defence", "defense"})  # a court story's two sides
_POSSESSIVES = frozenset({"his", "her", "their", "its"})  # "as his incoming national security advisor suggested"


def unnamed_source(ctx: Ctx, tok: Any) -> Suggestion | None:
    """An unnamed source: "a senior defense official" (a person noun with a determiner), "Russian military
    bloggers" / "Ukrainian officials" (a plural noun with a nationality in front)."""
    cfg = ctx.cfg
    lefts = [c for c in tok.lefts if c.dep_ in ("amod", "compound", "nmod", "det")]
    named = [c for c in lefts if c.ent_type_ in ("PERSON", "ORG") and c.pos_ == "PROPN"]
    if named and (tok.lower_ in cfg.group_nouns or tok.lower_ in cfg.source_nouns) and tok.lower_ not in _ENVOYS:
        return ctx.resolve(named[-1], 1)[0]  # "a Pentagon spokesman said": the Pentagon speaks
    if tok.lower_ in cfg.group_nouns or tok.lemma_.lower() in cfg.source_nouns:
        # "Officials at NATO headquarters", "officials of the Pentagon", "a source in Ukraine's SBU", "Analysts at
        # the Riga-based Baltic Security Forum"
        prep = next((c for c in tok.rights if c.dep_ == "prep" and c.lower_ in ("at", "of", "from", "in", "for")),
                    None)
        obj = object_of(prep)
        org = None if obj is None else obj if obj.ent_type_ == "ORG" else next(
            (c for c in obj.lefts if c.dep_ in ("compound", "amod") and c.ent_type_ == "ORG"), None)
        if org is not None:
            return ctx.resolve(org, 1)[0]
        mods = [t for t in obj.subtree if t.i < obj.i and t.dep_ in ("compound", "amod", "nmod")] if obj else []
        if obj is not None and (obj.lower_ in BODIES or obj.lemma_.lower() in BODIES) and mods and (
                any(m.text[:1].isupper() for m in mods) or prep.lower_ == "in") and not any(
                c.lower_ in ("a", "an") for c in obj.lefts):  # but "a trader at a large German utility" is a person
            # "a spokeswoman for the Sumy ... administration", "a source in the finance ministry"
            return ctx.new_actor(mods[0], obj, "unnamed")
    if tok.lower_ in cfg.institution_nouns:  # "according to South Korean intelligence"
        mods = [c for c in lefts if c.dep_ in ("amod", "compound") and c.text[:1].isupper()]
        if mods:
            return ctx.new_actor(mods[0], tok, "group")
    counts = [c for c in tok.lefts if c.dep_ == "nummod" and c.like_num and not c.text[:1].isdigit()]
    if counts and (tok.lower_ in cfg.group_nouns or tok.lower_ in cfg.source_nouns
                   or tok.lower_ in _COUNTED_PEOPLE or tok.lower_ in cfg.witness_nouns):
        # "three diplomats told us", "one senior diplomat from a northern member state said"
        where = place_tail(tok)
        return ctx.new_actor(counts[0], tok if where is None else where, "unnamed")
    if tok.like_num and not tok.text[:1].isdigit():  # "two of the people", "one of the sources"
        obj = object_of(next((c for c in tok.rights if c.dep_ == "prep" and c.lower_ == "of"), None))
        if obj is not None and obj.lower_ in _COUNTED_PEOPLE:
            described = next((c for c in tok.rights if c.dep_ == "appos" and (
                c.lower_ in cfg.source_nouns or c.lower_ in PERSON_NOUNS)), None)
            if described is not None:  # "one of the sources, a European official who tracks ..."
                return unnamed_source(ctx, described)
            return ctx.new_actor(tok, obj, "unnamed")
    if tok.lower_ in _INFORMED and any(c.lower_ in _IN_THE_KNOW and c.i == tok.i + 1 for c in tok.rights):
        # "according to a person familiar with its operations", "people close to the talks"
        count = next((c for c in tok.lefts if c.dep_ == "nummod"), None)
        return ctx.new_actor(count or tok, tok, "unnamed")
    if tok.lower_ in cfg.witness_nouns:  # "Residents say", "a North Korean soldier says"
        return witness_source(ctx, tok)
    if tok.lower_ in cfg.group_nouns:  # "Ukrainian officials", "regional officials", "the Ukrainian government"
        mods = [c for c in lefts if c.dep_ in ("amod", "compound", "nmod") and (
            c.text[:1].isupper() or tok.tag_ == "NNS")]
        where = place_tail(tok) if tok.tag_ in ("NNS", "NNPS") else None
        if mods or where is not None or (tok.tag_ == "NNS" and tok.lower_ != "media"):
            # "officials said", "officials in Kyiv say", "Regional authorities in Russia reported"
            first, last = _body_in(ctx, mods, tok)  # the body itself, or the group with where it sits
            some = next((c for c in tok.lefts if c.lower_ in QUANTIFIERS), None)
            if last is tok and some is not None:  # "Some current officials"
                first = some
            lead = [c for c in tok.lefts if c.dep_ == "amod" and c.is_lower and c.i < first.i]
            if last is tok and tok.tag_ == "NN" and lead:  # "A senior US official": one person, all of him
                first = lead[0]
            return ctx.new_actor(first, where if last is tok and where is not None else last, "group")
    if tok.tag_ in ("NNS", "NNPS"):
        mods = [c for c in lefts if c.dep_ != "det" and c.text[:1].isupper()]
        if mods and (tok.lower_ in cfg.group_nouns or any(m.ent_type_ == "NORP" for m in mods)):
            return ctx.new_actor(mods[0], tok, "group")
        if tok.tag_ == "NNS" and _subject(tok) and not (tok.ent_type_ or tok.lower_ in cfg.generic_plurals):
            # "executives said", "Aid groups report": people who speak for what they run or do
            mods = [c for c in tok.lefts if c.dep_ in ("amod", "compound", "nmod", "nummod") and not c.is_punct]
            # "Two privately held makers", "Estate agents in Kursk say"
            return ctx.new_actor(mods[0].left_edge if mods else tok, place_tail(tok) or tok, "group")
        return None
    if tok.lower_ in _TRIAL_SIDES and [c.lower_ for c in tok.lefts] == ["the"]:
        return ctx.new_actor(tok, tok, "unnamed")  # "According to the prosecution", "The defence argued that"
    if tok.lower_ in cfg.government_heads and not any(c.dep_ == "poss" for c in tok.lefts):
        mods = [c for c in lefts if c.dep_ in ("amod", "compound")]
        if mods and mods[-1].is_lower:  # "..., (Odesa) regional military administration reports"
            return ctx.new_actor(mods[0], tok, "unnamed")
        if not mods and any(c.lower_ == "the" for c in tok.lefts):
            return ctx.new_actor(tok, tok, "unnamed")  # "The government said": the one the story is about
    if (tok.lower_ in cfg.source_nouns or tok.lower_ in PERSON_NOUNS) and any(
            c.lower_ in DETERMINERS or (c.dep_ == "poss" and c.lower_ in _POSSESSIVES) for c in tok.lefts):
        mods = [c for c in lefts if c.dep_ != "det" and c.i < tok.i and not c.is_punct]
        # "a senior defense official", "a senior official from a Nordic country"
        first, last = _body_in(ctx, mods, tok)
        where = place_tail(tok) if last is tok else None
        return ctx.new_actor(first, last if where is None else where, "unnamed")
    owner = next((c for c in tok.lefts if c.dep_ == "poss" and c.pos_ == "NOUN"), None)
    if owner is not None and (tok.lower_ in PERSON_NOUNS | cfg.source_nouns or tok.lower_ in BODIES):
        return ctx.new_actor(owner, tok, "unnamed")  # "the city's mayor", "the brigade's press service"
    return None


def data_owner(ctx: Ctx, tok: Any) -> Suggestion | None:
    """The body whose data or statement `tok` is, named by the lower-case words before it: "finance ministry
    figures", "local council figures", "government data" (not "Western intelligence estimates": no body's count)."""
    if tok.lemma_.lower() not in _DATA:
        return None
    cfg = ctx.cfg
    mods = [c for c in tok.lefts if c.dep_ in ("compound", "amod", "nmod") and not c.is_punct]
    last = next((m for m in reversed(mods) if m.dep_ == "compound" and (
        m.lower_ in BODIES or m.lower_ in cfg.institution_nouns or m.lower_ in cfg.government_heads)), None)
    if last is None:
        return None
    words = ctx.doc[mods[0].left_edge.i : last.i + 1]  # not "the latest" or "official"
    first = next((m for m in words if m.dep_ == "compound" or m.lower_ in TIERS or m.text[:1].isupper()), last)
    return ctx.new_actor(first, last, "unnamed")


def people_noun(tok: Any, cfg: SuggestConfig) -> bool:
    """A noun that names people or a body of them: "officials", "rights groups", "logistics managers", a name."""
    low = tok.lower_
    return tok.pos_ == "PROPN" or low in cfg.group_nouns or low in cfg.witness_nouns or low in cfg.source_nouns \
        or low in PERSON_NOUNS or low in _COUNTED_PEOPLE or low in _GROUPS


def _subject(tok: Any) -> bool:
    """A subject, or a subject's conjunct ("traders and logistics managers say")."""
    return tok.dep_ == "nsubj" or (tok.dep_ == "conj" and any(t.dep_ == "nsubj" for t in tok.conjuncts))


def _body_in(ctx: Ctx, mods: list[Any], tok: Any) -> tuple[Any, Any]:
    """The first and last word of the unnamed source "mods + tok": the institution when one is named in it
    ("a (senior) Turkish foreign ministry official" is the Turkish foreign ministry speaking), else all of it
    ("a senior defense official")."""
    words = [c for c in tok.lefts if c.dep_ in ("compound", "amod", "nmod")]
    # "a Ukrainian military intelligence source" is the agency speaking; "Western intelligence officials" are people
    body = None if tok.lower_ in _EXPERTS else next((m for m in reversed(words) if (
        m.lower_ in ctx.cfg.institution_nouns or m.lower_ in BODIES) and (
        m.lower_ != "intelligence" or (m.i > 0 and m.nbor(-1).lower_ == "military"))), None)
    first = mods[0].left_edge if mods else tok  # "Russian" of "Russian defence ministry officials"
    if body is not None:
        named = next((t for t in tok.doc[first.i : body.i] if t.text[:1].isupper()), None)
        if named is not None:
            return named, body
    return first, tok
