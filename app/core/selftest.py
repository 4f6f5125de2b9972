"""`marginalia --self-test` (or `python -m app --self-test`): the whole chain, headless, in a temporary folder.

demo articles -> project -> spaCy suggestions -> a manual span + relation -> Prodigy JSONL + spaCy DocBin ->
re-import of the JSONL into a second project -> same documents, spans and relations. Pure core: no Qt.
Exit code 0 when everything holds, 1 with the failing step and its reason otherwise.
"""

from __future__ import annotations

import argparse
import re
import sqlite3
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from app.core.paths import resource_path
from app.core.progress import run_to_end
from app.core.versions import versions

if TYPE_CHECKING:
    from app.core.store import Store

EXIT_OK, EXIT_FAILED = 0, 1
ANNOTATOR = "self-test"
REQUIRED_RESOURCES = (
    ("annotations", "scheme.toml"),
    ("annotations", "guidelines.md"),
    ("annotations", "label_map.toml"),
    ("resources", "icons", "marginalia.svg"),
)
_QUOTE = re.compile(r"“[^”]{10,}”|\"[^\"]{10,}\"")

SpanKey = tuple[int, int, str]


class SelfTestFailure(Exception):
    """A check did not hold; the message says what was expected and what was found."""


def check(condition: bool, reason: str) -> None:
    if not condition:
        raise SelfTestFailure(reason)


class Runner:
    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.step = "start"
        self.t0 = time.perf_counter()

    def say(self, text: str) -> None:
        print(f"self-test: {text}", file=self.out, flush=True)

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        self.step = name
        t = time.perf_counter()
        yield
        self.say(f"{name}: ok ({(time.perf_counter() - t) * 1000:.0f} ms)")


# -- the checks ------------------------------------------------------------------------------------------------


def check_resources() -> None:
    from app.core.demo import demo_files

    missing = [str(resource_path(*parts)) for parts in REQUIRED_RESOURCES if not resource_path(*parts).is_file()]
    check(not missing, f"missing bundled files: {', '.join(missing)}")
    check(len(demo_files()) > 0, f"no demo articles in {resource_path('resources', 'demo')}")


def accepted_spans(store: Store, doc_id: int) -> set[SpanKey]:
    from app.core.types import SpanState

    return {(s.start, s.end, s.label) for s in store.spans_for(doc_id, (SpanState.ACCEPTED,))}


def accepted_relations(store: Store, doc_id: int) -> set[tuple[SpanKey, SpanKey, str]]:
    from app.core.types import SpanState

    spans = {s.id: (s.start, s.end, s.label) for s in store.spans_for(doc_id, (SpanState.ACCEPTED,))}
    return {(spans[r.head_id], spans[r.child_id], r.label)
            for r in store.relations_for(doc_id, (SpanState.ACCEPTED,))}


def snapshot(store: Store) -> dict[str, tuple[set[SpanKey], set[tuple[SpanKey, SpanKey, str]]]]:
    """Accepted spans and relations of every document, keyed by the document's text."""
    return {doc.text: (accepted_spans(store, doc.id), accepted_relations(store, doc.id))
            for doc in store.iter_documents(None)}


def tag_document(store: Store, doc_id: int) -> tuple[int, int]:
    """What an analyst does: accept a suggested actor, tag a quoted claim by hand, link it to the actor
    (SOURCE), mark the document done. Returns (accepted spans, relations) of the document afterwards."""
    from app.core.types import NewSpan, Origin, SpanState, Status

    doc = store.get_document(doc_id)
    suggestions = store.spans_for(doc_id, (SpanState.PENDING,))
    actors = [s for s in suggestions if s.label == "ACTOR"]
    check(bool(actors), f"the model suggested no ACTOR in demo document {doc_id} ({doc.title!r})")
    _, actor = store.update_span(actors[0].id, state=SpanState.ACCEPTED, annotator=ANNOTATOR)
    quote = _QUOTE.search(doc.text)
    check(quote is not None, f"demo document {doc_id} has no quotation to tag as a claim")
    assert quote is not None
    start, end = quote.span()
    existing = store.find_span(doc_id, start, end, "CLAIM")
    if existing is not None:  # the model suggested exactly this claim: the manual one replaces it
        store.delete_span(existing.id)
    claim = store.add_span(doc_id, NewSpan(start, end, "CLAIM", Origin.MANUAL, annotator=ANNOTATOR))
    check(claim.origin == Origin.MANUAL and claim.state == SpanState.ACCEPTED, f"stored claim is {claim}")
    store.add_relation(claim.id, actor.id, "SOURCE")
    store.set_status(doc_id, Status.DONE)
    spans, relations = accepted_spans(store, doc_id), accepted_relations(store, doc_id)
    check((start, end, "CLAIM") in spans, "the manual CLAIM span is not stored as accepted")
    check(len(relations) >= 1, "the SOURCE relation is not stored")
    return len(spans), len(relations)


def check_docbin(folder: Path, n_docs: int, n_spans: int) -> None:
    from spacy.tokens import DocBin
    from spacy.vocab import Vocab

    files = [folder / "train.spacy", folder / "dev.spacy", folder / "config.cfg"]
    missing = [f.name for f in files if not f.is_file()]
    check(not missing, f"spaCy export lacks {', '.join(missing)} in {folder}")
    vocab = Vocab()
    docs = [doc for name in ("train.spacy", "dev.spacy") for doc in DocBin().from_disk(folder / name).get_docs(vocab)]
    check(len(docs) == n_docs, f"DocBin holds {len(docs)} documents, expected {n_docs}")
    found = sum(len(d.spans.get("sc", [])) for d in docs)
    check(found == n_spans, f"DocBin holds {found} spans in doc.spans['sc'], expected {n_spans}")


def integrity(path: Path) -> None:
    conn = sqlite3.connect(path)
    try:
        result = conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()
    check(result == "ok", f"{path.name}: integrity_check says {result}")


def run_selftest(out: TextIO = sys.stdout, workdir: Path | None = None,
                 load_engine: Callable[[], Any] | None = None) -> int:
    """Run every step; print one line per step to `out`; return the exit code."""
    r = Runner(out)
    r.say(", ".join(f"{k} {v}" for k, v in versions().items()))
    try:
        with tempfile.TemporaryDirectory(prefix="marginalia-selftest-", dir=workdir) as tmp:
            _steps(r, Path(tmp), load_engine)
    except SelfTestFailure as exc:
        r.say(f"FAILED at {r.step}: {exc}")
        return EXIT_FAILED
    except Exception as exc:
        traceback.print_exc(file=out)
        r.say(f"FAILED at {r.step}: {type(exc).__name__}: {exc}")
        return EXIT_FAILED
    r.say(f"passed in {time.perf_counter() - r.t0:.1f} s")
    return EXIT_OK


def _steps(r: Runner, tmp: Path, load_engine: Callable[[], Any] | None) -> None:
    from app.core.demo import create_demo_project, demo_files
    from app.core.exporters import export
    from app.core.importers import import_paths
    from app.core.store import Store

    with r.stage("resources"):
        check_resources()
    first, second = tmp / "selftest.marginalia", tmp / "reimport.marginalia"
    with r.stage("import demo articles"):
        create_demo_project(first)
    with Store(first) as store:
        n_docs = store.count_documents()
        check(n_docs == len(demo_files()), f"{n_docs} documents imported, expected {len(demo_files())}")
        with r.stage("load the spaCy pipeline (in its own process, as the window does)"):
            from app.core.model_host import close_engine, engine_job
            from app.core.suggest.pipeline import DEFAULT_PIPELINE

            engine = run_to_end(engine_job(DEFAULT_PIPELINE)) if load_engine is None else load_engine()
        try:
            with r.stage("suggest"):
                from app.core.suggest import suggest_project

                report = run_to_end(suggest_project(store, engine))
                check(report.documents == n_docs, f"suggested for {report.documents} of {n_docs} documents")
                check(report.spans_added > 0, "the model suggested nothing for the demo articles")
        finally:
            close_engine(engine)
        with r.stage("tag (accept, manual span, relation)"):
            doc_id = store.next_document(None)
            check(doc_id is not None, "no to-do document to tag")
            assert doc_id is not None
            n_spans, _ = tag_document(store, doc_id)
        with r.stage("export Prodigy JSONL and spaCy DocBin"):
            run_to_end(export(store, "prodigy", tmp / "out.jsonl"))
            run_to_end(export(store, "spacy", tmp / "spacy"))
            check_docbin(tmp / "spacy", n_docs, n_spans)
        before = snapshot(store)
    with r.stage("re-import the JSONL into a second project"), Store(second) as copy:
        imported = run_to_end(import_paths(copy, [tmp / "out.jsonl"], "jsonl"))
        check(not imported.rejected, f"re-import rejected records: {imported.summary()}")
        after = snapshot(copy)
    with r.stage("compare"):
        check(set(after) == set(before), f"{len(after)} documents after re-import, expected {len(before)}")
        for text, (spans, relations) in before.items():
            got_spans, got_relations = after[text]
            check(got_spans == spans, f"spans differ after re-import: lost {sorted(spans - got_spans)}, "
                                      f"gained {sorted(got_spans - spans)}")
            check(got_relations == relations, f"relations differ after re-import: {relations} != {got_relations}")
        check(sum(len(s) for s, _ in before.values()) == n_spans, "tagged spans missing from the snapshot")
    with r.stage("integrity_check"):
        integrity(first)
        integrity(second)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="marginalia --self-test",
                                     description="Run Marginalia's headless self-test and exit 0 if it passes.")
    parser.add_argument("--self-test", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--workdir", type=Path, help="folder for the temporary projects (default: system temp)")
    args = parser.parse_args(argv)
    return run_selftest(sys.stdout, args.workdir)


if __name__ == "__main__":
    sys.exit(main())
