"""Train an ACTOR + FIGURE entity recogniser on the gold sets, to compare a trained model with the rules.

    .venv/bin/python scripts/train_span_model.py OUT_DIR [--epochs 50] [--through 5] [--corpus ../shared/corpus]
    .venv/bin/python scripts/evaluate_gold.py --set heldout6 --model OUT_DIR/model-best

Trains on the gold sets up to heldoutN (`--through N`, default 5: dev, test, fresh, heldout to heldout5; then
score heldoutN+1, which it has not seen), first annotators only, on the normalised text
the engine gives the model, keeping the default pipeline's tagger and parser (the claim rules need them) and
replacing its entity recogniser with one that has its own token embedding. Two training articles are held back
to pick the best epoch. The model is a measurement, not shipped: part of its training text is the corpus, which
belongs to others.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.core.suggest.gold import build_gold  # noqa: E402
from app.core.suggest.normalize import normalise  # noqa: E402
from app.core.suggest.pipeline import DEFAULT_PIPELINE, load_pipeline  # noqa: E402

GOLD = ROOT / "tests" / "gold"
ARTICLES = GOLD / "articles"


def training_sets(through: int) -> list[tuple[str, Path | None]]:
    """(gold folder, article folder; None = the corpus) of the sets up to heldout`through`."""
    return [("dev", None), ("", None), ("fresh", ARTICLES), ("heldout", ARTICLES),
            *((f"heldout{n}", ARTICLES) for n in range(2, through + 1))]


def gold_docs(nlp, corpus: Path, through: int) -> list:
    from spacy.util import filter_spans

    docs = []
    for folder, articles in training_sets(through):
        for record in build_gold(articles or corpus, GOLD / folder if folder else GOLD):
            doc = nlp.make_doc(normalise(record["text"]))
            spans = [doc.char_span(s["start"], s["end"], label=s["label"], alignment_mode="expand")
                     for s in record["spans"] if s["label"] in ("ACTOR", "FIGURE")]
            doc.ents = filter_spans([s for s in spans if s is not None])  # a claim's actors and figures nest
            docs.append(doc)
    return docs


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=Path)
    ap.add_argument("--epochs", type=int, default=50)
    ap.add_argument("--through", type=int, default=5, help="train on the gold sets up to heldoutN")
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    a = ap.parse_args()
    from spacy.scorer import Scorer
    from spacy.training import Example

    nlp = load_pipeline(DEFAULT_PIPELINE).nlp
    nlp.remove_pipe("ner")
    ner = nlp.add_pipe("ner", last=True)
    a.out.mkdir(parents=True, exist_ok=True)
    docs = gold_docs(nlp, a.corpus, a.through)
    random.Random(0).shuffle(docs)
    train = [Example(nlp.make_doc(d.text), d) for d in docs[:-2]]
    held = docs[-2:]
    ner.initialize(lambda: train, nlp=nlp)
    optimizer, best, rng = nlp.create_optimizer(), -1.0, random.Random(1)
    for epoch in range(a.epochs):
        rng.shuffle(train)
        losses: dict[str, float] = {}
        with nlp.select_pipes(enable=["ner"]):
            for i in range(0, len(train), 2):
                nlp.update(train[i : i + 2], sgd=optimizer, drop=0.2, losses=losses)
        f1 = Scorer.score_spans([Example(nlp(d.text), d) for d in held], "ents")["ents_f"] or 0.0
        print(f"epoch {epoch:2d}  loss {losses['ner']:9.1f}  held-back F1 {f1:.3f}", flush=True)
        if f1 > best:
            best = f1
            nlp.to_disk(a.out / "model-best")
    print(f"best held-back F1 {best:.3f}: {a.out / 'model-best'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
