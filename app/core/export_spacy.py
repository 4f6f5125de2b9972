"""The spaCy export: a folder with `train.spacy`, `dev.spacy` and a `config.cfg` ready for `spacy train`.

All spans go to `doc.spans["sc"]` (for spancat); ACTOR and FIGURE spans that do not overlap also go to
`doc.ents` (for ner; longer spans win). Each split is one DocBin file; a split larger than SHARD_DOCS
documents becomes a folder of DocBin shards of the same name, which `spacy train` reads just the same.
"""

from __future__ import annotations

import random
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from app.core.exporters import (
    BATCH,
    ExportReport,
    Item,
    batches,
    count_documents,
    export_progress,
    iter_items,
    tally,
    tokenizer,
)
from app.core.progress import Job
from app.core.store import Store
from app.core.types import SpanState, Status

if TYPE_CHECKING:
    from spacy.tokens import Doc, DocBin

ENT_LABELS = ("ACTOR", "FIGURE")
SPANS_KEY = "sc"
SHARD_DOCS = 1000  # a DocBin holds its docs uncompressed until written: this bounds memory
DOCBIN_ATTRS = ("ORTH", "SPACY", "ENT_IOB", "ENT_TYPE")  # all a blank-tokenised doc has (plus spans)
MAX_SUGGESTER_TOKENS = 32  # spancat proposes n-grams up to this length (or the longest span, if shorter)
OUTPUTS = ("train.spacy", "dev.spacy", "config.cfg")


def dev_positions(n: int, dev_fraction: float, seed: int) -> set[int]:
    """Which of `n` documents (by position in export order) go to dev: a seeded random sample of
    round(n * dev_fraction), but at least one and never all when there are two or more documents."""
    k = min(max(round(n * dev_fraction), 1), n - 1) if n >= 2 else 0
    return set(random.Random(seed).sample(range(n), k))


def build_doc(item: Item, doc: Doc, report: ExportReport) -> tuple[Doc, int]:
    """Put `item`'s spans on `doc` (tokenised text); returns the doc and its longest span in tokens."""
    from spacy.util import filter_spans

    text = item.doc.text
    group, seen, candidates = [], set(), []
    longest = 0
    for s in item.spans:
        span = doc.char_span(s.start, s.end, label=s.label, alignment_mode="expand")
        if span is None or not text[s.start : s.end].strip():
            report.dropped_spans += 1
            continue
        if (span.start, span.end, s.label) in seen:
            continue
        seen.add((span.start, span.end, s.label))
        group.append(span)
        longest = max(longest, len(span))
        if s.label in ENT_LABELS:
            # entities must not begin or end with whitespace tokens
            start = s.start + len(text[s.start : s.end]) - len(text[s.start : s.end].lstrip())
            end = s.start + len(text[s.start : s.end].rstrip())
            ent = doc.char_span(start, end, label=s.label, alignment_mode="expand")
            if ent is not None and len(ent):
                candidates.append(ent)
    doc.spans[SPANS_KEY] = group
    doc.ents = filter_spans(candidates)
    report.entities += len(doc.ents)
    doc.user_data["marginalia_id"] = item.doc.id
    doc.user_data["title"] = item.doc.title
    doc.user_data["status"] = str(item.doc.status)
    by_id = {s.id: s for s in item.spans}
    doc.user_data["relations"] = [
        {
            "head": [by_id[r.head_id].start, by_id[r.head_id].end, by_id[r.head_id].label],
            "child": [by_id[r.child_id].start, by_id[r.child_id].end, by_id[r.child_id].label],
            "label": r.label,
        }
        for r in item.relations
        if r.head_id in by_id and r.child_id in by_id
    ]
    return doc, longest


class _SplitWriter:
    """Collects one split's docs in DocBins of at most SHARD_DOCS, written into a staging folder."""

    def __init__(self, name: str, staging: Path) -> None:
        self.name = name
        self.staging = staging
        self.shards: list[Path] = []
        self.count = 0
        self.bin = self._new_bin()

    @staticmethod
    def _new_bin() -> DocBin:
        from spacy.tokens import DocBin

        return DocBin(attrs=list(DOCBIN_ATTRS), store_user_data=True)

    def add(self, doc: Doc) -> None:
        self.bin.add(doc)
        self.count += 1
        if len(self.bin) >= SHARD_DOCS:
            self._flush()

    def _flush(self) -> None:
        shard = self.staging / f"{self.name}.shards" / f"{len(self.shards):05d}.spacy"
        shard.parent.mkdir(exist_ok=True)
        self.bin.to_disk(shard)
        self.shards.append(shard)
        self.bin = self._new_bin()

    def finish(self) -> Path:
        """Write what is left; returns the staged `<name>` (a file, or a folder of shards)."""
        if len(self.bin) or not self.shards:
            self._flush()
        target = self.staging / self.name
        if len(self.shards) == 1:
            self.shards[0].replace(target)
            self.shards[0].parent.rmdir()
        else:
            self.shards[0].parent.replace(target)
        return target


def write_config(path: Path, has_ents: bool, longest_span: int) -> None:
    """A training config from spaCy's own quickstart template (offline), with ner and spancat."""
    from spacy.cli.init_config import init_config

    pipeline = ["ner", "spancat"] if has_ents else ["spancat"]
    config = init_config(lang="en", pipeline=pipeline, optimize="efficiency", silent=True)
    config["paths"]["train"] = "train.spacy"
    config["paths"]["dev"] = "dev.spacy"
    config["components"]["spancat"]["suggester"] = {
        "@misc": "spacy.ngram_range_suggester.v1",
        "min_size": 1,
        "max_size": max(1, min(longest_span, MAX_SUGGESTER_TOKENS)),
    }
    config.to_disk(path)


def spacy_job(
    store: Store,
    out: Path,
    statuses: list[Status] | None,
    states: tuple[SpanState, ...],
    *,
    seed: int = 0,
    dev_fraction: float = 0.2,
) -> Job[ExportReport]:
    """Write the spaCy training folder `out`; files appear there only when the whole export succeeded."""
    report = ExportReport("spacy")
    total = count_documents(store, statuses)
    yield export_progress(0, total)
    dev = dev_positions(total, dev_fraction, seed)
    created = not out.exists()
    out.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".marginalia-export-", dir=out))
    try:
        writers = {"train": _SplitWriter("train.spacy", staging), "dev": _SplitWriter("dev.spacy", staging)}
        tok = tokenizer()
        longest, has_ents = 1, False
        for chunk in batches(iter_items(store, statuses, states)):
            texts = (i.doc.text for i in chunk)
            for item, tokens in zip(chunk, tok.pipe(texts, batch_size=BATCH), strict=True):
                doc, span_tokens = build_doc(item, tokens, report)
                longest = max(longest, span_tokens)
                has_ents = has_ents or bool(doc.ents)
                writers["dev" if report.documents in dev else "train"].add(doc)
                tally(report, item)
            yield export_progress(report.documents, total)
        for writer in writers.values():
            writer.finish()
        write_config(staging / "config.cfg", has_ents, longest)
        report.train_documents = writers["train"].count
        report.dev_documents = writers["dev"].count
        for name in OUTPUTS:
            target = out / name
            if target.is_dir():
                shutil.rmtree(target)
            elif target.exists() and (staging / name).is_dir():
                target.unlink()
            (staging / name).replace(target)
            report.paths.append(target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        if created and not report.paths and not any(out.iterdir()):
            out.rmdir()
    return report
