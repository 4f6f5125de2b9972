"""The main window: menus from the keymap, welcome page or workbench, status bar, file operations."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QByteArray
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog, QLabel, QMainWindow, QMessageBox, QStackedWidget, QWidget

from app.core.demo import create_demo_project
from app.core.scheme import Scheme, SchemeError, default_scheme
from app.core.store import Store, StoreError
from app.ui import files, settings
from app.ui.actions import Keymap
from app.ui.dialogs import ShortcutOverlay, ask_annotator
from app.ui.help import HelpActions
from app.ui.insights import Insights
from app.ui.model_status import ModelStatusLabel
from app.ui.suggestions import Suggestions
from app.ui.welcome import WelcomePage
from app.ui.workbench import Workbench

PROJECT_FILTER = "Marginalia projects (*.marginalia);;All files (*)"


class MainWindow(QMainWindow):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle("Marginalia")
        self.setAcceptDrops(True)
        self.store: Store | None = None
        self.workbench: Workbench | None = None
        self.keymap: Keymap | None = None
        self._keymap_scheme: Scheme | None = None  # the scheme the keymap was built for
        self.jobs = files.JobRunner(self)
        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self.progress_label = QLabel()
        self.progress_label.setObjectName("progress")
        self.annotator_label = QLabel()
        self.annotator_label.setObjectName("muted")
        self.statusBar().addPermanentWidget(self.annotator_label)
        self.statusBar().addPermanentWidget(self.progress_label)
        self.suggestions = Suggestions(self)  # the model's state, suggesting, batch pre-annotation
        self.suggestions.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.model_status = ModelStatusLabel(self.suggestions)
        self.statusBar().addPermanentWidget(self.model_status)
        self.help_actions = HelpActions(self)  # guidelines, demo, about: added to the Help menu
        self.help_actions.demo.triggered.connect(self.open_demo)
        self._build_actions(default_scheme())
        self.welcome = WelcomePage()
        self.welcome.newProject.connect(self.new_project)
        self.welcome.openProject.connect(self.choose_project)
        self.welcome.openRecent.connect(self.open_project)
        self.welcome.openDemo.connect(self.open_demo)
        self.stack.addWidget(self.welcome)
        self.insights = Insights(self)
        self.show_welcome()
        geometry = settings.settings().value(settings.K_GEOMETRY)
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            self.resize(1400, 900)
        self.insights.restore_state()

    # -- actions and menus -----------------------------------------------------------------------------

    def _build_actions(self, scheme: Scheme) -> None:
        if self.keymap is not None:
            for action in self.keymap.actions.values():
                self.removeAction(action)
                action.deleteLater()
            self.keymap.deleteLater()
        keymap = Keymap(scheme, self)
        self.keymap = keymap
        self._keymap_scheme = scheme
        self.addActions(list(keymap.actions.values()))
        c = lambda: self.workbench.controller if self.workbench else None  # noqa: E731

        def on(name: str, *args: Any) -> Any:
            def call() -> None:
                ctrl = c()
                if ctrl is not None:
                    getattr(ctrl, name)(*args)

            return call

        handlers: dict[str, Any] = {
            "file.new": self.new_project, "file.open": self.choose_project,
            "file.import": self.import_files, "file.import_folder": self.import_folder,
            "file.export": self.export, "file.quit": self.close,
            "edit.undo": on("undo"), "edit.redo": on("redo"),
            "edit.annotator": self.change_annotator,
            "span.delete": on("delete_selected"), "span.accept": on("accept_selected"),
            "span.end_right": on("move_edge", "end", 1), "span.end_left": on("move_edge", "end", -1),
            "span.start_left": on("move_edge", "start", -1), "span.start_right": on("move_edge", "start", 1),
            "span.deselect": on("deselect"), "doc.done": on("mark_done"), "doc.skip": on("skip"),
            "doc.next": lambda: self._step(1), "doc.previous": lambda: self._step(-1),
            "view.search": self._focus_search, "view.zoom_in": lambda: self._zoom(1),
            "view.zoom_out": lambda: self._zoom(-1), "help.shortcuts": self.show_shortcuts,
            "view.ledger": lambda: self.insights.toggle("ledger"),
            "view.actors": lambda: self.insights.toggle("actors"),
            "view.statistics": lambda: self.insights.toggle("statistics"),
            "file.export_ledger": lambda: self.insights.export_ledger(),
            "figure.edit": lambda: self.insights.edit_figure(),
            "actors.propose": lambda: self.insights.propose_aliases(),
            "span.reject": on("reject_selected"), "suggest.accept_all": on("accept_all"),
            "suggest.document": lambda: self.suggestions.suggest_document(),
            "suggest.all": lambda: self.suggestions.suggest_project(only_todo=False),
            "suggest.todo": lambda: self.suggestions.suggest_project(only_todo=True),
            "suggest.choose_model": lambda: self.suggestions.choose_model(),
            "suggest.load": lambda: self.suggestions.load(),
        }
        for label in scheme.labels:
            handlers[f"label:{label.name}"] = on("tag", label.name)
            handlers[f"exact:{label.name}"] = on("tag", label.name, True)
        for rel in scheme.relations:
            handlers[f"relation:{rel.name}"] = on("start_relation", rel.name)
        keymap.connect(handlers)
        self._build_menus()

    def _build_menus(self) -> None:
        assert self.keymap is not None
        bar = self.menuBar()
        bar.clear()
        a = self.keymap.actions
        menu = bar.addMenu("&File")
        menu.addActions([a["file.new"], a["file.open"]])
        self.recent_menu = menu.addMenu("Recent projects")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        menu.addSeparator()
        menu.addActions([a["file.import"], a["file.import_folder"], a["file.export"], a["file.export_ledger"]])
        menu.addSeparator()
        menu.addAction(a["file.quit"])
        groups: dict[str, list[str]] = {}
        for spec in self.keymap.specs:
            groups.setdefault(spec.group, []).append(spec.id)
        for title, group in (("&Edit", "Edit"), ("&Label", "Label"), ("&Label", "Relation"), ("&Span", "Span"),
                             ("&Document", "Document"), ("S&uggestions", "Suggestions"), ("&View", "View"),
                             ("&Help", "Help")):
            existing = next((m.menu() for m in bar.actions() if m.text() == title), None)
            target = existing or bar.addMenu(title)
            if existing:
                target.addSeparator()
            target.addActions([a[i] for i in groups.get(group, [])])
        self.help_actions.add_to(bar)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for path in settings.recent_projects():
            self.recent_menu.addAction(path, lambda p=path: self.open_project(p))
        if self.recent_menu.isEmpty():
            self.recent_menu.addAction("(none)").setEnabled(False)

    # -- projects --------------------------------------------------------------------------------------

    def show_welcome(self) -> None:
        self.welcome.set_recent(settings.recent_projects())
        self.stack.setCurrentWidget(self.welcome)
        self.progress_label.setText("")

    def new_project(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "New project", "project.marginalia", PROJECT_FILTER)
        if path:
            if not path.endswith(".marginalia"):
                path += ".marginalia"
            self.open_project(path)

    def choose_project(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Open project", "", PROJECT_FILTER)
        if path:
            self.open_project(path)

    def open_demo(self) -> bool:
        """The demo articles in their own project in the user data folder (created or completed first)."""
        try:
            path = create_demo_project()
        except (StoreError, SchemeError, sqlite3.Error, OSError) as exc:
            QMessageBox.warning(self, "Demo project", f"Cannot create the demo project:\n\n{exc}")
            return False
        return self.open_project(path)

    def open_project(self, path: str | Path) -> bool:
        try:
            store = Store(path)
        except (StoreError, SchemeError, sqlite3.Error, OSError) as exc:
            QMessageBox.warning(self, "Open project", f"Cannot open {path}:\n\n{exc}")
            return False
        self.close_project()
        self.store = store
        if store.scheme != self._keymap_scheme:
            self._build_actions(store.scheme)
        assert self.keymap is not None
        wb = Workbench(store, self.keymap.actions)
        self.workbench = wb
        wb.view.priority_keys = self.keymap.edge_keys()
        wb.view.key_actions = self.keymap.view_keys()
        wb.controller.annotator = lambda: self._annotator()
        wb.controller.message.connect(lambda text: self.statusBar().showMessage(text, 6000))
        wb.controller.progressChanged.connect(self._show_progress)
        wb.controller.undo_stack.indexChanged.connect(lambda _i: self._update_undo_texts())
        self.stack.addWidget(wb)
        self.stack.setCurrentWidget(wb)
        self.insights.attach(wb)
        self.suggestions.attach(wb)
        s = settings.settings()
        for key, splitter in ((settings.K_SPLIT_MAIN, wb), (settings.K_SPLIT_SIDE, wb.side)):
            state = s.value(key)
            if isinstance(state, QByteArray):
                splitter.restoreState(state)
        settings.add_recent_project(path)
        self.setWindowTitle(f"{Path(path).stem} — Marginalia")
        wb.controller.emit_progress()
        self._show_annotator()
        last = settings.last_document(path)
        start = last if last is not None and self._exists(last) else store.next_document(None)
        if start is None:
            page = store.list_documents(0, 1)
            start = page[0].id if page else None
        wb.controller.open_document(start)
        self._update_undo_texts()
        return True

    def _exists(self, doc_id: int) -> bool:
        try:
            assert self.store is not None
            self.store.get_document_status(doc_id)
        except StoreError:
            return False
        return True

    def close_project(self) -> None:
        if self.workbench is not None:
            self._save_layout()
            self.insights.detach()
            self.suggestions.detach()
            self.workbench.close()
            self.stack.removeWidget(self.workbench)
            self.workbench.deleteLater()
            self.workbench = None
        if self.store is not None:
            self.store.close()
            self.store = None

    # -- status bar ------------------------------------------------------------------------------------

    def _show_progress(self, done: int, total: int) -> None:
        pct = f" ({100 * done / total:.0f}%)" if total else ""
        self.progress_label.setText(f"Done {done:,} / {total:,}{pct}")

    def _annotator(self) -> str | None:
        name = ask_annotator(self)
        self._show_annotator()
        return name

    def change_annotator(self) -> None:
        """Edit ▸ Annotator name…: new spans carry the new name; existing spans keep theirs."""
        ask_annotator(self, change=True)
        self._show_annotator()

    def _show_annotator(self) -> None:
        name = settings.annotator_name()
        self.annotator_label.setText(f"Annotator: {name}" if name else "")

    def _update_undo_texts(self) -> None:
        if self.workbench is None or self.keymap is None:
            return
        stack = self.workbench.controller.undo_stack
        if not shiboken6.isValid(stack):  # the stack emits indexChanged while it is destroyed at shutdown
            return
        for key, can, text in (("edit.undo", stack.canUndo(), stack.undoText()),
                               ("edit.redo", stack.canRedo(), stack.redoText())):
            action = self.keymap[key]
            base = "&Undo" if key == "edit.undo" else "&Redo"
            action.setText(f"{base} {text}" if can and text else base)
            action.setEnabled(can)

    # -- handlers --------------------------------------------------------------------------------------

    def _step(self, delta: int) -> None:
        if self.workbench is not None:
            doc_id = self.workbench.documents.step(delta)
            if doc_id is not None:
                self.workbench.controller.open_document(doc_id)

    def _focus_search(self) -> None:
        if self.workbench is not None:
            self.workbench.documents.search.setFocus()
            self.workbench.documents.search.selectAll()

    def _zoom(self, delta: int) -> None:
        if self.workbench is not None:
            self.workbench.zoom(delta)

    def show_shortcuts(self) -> ShortcutOverlay:
        assert self.keymap is not None
        overlay = ShortcutOverlay(self.keymap, self)
        overlay.open()
        return overlay

    # -- import / export -------------------------------------------------------------------------------

    def _need_project(self, what: str) -> bool:
        if self.store is None:
            QMessageBox.information(self, what, "Open or create a project first.")
            return False
        return True

    def import_files(self) -> None:
        if self._need_project("Import"):
            self.import_paths(files.choose_import_files(self))

    def import_folder(self) -> None:
        if self._need_project("Import"):
            self.import_paths(files.choose_import_folder(self))

    def import_paths(self, paths: list[str]) -> None:
        if not paths or self.store is None:
            return
        self.jobs.start("Import", self.store.path, files.import_job(paths), self._imported)

    def _imported(self, report: Any) -> None:
        if self.workbench is not None:
            self.workbench.signals.notify("documents")
            if self.workbench.controller.doc is None:
                self.workbench.controller.open_document(self.store.next_document(None) if self.store else None)
        files.show_report(self, "Import", report)

    def export(self) -> None:
        if not self._need_project("Export") or self.store is None:
            return
        options = files.ask_export(self, self.store.path)
        if options is not None:
            self.jobs.start("Export", self.store.path, files.export_job(options),
                            lambda report: files.show_report(self, "Export", report))

    def dragEnterEvent(self, e: QDragEnterEvent) -> None:
        if e.mimeData().hasUrls() and self.store is not None:
            e.acceptProposedAction()

    def dropEvent(self, e: QDropEvent) -> None:
        paths = [url.toLocalFile() for url in e.mimeData().urls() if url.isLocalFile()]
        if paths:
            e.acceptProposedAction()
            self.import_paths(paths)

    # -- closing ---------------------------------------------------------------------------------------

    def _save_layout(self) -> None:
        s = settings.settings()
        s.setValue(settings.K_GEOMETRY, self.saveGeometry())
        self.insights.save_state()
        if self.workbench is not None:
            s.setValue(settings.K_SPLIT_MAIN, self.workbench.saveState())
            s.setValue(settings.K_SPLIT_SIDE, self.workbench.side.saveState())

    def closeEvent(self, e: QCloseEvent) -> None:
        if self.jobs.busy and self.jobs.worker is not None:
            self.jobs.worker.cancel()
            self.jobs.worker.wait(5000)
        if self.workbench is None:  # otherwise close_project saves it
            self._save_layout()
        self.close_project()
        super().closeEvent(e)

