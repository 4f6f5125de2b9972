"""`--self-test`: the headless chain demo -> suggest -> tag -> export -> re-import, and the demo project helper."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.core import selftest
from app.core.demo import create_demo_project, demo_files, demo_project_path

REPO = Path(__file__).resolve().parents[1]


def test_demo_files_are_the_articles_only() -> None:
    files = demo_files()
    assert len(files) >= 3
    assert all(f.suffix == ".txt" for f in files)


def test_demo_project_lives_in_the_user_data_folder_and_is_created_once(data_dir: Path) -> None:
    from app.core.store import Store
    from app.core.types import NewSpan

    path = create_demo_project()
    assert path == demo_project_path() == data_dir / "projects" / "demo.marginalia"
    with Store(path) as store:
        assert store.count_documents() == len(demo_files())
        doc_id = store.next_document(None)
        assert doc_id is not None
        store.add_span(doc_id, NewSpan(0, 7, "ACTOR"))
    assert create_demo_project() == path  # opening it again keeps the work and adds no duplicates
    with Store(path) as store:
        assert store.count_documents() == len(demo_files())
        assert [(s.start, s.end) for s in store.spans_for(doc_id)] == [(0, 7)]


@pytest.mark.slow
def test_self_test_passes_in_process(tmp_path: Path) -> None:
    out = io.StringIO()
    assert selftest.run_selftest(out, workdir=tmp_path) == 0, out.getvalue()
    text = out.getvalue()
    for step in ("import demo articles", "suggest", "tag", "export Prodigy JSONL and spaCy DocBin",
                 "re-import", "compare", "integrity_check"):
        assert f"{step}" in text
    assert "passed" in text
    assert list(tmp_path.iterdir()) == []  # the temporary projects are gone


def test_self_test_fails_with_the_step_and_reason(tmp_path: Path) -> None:
    from app.core.suggest import PipelineLoadError

    def broken() -> None:
        raise PipelineLoadError("no installed spaCy pipeline called 'nope'")

    out = io.StringIO()
    assert selftest.run_selftest(out, workdir=tmp_path, load_engine=broken) == 1
    last = out.getvalue().strip().splitlines()[-1]
    assert last.startswith("self-test: FAILED at load the spaCy pipeline (in its own process, as the window does):")
    assert "nope" in last


@pytest.mark.slow
def test_python_m_app_self_test_from_source(tmp_path: Path) -> None:
    """The entry point routes --self-test to the core, without Qt (no display, no QT_QPA_PLATFORM needed)."""
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    env["MARGINALIA_DATA_DIR"] = str(tmp_path / "data")
    env["TMPDIR"] = str(tmp_path)
    probe = "import sys, runpy; sys.argv = ['app', '--self-test']\n" \
            "try:\n    runpy.run_module('app', run_name='__main__')\n" \
            "except SystemExit as e:\n    print('qt imported:', 'PySide6' in sys.modules); raise\n"
    done = subprocess.run([sys.executable, "-c", probe], cwd=REPO, env=env, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "self-test: passed" in done.stdout
    assert "qt imported: False" in done.stdout
