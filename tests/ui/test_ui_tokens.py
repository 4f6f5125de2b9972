"""app.core.tokens: snapping selections to whole tokens and moving span edges by a token (pure Python)."""

from __future__ import annotations

import pytest

from app.core.tokens import move_end, move_start, snap_to_tokens

TEXT = "President-elect Trump said Zelensky's troops hold roughly 300 square miles, around $66 billion (4.5%)."


def _snap(sub: str, cut_left: int = 0, cut_right: int = 0) -> str:
    start = TEXT.index(sub) + cut_left
    end = TEXT.index(sub) + len(sub) - cut_right
    a, b = snap_to_tokens(TEXT, start, end)
    return TEXT[a:b]


@pytest.mark.parametrize("sub,left,right,expected", [
    ("Zelensky", 2, 2, "Zelensky"),
    ("Zelensky", 0, 0, "Zelensky"),
    ("President-elect", 3, 3, "President-elect"),
    (" Trump ", 0, 0, "Trump"),
    ("300 square", 1, 3, "300 square"),
    ("$66 billion", 1, 0, "$66 billion"),
    ("4.5%", 1, 1, "4.5%"),
])
def test_snap(sub: str, left: int, right: int, expected: str) -> None:
    assert _snap(sub, left, right) == expected


def test_snap_whitespace_only_is_empty() -> None:
    i = TEXT.index(" ")
    a, b = snap_to_tokens(TEXT, i, i + 1)
    assert a == b


def test_snap_keeps_emoji_code_points() -> None:
    text = "🇺🇦 Kyiv 👩‍👩‍👧 said"
    start = text.index("Kyiv")
    assert text.__getitem__(slice(*snap_to_tokens(text, start + 1, start + 2))) == "Kyiv"


def test_move_edges() -> None:
    start = TEXT.index("roughly")
    end = start + len("roughly 300")
    end2 = move_end(TEXT, start, end, 1)
    assert TEXT[start:end2] == "roughly 300 square"
    assert move_end(TEXT, start, end2, -1) == end
    assert move_end(TEXT, start, start + 7, -1) == start + 7  # never empties the span
    s2 = move_start(TEXT, start, end, -1)
    assert TEXT[s2:end] == "hold roughly 300"
    assert move_start(TEXT, s2, end, 1) == start
    assert move_start(TEXT, start, start + 7, 1) == start
