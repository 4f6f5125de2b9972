"""Other names of an actor given in parentheses after its name: an acronym ("the UN Office for the Coordination
of Humanitarian Affairs (OCHA)") or a translation ("Dobryi Shliakh (Good Road)", "Okopnaya Pravda (“Trench
Truth”)"). The annotators tag each as a name of its own, wherever the name before it acts anywhere in the
article; a party and state after a senator ("(R-Idaho)") or a note in lower case ("(pictured)") is no name."""

from __future__ import annotations

import re

from app.core.suggest.base import Suggestion, in_ranges
from app.core.suggest.config import SuggestConfig

_PARENTHESIS = re.compile(r" \([\u201c\"]?([A-Z][^()\n\u201c\u201d\"]{0,60}?)[\u201d\"]?\)")
_SMALL_WORDS = frozenset({"of", "the", "in", "for", "and", "on", "to", "a", "at"})
_PARTY_AND_STATE = re.compile(r"^[A-Z]-")


def _is_name(words: list[str]) -> bool:
    """Every word capitalised but the small ones between ("Together in Alytus"), no number: a name."""
    return bool(words) and all(
        (w[:1].isupper() or (i > 0 and w in _SMALL_WORDS)) and not any(c.isdigit() for c in w)
        for i, w in enumerate(words))


def parenthesised_names(text: str, actors: list[Suggestion], cfg: SuggestConfig,
                        junk: list[tuple[int, int]]) -> list[Suggestion]:
    """ACTORs for the names in parentheses right after a name that is an actor somewhere in `text`."""
    if " (" not in text or not actors:
        return []
    names = {text[a.start : a.end] for a in actors if a.end - a.start >= 2}
    out: list[Suggestion] = []
    for m in _PARENTHESIS.finditer(text):
        start, end = m.span(1)
        alias = m.group(1).rstrip()
        end = start + len(alias)
        before = text[max(0, m.start() - 80) : m.start()]
        if _PARTY_AND_STATE.match(alias) or not _is_name(alias.split()):
            continue
        if not any(before.endswith(name) and (len(before) == len(name) or not before[-len(name) - 1].isalnum())
                   for name in names):
            continue
        if in_ranges(start, end, junk) or any(a.start < end and start < a.end for a in actors):
            continue
        out.append(Suggestion(start, end, cfg.actor_label, 0.7, attributes={"rule": "alias"}))
    return out
