"""The figure ledger: every FIGURE of the project with its value, sentence, article and source actor, grouped
by what is measured, with disagreements beyond a tolerance flagged.

A figure's group is the named quantity the analyst assigned (span attribute "quantity"), else its unit (with
synonyms such as soldiers/troops folded) plus, for counts and shares, the measured thing ("North Korean").
Each figure is an interval (exact/approx: the value; min: value and up; max: up to value; range: low-high).
Two figures conflict when the gap between their intervals exceeds `tolerance` of the larger bound.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from app.core.actors import SOURCE_RELATION, ActorRef, span_actors
from app.core.figures import FIGURE_LABEL, normalise_figure, sentence_bounds
from app.core.store import Store
from app.core.types import Document, Span, SpanState

DEFAULT_TOLERANCE = 0.10
CLAIM_LABEL = "CLAIM"
_SYNONYMS = {
    "soldiers": "troops", "servicemen": "troops", "fighters": "troops", "forces": "troops", "personnel": "troops",
    "killed": "dead", "deaths": "dead", "fatalities": "dead", "injured": "wounded",
}
_PLAIN_UNITS = frozenset({"km²", "km", "t", "USD", "EUR", "GBP"})  # grouped by unit alone
CSV_COLUMNS = (
    "group", "conflict", "span_id", "doc_id", "text", "value", "unit", "qualifier", "low", "high", "measured",
    "quantity", "actor", "actor_id", "title", "source", "published", "sentence", "edited",
)


@dataclass(frozen=True, slots=True)
class LedgerRow:
    """One figure with everything the ledger shows about it."""

    span_id: int
    doc_id: int
    text: str
    value: float | None
    unit: str
    qualifier: str
    low: float | None
    high: float | None
    measured: str
    quantity: str
    group: str
    sentence: str
    title: str
    source: str
    published: str
    actor: str  # canonical name of the SOURCE actor of the enclosing claim ("" if none)
    actor_id: int | None
    claim_id: int | None
    edited: bool
    state: str

    def interval(self) -> tuple[float, float]:
        """The values this figure allows."""
        v = float(self.value if self.value is not None else math.nan)
        if self.qualifier == "min":
            return v, math.inf
        if self.qualifier == "max":
            return -math.inf, v
        if self.qualifier == "range" and self.low is not None and self.high is not None:
            return float(self.low), float(self.high)
        return v, v

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class LedgerGroup:
    key: str
    unit: str
    named: bool  # an analyst-assigned quantity
    rows: list[LedgerRow] = field(default_factory=list)
    conflicts: list[tuple[int, int]] = field(default_factory=list)  # span id pairs that disagree

    @property
    def conflict(self) -> bool:
        return bool(self.conflicts)

    @property
    def spread(self) -> tuple[float, float] | None:
        values = [r.value for r in self.rows if r.value is not None]
        return (min(values), max(values)) if values else None

    @property
    def relative_spread(self) -> float:
        spread = self.spread
        if not spread or max(abs(spread[0]), abs(spread[1])) == 0:
            return 0.0
        return (spread[1] - spread[0]) / max(abs(spread[0]), abs(spread[1]))

    def to_dict(self) -> dict[str, Any]:
        spread = self.spread
        return {
            "group": self.key, "unit": self.unit, "named": self.named, "conflict": self.conflict,
            "min": spread[0] if spread else None, "max": spread[1] if spread else None,
            "relative_spread": round(self.relative_spread, 4), "conflicts": [list(p) for p in self.conflicts],
            "figures": [r.to_dict() for r in self.rows],
        }


@dataclass(slots=True)
class Ledger:
    groups: list[LedgerGroup]
    tolerance: float

    def rows(self) -> list[LedgerRow]:
        """Every row, in group order."""
        return [r for g in self.groups for r in g.rows]

    def to_dict(self) -> dict[str, Any]:
        return {
            "tolerance": self.tolerance, "figures": sum(len(g.rows) for g in self.groups),
            "conflicting_groups": sum(g.conflict for g in self.groups), "groups": [g.to_dict() for g in self.groups],
        }


def group_key(attrs: dict[str, Any]) -> tuple[str, str, bool]:
    """(group key, unit, named) of a figure's attributes."""
    unit = str(attrs.get("unit") or "")
    quantity = str(attrs.get("quantity") or "").strip()
    if quantity:
        return quantity, unit, True
    folded = " ".join([*unit.split()[:-1], _SYNONYMS.get(unit.split()[-1], unit.split()[-1])]) if unit else ""
    measured = " ".join(str(attrs.get("measured") or "").split())
    if measured.lower().startswith("the "):
        measured = measured[4:]
    key = folded or "(no unit)"
    if measured and folded not in _PLAIN_UNITS:
        key = f"{key} · {measured}"
    return key, folded, False


def disagree(a: LedgerRow, b: LedgerRow, tolerance: float) -> bool:
    """True when the intervals of `a` and `b` are further apart than `tolerance` of the larger bound."""
    lo_a, hi_a = a.interval()
    lo_b, hi_b = b.interval()
    if any(math.isnan(x) for x in (lo_a, hi_a, lo_b, hi_b)):
        return False
    lo, hi = max(lo_a, lo_b), min(hi_a, hi_b)
    if lo <= hi:
        return False
    return (lo - hi) / max(abs(lo), abs(hi)) > tolerance


def figure_rows(
    store: Store, include_suggestions: bool = False, doc_ids: Iterable[int] | None = None
) -> list[LedgerRow]:
    """A row for every FIGURE span (accepted; with `include_suggestions` pending too), in document order.
    Figures without stored attributes are normalised on the fly (not stored)."""
    states = (SpanState.ACCEPTED, SpanState.PENDING) if include_suggestions else (SpanState.ACCEPTED,)
    if doc_ids is None:
        marks = ",".join("?" * len(states))
        doc_ids = [r[0] for r in store.conn.execute(
            f"SELECT DISTINCT doc_id FROM spans WHERE label = ? AND state IN ({marks}) ORDER BY doc_id",
            (FIGURE_LABEL, *map(str, states)),
        )]
    ids = list(doc_ids)
    out: list[LedgerRow] = []
    for i in range(0, len(ids), 200):
        chunk = ids[i : i + 200]
        spans = store.spans_for_documents(chunk, states)
        relations = store.relations_for_documents(chunk, states)
        docs = {doc_id: store.get_document(doc_id) for doc_id in chunk}
        texts = {doc_id: doc.text for doc_id, doc in docs.items()}
        all_spans = [s for doc_spans in spans.values() for s in doc_spans]
        actors = span_actors(store, all_spans, texts)
        for doc_id in chunk:
            doc_spans = spans.get(doc_id, [])
            sources: dict[int, list[int]] = {}
            for rel in relations.get(doc_id, []):
                if rel.label == SOURCE_RELATION:
                    sources.setdefault(rel.head_id, []).append(rel.child_id)
            claims = [s for s in doc_spans if s.label == CLAIM_LABEL]
            for span in doc_spans:
                if span.label == FIGURE_LABEL:
                    out.append(_row(span, docs[doc_id], claims, sources, actors))
    return out


def _row(
    span: Span, doc: Document, claims: list[Span], sources: dict[int, list[int]], actors: dict[int, ActorRef]
) -> LedgerRow:
    text = doc.text
    begin, stop = sentence_bounds(text, span.start, span.end)
    sentence = text[begin:stop]
    attrs = span.attributes
    if "value" not in attrs or "unit" not in attrs:
        attrs = {**attrs, **normalise_figure(span.text_in(text), sentence, span.start - begin)}
    around = sorted(
        (c for c in claims if c.start <= span.start and c.end >= span.end), key=lambda c: (c.end - c.start, c.id)
    )
    claim = next((c for c in around if sources.get(c.id)), around[0] if around else None)
    ref = None
    if claim is not None:
        ref = next((actors[a] for a in sources.get(claim.id, []) if a in actors), None)
    key, _, _ = group_key(attrs)
    return LedgerRow(
        span.id, span.doc_id, span.text_in(text), attrs.get("value"), str(attrs.get("unit") or ""),
        str(attrs.get("qualifier") or "exact"), attrs.get("low"), attrs.get("high"),
        str(attrs.get("measured") or ""), str(attrs.get("quantity") or ""), key, sentence, doc.title, doc.source,
        doc.published, ref.name if ref else "", ref.actor_id if ref else None, claim.id if claim else None,
        bool(attrs.get("edited")), str(span.state),
    )


def group_rows(rows: Iterable[LedgerRow], tolerance: float = DEFAULT_TOLERANCE) -> list[LedgerGroup]:
    """Rows grouped by `LedgerRow.group` with conflicting pairs found; conflicting groups first, then the
    largest, then by name."""
    groups: dict[str, LedgerGroup] = {}
    for row in rows:
        key, unit, named = group_key({"unit": row.unit, "measured": row.measured, "quantity": row.quantity})
        group = groups.setdefault(key, LedgerGroup(key, unit, named))
        group.rows.append(row)
    for group in groups.values():
        group.rows.sort(key=lambda r: (r.value is None, r.value or 0, r.doc_id, r.span_id))
        group.conflicts = [
            (a.span_id, b.span_id)
            for i, a in enumerate(group.rows)
            for b in group.rows[i + 1 :]
            if disagree(a, b, tolerance)
        ]
    return sorted(groups.values(), key=lambda g: (not g.conflict, -len(g.rows), g.key.casefold()))


def build_ledger(
    store: Store, tolerance: float = DEFAULT_TOLERANCE, include_suggestions: bool = False
) -> Ledger:
    """The whole project's ledger."""
    if tolerance < 0 or math.isnan(tolerance):
        raise ValueError(f"tolerance must not be negative, got {tolerance}")
    return Ledger(group_rows(figure_rows(store, include_suggestions), tolerance), tolerance)


def _cell(value: Any) -> Any:
    return "" if value is None else value


def write_ledger_csv(ledger: Ledger, out: Path) -> int:
    """Write the ledger as CSV (one row per figure, columns CSV_COLUMNS); returns the number of rows."""
    from app.core.exporters import atomic_open

    n = 0
    with atomic_open(Path(out), "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(CSV_COLUMNS)
        for group in ledger.groups:
            for r in group.rows:
                writer.writerow([
                    group.key, int(group.conflict), r.span_id, r.doc_id, r.text, _cell(r.value), r.unit,
                    r.qualifier, _cell(r.low), _cell(r.high), r.measured, r.quantity, r.actor, _cell(r.actor_id),
                    r.title, r.source, r.published, r.sentence, int(r.edited),
                ])
                n += 1
    return n


def format_value(row: LedgerRow) -> str:
    """"≈60,000 troops", "≥150,000 dead", "12–18 months"."""
    def num(x: float | None) -> str:
        return "?" if x is None else format_value_plain(x)

    sign = {"approx": "≈", "min": "≥", "max": "≤"}.get(row.qualifier, "")
    body = f"{num(row.low)}–{num(row.high)}" if row.qualifier == "range" else num(row.value)
    return f"{sign}{body} {row.unit}".strip()


def format_ledger(ledger: Ledger, width: int = 100) -> str:
    """The ledger as a readable text table, grouped, conflicts marked."""
    if not ledger.groups:
        return "No figures in this project."
    lines = []
    for g in ledger.groups:
        spread = g.spread
        span = f"{format_value_plain(spread[0])}–{format_value_plain(spread[1])} {g.unit}" if spread else "no values"
        flag = f"  CONFLICT (spread {g.relative_spread:.0%} > {ledger.tolerance:.0%})" if g.conflict else ""
        name = f"{g.key} [named]" if g.named else g.key
        lines.append(f"== {name}: {len(g.rows)} figure(s), {span}{flag}")
        clash = {i for pair in g.conflicts for i in pair}
        for r in g.rows:
            mark = "!" if r.span_id in clash else " "
            who = r.actor or "—"
            where = ", ".join(x for x in (_shorten(r.title, 40), r.source, r.published) if x)
            head = f" {mark} {format_value(r):<22} {who[:24]:<24} {where}"
            lines.append(head[:width])
            lines.append(f"      “{_shorten(r.sentence, width - 8)}”")
        lines.append("")
    total = sum(len(g.rows) for g in ledger.groups)
    lines.append(f"{total} figure(s) in {len(ledger.groups)} group(s); "
                 f"{sum(g.conflict for g in ledger.groups)} group(s) with conflicting values.")
    return "\n".join(lines)


def format_value_plain(x: float) -> str:
    """A number as the ledger shows it: whole or large values with thousands separators, others to 3 digits."""
    return f"{x:,.0f}" if float(x).is_integer() or abs(x) >= 100 else f"{x:,.3g}"


def _shorten(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def quantity_names(store: Store) -> list[str]:
    """The named quantities analysts have assigned to figures (attribute "quantity"), sorted, for a picker."""
    rows = store.conn.execute(
        "SELECT DISTINCT json_extract(attributes, '$.quantity') FROM spans "
        "WHERE label = ? AND json_extract(attributes, '$.quantity') IS NOT NULL",
        (FIGURE_LABEL,),
    )
    return sorted({str(name) for (name,) in rows if str(name).strip()}, key=str.casefold)
