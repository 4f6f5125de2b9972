"""What the actions do. The controller reads the current selection from the text view, decides, and pushes
QUndoCommands; it never changes the view directly after an edit: the store's change signal does that.

Status rule: a `todo` document becomes `in_progress` when its first span is added (in the same undo step),
not merely on opening, so browsing never changes statuses.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from app.core import tokens
from app.core.scheme import RelationLabel
from app.core.store import Store, StoreError
from app.core.types import Document, NewSpan, Origin, Relation, Span, SpanState, Status
from app.ui.commands import (
    AddRelationCommand,
    AddSpanCommand,
    AppliedBeforePush,
    DeleteRelationCommand,
    DeleteSpanCommand,
    SetStatesCommand,
    SetStatusCommand,
    UpdateSpanCommand,
    apply_and_push,
    step_back_or_forth,
)
from app.ui.figure_warmup import figure_attributes
from app.ui.models import short
from app.ui.signals import StoreSignals
from app.ui.textview import AnnotatedTextView, spans_covering


class Controller(QObject):
    documentOpened = Signal(int)
    spansChanged = Signal()
    selectionChanged = Signal()
    message = Signal(str)
    progressChanged = Signal(int, int)  # done, total
    pickChild = Signal(object, object)  # RelationLabel, list[Span]: ask the window for a popup list

    def __init__(
        self, store: Store, signals: StoreSignals, view: AnnotatedTextView,
        annotator: Callable[[], str | None] = lambda: None, parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.store, self.signals, self.view = store, signals, view
        self.annotator = annotator
        self.undo_stack = QUndoStack(self)
        self.doc: Document | None = None
        self.spans: list[Span] = []
        self.spans_by_id: dict[int, Span] = {}
        self.relations: list[Relation] = []
        self.selected_span: int | None = None
        self.selected_relation: int | None = None
        self.relating: RelationLabel | None = None
        view.set_scheme(store.scheme)
        view.clicked.connect(self.click_at)
        view.priority_active = self._edge_keys_active
        signals.changed.connect(self._on_store_changed)

    # -- documents -------------------------------------------------------------------------------------

    @property
    def doc_id(self) -> int | None:
        return self.doc.id if self.doc else None

    def open_document(self, doc_id: int | None) -> None:
        self.relating = None
        self.selected_span = self.selected_relation = None
        if doc_id is None:
            self.doc = None
            self.spans, self.spans_by_id, self.relations = [], {}, []
            self.view.set_document("", [])
        else:
            self.doc = self.store.get_document(doc_id)
            self._load_annotations()
            self.view.set_document(self.doc.text, self.spans)
        self.view.set_selected_span(None)
        self.documentOpened.emit(-1 if doc_id is None else doc_id)
        self.spansChanged.emit()
        self.selectionChanged.emit()

    def focus_document(self, doc_id: int) -> None:
        if self.doc_id != doc_id:
            self.open_document(doc_id)

    def _load_annotations(self) -> None:
        assert self.doc is not None
        self.spans = self.store.spans_for(self.doc.id)
        self.spans_by_id = {s.id: s for s in self.spans}
        self.relations = self.store.relations_for(self.doc.id)

    def _on_store_changed(self, kind: str, doc_ids: frozenset[int]) -> None:
        if self.doc is None:
            if kind in ("documents", "status"):
                self.emit_progress()
            return
        mine = not doc_ids or self.doc.id in doc_ids
        if kind in ("spans", "relations") and mine:
            self._load_annotations()
            if self.selected_span not in self.spans_by_id:
                self.selected_span = None
            ids = {r.id for r in self.relations}
            if self.selected_relation not in ids:
                self.selected_relation = None
            if kind == "spans":
                self.view.set_spans(self.spans)
            self.view.set_selected_span(self.selected_span)
            self.spansChanged.emit()
        elif kind == "status" and mine:
            self.doc = self.store.get_document(self.doc.id)
        elif kind == "scheme":
            self.view.set_scheme(self.store.scheme)
            self.view.set_spans(self.spans)
        if kind in ("documents", "status"):
            self.emit_progress()

    def emit_progress(self) -> None:
        self.progressChanged.emit(self.store.count_documents(Status.DONE), self.store.count_documents())

    # -- selection -------------------------------------------------------------------------------------

    def select_span(self, span_id: int | None) -> None:
        self.selected_span = span_id
        self.view.set_selected_span(span_id)
        self.selectionChanged.emit()

    def select_relation(self, rel_id: int | None) -> None:
        self.selected_relation = rel_id

    def selected(self) -> Span | None:
        if self.selected_span is None:
            return None
        return self.spans_by_id.get(self.selected_span) or self._fresh(self.selected_span)

    def _fresh(self, span_id: int) -> Span | None:
        try:
            return self.store.get_span(span_id)
        except StoreError:
            return None

    def _edge_keys_active(self) -> bool:
        return self.selected_span is not None and not self.view.textCursor().hasSelection()

    def spans_at(self, cp: int) -> list[Span]:
        """Spans covering code point `cp`, innermost first."""
        return spans_covering(self.spans, cp)

    def click_at(self, cp: int) -> None:
        hits = self.spans_at(cp)
        if self.relating is not None:
            children = [s for s in hits if s.label == self.relating.child]
            if children:
                self.relate_to(children[0].id)
            else:
                self.message.emit(f"Click a {self.relating.child} span (Esc cancels)")
            return
        if not hits:
            self.select_span(None)
            return
        ids = [s.id for s in hits]
        if self.selected_span in ids:  # clicking again cycles outward through nested spans
            ids = ids[ids.index(self.selected_span) + 1 :] + ids[: ids.index(self.selected_span) + 1]
        self.select_span(ids[0])

    def deselect(self) -> None:
        if self.relating is not None:
            self.relating = None
            self.message.emit("Linking cancelled")
            return
        self.view.clear_selection()
        self.select_span(None)

    # -- edits -----------------------------------------------------------------------------------------

    def push(self, *commands: AppliedBeforePush, text: str = "") -> bool:
        """Apply one command, or several as one undo step (a macro titled `text`), and push them. A StoreError
        becomes a message; the commands of the step already applied are undone, and nothing is pushed."""
        try:
            apply_and_push(self.undo_stack, commands, text)
        except StoreError as exc:
            self.message.emit(str(exc))
            return False
        return True

    def tag(self, label: str, exact: bool = False) -> None:
        """Hotkey of `label`: tag the selected text, or relabel the selected span."""
        if self.doc is None:
            return
        selection = self.view.selection_cp()
        if selection is None:
            self.relabel(label)
            return
        start, end = selection
        if exact or self.view.selection_exact:
            start, end = tokens.trim_whitespace(self.doc.text, start, end)
        else:
            start, end = tokens.snap_to_tokens(self.doc.text, start, end)
        if start >= end:
            self.message.emit("Nothing to tag: the selection is only whitespace")
            return
        existing = self.store.find_span(self.doc.id, start, end, label)
        self.view.clear_selection()
        if existing is not None and existing.state != SpanState.REJECTED:
            self.select_span(existing.id)
            if existing.state == SpanState.PENDING:
                self.accept_selected()
            else:
                self.message.emit(f"Already tagged as {label}")
            return
        if existing is not None:  # a remembered refusal: tagging by hand accepts it
            self.push(UpdateSpanCommand(self, self.doc.id, existing.id, {
                "state": SpanState.ACCEPTED, "origin": Origin.MANUAL,
                "attributes": figure_attributes(label, self.doc.text, start, end, existing.attributes),
            }, f"Tag {label}"))
            return
        new = NewSpan(start, end, label, annotator=self.annotator() or None,
                      attributes=figure_attributes(label, self.doc.text, start, end))
        title = f"Tag {label} '{short(self.doc.text[start:end], 24)}'"
        commands: list[object] = [AddSpanCommand(self, self.doc.id, new, title)]
        if self.doc.status == Status.TODO:
            commands.append(SetStatusCommand(self, self.doc.id, Status.IN_PROGRESS, "Start", focus=False))
        self.push(*commands, text=title)

    def relabel(self, label: str) -> None:
        span = self.selected()
        if span is None or self.doc is None:
            self.message.emit("Select some text (or click a span) first")
            return
        changes: dict[str, object] = {}
        if span.label != label:
            if self.store.find_span(span.doc_id, span.start, span.end, label) is not None:
                self.message.emit(f"A {label} span with these edges already exists")
                return
            changes["label"] = label
            if label == "FIGURE":  # normalised value, unit, qualifier in the same undo step
                changes["attributes"] = figure_attributes(label, self.doc.text, span.start, span.end,
                                                         span.attributes)
            if span.origin in (Origin.MODEL, Origin.PATTERN):
                changes["origin"] = Origin.MODEL_EDITED
        if span.state == SpanState.PENDING:
            changes["state"] = SpanState.ACCEPTED
        if not changes:
            return
        self.push(UpdateSpanCommand(self, span.doc_id, span.id, changes, f"Relabel as {label}"))

    # -- reviewing suggestions -------------------------------------------------------------------------

    def target_suggestion(self) -> Span | None:
        """The selected span if it is a suggestion; with no span selected, the innermost one at the text cursor."""
        span = self.selected()
        if span is not None:
            return span if span.state == SpanState.PENDING else None
        cursor = self.view.textCursor()
        if self.doc is None or cursor.hasSelection():
            return None
        cp = self.view.omap.from_widget(cursor.position())
        return next((s for s in self.spans_at(cp) if s.state == SpanState.PENDING), None)

    def _review(self, state: SpanState, verb: str) -> None:
        span = self.target_suggestion()
        if span is None:
            self.message.emit(f"Select a suggestion (pale span) to {verb.lower()} it")
            return
        after = [s for s in self.spans if s.state == SpanState.PENDING and s.id != span.id
                 and (s.start, -s.end) > (span.start, -span.end)]
        if self.push(UpdateSpanCommand(self, span.doc_id, span.id, {"state": state}, f"{verb} {span.label}")):
            self.select_span(after[0].id if after else None)  # keyboard flow: A / X go on to the next one
            if after:
                self.view.scroll_to_cp(after[0].start)

    def accept_selected(self) -> None:
        self._review(SpanState.ACCEPTED, "Accept")

    def reject_selected(self) -> None:
        self._review(SpanState.REJECTED, "Reject")

    def accept_all(self) -> None:
        """Accept every suggestion of the open document: one undo step, one transaction."""
        pending = [s.id for s in self.spans if s.state == SpanState.PENDING]
        if self.doc is None or not pending:
            self.message.emit("No suggestions in this document")
            return
        if self.push(SetStatesCommand(self, self.doc.id, dict.fromkeys(pending, SpanState.ACCEPTED),
                                       f"Accept {len(pending)} suggestions", self.selected_span)):
            self.message.emit(f"Accepted {len(pending)} suggestions")

    def move_edge(self, edge: str, step: int) -> None:
        span = self.selected()
        if span is None or self.doc is None:
            return
        text = self.doc.text
        start, end = span.start, span.end
        if edge == "end":
            end = tokens.move_end(text, start, end, step)
        else:
            start = tokens.move_start(text, start, end, step)
        if (start, end) == (span.start, span.end):
            return
        if self.store.find_span(span.doc_id, start, end, span.label) is not None:
            self.message.emit(f"A {span.label} span with these edges already exists")
            return
        changes: dict[str, object] = {"start": start, "end": end}
        if span.label == "FIGURE":  # the figure's text changed: recompute (an edited figure keeps its values)
            changes["attributes"] = figure_attributes(span.label, text, start, end, span.attributes)
        if span.origin in (Origin.MODEL, Origin.PATTERN):
            changes["origin"] = Origin.MODEL_EDITED
        if span.state == SpanState.PENDING:  # correcting a suggestion's edges accepts it
            changes["state"] = SpanState.ACCEPTED
        self.push(UpdateSpanCommand(self, span.doc_id, span.id, changes, f"Resize {span.label}"))

    def delete_selected(self) -> None:
        if self.doc is None:
            return
        if self.selected_relation is not None:
            rel_id, self.selected_relation = self.selected_relation, None
            self.push(DeleteRelationCommand(self, self.doc.id, rel_id, "Delete relation"))
            return
        span = self.selected()
        if span is None:
            self.message.emit("Click a span to select it first")
            return
        if span.state == SpanState.PENDING:
            self.push(UpdateSpanCommand(self, span.doc_id, span.id, {"state": SpanState.REJECTED},
                                         "Reject suggestion"))
            self.select_span(None)
        else:
            self.push(DeleteSpanCommand(self, span.doc_id, span.id, f"Delete {span.label}"))

    # -- relations -------------------------------------------------------------------------------------

    def start_relation(self, name: str) -> None:
        rel = next((r for r in self.store.scheme.relations if r.name == name), None)
        span = self.selected()
        if rel is None or span is None or span.label != rel.head:
            self.message.emit(f"Select a {rel.head if rel else 'head'} span first")
            return
        candidates = [s for s in self.spans if s.label == rel.child and s.state == SpanState.ACCEPTED]
        if self.relating is not None:  # pressed twice: offer a list
            self.pickChild.emit(rel, candidates)
            return
        self.relating = rel
        self.message.emit(f"{rel.name}: click the {rel.child} for this {rel.head} (press again for a list, "
                          "Esc cancels)")

    def relate_to(self, child_id: int) -> None:
        rel, head = self.relating, self.selected()
        self.relating = None
        if rel is None or head is None or self.doc is None:
            return
        exists = any(r.head_id == head.id and r.child_id == child_id and r.label == rel.name for r in self.relations)
        if exists:
            self.message.emit("That link already exists")
            return
        if self.push(AddRelationCommand(self, self.doc.id, head.id, child_id, rel.name, f"Link {rel.name}")):
            self.message.emit(f"Linked: {self.describe_relation_ids(head.id, child_id)}")

    def describe_relation_ids(self, head_id: int, child_id: int) -> str:
        if self.doc is None:
            return ""
        head, child = self.spans_by_id.get(head_id), self.spans_by_id.get(child_id)
        if head is None or child is None:
            return "?"
        return f"{short(child.text_in(self.doc.text), 30)} → '{short(head.text_in(self.doc.text))}'"

    # -- flow ------------------------------------------------------------------------------------------

    def _finish(self, status: Status, verb: str) -> None:
        if self.doc is None:
            return
        doc_id = self.doc.id
        if self.doc.status != status:
            self.push(SetStatusCommand(self, doc_id, status, f"{verb} document {doc_id}"))
        nxt = self.store.next_document(doc_id, Status.TODO)
        if nxt is None or nxt == doc_id:
            self.message.emit("No more documents to do")
            return
        self.open_document(nxt)

    def mark_done(self) -> None:
        self._finish(Status.DONE, "Done:")

    def skip(self) -> None:
        self._finish(Status.SKIPPED, "Skip")

    def undo(self) -> None:
        self._guarded(True, "Undone", self.undo_stack.undoText())

    def redo(self) -> None:
        self._guarded(False, "Redone", self.undo_stack.redoText())

    def _guarded(self, back: bool, done: str, what: str) -> None:
        """Undo (`back`) or redo one step and say what it did (so that "Merged 2 into NATO" does not stay in the
        status bar after the merge is undone), or why the store refused it (the step then stays where it was)."""
        failure = step_back_or_forth(self.undo_stack, back)
        if failure is not None:
            self.message.emit(f"Cannot {'undo' if back else 'redo'} {what!r}: {failure}")
            return
        if what:
            self.message.emit(f"{done}: {what}")
