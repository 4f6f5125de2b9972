"""The five corpus articles imported and tagged with the figures, claims and actors the ledger and actor tests
use. Spans are placed by finding their strings in the texts (the articles are never copied here)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from app.core.figures import apply_figure_attributes
from app.core.importers import import_paths
from app.core.progress import run_to_end
from app.core.store import Store
from app.core.types import NewSpan

# (a phrase unique to the article, the figure's text)
FIGURES = [
    ("Kursk, capturing", "approximately 1000 square kilometres"),
    ("retain a grip", "roughly 300 square miles"),
    ("Five months ago", "approximately 1,300 square kilometers"),
    ("Five months ago", "about 600 square kilometers"),
    ("Syrskyi revealed", "50,000 troops"),
    ("Russia had to pull", "almost 60,000 troops"),
    ("Russia had to pull", "some 12,000 North Korean troops"),
    ("Stupak points out", "11,000 North Korean soldiers"),
    ("Russia had to pull", "38,000 casualties"),
    ("Stupak points out", "around 40,000 killed and wounded"),
    ("Zaluzhnyi, admitted", "at least 150,000 dead"),
    ("Russia had to pull", "$122 billion"),
    ("Russia had to pull", "around $66 billion"),
    ("Stupak points out", "no more than 30 percent"),
    ("Stupak points out", "70%"),
    ("Russia had to pull", "around nine square miles"),
    ("Russia had to pull", "12 to 18 months"),
]
AREA_HELD = "area held by Ukraine in Kursk"
AREA_FIGURES = (
    "approximately 1000 square kilometres", "roughly 300 square miles", "approximately 1,300 square kilometers",
    "about 600 square kilometers",
)
# (article phrase, claim text, actor text, the actor's occurrence to use: text found after this anchor)
CLAIMS = [
    ("Russia had to pull", "Russia had to pull almost 60,000 troops off the Ukrainian front to deal with it.",
     "Zelensky", "appears to be doubling"),
    ("Russia had to pull", "Russia has suffered 38,000 casualties in Kursk", "Zelensky", "inflict casualties"),
    ("Syrskyi revealed", "the initial Kursk offensive forced Russia to redeploy 50,000 troops to the front",
     "Ukrainian Commander-in-Chief Oleksandr Syrskyi", ""),
    ("Stupak points out",
     "Ukrainian estimates for Russian casualties in Kursk since August stand at around 40,000 killed and wounded",
     "Stupak", "Stupak points"),
]
# (article phrase, actor text) of further ACTOR mentions
ACTORS = [
    ("Russia had to pull", "Ukrainian President Volodymyr Zelensky"),
    ("Stupak points out", "Ukrainian President Volodymyr Zelensky"),
    ("Stupak points out", "Mr. Zelensky"),
    ("Stupak points out", "Ivan Stupak"),
    ("Kursk, capturing", "North Atlantic Treaty Organisation"),
    ("Kursk, capturing", "NATO"),
    ("Kursk, capturing", "The Kremlin"),
    ("Kursk, capturing", "Moscow"),
    ("Kursk, capturing", "Kyiv"),
    ("Russia had to pull", "the Kremlin"),
    ("Syrskyi revealed", "Kursk"),
]


@dataclass
class Tagged:
    store: Store
    docs: dict[str, int] = field(default_factory=dict)  # article phrase -> doc id
    figures: dict[str, int] = field(default_factory=dict)  # figure text -> span id
    claims: dict[str, int] = field(default_factory=dict)

    def text(self, phrase: str) -> str:
        return self.store.get_document(self.docs[phrase]).text


def _doc_for(store: Store, phrase: str) -> int:
    hits = [d.id for d in store.iter_documents() if phrase in d.text]
    assert len(hits) == 1, (phrase, hits)
    return hits[0]


def _add(store: Store, doc_id: int, text: str, needle: str, label: str, after: str = "") -> int:
    base = text.find(after) if after else 0
    assert base >= 0, after
    start = text.find(needle, base)
    assert start >= 0, needle
    return store.add_span(doc_id, NewSpan(start, start + len(needle), label)).id


def tag_corpus(path: Path, corpus: list[Path]) -> Tagged:
    """A project at `path` holding the corpus with the spans above (figure attributes computed)."""
    store = Store(path)
    report = run_to_end(import_paths(store, corpus))
    assert report.imported == 5
    tagged = Tagged(store)
    phrases = {p for p, _ in FIGURES} | {p for p, *_ in CLAIMS} | {p for p, _ in ACTORS}
    tagged.docs = {p: _doc_for(store, p) for p in phrases}
    for phrase, figure in FIGURES:
        doc_id = tagged.docs[phrase]
        span_id = _add(store, doc_id, tagged.text(phrase), figure, "FIGURE")
        apply_figure_attributes(store, span_id)
        tagged.figures[figure] = span_id
    for phrase, claim, actor, after in CLAIMS:
        doc_id, text = tagged.docs[phrase], tagged.text(phrase)
        claim_id = _add(store, doc_id, text, claim, "CLAIM")
        actor_id = _add(store, doc_id, text, actor, "ACTOR", after)
        store.add_relation(claim_id, actor_id, "SOURCE")
        tagged.claims[claim] = claim_id
    for phrase, actor in ACTORS:
        _add(store, tagged.docs[phrase], tagged.text(phrase), actor, "ACTOR")
    return tagged
