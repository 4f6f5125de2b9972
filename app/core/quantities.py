"""Reading numbers and their units out of a figure's text: quantulum3 for anything it can read, and a fast path
for plain counts and numbers with one unambiguous unit ("12,000 North Korean soldiers", "697 square kilometres"),
which gives what quantulum3 gives without its cost of about 1 ms a figure (tests/test_figures_fast_path.py
checks both agree)."""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from functools import lru_cache
from typing import Any


@lru_cache(maxsize=1)
def quantulum_parser() -> Any:
    """quantulum3's parser, imported once; its warning about the optional classifier is silenced here only."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Classifier dependencies not installed", category=UserWarning)
        from quantulum3 import parser

    return parser


@dataclass(frozen=True, slots=True)
class _Entity:
    name: str = "dimensionless"


@dataclass(frozen=True, slots=True)
class _Unit:
    name: str = "dimensionless"
    entity: _Entity = _Entity()


@dataclass(frozen=True, slots=True)
class PlainQuantity:
    """What quantulum3 returns for a plain count or measure ("12,000 North Korean soldiers", "54 percent",
    "697 square kilometers"), made without it."""
    value: float
    span: tuple[int, int]
    unit: Any = _Unit()
    uncertainty: None = None


_SMALL_NUMBERS = {w: float(i) for i, w in enumerate(
    ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"])
    if i >= 2}


_PLAIN_NUMBER_RE = re.compile(r"(\d{1,3}(?:,\d{3})+|\d+)(?![\d.,]*\d)|(" + "|".join(_SMALL_NUMBERS) + r")\b",
                              re.IGNORECASE)


_NUMBER_WORDS = frozenset({
    *_SMALL_NUMBERS, "zero", "one", "dozen", "dozens", "hundred", "hundreds", "thousand", "thousands", "million",
    "millions", "billion", "billions", "trillion", "mln", "bn", "k", "m", "half", "halves", "quarter", "quarters",
    "third", "thirds", "fifth", "fifths", "tenth", "tenths", "score", "scores", "couple", "pair", "and",
})


_PREPOSITION_SYMBOLS = frozenset({"in"})  # a unit symbol that is also a word after a number ("25 in July")
_WORDS_RE = re.compile(r"%|[^\W\d_]+(?:[-'’][^\W\d_]+)*")


@lru_cache(maxsize=1)
def unit_table() -> dict[str, Any]:
    """quantulum3's unit names and symbols (lower-cased) -> their units ("square kilometres" -> one unit)."""
    from quantulum3 import load

    units = load.units("en_US")
    table: dict[str, set[Any]] = {}
    for surfaces in (units.surfaces_lower, units.symbols_lower):
        for surface, found in surfaces.items():
            table.setdefault(surface.lower(), set()).update(found)
    return table


def plain_quantity(text: str) -> PlainQuantity | None:
    """A number, alone or with an unambiguous unit right after it, followed only by words: what quantulum3
    reads it as, read without quantulum3 (tests/test_figures_fast_path.py checks that both agree). None for
    anything else: scale words, currency, ranges, fractions, a second quantity ("a day") after it."""
    m = _PLAIN_NUMBER_RE.match(text)
    if m is None or (m.end() < len(text) and not text[m.end()].isspace() and text[m.end()] != "%"):
        return None
    value = float(m.group(1).replace(",", "")) if m.group(1) else _SMALL_NUMBERS[m.group(2).lower()]
    rest = text[m.end() :]
    if any(ch.isdigit() or ch in "$€£¥₴₽/°" for ch in rest) or any(w.isupper() and len(w) > 1 for w in rest.split()):
        return None  # an abbreviation in capitals ("two KAB") may be a unit symbol to quantulum3
    found = list(_WORDS_RE.finditer(rest.lower()))
    words = [w.group(0) for w in found]
    parts = [p for w in words for p in re.split(r"[-'’]", w)]  # "5 billion-ruble": a scale inside a compound
    if any(w in _NUMBER_WORDS or w in ("a", "an", "per") for w in parts) or (words and words[0] in ("percent", "%")
                                                                              and not m.group(1)):
        return None
    if words and words[0] in _PREPOSITION_SYMBOLS:
        return None  # "25 in July": quantulum3 weighs "in" as a word there, not as inches
    table = unit_table()
    for k in (3, 2, 1):
        if len(words) < k:
            continue
        units = table.get(" ".join(words[:k])) or table.get("".join(words[:k]))
        if units is None:
            continue
        if len(units) != 1 or (k == 1 and len(words) > 1 and any(" ".join(words[:j]) in table for j in (2, 3))):
            return None
        unit = next(iter(units))
        if unit.entity.name not in ("dimensionless", "area", "length", "mass") or (
                unit.name != "percentage" and unit.entity.name == "dimensionless"):
            return None  # money, time and the rest: quantulum3 decides
        return PlainQuantity(value, (0, m.end() + found[k - 1].end()), unit)
    if any(w in table for w in words):
        return None  # a unit further on ("150 drones in Kursk" has "in"): quantulum3 decides
    return PlainQuantity(value, (0, m.end()))


# A dot between spaces separates items ("tel. 0921 · Page 1 of 1"); quantulum3 reads it as a multiplication
# sign, and which unit it then picks depends on the hash seed.
_SEPARATOR_DOT = re.compile(r"(?<=\s)[·•⋅](?=\s|$)")


def quantities(text: str) -> list[Any]:
    plain = plain_quantity(text)
    if plain is not None:
        return [plain]
    text = _SEPARATOR_DOT.sub(";", text)  # same length, so the spans still index `text`
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        found = quantulum_parser().parse(text)
    return sorted((_without_spelled_unit(q) for q in found), key=lambda q: q.span[0])


def _without_spelled_unit(q: Any) -> Any:
    """quantulum3 spells some words out of unit symbols ("300 bunk beds" -> bushel newton kelvin, "two KAB" ->
    unk byte): an unknown compound unit read from one word after the number is no unit, the word is counted."""
    number, _, word = q.surface.rpartition(" ")
    if q.unit.entity.name != "unknown" or len(q.unit.dimensions) < 2 or not number or not word.isalpha():
        return q
    return PlainQuantity(q.value, (q.span[0], q.span[0] + len(number)))
