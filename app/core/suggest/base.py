"""What the rules produce: suggestions with offsets into the stored text, and links between them."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from app.core.types import NewSpan, Origin, SpanState


@dataclass(slots=True, eq=False)
class Suggestion:
    """One suggested span. Identity matters (relations point at objects), so no value equality."""

    start: int
    end: int
    label: str
    score: float
    origin: Origin = Origin.MODEL
    attributes: dict[str, Any] = field(default_factory=dict)

    @property
    def key(self) -> tuple[int, int, str]:
        return (self.start, self.end, self.label)

    def to_new_span(self, model: str, model_version: str) -> NewSpan:
        return NewSpan(
            self.start, self.end, self.label, self.origin, SpanState.PENDING, model, model_version,
            round(min(1.0, max(0.0, self.score)), 3), None, dict(self.attributes),
        )


@dataclass(slots=True)
class DocSuggestions:
    """All suggestions for one text, sorted by offset; relations are (head index, child index, label). `error`
    says why the rules could not read the text (then there are no suggestions for it)."""

    spans: list[Suggestion]
    relations: list[tuple[int, int, str]]
    error: str = ""

    def by_label(self, label: str) -> list[Suggestion]:
        return [s for s in self.spans if s.label == label]

    def texts(self, text: str, label: str | None = None) -> list[str]:
        return [text[s.start : s.end] for s in self.spans if label is None or s.label == label]


CURRENCY_CODES = frozenset({
    "UAH", "USD", "EUR", "RUB", "GBP", "CHF", "CNY", "PLN", "CAD", "AUD", "JPY", "KRW", "SEK", "NOK", "DKK", "CZK",
    "HUF", "RON", "TRY", "INR", "KZT", "BYN", "NZD", "Hr", "hrn",
})  # "RUB 4.5 bn", and the hryvnia as Kyiv papers write it ("Hr 40 million")
CURRENCY_PREFIXES = ("US$", "HK$", "NZ$", "CA$", "AU$", "A$", "C$", "S$", "Rbs", "Rs")  # glued on: "Rbs13.2tn"
CURRENCY_SYMBOLS = frozenset({"$", "\u20ac", "\u00a3", "\u20b4", "\u20bd", "\u00a5", "\u20b9"})  # $ € £ ₴ ₽ ¥ ₹
CURRENCY_SIGNS = CURRENCY_SYMBOLS | frozenset(CURRENCY_PREFIXES)
CURRENCY_MARKS = CURRENCY_CODES | CURRENCY_SIGNS  # what may stand before an amount: "RUB", "€", "Rbs"
MONTHS = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
})


def in_ranges(start: int, end: int, ranges: list[tuple[int, int]]) -> bool:
    return any(a <= start and end <= b for a, b in ranges)


def word_forms(tok: Any) -> frozenset[str]:
    """The lemma and the plain forms a verb may have under its inflection: the lemmatiser sometimes errs
    ("hopes" -> "hop"), so "hopes" also gives "hope"."""
    return forms_of(tok.lower_, tok.lemma_.lower())


@lru_cache(maxsize=1 << 16)
def forms_of(low: str, lemma: str) -> frozenset[str]:
    """`word_forms` from the strings: the lower-cased word and its lemma (cached: the same words come back in
    every article)."""
    forms = {lemma, low}
    for suffix, repl in (("s", ""), ("es", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"), ("ies", "y"),
                         ("ied", "y")):
        if low.endswith(suffix) and len(low) > len(suffix) + 2:
            forms.add(low[: -len(suffix)] + repl)
    return frozenset(forms)


def object_of(prep: Any | None) -> Any | None:
    """The object of a preposition ("Kyiv" of "in Kyiv"), or None (also when there is no preposition)."""
    return next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None


def is_age_old(tok: Any) -> bool:
    """`tok` is the "old" of "68-year-old", which the tokenizer splits at the hyphens."""
    return tok.lower_ == "old" and tok.i >= 2 and tok.doc[tok.i - 2].lower_ == "year"


def strip_punct(toks: list[Any]) -> list[Any]:
    """`toks` without leading and trailing punctuation."""
    start, end = 0, len(toks)
    while start < end and toks[start].is_punct:
        start += 1
    while end > start and toks[end - 1].is_punct:
        end -= 1
    return toks[start:end]
