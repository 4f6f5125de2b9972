"""How far two annotators agree: one offsets-only gold folder scored against another, both ways.

    .venv/bin/python scripts/gold_agreement.py tests/gold/heldout2 tests/gold/heldout2_second
    .venv/bin/python scripts/gold_agreement.py tests/gold tests/gold/second_annotator --articles ../shared/corpus

Prints, per label, F1 for exact and overlapping boundaries, distinct actor names per article and the share of
claims found with the same source (each gold scored against the other).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.core.suggest.evaluate import parse_gold, score_documents  # noqa: E402
from app.core.suggest.gold import build_gold  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("first", type=Path)
    ap.add_argument("second", type=Path)
    ap.add_argument("--articles", type=Path, default=ROOT / "tests" / "gold" / "articles")
    a = ap.parse_args(argv)
    first = parse_gold(build_gold(a.articles, a.first))
    second = parse_gold(build_gold(a.articles, a.second))
    names = [f"{a.second} scored against {a.first}", f"{a.first} scored against {a.second}"]
    for name, (gold, other) in zip(names, ((first, second), (second, first)), strict=True):
        result = score_documents([(g, o.spans, o.sources) for g, o in zip(gold, other, strict=True)])
        print(name)
        for label, scores in sorted(result["labels"].items()):
            print(f"  {label:<7} F1 exact {scores['exact']['f1']:.3f}  overlap {scores['overlap']['f1']:.3f}")
        print(f"  ACTOR distinct names F1 {result['actor_names']['f1']:.3f}")
        print(f"  CLAIM with the same source {100 * result['claims']['covered_right_source_share']:.1f} %")
    return 0


if __name__ == "__main__":
    sys.exit(main())
