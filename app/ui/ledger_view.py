"""The figure ledger view: every FIGURE of the project grouped by what it measures, disagreements flagged,
sources side by side. Clicking (or Enter on) a figure opens its article at that span; Export writes the CSV.

It rebuilds from the core's `build_ledger` after store changes, debounced, and only while it is visible
(a hidden ledger just remembers that it is out of date)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDoubleSpinBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from app.core.ledger import DEFAULT_TOLERANCE, build_ledger, write_ledger_csv
from app.core.store import Store
from app.ui.insight_models import DOC_ROLE, KEY_ROLE, LedgerModel
from app.ui.lazy_refresh import RefreshWhenShown
from app.ui.models import ID_ROLE

REFRESH_KINDS = frozenset({"spans", "figures", "relations", "actors", "documents", "scheme"})
_WIDTHS = (300, 160, 130, 180, 220, 120, 90)


class LedgerView(RefreshWhenShown, QWidget):
    figureActivated = Signal(int, int)  # doc id, span id
    message = Signal(str)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ledgerView")
        self.store = store
        self.model = LedgerModel(self)
        self.search = QLineEdit(placeholderText="Filter figures, actors, articles…", clearButtonEnabled=True)
        self.search.setObjectName("ledgerSearch")
        self.conflicts_only = QCheckBox("Conflicts only")
        self.suggestions = QCheckBox("Include suggestions")
        self.tolerance = QDoubleSpinBox()
        self.tolerance.setObjectName("ledgerTolerance")
        self.tolerance.setRange(0, 100)
        self.tolerance.setDecimals(0)
        self.tolerance.setSuffix(" %")
        self.tolerance.setValue(DEFAULT_TOLERANCE * 100)
        self.tolerance.setToolTip("Two figures of a group conflict when they are further apart than this")
        self.export_button = QPushButton("Export CSV…")
        self.summary = QLabel()
        self.summary.setObjectName("muted")
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.search, 2)
        bar.addWidget(self.conflicts_only)
        bar.addWidget(self.suggestions)
        bar.addWidget(QLabel("Tolerance"))
        bar.addWidget(self.tolerance)
        bar.addWidget(self.summary, 3)
        bar.addWidget(self.export_button)
        self.view = QTreeView()
        self.view.setObjectName("ledgerTree")
        self.view.setModel(self.model)
        self.view.setUniformRowHeights(True)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setExpandsOnDoubleClick(False)
        header = self.view.header()
        header.setStretchLastSection(True)
        for column, width in enumerate(_WIDTHS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.view.setColumnWidth(column, width)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        self.init_refresh(REFRESH_KINDS, delay_ms=150)
        self._filter_timer = QTimer(self, singleShot=True, interval=200)
        self._filter_timer.timeout.connect(self._apply_filter)
        self.search.textChanged.connect(lambda _t: self._filter_timer.start())
        self.conflicts_only.toggled.connect(lambda _c: self._apply_filter())
        self.suggestions.toggled.connect(lambda _c: self.refresh())
        self.tolerance.valueChanged.connect(lambda _v: self._timer.start())
        self.export_button.clicked.connect(self.choose_export)
        self.view.clicked.connect(lambda index: self._activated(index, toggle=index.column() > 0))
        self.view.activated.connect(self._activated)

    # -- refreshing ------------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Rebuild the ledger from the store, keeping expanded groups and the current figure."""
        self._dirty = False
        expanded, current = self._view_state()
        first = self.model.ledger is None
        ledger = build_ledger(self.store, self.tolerance.value() / 100, self.suggestions.isChecked())
        self.model.set_ledger(ledger)
        self._restore(expanded, current, expand_all=first)
        rows = ledger.rows()
        for column, attr in ((5, "source"), (6, "published")):  # columns no figure fills stay out of the way
            self.view.setColumnHidden(column, not any(getattr(r, attr) for r in rows))
        self._update_summary()

    def _apply_filter(self) -> None:
        expanded, current = self._view_state()
        self.model.set_filter(self.search.text(), self.conflicts_only.isChecked())
        self._restore(expanded, current, expand_all=bool(self.search.text().strip()))
        self._update_summary()

    def _view_state(self) -> tuple[set[str], int | None]:
        expanded = {g.key for i, g in enumerate(self.model.groups) if self.view.isExpanded(self.model.index(i, 0))}
        return expanded, self.view.currentIndex().data(ID_ROLE)

    def _restore(self, expanded: set[str], current: int | None, expand_all: bool = False) -> None:
        for i, g in enumerate(self.model.groups):
            if expand_all or g.key in expanded:
                self.view.expand(self.model.index(i, 0))
        if current is not None:
            index = self.model.index_of_span(int(current))
            if index.isValid():
                self.view.setCurrentIndex(index)

    def _update_summary(self) -> None:
        ledger = self.model.ledger
        if ledger is None:
            self.summary.setText("")
            return
        total = sum(len(g.rows) for g in ledger.groups)
        clashes = sum(g.conflict for g in ledger.groups)
        shown = "" if self.model.figure_count == total else f"{self.model.figure_count} shown of "
        self.summary.setText(f"{shown}{total} figures in {len(ledger.groups)} groups · "
                             f"{clashes} with conflicting values")

    # -- acting ----------------------------------------------------------------------------------------

    def _activated(self, index: QModelIndex, toggle: bool = True) -> None:
        span_id, doc_id = index.data(ID_ROLE), index.data(DOC_ROLE)
        if span_id is not None and doc_id is not None:
            self.figureActivated.emit(int(doc_id), int(span_id))
        elif index.data(KEY_ROLE) is not None and toggle:
            first = self.model.index(index.row(), 0)
            self.view.setExpanded(first, not self.view.isExpanded(first))

    def show_span(self, span_id: int) -> bool:
        """Select the ledger row of a figure (the ledger follows the article's selection)."""
        index = self.model.index_of_span(span_id)
        if not index.isValid():
            return False
        self.view.expand(index.parent())
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        return True

    def choose_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Export the figure ledger", "ledger.csv", "CSV (*.csv)")
        if path:
            self.export_csv(Path(path))

    def export_csv(self, path: Path) -> int:
        if self._dirty or self.model.ledger is None:
            self.refresh()
        assert self.model.ledger is not None
        n = write_ledger_csv(self.model.ledger, path)
        self.message.emit(f"Ledger exported: {n} figures to {path}")
        return n
