"""The project-wide views of the main window: the figure ledger, the actor index and the statistics panel as
tabbed docks at the bottom, and the figure form in the side panel. `attach(workbench)` binds them to an open
project, `detach()` unbinds them; the window's keymap actions (View menu) show and hide the docks."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QObject, Qt
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QWidget

from app.ui import settings
from app.ui.actors_view import ActorsView
from app.ui.charts import StatisticsView
from app.ui.figure_form import FigureForm
from app.ui.figure_warmup import start_warm_up
from app.ui.ledger_view import LedgerView
from app.ui.workbench import Workbench

K_DOCKS = "window/docks"
DOCKS = (("ledger", "Figure ledger"), ("actors", "Actor index"), ("statistics", "Statistics"))


def _placeholder(what: str) -> QLabel:
    label = QLabel(f"Open a project to see its {what}.")
    label.setObjectName("muted")
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return label


class Insights(QObject):
    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.workbench: Workbench | None = None
        self.ledger: LedgerView | None = None
        self.actors: ActorsView | None = None
        self.statistics: StatisticsView | None = None
        self.form: FigureForm | None = None
        self.docks: dict[str, QDockWidget] = {}
        for name, title in DOCKS:
            dock = QDockWidget(title, window)
            dock.setObjectName(f"{name}Dock")
            dock.setWidget(_placeholder(title.lower()))
            window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
            dock.hide()
            self.docks[name] = dock
        window.tabifyDockWidget(self.docks["ledger"], self.docks["actors"])
        window.tabifyDockWidget(self.docks["actors"], self.docks["statistics"])

    # -- binding to a project --------------------------------------------------------------------------

    def attach(self, wb: Workbench) -> None:
        self.detach()
        self.workbench = wb
        store, c = wb.store, wb.controller
        self.ledger = LedgerView(store)
        self.actors = ActorsView(store, c.undo_stack, lambda kind: wb.signals.notify(kind))
        self.statistics = StatisticsView(store)
        for view in (self.ledger, self.actors, self.statistics):
            wb.signals.changed.connect(view.on_store_changed)
        self.ledger.figureActivated.connect(self.open_figure)
        self.ledger.message.connect(c.message)
        self.actors.message.connect(c.message)
        self.docks["ledger"].setWidget(self.ledger)
        self.docks["actors"].setWidget(self.actors)
        self.docks["statistics"].setWidget(self.statistics)
        self.form = FigureForm(c)
        box = wb.side.span_view.parentWidget().layout()  # under the span list, in the same pane
        box.addWidget(self.form)
        c.selectionChanged.connect(self._follow_selection)
        start_warm_up(store.path)

    def detach(self) -> None:
        if self.actors is not None:
            self.actors.shutdown()
        for name, title in DOCKS:
            old = self.docks[name].widget()
            self.docks[name].setWidget(_placeholder(title.lower()))
            if old is not None:
                old.deleteLater()
        self.ledger = self.actors = self.statistics = self.form = None
        self.workbench = None

    # -- the docks -------------------------------------------------------------------------------------

    def toggle(self, name: str) -> None:
        """Show and raise a dock (focusing its content); if it is already in front, hide it."""
        dock = self.docks[name]
        in_front = dock.isVisible() and not dock.visibleRegion().isEmpty()
        if in_front:
            dock.hide()
            return
        dock.show()
        dock.raise_()
        if dock.height() < 240:  # first time shown: give it a useful share of the window
            self.window.resizeDocks([dock], [int(self.window.height() * 0.42)], Qt.Orientation.Vertical)
        content = dock.widget()
        target: QWidget | None = getattr(content, "view", None) or getattr(content, "actor_view", None)
        (target or content).setFocus()

    def save_state(self) -> None:
        settings.settings().setValue(K_DOCKS, self.window.saveState())

    def restore_state(self) -> None:
        state = settings.settings().value(K_DOCKS)
        if isinstance(state, QByteArray):
            self.window.restoreState(state)

    # -- actions ---------------------------------------------------------------------------------------

    def open_figure(self, doc_id: int, span_id: int) -> None:
        """Open the article of a figure with the span selected and scrolled into view."""
        wb = self.workbench
        if wb is None:
            return
        c = wb.controller
        c.focus_document(doc_id)
        span = c.spans_by_id.get(span_id)
        if span is None:
            c.message.emit("That figure is no longer in its article")
            return
        c.select_span(span_id)
        wb.view.scroll_to_cp(span.start)

    def _follow_selection(self) -> None:
        """The ledger highlights the figure selected in the article (while it is shown)."""
        wb, ledger = self.workbench, self.ledger
        if wb is None or ledger is None or not ledger.isVisible():
            return
        span = wb.controller.selected()
        if span is not None and span.label == "FIGURE":
            ledger.show_span(span.id)

    def export_ledger(self) -> None:
        if self.ledger is None:
            return
        self.ledger.choose_export()

    def edit_figure(self) -> None:
        if self.form is not None:
            self.form.focus_value()

    def propose_aliases(self) -> None:
        if self.actors is not None:
            if not self.docks["actors"].isVisible():
                self.toggle("actors")
            self.actors.run_propose()
