"""Palette-aware colours: span highlights are the scheme colour mixed into the base colour of the current
(light or dark) palette, so the text on top keeps the palette's own contrast."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from app.core.paths import resource_path
from app.core.scheme import FALLBACK_COLOUR

FALLBACK = FALLBACK_COLOUR


def palette() -> QPalette:
    return QApplication.palette()


def is_dark(pal: QPalette | None = None) -> bool:
    pal = pal or palette()
    return pal.color(QPalette.ColorRole.Base).lightness() < 128


def mix(colour: QColor | str, base: QColor, amount: float) -> QColor:
    """`amount` of `colour` over `base` (0 = base, 1 = colour), opaque."""
    c = QColor(colour)
    return QColor(
        round(c.red() * amount + base.red() * (1 - amount)),
        round(c.green() * amount + base.green() * (1 - amount)),
        round(c.blue() * amount + base.blue() * (1 - amount)),
    )


def highlight_background(colour: str, pending: bool = False, pal: QPalette | None = None) -> QColor:
    pal = pal or palette()
    base = pal.color(QPalette.ColorRole.Base)
    dark = is_dark(pal)
    amount = (0.48 if dark else 0.38) if not pending else (0.22 if dark else 0.14)
    return mix(colour, base, amount)


def line_colour(colour: str, pal: QPalette | None = None) -> QColor:
    """A band/outline colour that stands out on the palette's base (lighter on dark backgrounds)."""
    c = QColor(colour)
    return c.lighter(135) if is_dark(pal) else c


def stylesheet() -> str:
    path = resource_path("resources", "marginalia.qss")
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return ""
