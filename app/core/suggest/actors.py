"""ACTOR rules: a named mention is an actor when it acts or speaks, not when it is only a place.

People and organisations are actors wherever they are named; states and nationalities only in an acting role:
subject of a verb, possessor, party to something ("talks with Moscow"), agent ("seized by Ukraine"), the one
made to act ("forced Russia to redeploy"). Objects of in/into/near/from and parts of "Kursk region" are places.
"""

from __future__ import annotations

from typing import Any

from app.core.suggest.base import Suggestion, in_ranges
from app.core.suggest.config import SuggestConfig

_ACTING_DEPS = frozenset({"nsubj", "csubj", "expl"})


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
    if dep == "dobj" and any(c.dep_ in ("xcomp", "ccomp") and c.i > tok.i for c in head.children):
        return "made-to-act"
    if dep in ("conj", "appos") and depth < 4 and head is not tok:
        return acting_role(head, cfg, depth + 1)
    return ""


def actor_suggestions(doc: Any, cfg: SuggestConfig, junk: list[tuple[int, int]]) -> list[Suggestion]:
    out: list[Suggestion] = []
    for ent in doc.ents:
        mapped = cfg.scheme_label(ent.label_)
        if ent.label_ == cfg.actor_label:  # a pipeline trained on the scheme
            out.append(Suggestion(ent.start_char, ent.end_char, cfg.actor_label, 0.8, attributes={"rule": "model"}))
            continue
        if mapped != cfg.actor_label:
            continue
        start, end = trim(doc, ent.start, ent.end)
        span = doc[start:end]
        if (name_key(span.text) in cfg.never_actors or not any(t.text[:1].isupper() for t in span)
                or span[-1].lower_ in cfg.event_heads or any(t.text in (":", "|") for t in span)):
            continue
        root = span.root
        head = root.head
        attrs: dict[str, Any] = {"model_label": ent.label_}
        if root.dep_ == "compound" and head.i >= end:
            if head.lower_ in cfg.government_heads and head.i - end <= 1:
                end = head.i + 1  # "the Biden administration"
                attrs["rule"] = "government"
                score = 0.8
            else:
                continue  # "Kursk offensive", "Ukraine envoy"
        elif root.dep_ == "amod" or (ent.label_ == "NORP" and root.pos_ == "ADJ"):
            if head.lower_ in cfg.group_nouns and head.i >= end and head.i - end <= 2:
                end = head.i + 1  # "Ukrainian officials"
                attrs["rule"] = "group"
                score = 0.65
            else:
                continue  # "Russian forces", "North Korean troops"
        elif ent.label_ == "NORP":
            continue  # "the Russians": people of a nation, not an actor
        elif ent.label_.upper() in {w.upper() for w in cfg.always_actor}:
            role = acting_role(root, cfg)
            if root.dep_ == "pobj" and head.lower_ in ("in", "into", "near", "inside") and not role:
                continue  # a place taken for a person or organisation ("in Bolshoye Soldatskoye")
            attrs["rule"] = role or "named"
            score = 0.85 if role else 0.7
        else:
            role = acting_role(root, cfg)
            if not role:
                continue
            attrs["rule"] = role
            score = 0.8 if role in ("subject", "source", "agent") else 0.7
        sugg = Suggestion(doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text), cfg.actor_label, score,
                          attributes=attrs)
        if not in_ranges(sugg.start, sugg.end, junk):
            out.append(sugg)
    return out
