"""Scoring a project's spans against gold data in the Prodigy format (one JSON object a line with "text",
"spans" [{start, end, label}] and "relations" [{head_span, child_span, label}]).

Gold documents are matched to project documents by their exact text. Reported per label: precision, recall
and F1 for exact boundaries and for overlapping ones; for ACTOR also precision/recall over the distinct names
of each article; for CLAIM the share of gold claims covered (overlap) by a predicted claim with the right source.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from app.core.progress import run_to_end
from app.core.store import Store
from app.core.suggest.actors import name_key as _spaced_key
from app.core.suggest.batch import Suggester, suggest_project
from app.core.types import NewDocument, SpanState

Key = tuple[int, int, str]


@dataclass(frozen=True, slots=True)
class GoldDoc:
    text: str
    spans: list[Key]
    sources: dict[Key, Key]  # claim -> actor


def _key(obj: dict[str, Any]) -> Key:
    return (int(obj["start"]), int(obj["end"]), str(obj["label"]))


def parse_gold(records: Iterable[dict[str, Any]], source_relation: str = "SOURCE") -> list[GoldDoc]:
    out = []
    for rec in records:
        spans = [_key(s) for s in rec.get("spans", [])]
        sources: dict[Key, Key] = {}
        for rel in rec.get("relations", []):
            if rel.get("label") == source_relation and "head_span" in rel and "child_span" in rel:
                sources[_key(rel["head_span"])] = _key(rel["child_span"])
        out.append(GoldDoc(rec["text"], spans, sources))
    return out


def load_gold(path: str | Path) -> list[GoldDoc]:
    lines = Path(path).read_bytes().splitlines()
    return parse_gold(orjson.loads(line) for line in lines if line.strip())


def name_key(text: str) -> str:
    """The suggester's name key, also without a leading "the", a possessive and edge punctuation."""
    key = _spaced_key(text)
    if key.startswith("the "):
        key = key[4:]
    for suffix in ("'s", "'"):
        if key.endswith(suffix):
            key = key[: -len(suffix)]
    return key.strip(" .,")


def canonical_names(names: set[str]) -> dict[str, str]:
    """Map each name to the longest name of the article it ends ("Zelensky" -> "volodymyr zelensky"); a single
    word that begins exactly one longer name is that name too (a first name: "oksana" -> "oksana kovalchuk")."""
    out = {}
    for name in names:
        longer = [n for n in names if n != name and n.endswith(" " + name)]
        if not longer and " " not in name:
            first = [n for n in names if n.startswith(name + " ")]
            longer = first if len(first) == 1 else []
        out[name] = max(longer, key=lambda n: (len(n), n)) if longer else name  # ties broken the same every run
    return out


def _prf(tp_p: int, n_pred: int, tp_r: int, n_gold: int) -> dict[str, float | int]:
    p = tp_p / n_pred if n_pred else 0.0
    r = tp_r / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "pred": n_pred, "gold": n_gold}


def _overlaps(a: Key, b: Key) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def score_documents(
    pairs: list[tuple[GoldDoc, list[Key], dict[Key, Key]]], actor: str = "ACTOR", claim: str = "CLAIM"
) -> dict[str, Any]:
    """Scores for (gold, predicted spans, predicted claim -> source) triples of matched documents."""
    labels = sorted({k[2] for g, pred, _ in pairs for k in (*g.spans, *pred)})
    counts = {lab: dict.fromkeys(("pred", "gold", "exact", "ov_p", "ov_r"), 0) for lab in labels}
    names = {"pred": 0, "gold": 0, "tp": 0}
    claims = {"gold": 0, "covered": 0, "covered_right_source": 0}
    for gold, pred, pred_sources in pairs:
        gset, pset = set(gold.spans), set(pred)
        for lab in labels:
            g = [k for k in gset if k[2] == lab]
            p = [k for k in pset if k[2] == lab]
            c = counts[lab]
            c["pred"] += len(p)
            c["gold"] += len(g)
            c["exact"] += len(set(g) & set(p))
            c["ov_p"] += sum(1 for k in p if any(_overlaps(k, x) for x in g))
            c["ov_r"] += sum(1 for k in g if any(_overlaps(k, x) for x in p))
        text = gold.text
        g_names = {name_key(text[s:e]) for s, e, lab in gset if lab == actor}
        p_names = {name_key(text[s:e]) for s, e, lab in pset if lab == actor}
        canon = canonical_names(g_names | p_names)
        g_set, p_set = {canon[n] for n in g_names}, {canon[n] for n in p_names}
        names["gold"] += len(g_set)
        names["pred"] += len(p_set)
        names["tp"] += len(g_set & p_set)
        for gclaim, gsrc in gold.sources.items():
            claims["gold"] += 1
            hits = [k for k in pset if k[2] == claim and _overlaps(k, gclaim)]
            if hits:
                claims["covered"] += 1
            want = canon.get(name_key(text[gsrc[0] : gsrc[1]]), name_key(text[gsrc[0] : gsrc[1]]))
            for k in hits:
                src = pred_sources.get(k)
                if src is not None and canon.get(name_key(text[src[0] : src[1]]), "") == want:
                    claims["covered_right_source"] += 1
                    break
    per_label = {
        lab: {
            "exact": _prf(c["exact"], c["pred"], c["exact"], c["gold"]),
            "overlap": _prf(c["ov_p"], c["pred"], c["ov_r"], c["gold"]),
        }
        for lab, c in counts.items()
    }
    n = claims["gold"]
    return {
        "documents": len(pairs),
        "labels": per_label,
        "actor_names": _prf(names["tp"], names["pred"], names["tp"], names["gold"]),
        "claims": {
            **claims,
            "covered_share": round(claims["covered"] / n, 4) if n else 0.0,
            "covered_right_source_share": round(claims["covered_right_source"] / n, 4) if n else 0.0,
        },
    }


STATE_CHOICES = {
    "all": (SpanState.PENDING, SpanState.ACCEPTED),
    "pending": (SpanState.PENDING,),
    "accepted": (SpanState.ACCEPTED,),
}


def evaluate_store(
    store: Store, gold: list[GoldDoc], states: Iterable[SpanState] = STATE_CHOICES["all"],
    source_relation: str = "SOURCE",
) -> dict[str, Any]:
    """Score the project's spans in `states` against `gold`; unmatched gold documents are counted, not scored."""
    states = tuple(states)
    pairs = []
    unmatched = 0
    for g in gold:
        doc_id = store.document_id_for_text(g.text)
        if doc_id is None:
            unmatched += 1
            continue
        spans = store.spans_for(doc_id, states)
        by_id = {s.id: (s.start, s.end, s.label) for s in spans}
        sources = {
            by_id[r.head_id]: by_id[r.child_id]
            for r in store.relations_for(doc_id, states)
            if r.label == source_relation and r.head_id in by_id and r.child_id in by_id
        }
        pairs.append((g, list(by_id.values()), sources))
    result = score_documents(pairs)
    result["unmatched_gold_documents"] = unmatched
    result["states"] = [str(s) for s in states]
    return result


def format_report(result: dict[str, Any]) -> str:
    lines = [
        f"documents scored: {result['documents']} (gold documents not in the project: "
        f"{result.get('unmatched_gold_documents', 0)}); spans: {', '.join(result.get('states', []))}",
        "",
        f"{'label':<8} {'match':<8} {'P':>6} {'R':>6} {'F1':>6} {'pred':>6} {'gold':>6}",
    ]
    for lab, by in result["labels"].items():
        for kind in ("exact", "overlap"):
            m = by[kind]
            lines.append(
                f"{lab:<8} {kind:<8} {m['precision']:>6.3f} {m['recall']:>6.3f} {m['f1']:>6.3f} "
                f"{m['pred']:>6} {m['gold']:>6}"
            )
    a = result["actor_names"]
    lines += [
        "",
        f"ACTOR distinct names per article: P {a['precision']:.3f}  R {a['recall']:.3f}  F1 {a['f1']:.3f}  "
        f"(pred {a['pred']}, gold {a['gold']})",
    ]
    c = result["claims"]
    lines.append(
        f"CLAIM gold claims with a source: {c['gold']}; covered {c['covered']} ({c['covered_share']:.1%}); "
        f"covered with the right source {c['covered_right_source']} ({c['covered_right_source_share']:.1%})"
    )
    return "\n".join(lines)


def pre_annotated_project(path: Path, records: list[dict[str, Any]], engine: Suggester) -> Store:
    """A new project at `path` holding the gold records' texts, pre-annotated by `engine` exactly as the app's
    batch suggestion does (the suggestions pending). The caller closes it."""
    store = Store(path)
    store.add_documents([NewDocument(r["text"]) for r in records])
    run_to_end(suggest_project(store, engine))
    return store
