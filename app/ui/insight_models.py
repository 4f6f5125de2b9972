"""Qt models of the project-wide views: the figure ledger (a tree: quantity groups, their figures as children),
the actor index and the pending alias proposals. They hold what the core computed; they never read the store."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

from app.core.actors import ActorEntry, Proposal
from app.core.ledger import Ledger, LedgerGroup, LedgerRow, format_value_plain
from app.ui import theme
from app.ui.models import ID_ROLE, ColumnsModel, muted_colour, short

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
DOC_ROLE = Qt.ItemDataRole.UserRole + 2
KEY_ROLE = Qt.ItemDataRole.UserRole + 3
CONFLICT_COLOUR = "#e15759"
_TOP = 0  # internal id of a group row; a figure row stores its group's row + 1


def conflict_colour() -> QColor:
    """Red that reads on the current palette (lighter on dark backgrounds)."""
    return theme.line_colour(CONFLICT_COLOUR)


def conflict_background() -> QColor:
    return theme.mix(CONFLICT_COLOUR, QApplication.palette().color(QPalette.ColorRole.Base),
                     0.30 if theme.is_dark() else 0.16)


def compact(x: float | None) -> str:
    """60,000 stays 60,000; 122,000,000,000 becomes "122 bn" (the ledger's columns stay narrow)."""
    if x is None:
        return "?"
    if abs(x) >= 1e9:
        return f"{x / 1e9:,.3g} bn"
    if abs(x) >= 1e6:
        return f"{x / 1e6:,.3g} m"
    return format_value_plain(x)


def value_text(r: LedgerRow) -> str:
    """"≈60,000 troops", "≥150,000 dead", "12–18 months", "≈66 bn USD"."""
    sign = {"approx": "≈", "min": "≥", "max": "≤"}.get(r.qualifier, "")
    body = f"{compact(r.low)}–{compact(r.high)}" if r.qualifier == "range" else compact(r.value)
    return f"{sign}{body} {r.unit}".strip()


def spread_text(group: LedgerGroup) -> str:
    spread = group.spread
    if spread is None:
        return "no values"
    low, high = spread
    body = compact(low) if low == high else f"{compact(low)}–{compact(high)}"
    return f"{body} {group.unit}".strip()


class LedgerModel(QAbstractItemModel):
    """Groups of figures (what is measured) at the top level, the figures as their children. A group whose
    values disagree beyond the tolerance is tinted and flagged; so is each figure of a disagreeing pair."""

    COLUMNS = ("Figure", "Value", "Qualifier", "Source actor", "Article", "Publication", "Date", "Sentence")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ledger: Ledger | None = None
        self.groups: list[LedgerGroup] = []
        self._clashing: set[int] = set()
        self.search = ""
        self.conflicts_only = False
        self._bold = QFont()
        self._bold.setBold(True)

    # -- content ---------------------------------------------------------------------------------------

    def set_ledger(self, ledger: Ledger | None) -> None:
        self.ledger = ledger
        self._rebuild()

    def set_filter(self, search: str = "", conflicts_only: bool = False) -> None:
        self.search, self.conflicts_only = search, conflicts_only
        self._rebuild()

    def _rebuild(self) -> None:
        self.beginResetModel()
        groups = list(self.ledger.groups) if self.ledger else []
        if self.conflicts_only:
            groups = [g for g in groups if g.conflict]
        needle = self.search.casefold().strip()
        if needle:
            kept = []
            for g in groups:
                if needle in g.key.casefold():
                    kept.append(g)
                    continue
                rows = [r for r in g.rows if needle in _haystack(r)]
                if rows:
                    kept.append(LedgerGroup(g.key, g.unit, g.named, rows, g.conflicts))
            groups = kept
        self.groups = groups
        self._clashing = {i for g in groups for pair in g.conflicts for i in pair}
        self.endResetModel()

    @property
    def figure_count(self) -> int:
        return sum(len(g.rows) for g in self.groups)

    def group_row(self, key: str) -> int | None:
        return next((i for i, g in enumerate(self.groups) if g.key == key), None)

    def index_of_span(self, span_id: int) -> QModelIndex:
        for i, g in enumerate(self.groups):
            for j, r in enumerate(g.rows):
                if r.span_id == span_id:
                    return self.index(j, 0, self.index(i, 0))
        return QModelIndex()

    def row_at(self, index: Index) -> LedgerRow | None:
        if not index.isValid() or index.internalId() == _TOP:
            return None
        g = self.groups[index.internalId() - 1]
        return g.rows[index.row()] if 0 <= index.row() < len(g.rows) else None

    def group_at(self, index: Index) -> LedgerGroup | None:
        if not index.isValid():
            return None
        row = index.row() if index.internalId() == _TOP else index.internalId() - 1
        return self.groups[row] if 0 <= row < len(self.groups) else None

    # -- model API -------------------------------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = _ROOT) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _TOP)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: Index = _ROOT) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == _TOP:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, _TOP)

    def rowCount(self, parent: Index = _ROOT) -> int:
        if not parent.isValid():
            return len(self.groups)
        if parent.internalId() == _TOP and parent.column() == 0 and 0 <= parent.row() < len(self.groups):
            return len(self.groups[parent.row()].rows)
        return 0

    def columnCount(self, parent: Index = _ROOT) -> int:
        return len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.COLUMNS[section] if 0 <= section < len(self.COLUMNS) else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == _TOP:
            group = self.group_at(index)
            return self._group_data(group, index.column(), role) if group else None
        row = self.row_at(index)
        return self._row_data(row, index.column(), role) if row else None

    def _group_data(self, g: LedgerGroup, col: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return f"{g.key}  ({len(g.rows)})"
            if col == 1:
                return spread_text(g)
            if col == 2:
                return f"⚠ conflict {g.relative_spread:.0%}" if g.conflict else "consistent"
            if col == 3:
                n = len({r.actor for r in g.rows if r.actor})
                return f"{n} source actor{'s' if n != 1 else ''}" if n else ""
            if col == 4:
                n = len({r.doc_id for r in g.rows})
                return f"{n} article{'s' if n != 1 else ''}"
        elif role == Qt.ItemDataRole.ToolTipRole:
            kind = "named quantity" if g.named else "grouped by unit and measured thing"
            tol = self.ledger.tolerance if self.ledger else 0
            flag = (f"values disagree by more than {tol:.0%}: {len(g.conflicts)} disagreeing pair(s)"
                    if g.conflict else f"values agree within {tol:.0%}")
            return f"{g.key} ({kind})\n{spread_text(g)}; {flag}"
        elif role == Qt.ItemDataRole.FontRole and col in (0, 2):
            return self._bold
        elif role == Qt.ItemDataRole.ForegroundRole and col == 2:
            return conflict_colour() if g.conflict else muted_colour()
        elif role == Qt.ItemDataRole.BackgroundRole and g.conflict:
            return conflict_background()
        elif role == KEY_ROLE:
            return g.key
        return None

    def _row_data(self, r: LedgerRow, col: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                short(r.text, 60), value_text(r), r.qualifier + (" ✎" if r.edited else ""), r.actor or "—",
                short(r.title or f"Document {r.doc_id}", 60), r.source, r.published, short(r.sentence, 160),
            )[col] if 0 <= col < len(self.COLUMNS) else None
        if role == Qt.ItemDataRole.ToolTipRole:
            clash = "\n⚠ disagrees with another figure of this group" if r.span_id in self._clashing else ""
            edited = "\n✎ edited by an analyst" if r.edited else ""
            where = ", ".join(x for x in (r.title, r.source, r.published) if x)
            return f"“{r.sentence}”\n\n{value_text(r)} — {r.actor or 'no source actor'}\n{where}{clash}{edited}"
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == 1 and r.span_id in self._clashing:
                return conflict_colour()
            if col == 3 and not r.actor:
                return muted_colour()
        if role == Qt.ItemDataRole.FontRole and col == 1 and r.span_id in self._clashing:
            return self._bold
        if role == ID_ROLE:
            return r.span_id
        if role == DOC_ROLE:
            return r.doc_id
        return None


def _haystack(r: LedgerRow) -> str:
    return " ".join((r.text, r.actor, r.title, r.source, r.sentence, r.measured, r.quantity)).casefold()


class ActorTableModel(ColumnsModel):
    """The actor index: canonical actors (and forms no actor claims yet, in grey), aliases, mentions, articles
    and claims. KEY_ROLE gives (actor id or None, name)."""

    COLUMNS = ("Actor", "Aliases", "Mentions", "Articles", "Claims")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.entries: list[ActorEntry] = []
        self.titles: dict[int, str] = {}
        self._bold = QFont()
        self._bold.setBold(True)

    def set_entries(self, entries: list[ActorEntry], titles: dict[int, str]) -> None:
        self.beginResetModel()
        self.entries, self.titles = list(entries), dict(titles)
        self.endResetModel()

    def entry(self, row: int) -> ActorEntry | None:
        return self.entries[row] if 0 <= row < len(self.entries) else None

    def row_of(self, actor_id: int | None, name: str) -> int | None:
        return next((i for i, e in enumerate(self.entries) if (e.actor_id, e.name) == (actor_id, name)), None)

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.entries)

    def per_article(self, e: ActorEntry) -> str:
        return "\n".join(f"{n}× {self.titles.get(d) or f'Document {d}'}" for d, n in e.mentions_by_doc.items())

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        e = self.entry(index.row()) if index.isValid() else None
        if e is None:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (e.name, ", ".join(e.aliases), e.mentions, len(e.mentions_by_doc), e.claims)[col]
        if role == Qt.ItemDataRole.ToolTipRole:
            state = "actor" if e.actor_id is not None else "a name no actor claims yet (confirm, merge or rename)"
            return f"{e.name} — {state}\n\nMentions per article:\n{self.per_article(e)}"
        if role == Qt.ItemDataRole.TextAlignmentRole and col >= 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and col == 0:
            return self._bold if e.actor_id is not None else None
        if role == KEY_ROLE:
            return (e.actor_id, e.name)
        if role == ID_ROLE:
            return e.actor_id
        return None


class ProposalTableModel(ColumnsModel):
    """Pending alias proposals: "Zelensky → Volodymyr Zelensky (surname, 0.90)"."""

    COLUMNS = ("Alias", "Actor", "Why", "Score")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.proposals: list[Proposal] = []

    def set_proposals(self, proposals: list[Proposal]) -> None:
        self.beginResetModel()
        self.proposals = list(proposals)
        self.endResetModel()

    def proposal(self, row: int) -> Proposal | None:
        return self.proposals[row] if 0 <= row < len(self.proposals) else None

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.proposals)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        p = self.proposal(index.row()) if index.isValid() else None
        if p is None:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (p.alias_text, f"→ {p.target_text}", p.reason, f"{p.score:.2f}")[col]
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"Make “{p.alias_text}” an alias of “{p.target_text}” ({p.reason}, score {p.score:.2f})"
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 3:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == ID_ROLE:
            return p.id
        return None
