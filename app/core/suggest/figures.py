"""FIGURE rules: a number grows to the hedge before it and the unit or counted noun after it.

"almost 60,000" + "troops" -> "almost 60,000 troops"; "some 12,000" + "North Korean troops"; "around 40,000"
+ "killed and wounded". A number keeps its range, scale words and currency ("between 10 and 15 percent",
"more than 3 thousand 700", "approximately UAH 4 million"); a hedged "half" is a figure. Dates, times, durations,
ordinals, years, calibres and "one" meaning "a single" are never figures.
"""

from __future__ import annotations

import re
from typing import Any

from app.core.suggest.base import CURRENCY_MARKS, CURRENCY_SIGNS, MONTHS, Suggestion, in_ranges
from app.core.suggest.config import SuggestConfig
from app.core.suggest.counted_nouns import (
    BIG_WORDS,
    RANGE_TOKEN,
    SCALES,
    UNIT_ABBREVIATIONS,
    glued_million,
    is_num,
    right_end,
)
from app.core.suggest.missed_names import is_age
from app.core.suggest.not_figures import bare_age, clock_time, is_name_or_marker, not_a_count, restated_counts

NOT_FIGURE_ENTS = frozenset({"DATE", "TIME", "ORDINAL", "EVENT", "LAW", "WORK_OF_ART"})
UNIT_LABELS = frozenset({"MONEY", "PERCENT", "QUANTITY"})
_ORDERS = frozenset({"low", "mid", "high", "upper", "lower"})  # "the low thousands": where in the order of magnitude
_SMALL_WORDS = frozenset({
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "a", "an",
})
_RANGE_JOINS = frozenset({"to", "-", "\u2013", "or"})
_DASHES = frozenset({"-", "\u2013"})
_AREAS = frozenset({
    "regions", "areas", "towns", "cities", "villages", "districts", "countries", "oblasts", "provinces", "sectors",
    "fronts", "directions", "axes", "settlements",
})
_PHRASAL_OVER = frozenset({"hand", "take", "turn", "give", "pass", "win", "fight", "argue", "watch"})
_MOVES = frozenset({"fall", "drop", "rise", "climb", "sink", "dip", "slip", "go"})  # "falling below 15 percent"
_MOVED_PAST = frozenset({"below", "above", "under"})
_GROUPED = re.compile(r"^\d{1,3}(?:,\d{3})+$")  # "133,000": never a date
_FRACTIONS = frozenset({"third", "thirds", "quarter", "quarters", "fifth", "fifths", "tenth", "tenths"})
_MULTIPLES = frozenset({"double", "triple"})
_ALTERNATIVES = frozenset({"maybe", "perhaps", "possibly", "sometimes", "or"})  # "two, maybe three thousand"
_AFTER_HEDGES = ("give or take", "or so", "or more", "or less", "or fewer", "or higher", "or lower", "at most",
                 "at least", "or thereabouts", "more or less")
# parties a story has named: "the two sides", "the two countries", "the three ministers" refer, they do not count
_REFERENCE_NOUNS = frozenset({
    "sides", "countries", "leaders", "men", "women", "nations", "ministers", "presidents", "governments", "armies",
    "parties", "allies", "capitals", "states", "delegations",
})
_PARTITIVE_DETERMINERS = frozenset({
    "the", "them", "his", "her", "our", "their", "its", "those", "these", "my", "your", "us", "which", "whom",
})
_MINIMISERS = frozenset({"only", "just", "merely"})  # no hedge: the number stays as exact as it was
_YEAR = re.compile(r"^(1[89]|20)\d\d$")
_DIGIT = re.compile(r"\d")
# punctuation that ends a figure the recogniser ran on: "40 million rubles”—around $450,000" is two figures
_FIGURE_BREAKS = frozenset({"\u2014", "\u201d", "\u201c", '"', ";", "(", ")"})


def _partitive(doc: Any, end: int) -> bool:
    """The number at `end` - 1 counts a part of things named after it: "two of her neighbours", "Eleven of
    them"."""
    return end + 1 < len(doc) and doc[end].lower_ == "of" and doc[end + 1].lower_ in _PARTITIVE_DETERMINERS


def _elliptical_casualty(doc: Any, hedged: int, cfg: SuggestConfig) -> bool:
    """"two people were killed and six injured", "one person killed, three injured": the casualty word is the
    verb of a clause cut short, and the figure is the number alone (but "at least 43 killed and more than 180
    injured" lists two casualty figures)."""
    p = hedged - 1
    if p < 2 or doc[p].lower_ not in ("and", ","):
        return False
    verb, before = doc[p - 1], doc[p - 2]
    return (verb.lower_ in cfg.casualty_words or verb.lower_ in ("died", "hurt")) and (
        before.pos_ in ("AUX", "NOUN", "PROPN") and not before.like_num)


def _moved_past(doc: Any, i: int) -> bool:
    """doc[i] tells where a number moves, not how exact it is: "falling below 15 percent"."""
    return i > 0 and doc[i].lower_ in _MOVED_PAST and doc[i - 1].lemma_ in _MOVES


def _hedge_start(doc: Any, start: int, cfg: SuggestConfig) -> int:
    """The token index where the span starts once a hedge just before `start` is included. A preposition that
    belongs to a noun ("control over hundreds of square kilometers") is no hedge."""
    for n in (5, 4, 3, 2, 1):  # "something on the order of"
        if start - n < 0:
            continue
        words = " ".join(t.lower_ for t in doc[start - n : start])
        if words in cfg.hedges:
            if n == 1 and ((doc[start - 1].dep_ == "prt" and doc[start - 1].lower_ != "over") or (
                    start >= 2 and doc[start - 2].lemma_ in _PHRASAL_OVER)):
                return start  # "handed over 175 prisoners": a particle of the verb, no hedge (but "hold over")
            if n == 1 and _moved_past(doc, start - 1):
                return start  # "falling below 15 percent": where the number moves, not how exact it is
            if n == 1 and doc[start - 1].tag_ in ("VBD", "VBZ", "VBP"):
                return start  # "the agency estimated about 300": a finite verb (but "an estimated 300")
            prep = doc[start - 1]
            if n == 1 and prep.dep_ == "prep" and any(c.dep_ == "pobj" and c.i > start and c.lower_ in _AREAS
                                                      for c in prep.children):
                return start  # "drones over nine regions": "over" governs a place, it hedges nothing
            if n == 1 and prep.dep_ == "prep" and prep.lower_ != "around" and (
                    prep.head.pos_ in ("NOUN", "PROPN") or doc[start].lower_ in BIG_WORDS):
                return start  # "control over 600 ...", "over hundreds of ...": a preposition, not a hedge
            return start - n
    return start


def _named_before(doc: Any, start: int, noun: Any) -> bool:
    """The counted noun already occurs earlier ("the Chernihiv and Sumy regions ... the two regions")."""
    return any(t.lower_ == noun.lower_ for t in doc[max(0, start - 400) : start])


def _past_scales(doc: Any, end: int) -> int:
    """`end` moved past scale words: "60" + "thousand"."""
    while end < len(doc) and doc[end].lower_ in SCALES:
        end += 1
    return end


def _widen(doc: Any, start: int, end: int) -> tuple[int, int]:
    """The number's own extent: a range ("50 to 60", "11-12"), a scale word ("60 thousand", "3 thousand 700"),
    digits grouped by spaces ("1 250") and a currency code in front ("UAH 4 million")."""
    n = len(doc)
    while end - start > 1 and (doc[end - 1].text in CURRENCY_SIGNS or doc[end - 1].text in _DASHES):
        end -= 1  # "$12-$" + "15": the recogniser stopped at the second sign
    if end + 2 < n and doc[end].text in _DASHES and doc[end + 1].text in CURRENCY_SIGNS and is_num(
            doc[end + 2]) and doc[end - 1].like_num:
        end = _past_scales(doc, end + 3)  # "$12-$15", "€5-€8", "$5bn-$6bn": a range with a sign at both ends
    if doc[end - 1].lower_ in SCALES and end < n and doc[end].text.isdigit():
        end += 1  # "3 thousand" + "700"
    while end < n and (doc[end].lower_ in SCALES or glued_million(doc, end)):
        end += 1
        if end < n and doc[end].like_num and doc[end].text[:1].isdigit():
            end += 1  # "3 thousand 700"
    while start >= 2 and is_num(doc[start]) and doc[start - 1].lower_ in _RANGE_JOINS and is_num(doc[start - 2]) and (
            doc[start - 2].ent_type_ not in NOT_FIGURE_ENTS) and not (
            doc[start - 1].lower_ == "to" and _changed_from(doc, start - 2)):
        start -= 2  # "50 to 60 thousand", "one to three"
    if start >= 3 and doc[start - 1].lower_ == "and" and is_num(doc[start - 2]) and doc[start - 3].lower_ == "between":
        start -= 3  # "between 10 and 15 percent"
    while end + 1 < n and doc[end].lower_ in _RANGE_JOINS and is_num(doc[end + 1]) and (
            doc[end + 1].ent_type_ not in NOT_FIGURE_ENTS or _misread_alternative(doc, end)) and doc[
                end - 1].like_num and not (doc[end].lower_ == "to" and _changed_from(doc, start)):
        end = _past_scales(doc, end + 2)
    if start > 0 and doc[start - 1].lower_ == "between":
        if end + 1 < n and doc[end].lower_ == "and" and is_num(doc[end + 1]):
            start, end = start - 1, _past_scales(doc, end + 2)  # "between 10 and 15 percent"
        elif any(t.lower_ == "and" for t in doc[start:end]):
            start -= 1  # "between" + "60 and 80" (the recogniser left it out)
    if start > 0 and doc[start].lower_ == "between" and doc[start - 1].lower_ == "somewhere":
        start -= 1  # "somewhere between 350 and 450": a hedged range
    while end + 2 < n and doc[end].text == "," and (is_num(doc[end + 1]) or (
            doc[end + 1].lower_ in _ALTERNATIVES and is_num(doc[end + 2]) and doc[end + 2].text[:1].isdigit() ==
            doc[end - 1].text[:1].isdigit())) and doc[end - 1].like_num:  # not "$8,000, perhaps one in five"
        end = _past_scales(doc, end + (2 if is_num(doc[end + 1]) else 3))  # "eleven, twelve thousand"
    if end + 1 < n and doc[end].lower_ == "in" and is_num(doc[end + 1]) and doc[end - 1].like_num and not (
            doc[end - 1].lower_ in SCALES or any(t.is_currency or t.text in CURRENCY_MARKS for t in doc[start:end])):
        end += 2  # "one in four"; but "$12 million in three companies" is a sum put into something
    elif end + 2 < n and doc[end].lower_ == "out" and doc[end + 1].lower_ == "of" and is_num(doc[end + 2]) and (
            doc[end - 1].like_num):
        end += 3  # "seven out of 10"
    elif start >= 2 and doc[start - 1].lower_ == "in" and doc[start - 2].lower_ in _SMALL_WORDS - {"a", "an"}:
        start -= 2  # "one" + "in five"
    if start > 0 and doc[start].lower_ in ("dozen", "hundred", "thousand") and doc[start - 1].lower_ in ("a", "an"):
        start -= 1  # "a dozen" (summit communiqués)
    if end + 1 < n and doc[end - 1].lower_ == "half" and doc[end].lower_ in ("a", "an") and doc[end + 1].lower_ in (
            SCALES):
        end += 2  # "half" + "a million"
    first = doc[start]
    if start > 0 and first.text.isdigit() and len(first.text) == 3 and doc[start - 1].text.isdigit() \
            and len(doc[start - 1].text) <= 3 and doc[start - 1].whitespace_ == " ":
        start -= 1  # "1 250 sq. km": a space groups the thousands
    if end < n and doc[end].text == "+" and not doc[end - 1].whitespace_:
        end += 1  # "133,000+"
    if start > 0 and doc[start - 1].text in CURRENCY_MARKS:
        start -= 1  # "UAH 4 million", and "$" when the recogniser left it out ("perhaps $50,000")
    return start, end


def _misread_alternative(doc: Any, i: int) -> bool:
    """"maybe 25 or 30, mostly elderly": the second count of an "or" the recogniser read as a date."""
    after = doc[i + 2].lower_ if i + 2 < len(doc) else ""
    return doc[i].lower_ == "or" and doc[i + 1].text.isdigit() and len(doc[i + 1].text) <= 3 and after not in MONTHS


def _changed_from(doc: Any, start: int) -> bool:
    """The number at `start` is where a change began: "raised the rent from 18,000 to 25,000 rubles" is two
    figures, not a range (but "estimates range from 10,000 to 15,000" is one)."""
    return start > 0 and doc[start - 1].lower_ == "from" and not (start > 1 and doc[start - 2].lemma_ == "range")


def _outer_hedge(doc: Any, start: int, first_num: int, cfg: SuggestConfig) -> int:
    """Where a hedge begins that starts before the span and ends inside it: "somewhat" + "less than half"."""
    for n in (1, 2):
        for m in range(1, first_num - start + 1):
            if start - n >= 0 and " ".join(t.lower_ for t in doc[start - n : start + m]) in cfg.hedges:
                return start - n
    return start


def _pieces(doc: Any, start: int, end: int, cfg: SuggestConfig) -> list[tuple[int, int]]:
    """An entity the recogniser ran over two figures, cut at a dash or quote ("40 million rubles”—around
    $450,000"), at "to" before a hedged number ("about $96,000 to more than $210,000") and at the "to" of a
    change ("from 20% to 22%")."""
    pieces, first = [], start
    for i in range(start, end):
        tok = doc[i]
        if tok.text in _FIGURE_BREAKS or (tok.lower_ == "to" and i > first and (_changed_from(doc, first) or any(
                i + 1 + n < end and " ".join(t.lower_ for t in doc[i + 1 : i + 1 + n]) in cfg.hedges
                for n in (1, 2, 3)))):
            if i > first:
                pieces.append((first, i))
            first = i + 1
    if first < end:
        pieces.append((first, end))
    return pieces


def _trailing_hedge(doc: Any, end: int) -> int:
    """The end of a hedge after a figure ("at most", "or so", ", give or take"), or `end` when there is none."""
    j = end + 1 if end < len(doc) and doc[end].text == "," else end
    for hedge in _AFTER_HEDGES:
        words = hedge.split()
        k = j + len(words)
        if [t.lower_ for t in doc[j:k]] == words and not (k < len(doc) and is_num(doc[k])):
            return k  # but ", at least 40 more" hedges the next number
    return end


def _figure(doc: Any, start: int, end: int, model_label: str, cfg: SuggestConfig, misdated: bool = False
            ) -> Suggestion | None:
    """The FIGURE for the number doc[start:end] (an entity of `model_label`, or a number the recogniser missed);
    `misdated`: a number the recogniser took for a date ("133,000+", "c. 70" in a table)."""
    space = next((t.i for t in doc[start:end] if t.is_space), None)
    if space is not None:
        end = space  # table cells: "450–500         c. 40" is two figures
    per = next((t.i for t in doc[start + 1 : end] if t.lower_ == "per" and (
        t.i + 1 >= len(doc) or doc[t.i + 1].lower_ != "cent")), None)
    if per is not None:
        end = per  # "90.34 per dollar", "200-300 meters per day": a rate's "per ..." is no unit (but "per cent")
    while start < end and not doc[start].like_num and (doc[start].lower_ in ("the", "of", "record") or (
            doc[start].pos_ == "ADP" and doc[start].lower_ not in cfg.hedges and not (
                doc[start].lower_ == "between" and "and" in (t.lower_ for t in doc[start:end]))) or (
            doc[start].lower_ in ("a", "an") and doc[start + 1].lower_ not in ("few", "dozen", "hundred", "thousand",
                                                                              "million", "billion")) or (
            doc[start].dep_ == "prep" and doc[start].head.pos_ in ("NOUN", "PROPN")) or (
            doc[start].pos_ in ("VERB", "AUX") and doc[start].lower_ not in cfg.hedges) or (
            doc[start].lower_ in _MINIMISERS and doc[start : start + 2].text.lower() not in cfg.hedges) or (
            _moved_past(doc, start)) or (
            doc[start].lower_ == "over" and start > 0 and doc[start - 1].lemma_ in _PHRASAL_OVER)):
        # "the", "a record", a preposition of a noun ("control over hundreds of ...") a verb ("committed £3 bn"), a
        # word that only belittles the number ("only around 150"; but "just over") and where a number moves
        # ("falling below 15 percent") and the particle of "hand over" the model took in
        start += 1
    if start >= end:
        return None
    start, end = _widen(doc, start, end)
    span_toks = doc[start:end]
    if not misdated and any(t.ent_type_ in NOT_FIGURE_ENTS and not (
            t.i > 0 and _misread_alternative(doc, t.i - 1)) for t in span_toks):
        return None
    nums = [t for t in span_toks if is_num(t)]
    if not nums:
        return None
    joined = any(t.lower_ in ("and", "or") for t in doc[start : nums[0].i])
    if joined and _hedge_start(doc, nums[0].i, cfg) == nums[0].i:
        start = nums[0].i  # "for a couple and 18 per person": what comes before the "and" counts nothing
        span_toks = doc[start:end]
    if len(span_toks) == 1 and _YEAR.match(span_toks[0].text):
        return None
    if len(nums) == 1 and clock_time(doc, nums[0]):
        return None
    before = [t.lower_ for t in doc[max(0, start - 2) : start]]
    if before[-1:] in (["aged"], ["age"], ["ages"], ["youngest"], ["oldest"]) or before in (
            ["youngest", "was"], ["oldest", "was"], ["youngest", "is"], ["oldest", "is"]):
        return None  # an age: "aged 19 or 20", "the oldest 61", "the youngest was 19"
    if len(span_toks) == 1 and before[-1:] in (["turned"], ["turns"]) and span_toks[0].text.isdigit():
        return None  # "Her son turned 20 in captivity"
    if len(span_toks) == 1 and is_age(span_toks[0]) and start >= 2 and doc[start - 2].pos_ == "PROPN" and (
            end < len(doc) and doc[end].text == ","):
        return None  # "Valentina, 67, keeps ...": an age set off after a name
    # a QUANTITY or MONEY without a unit ("more than 1.5 million" drones, "roughly 11 trillion" roubles) still
    # needs its counted noun
    unit_label = model_label in UNIT_LABELS and (model_label == "PERCENT" or any(
        t.is_currency for t in span_toks) or any(
        not is_num(t) and not t.is_punct and t.lower_ not in SCALES and t.lower_ not in cfg.hedges
        and t.lower_ not in ("odd", "and", "to", "or") and t.i >= nums[0].i for t in span_toks
    ))  # "forty-odd" and "between 15,000 and 25,000" are still bare numbers
    hedged = min(_hedge_start(doc, start, cfg), _hedge_start(doc, nums[0].i, cfg),  # "not" + "less than 200"
                 _outer_hedge(doc, start, nums[0].i, cfg))
    if hedged == start and start > 0 and doc[start - 1].lower_ in _ORDERS and span_toks[0].lower_ in BIG_WORDS:
        hedged = start - 1  # "the low tens of thousands", "the high hundreds"
    has_hedge = hedged < start or span_toks[0].lower_ in cfg.hedges
    new_end, rule = right_end(doc, start, end, unit_label, cfg)
    last = doc[new_end - 1]
    if last.lower_ in cfg.time_units or (new_end < len(doc) and doc[new_end].lower_ in cfg.time_units):
        return None  # a duration: "five months", "12 to 18 months"
    if new_end < len(doc) and doc[new_end].ent_type_ in ("DATE", "TIME") and not rule and doc[new_end].lower_ not in (
            "a", "an", "the", "this", "that", "last", "next", "each", "per", "every"):
        return None  # "24 February"; but "fewer than 40 a year earlier" is a count
    if rule == "casualties" and _elliptical_casualty(doc, hedged, cfg):
        new_end = next((t.i for t in doc[end - 1 : new_end] if t.lower_ in cfg.casualty_words), new_end)
        last, rule = doc[new_end - 1], "casualty-count"
    trailing = _trailing_hedge(doc, new_end)
    has_hedge = has_hedge or trailing > new_end
    noun = nums[-1].head
    if trailing > new_end and not rule and trailing <= noun.i <= trailing + 3 and noun.tag_ in ("NNS", "NNPS") and all(
            t.pos_ in ("ADJ", "NOUN", "PROPN") for t in doc[trailing : noun.i]):
        new_end, trailing, rule, last = noun.i + 1, noun.i + 1, "counted-noun", noun  # "50,000 or more troops"
    ranged = len(nums) >= 2 and any(t.lower_ in _RANGE_JOINS or t.text == "," for t in span_toks)
    dozen = span_toks.text.lower().startswith("a dozen")
    if not rule and _partitive(doc, new_end) and nums[-1].lower_ not in _FRACTIONS:  # "a third of" is the fraction's
        rule = "partitive"
    magnitude = sum(t.lower_ in BIG_WORDS for t in span_toks) >= 2  # "Tens of thousands still cannot return"
    if not rule and not _DIGIT.search(span_toks.text) and not (has_hedge or ranged or dozen or magnitude):
        return None  # a bare number word ("one of our biggest wins"); "one to three" is a ratio
    if not rule and len(nums) == 1 and nums[0].lower_ in ("a", "an"):
        return None
    if not_a_count(doc, nums, end, doc[hedged : nums[0].i].text.lower()) or is_name_or_marker(doc, start, end):
        return None
    if not rule and bare_age(doc, hedged, nums):
        return None  # "a woman of 80", "whose son is 19", "most of them over 60"
    if (not has_hedge and start > 0 and doc[start - 1].lower_ in ("the", "these", "those")
            and nums[0].lower_ in _SMALL_WORDS and (not rule or _named_before(doc, start, last)
                                                     or last.lower_ in _REFERENCE_NOUNS)):
        return None  # "the two regions", "the two sides": a reference to things already named, not a quantity
    if (not has_hedge and rule and nums[0].lower_ in _SMALL_WORDS and last.dep_ == "appos"
            and last.head.pos_ == "PROPN" and any(c.dep_ == "conj" for c in last.head.children)):
        return None  # "Olgovka and Lyubimovka, two settlements about 10 km ...": the places just named, counted again
    score = 0.55 + (0.25 if rule else 0.0) + (0.1 if has_hedge else 0.0) + (0.05 if unit_label else 0.0)
    attrs = {"model_label": model_label, "rule": rule or "number", "hedge": has_hedge}
    if trailing > new_end:
        last = doc[trailing - 1]  # "a few hundred thousand dollars at most", "a hundred and fifty, give or take"
    return Suggestion(doc[hedged].idx, last.idx + len(last.text), cfg.figure_label, min(score, 0.95),
                      attributes=attrs)


def _number_words(doc: Any) -> list[Any]:
    """The tokens that look like numbers (or "half"), found from the token arrays: a Token object for every
    word of the document would cost more than the figure rules."""
    from spacy.attrs import LIKE_NUM, LOWER

    if not len(doc):
        return []
    strings = doc.vocab.strings
    words = BIG_WORDS | _FRACTIONS | {"dozen", "half", "twice"} | _MULTIPLES
    return [doc[i] for i, (num, low) in enumerate(doc.to_array([LIKE_NUM, LOWER]).tolist())
            if num or strings[low] in words or (strings[low][:1].isdigit() and RANGE_TOKEN.match(strings[low]))]


def _fraction(doc: Any, tok: Any, cfg: SuggestConfig) -> Suggestion | None:
    """"a third", "maybe a third", "two thirds", "two-thirds", "a quarter to a third" (not "a third round",
    "the third")."""
    count = tok.i - 2 if tok.i >= 2 and doc[tok.i - 1].text == "-" else tok.i - 1  # "two-thirds"
    if count < 0 or doc[count].lower_ not in ("a", "one", "two", "three") or (
            tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ in ("NOUN", "PROPN")):
        return None
    between = count > 0 and doc[count - 1].lower_ == "between"  # "somewhere between a third and half"
    start, end = _hedge_start(doc, count - 1 if between else count, cfg), tok.i + 1
    if between and start == count - 1 and start > 0 and doc[start - 1].lower_ == "somewhere":
        start -= 1
    if end + 2 < len(doc) and doc[end].lower_ in ("to", "and") and doc[end + 2].lower_ in _FRACTIONS:
        end += 3  # "a quarter to a third", "between a quarter and a third"
    elif between and end + 1 < len(doc) and doc[end].lower_ == "and" and doc[end + 1].lower_ == "half":
        end += 2
    elif end + 2 < len(doc) and doc[end].lower_ == "of" and doc[end + 2].lower_ in ("percent", "%"):
        end += 3  # "a quarter of a percent", "a third of 1%"
    end = _trailing_hedge(doc, end)  # "a quarter or more"
    return Suggestion(doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text), cfg.figure_label, 0.6,
                      attributes={"model_label": "", "rule": "fraction", "hedge": start < count})


def _half_or_twice(doc: Any, tok: Any, cfg: SuggestConfig) -> Suggestion | None:
    """"twice" (a count of times, "about twice the rate"), a hedged "double"; "half" when hedged ("roughly
    half") or when it is the part of a whole ("half of them need repairs"; not "the next half of year", "half a
    mile")."""
    start = _hedge_start(doc, tok.i, cfg)
    if tok.lower_ in _MULTIPLES and (start == tok.i or tok.pos_ == "VERB"):
        return None  # "double" counts only when hedged: "more than double the target", "nearly double"
    if tok.lower_ == "half" and start == tok.i:
        before = doc[tok.i - 1] if tok.i else None
        if tok.i + 1 >= len(doc) or doc[tok.i + 1].lower_ != "of" or (
                before is not None and (before.pos_ in ("DET", "ADJ", "NUM") or before.lower_ in ("a", "an"))):
            return None
    end = tok
    if tok.lower_ == "twice" and tok.i + 2 < len(doc) and doc[tok.i + 1].lower_ == "as" and doc[tok.i + 2].lower_ in (
            "many", "much"):
        end = doc[tok.i + 2]  # "twice as many"
    return Suggestion(doc[start].idx, end.idx + len(end.text), cfg.figure_label, 0.6,
                      attributes={"model_label": "", "rule": "fraction", "hedge": start < tok.i})


def _across_cells(doc: Any, tok: Any) -> bool:
    """`tok` belongs to an entity that runs across a gap of spaces: table cells ("Early Jan      450–500")."""
    i, j = tok.i, tok.i
    while i > 0 and doc[i - 1].ent_type_ == tok.ent_type_ and doc[i - 1].ent_iob_ != "O" and doc[i].ent_iob_ != "B":
        i -= 1
    while j + 1 < len(doc) and doc[j + 1].ent_iob_ == "I":
        j += 1
    return any(t.is_space for t in doc[i : j + 1])


def _joined_sums(doc: Any, text: str, figures: list[Suggestion], cfg: SuggestConfig) -> list[Suggestion]:
    """Two sums the recogniser read apart joined into the range they make: "$35,000 to $50,000", "€20bn to
    €25bn" (but "from $20 to $25" stays a change, two figures)."""
    if len(figures) < 2:
        return figures
    figures = sorted(figures, key=lambda f: f.start)
    out = [figures[0]]
    for fig in figures[1:]:
        last = out[-1]
        span = None
        if (text[last.end : fig.start] in (" to ", "\u2013", "-") and text[fig.start : fig.start + 1] in CURRENCY_SIGNS
                and any(c in CURRENCY_SIGNS for c in text[last.start : last.end])):
            span = doc.char_span(last.start, fig.end, alignment_mode="expand")
        if span is not None and not _changed_from(doc, span.start):
            joined = _figure(doc, span.start, span.end, "MONEY", cfg)
            if joined is not None and (joined.start, joined.end) == (last.start, fig.end):
                out[-1] = joined
                continue
        out.append(fig)
    return out


def figure_suggestions(doc: Any, cfg: SuggestConfig, junk: list[tuple[int, int]], text: str | None = None
                       ) -> list[Suggestion]:
    """FIGURE suggestions for `doc`; `text` is `doc.text` when the caller has it (spaCy builds it anew from a
    Token object per word on every access)."""
    out: list[Suggestion] = []
    covered: set[int] = set()
    for ent in doc.ents:
        if cfg.scheme_label(ent.label_) != cfg.figure_label and ent.label_ != cfg.figure_label:
            continue
        covered.update(range(ent.start, ent.end))
        if ent.label_ == cfg.figure_label:  # a pipeline trained on the scheme: take it as it is
            out.append(Suggestion(ent.start_char, ent.end_char, cfg.figure_label, 0.8, attributes={"rule": "model"}))
            continue
        for start, end in _pieces(doc, ent.start, ent.end, cfg):
            fig = _figure(doc, start, end, ent.label_, cfg)
            if fig is not None:
                out.append(fig)
    # numbers the recogniser missed: "2,000 soldiers" with no entity, or "thousands of troops"
    for tok in _number_words(doc):
        if tok.lower_ in ("half", "twice") or tok.lower_ in _MULTIPLES:
            fig = _half_or_twice(doc, tok, cfg)
            if fig is not None and not any(f.start <= tok.idx < f.end for f in out):
                out.append(fig)
            continue
        if tok.lower_ in _FRACTIONS:
            fraction = _fraction(doc, tok, cfg)
            if fraction is not None and not any(f.start < fraction.end and fraction.start < f.end and not (
                    fraction.start <= f.start and f.end <= fraction.end) for f in out):
                out = [f for f in out if not (fraction.start <= f.start and f.end <= fraction.end)]
                out.append(fraction)  # "a third of 1%" takes in the "1%"
            continue
        # "RUB 4.5 bn", "between Rbs3tn" read as a name or a product
        after_code = tok.i > 0 and doc[tok.i - 1].text in CURRENCY_MARKS
        misdated = tok.ent_type_ == "DATE" and bool(_GROUPED.match(tok.text) or (
            tok.i > 0 and doc[tok.i - 1].lower_ in ("c.", "ca.", "circa", "~", "<", ">")) or _across_cells(doc, tok)
            or (tok.i + 1 < len(doc) and doc[tok.i + 1].text == "+" and not tok.whitespace_))  # "110+ strikes"
        if tok.i in covered or (tok.ent_type_ and not (after_code or misdated)) or not is_num(tok):
            continue
        scaled = (tok.i + 1 < len(doc) and (doc[tok.i + 1].lower_ in SCALES or doc[tok.i + 1].lower_ in
                                            UNIT_ABBREVIATIONS)) or after_code
        # "UAH 4 million", "hold over 1,200 sq km" (the parser took the number for the object)
        hedged_word = tok.lower_ in ("hundred", "thousand", "million", "billion") and (
            _hedge_start(doc, tok.i, cfg) < tok.i)  # "a few hundred thousand dollars"
        spelled = (tok.dep_ == "nummod" or (tok.dep_ == "compound" and tok.is_title)) and tok.is_alpha and (
            tok.lower_ in _SMALL_WORDS - {"one", "a", "an"} and tok.head.tag_ == "NNS" and tok.head.i > tok.i
        )  # "Eleven people" at the start of a sentence, which the recogniser left out
        if tok.lower_ in BIG_WORDS or hedged_word or misdated or spelled or (
                tok.lower_ in _SMALL_WORDS - {"a", "an"} and _partitive(doc, tok.i + 1)) or (
                (tok.dep_ == "nummod" or scaled) and _DIGIT.search(tok.text)):
            fig = _figure(doc, tok.i, tok.i + 1, "CARDINAL", cfg, misdated)
            if fig is not None:
                fig.score = min(fig.score, 0.6)
                out.append(fig)
    out = [f for f in out if not in_ranges(f.start, f.end, junk)]
    text = doc.text if text is None else text
    out = restated_counts(text, _joined_sums(doc, text, out, cfg))
    # a number widened over its neighbour ("about 11-12" + "thousands soldiers") leaves the neighbour inside it
    return [f for f in out if not any(o is not f and o.start <= f.start and f.end <= o.end and
                                      (o.start, o.end) != (f.start, f.end) for o in out)]
