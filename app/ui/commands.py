"""Undoable edits. Each redo()/undo() makes exactly ONE Store call (one SQLite transaction). Commands are applied
before they are pushed (`apply_and_push`), so an edit the store refuses never reaches the undo stack.

Ids stay stable across undo/redo: an undone addition is deleted with `delete_span` and redone with
`restore_span`, which puts the span (and its relations) back under its old id, so later commands that
refer to it keep working. Undoing or redoing a change in another document first switches to it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Protocol

from PySide6.QtGui import QUndoCommand, QUndoStack

from app.core.store import Store, StoreError
from app.core.types import DeletedSpan, NewSpan, Relation, SpanState, Status


class CommandContext(Protocol):
    store: Store

    def focus_document(self, doc_id: int) -> None: ...

    def select_span(self, span_id: int | None) -> None: ...


class AppliedBeforePush(QUndoCommand):
    """A command whose first application runs in Python, through `apply()`, before it is pushed: a StoreError
    then reaches the caller, and nothing is pushed. Raised inside redo() or undo(), which Qt calls from push(),
    undo() and redo(), it would only be printed and the stack would move on as if the step had been made; so
    they keep it in `failure` for `step_back_or_forth` to report. Subclasses put their change in `_do()` and
    its reversal in `_undo()`."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self._skip_next = False  # the change is already made (or was never unmade): the next call does nothing
        self.failure: StoreError | None = None

    def apply(self) -> None:
        self._do()
        self._skip_next = True  # push() calls redo() once

    def redo(self) -> None:
        self._run(self._do)

    def undo(self) -> None:
        self._run(self._undo)

    def _run(self, step: Callable[[], None]) -> None:
        if self._skip_next:
            self._skip_next = False
            return
        try:
            step()
        except StoreError as exc:
            self.failure = exc

    def _do(self) -> None:
        raise NotImplementedError

    def _undo(self) -> None:
        raise NotImplementedError


def _failed(command: QUndoCommand) -> list[AppliedBeforePush]:
    """`command` and the commands of its macro whose last undo or redo the store refused."""
    found = [command] if isinstance(command, AppliedBeforePush) and command.failure is not None else []
    for i in range(command.childCount()):
        found += _failed(command.child(i))
    return found


def step_back_or_forth(stack: QUndoStack, back: bool) -> StoreError | None:
    """Undo (`back`) or redo one step of `stack`. When the store refuses part of it, the step is made again the
    other way, except for the refused commands, whose change never happened; the stack stays where it was and
    the refusal is returned."""
    command = stack.command(stack.index() - 1 if back else stack.index())
    if command is None:
        return None
    (stack.undo if back else stack.redo)()
    failed = _failed(command)
    if not failed:
        return None
    for part in failed:
        part._skip_next = True
    (stack.redo if back else stack.undo)()
    failure = failed[0].failure
    for part in failed + _failed(command):  # (a part that failed on the way back too is left as it is)
        part.failure = None
    return failure


def apply_and_push(stack: QUndoStack, commands: Sequence[AppliedBeforePush], text: str = "") -> None:
    """Apply `commands` and push them as one undo step (a macro titled `text` when there are several). When the
    store refuses one (StoreError, re-raised), those already applied are undone and nothing is pushed."""
    applied: list[AppliedBeforePush] = []
    try:
        for command in commands:
            command.apply()
            applied.append(command)
    except StoreError:
        for command in reversed(applied):
            command._undo()
        raise
    if len(commands) > 1:
        stack.beginMacro(text)
    for command in commands:
        stack.push(command)
    if len(commands) > 1:
        stack.endMacro()


class StoreCommand(AppliedBeforePush):
    def __init__(self, ctx: CommandContext, doc_id: int, text: str) -> None:
        super().__init__(text)
        self.ctx = ctx
        self.doc_id = doc_id
        self._first = True

    def _focus(self) -> None:
        self.ctx.focus_document(self.doc_id)


class AddSpanCommand(StoreCommand):
    def __init__(self, ctx: CommandContext, doc_id: int, new: NewSpan, text: str) -> None:
        super().__init__(ctx, doc_id, text)
        self.new = new
        self.span_id: int | None = None
        self._deleted: DeletedSpan | None = None

    def _do(self) -> None:
        self._focus()
        if self._deleted is None:
            self.span_id = self.ctx.store.add_span(self.doc_id, self.new).id
        else:
            self.span_id = self.ctx.store.restore_span(self._deleted).id
        self.ctx.select_span(self.span_id)

    def _undo(self) -> None:
        self._focus()
        assert self.span_id is not None
        self._deleted = self.ctx.store.delete_span(self.span_id)
        self.ctx.select_span(None)


class DeleteSpanCommand(StoreCommand):
    def __init__(self, ctx: CommandContext, doc_id: int, span_id: int, text: str) -> None:
        super().__init__(ctx, doc_id, text)
        self.span_id = span_id
        self._deleted: DeletedSpan | None = None

    def _do(self) -> None:
        self._focus()
        self._deleted = self.ctx.store.delete_span(self.span_id)
        self.ctx.select_span(None)

    def _undo(self) -> None:
        self._focus()
        assert self._deleted is not None
        self.ctx.store.restore_span(self._deleted)
        self.ctx.select_span(self.span_id)


class UpdateSpanCommand(StoreCommand):
    def __init__(self, ctx: CommandContext, doc_id: int, span_id: int, changes: dict[str, Any], text: str) -> None:
        super().__init__(ctx, doc_id, text)
        self.span_id = span_id
        self.changes = changes
        self._before: dict[str, Any] = {}

    def _do(self) -> None:
        self._focus()
        before, _after = self.ctx.store.update_span(self.span_id, **self.changes)
        self._before = {key: getattr(before, key) for key in self.changes}
        self.ctx.select_span(self.span_id)

    def _undo(self) -> None:
        self._focus()
        self.ctx.store.update_span(self.span_id, **self._before)
        self.ctx.select_span(self.span_id)


class AddRelationCommand(StoreCommand):
    def __init__(self, ctx: CommandContext, doc_id: int, head_id: int, child_id: int, label: str, text: str) -> None:
        super().__init__(ctx, doc_id, text)
        self.head_id, self.child_id, self.label = head_id, child_id, label
        self.relation: Relation | None = None

    def _do(self) -> None:
        self._focus()
        if self.relation is None:
            self.relation = self.ctx.store.add_relation(self.head_id, self.child_id, self.label)
        else:
            self.relation = self.ctx.store.restore_relation(self.relation)
        self.ctx.select_span(self.head_id)

    def _undo(self) -> None:
        self._focus()
        assert self.relation is not None
        self.relation = self.ctx.store.delete_relation(self.relation.id)
        self.ctx.select_span(self.head_id)


class DeleteRelationCommand(StoreCommand):
    def __init__(self, ctx: CommandContext, doc_id: int, rel_id: int, text: str) -> None:
        super().__init__(ctx, doc_id, text)
        self.rel_id = rel_id
        self.relation: Relation | None = None

    def _do(self) -> None:
        self._focus()
        self.relation = self.ctx.store.delete_relation(self.rel_id)

    def _undo(self) -> None:
        self._focus()
        assert self.relation is not None
        self.ctx.store.restore_relation(self.relation)


class SetStatusCommand(StoreCommand):
    def __init__(self, ctx: CommandContext, doc_id: int, status: Status, text: str, focus: bool = True) -> None:
        super().__init__(ctx, doc_id, text)
        self.status = status
        self.focus = focus
        self._old: Status | None = None

    def _do(self) -> None:
        if self.focus and not self._first:
            self._focus()
        self._first = False
        self._old = self.ctx.store.set_status(self.doc_id, self.status)

    def _undo(self) -> None:
        self._focus()
        assert self._old is not None
        self.ctx.store.set_status(self.doc_id, self._old)


class SetStatesCommand(StoreCommand):
    """Accept or reject several spans at once (e.g. every suggestion of a document): one Store call each way."""

    def __init__(self, ctx: CommandContext, doc_id: int, states: dict[int, SpanState], text: str,
                 select: int | None = None) -> None:
        super().__init__(ctx, doc_id, text)
        self.states = states
        self.select = select
        self._before: dict[int, SpanState] = {}

    def _do(self) -> None:
        self._focus()
        self._before = self.ctx.store.set_states(self.states)
        self.ctx.select_span(self.select)

    def _undo(self) -> None:
        self._focus()
        self.ctx.store.set_states(self._before)
        self.ctx.select_span(self.select)
