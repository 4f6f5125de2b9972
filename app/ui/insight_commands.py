"""Undoable edits of figure attributes, actor names and actor merges. Like app/ui/commands.py: each redo()/undo()
makes exactly ONE core call (one SQLite transaction); the store's change signal refreshes the views."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QUndoCommand

from app.core import actors, figures
from app.core.store import Store
from app.ui.commands import CommandContext, StoreCommand


class EditFigureCommand(StoreCommand):
    """The analyst's override of some figure attributes (`edit_figure_attributes`); undo puts the span's
    previous attributes back (including the absence of the "edited" flag)."""

    def __init__(self, ctx: CommandContext, doc_id: int, span_id: int, changes: dict[str, Any], text: str) -> None:
        super().__init__(ctx, doc_id, text)
        self.span_id = span_id
        self.changes = changes
        self._before: dict[str, Any] | None = None

    def redo(self) -> None:
        self._focus()
        before, _after = figures.edit_figure_attributes(self.ctx.store, self.span_id, **self.changes)
        self._before = dict(before.attributes)
        self.ctx.select_span(self.span_id)

    def undo(self) -> None:
        self._focus()
        assert self._before is not None
        self.ctx.store.update_span(self.span_id, attributes=self._before)
        self.ctx.select_span(self.span_id)


class AssignQuantityCommand(StoreCommand):
    """Assign one figure to a named quantity (None/"" unassigns); undo assigns the previous name again."""

    def __init__(self, ctx: CommandContext, doc_id: int, span_id: int, old: str | None, new: str | None,
                 text: str) -> None:
        super().__init__(ctx, doc_id, text)
        self.span_id, self.old, self.new = span_id, old, new

    def redo(self) -> None:
        self._focus()
        figures.assign_quantity(self.ctx.store, [self.span_id], self.new)
        self.ctx.select_span(self.span_id)

    def undo(self) -> None:
        self._focus()
        figures.assign_quantity(self.ctx.store, [self.span_id], self.old)
        self.ctx.select_span(self.span_id)


class _AppliedBeforePush(QUndoCommand):
    """A command whose first application runs in Python, through `apply()`, before it is pushed: a StoreError
    ("there is already an actor named ...") then reaches the caller, and nothing is pushed. Raised inside redo(),
    which Qt calls from push(), it would only be printed, and the failed command would stay on the stack."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self._applied = False

    def apply(self) -> None:
        self._do()
        self._applied = True

    def redo(self) -> None:
        if self._applied:  # push() calls redo() once: the change is already made
            self._applied = False
            return
        self._do()

    def _do(self) -> None:
        raise NotImplementedError


class RenameActorCommand(_AppliedBeforePush):
    """Rename a stored actor; undo renames it back (the name it had resolves to it again)."""

    def __init__(self, store: Store, actor_id: int, old: str, new: str) -> None:
        super().__init__(f"Rename actor '{old}' to '{new}'")
        self.store, self.actor_id, self.old, self.new = store, actor_id, old, new

    def _do(self) -> None:
        actors.rename_actor(self.store, self.actor_id, self.new)

    def undo(self) -> None:
        actors.rename_actor(self.store, self.actor_id, self.old)


class MergeActorsCommand(_AppliedBeforePush):
    """Fold index entries into one actor (`merge_entries`); undo puts the actor tables back as they were before
    the merge (`restore_actors`), ids included. Redo merges again from that same state."""

    def __init__(self, store: Store, keep: tuple[int | None, str], others: list[tuple[int | None, str]]) -> None:
        super().__init__(f"Merge {', '.join(name for _, name in others)} into '{keep[1]}'")
        self.store, self.keep, self.others = store, keep, others
        self._before: actors.ActorsSnapshot | None = None

    def _do(self) -> None:
        self._before = actors.actors_snapshot(self.store)  # a read; the merge is the one write transaction
        actors.merge_entries(self.store, self.keep, self.others)

    def undo(self) -> None:
        assert self._before is not None
        actors.restore_actors(self.store, self._before)
