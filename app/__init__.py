"""Marginalia: an offline workbench for tagging actors, claims and figures in news articles."""

from __future__ import annotations


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("marginalia")
    except PackageNotFoundError:  # running from a bundle or an uninstalled checkout
        import tomllib

        from app.core.paths import resource_path

        try:
            return tomllib.loads(resource_path("pyproject.toml").read_text())["project"]["version"]
        except OSError:
            return "0+unknown"


__version__ = _version()
