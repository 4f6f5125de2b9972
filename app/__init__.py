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


def __getattr__(name: str) -> str:
    """`__version__`, looked up on first use: reading package metadata costs ~25 ms that every start-up (the
    window, each command, the model process) would otherwise pay for importing `app`."""
    if name == "__version__":
        value: str = _version()
        globals()["__version__"] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
