"""QSettings access in one place: organisation "Marginalia". Keys are constants so they are spelled once."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

ORGANISATION = "Marginalia"
APPLICATION = "Marginalia"
MAX_RECENT = 8

K_RECENT = "projects/recent"
K_LAST_PROJECT = "projects/last"
K_ANNOTATOR = "annotator/name"
K_GEOMETRY = "window/geometry"
K_SPLIT_MAIN = "window/split_main"
K_SPLIT_SIDE = "window/split_side"
K_FONT_SIZE = "view/font_size"


_instance: QSettings | None = None


def settings() -> QSettings:
    """One shared QSettings (creating one per call re-reads the file: ~10 ms)."""
    global _instance
    if _instance is None:
        _instance = QSettings(ORGANISATION, APPLICATION)
    return _instance


def _as_list(value: object) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value] if value else []
    return [str(v) for v in value]  # type: ignore[union-attr]


def recent_projects() -> list[str]:
    return [p for p in _as_list(settings().value(K_RECENT)) if p]


def add_recent_project(path: str | Path) -> None:
    path = str(Path(path).resolve())
    recent = [path, *(p for p in recent_projects() if p != path)][:MAX_RECENT]
    s = settings()
    s.setValue(K_RECENT, recent)
    s.setValue(K_LAST_PROJECT, path)


def last_project() -> str | None:
    value = settings().value(K_LAST_PROJECT)
    return str(value) if value else None


def _last_document_key(project: str | Path) -> str:
    return f"last_document/{Path(project).resolve().as_posix().replace('/', '|')}"


def last_document(project: str | Path) -> int | None:
    value = settings().value(_last_document_key(project))
    try:
        return int(value) if value is not None else None
    except (TypeError, ValueError):
        return None


def set_last_document(project: str | Path, doc_id: int) -> None:
    settings().setValue(_last_document_key(project), doc_id)


def annotator_name() -> str:
    value = settings().value(K_ANNOTATOR)
    return str(value) if value else ""


def set_annotator_name(name: str) -> None:
    settings().setValue(K_ANNOTATOR, name)


def font_size(default: int) -> int:
    try:
        return int(settings().value(K_FONT_SIZE, default))
    except (TypeError, ValueError):
        return default


def set_font_size(size: int) -> None:
    settings().setValue(K_FONT_SIZE, size)
