"""Code points <-> text-widget positions: the one place where the two ways of counting meet.

Stored and exported offsets are Python code points into the text exactly as imported. A Qt text widget counts
UTF-16 units (a character beyond U+FFFF takes two) and turns "\\r\\n" into one paragraph separator. The widget is
given `OffsetMap.display_text` (CRLF folded and a lone CR made LF by us, so the folding is ours and known) and
every position that crosses the boundary goes through `to_widget` / `from_widget`. Pure Python, so it is tested
without Qt.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate

_EVENTS = re.compile("[\U00010000-\U0010ffff]|\r\n")


class OffsetMap:
    """Maps offsets between `text` (code points) and `display_text` as a Qt document counts it."""

    __slots__ = ("_cp", "_delta", "_w", "display_text", "length", "widget_length")

    def __init__(self, text: str) -> None:
        self.length = len(text)
        # A lone CR becomes "\n" too (Qt breaks the line there anyway); left as it is, the CR of "\r\r\n" would
        # meet the folded LF and Qt would fold that new CRLF a second time, one position we did not count.
        self.display_text = text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text
        cps: list[int] = []
        steps: list[int] = []
        for match in _EVENTS.finditer(text):
            if match.group() == "\r\n":
                cps.append(match.start() + 2)  # from after the pair on, one unit fewer
                steps.append(-1)
            else:
                cps.append(match.start() + 1)  # from after the astral character on, one unit more
                steps.append(1)
        self._cp = cps
        self._delta = list(accumulate(steps))
        self._w = [cp + delta for cp, delta in zip(cps, self._delta, strict=True)]
        self.widget_length = self.length + (self._delta[-1] if self._delta else 0)

    def to_widget(self, cp: int) -> int:
        """The widget position of code-point offset `cp` (clamped to the text)."""
        cp = min(max(cp, 0), self.length)
        k = bisect_right(self._cp, cp)
        return cp + (self._delta[k - 1] if k else 0)

    def from_widget(self, pos: int) -> int:
        """The code-point offset of widget position `pos`; a position inside a surrogate pair rounds up."""
        pos = min(max(pos, 0), self.widget_length)
        k = bisect_right(self._w, pos)
        return pos - (self._delta[k - 1] if k else 0)

    def span_to_widget(self, start: int, end: int) -> tuple[int, int]:
        return self.to_widget(start), self.to_widget(end)

    def span_from_widget(self, start: int, end: int) -> tuple[int, int]:
        return self.from_widget(start), self.from_widget(end)
