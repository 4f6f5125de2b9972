"""Score the suggestion engine against the offsets-only gold sets.

    .venv/bin/python scripts/evaluate_gold.py [--set NAME ...] [--corpus DIR] [--model NAME] [--json]
    .venv/bin/python scripts/evaluate_gold.py --set dev --errors      # list misses and extras (not on heldout!)

Sets (tests/gold/README.md): dev (corpus 000, 002, 003), test (corpus 001, 004), second (001, 004 by a second
annotator), fresh (articles written for Marginalia: fresh_02, 03, 05, 06, 07, 08), heldout / heldout2
(fresh_01, 04 / fresh_09, 10: tuned on in round 3), heldout2-second (a second annotator's gold of fresh_09, 10),
heldout3 (fresh_11 to 14: scored once, then tuned on in round 3), heldout4 (fresh_15 to 18, written and
annotated after that tuning, scored once, then tuned on in round 4), heldout5 (fresh_19 to 24, written and annotated
in round 4 while the rules were tuned on heldout4, scored once after that tuning), heldout6 to
heldout37 (fresh_25 to 30 / 31 to 36 / 37 to 42 / 43 to 48 / 49 to 54 / 55 to 60 / 61 to 66 / 67 to 72 / 73 to
78 / 79 to 84 / 85 to 90 / 91 to 96 / 97 to 102 / 103 to 108 / 109 to 114 / 115 to 120 / 121 to 126 / 127 to 132 /
133 to 138 / 139 to 144 / 145 to 150 / 151 to 156 / 157 to 162 / 163 to 168 / 169 to 174 / 175 to
180 / 181 to 186 / 187 to 192 / 193 to 198 / 199 to 204 / 205 to 210 / 214 to
216, the same way in rounds 5 to 36) and the -second sets (a second annotator's gold).
The corpus sets need the corpus folder (--corpus); the others carry their articles in the repository. For each
set the gold is built from the articles (checksums checked), the articles are imported into a temporary
project, `suggest_project` pre-annotates them exactly as the app does, and `evaluate_store` scores the pending
suggestions.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path
from typing import Any

import orjson

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.core.store import Store  # noqa: E402
from app.core.suggest.engine import SuggestionEngine, load_engine  # noqa: E402
from app.core.suggest.evaluate import evaluate_store, format_report, parse_gold, pre_annotated_project  # noqa: E402
from app.core.suggest.gold import build_gold  # noqa: E402
from app.core.suggest.pipeline import DEFAULT_PIPELINE  # noqa: E402
from app.core.types import SpanState  # noqa: E402

GOLD = ROOT / "tests" / "gold"
ARTICLES = GOLD / "articles"
# set name -> (gold folder, article folder; None = the corpus folder)
LAST_HELDOUT = 37  # heldout2 ... heldoutN, each with its second annotator's gold in heldoutN_second/
SETS: dict[str, tuple[Path, Path | None]] = {
    "dev": (GOLD / "dev", None), "test": (GOLD, None), "fresh": (GOLD / "fresh", ARTICLES),
    "heldout": (GOLD / "heldout", ARTICLES),
    **{name: (GOLD / folder, ARTICLES) for n in range(2, LAST_HELDOUT + 1)
       for name, folder in ((f"heldout{n}", f"heldout{n}"), (f"heldout{n}-second", f"heldout{n}_second"))},
    "second": (GOLD / "second_annotator", None),
}
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"


def _errors(store: Store, records: list[dict[str, Any]]) -> str:
    """Gold spans the engine missed and suggestions that are not gold, per document (for dev tuning)."""
    out = []
    for rec in records:
        text = rec["text"]
        doc_id = store.document_id_for_text(text)
        if doc_id is None:
            continue
        spans = store.spans_for(doc_id, (SpanState.PENDING,))
        by_id = {s.id: (s.start, s.end, s.label) for s in spans}
        pred = set(by_id.values())
        gold = {(s["start"], s["end"], s["label"]) for s in rec["spans"]}
        out.append(f"== {rec['meta']['gold']}")
        for kind, keys in (("missed", gold - pred), ("extra", pred - gold)):
            for s, e, lab in sorted(keys, key=lambda k: (k[2], k[0])):
                out.append(f"  {kind:<6} {lab:<6} {s:>5} {text[s:e][:100]!r}")
        gsrc = {(r["head_span"]["start"], r["head_span"]["end"]): text[r["child_span"]["start"]:r["child_span"]["end"]]
                for r in rec["relations"]}
        for r in store.relations_for(doc_id, (SpanState.PENDING,)):
            h, c = by_id.get(r.head_id), by_id.get(r.child_id)
            if h and c:
                want = next((v for (s, e), v in gsrc.items() if s < h[1] and h[0] < e), "-")
                out.append(f"  source {text[h[0]:h[1]][:60]!r} -> {text[c[0]:c[1]]!r} (gold: {want})")
    return "\n".join(out)


def evaluate_set(engine: SuggestionEngine, corpus: Path, gold_dir: Path, errors: bool = False) -> dict[str, Any]:
    return _evaluate_records(engine, build_gold(corpus, gold_dir), errors)


def _evaluate_records(engine: SuggestionEngine, records: list[dict[str, Any]], errors: bool = False) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp, \
            pre_annotated_project(Path(tmp) / "gold.marginalia", records, engine) as store:
        result = evaluate_store(store, parse_gold(records), (SpanState.PENDING,))
        if errors:
            result["errors"] = _errors(store, records)
    return result


def _headline(result: dict[str, Any]) -> str:
    """FIGURE exact P/R, ACTOR distinct-name P/R and CLAIM right-source share of one result, on one line."""
    fig = result["labels"].get("FIGURE", {}).get("exact", {})
    names, claims = result.get("actor_names", {}), result.get("claims", {})
    return (f"FIGURE P {fig.get('precision', 0):.2f} R {fig.get('recall', 0):.2f}   ACTOR names P "
            f"{names.get('precision', 0):.2f} R {names.get('recall', 0):.2f}   CLAIM right source "
            f"{100 * claims.get('covered_right_source_share', 0):.0f}% of {claims.get('gold', 0)}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--set", choices=[*SETS, "all"], nargs="+", default=["dev", "test"])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help=f"article folder (default {DEFAULT_CORPUS})")
    ap.add_argument("--model", default=DEFAULT_PIPELINE)
    ap.add_argument("--json", action="store_true", help="print the scores as JSON")
    ap.add_argument("--errors", action="store_true", help="list missed and extra spans (never on heldout)")
    ap.add_argument("--per-article", action="store_true", help="one line of headline scores per article")
    a = ap.parse_args(argv)
    names = list(SETS) if "all" in a.set else list(dict.fromkeys(a.set))
    if any(SETS[n][1] is None for n in names) and not a.corpus.is_dir():
        print(f"evaluate_gold: no corpus folder {a.corpus} (give --corpus DIR)", file=sys.stderr)
        return 2
    engine = load_engine(a.model)
    if a.per_article:
        for name in names:
            for rec in build_gold(SETS[name][1] or a.corpus, SETS[name][0]):
                print(f"{name:<16} {rec['meta']['gold']:<24} {_headline(_evaluate_records(engine, [rec]))}")
        return 0
    results = {
        name: evaluate_set(engine, SETS[name][1] or a.corpus, SETS[name][0], a.errors) for name in names
    }
    if a.json:
        sys.stdout.write(orjson.dumps(results, option=orjson.OPT_INDENT_2).decode() + "\n")
        return 0
    for name, result in results.items():
        print(f"### {name} ({SETS[name][0].relative_to(ROOT)})")
        print(format_report(result))
        if "errors" in result:
            print(result["errors"])
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
