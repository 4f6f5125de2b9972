"""Token boundaries for tagging: snap a rough selection outward to whole words, move span edges by a token.

A token is a number with its inner separators and optional currency sign / percent ("$66", "60,000", "4.5%")
or a word with inner hyphens ("President-elect"). Apostrophes split ("Zelensky" + "'s"), so that an actor is
tagged without its possessive. Offsets are Python code points; pure Python, no Qt.
"""

from __future__ import annotations

import re

TOKEN = re.compile(r"[$€£¥]?\d+(?:[.,]\d+)*%?|\w+(?:[-‐]\w+)*")
_WINDOW = 200


def _left_ws(text: str, pos: int) -> int:
    """The start of the run of non-space characters that ends at `pos`."""
    while pos > 0 and not text[pos - 1].isspace():
        pos -= 1
    return pos


def _right_ws(text: str, pos: int) -> int:
    """The end of the run of non-space characters that starts at `pos`."""
    n = len(text)
    while pos < n and not text[pos].isspace():
        pos += 1
    return pos


def trim_whitespace(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def snap_to_tokens(text: str, start: int, end: int) -> tuple[int, int]:
    """Expand [start, end) outward to whole tokens and trim surrounding whitespace.

    Never shrinks the selection except for whitespace at its edges. An all-whitespace selection gives an
    empty range (start == end), which callers treat as "nothing to tag".
    """
    start, end = max(0, min(start, end)), min(len(text), max(start, end))
    start, end = trim_whitespace(text, start, end)
    if start >= end:
        return start, start
    lo, hi = _left_ws(text, start), _right_ws(text, end)
    new_start, new_end = start, end
    for m in TOKEN.finditer(text, lo, hi):
        if m.end() > start and m.start() < end:
            new_start = min(new_start, m.start())
            new_end = max(new_end, m.end())
    return new_start, new_end


def _tokens(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    lo, hi = _left_ws(text, max(0, lo)), _right_ws(text, min(len(text), hi))
    return [(m.start(), m.end()) for m in TOKEN.finditer(text, lo, hi)]


def move_end(text: str, start: int, end: int, step: int) -> int:
    """The span end moved one token right (step > 0, widen) or left (step < 0, narrow; never to `start`)."""
    if step > 0:
        for _a, b in _tokens(text, end, end + _WINDOW):
            if b > end:
                return b
        return end
    for a, b in reversed(_tokens(text, max(start, end - _WINDOW), end)):
        if b < end and b > start and a >= start:
            return b
    return end


def move_start(text: str, start: int, end: int, step: int) -> int:
    """The span start moved one token left (step < 0, widen) or right (step > 0, narrow; never to `end`)."""
    if step < 0:
        for a, _b in reversed(_tokens(text, start - _WINDOW, start)):
            if a < start:
                return a
        return start
    for a, b in _tokens(text, start, min(end, start + _WINDOW)):
        if a > start and a < end and b <= end:
            return a
    return start
