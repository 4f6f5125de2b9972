"""The annotation workbench for one open project: document list | label bar + article | spans and relations."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QFont
from PySide6.QtWidgets import QLabel, QMenu, QSplitter, QVBoxLayout, QWidget

from app.core.scheme import RelationLabel
from app.core.store import Store
from app.core.types import Span, SpanState
from app.ui import settings
from app.ui.controller import Controller
from app.ui.models import STATUS_TEXT, DocumentListModel, short
from app.ui.panels import DocumentPanel, LabelBar, SidePanel
from app.ui.signals import StoreSignals
from app.ui.textview import AnnotatedTextView

DEFAULT_FONT_SIZE = 12


class Workbench(QSplitter):
    def __init__(self, store: Store, actions: dict[str, QAction], parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setObjectName("workbench")
        self.store = store
        self.signals = StoreSignals(store, self)
        self.view = AnnotatedTextView()
        self.controller = Controller(store, self.signals, self.view, parent=self)
        self.doc_model = DocumentListModel(store, self.signals, self)
        self.documents = DocumentPanel(self.doc_model, store.scheme)
        self.label_bar = LabelBar(store.scheme, actions)
        self.header = QLabel()
        self.header.setObjectName("docHeader")
        self.header.setWordWrap(True)
        self.side = SidePanel()
        centre = QWidget()
        centre.setObjectName("centre")
        layout = QVBoxLayout(centre)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.label_bar)
        layout.addWidget(self.header)
        layout.addWidget(self.view, 1)
        self.addWidget(self.documents)
        self.addWidget(centre)
        self.addWidget(self.side)
        self.setStretchFactor(0, 0)
        self.setStretchFactor(1, 1)
        self.setStretchFactor(2, 0)
        self.setSizes([300, 760, 340])
        self.set_font_size(settings.font_size(DEFAULT_FONT_SIZE))

        c = self.controller
        c.documentOpened.connect(self._document_opened)
        c.spansChanged.connect(self._spans_changed)
        # the side panel follows on the next event-loop turn, coalesced, so the text is painted first
        self._side_timer = QTimer(self, singleShot=True, interval=0)
        self._side_timer.timeout.connect(self._refresh_side)
        self._side_dirty = False
        c.selectionChanged.connect(self._side_timer.start)
        c.pickChild.connect(self._pick_child)
        self.signals.changed.connect(self._store_changed)
        self.documents.documentActivated.connect(c.open_document)
        self.side.spanActivated.connect(self._span_activated)
        self.side.relationSelected.connect(c.select_relation)
        self.doc_model.modelReset.connect(lambda: self.documents.select(c.doc_id, load=False))

    # -- reactions -------------------------------------------------------------------------------------

    def _document_opened(self, doc_id: int) -> None:
        self.documents.select(None if doc_id < 0 else doc_id)
        self._update_header()
        if doc_id >= 0:
            settings.set_last_document(self.store.path, doc_id)
        self.view.setFocus()

    def _update_header(self) -> None:
        doc = self.controller.doc
        if doc is None:
            self.header.setText("No document open. Import articles with File ▸ Import, or drop files here.")
            return
        title = html.escape(doc.title or f"Document {doc.id}", quote=False)
        extra = " · ".join(x for x in (doc.source, doc.published, STATUS_TEXT.get(doc.status, doc.status)) if x)
        self.header.setText(f"<b>{title}</b><br><span style='color:gray'>#{doc.id} · "
                            f"{html.escape(extra, quote=False)}</span>")

    def _spans_changed(self) -> None:
        self._side_dirty = True
        self._side_timer.start()

    def _refresh_side(self) -> None:
        if self._side_dirty:
            self._side_dirty = False
            self._fill_side()
        self.side.show_span(self.controller.selected_span)

    def _fill_side(self) -> None:
        c = self.controller
        text = c.doc.text if c.doc else ""
        self.side.spans.set_spans(c.spans, text, self.store.scheme)
        rows = [(rel, c.describe_relation_ids(rel.head_id, rel.child_id)) for rel in c.relations]
        self.side.relations.set_relations(rows)
        accepted = sum(1 for s in c.spans if s.state == SpanState.ACCEPTED)
        pending = len(c.spans) - accepted
        self.side.span_title.setText(f"Spans ({accepted}" + (f", {pending} suggested)" if pending else ")"))
        self.side.relation_title.setText(f"Relations ({len(rows)})")

    def _store_changed(self, kind: str, doc_ids: frozenset[int]) -> None:
        if kind == "status" and self.controller.doc_id in doc_ids:
            self._update_header()

    def _span_activated(self, span_id: int) -> None:
        span = self.controller.spans_by_id.get(span_id)
        if span is not None:
            self.controller.select_span(span_id)
            self.view.scroll_to_cp(span.start)

    def _pick_child(self, rel: RelationLabel, candidates: list[Span]) -> None:
        c = self.controller
        if not candidates:
            c.message.emit(f"This document has no {rel.child} spans yet")
            return
        menu = QMenu(self)
        text = c.doc.text if c.doc else ""
        for span in candidates:
            action = menu.addAction(short(span.text_in(text), 40))
            action.setData(span.id)
        cursor_rect = self.view.cursorRect()
        chosen = menu.exec(self.view.viewport().mapToGlobal(cursor_rect.bottomLeft()))
        if chosen is not None:
            c.relate_to(int(chosen.data()))
        else:
            c.deselect()

    # -- view settings ---------------------------------------------------------------------------------

    def set_font_size(self, size: int) -> None:
        size = max(7, min(40, size))
        font = QFont(self.view.font())
        font.setPointSize(size)
        self.view.setFont(font)
        self.font_size = size
        settings.set_font_size(size)

    def zoom(self, delta: int) -> None:
        self.set_font_size(self.font_size + delta)

    def close(self) -> bool:  # type: ignore[override]
        self.controller.undo_stack.blockSignals(True)
        self.controller.undo_stack.clear()
        self.signals.detach()
        return super().close()
