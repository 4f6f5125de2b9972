"""Shared by the tests/test_suggest_*.py files: the engine is loaded once per test session."""

from __future__ import annotations

from functools import lru_cache

from app.core.suggest.engine import SuggestionEngine, load_engine


@lru_cache(maxsize=1)
def shared_engine() -> SuggestionEngine:
    return load_engine()


def spans_of(text: str, label: str) -> list[str]:
    result = shared_engine().suggest(text)
    return result.texts(text, label)
