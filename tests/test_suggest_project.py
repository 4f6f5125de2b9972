"""Batch suggestion into a project, rejected suggestions, cancellation, scoring, gold building and the CLI."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest
from suggest_support import shared_engine

import app.core.suggest.engine as engine_module
from app.cli import EXIT_FAILED, EXIT_OK, EXIT_USAGE, run_cli
from app.core.progress import run_to_end
from app.core.store import Store
from app.core.suggest.batch import suggest_project
from app.core.suggest.evaluate import GoldDoc, canonical_names, evaluate_store, parse_gold, score_documents
from app.core.suggest.gold import GoldError, build_gold, gold_record, span_sha1
from app.core.types import NewDocument, NewSpan, Origin, SpanState, Status

TEXTS = [
    "Mick Ryan said the country was likely exploiting an opportunity. Russia had to pull almost 60,000 troops.",
    "Ukraine launched a minor offensive in Kursk, and Zelensky said that some 12,000 North Korean troops fight.",
    "The Kremlin did not take the bait, according to Reuters. Kyiv holds roughly 300 square miles.",
]


@pytest.fixture()
def store(tmp_path):
    with Store(tmp_path / "p.marginalia") as s:
        s.add_documents([NewDocument(t) for t in TEXTS * 3][:7] + [NewDocument(t + " More.") for t in TEXTS])
        yield s


def _counts(store: Store) -> dict[str, int]:
    rows = store.conn.execute("SELECT state, count(*) FROM spans GROUP BY state").fetchall()
    return dict(rows)


def test_suggest_project_stores_pending_and_skips_rejected(store):
    engine = shared_engine()
    report = run_to_end(suggest_project(store, engine, batch_docs=2))
    assert report.documents == 6 and report.spans_added > 0 and report.relations_added > 0
    spans = store.spans_for(1)
    assert spans and all(s.state == SpanState.PENDING and s.model == engine.name and s.model_version for s in spans)
    assert all(0 <= s.score <= 1 for s in spans)
    text = store.get_document(1).text
    fig = next(s for s in spans if s.label == "FIGURE")
    assert fig.text_in(text) == "almost 60,000 troops"
    assert store.relations_for(1)
    store.update_span(fig.id, state=SpanState.REJECTED)
    again = run_to_end(suggest_project(store, engine, batch_docs=4))
    assert again.spans_added == 0 and again.relations_added == 0
    assert store.find_span(1, fig.start, fig.end, "FIGURE").state == SpanState.REJECTED
    assert all(s.id != fig.id for s in store.spans_for(1))


def test_a_new_run_replaces_the_models_stale_pending_suggestions(store):
    """Pending spans an older version of the rules made with other edges go; reviewed spans and other models'
    suggestions stay."""
    engine = shared_engine()
    old = [
        NewSpan(0, 4, "ACTOR", Origin.MODEL, SpanState.PENDING, engine.name, "old", 0.5),  # "Mick", stale
        NewSpan(5, 9, "ACTOR", Origin.MODEL, SpanState.PENDING, "other-model", "1", 0.5),  # another model's
        NewSpan(0, 9, "CLAIM", Origin.MODEL, SpanState.ACCEPTED, engine.name, "old", 0.5),  # reviewed
    ]
    store.add_suggestions(1, old, [(0, 1, "SOURCE")])
    run_to_end(suggest_project(store, engine))
    texts = {(s.text_in(store.get_document(1).text), s.model, s.state) for s in store.spans_for(1)}
    assert ("Mick", engine.name, SpanState.PENDING) not in texts
    assert ("Ryan", "other-model", SpanState.PENDING) in texts
    assert ("Mick Ryan", engine.name, SpanState.ACCEPTED) in texts
    assert ("Mick Ryan", engine.name, SpanState.PENDING) in texts
    assert store.conn.execute("PRAGMA foreign_key_check").fetchall() == []


def test_only_todo(store):
    store.set_status(1, Status.DONE)
    report = run_to_end(suggest_project(store, shared_engine(), only_todo=True))
    assert report.documents == 5
    assert store.spans_for(1) == []


def test_cancel_leaves_committed_batches_only(store):
    job = suggest_project(store, shared_engine(), batch_docs=2)
    next(job)  # started
    next(job)  # first batch committed
    job.close()
    with_spans = {row[0] for row in store.conn.execute("SELECT DISTINCT doc_id FROM spans")}
    assert with_spans <= {1, 2} and with_spans
    assert store.conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert not store.conn.in_transaction
    # the rest still comes in on a later run
    report = run_to_end(suggest_project(store, shared_engine(), batch_docs=2))
    assert report.documents == 6


def test_score_documents_known_numbers():
    text = "Ukraine said Russia lost 5,000 troops near Kursk."
    gold = GoldDoc(text, [(0, 7, "ACTOR"), (13, 19, "ACTOR"), (20, 38, "FIGURE"), (13, 38, "CLAIM")],
                   {(13, 38, "CLAIM"): (0, 7, "ACTOR")})
    pred = [(0, 7, "ACTOR"), (44, 49, "ACTOR"), (25, 38, "FIGURE"), (13, 48, "CLAIM")]
    result = score_documents([(gold, pred, {(13, 48, "CLAIM"): (0, 7, "ACTOR")})])
    actor = result["labels"]["ACTOR"]
    assert actor["exact"] == {"precision": 0.5, "recall": 0.5, "f1": 0.5, "pred": 2, "gold": 2}
    fig = result["labels"]["FIGURE"]
    assert fig["exact"]["recall"] == 0.0 and fig["overlap"]["recall"] == 1.0
    assert result["actor_names"]["precision"] == 0.5 and result["actor_names"]["recall"] == 0.5
    assert result["claims"]["covered_right_source_share"] == 1.0


def test_a_surname_shared_by_two_people_maps_the_same_way_in_every_run():
    # which of two names of equal length "ivanov" stands for must not depend on the order of a set
    names = {"ivanov", "oleg ivanov", "ilya ivanov", "zelensky"}
    assert canonical_names(names)["ivanov"] == "oleg ivanov"
    assert canonical_names(set(sorted(names, reverse=True)))["ivanov"] == "oleg ivanov"
    assert canonical_names(names)["zelensky"] == "zelensky"


def test_gold_record_checksums():
    text = "Zelensky said it."
    lines = [{"start": 0, "end": 8, "label": "ACTOR", "sha1": span_sha1("Zelensky")},
             {"start": 14, "end": 16, "label": "CLAIM", "sha1": span_sha1("it")},
             {"head": 1, "child": 0, "label": "SOURCE"}]
    rec = gold_record(text, lines)
    assert rec["relations"][0]["head_span"] == {"start": 14, "end": 16, "label": "CLAIM"}
    assert parse_gold([rec])[0].sources == {(14, 16, "CLAIM"): (0, 8, "ACTOR")}
    with pytest.raises(GoldError, match="checksum"):
        gold_record("Zelenskyy said it.", lines)


CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
GOLD_DIR = Path(__file__).parent / "gold"


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the corpus is not on this machine")
def test_repository_gold_matches_corpus():
    records = build_gold(CORPUS, GOLD_DIR)
    assert len(records) == 2
    assert all(r["spans"] and r["relations"] for r in records)


def test_repository_gold_of_the_written_articles_loads():
    """The fresh and heldout gold is for articles kept in the repository, byte-exact (one has CRLF endings)."""
    articles = GOLD_DIR / "articles"
    for folder in ("fresh", "heldout"):
        records = build_gold(articles, GOLD_DIR / folder)
        assert len(records) >= 2
        assert all(r["spans"] and r["relations"] for r in records)
    assert b"\r\n" in (articles / "fresh_03.txt").read_bytes()


def test_cli_suggest_and_evaluate(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(engine_module, "load_engine", lambda *a, **k: shared_engine())
    db = tmp_path / "c.marginalia"
    with Store(db) as s:
        s.add_documents([NewDocument(t) for t in TEXTS])
    assert run_cli(["suggest", "--db", str(db), "--only", "todo"]) == EXIT_OK
    gold = tmp_path / "gold.jsonl"
    text = TEXTS[0]
    start = text.index("almost")
    gold.write_bytes(orjson.dumps({"text": text, "spans": [
        {"start": start, "end": start + len("almost 60,000 troops"), "label": "FIGURE"}], "relations": []}) + b"\n")
    assert run_cli(["evaluate", "--db", str(db), "--gold", str(gold), "--json"]) == EXIT_OK
    result = orjson.loads(capsys.readouterr().out)
    assert result["labels"]["FIGURE"]["exact"]["recall"] == 1.0
    assert run_cli(["evaluate", "--db", str(db), "--gold", str(tmp_path / "none.jsonl")]) == EXIT_USAGE
    other = tmp_path / "other.jsonl"
    other.write_bytes(orjson.dumps({"text": "not in the project", "spans": []}) + b"\n")
    assert run_cli(["evaluate", "--db", str(db), "--gold", str(other)]) == EXIT_FAILED
    with Store(db) as s:
        assert evaluate_store(s, parse_gold([orjson.loads(gold.read_bytes())]))["documents"] == 1


def test_cli_suggest_bad_model(tmp_path, capsys):
    assert run_cli(["suggest", "--db", str(tmp_path / "x.marginalia"), "--model", "no-such-model-xyz"]) == EXIT_FAILED
    assert "no installed spaCy pipeline" in capsys.readouterr().err


def test_a_text_the_rules_fail_on_does_not_stop_the_batch(store, monkeypatch):
    """One document whose analysis raises gets no suggestions and is named in the report; the others are stored."""
    engine = shared_engine()
    real = engine.analyse

    def analyse(text, doc, normalised=None):
        if "Kremlin" in text:
            raise RecursionError("maximum recursion depth exceeded")
        return real(text, doc, normalised)

    monkeypatch.setattr(engine, "analyse", analyse)
    report = run_to_end(suggest_project(store, engine, batch_docs=4))
    failing = [d.id for d in store.iter_documents(None) if "Kremlin" in d.text]
    assert report.documents == store.count_documents() and sorted(i for i, _t, _w in report.failed) == failing
    assert all(why == "RecursionError: maximum recursion depth exceeded" for _i, _t, why in report.failed)
    assert f"{len(failing)} documents got no suggestions (the rules failed on them)" in report.summary()
    stored = {row[0] for row in store.conn.execute("SELECT DISTINCT doc_id FROM spans")}
    assert stored == {d.id for d in store.iter_documents(None)} - set(failing)
