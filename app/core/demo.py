"""The demo project: the short articles in resources/demo/, imported into a project in the user data folder."""

from __future__ import annotations

from pathlib import Path

from app.core.paths import resource_path, user_data_dir
from app.core.progress import run_to_end


def demo_dir() -> Path:
    return resource_path("resources", "demo")


def demo_files() -> list[Path]:
    """The demo articles (the folder's README is not one of them)."""
    return sorted(demo_dir().glob("*.txt"))


def demo_project_path() -> Path:
    return user_data_dir() / "projects" / "demo.marginalia"


def create_demo_project(path: Path | None = None) -> Path:
    """Make sure the demo project exists and holds the demo articles; return its path.

    An existing demo project is kept (with the user's work in it): only missing articles are added, since the
    import skips texts that are already in the project.
    """
    from app.core.importers import import_paths
    from app.core.store import Store

    target = Path(path) if path is not None else demo_project_path()
    files = demo_files()
    if not files:
        raise FileNotFoundError(f"no demo articles in {demo_dir()}")
    with Store(target) as store:
        run_to_end(import_paths(store, files, "txt"))
    return target
