"""Text clean-up for the model only. Every replacement is one code point for one code point, so token
offsets in the normalised text are offsets into the stored text, unchanged."""

from __future__ import annotations

import re

_TABLE = str.maketrans({
    "\xa0": " ",  # no-break space: the model glues names across it ("X.\xa0\n\nUkraine")
    "\u2007": " ",
    "\u202f": " ",
    "\u2009": " ",
    "\u200a": " ",
    "\u3000": " ",
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u2032": "'",
    "\u2033": '"',
    "\u2212": "-",  # minus sign
    "\u2010": "-",
    "\u2011": "-",
    "\ufeff": " ",
    "\u200b": " ",
})

# Lines that are web furniture, not article text: nothing is suggested inside them.
_JUNK_LINE = re.compile(
    r"^[ \t\-\u2013\u2022*|]*(source link|about the author|scroll to top|news summary:?|read more|share this"
    r"|.*\bsubscribe\b.*|.*\bcheck all news\b.*|.*leave a comment.*|.*sign up for.*newsletter.*"
    r"|!\[\]\(\).*|advertisement)[ \t|.!]*$",
    re.IGNORECASE | re.MULTILINE,
)


def normalise(text: str) -> str:
    """`text` with typographic characters the model handles badly replaced, same length."""
    out = text.translate(_TABLE)
    assert len(out) == len(text)
    return out


def junk_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges of lines that are web junk ("Source link", "Please subscribe ...")."""
    return [(m.start(), m.end()) for m in _JUNK_LINE.finditer(text)]
