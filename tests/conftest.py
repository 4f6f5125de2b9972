"""Shared fixtures. The five real articles are read from ../shared/corpus at test time, never copied here."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own user data folder (projects, logs): none ever touches the real one."""
    folder = tmp_path / "userdata"
    monkeypatch.setenv("MARGINALIA_DATA_DIR", str(folder))
    return folder


@pytest.fixture(scope="session")
def corpus_files() -> list[Path]:
    files = sorted(CORPUS.glob("*.txt"))
    assert len(files) == 5, f"expected the five corpus articles in {CORPUS}"
    return files


@pytest.fixture
def store(tmp_path):
    from app.core.store import Store

    with Store(tmp_path / "project.marginalia") as s:
        yield s


@pytest.fixture
def doc(store) -> int:
    """A document with a short text about troops (see tests/store_support.py TEXT) in `store`."""
    from app.core.types import NewDocument
    from tests.store_support import TEXT

    doc_id = store.add_document(NewDocument(TEXT, title="Troops"))
    assert doc_id is not None
    return doc_id


@pytest.fixture(scope="session")
def engine():
    """The suggestion engine with the real model, loaded once per test session (tests/suggest_support.py)."""
    from suggest_support import shared_engine

    return shared_engine()
