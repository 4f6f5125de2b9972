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


def sources_of(text: str) -> dict[str, str]:
    """{claim text: source actor text} of the suggestions for `text`."""
    result = shared_engine().suggest(text)
    return {
        text[result.spans[h].start : result.spans[h].end]: text[result.spans[c].start : result.spans[c].end]
        for h, c, _ in result.relations
    }
