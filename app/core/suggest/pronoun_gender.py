"""Which named people the text calls "he" and which "she", so that "..., he said" skips a woman named last.

The evidence is only what the text itself makes plain: a title ("Mr Rübesamen", "Ms Ledwidge") or a pronoun in a
sentence where it can refer to one named person only ("Ledwidge said ... “...,” she said"). A name with evidence
both ways (two people who share a surname) stays unknown.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from app.core.suggest.actors import surname_key
from app.core.suggest.base import Suggestion

MALE = frozenset({"he", "him", "his", "himself"})
FEMALE = frozenset({"she", "her", "hers", "herself"})
_TITLES = {"mr": "m", "mr.": "m", "ms": "f", "ms.": "f", "mrs": "f", "mrs.": "f", "miss": "f"}


def pronoun_gender(word: str) -> str | None:
    """"m" for he/him/his, "f" for she/her/hers, None for anything else."""
    lower = word.lower()
    return "m" if lower in MALE else "f" if lower in FEMALE else None


def gender_evidence(doc: Any, verbs: frozenset[str], people_before: Callable[[int], list[Suggestion]],
                    surname: Callable[[Suggestion], str]) -> dict[str, str]:
    """Surname -> "m" or "f" for the people the text gives a gender to. Only a pronoun that speaks ("she said",
    with `verbs` the reporting verbs) counts: one inside what is said ("once he signs") is often someone else."""
    from spacy.attrs import LOWER  # here, not at the top: the window imports this package without spaCy

    strings = doc.vocab.strings
    seen: dict[str, set[str]] = {}
    for i, low in enumerate(doc.to_array([LOWER]).ravel().tolist() if len(doc) else []):
        word = strings[low]
        if word not in _TITLES and word not in MALE and word not in FEMALE:
            continue  # one array lookup a word: Token objects only for titles and pronouns
        tok = doc[i]
        title = _TITLES.get(word)
        if title is not None and tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "PROPN":
            name = doc[tok.i + 1]
            while name.i + 1 < len(doc) and doc[name.i + 1].pos_ == "PROPN" and doc[name.i + 1].dep_ != "appos":
                name = doc[name.i + 1]
            seen.setdefault(surname_key(name.text), set()).add(title)
            continue
        gender = pronoun_gender(tok.text)
        if gender is None or tok.dep_ != "nsubj" or tok.head.lemma_ not in verbs:
            continue
        sent = tok.sent
        window = doc[sent.start - 1].sent.start_char if sent.start > 0 else sent.start_char
        named = {surname(a) for a in people_before(tok.idx) if a.start >= window}
        if len(named) == 1:
            seen.setdefault(named.pop(), set()).add(gender)
    return {name: genders.pop() for name, genders in seen.items() if len(genders) == 1}
