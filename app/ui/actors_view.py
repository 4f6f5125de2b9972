"""The actor index: canonical actors with their aliases, mentions per article and claims; alias proposals to
confirm or reject; rename and merge.

Rename and merge are undoable commands (RenameActorCommand, MergeActorsCommand) on the window's undo stack.
Confirming and rejecting proposals are single core transactions.
"Propose aliases" runs `propose_aliases` on the worker thread (its own connection), then refreshes."""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from app.core import actors
from app.core.progress import Job, Progress
from app.core.store import Store, StoreError
from app.ui.commands import apply_and_push
from app.ui.insight_commands import MergeActorsCommand, RenameActorCommand
from app.ui.insight_models import KEY_ROLE, ActorTableModel, ProposalTableModel
from app.ui.lazy_refresh import RefreshWhenShown
from app.ui.worker import JobWorker

REFRESH_KINDS = frozenset({"actors", "spans", "relations", "documents"})


def propose_job(store: Store) -> Job[list[actors.Proposal]]:
    yield Progress(0, None, "Comparing actor names…")
    return actors.propose_aliases(store)


def _tree(name: str, model: Any, multi: bool = False) -> QTreeView:
    view = QTreeView()
    view.setObjectName(name)
    view.setModel(model)
    view.setRootIsDecorated(False)
    view.setUniformRowHeights(True)
    view.setAlternatingRowColors(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    mode = QAbstractItemView.SelectionMode
    view.setSelectionMode(mode.ExtendedSelection if multi else mode.SingleSelection)
    return view


class ActorsView(RefreshWhenShown, QWidget):
    message = Signal(str)

    def __init__(self, store: Store, undo_stack: QUndoStack, notify: Callable[[str], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("actorsView")
        self.store, self.undo_stack, self.notify = store, undo_stack, notify
        self.worker: JobWorker | None = None
        self.actors = ActorTableModel(self)
        self.proposals = ProposalTableModel(self)
        self.search = QLineEdit(placeholderText="Filter actors and aliases…", clearButtonEnabled=True)
        self.propose_button = QPushButton("Propose aliases")
        self.propose_button.setToolTip("Find names that stand for the same actor (titles, surnames, the alias "
                                       "table, spelling variants)")
        self.rename_button = QPushButton("Rename…")
        self.merge_button = QPushButton("Merge selected…")
        self.merge_button.setToolTip("Select two or more rows (Ctrl+click) and fold them into one actor")
        self.actor_view = _tree("actorTable", self.actors, multi=True)
        header = self.actor_view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.actor_view.setColumnWidth(0, 280)
        for column in (2, 3, 4):
            self.actor_view.setColumnWidth(column, 80)
        self.detail = QLabel()
        self.detail.setObjectName("muted")
        self.detail.setWordWrap(True)
        self.proposal_view = _tree("proposalTable", self.proposals)
        for column, width in enumerate((190, 160, 95, 45)):
            self.proposal_view.setColumnWidth(column, width)
        self.proposal_title = QLabel("Proposals")
        self.proposal_title.setObjectName("heading")
        self.confirm_button = QPushButton("Confirm")
        self.reject_button = QPushButton("Reject")
        self.confirm_all_button = QPushButton("Confirm all")
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.search, 1)
        for b in (self.rename_button, self.merge_button, self.propose_button):
            top.addWidget(b)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addLayout(top)
        ll.addWidget(self.actor_view, 1)
        ll.addWidget(self.detail)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        pb = QHBoxLayout()
        pb.addWidget(self.proposal_title, 1)
        for b in (self.confirm_button, self.reject_button, self.confirm_all_button):
            pb.addWidget(b)
        rl.addLayout(pb)
        rl.addWidget(self.proposal_view, 1)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        split.setSizes([800, 520])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(split)
        self.init_refresh(REFRESH_KINDS, delay_ms=150)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.propose_button.clicked.connect(self.run_propose)
        self.rename_button.clicked.connect(self.rename_current)
        self.merge_button.clicked.connect(self.merge_selected)
        self.confirm_button.clicked.connect(lambda: self.decide(True))
        self.reject_button.clicked.connect(lambda: self.decide(False))
        self.confirm_all_button.clicked.connect(self.confirm_all)
        self.proposal_view.doubleClicked.connect(lambda _i: self.decide(True))
        self.actor_view.selectionModel().currentRowChanged.connect(lambda _c, _p: self._show_detail())

    # -- refreshing ------------------------------------------------------------------------------------

    def refresh(self) -> None:
        self._dirty = False
        current = self.actor_view.currentIndex()
        key = current.data(KEY_ROLE) if current.isValid() else None
        entries = actors.list_actors(self.store, 0, 1_000_000, self.search.text())
        docs = sorted({d for e in entries for d in e.mentions_by_doc})
        titles = {s.id: s.title for s in self.store.document_summaries(docs)}
        self.actors.set_entries(entries, titles)
        pending = actors.list_proposals(self.store)
        self.proposals.set_proposals(pending)
        self.proposal_title.setText(f"Proposals ({len(pending)})" if pending else
                                    "Proposals (none pending: press Propose aliases)")
        for b in (self.confirm_button, self.reject_button, self.confirm_all_button):
            b.setEnabled(bool(pending))
        if key is not None:
            row = self.actors.row_of(*key)
            if row is not None:
                self.actor_view.setCurrentIndex(self.actors.index(row, 0))
        self._show_detail()

    def _show_detail(self) -> None:
        entry = self.actors.entry(self.actor_view.currentIndex().row())
        if entry is None:
            n = len(self.actors.entries)
            self.detail.setText(f"{n} actors and names. Select one to see its mentions per article.")
            return
        kind = "actor" if entry.actor_id is not None else "name not yet an actor"
        per = "; ".join(self.actors.per_article(entry).splitlines())
        self.detail.setText(
            f"<b>{html.escape(entry.name)}</b> ({kind}): {entry.mentions} mentions, {entry.claims} claims — "
            f"{html.escape(per)}"
        )

    # -- actions ---------------------------------------------------------------------------------------

    def _guard(self, what: str, call: Callable[[], Any]) -> bool:
        try:
            call()
        except StoreError as exc:
            self.message.emit(f"{what}: {exc}")
            return False
        return True

    def run_propose(self) -> JobWorker | None:
        if self.worker is not None and self.worker.isRunning():
            return None
        self.propose_button.setEnabled(False)
        self.propose_button.setText("Proposing…")
        worker = JobWorker(self.store.path, propose_job, self)
        worker.succeeded.connect(self._proposed)
        worker.failed.connect(lambda msg: self._proposed(None, msg))
        worker.finished.connect(lambda: self.propose_button.setEnabled(True))
        self.worker = worker
        worker.start()
        return worker

    def _proposed(self, result: Any, error: str = "") -> None:
        self.propose_button.setText("Propose aliases")
        if error:
            self.message.emit(f"Proposing aliases failed: {error}")
            return
        self.notify("actors")  # the worker wrote through its own connection
        self.refresh()
        self.message.emit(f"{len(result or [])} alias proposals to review")

    def decide(self, confirm: bool) -> None:
        p = self.proposals.proposal(self.proposal_view.currentIndex().row())
        if p is None:
            p = self.proposals.proposal(0)
        if p is None:
            return
        if confirm:
            if self._guard("Confirm", lambda: actors.confirm_proposal(self.store, p.id)):
                self.message.emit(f"“{p.alias_text}” is now an alias of {p.target_text}")
        elif self._guard("Reject", lambda: actors.reject_proposal(self.store, p.id)):
            self.message.emit(f"Rejected: “{p.alias_text}” ≠ {p.target_text} (never proposed again)")

    def confirm_all(self) -> None:
        n = len(self.proposals.proposals)
        answer = QMessageBox.question(self, "Confirm all proposals", f"Accept all {n} pending alias proposals?")
        if answer == QMessageBox.StandardButton.Yes:
            self._guard("Confirm all", lambda: actors.confirm_all(self.store))

    def selected_entries(self) -> list[actors.ActorEntry]:
        rows = sorted({i.row() for i in self.actor_view.selectionModel().selectedRows()})
        return [e for e in (self.actors.entry(r) for r in rows) if e is not None]

    def rename_current(self) -> None:
        entry = self.actors.entry(self.actor_view.currentIndex().row())
        if entry is None:
            self.message.emit("Select an actor to rename")
            return
        name, ok = QInputDialog.getText(self, "Rename actor", f"New canonical name for “{entry.name}”:",
                                        text=entry.name)
        if ok and name.strip() and name.strip() != entry.name:
            self.rename(entry, name.strip())

    def rename(self, entry: actors.ActorEntry, name: str) -> bool:
        if entry.actor_id is None:  # a bare name becomes an actor with the old form as its alias
            return self._guard("Rename", lambda: actors.create_actor(self.store, name, [entry.name, *entry.aliases]))
        command = RenameActorCommand(self.store, entry.actor_id, entry.name, name)
        return self._guard("Rename", lambda: apply_and_push(self.undo_stack, [command]))

    def merge_selected(self) -> None:
        entries = self.selected_entries()
        if len(entries) < 2:
            self.message.emit("Select two or more actors (Ctrl+click) to merge them")
            return
        names = [e.name for e in entries]
        keep, ok = QInputDialog.getItem(self, "Merge actors", "Keep this name (the others become its aliases):",
                                        names, 0, False)
        if not ok:
            return
        others = ", ".join(n for n in names if n != keep)
        sure = QMessageBox.question(self, "Merge actors", f"Merge {others} into “{keep}”?\n\nCtrl+Z undoes the "
                                    "merge.")
        if sure == QMessageBox.StandardButton.Yes:
            self.merge(entries[names.index(keep)], [e for e in entries if e.name != keep])

    def merge(self, keep: actors.ActorEntry, others: list[actors.ActorEntry]) -> bool:
        command = MergeActorsCommand(self.store, (keep.actor_id, keep.name), [(e.actor_id, e.name) for e in others])
        done = self._guard("Merge", lambda: apply_and_push(self.undo_stack, [command]))
        if done:
            self.message.emit(f"Merged {len(others)} into {keep.name}")
        return done

    def select_names(self, *names: str) -> None:
        """Select the rows of these names (for keyboard-less use and tests)."""
        sm = self.actor_view.selectionModel()
        sm.clearSelection()
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for i, e in enumerate(self.actors.entries):
            if e.name in names:
                sm.select(self.actors.index(i, 0), flags)
                sm.setCurrentIndex(self.actors.index(i, 0), QItemSelectionModel.SelectionFlag.NoUpdate)

    def shutdown(self) -> None:
        if self.worker is not None and self.worker.isRunning():
            self.worker.cancel()
            self.worker.wait(5000)
