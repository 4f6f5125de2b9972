"""Where things live: bundled resources (source tree or PyInstaller bundle) and the user's data folder."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "Marginalia"


def bundle_root() -> Path:
    """The folder holding `annotations/`, `resources/` and `demo/`: the repo root, or the PyInstaller bundle."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parents[2]


def resource_path(*parts: str) -> Path:
    return bundle_root().joinpath(*parts)


def user_data_dir() -> Path:
    """The per-user data folder (projects, logs), following each platform's convention."""
    override = os.environ.get("MARGINALIA_DATA_DIR")
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local"))
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share"))
    return base / APP_NAME


def default_project_path() -> Path:
    return user_data_dir() / "projects" / "default.marginalia"
