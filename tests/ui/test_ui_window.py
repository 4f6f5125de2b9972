"""Window-level behaviour: shortcut overlay from the keymap, import/export through the worker with a report,
welcome page, settings that persist, the GUI entry point."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt

from app.core.store import Store
from app.core.types import Status
from app.ui import settings
from app.ui.dialogs import ReportDialog, ShortcutOverlay


def test_shortcut_overlay_lists_every_keymap_shortcut(qtbot, window) -> None:
    qtbot.keyClick(window.workbench.view, Qt.Key.Key_F1)
    overlay = window.findChild(ShortcutOverlay)
    assert overlay is not None and overlay.isVisible()
    shown = " | ".join(overlay.shown_keys())
    for spec in window.keymap.specs:
        for key in spec.shortcuts:
            assert window.keymap.native(key) in shown, key
    overlay.close()


def test_every_shortcut_is_defined_once(window) -> None:
    seen: dict[str, str] = {}
    for action_id, action in window.keymap.actions.items():
        for seq in action.shortcuts():
            key = seq.toString()
            assert key not in seen, f"{key} on {action_id} and {seen[key]}"
            seen[key] = action_id


def test_import_through_worker_shows_report(qtbot, window, tmp_path, corpus_files) -> None:
    good = tmp_path / "a.txt"
    shutil.copy(corpus_files[0], good)
    bad = tmp_path / "b.jsonl"
    bad.write_text('{"text": "fine article about NATO"}\n{not json\n', encoding="utf-8")
    before = window.workbench.doc_model.total
    window.import_paths([str(good), str(bad)])
    qtbot.waitUntil(lambda: window.findChild(ReportDialog) is not None, timeout=15000)
    report = window.findChild(ReportDialog)
    assert "b.jsonl" in report.details.toPlainText()
    assert "Traceback" not in report.details.toPlainText()
    qtbot.waitUntil(lambda: window.workbench.doc_model.total == before + 2)
    with Store(window.store.path) as fresh:
        assert fresh.count_documents() == before + 2
    report.close()


def test_export_through_worker(qtbot, window, tmp_path, monkeypatch) -> None:
    from app.ui import files

    out = tmp_path / "out.jsonl"
    window.workbench.view.select_cp(0, 4)
    qtbot.keyClick(window.workbench.view, "1")
    monkeypatch.setattr(files, "ask_export", lambda parent, project: {
        "fmt": "prodigy", "out": out, "include_suggestions": False, "statuses": None})
    window.export()
    qtbot.waitUntil(lambda: window.findChild(ReportDialog) is not None, timeout=15000)
    assert out.exists() and "Kyiv" in out.read_text(encoding="utf-8")


def test_settings_persist_font_splitters_last_document(qtbot, window, project, open_window) -> None:
    wb = window.workbench
    size = wb.font_size
    qtbot.keyClick(wb.view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert wb.font_size == size + 1
    wb.controller.open_document(3)
    window.close()
    again = open_window(project)
    assert again.workbench.controller.doc_id == 3
    assert again.workbench.font_size == size + 1
    assert settings.recent_projects()[0] == str(project.resolve())


def test_document_list_filters_in_the_window(qtbot, window) -> None:
    panel = window.workbench.documents
    qtbot.keyClicks(panel.search, "NATO")
    panel.apply_filters()
    assert panel.model.total == 2
    window.store.set_status(3, Status.DONE)
    panel.search.clear()
    panel.status.setCurrentIndex(panel.status.findData(Status.DONE))
    assert [panel.model.doc_id(r) for r in range(panel.model.rowCount())] == [3]


def test_welcome_page_without_project(qtbot, tmp_path) -> None:
    from app.ui.window import MainWindow

    w = MainWindow()
    qtbot.addWidget(w)
    assert w.stack.currentWidget() is w.welcome
    settings.add_recent_project(tmp_path / "x.marginalia")
    w.show_welcome()
    assert w.welcome.recent.count() == 1
    assert w.open_project(tmp_path / "new.marginalia")  # a new project is created
    assert w.workbench is not None and w.workbench.controller.doc is None
    w.close()


def test_gui_start_path_does_not_import_spacy(project) -> None:
    code = (
        "import sys, os; os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from app.ui.main import application, build_window\n"
        "app = application(); w = build_window(__import__('pathlib').Path(sys.argv[1])); w.show()\n"
        "app.processEvents(); assert w.workbench.controller.doc_id == 1\n"
        "print('spacy' in sys.modules); w.close()\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "MARGINALIA_DATA_DIR": str(project.parent),
           "XDG_CONFIG_HOME": str(project.parent / "config")}
    out = subprocess.run([sys.executable, "-c", code, str(project)], capture_output=True, text=True, env=env,
                         cwd=Path(__file__).resolve().parents[2], timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "False"
