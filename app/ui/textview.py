"""The article view: read-only QPlainTextEdit showing OffsetMap.display_text with the spans drawn on top.

Background labels (ACTOR, FIGURE...) are ExtraSelections (cheap: only visible blocks are painted); labels that
head a relation (CLAIM) are painted as a coloured band under the lines with bracket ticks at their ends, one
band level per nesting depth, so nested and overlapping spans all stay visible. Pending suggestions are paler
with a dotted line / dashed band. The selected span gets an outline. All offsets leaving this widget are code
points (through OffsetMap); widget positions never leak out.
"""

from __future__ import annotations

import html
from bisect import bisect_left
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPoint, QRectF, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
    QTextCharFormat,
    QTextCursor,
    QTextLayout,
)
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QToolTip, QWidget

from app.core.offsets import OffsetMap
from app.core.scheme import Scheme
from app.core.types import Span, SpanState
from app.ui import theme


@dataclass(slots=True)
class _Band:
    start: int  # widget positions
    end: int
    colour: QColor
    depth: int
    pending: bool


WINDOW_MARGIN = 6000  # widget positions kept highlighted beyond the visible text, each side

# A visible block: its position and length (widget positions), its geometry in the viewport and its layout.
_VisibleBlock = tuple[int, int, QRectF, QTextLayout]


def spans_covering(spans: list[Span], cp: int) -> list[Span]:
    """Spans covering code point `cp`, innermost (shortest) first."""
    return sorted((s for s in spans if s.start <= cp < s.end), key=lambda s: (s.end - s.start, s.start))


class AnnotatedTextView(QPlainTextEdit):
    clicked = Signal(int)  # code point under the mouse, on a click that selected no text

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.document().setDocumentMargin(18)
        self.setObjectName("articleView")
        self.omap = OffsetMap("")
        self.scheme: Scheme | None = None
        self._band_labels: set[str] = set()
        self._spans: list[Span] = []
        self._spans_by_id: dict[int, Span] = {}
        self._bands: list[_Band] = []
        self._band_starts: list[int] = []
        self._marks: list[tuple[int, int, QTextCharFormat]] = []
        self._window = (0, -1)
        self._selected: int | None = None
        self._press: QPoint | None = None
        self.selection_exact = False
        self.priority_keys: set[int] = set()
        self.key_actions: dict[int, QAction] = {}  # keys this view hands to actions while it has the focus
        self.priority_active: Callable[[], bool] = lambda: False

    # -- content ---------------------------------------------------------------------------------------

    def set_scheme(self, scheme: Scheme) -> None:
        self.scheme = scheme
        self._band_labels = {rel.head for rel in scheme.relations if rel.head}

    def set_document(self, text: str, spans: list[Span]) -> None:
        self.omap = OffsetMap(text)
        self._spans = []
        self._spans_by_id = {}
        self._marks = []
        self._window = (0, -1)
        if self.extraSelections():
            self.setExtraSelections([])
        self.setPlainText(self.omap.display_text)
        self.selection_exact = False
        self.set_spans(spans)

    def set_spans(self, spans: list[Span]) -> None:
        """Take the document's spans. Background highlights become ExtraSelections only for a window around
        the visible text (rebuilt on scroll), so opening a long article with thousands of spans stays fast."""
        self._spans = spans
        self._spans_by_id = {s.id: s for s in spans}
        scheme = self.scheme
        to_w = self.omap.to_widget
        formats: dict[tuple[str, bool], QTextCharFormat] = {}
        marks: list[tuple[int, int, QTextCharFormat]] = []
        bands: list[_Band] = []
        open_ends: list[int] = []
        pal = self.palette()
        colours: dict[str, str] = {}
        lines: dict[str, QColor] = {}
        for span in spans:  # start order, longest first (store order)
            pending = span.state == SpanState.PENDING
            colour = colours.get(span.label)
            if colour is None:
                colour = colours[span.label] = scheme.label(span.label).colour if scheme else theme.FALLBACK
            if span.label in self._band_labels:
                while open_ends and open_ends[-1] <= span.start:
                    open_ends.pop()
                line = lines.get(span.label)
                if line is None:
                    line = lines[span.label] = theme.line_colour(colour, pal)
                bands.append(_Band(to_w(span.start), to_w(span.end), line, len(open_ends), pending))
                open_ends.append(span.end)
                continue
            fmt = formats.get((span.label, pending))
            if fmt is None:
                fmt = QTextCharFormat()
                fmt.setBackground(theme.highlight_background(colour, pending, pal))
                if pending:
                    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
                    fmt.setUnderlineColor(theme.line_colour(colour, pal))
                formats[(span.label, pending)] = fmt
            marks.append((to_w(span.start), to_w(span.end), fmt))
        self._bands = bands
        self._band_starts = [b.start for b in bands]
        self._marks = marks
        self._window = (0, -1)
        self._update_window(force=True)
        self.viewport().update()

    def _visible_range(self) -> tuple[int, int]:
        block = self.firstVisibleBlock()
        lo = block.position() if block.isValid() else 0
        end = self.cursorForPosition(self.viewport().rect().bottomRight()).position()
        return lo, max(lo, end)

    def _update_window(self, force: bool = False) -> None:
        """(Re)build the ExtraSelections when the visible text leaves the window they cover."""
        lo, hi = self._visible_range()
        if not force and self._window[0] <= lo and hi <= self._window[1]:
            return
        margin = max(WINDOW_MARGIN, 2 * (hi - lo))
        w_lo, w_hi = max(0, lo - margin), hi + margin
        doc = self.document()
        chosen = [m for m in self._marks if m[0] < w_hi and m[1] > w_lo]
        chosen.sort(key=lambda m: m[0] - m[1])  # longest first: nested ones paint on top
        selections = []
        for a, b, fmt in chosen:
            cursor = QTextCursor(doc)
            cursor.setPosition(a)
            cursor.setPosition(b, QTextCursor.MoveMode.KeepAnchor)
            sel = QTextEdit.ExtraSelection()
            sel.cursor = cursor  # type: ignore[attr-defined]
            sel.format = fmt  # type: ignore[attr-defined]
            selections.append(sel)
        self._window = (w_lo, w_hi)
        self.setExtraSelections(selections)

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        super().scrollContentsBy(dx, dy)
        if self._marks:
            self._update_window()

    def resizeEvent(self, e: QResizeEvent) -> None:
        super().resizeEvent(e)
        if self._marks:
            self._update_window()

    def set_selected_span(self, span_id: int | None) -> None:
        self._selected = span_id
        self.viewport().update()

    def span_by_id(self, span_id: int) -> Span | None:
        return self._spans_by_id.get(span_id)

    # -- selection in code points ----------------------------------------------------------------------

    def selection_cp(self) -> tuple[int, int] | None:
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        return self.omap.span_from_widget(cursor.selectionStart(), cursor.selectionEnd())

    def select_cp(self, start: int, end: int) -> None:
        """Select code points [start, end) as if by the user (used by tests and the keyboard flow)."""
        cursor = self.textCursor()
        cursor.setPosition(self.omap.to_widget(start))
        cursor.setPosition(self.omap.to_widget(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.selection_exact = False

    def clear_selection(self) -> None:
        cursor = self.textCursor()
        if cursor.hasSelection():
            cursor.clearSelection()
            self.setTextCursor(cursor)
        self.selection_exact = False

    def scroll_to_cp(self, cp: int) -> None:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.omap.to_widget(cp))
        rect = self.cursorRect(cursor)
        if not self.viewport().rect().contains(rect):
            keep = self.textCursor()
            self.setTextCursor(cursor)
            self.centerCursor()
            self.setTextCursor(keep)

    def cp_at(self, point: QPoint) -> int:
        """The code point of the character under viewport point `point`."""
        cursor = self.cursorForPosition(point)
        pos = cursor.position()
        if pos > 0 and point.x() < self.cursorRect(cursor).x():
            pos -= 1
        return self.omap.from_widget(pos)

    # -- events ----------------------------------------------------------------------------------------

    def event(self, e: QEvent) -> bool:
        if e.type() == QEvent.Type.ShortcutOverride and isinstance(e, QKeyEvent):
            combo = e.keyCombination().toCombined()
            if combo in self.priority_keys:
                if self.priority_active():
                    e.ignore()  # a span is selected: the window's span-edge action gets the key
                else:
                    e.accept()  # otherwise the key extends the text selection as usual
                return True
        return super().event(e)

    def mousePressEvent(self, e: QMouseEvent) -> None:
        self._press = e.position().toPoint()
        super().mousePressEvent(e)

    def mouseReleaseEvent(self, e: QMouseEvent) -> None:
        super().mouseReleaseEvent(e)
        if e.button() != Qt.MouseButton.LeftButton:
            return
        pos = e.position().toPoint()
        if self.textCursor().hasSelection():
            self.selection_exact = bool(e.modifiers() & Qt.KeyboardModifier.AltModifier)
        elif self._press is not None and (pos - self._press).manhattanLength() < 5:
            self.clicked.emit(self.cp_at(pos))
        self._press = None

    def keyPressEvent(self, e: QKeyEvent) -> None:
        combo = e.keyCombination().toCombined() & ~Qt.KeyboardModifier.KeypadModifier.value
        action = self.key_actions.get(combo)
        if action is not None:  # e.g. Enter accepts the suggestion (actions.VIEW_KEYS)
            if action.isEnabled():
                action.trigger()
            e.accept()
            return
        super().keyPressEvent(e)
        if e.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self.selection_exact = bool(e.modifiers() & Qt.KeyboardModifier.AltModifier)

    def viewportEvent(self, e: QEvent) -> bool:
        if e.type() == QEvent.Type.ToolTip:
            pos = e.pos()  # type: ignore[attr-defined]
            hits = spans_covering(self._spans, self.cp_at(pos))
            if hits:
                QToolTip.showText(e.globalPos(), self.tooltip_html(hits), self.viewport())  # type: ignore[attr-defined]
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(e)

    def tooltip_html(self, spans: list[Span]) -> str:
        parts = []
        text = self.omap.display_text if self.omap.length == self.omap.widget_length else None
        for s in spans:
            score = f", score {s.score:.2f}" if s.score is not None else ""
            state = "" if s.state == SpanState.ACCEPTED else f" <i>({s.state})</i>"
            attrs = "".join(f"<br>&nbsp;&nbsp;{html.escape(str(k))}: {html.escape(str(v))}"
                            for k, v in s.attributes.items())
            snippet = f" “{html.escape(text[s.start:s.end][:60])}”" if text else ""
            parts.append(f"<b>{html.escape(s.label)}</b>{state}{snippet}<br>{s.origin}{score}"
                         f"{' · ' + html.escape(s.annotator) if s.annotator else ''}{attrs}")
        return "<hr>".join(parts)

    # -- painting --------------------------------------------------------------------------------------

    def paintEvent(self, e: QPaintEvent) -> None:
        super().paintEvent(e)
        if not self._bands and self._selected is None:
            return
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        height = self.viewport().height()
        offset = self.contentOffset()
        block = self.firstVisibleBlock()
        visible: list[_VisibleBlock] = []
        while block.isValid():
            geo = self.blockBoundingGeometry(block).translated(offset)
            if geo.top() > height:
                break
            if block.isVisible():
                visible.append((block.position(), block.length(), geo, block.layout()))
            block = block.next()
        if not visible:
            return
        lo, hi = visible[0][0], visible[-1][0] + visible[-1][1]
        last = bisect_left(self._band_starts, hi)
        for band in self._bands[:last]:
            if band.end <= lo:
                continue
            pen = QPen(band.colour, 2.6)
            pen.setCapStyle(Qt.PenCapStyle.FlatCap)
            if band.pending:
                pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            for x1, x2, _top, bottom, first, last_piece in self._pieces(visible, band.start, band.end):
                y = bottom - 1.5 - band.depth * 3.5
                painter.drawLine(int(x1), round(y), int(x2), round(y))
                if first and band.start >= lo:
                    painter.drawLine(int(x1) + 1, round(y), int(x1) + 1, round(y - 6))
                if last_piece:
                    painter.drawLine(int(x2) - 1, round(y), int(x2) - 1, round(y - 6))
        span = self.span_by_id(self._selected) if self._selected is not None else None
        if span is not None:
            pen = QPen(self.palette().color(self.palette().ColorRole.Highlight), 2)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            a, b = self.omap.span_to_widget(span.start, span.end)
            for x1, x2, top, bottom, _f, _l in self._pieces(visible, a, b):
                painter.drawRoundedRect(QRectF(x1 - 2, top + 0.5, x2 - x1 + 4, bottom - top - 1), 3, 3)
        painter.end()

    @staticmethod
    def _pieces(visible: list[_VisibleBlock], start: int, end: int
                ) -> Iterator[tuple[float, float, float, float, bool, bool]]:
        """(x1, x2, top, bottom, is_first_piece, is_last_piece) per visible line covered by [start, end)."""
        for pos, length, geo, layout in visible:
            if pos + length <= start or pos >= end:
                continue
            a, b = max(start, pos) - pos, min(end, pos + length - 1) - pos
            for i in range(layout.lineCount()):
                line = layout.lineAt(i)
                ls, le = line.textStart(), line.textStart() + line.textLength()
                if le <= a or ls >= b:
                    continue
                x1 = _x(line.cursorToX(max(a, ls)))
                x2 = _x(line.cursorToX(min(b, le)))
                top = geo.top() + line.y()
                yield (geo.left() + x1, geo.left() + x2, top, top + line.height(),
                       pos + a == start and ls <= a, pos + b == end and le >= b)


def _x(value: object) -> float:
    """QTextLine.cursorToX returns (x, pos) in PySide6."""
    return float(value[0] if isinstance(value, tuple) else value)  # type: ignore[arg-type]
