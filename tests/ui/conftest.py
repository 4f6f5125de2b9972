"""GUI test fixtures: offscreen Qt, QSettings redirected to a temp folder, small projects on disk."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from app.core.store import Store
from app.core.types import NewDocument, Span

ARTICLE = (
    "Kyiv talks\n\n"
    "Ukrainian President Volodymyr Zelensky said Russia had to pull almost 60,000 troops off the front. "
    "NATO officials disagreed, citing some 12,000 North Korean troops in Kursk."
)


@pytest.fixture(autouse=True, scope="session")
def _settings_dir(tmp_path_factory: pytest.TempPathFactory) -> None:
    folder = str(tmp_path_factory.mktemp("qsettings"))
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, folder)


@pytest.fixture(autouse=True)
def _clean_settings(qapp) -> None:  # type: ignore[no-untyped-def]
    from app.ui import settings

    s = settings.settings()
    s.clear()
    s.setValue(settings.K_ANNOTATOR, "tester")
    s.sync()


def _make_project(path: Path, texts: list[str]) -> Path:
    with Store(path) as store:
        store.add_documents([NewDocument(text=t, title=f"Doc {i + 1}") for i, t in enumerate(texts)])
    return path


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return _make_project(tmp_path / "p.marginalia", [ARTICLE, "Second article about NATO and Kyiv.",
                                                     "Third one: Moscow said 40 percent."])


def _db_spans(path: Path, doc_id: int) -> list[Span]:
    """Read spans through a fresh connection: what is committed on disk."""
    with Store(path) as store:
        return store.spans_for(doc_id)


def _open_window(qtbot, path: Path):  # type: ignore[no-untyped-def]
    from app.ui.window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    assert window.open_project(path)
    window.resize(1300, 800)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def window(qtbot, project):  # type: ignore[no-untyped-def]
    w = _open_window(qtbot, project)
    yield w
    w.close()


@pytest.fixture
def make_project():  # type: ignore[no-untyped-def]
    return _make_project


@pytest.fixture
def db_spans():  # type: ignore[no-untyped-def]
    return _db_spans


@pytest.fixture
def open_window(qtbot):  # type: ignore[no-untyped-def]
    opened = []

    def open_(path: Path):  # type: ignore[no-untyped-def]
        w = _open_window(qtbot, path)
        opened.append(w)
        return w

    yield open_
    for w in opened:
        w.close()


@pytest.fixture(autouse=True)
def _collect_garbage():  # type: ignore[no-untyped-def]
    """Collect Qt wrappers while the test's objects are still alive in order, not at interpreter exit."""
    yield
    import gc

    gc.collect()
