"""Plain data for charts (the Qt charts draw it): spans per label and origin, progress over time, and the
figures of each quantity group as values for a strip chart. Everything here is JSON-serialisable."""

from __future__ import annotations

from datetime import date
from typing import Any

from app.core.ledger import DEFAULT_TOLERANCE, build_ledger
from app.core.store import Store

# How a stored (origin, state) counts in the "spans per label and origin" chart.
ORIGIN_CATEGORIES = ("manual", "accepted suggestion", "edited", "pattern", "imported")
_CATEGORY = {
    "manual": "manual", "model": "accepted suggestion", "model-edited": "edited", "pattern": "pattern",
    "imported": "imported",
}


def spans_by_label_origin(store: Store, include_pending: bool = False) -> dict[str, dict[str, int]]:
    """label -> category -> number of accepted spans (every category present, zeros included). With
    `include_pending`, pending suggestions are counted under "pending"."""
    out: dict[str, dict[str, int]] = {}
    labels = [label.name for label in store.scheme.labels]
    for label in labels:
        out[label] = dict.fromkeys(ORIGIN_CATEGORIES, 0)
    for label, origin, state, n in store.conn.execute(
        "SELECT label, origin, state, count(*) FROM spans WHERE state <> 'rejected' GROUP BY label, origin, state"
    ):
        row = out.setdefault(label, dict.fromkeys(ORIGIN_CATEGORIES, 0))
        if state == "accepted":
            row[_CATEGORY[origin]] += n
        elif include_pending:
            row["pending"] = row.get("pending", 0) + n
    return out


def status_history(store: Store, doc_id: int | None = None) -> list[dict[str, Any]]:
    """Logged status changes (oldest first), optionally of one document."""
    where, params = ("WHERE doc_id = ?", (doc_id,)) if doc_id is not None else ("", ())
    rows = store.conn.execute(
        f"SELECT doc_id, old_status, new_status, changed_at FROM status_history {where} ORDER BY changed_at, id",
        params,
    )
    return [{"doc_id": d, "old": o, "new": n, "at": at} for d, o, n, at in rows]


def progress_over_time(store: Store) -> list[dict[str, Any]]:
    """Per day with a change: documents marked done that day, documents taken out of done, and the number
    of documents done at the end of the day (cumulative). Days are UTC dates (YYYY-MM-DD)."""
    days: dict[str, list[int]] = {}
    for old, new, at in store.conn.execute(
        "SELECT old_status, new_status, changed_at FROM status_history "
        "WHERE (new_status = 'done') <> (coalesce(old_status, '') = 'done') ORDER BY changed_at, id"
    ):
        day = days.setdefault(at[:10], [0, 0])
        if new == "done":
            day[0] += 1
        elif old == "done":
            day[1] += 1
    out, total = [], 0
    for day in sorted(days):
        done, undone = days[day]
        total += done - undone
        out.append({"day": day, "done": done, "undone": undone, "total_done": total})
    return out


def done_per_day(store: Store, start: date | None = None, end: date | None = None) -> list[tuple[str, int]]:
    """(day, documents marked done) for every day from `start` to `end` (defaults: first and last logged day),
    zeros included, for a bar chart."""
    series = {row["day"]: row["done"] for row in progress_over_time(store)}
    if not series:
        return []
    first = start or date.fromisoformat(min(series))
    last = end or date.fromisoformat(max(series))
    out = []
    for ordinal in range(first.toordinal(), last.toordinal() + 1):
        day = date.fromordinal(ordinal).isoformat()
        out.append((day, series.get(day, 0)))
    return out


def figures_per_quantity(
    store: Store, tolerance: float = DEFAULT_TOLERANCE, include_suggestions: bool = False
) -> list[dict[str, Any]]:
    """One entry per ledger group: its values (with the low/high of ranges and the qualifier) for a strip
    chart, the spread and whether it conflicts."""
    ledger = build_ledger(store, tolerance, include_suggestions)
    out = []
    for g in ledger.groups:
        spread = g.spread
        out.append({
            "group": g.key, "unit": g.unit, "named": g.named, "conflict": g.conflict,
            "min": spread[0] if spread else None, "max": spread[1] if spread else None,
            "points": [
                {"span_id": r.span_id, "doc_id": r.doc_id, "value": r.value, "low": r.low, "high": r.high,
                 "qualifier": r.qualifier, "actor": r.actor, "source": r.source or r.title}
                for r in g.rows if r.value is not None
            ],
        })
    return out
