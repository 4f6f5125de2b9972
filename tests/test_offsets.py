"""Property tests of OffsetMap (code points <-> Qt widget positions), plus one check against a real QTextDocument."""

from __future__ import annotations

import os
from itertools import pairwise

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from app.core.offsets import OffsetMap

# Pieces that stress the two ways of counting: astral characters (2 UTF-16 units), ZWJ sequences, flags,
# skin tones, combining marks, every kind of line break, right-to-left scripts, NBSP, astral CJK.
ATOMS = [
    "a", "Z", " ", "9", ".", "\t", "é", "e\u0301", "o\u0308\u0323", "\u00a0",
    "👨‍👩‍👧", "👍🏽", "😀", "🇺🇦", "🇬🇧", "🏳️‍🌈", "\u200d", "\ufe0f",
    "\r\n", "\r", "\n", "\n\n", "\r\r\n", "\r\n\r\n",
    "שלום", "مرحبا", "\u200f", "ﷺ", "中文", "𠀀", "𪚥", "𝔘𝔫𝔦", "\U0010fffd",
]
ATOM_TEXT = st.lists(st.sampled_from(ATOMS), max_size=25).map("".join)
ANY_TEXT = st.lists(
    st.one_of(st.sampled_from(ATOMS), st.text(st.characters(exclude_categories=("Cs",)), max_size=4)),
    max_size=25,
).map("".join)
EXAMPLES = ["", "\r\n", "\r", "a\r\nb", "👨‍👩‍👧", "\r\n👍🏽\r\n", "𠀀\r\r\n\n", "e\u0301🇺🇦שלום\u00a0\r\n"]


def utf16_len(s: str) -> int:
    return len(s.encode("utf-16-le")) // 2


def folded(s: str) -> str:
    """`s` as the widget shows it: CRLF folded to LF, and a lone CR (a line break to Qt too) made LF."""
    return s.replace("\r\n", "\n").replace("\r", "\n")


def inside_crlf(text: str, cp: int) -> bool:
    """True for the offset between the CR and the LF of a CRLF pair."""
    return 0 < cp < len(text) and text[cp - 1] == "\r" and text[cp] == "\n"


def boundaries(text: str) -> list[int]:
    return [cp for cp in range(len(text) + 1) if not inside_crlf(text, cp)]


def with_examples(test):
    for text in EXAMPLES:
        test = example(text)(test)
    return test


@settings(max_examples=300, deadline=None)
@given(ANY_TEXT)
@with_examples
def test_to_widget_counts_utf16_units_of_the_folded_prefix(text: str) -> None:
    m = OffsetMap(text)
    assert m.length == len(text)
    assert m.display_text == folded(text)
    assert m.widget_length == utf16_len(m.display_text)
    ws = [m.to_widget(cp) for cp in range(len(text) + 1)]
    assert ws[0] == 0 and ws[-1] == m.widget_length
    assert all(a <= b for a, b in pairwise(ws)), "to_widget must be monotone"
    for cp in boundaries(text):
        assert ws[cp] == utf16_len(folded(text[:cp])), cp
    # strictly increasing between boundaries: distinct code-point offsets never share a widget position
    bws = [ws[cp] for cp in boundaries(text)]
    assert len(set(bws)) == len(bws)


@settings(max_examples=300, deadline=None)
@given(ANY_TEXT)
@with_examples
def test_from_widget_inverts_to_widget(text: str) -> None:
    m = OffsetMap(text)
    for cp in boundaries(text):
        assert m.from_widget(m.to_widget(cp)) == cp, cp
    # every widget position maps to the first boundary at or after it (inside a surrogate pair: round up)
    bounds = boundaries(text)
    for pos in range(m.widget_length + 1):
        expected = next(cp for cp in bounds if m.to_widget(cp) >= pos)
        assert m.from_widget(pos) == expected, pos
        assert not inside_crlf(text, m.from_widget(pos))
    # out of range is clamped
    assert m.to_widget(-3) == 0 and m.to_widget(len(text) + 5) == m.widget_length
    assert m.from_widget(-1) == 0 and m.from_widget(m.widget_length + 7) == len(text)


@settings(max_examples=200, deadline=None)
@given(ATOM_TEXT)
@with_examples
def test_widget_slices_match_code_point_slices(text: str) -> None:
    m = OffsetMap(text)
    units = m.display_text.encode("utf-16-le")
    bounds = boundaries(text)
    for i, s in enumerate(bounds):
        for e in bounds[i:]:
            ws, we = m.span_to_widget(s, e)
            assert units[2 * ws : 2 * we].decode("utf-16-le") == folded(text[s:e]), (s, e)
            assert m.span_from_widget(ws, we) == (s, e)


def test_known_values() -> None:
    m = OffsetMap("a👍🏽\r\nb")  # a, 👍, 🏽, CR, LF, b = 6 code points; widget: 1 + 2 + 2 + 1 + 1 = 7
    assert m.display_text == "a👍🏽\nb"
    assert [m.to_widget(cp) for cp in range(7)] == [0, 1, 3, 5, 6, 6, 7]
    assert [m.from_widget(p) for p in range(8)] == [0, 1, 2, 2, 3, 3, 5, 6]
    assert m.widget_length == 7


# -- against Qt itself -------------------------------------------------------------------------------------


@pytest.fixture
def qdocument(qapp):
    from PySide6.QtGui import QTextDocument

    doc = QTextDocument()
    yield doc
    doc.deleteLater()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ATOM_TEXT)
@with_examples
def test_qt_selections_match_code_point_slices(qdocument, text: str) -> None:
    from PySide6.QtGui import QTextCursor

    m = OffsetMap(text)
    qdocument.setPlainText(m.display_text)
    assert qdocument.characterCount() - 1 == m.widget_length  # Qt adds one final paragraph separator
    cursor = QTextCursor(qdocument)
    bounds = boundaries(text)
    for i, s in enumerate(bounds):
        for e in bounds[i:]:
            ws, we = m.span_to_widget(s, e)
            cursor.setPosition(ws)
            cursor.setPosition(we, QTextCursor.MoveMode.KeepAnchor)
            assert (cursor.selectionStart(), cursor.selectionEnd()) == (ws, we)
            # a QTextDocument selection shows each line break as U+2029, the paragraph separator
            assert cursor.selectedText().replace("\u2029", "\n") == folded(text[s:e]), (s, e)
            assert m.span_from_widget(cursor.selectionStart(), cursor.selectionEnd()) == (s, e)


def test_a_cr_before_a_crlf_does_not_make_a_new_crlf() -> None:
    # "\r\r\n" (a CRLF written through a text-mode filter) must not become "\r\n" for Qt to fold once more
    m = OffsetMap("a\r\r\nb")
    assert "\r" not in m.display_text
    assert m.widget_length == 4
    assert [m.to_widget(cp) for cp in range(6)] == [0, 1, 2, 3, 3, 4]
