"""Qt models over the store. The document list loads lazily (canFetchMore/fetchMore, pages of 200 through
store.list_documents/count_documents); span and relation lists also hand out rows in pages."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

from app.core.scheme import Scheme
from app.core.store import Store
from app.core.types import DocumentSummary, Relation, Span, SpanState, Status
from app.ui.signals import StoreSignals

PAGE = 200
ID_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()

STATUS_TEXT = {Status.TODO: "to do", Status.IN_PROGRESS: "in progress", Status.DONE: "done",
               Status.SKIPPED: "skipped"}
STATUS_COLOUR = {Status.TODO: "#9c9c9c", Status.IN_PROGRESS: "#edc948", Status.DONE: "#59a14f",
                 Status.SKIPPED: "#b07aa1"}


def muted_colour() -> QColor:
    """The palette's disabled text colour: done documents, pending suggestions, missing values."""
    return QApplication.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)


def short(text: str, limit: int = 48) -> str:
    """`text` on one line, cut to `limit` characters with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


class ColumnsModel(QAbstractTableModel):
    """A flat table whose header is its COLUMNS."""

    COLUMNS: tuple[str, ...] = ()

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
        if horizontal and 0 <= section < len(self.COLUMNS):
            return self.COLUMNS[section]
        return None


class DocumentListModel(ColumnsModel):
    COLUMNS = ("Title", "Status", "Spans")

    def __init__(self, store: Store, signals: StoreSignals | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.status: Status | None = None
        self.label: str | None = None
        self.search: str | None = None
        self.current_id: int | None = None
        self._total = store.count_documents()
        self._rows: list[DocumentSummary] = store.list_documents(0, PAGE)
        self._row_of: dict[int, int] = {d.id: i for i, d in enumerate(self._rows)}
        self._bold = QFont()
        self._bold.setBold(True)
        if signals is not None:
            signals.changed.connect(self._on_changed)

    # -- filters and loading ---------------------------------------------------------------------------

    @property
    def total(self) -> int:
        return self._total

    @property
    def filtered(self) -> bool:
        return self.status is not None or bool(self.label) or bool(self.search and self.search.strip())

    def set_filters(self, status: Status | None = None, label: str | None = None, search: str | None = None) -> None:
        self.status, self.label, self.search = status, label or None, search or None
        self.reload()

    def reload(self, keep: int = 0) -> None:
        """Reset and load the first page (or `keep` rows, to stay where the view was)."""
        self.beginResetModel()
        self._total = self.store.count_documents(self.status, self.label, self.search)
        self._rows = self.store.list_documents(0, max(PAGE, keep), self.status, self.label, self.search)
        self._row_of = {d.id: i for i, d in enumerate(self._rows)}
        self.endResetModel()

    def canFetchMore(self, parent: Index = _ROOT) -> bool:
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: Index = _ROOT) -> None:
        self._fetch(PAGE)

    def _fetch(self, n: int) -> None:
        page = self.store.list_documents(len(self._rows), n, self.status, self.label, self.search)
        if not page:
            self._total = len(self._rows)
            return
        first = len(self._rows)
        self.beginInsertRows(_ROOT, first, first + len(page) - 1)
        self._rows.extend(page)
        self._row_of.update((d.id, first + i) for i, d in enumerate(page))
        self.endInsertRows()

    def row_of(self, doc_id: int, load: bool = True) -> int | None:
        """The row of a document, loading pages up to it when the list is unfiltered."""
        if doc_id in self._row_of or not load:
            return self._row_of.get(doc_id)
        if not self.filtered:
            row = self.store.document_row(doc_id)
            if len(self._rows) <= row < self._total:
                self._fetch(row - len(self._rows) + PAGE)
        return self._row_of.get(doc_id)

    def doc_id(self, row: int) -> int | None:
        return self._rows[row].id if 0 <= row < len(self._rows) else None

    def summary(self, row: int) -> DocumentSummary:
        return self._rows[row]

    def set_current(self, doc_id: int | None) -> None:
        old, self.current_id = self.current_id, doc_id
        for d in (old, doc_id):
            row = self._row_of.get(d) if d is not None else None
            if row is not None:
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))

    def _on_changed(self, kind: str, doc_ids: frozenset[int]) -> None:
        if kind in ("actors", "figures"):  # names and figure values: not shown in the list
            return
        if kind == "documents" or (kind == "status" and self.status is not None) or (
            kind == "spans" and self.label
        ) or not doc_ids:
            if kind != "relations":
                self.reload(keep=len(self._rows))
            return
        if kind in ("spans", "status"):
            loaded = [d for d in doc_ids if d in self._row_of]
            for summary in self.store.document_summaries(loaded):
                row = self._row_of[summary.id]
                self._rows[row] = summary
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))

    # -- model API -------------------------------------------------------------------------------------

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        d = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return d.title or f"Document {d.id}"
            if col == 1:
                return STATUS_TEXT.get(d.status, str(d.status))
            if col == 2:
                text = " ".join(f"{label[:1]}{n}" for label, n in sorted(d.span_counts.items()))
                return text + (f" +{d.pending}?" if d.pending else "")
        elif role == Qt.ItemDataRole.ToolTipRole:
            counts = ", ".join(f"{label} {n}" for label, n in sorted(d.span_counts.items())) or "no spans"
            pending = f", {d.pending} suggestions" if d.pending else ""
            return f"{d.title or 'Document'} (#{d.id}, {d.source or 'no source'})\n{counts}{pending}"
        elif role == Qt.ItemDataRole.DecorationRole and col == 1:
            return QColor(STATUS_COLOUR.get(d.status, "#9c9c9c"))
        elif role == Qt.ItemDataRole.FontRole and d.id == self.current_id:
            return self._bold
        elif role == Qt.ItemDataRole.ForegroundRole and d.status in (Status.DONE, Status.SKIPPED) and col == 0:
            return muted_colour()
        elif role == ID_ROLE:
            return d.id
        return None


class SpanTableModel(ColumnsModel):
    """The current document's spans: label, text, origin. Rows are handed to the view in pages."""

    COLUMNS = ("Label", "Text", "Origin")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._spans: list[Span] = []
        self._shown = 0
        self._text = ""
        self._scheme: Scheme | None = None

    def set_spans(self, spans: list[Span], text: str, scheme: Scheme | None) -> None:
        self.beginResetModel()
        self._spans, self._text, self._scheme = list(spans), text, scheme
        self._shown = min(PAGE, len(self._spans))
        self.endResetModel()

    def canFetchMore(self, parent: Index = _ROOT) -> bool:
        return not parent.isValid() and self._shown < len(self._spans)

    def fetchMore(self, parent: Index = _ROOT) -> None:
        n = min(PAGE, len(self._spans) - self._shown)
        if n <= 0:
            return
        self.beginInsertRows(_ROOT, self._shown, self._shown + n - 1)
        self._shown += n
        self.endInsertRows()

    def row_of(self, span_id: int) -> int | None:
        for i, s in enumerate(self._spans):
            if s.id == span_id:
                while i >= self._shown:
                    self.fetchMore()
                return i
        return None

    def span_at(self, row: int) -> Span | None:
        return self._spans[row] if 0 <= row < self._shown else None

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else self._shown

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self._shown:
            return None
        s = self._spans[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return s.label + ("?" if s.state == SpanState.PENDING else "")
            if col == 1:
                snippet = " ".join(self._text[s.start : s.end].split())
                return snippet if len(snippet) <= 90 else snippet[:89] + "…"
            if col == 2:  # a model's spans show its score: "model 0.85"
                return str(s.origin) + (f" {s.score:.2f}" if s.score is not None else "")
        elif role == Qt.ItemDataRole.DecorationRole and col == 0:
            return QColor(self._scheme.label(s.label).colour) if self._scheme else None
        elif role == Qt.ItemDataRole.ToolTipRole:
            score = f", score {s.score:.2f}" if s.score is not None else ""
            return f"{s.label} {s.start}-{s.end} ({s.origin}, {s.state}{score})"
        elif role == Qt.ItemDataRole.ForegroundRole and s.state == SpanState.PENDING:
            return muted_colour()
        elif role == ID_ROLE:
            return s.id
        return None


class RelationListModel(QAbstractListModel):
    """Relations of the current document as "Zelensky → 'Russia had to pull almost 60,000 troops…'"."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[Relation, str]] = []

    def set_relations(self, rows: list[tuple[Relation, str]]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        rel, text = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return text
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{rel.label}: {text}"
        if role == ID_ROLE:
            return rel.id
        return None
