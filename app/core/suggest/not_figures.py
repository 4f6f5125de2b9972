"""Numbers that are no figures: dates written with the day first or with dots, clock times, list numbers,
footnote markers, labels ("No. 2417", "room 214", "call 112"), IDs, phone numbers, calibres, and "one" meaning
"a single"."""

from __future__ import annotations

import re
from typing import Any

from app.core.suggest.base import MONTHS

_RESULTS = frozenset({"draw", "defeat", "win", "victory", "loss", "lead", "score", "scoreline"})
_CALIBRE_UNITS = frozenset({"mm", "-mm", "millimeter", "millimetre", "calibre", "caliber"})
_PHONE_RUN = re.compile(r"[+(]?\d[\d ()\-\u00a0]{5,}\d")
# words before a number that make it a name, not a quantity: "No. 2417", "Episode 87", "room 214", "bus 112"
_LABEL_WORDS = frozenset({
    "no", "no.", "nos.", "number", "episode", "ep.", "room", "page", "p.", "pp.", "ref", "ref.", "bus", "flight",
    "case", "exhibit", "article", "order", "#", "vol.", "item", "finding", "section", "chapter", "line", "platform",
    "gate", "seat", "route", "resolution", "paragraph", "annex", "appendix", "table", "figure", "fig.", "tel.",
    "call", "dial", "part", "clause",
})
_PLANT_UNITS = frozenset({"unit", "units", "reactor", "reactors"})  # "units 3 and 4" (not "the unit about $400")
_DOTTED_DATE = re.compile(r"^\d{1,2}\.\d{1,2}\.(?:\d{2}|\d{4})$")
_CLOCK = re.compile(r"^(?:[01]?\d|2[0-3])[.:][0-5]\d$")  # "14.51", "9:40"
_TIME_ZONES = frozenset({
    "gmt", "bst", "utc", "cet", "cest", "eet", "eest", "msk", "et", "est", "edt", "pt", "pst", "pdt", "local", "kyiv",
    "moscow", "am", "pm", "a.m.", "p.m.", "h", "hrs",
})
# hedges that make "one" a count ("at least one family member"), not "a single"
_COUNT_HEDGES = frozenset({
    "at least", "more than", "no more than", "up to", "fewer than", "less than", "at most", "not more than",
    "no fewer than", "over",
})


def is_name_or_marker(doc: Any, start: int, end: int) -> bool:
    """A footnote "[1]", a list number at the start of a line ("1." / "2)"), a label ("No. 2417", "Episode 87",
    "room 214"), an ID with a slash ("2025/07") or a phone number ("8-800-200-34-11", "020 7946 0183")."""
    before = doc[start - 1] if start > 0 else None
    after = doc[end] if end < len(doc) else None
    if before is not None and after is not None and before.text == "[" and after.text == "]":
        return True
    line_start = before is None or "\n" in before.text or (before.is_space and "\n" in before.text_with_ws)
    if line_start and ((after is not None and after.text in (".", ")")) or doc[start].text[-1:] in ".)"):
        return True
    if before is not None and doc[start].text.isdigit() and (before.lower_ in _PLANT_UNITS or (
            before.lower_ in ("and", "or") and start >= 3 and doc[start - 3].lower_ in _PLANT_UNITS)):
        return True  # "units 3 and 4"
    if before is not None and (before.lower_ in _LABEL_WORDS or (
            before.text == "." and start >= 2 and doc[start - 2].lower_ in ("no", "nos"))):
        return True  # ("Lyceum No. 2.", the full stop split from "No")
    text = doc[start:end].text
    if re.search(r"\d/\d", text):
        return True
    lo = doc[start].idx
    window = doc[max(0, start - 8) : end + 8]
    for m in _PHONE_RUN.finditer(window.text):
        run, groups = m.group(0), re.findall(r"\d+", m.group(0))
        phone = len(groups) >= 3 and (run[0] in "+(0" or "-" in run or any(len(g) != 3 for g in groups[1:]))
        if phone and window.start_char + m.start() <= lo < window.start_char + m.end():
            return True
    return False


def clock_time(doc: Any, tok: Any) -> bool:
    """"14.51 GMT", "at 9:40", or a time alone on its line (a live blog's entry stamps)."""
    if not _CLOCK.match(tok.text):
        return False
    before = doc[tok.i - 1] if tok.i else None
    after = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if after is not None and after.lower_ in _TIME_ZONES:
        return True
    if ":" in tok.text and before is not None and before.lower_ in ("at", "until", "by", "from", "before", "after"):
        return True
    opens = before is None or (before.is_space and "\n" in before.text) or "\n" in before.whitespace_
    closes = after is None or (after.is_space and "\n" in after.text) or "\n" in tok.whitespace_
    return opens and closes


def not_a_count(doc: Any, nums: list[Any], end: int, hedge: str = "") -> bool:
    """A date with the day first ("18 October", "6 of August"), "zero experience", "one successful attack" (one
    = a single), "one such card", a rank ("three-star general") or a calibre ("155 mm shells")."""
    after = doc[end].lower_ if end < len(doc) else ""
    if after == "of" and end + 1 < len(doc):
        after = doc[end + 1].lower_
    if after in MONTHS and nums[-1].text.isdigit() and len(nums[-1].text) <= 2:
        return True
    before = doc[nums[0].i - 1] if nums[0].i else None
    if before is not None and before.lower_ in MONTHS and before.text[:1].isupper() and nums[0].text.isdigit() \
            and len(nums[0].text) <= 2:
        return True  # "Nov 19, 2024"
    if _DOTTED_DATE.match(nums[0].text):
        return True  # "17.04.2025"
    if len(nums) == 1 and nums[0].lower_ in ("zero", "one") and hedge not in _COUNT_HEDGES:
        return True  # but "at least one family member" counts
    if end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].lower_ == "star":
        return True  # "a three-star general": a rank
    if end < len(doc) and doc[end].lower_ in _RESULTS and (len(nums) == 2 or "-" in nums[0].text) and all(
            t.text.isdigit() or t.text in ("-", "\u2013") for t in doc[nums[0].i : end]):
        return True  # "a 1-1 draw", "a 2-0 defeat": a score
    if end < len(doc) and doc[end].lower_ == "figure" and nums[0].i > 0 and doc[nums[0].i - 1].lower_ == "the":
        return True  # "has not cited the 12,000 figure": a number named before, spoken of
    # the unit ends the figure, or follows it when the recogniser stopped at the number ("155mm shells")
    unit = end - 1 if doc[end - 1].lower_ in _CALIBRE_UNITS else end
    return unit + 1 < len(doc) and doc[unit].lower_ in _CALIBRE_UNITS and doc[unit + 1].pos_ in (
        "NOUN", "ADJ", "CCONJ")  # "155mm shells", "122mm and 152mm artillery ammunition"


_PEOPLE_OF = frozenset({"woman", "man", "grandmother", "grandfather", "pensioner", "widow", "mother", "father", "boy",
                        "girl", "child", "son", "daughter", "husband", "wife", "veteran", "soldier", "conscript"})
_COPULAS = frozenset({"is", "was", "are", "were", "be", "been"})


def bare_age(doc: Any, start: int, nums: list[Any]) -> bool:
    """A number with no unit that is someone's age: "a woman of 80", "whose son is 19", "Kirill, then 19,", "most
    of them over 60", "the minimum age from 27 to 25", "aged 22 and 26". The gold never counts a bare number after
    "is"/"was", so any subject will do there."""
    first = nums[0]
    if not all(t.text.isdigit() and 0 < int(t.text) < 120 for t in nums):
        return False
    before = [t.lower_ for t in doc[max(0, start - 6) : start]]
    prev = before[-1] if before else ""
    if prev in _COPULAS or prev == "then" or before[-2:] == ["of", "them"]:
        return True
    if prev == "of" and len(before) >= 2 and before[-2] in _PEOPLE_OF:
        return True
    if prev in ("from", "to", "and", ",") and any(w in ("age", "ages", "aged") for w in before):
        return True  # "lowered the minimum age from 27 to 25", "aged 22 and 26"
    head = first.head
    return head.lower_ in _COPULAS and first.dep_ in ("attr", "acomp") and doc[start].lower_ in ("over", "under")


_DEFINITE_BEFORE = re.compile(r"(?<!\bof )\b(?:the|these|those|all)\s+$", re.IGNORECASE)


def restated_counts(text: str, figures: list[Any]) -> list[Any]:
    """`figures` without a count restated after "the", "those" or "all" that the story gave before ("four
    Kursk villages ... all four villages", "two border regions ... the two regions"); "38 of the 213 children"
    stays, the share is told against the whole."""
    seen: set[tuple[str, str]] = set()
    out = []
    for fig in sorted(figures, key=lambda f: f.start):
        words = text[fig.start : fig.end].lower().split()
        key = (words[0], words[-1]) if len(words) >= 2 else None
        if (key in seen and fig.attributes.get("rule") == "counted-noun"
                and _DEFINITE_BEFORE.search(text, max(0, fig.start - 12), fig.start)):
            continue
        if key is not None:
            seen.add(key)
        out.append(fig)
    return out
