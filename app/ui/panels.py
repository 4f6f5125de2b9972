"""The widgets around the article: document list with filters, label bar, side panel."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QSplitter,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from app.core.scheme import Scheme
from app.core.types import Status
from app.ui.models import ID_ROLE, STATUS_TEXT, DocumentListModel, RelationListModel, SpanTableModel


def heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("heading")
    return label


class DocumentPanel(QWidget):
    """Search box, status and label filters, and the lazily loaded document list."""

    documentActivated = Signal(int)

    def __init__(self, model: DocumentListModel, scheme: Scheme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.search = QLineEdit(placeholderText="Search titles and text…", clearButtonEnabled=True)
        self.search.setObjectName("search")
        self.status = QComboBox()
        self.status.addItem("All statuses", None)
        for status in Status:
            self.status.addItem(STATUS_TEXT[status], status)
        self.label = QComboBox()
        self.label.addItem("All labels", None)
        for label in scheme.labels:
            self.label.addItem(f"with {label.name}", label.name)
        self.view = QTreeView()
        self.view.setObjectName("documentList")
        self.view.setRootIsDecorated(False)
        self.view.setUniformRowHeights(True)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setModel(model)
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # fixed widths: ResizeToContents would ask every loaded row for its size (slow on 100,000 documents)
        metrics = self.view.fontMetrics()
        for column, sample in ((1, "in progress"), (2, "A9 C9 F9 +9")):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.view.setColumnWidth(column, metrics.horizontalAdvance(sample) + 24)
        self.count = QLabel()
        self.count.setObjectName("muted")
        filters = QHBoxLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        filters.addWidget(self.status, 1)
        filters.addWidget(self.label, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 0, 6)
        layout.addWidget(heading("Documents"))
        layout.addWidget(self.search)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.count)
        self._debounce = QTimer(self, singleShot=True, interval=250)
        self._debounce.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.search.returnPressed.connect(self.apply_filters)
        self.status.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self.label.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self.view.activated.connect(self._activated)
        self.view.clicked.connect(self._activated)
        model.modelReset.connect(self._update_count)
        model.rowsInserted.connect(self._update_count)
        self._update_count()

    def apply_filters(self) -> None:
        self._debounce.stop()
        self.model.set_filters(self.status.currentData(), self.label.currentData(), self.search.text())
        self.select(self.model.current_id, load=False)

    def _activated(self, index: QModelIndex) -> None:
        doc_id = index.data(ID_ROLE)
        if doc_id is not None:
            self.documentActivated.emit(int(doc_id))

    def select(self, doc_id: int | None, load: bool = True) -> None:
        self.model.set_current(doc_id)
        row = self.model.row_of(doc_id, load=load) if doc_id is not None else None
        if row is None:
            self.view.clearSelection()
            return
        index = self.model.index(row, 0)
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)

    def step(self, delta: int) -> int | None:
        row = self.view.currentIndex().row() + delta
        while row >= self.model.rowCount() and self.model.canFetchMore():
            self.model.fetchMore()
        return self.model.doc_id(row) if row >= 0 else None

    def _update_count(self) -> None:
        shown, total = self.model.rowCount(), self.model.total
        self.count.setText(f"{total:,} documents" + (f" ({shown:,} loaded)" if shown < total else ""))


class LabelBar(QWidget):
    """One button per label action (coloured by the scheme) and one per relation action."""

    def __init__(self, scheme: Scheme, actions: dict[str, QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("labelBar")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setSpacing(6)
        for label in scheme.labels:
            button = QToolButton()
            button.setDefaultAction(actions[f"label:{label.name}"])
            button.setText(f"{label.hotkey}  {label.name}" if label.hotkey else label.name)
            button.setObjectName("labelButton")
            colour = QColor(label.colour)
            button.setStyleSheet(
                f"QToolButton#labelButton {{ border-left: 5px solid {colour.name()}; }}"
            )
            layout.addWidget(button)
        for rel in scheme.relations:
            button = QToolButton()
            button.setDefaultAction(actions[f"relation:{rel.name}"])
            button.setText(f"{rel.hotkey.upper()}  {rel.name} ({rel.head} → {rel.child})")
            button.setObjectName("relationButton")
            layout.addWidget(button)
        layout.addStretch(1)
        self.hint = QLabel()
        self.hint.setObjectName("muted")
        layout.addWidget(self.hint)


class SidePanel(QSplitter):
    """Spans of the current document (label, text, origin) above its relations."""

    spanActivated = Signal(int)
    relationSelected = Signal(object)  # relation id or None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Vertical, parent)
        self.spans = SpanTableModel(self)
        self.relations = RelationListModel(self)
        self.span_view = QTreeView()
        self.span_view.setObjectName("spanList")
        self.span_view.setRootIsDecorated(False)
        self.span_view.setUniformRowHeights(True)
        self.span_view.setModel(self.spans)
        self.span_view.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.span_view.header().setStretchLastSection(False)
        self.span_view.setColumnWidth(0, 90)
        self.relation_view = QListView()
        self.relation_view.setObjectName("relationList")
        self.relation_view.setModel(self.relations)
        self.relation_view.setWordWrap(True)
        self.relation_view.setResizeMode(QListView.ResizeMode.Adjust)
        self.relation_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        top, bottom = QWidget(), QWidget()
        for box, title, view in ((top, "Spans", self.span_view), (bottom, "Relations", self.relation_view)):
            layout = QVBoxLayout(box)
            layout.setContentsMargins(0, 6, 6, 6)
            layout.addWidget(heading(title))
            layout.addWidget(view)
        self.span_title = top.findChild(QLabel)
        self.relation_title = bottom.findChild(QLabel)
        self.addWidget(top)
        self.addWidget(bottom)
        self.setStretchFactor(0, 3)
        self.setStretchFactor(1, 1)
        self.span_view.clicked.connect(self._span_clicked)
        self.span_view.activated.connect(self._span_clicked)
        self.relation_view.clicked.connect(self._relation_clicked)

    def _span_clicked(self, index: QModelIndex) -> None:
        span_id = index.data(ID_ROLE)
        if span_id is not None:
            self.spanActivated.emit(int(span_id))

    def _relation_clicked(self, index: QModelIndex) -> None:
        self.relationSelected.emit(index.data(ID_ROLE))

    def show_span(self, span_id: int | None) -> None:
        row = self.spans.row_of(span_id) if span_id is not None else None
        if row is None:
            self.span_view.clearSelection()
            return
        index = self.spans.index(row, 0)
        self.span_view.setCurrentIndex(index)
        self.span_view.scrollTo(index)
