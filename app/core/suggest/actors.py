"""ACTOR rules: a named mention is an actor when it acts or speaks, not when it is only a place.

People and organisations are actors wherever they are named; states and nationalities only in an acting role:
subject of a verb, possessor, party to something ("talks with Moscow"), agent ("seized by Ukraine"), the one
made to act ("forced Russia to redeploy"). Objects of in/into/near/from and parts of "Kursk region" are places.
A name that only modifies a noun ("NATO partners", "Ukraine envoy") is not an actor, nor a title in apposition to
a person ("Jake Sullivan, US National Security Advisor"). An organisation a person belongs to ("a retired major
general in the Australian Army") is. A name the recogniser found once is looked for again in the rest of the text
(a sentence-initial "Kyiv hopes" is easily missed).
"""

from __future__ import annotations

from typing import Any

from app.core.suggest.base import Suggestion, in_ranges, word_forms
from app.core.suggest.config import SuggestConfig

_ACTING_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
_MODIFIER_DEPS = frozenset({"compound", "nmod"})
_AFFILIATION_PREPS = frozenset({"in", "at", "of", "from", "with"})


def trim(doc: Any, start: int, end: int) -> tuple[int, int]:
    """Drop leading determiners and lower-case words ("the latest Institute ...") and a trailing "'s"."""
    while start < end - 1 and (doc[start].is_lower or doc[start].lower_ == "the" or doc[start].is_punct):
        start += 1
    while end > start + 1 and (doc[end - 1].is_punct or doc[end - 1].lower_ in ("'s", "'")):
        end -= 1
    return start, end


def name_key(text: str) -> str:
    return " ".join(text.replace("\u2019", "'").split()).lower()


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
        if prep in cfg.party_preps:
            return "party"
        if prep == "to" and head.head.lower_ == "according":
            return "source"
        return ""
    if dep == "dobj" and any(c.dep_ in ("xcomp", "ccomp") and c.i > tok.i and c.pos_ in ("VERB", "AUX")
                             for c in head.children):
        return "made-to-act"
    if dep in ("conj", "appos") and depth < 4 and head is not tok:
        return acting_role(head, cfg, depth + 1)
    return ""


def modifies_noun(span: Any, cfg: SuggestConfig) -> bool:
    """The name only modifies a noun after it ("NATO partners", "Kursk offensive"); a government head
    ("Biden administration") does not count."""
    root = span.root
    return root.dep_ in _MODIFIER_DEPS and root.head.i >= span.end and root.head.lower_ not in cfg.government_heads


def is_affiliation(tok: Any) -> bool:
    """`tok` is the object of in/at/of/from after a description of a person: "a major general in the Army"."""
    prep = tok.head
    desc = prep.head
    return (tok.dep_ == "pobj" and prep.lower_ in _AFFILIATION_PREPS and desc.pos_ == "NOUN"
            and desc.dep_ in ("appos", "attr") and desc.head.ent_type_ == "PERSON")


def speaks(tok: Any, cfg: SuggestConfig) -> bool:
    """`tok` (a group noun) is the subject of a reporting verb: "Ukrainian officials have repeatedly said"."""
    while tok.dep_ == "conj" and tok.head is not tok:
        tok = tok.head
    return tok.dep_ == "nsubj" and bool(word_forms(tok.head) & cfg.reporting_verbs)


def _more_mentions(doc: Any, found: list[tuple[int, int, str, bool]], taken: set[int]
                   ) -> list[tuple[int, int, str, bool]]:
    """Other mentions of names already recognised as ACTOR candidates, where the recogniser tagged nothing. A
    one-word name comes back without its label (it must then act to count: "Kyiv" is a PERSON to the model
    once, a place elsewhere)."""
    by_first: dict[str, list[tuple[list[str], str]]] = {}
    for start, end, label, _ in found:
        words = [t.text for t in doc[start:end]]
        by_first.setdefault(words[0], []).append((words, label))
    out = []
    for tok in doc:
        if tok.i in taken or tok.ent_type_ or tok.text not in by_first:
            continue
        for words, label in by_first[tok.text]:
            end = tok.i + len(words)
            if end <= len(doc) and [t.text for t in doc[tok.i : end]] == words and not any(
                    t.i in taken or t.ent_type_ for t in doc[tok.i : end]):
                out.append((tok.i, end, label, len(words) == 1))
                break
    return out


def actor_suggestions(doc: Any, cfg: SuggestConfig, junk: list[tuple[int, int]]) -> list[Suggestion]:
    out: list[Suggestion] = []
    mentions = []
    for ent in doc.ents:
        mapped = cfg.scheme_label(ent.label_)
        if ent.label_ == cfg.actor_label:  # a pipeline trained on the scheme
            out.append(Suggestion(ent.start_char, ent.end_char, cfg.actor_label, 0.8, attributes={"rule": "model"}))
            continue
        if mapped != cfg.actor_label:
            continue
        start, end = trim(doc, ent.start, ent.end)
        mentions.append((start, end, ent.label_, False))
    # a surname of a person named in full is that person, whatever the model calls it ("Zhdanov" as NORP)
    surnames = {doc[end - 1].text for start, end, label, _ in mentions if label == "PERSON" and end - start >= 2}
    mentions = [(s, e, "PERSON" if e - s == 1 and doc[s].text in surnames else label, r) for s, e, label, r in mentions]
    taken = {t.i for ent in doc.ents for t in ent}
    known = list(mentions)
    for name in surnames:  # a surname alone is looked for again too ("Zhdanov indicates ...")
        tok = next(t for t in doc if t.text == name)
        known.append((tok.i, tok.i + 1, "PERSON", True))
    for start, end, label, need_role in [*mentions, *_more_mentions(doc, known, taken)]:
        sugg = _actor(doc, start, end, label, cfg, need_role)
        if sugg is not None and not in_ranges(sugg.start, sugg.end, junk):
            out.append(sugg)
    return out


def _actor(doc: Any, start: int, end: int, label: str, cfg: SuggestConfig, need_role: bool = False
           ) -> Suggestion | None:
    """The ACTOR suggestion for the name doc[start:end] (model label `label`), or None when it is no actor.
    `need_role`: even a person or organisation must act (a one-word name found again without the model)."""
    span = doc[start:end]
    if (name_key(span.text) in cfg.never_actors or not any(t.text[:1].isupper() for t in span)
            or span[-1].lower_ in cfg.event_heads or any(t.text in (":", "|") for t in span)):
        return None
    root = span.root
    head = root.head
    attrs: dict[str, Any] = {"model_label": label}
    if label != "PERSON" and root.dep_ == "appos" and head.ent_type_ == "PERSON":
        return None  # a title: "Jake Sullivan, US National Security Advisor"
    if root.dep_ in _MODIFIER_DEPS and head.i >= end:
        if head.lower_ not in cfg.government_heads or head.i - end > 1:
            return None  # "Kursk offensive", "Ukraine envoy", "NATO partners"
        end = head.i + 1  # "the Biden administration"
        attrs["rule"] = "government"
        score = 0.8
    elif root.dep_ == "amod" or (label == "NORP" and root.pos_ == "ADJ"):
        # "Ukrainian officials" only as the source of a statement; "Russian forces" never
        if not (head.lower_ in cfg.group_nouns and 0 <= head.i - end <= 2 and speaks(head, cfg)):
            return None
        end = head.i + 1
        attrs["rule"] = "group"
        score = 0.65
    elif label == "NORP":
        return None  # "the Russians": people of a nation, not an actor
    elif label.lower() in cfg.always_actor:  # the config's word lists are lower-cased
        role = acting_role(root, cfg)
        if root.dep_ == "pobj" and head.lower_ in ("in", "into", "near", "inside") and not role:
            if not (label == "ORG" and is_affiliation(root)):
                return None  # a place taken for a person or organisation ("in Bolshoye Soldatskoye")
            role = "affiliation"
        if need_role and not role:
            return None
        attrs["rule"] = role or "named"
        score = 0.85 if role else 0.7
    else:
        role = acting_role(root, cfg)
        if not role:
            return None
        attrs["rule"] = role
        score = 0.8 if role in ("subject", "source", "agent") else 0.7
    return Suggestion(doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text), cfg.actor_label, score,
                      attributes=attrs)
