"""ACTOR rules: a named mention is an actor when it acts or speaks, not when it is only a place.

People and organisations are actors wherever they are named; states and nationalities only in an acting role:
subject of a verb, possessor, party to something ("talks with Moscow"), agent ("seized by Ukraine"), the one
made to act ("forced Russia to redeploy"). Objects of in/into/near/from and parts of "Kursk region" are places.
A name that only modifies a noun ("NATO partners", "Ukraine envoy") is not an actor, nor a title in apposition to
a person ("Jake Sullivan, US National Security Advisor"). An organisation a person belongs to ("a retired major
general in the Australian Army") is. A name the recogniser found once is looked for again in the rest of the text
(a sentence-initial "Kyiv hopes" is easily missed). The recogniser's entities are repaired first: organisation
names it split or mislabelled ("Ukrainian Institute" + "for the Future", "the Henry Jackson Society" as FAC),
names it missed after a title or before an organisation word, a capital it took for a person elsewhere, and
title-case headlines it took for names. Handles and acronyms it missed are looked for too (missed_names.py).
Headings in capitals, oblasts and month names are never actors.
"""

from __future__ import annotations

from typing import Any

from app.core.suggest.actor_roles import (
    MODIFIER_DEPS,
    acting_role,
    first_conjunct,
    is_affiliation,
    matters_to,
    speaks,
    works_in,
)
from app.core.suggest.bare_names import bare_name_is_no_actor
from app.core.suggest.base import CURRENCY_MARKS, MONTHS, Suggestion, in_ranges
from app.core.suggest.config import SuggestConfig
from app.core.suggest.missed_names import (
    DASHES,
    ORG_DESCRIPTORS,
    PERSON_NOUNS,
    PLACE_MADE,
    PORTFOLIOS,
    after_titles,
    aged_names,
    capitals_lines,
    described_names,
    handles_and_acronyms,
    keeps_the,
    kind_then_name,
    org_names,
    title_case_lines,
    titled_names,
)
from app.core.suggest.witnesses import place_tail

_FINITE = frozenset({"is", "was", "are", "were", "has", "have", "had", "will", "would", "must", "can", "could"})
# prepositions that make a name the recogniser called a person (or a one-word organisation) a place ("the plant
# at Kurchatov", "the pocket around Lyubimovka"); "analysts at the ... Forum" belong to an organisation
_PERSON_PLACE_PREPS = frozenset({"at", "around", "towards", "toward"})
_COMPASS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"})
_PLACE_HEADS = frozenset({"oblast", "raion", "hromada", "krai", "okrug", "governorate",  # "Sumy Oblast"
                          "stadium", "arena", "airport"})  # "Oryol's Central Stadium holds 8,000": a venue
_JOINS = frozenset({"for", "of"})
_QUANTIFIERS = frozenset({"many", "several", "some", "few", "other", "more", "most", "all", "various"})
_HELPERS = frozenset({"supporters", "friends", "backers", "sympathizers", "sympathisers", "well-wishers"})
MISSIONS = frozenset({"embassy", "consulate"})  # named by their city: "the Russian Embassy in Washington"
MISSION_PREPS = frozenset({"in"})
# prepositions that make an organisation or a gazetteer name a place: "outside EU", "in the Kremlin"
ORG_PLACE_PREPS = frozenset({"in", "into", "near", "inside", "outside", "across", "throughout", "within"})
_RECORD_NOUNS = frozenset({"data", "statement", "report", "estimate", "estimates", "figures", "assessment", "tally",
                           "analysis", "survey", "count", "briefing"})
# what a state or body named in front of it makes or issues: "a $50bn G7 loan", "US sanctions", "U.S. estimates"
_AGENT_NOUNS = frozenset({"loan", "loans", "sanctions", "assessment", "assessments", "estimate", "estimates",
                          "watchdog", "mediation"})
_MEMBERS = frozenset({"deputy", "member", "mp", "mep", "senator"})  # "an SPD member", "a State Duma deputy"
_ASSOCIATES = frozenset({"colleague", "secretary", "officials"})  # "a BBC colleague", "Defense Department officials"
# parts and acts of a body named in front of them: "the ICRC delegation", "joint EU borrowing"
_BODY_PARTS = frozenset({"office", "delegation", "directorate", "mission", "command", "resolutions", "grants",
                         "borrowing", "imports"})
_REGIONS = frozenset({"western", "european", "allied"})  # no state: "a Western intelligence official" is a person
_DESCRIBING_DEPS = frozenset({*MODIFIER_DEPS, "amod"})
_SPEAKER_TITLES = frozenset({"spokeswoman", "spokesman", "spokesperson"})
_NAME_PARTICLES = frozenset({"van", "von", "de", "der", "den", "ter", "ten", "da", "di", "du", "del", "la", "le"})
_TITLE_WORDS = frozenset({
    *_SPEAKER_TITLES, "deputy", "press", "secretary", "chief", "head", "director", "minister", "foreign", "affairs",
    "defence", "defense", "senior", "adviser", "advisor", "envoy", "ambassador", "commissioner", "general",
    "assistant", "acting", "first", "vice", "president", "chairman", "chair",
})


def trim(doc: Any, start: int, end: int) -> tuple[int, int]:
    """Drop leading determiners and lower-case words ("the latest Institute ...") and a trailing "'s"."""
    while start < end - 1 and (doc[start].is_lower or (doc[start].lower_ == "the" and not keeps_the(doc[start]))
                               or doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space or doc[end - 1].lower_ in ("'s", "'")):
        end -= 1
    return start, end


def name_key(text: str) -> str:
    return " ".join(text.replace("\u2019", "'").split()).lower()


def surname_key(text: str) -> str:
    """The last word of a name as `name_key` spells it: "Oksana Kovalchuk" and "KOVALCHUK" -> "kovalchuk"."""
    return name_key(text).split(" ")[-1]


def _more_mentions(doc: Any, words: list[str], found: list[tuple[int, int, str, bool]], taken: set[int]
                   ) -> list[tuple[int, int, str, bool]]:
    """Other mentions of names already recognised as ACTOR candidates, where the recogniser tagged nothing. A
    one-word name comes back without its label (it must then act to count: "Kyiv" is a PERSON to the model
    once, a place elsewhere)."""
    by_first: dict[str, list[tuple[list[str], str]]] = {}
    for start, end, label, _ in found:
        name = words[start:end]
        by_first.setdefault(name[0], []).append((name, label))
    out = []
    for i, word in enumerate(words):
        if i in taken or word not in by_first or doc[i].ent_type_:
            continue
        tok = doc[i]
        for name, label in by_first[word]:
            end = i + len(name)
            if end <= len(doc) and words[i:end] == name and not any(
                    t.i in taken or t.ent_type_ for t in doc[i:end]):
                out.append((tok.i, end, label, len(name) == 1))
                break
    return out


def _names(doc: Any, cfg: SuggestConfig, ents: tuple[Any, ...]) -> list[tuple[int, int, str]]:
    """The recogniser's entities as (start, end, label), repaired: a name with an organisation word is an ORG
    ("the Henry Jackson Society" as FAC), "for/of (the) Name" after one continues it ("the Ukrainian Institute"
    + "for the" + "Future"), and of an entity read across a dash only the name after it stays ("08:30 —
    Ukrenergo" as TIME)."""
    out: list[tuple[int, int, str]] = []
    skip_to = -1
    for ent in ents:
        if ent.start < skip_to:
            continue
        start, end, label = ent.start, ent.end, ent.label_
        dash = next((t.i for t in ent if t.text in DASHES and (t.whitespace_ or doc[t.i - 1].whitespace_)), None)
        if dash is not None:  # "08:30 — Ukrenergo" read as one TIME: the name after the dash
            if dash + 1 < end and all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in doc[dash + 1 : end]):
                out.append((dash + 1, end, "ORG"))
            continue
        heads = [t for t in ent if t.lower_ in cfg.org_heads and t.text[:1].isupper()]
        if heads and heads[-1].i < end - 1 and cfg.scheme_label(label) in (None, cfg.actor_label):
            label = "ORG"  # "the Kyiv Centre for Resource Security" as FAC
        if doc[end - 1].lower_ in cfg.org_heads and doc[end - 1].text[:1].isupper():
            label = "ORG" if cfg.scheme_label(label) in (None, cfg.actor_label) else label
            j = _past_join(doc, end, _JOINS)
            k = j
            while k < len(doc) and k > end and ((doc[k].pos_ == "PROPN" and doc[k].text[:1].isupper()) or (
                    doc[k].lower_ == "of" and k + 1 < len(doc) and doc[k + 1].text[:1].isupper() and k > j)):
                k += 1  # "... Headquarters for the Treatment of Prisoners of War"
            if k > j:
                end = skip_to = k
        first = doc[start + 1] if doc[start].lower_ == "the" and end - start > 1 else doc[start]
        if label == "ORG" and first.lower_ in cfg.org_heads:  # "Ministry of Defence" + "of the Russian Federation"
            j = _past_join(doc, end, {"of"})
            state = next((e for e in ents if e.start == j and e.label_ == "GPE"), None) if j > end else None
            if state is not None:
                end = skip_to = state.end
            elif any(t.lower_ in ("of", "for") for t in doc[start:end]) and end + 1 < len(doc) and (
                    doc[end].lower_ == "and" and _subject_word(doc[end + 1])):
                k = end + 1  # "Ministry of Social Security" + "and Labour": one ministry
                while k < len(doc) and _subject_word(doc[k]):
                    k += 1
                end = skip_to = k
        out.append((start, end, label))
    return out


def _subject_word(tok: Any) -> bool:
    """A capitalised word that names a field, not a state, person or acronym ("Labour" in "Ministry of Social
    Security and Labour")."""
    return tok.pos_ == "PROPN" and tok.text[:1].isupper() and not tok.text.isupper() and tok.ent_type_ not in (
        "GPE", "PERSON", "NORP", "LOC", "FAC")


def _past_join(doc: Any, end: int, joins: frozenset[str] | set[str]) -> int:
    """Where a name may go on after doc[:end]: past "of"/"for" and a "the" ("... Institute" + "for the" +
    "Future"), or `end` itself when no join follows."""
    if end >= len(doc) or doc[end].lower_ not in joins:
        return end
    return end + 2 if end + 1 < len(doc) and doc[end + 1].lower_ == "the" else end + 1


def _parenthesised_alias(doc: Any, start: int, end: int) -> tuple[int, int, str] | None:
    """The name that `doc[start:end]` stands in parentheses after: "North Korea (DPRK)"."""
    if start < 2 or end >= len(doc) or doc[start - 1].text != "(" or doc[end].text != ")":
        return None
    before = doc[start - 2]
    if not before.ent_type_:
        return None
    ent = next((e for e in doc.ents if e.start <= before.i < e.end), None)
    if ent is None:
        return None
    alias_start, alias_end = trim(doc, ent.start, ent.end)
    # the name must stand before the parenthesis: an entity read across it ("a (B" trimmed to "B") is no other name
    return (alias_start, alias_end, ent.label_) if alias_end < start else None


def actor_suggestions(doc: Any, cfg: SuggestConfig, junk: list[tuple[int, int]], text: str | None = None
                      ) -> list[Suggestion]:
    """ACTOR suggestions for `doc`; `text` is `doc.text` when the caller has it (spaCy builds it anew from a
    Token object per word on every access)."""
    from spacy.attrs import ORTH  # here, not at the top: the window imports this package without spaCy

    out: list[Suggestion] = []
    mentions = []
    ents = doc.ents
    for ent in ents:
        if ent.label_ == cfg.actor_label:  # a pipeline trained on the scheme
            out.append(Suggestion(ent.start_char, ent.end_char, cfg.actor_label, 0.8, attributes={"rule": "model"}))
    places = {ent.text for ent in ents if ent.label_ in ("GPE", "LOC")}
    for ent_start, ent_end, label in _names(doc, cfg, ents):
        if label == cfg.actor_label or cfg.scheme_label(label) != cfg.actor_label:
            continue
        start, end = trim(doc, ent_start, ent_end)
        start = after_titles(doc, start, end, cfg, _SPEAKER_TITLES)  # "Spokeswoman Iryna Tkach"
        if label == "PERSON" and start > 0 and doc[start - 1].text in _NAME_PARTICLES:
            start -= 1  # "Reinout ter Haghe", "ter Haghe"
            if start > 0 and (doc[start - 1].ent_type_ == "PERSON" or (
                    doc[start - 1].pos_ == "PROPN" and doc[start - 1].text[:1].isupper())):
                start -= 1
        if label in ("PERSON", "ORG") and (doc[start:end].text in places or _places_listed(doc[start:end], places)):
            label = "GPE"  # "Kyiv" taken for a person once and for a place elsewhere: a place that must act
        if end - start <= 3 and doc[start].lower_ in cfg.given_names and doc[start].pos_ == "PROPN" and (
                doc[end - 1].lower_ not in cfg.org_heads):
            label = "PERSON"  # "Galina Prokudina" read as a place (not "Charles University")
            while end < len(doc) and end - start < 3 and doc[end].pos_ == "PROPN" and not doc[end].ent_type_:
                end += 1  # "Galina" (GPE) + "Prokudina"
        mentions.append((start, end, label, False))
    strings = doc.vocab.strings
    words = [strings[h] for h in doc.to_array([ORTH]).ravel().tolist()] if len(doc) else []  # no Token objects
    described = described_names(doc, words, cfg)
    mentions = [m for m in mentions if not any(s <= m[0] and m[1] <= e for s, e, _, _ in described)] + described
    # a surname of a person named in full is that person, whatever the model calls it ("Zhdanov" as NORP)
    surnames = {doc[end - 1].text for start, end, label, _ in mentions if label == "PERSON" and end - start >= 2}
    # a family name first: "Han Seung-ryul" (a hyphenated given name last) is "Han" later on
    surnames |= {doc[start].text for start, end, label, _ in mentions if label == "PERSON" and end - start >= 4
                 and doc[end - 2].text == "-"}
    mentions = [(s, e, "PERSON" if e - s == 1 and doc[s].text in surnames else label, r) for s, e, label, r in mentions]
    taken = {i for ent in ents for i in range(ent.start, ent.end)}
    # "Vitalii, 34," the model took for a product: an age finds names under entities that make no actor
    taken_by_actors = {i for ent in ents if cfg.scheme_label(ent.label_) == cfg.actor_label
                       for i in range(ent.start, ent.end)}
    text = doc.text if text is None else text
    capitals = capitals_lines(text)
    mentions += kind_then_name(doc, words)
    mentions += titled_names(doc, words, cfg, taken) + org_names(doc, words, cfg, taken) + handles_and_acronyms(
        doc, words, taken, capitals) + aged_names(doc, words, taken_by_actors)
    mentions += [(i, i + 1, "GPE", False) for i, w in enumerate(words)  # "Moscow and Kyiv have both targeted"
                 if i not in taken and w.lower() in cfg.government_seats and w[:1].isupper() and doc[i].pos_ == "PROPN"]
    known = list(mentions)
    first_at: dict[str, int] = {}
    for i, word in enumerate(words):
        first_at.setdefault(word, i)
    for name in surnames:  # a surname alone is looked for again too ("Zhdanov indicates ...")
        known.append((first_at[name], first_at[name] + 1, "PERSON", True))
    headlines = title_case_lines(text)
    junk = [*junk, *((a, b) for a, b in capitals if " " in text[a:b].strip() or "-" in text[a:b]
                     )]  # headings of two words or more, or hyphenated ("WHACK-A-MOLE")
    for start, end, label, need_role in [*mentions, *_more_mentions(doc, words, known, taken)]:
        if end - start >= 3 and in_ranges(doc[start].idx, doc[end - 1].idx + 1, headlines) and text.count(
                doc[start:end].text) == 1:
            continue  # "Kursk Gamble Nears Its Limits": a headline in title case, not a name
        sugg = _actor(doc, start, end, label, cfg, need_role)
        if sugg is not None and not in_ranges(sugg.start, sugg.end, junk):
            out.append(sugg)
    return out


def _places_listed(span: Any, places: set[str]) -> bool:
    """`span` is a list of places read as one name: "Belgorod and Bryansk", "Esman, Shalyhyne"."""
    parts = [p.strip() for p in span.text.replace(" and ", ",").split(",")]
    return len(parts) > 1 and all(p in places for p in parts)


def _credited(root: Any) -> bool:
    """The name is credited with reporting at the foot of a story: "CNN's Oksana Prylypko in Kyiv and Yoon Ha-rin
    in Seoul contributed reporting"."""
    verb = first_conjunct(root).head
    return verb.lemma_ == "contribute" and any(c.lower_ in ("reporting", "research") for c in verb.children)


def _counted_unit(span: Any) -> bool:
    """A short capitalised unit counted by the number before it, the head of its phrase: "about 2,000 MW" (not
    "two UN agencies", where the name only modifies)."""
    tok = span[0]
    return (len(span) == 1 and tok.text.isalpha() and len(tok.text) <= 3 and tok.text[:1].isupper() and tok.i > 0
            and tok.doc[tok.i - 1].like_num and tok.dep_ not in MODIFIER_DEPS)


def _affiliated_person(doc: Any, end: int, head: Any, cfg: SuggestConfig) -> bool:
    """The noun `head` after an organisation ending at `end` is a person who belongs to it: "a senior EU
    official", "a BBC colleague", "EU foreign affairs spokesperson X", "Defense Department officials" (not
    "NATO members", nor "Deputy Press Secretary" in a title)."""
    word = head.lower_
    person = word in cfg.source_nouns or word in PERSON_NOUNS or word in _MEMBERS
    if head.i - end <= 1 and person:
        return True
    return head.is_lower and (person or word in _ASSOCIATES) and _describing(doc, end, head)


def _describing(doc: Any, end: int, head: Any) -> bool:
    """The words between a name ending at `end` and the noun `head` it modifies only describe that noun: "UN
    [human rights] office", "EU [foreign affairs] spokesperson" (at most three words)."""
    return head.i - end <= 3 and all(t.dep_ in _DESCRIBING_DEPS for t in doc[end : head.i])


def _given_names(doc: Any, start: int, end: int, cfg: SuggestConfig) -> int:
    """Where the name doc[start:end] begins once the given names the recogniser left out are counted: at most two
    capitalised proper nouns the parser hangs on the name ("Liudmyla" + "Shpakivska", "Reinout" + "ter Haghe"),
    each tagged as nothing or as a one-word name, and no title, person noun or organisation word."""
    first = start
    while first > 0 and start - first < 2:
        tok = doc[first - 1]
        ent_ok = not tok.ent_type_ or (tok.ent_iob_ == "B" and doc[first].ent_iob_ != "I")
        if not (tok.pos_ == "PROPN" and tok.dep_ in ("compound", "flat") and first <= tok.head.i < end
                and tok.text[:1].isupper() and tok.is_alpha and ent_ok):
            break
        word = tok.lower_
        if cfg.is_title(word) or word in PERSON_NOUNS or word in cfg.org_heads or word in _TITLE_WORDS \
                or word in PORTFOLIOS or word in MONTHS:
            break
        first -= 1
    return first


def _titles_then_name(doc: Any, end: int, head: Any) -> bool:
    """Between the organisation and the person it qualifies stand only words of a title: "Pentagon" + "Deputy
    Press Secretary" + "Rebecca Mayhew"."""
    while head.lower_ in _TITLE_WORDS and head.dep_ == "compound" and head.head.i > head.i:
        head = head.head  # "Pentagon" hangs on "Secretary", which hangs on the name
    if head.ent_type_ != "PERSON" or head.i - end > 6:
        return False
    first = head.i
    while first > end and doc[first - 1].ent_type_ == "PERSON":
        first -= 1
    return first > end and all(t.lower_ in _TITLE_WORDS for t in doc[end:first])


def _call_sign(doc: Any, start: int) -> bool:
    """The name follows "call sign", "callsign", "nicknamed" or "nom de guerre" (or "whose call sign is")."""
    before = [t.lower_ for t in doc[max(0, start - 4) : start] if t.text not in ("\u201c", '"', "'", "\u2018")]
    if before[-1:] in (["is"], ["was"]):
        before = before[:-1]
    return bool(before) and (before[-1] in ("callsign", "nicknamed", "codenamed", "alias") or before[-2:] in (
        ["call", "sign"], ["de", "guerre"], ["call", "-"]))


def _actor(doc: Any, start: int, end: int, label: str, cfg: SuggestConfig, need_role: bool = False
           ) -> Suggestion | None:
    """The ACTOR suggestion for the name doc[start:end] (model label `label`), or None when it is no actor.
    `need_role`: even a person or organisation must act (a one-word name found again without the model)."""
    if end - start == 1 or doc[start].text in _NAME_PARTICLES:
        start = _given_names(doc, start, end, cfg)  # "Ines" + "Quartermaine" (read as a place or missed)
    span = doc[start:end]
    text = span.text
    if "(" in text:  # "6 Aug (Regional Administration": the name is inside the bracket
        start = next(t.i for t in span if t.text == "(") + 1
        if start >= end:
            return None
        span = doc[start:end]
        text = span.text
    if (name_key(text) in cfg.never_actors or span[0].text.isdigit() or span[-1].lower_ in _PLACE_HEADS
            or (len(span) == 1 and span[0].lower_ in MONTHS) or len(text) < 2
            or not any(t.text[:1].isupper() or t.text[:1] == "@" for t in span)
            or (span[-1].lower_ in cfg.event_heads and not any(t.lower_ in cfg.org_heads for t in span))
            or any(t.text in (":", "|") or t.lower_ in _FINITE for t in span) or span[0].text in CURRENCY_MARKS):
        return None  # a place, an event, a headline in title case ("Kursk Was Always a Gamble")
    if all(cfg.is_title(t.lower_) for t in span):
        return None  # "Sgt." alone: the name after it is the actor
    if span[-1].text in ("No", "No.") or (all(t.lower_ in PORTFOLIOS for t in span) and end < len(doc)
                                           and cfg.is_title(doc[end].lower_)):
        return None  # "Bill No. 11234"; "Defense" of "Defense Minister X", a portfolio in a title
    if len(span) == 1 and span[0].is_sent_start and span[0].tag_ == "NNS" and span[0].text[1:].islower():
        return None  # "Schools received ...", "Utilities went up": a plural capitalised for opening the sentence
    if len(span) > 1 and span[-1].lower_ in ("said", "says") and span[-2].tag_ in ("NNS", "NNPS"):
        return None  # "What Governments Said": a heading in title case (but "Edward Said" is a name)
    if _call_sign(doc, start):
        return None  # "goes by the call sign Shula": another name of someone named already, not a new actor
    alias_of = _parenthesised_alias(doc, start, end)
    if alias_of is not None:  # "from North Korea (DPRK)": an acronym shares the fate of the name before it
        alias_start, alias_end, alias_label = alias_of
        if _actor(doc, alias_start, alias_end, alias_label, cfg) is None:
            return None
    root = span.root
    head = root.head
    attrs: dict[str, Any] = {"model_label": label}
    if end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].lower_ in PLACE_MADE:
        return None  # "the Kyiv-based Center": a place or a modifier, not a party
    if label != "PERSON" and matters_to(root) and not acting_role(root, cfg):
        return None  # "for the Kremlin, Kursk is a matter of prestige": the one something matters to
    if root.dep_ == "poss" and head.lower_ in _HELPERS:
        return None  # "Kyiv's supporters": the state is the one helped
    if _credited(root) or (end - start == 1 and span[0].lower_ in cfg.generic_plurals) or _counted_unit(span):
        return None  # "CNN's Idris Malvernon contributed reporting", "Videos posted online", "about 2,000 MW"
    if label != "PERSON" and root.dep_ == "appos" and head.ent_type_ == "PERSON":
        return None  # a title: "Jake Sullivan, US National Security Advisor"
    if label == "PERSON" and head.lower_ in ("name", "names") and start > 0 and doc[start - 1].text == ",":
        attrs["rule"] = "named"  # "gave only his first name, Vasyl,": the parser hung the name on "name"
        score = 0.7
    elif root.dep_ in MODIFIER_DEPS and head.i >= end:
        if head.lower_ in cfg.action_heads and head.i == end and label != "PERSON" and any(
                c.dep_ in ("det", "poss") for c in head.children):
            attrs["rule"] = "agent"  # "under the Russian Federation control"
            score = 0.7
        elif label == "ORG" and _affiliated_person(doc, end, head, cfg):
            body = next((t for t in doc[end : head.i] if t.lower_ in cfg.government_heads), None)
            end = end if body is None else body.i + 1  # "Biden administration officials": the administration
            attrs["rule"] = "affiliation"  # "a senior EU official", "a Pentagon spokesman", "a BBC colleague",
            score = 0.7  # "EU foreign affairs spokesperson Anouk Duvignaud"
        elif label == "ORG" and span[0].lower_ not in _TITLE_WORDS and _titles_then_name(doc, end, head):
            attrs["rule"] = "affiliation"  # "Pentagon Deputy Press Secretary Rebecca Mayhew"
            score = 0.7
        elif label in ("ORG", "PERSON") and head.lower_ in _RECORD_NOUNS and head.i - end <= 1:
            attrs["rule"] = "source"  # "FrontLine Atlas data show ...", "a Kremlin statement", "ISW's tally"
            score = 0.7
        elif label == "ORG" and head.lower_ in ORG_DESCRIPTORS and head.i - end <= 1 and acting_role(head, cfg):
            attrs["rule"] = "named"  # "The Borderline Watch monitoring group ... puts the peak lower"
            score = 0.7
        elif ((label in ("ORG", "GPE") and head.lower_ in _AGENT_NOUNS) or (
                label == "ORG" and head.lower_ in _BODY_PARTS)) and (
                span[-1].tag_ == "NNP" or label == "ORG") and _describing(doc, end, head):
            attrs["rule"] = "agent"  # "a $50bn G7 loan", "US sanctions", "the UN nuclear watchdog", "the ICRC
            score = 0.7  # delegation", "UN Security Council resolutions"
        elif head.lower_ not in cfg.government_heads or head.i - end > 1:
            return None  # "Kursk offensive", "Ukraine envoy", "NATO partners"
        else:
            end = head.i + 1  # "the Biden administration"
            attrs["rule"] = "government"
            score = 0.8
    elif root.dep_ == "amod" or (label == "NORP" and root.pos_ == "ADJ"):
        # "Ukrainian officials" only as the source of a statement; "Russian forces" never; "the Ukrainian
        # parliament" where it acts or a person belongs to it
        if head.lower_ in cfg.institution_nouns and 0 <= head.i - end <= 1 and (acting_role(head, cfg)
                                                                            or is_affiliation(head)):
            attrs["rule"] = "institution"
        elif head.lower_ in cfg.group_nouns and 0 <= head.i - end <= 2 and speaks(head, cfg):
            attrs["rule"] = "group"
            adjs = [c for c in head.lefts if c.dep_ == "amod" and c.i < start and c.pos_ == "ADJ"
                    and c.lower_ not in _QUANTIFIERS]
            if adjs and all(t.dep_ in ("amod", "compound") for t in doc[adjs[0].i : start]):
                start = adjs[0].i  # "Senior Ukrainian officials"
            count = next((c for c in head.lefts if c.dep_ == "nummod" and c.i == start - 1), None)
            if count is not None:
                start = count.i  # "One European official", "two Ukrainian officials": the count is part of it
        else:
            return None
        body = next((t for t in doc[end : head.i] if t.lower_ in cfg.institution_nouns and not (
            t.lower_ == "intelligence" and span[0].lower_ in _REGIONS)), None)  # not "Western intelligence"
        end = body.i + 1 if body is not None else head.i + 1  # "a Turkish foreign ministry official": the ministry
        score = 0.65
    elif label == "NORP":
        return None  # "the Russians": people of a nation, not an actor
    elif label.lower() in cfg.always_actor:  # the config's word lists are lower-cased
        if label == "PERSON" and root.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in cfg.relation_nouns:
            return None  # "the widow of Alexei Navalny": named only through another
        role = acting_role(root, cfg)
        first = first_conjunct(root)
        listed = label != "PERSON" or (end - start == 1 and any(c.dep_ == "cc" for c in first.children))
        if not role and listed and first is not root and first.ent_type_ in ("GPE", "LOC", "FAC"):
            return None  # "around Pokrovsk and Kostiantynivka": listed with a place, a place (whatever the label)
        if root.dep_ == "pobj" and not role and (head.lower_ in ("in", "into", "near", "inside") or (
                head.lower_ in _PERSON_PLACE_PREPS and (label == "PERSON" or end - start == 1)) or (
                head.lower_ == "of" and (head.head.lower_ in _COMPASS or head.head.lower_ in cfg.place_heads))
        ):  # "south of Korenevo", "the border villages of Basivka and Zhuravka"
            if not (is_affiliation(root) and (label == "ORG" or head.lower_ == "at")) and not (
                    label == "ORG" and works_in(root)):
                return None  # a place taken for a person or organisation ("in Bolshoye Soldatskoye"); but "a
            # strategist at Halvorsen Kapital" works for a firm the recogniser took for a person
            role = "affiliation"
        elif label == "ORG" and root.dep_ == "pobj" and head.lower_ in ORG_PLACE_PREPS and not role:
            if not is_affiliation(root):
                return None  # "outside EU"
            role = "affiliation"
        if not role and (need_role or bare_name_is_no_actor(doc, start, end, root, label, cfg)):
            return None  # "a schoolteacher from Goncharovka", "hundreds of Bradleys", a subhead or a byline
        attrs["rule"] = role or "named"
        score = 0.85 if role else 0.7
    else:
        role = acting_role(root, cfg)
        if not role:
            return None
        attrs["rule"] = role
        score = 0.8 if role in ("subject", "source", "agent") else 0.7
    where = place_tail(doc[end - 1], MISSION_PREPS) if doc[end - 1].lower_ in MISSIONS else None
    if where is not None:
        end = where.i + 1  # "the Russian Embassy in Washington": a mission is named by where it sits
    last = doc[end - 1]
    stop = last.idx + len(last.text)
    if last.text.endswith(".") and len(last.text) > 2 and (end == len(doc) or doc[end].is_sent_start):
        stop -= 1  # "Brightwater Components Ltd." at the end of a sentence: the full stop is the sentence's
    return Suggestion(doc[start].idx, stop, cfg.actor_label, score, attributes=attrs)
