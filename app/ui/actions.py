"""The keymap: every action and its shortcut(s) are defined here, once. Menus, the label bar, tooltips and the
shortcut overlay (F1 / ?) are all generated from these QActions, never from a hand-kept list.

Label hotkeys (1/2/3...) and relation hotkeys (S) come from the project's scheme; the spec below adds the
fixed actions. Span-edge keys (Shift+Left/Right move the selected span's END by a token, Ctrl+Shift+Left/Right
move its START) take priority over text selection only while a span is selected and no text is selected.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

from app.core.scheme import Scheme


@dataclass(frozen=True, slots=True)
class ActionSpec:
    id: str
    text: str
    shortcuts: tuple[str, ...] = ()
    group: str = "Document"
    tip: str = ""


SPECS: tuple[ActionSpec, ...] = (
    ActionSpec("file.new", "&New project…", ("Ctrl+N",), "File"),
    ActionSpec("file.open", "&Open project…", ("Ctrl+O",), "File"),
    ActionSpec("file.import", "&Import files…", ("Ctrl+I",), "File", "Import .txt, .jsonl or .csv files"),
    ActionSpec("file.import_folder", "Import &folder…", ("Ctrl+Shift+I",), "File"),
    ActionSpec("file.export", "&Export…", ("Ctrl+E",), "File"),
    ActionSpec("file.export_ledger", "Export figure &ledger as CSV…", (), "File",
               "Every figure with its value, group, conflict flag, article and source actor"),
    ActionSpec("file.quit", "&Quit", ("Ctrl+Q",), "File"),
    ActionSpec("edit.undo", "&Undo", ("Ctrl+Z",), "Edit"),
    ActionSpec("edit.redo", "&Redo", ("Ctrl+Shift+Z", "Ctrl+Y"), "Edit"),
    ActionSpec("edit.annotator", "Annotator &name…", (), "Edit", "The name stored with every span you make"),
    ActionSpec("span.delete", "&Delete span / relation", ("Delete", "Backspace"), "Span",
               "Delete the selected span (a suggestion is rejected) or relation"),
    ActionSpec("span.accept", "&Accept suggestion", ("A",), "Span",
               "Accept the selected suggestion (or the one at the text cursor); Enter in the article too"),
    ActionSpec("span.reject", "Re&ject suggestion", ("X",), "Span",
               "Reject the selected suggestion: it is remembered and never suggested again for this document"),
    ActionSpec("span.end_right", "Widen end by a token", ("Shift+Right",), "Span"),
    ActionSpec("span.end_left", "Narrow end by a token", ("Shift+Left",), "Span"),
    ActionSpec("span.start_left", "Widen start by a token", ("Ctrl+Shift+Left",), "Span"),
    ActionSpec("span.start_right", "Narrow start by a token", ("Ctrl+Shift+Right",), "Span"),
    ActionSpec("span.deselect", "Deselect / cancel", ("Escape",), "Span"),
    ActionSpec("figure.edit", "&Edit figure value…", ("F2",), "Span",
               "Edit the selected FIGURE's value, unit, qualifier, measured thing and quantity"),
    ActionSpec("doc.done", "Mark &done, open next", ("Ctrl+Return", "Ctrl+Enter"), "Document"),
    ActionSpec("doc.skip", "&Skip, open next", ("Ctrl+Shift+S",), "Document"),
    ActionSpec("doc.next", "&Next document in list", ("Ctrl+PgDown",), "Document"),
    ActionSpec("doc.previous", "&Previous document in list", ("Ctrl+PgUp",), "Document"),
    ActionSpec("view.search", "&Find documents…", ("Ctrl+F",), "View"),
    ActionSpec("view.zoom_in", "&Larger text", ("Ctrl+=", "Ctrl++"), "View"),
    ActionSpec("view.zoom_out", "&Smaller text", ("Ctrl+-",), "View"),
    ActionSpec("view.ledger", "Figure &ledger", ("Ctrl+L",), "View",
               "Every figure of the project grouped by what it measures; conflicts flagged"),
    ActionSpec("view.actors", "&Actor index", ("Ctrl+Shift+A",), "View",
               "Actors with aliases, mentions per article and claims; alias proposals"),
    ActionSpec("view.statistics", "S&tatistics", ("Ctrl+Shift+T",), "View",
               "Charts: spans per label and origin, progress over time, figures per quantity"),
    ActionSpec("actors.propose", "&Propose actor aliases", (), "View",
               "Find names that stand for the same actor, to confirm or reject in the actor index"),
    ActionSpec("suggest.document", "Suggest this &document", ("Ctrl+Shift+Return", "Ctrl+Shift+Enter"),
               "Suggestions", "Run the model on the open document; new suggestions appear pale and dashed"),
    ActionSpec("suggest.accept_all", "&Accept all suggestions in this document", ("Shift+A",), "Suggestions"),
    ActionSpec("suggest.all", "Suggest a&ll documents…", (), "Suggestions",
               "Pre-annotate every document of the project in the background"),
    ActionSpec("suggest.todo", "Suggest &to-do documents…", (), "Suggestions",
               "Pre-annotate the documents still to do, in the background"),
    ActionSpec("suggest.choose_model", "Choose &model…", (), "Suggestions",
               "An installed spaCy package or a model folder (e.g. model-best from spacy train), per project"),
    ActionSpec("suggest.load", "&Load the model now", (), "Suggestions",
               "Load the model in the background now instead of at the first suggestion"),
    ActionSpec("help.shortcuts", "&Keyboard shortcuts", ("F1", "?"), "Help"),
)

# Keys the article view passes to an action while it has the focus. They are not window shortcuts, so that the
# search box, the lists and the forms keep their own Enter.
VIEW_KEYS: dict[str, tuple[str, ...]] = {"span.accept": ("Return", "Enter")}

# Keys that the text view gives up to these actions while a span (not text) is selected.
SPAN_EDGE_ACTIONS = ("span.end_right", "span.end_left", "span.start_left", "span.start_right")


def label_specs(scheme: Scheme) -> list[ActionSpec]:
    specs: list[ActionSpec] = []
    for label in scheme.labels:
        keys = (label.hotkey,) if label.hotkey else ()
        specs.append(ActionSpec(f"label:{label.name}", f"Tag / relabel as {label.name}", keys, "Label",
                                label.description))
        alt = (f"Alt+{label.hotkey}",) if label.hotkey else ()
        specs.append(ActionSpec(f"exact:{label.name}", f"Tag as {label.name}, exact characters", alt, "Label"))
    for rel in scheme.relations:
        keys = (rel.hotkey.upper(),) if rel.hotkey else ()
        specs.append(ActionSpec(
            f"relation:{rel.name}", f"Link {rel.head} to its {rel.child} ({rel.name})", keys, "Relation",
            f"Select a {rel.head}, press this, then click the {rel.child} (press again for a list)",
        ))
    return specs


class Keymap(QObject):
    """Builds the QActions for a scheme and connects each to its handler."""

    def __init__(self, scheme: Scheme, parent: QObject) -> None:
        super().__init__(parent)
        self.specs: list[ActionSpec] = [*SPECS, *label_specs(scheme)]
        self.actions: dict[str, QAction] = {}
        for spec in self.specs:
            action = QAction(spec.text, parent)
            action.setObjectName(spec.id)
            action.setShortcuts([QKeySequence(k) for k in spec.shortcuts])
            tip = spec.tip or spec.text.replace("&", "")
            if spec.shortcuts:
                tip += f"  ({', '.join(self.native(k) for k in spec.shortcuts)})"
            action.setToolTip(tip)
            action.setStatusTip(tip)
            self.actions[spec.id] = action

    @staticmethod
    def native(key: str) -> str:
        return QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)

    def __getitem__(self, action_id: str) -> QAction:
        return self.actions[action_id]

    def connect(self, handlers: dict[str, Callable[[], object]]) -> None:
        for action_id, handler in handlers.items():
            self.actions[action_id].triggered.connect(_slot(handler))

    def rows(self) -> list[tuple[str, str, str]]:
        """(group, action text, keys) for every action with a shortcut: what the overlay shows."""
        out = []
        for spec in self.specs:
            view_keys = tuple(f"{self.native(k)} (in the article)" for k in VIEW_KEYS.get(spec.id, ())[:1])
            if spec.shortcuts or view_keys:
                keys = "  or  ".join([*(self.native(k) for k in spec.shortcuts), *view_keys])
                out.append((spec.group, spec.text.replace("&", ""), keys))
        return out

    def view_keys(self) -> dict[int, QAction]:
        """Key combination -> action, for the keys in VIEW_KEYS (handled by the article view)."""
        out: dict[int, QAction] = {}
        for action_id, keys in VIEW_KEYS.items():
            for key in keys:
                seq = QKeySequence(key)
                if seq.count():
                    out[seq[0].toCombined()] = self.actions[action_id]
        return out

    def edge_keys(self) -> set[int]:
        combos: set[int] = set()
        for action_id in SPAN_EDGE_ACTIONS:
            for seq in self.actions[action_id].shortcuts():
                if seq.count():
                    combos.add(seq[0].toCombined())
        return combos


def _slot(handler: Callable[[], object]) -> Callable[[], None]:
    """A slot that returns None (PySide mishandles slots that return Python objects such as bools)."""

    def call() -> None:
        handler()

    return call
