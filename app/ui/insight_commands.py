"""Undoable edits of figure attributes, actor names and actor merges. Like app/ui/commands.py: each redo()/undo()
makes exactly ONE core call (one SQLite transaction); the store's change signal refreshes the views."""

from __future__ import annotations

from typing import Any

from app.core import actors, figures
from app.core.store import Store
from app.ui.commands import AppliedBeforePush, CommandContext, StoreCommand


class EditFigureCommand(StoreCommand):
    """The analyst's override of some figure attributes (`edit_figure_attributes`); undo puts the span's
    previous attributes back (including the absence of the "edited" flag)."""

    def __init__(self, ctx: CommandContext, doc_id: int, span_id: int, changes: dict[str, Any], text: str) -> None:
        super().__init__(ctx, doc_id, text)
        self.span_id = span_id
        self.changes = changes
        self._before: dict[str, Any] | None = None

    def _do(self) -> None:
        self._focus()
        before, _after = figures.edit_figure_attributes(self.ctx.store, self.span_id, **self.changes)
        self._before = dict(before.attributes)
        self.ctx.select_span(self.span_id)

    def _undo(self) -> None:
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

    def _do(self) -> None:
        self._focus()
        figures.assign_quantity(self.ctx.store, [self.span_id], self.new)
        self.ctx.select_span(self.span_id)

    def _undo(self) -> None:
        self._focus()
        figures.assign_quantity(self.ctx.store, [self.span_id], self.old)
        self.ctx.select_span(self.span_id)


class RenameActorCommand(AppliedBeforePush):
    """Rename a stored actor; undo renames it back (the name it had resolves to it again)."""

    def __init__(self, store: Store, actor_id: int, old: str, new: str) -> None:
        super().__init__(f"Rename actor '{old}' to '{new}'")
        self.store, self.actor_id, self.old, self.new = store, actor_id, old, new

    def _do(self) -> None:
        actors.rename_actor(self.store, self.actor_id, self.new)

    def _undo(self) -> None:
        actors.rename_actor(self.store, self.actor_id, self.old)


class MergeActorsCommand(AppliedBeforePush):
    """Fold index entries into one actor (`merge_entries`); undo puts the actor tables back as they were before
    the merge (`restore_actors`), ids included. Redo merges again from that same state."""

    def __init__(self, store: Store, keep: tuple[int | None, str], others: list[tuple[int | None, str]]) -> None:
        super().__init__(f"Merge {', '.join(name for _, name in others)} into '{keep[1]}'")
        self.store, self.keep, self.others = store, keep, others
        self._before: actors.ActorsSnapshot | None = None

    def _do(self) -> None:
        self._before = actors.actors_snapshot(self.store)  # a read; the merge is the one write transaction
        actors.merge_entries(self.store, self.keep, self.others)

    def _undo(self) -> None:
        assert self._before is not None
        actors.restore_actors(self.store, self._before)
