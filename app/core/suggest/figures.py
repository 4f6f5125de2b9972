"""FIGURE rules: a number grows to the hedge before it and the unit or counted noun after it.

"almost 60,000" + "troops" -> "almost 60,000 troops"; "some 12,000" + "North Korean troops"; "around 40,000"
+ "killed and wounded". Dates, times, durations, ordinals and years are never figures.
"""

from __future__ import annotations

import re
from typing import Any

from app.core.suggest.base import Suggestion, in_ranges
from app.core.suggest.config import SuggestConfig

NOT_FIGURE_ENTS = frozenset({"DATE", "TIME", "ORDINAL", "EVENT", "LAW", "WORK_OF_ART"})
UNIT_LABELS = frozenset({"MONEY", "PERCENT", "QUANTITY"})
_BIG_WORDS = frozenset({"hundreds", "thousands", "millions", "billions", "dozens", "scores", "tens"})
_SMALL_WORDS = frozenset({
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "a", "an",
})
_YEAR = re.compile(r"^(1[89]|20)\d\d$")
_DIGIT = re.compile(r"\d")


def _is_num(tok: Any) -> bool:
    return bool(tok.like_num) or tok.lower_ in _BIG_WORDS


def _hedge_start(doc: Any, start: int, cfg: SuggestConfig) -> int:
    """The token index where the span starts once a hedge just before `start` is included. A preposition that
    belongs to a noun ("control over hundreds of square kilometers") is no hedge."""
    for n in (3, 2, 1):
        if start - n < 0:
            continue
        words = " ".join(t.lower_ for t in doc[start - n : start])
        if words in cfg.hedges:
            if n == 1 and doc[start - 1].dep_ == "prep" and (doc[start - 1].head.pos_ in ("NOUN", "PROPN") or
                                                             doc[start].lower_ in _BIG_WORDS):
                return start  # "control over 600 ...", "over hundreds of ...": a preposition, not a hedge
            return start - n
    return start


def _big_chain(doc: Any, j: int) -> int:
    """Past "more" and ", or even millions," after "hundreds of thousands": where the "of" may follow."""
    n = len(doc)
    if j < n and doc[j].lower_ in ("more", "fewer", "less"):
        j += 1
    k = j + 1 if j < n and doc[j].text == "," else j
    if k < n and doc[k].lower_ in ("or", "and"):
        k += 1
        while k < n and doc[k].lower_ in ("even", "perhaps", "possibly", "maybe", "more", "likely"):
            k += 1
        if k < n and doc[k].lower_ in _BIG_WORDS:
            k += 1
            j = k + 1 if k < n and doc[k].text == "," else k
    return j


def _right_end(doc: Any, start: int, end: int, unit_label: bool, cfg: SuggestConfig) -> tuple[int, str]:
    """The token end once the unit or counted noun is included, and which rule did it."""
    anchor = doc[end - 1]
    # "hundreds of square kilometers", "hundreds of thousands more, or even millions, of soldiers"
    if anchor.lower_ in _BIG_WORDS:
        j = _big_chain(doc, end)
        if j < len(doc) and doc[j].lower_ == "of":
            objs = [c for c in doc[j].children if c.dep_ == "pobj"]
            if objs and objs[0].i > j:
                return objs[0].i + 1, "of-noun"
    if not unit_label:
        num = next((t for t in reversed(doc[start:end]) if _is_num(t)), anchor)
        head = num.head
        between_ok = head.i - end <= 4 and all(
            t.pos_ in ("ADJ", "NOUN", "PROPN", "PUNCT") and t.text != "," for t in doc[end : head.i]
        )
        if num.dep_ in ("nummod", "quantmod", "compound") and head.i >= end and head.pos_ in ("NOUN", "PROPN") \
                and between_ok:
            return head.i + 1, "counted-noun"
        if head.i == end and head.pos_ == "NOUN" and num.dep_ != "pobj":
            return head.i + 1, "counted-noun"
    # "40,000 killed and wounded", "150,000 dead"
    j = end
    if j < len(doc) and doc[j].lower_ in cfg.casualty_words:
        j += 1
        if j + 1 < len(doc) and doc[j].lower_ in ("and", "or") and doc[j + 1].lower_ in cfg.casualty_words:
            j += 2
        return j, "casualties"
    return end, "unit" if unit_label else ""


def _named_before(doc: Any, start: int, noun: Any) -> bool:
    """The counted noun already occurs earlier ("the Chernihiv and Sumy regions ... the two regions")."""
    return any(t.lower_ == noun.lower_ for t in doc[max(0, start - 400) : start])


def _figure(doc: Any, start: int, end: int, model_label: str, cfg: SuggestConfig) -> Suggestion | None:
    while start < end and not doc[start].like_num and (doc[start].lower_ in ("the", "a", "an", "of") or (
            doc[start].dep_ == "prep" and doc[start].head.pos_ in ("NOUN", "PROPN"))):
        start += 1  # "the", and a preposition of a noun ("control over hundreds of ...") the model took in
    if start >= end:
        return None
    span_toks = doc[start:end]
    if any(t.ent_type_ in NOT_FIGURE_ENTS for t in span_toks):
        return None
    nums = [t for t in span_toks if _is_num(t)]
    if not nums:
        return None
    if len(span_toks) == 1 and _YEAR.match(span_toks[0].text):
        return None
    unit_label = model_label in UNIT_LABELS
    hedged = _hedge_start(doc, start, cfg)
    has_hedge = hedged < start or span_toks[0].lower_ in cfg.hedges
    new_end, rule = _right_end(doc, start, end, unit_label, cfg)
    last = doc[new_end - 1]
    if last.lower_ in cfg.time_units or (new_end < len(doc) and doc[new_end].lower_ in cfg.time_units):
        return None  # a duration: "five months", "12 to 18 months"
    if new_end < len(doc) and doc[new_end].ent_type_ in ("DATE", "TIME") and not rule:
        return None
    if not rule and not _DIGIT.search(span_toks.text) and not has_hedge:
        return None  # a bare number word ("one of our biggest wins")
    if not rule and len(nums) == 1 and nums[0].lower_ in ("one", "a", "an"):
        return None
    if (not has_hedge and start > 0 and doc[start - 1].lower_ in ("the", "these", "those")
            and nums[0].lower_ in _SMALL_WORDS and (not rule or _named_before(doc, start, last))):
        return None  # "the two regions": a reference to things already named, not a quantity
    score = 0.55 + (0.25 if rule else 0.0) + (0.1 if has_hedge else 0.0) + (0.05 if unit_label else 0.0)
    attrs = {"model_label": model_label, "rule": rule or "number", "hedge": has_hedge}
    return Suggestion(doc[hedged].idx, last.idx + len(last.text), cfg.figure_label, min(score, 0.95),
                      attributes=attrs)


def figure_suggestions(doc: Any, cfg: SuggestConfig, junk: list[tuple[int, int]]) -> list[Suggestion]:
    out: list[Suggestion] = []
    covered: set[int] = set()
    for ent in doc.ents:
        if cfg.scheme_label(ent.label_) != cfg.figure_label and ent.label_ != cfg.figure_label:
            continue
        covered.update(range(ent.start, ent.end))
        if ent.label_ == cfg.figure_label:  # a pipeline trained on the scheme: take it as it is
            out.append(Suggestion(ent.start_char, ent.end_char, cfg.figure_label, 0.8, attributes={"rule": "model"}))
            continue
        fig = _figure(doc, ent.start, ent.end, ent.label_, cfg)
        if fig is not None:
            out.append(fig)
    # numbers the recogniser missed: "2,000 soldiers" with no entity, or "thousands of troops"
    for tok in doc:
        if tok.i in covered or tok.ent_type_ or not _is_num(tok):
            continue
        if tok.lower_ in _BIG_WORDS or (tok.dep_ == "nummod" and _DIGIT.search(tok.text)):
            fig = _figure(doc, tok.i, tok.i + 1, "CARDINAL", cfg)
            if fig is not None:
                fig.score = min(fig.score, 0.6)
                out.append(fig)
    return [f for f in out if not in_ranges(f.start, f.end, junk)]
