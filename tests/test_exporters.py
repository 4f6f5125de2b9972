"""Exporters: Prodigy JSONL, spaCy DocBin folder (+ a real `spacy train`), doccano JSONL, CSV, cancellation
and a Prodigy round trip through the importer. The corpus articles are read from /work/shared at test time."""

from __future__ import annotations

import csv
import itertools
import re
import subprocess
import sys
from pathlib import Path

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core import exporters
from app.core.exporters import CSV_COLUMNS, ExportError, export, token_bounds, tokenizer
from app.core.progress import run_to_end
from app.core.store import Store
from app.core.types import NewDocument, NewSpan, Origin, SpanState, Status

EMOJI_TEXT = "🇺🇦 Kyiv 😀 said\r\nthat almost 60,000 troops moved.\r\nNATO 👍 agreed on Tuesday.\r\n"
CRLF_TEXT = "Line one.\r\nThe Kremlin claimed\r\n\r\naround $66 billion was lost.\r\n"


def _find(text: str, needle: str, after: int = 0) -> tuple[int, int]:
    start = text.index(needle, after)
    return start, start + len(needle)


def _corpus_spans(text: str) -> tuple[list[NewSpan], tuple[int, int]]:
    """Spans on a real article: a CLAIM sentence with a nested ACTOR (SOURCE target), a FIGURE, a span that
    crosses the claim's end, and one not on token boundaries. Returns spans and (claim index, actor index)."""
    sentence = re.search(r"[A-Z][^.]{20,}?\.", text)
    assert sentence is not None
    c0, c1 = sentence.span()
    word = re.search(r"[A-Z][a-z]+", text[c0:c1])
    assert word is not None
    a0, a1 = c0 + word.start(), c0 + word.end()
    spans = [
        NewSpan(c0, c1, "CLAIM"),
        NewSpan(a0, a1, "ACTOR", annotator="ana", attributes={"role": "speaker"}),
        NewSpan(a0, min(a1 + 6, c1), "FIGURE", origin=Origin.MODEL, score=0.75, model="m1"),  # overlaps ACTOR
        NewSpan(max(c1 - 4, c0 + 1), min(c1 + 5, len(text)), "ACTOR"),  # crosses the claim's end
        NewSpan(a0 + 1, a1, "FIGURE"),  # starts mid-word
    ]
    number = re.search(r"\d[\d,.]*\d|\d", text[c1:])
    if number:
        spans.append(NewSpan(c1 + number.start(), c1 + number.end(), "FIGURE"))
    return spans, (0, 1)


@pytest.fixture
def project(tmp_path: Path, corpus_files: list[Path]) -> Store:
    """Five real articles plus an emoji text and a CRLF text, with overlapping/nested spans, SOURCE relations,
    one pending suggestion, one rejected span, and documents in every status."""
    store = Store(tmp_path / "p.marginalia")
    docs = [NewDocument(text=p.read_text(encoding="utf-8"), title=p.stem, source="corpus") for p in corpus_files]
    docs.append(NewDocument(text=EMOJI_TEXT, title="emoji", meta={"lang": "en", "tags": ["x"]}))
    docs.append(NewDocument(text=CRLF_TEXT, title="crlf", url="https://example.org/a"))
    ids = [i for i in store.add_documents(docs) if i is not None]
    assert len(ids) == 7
    for doc_id in ids[:5]:
        text = store.get_document(doc_id).text
        new, (claim, actor) = _corpus_spans(text)
        made = store.add_spans(doc_id, new)
        store.add_relation(made[claim].id, made[actor].id, "SOURCE")
    text = EMOJI_TEXT
    made = store.add_spans(ids[5], [
        NewSpan(*_find(text, "Kyiv 😀 said\r\nthat almost 60,000 troops moved."), "CLAIM"),
        NewSpan(*_find(text, "Kyiv"), "ACTOR"),
        NewSpan(*_find(text, "almost 60,000 troops"), "FIGURE"),
        NewSpan(*_find(text, "NATO"), "ACTOR"),
        NewSpan(*_find(text, "Tuesday"), "FIGURE", state=SpanState.PENDING, origin=Origin.MODEL, score=0.4),
        NewSpan(*_find(text, "agreed"), "CLAIM", state=SpanState.REJECTED),
    ])
    store.add_relation(made[0].id, made[1].id, "SOURCE")
    text = CRLF_TEXT
    made = store.add_spans(ids[6], [
        NewSpan(*_find(text, "The Kremlin claimed\r\n\r\naround $66 billion was lost."), "CLAIM"),
        NewSpan(*_find(text, "The Kremlin"), "ACTOR"),
        NewSpan(*_find(text, "Kremlin"), "ACTOR"),  # nested in the one above, same label
        NewSpan(*_find(text, "around $66 billion"), "FIGURE"),
    ])
    store.add_relation(made[0].id, made[1].id, "SOURCE")
    store.set_status(ids[0], Status.DONE)
    store.set_status(ids[1], Status.SKIPPED)
    store.set_status(ids[2], Status.IN_PROGRESS)
    yield store
    store.close()


def _expected(store: Store, states: tuple[SpanState, ...] = (SpanState.ACCEPTED,)) -> dict[str, set]:
    return {
        doc.text: {(s.start, s.end, s.label) for s in store.spans_for(doc.id, states)}
        for doc in store.iter_documents()
    }


def _read_jsonl(path: Path) -> list[dict]:
    return [orjson.loads(line) for line in path.read_bytes().splitlines()]


# -- Prodigy -----------------------------------------------------------------------------------------------


def test_prodigy_spans_tokens_relations(project: Store, tmp_path: Path) -> None:
    out = tmp_path / "out" / "tasks.jsonl"
    report = run_to_end(export(project, "prodigy", out))
    tasks = _read_jsonl(out)
    assert len(tasks) == report.documents == 7
    assert report.paths == [out]
    expected = _expected(project)
    assert {t["text"]: {(s["start"], s["end"], s["label"]) for s in t["spans"]} for t in tasks} == expected
    assert report.spans == sum(len(v) for v in expected.values())
    assert report.relations == 7
    for task in tasks:
        text, tokens = task["text"], task["tokens"]
        assert "".join(t["text"] + (" " if t["ws"] else "") for t in tokens) == text
        assert [t["id"] for t in tokens] == list(range(len(tokens)))
        assert all(text[t["start"] : t["end"]] == t["text"] for t in tokens)
        by_id = {}
        for span in task["spans"]:
            first, last = tokens[span["token_start"]], tokens[span["token_end"]]
            assert first["start"] <= span["start"] < first["end"] or text[span["start"]].isspace()
            assert last["start"] < span["end"]
            assert span["end"] <= last["end"] or text[span["end"] - 1].isspace()
            assert span["state"] == "accepted" and isinstance(span["id"], int)
            by_id[span["id"]] = span
        for rel in task["relations"]:
            assert rel["label"] == "SOURCE"
            assert rel["head"] == rel["head_span"]["token_end"]
            assert rel["child"] == rel["child_span"]["token_end"]
            assert rel["head_span"]["label"] == "CLAIM" and rel["child_span"]["label"] == "ACTOR"
        assert -(2**31) <= task["_input_hash"] < 2**31 and -(2**31) <= task["_task_hash"] < 2**31
    by_title = {t["meta"]["title"]: t for t in tasks}
    emoji = by_title["emoji"]
    assert emoji["meta"]["lang"] == "en" and emoji["meta"]["tags"] == ["x"]
    nato = next(s for s in emoji["spans"] if s["label"] == "ACTOR" and EMOJI_TEXT[s["start"] : s["end"]] == "NATO")
    assert emoji["tokens"][nato["token_start"]]["text"] == "NATO" and nato["token_start"] == nato["token_end"]
    answers = {t["meta"]["status"]: t["answer"] for t in tasks}
    assert answers == {"done": "accept", "skipped": "ignore", "in_progress": "accept", "todo": "accept"}
    fig = next(s for t in tasks for s in t["spans"] if s["origin"] == "model")
    assert fig["score"] == 0.75 and fig["model"] == "m1"
    actor = next(s for t in tasks for s in t["spans"] if s["annotator"] == "ana")
    assert actor["attributes"] == {"role": "speaker"}


def test_prodigy_is_deterministic_and_hash_follows_annotations(project: Store, tmp_path: Path) -> None:
    run_to_end(export(project, "prodigy", tmp_path / "a.jsonl"))
    run_to_end(export(project, "prodigy", tmp_path / "b.jsonl"))
    assert (tmp_path / "a.jsonl").read_bytes() == (tmp_path / "b.jsonl").read_bytes()
    run_to_end(export(project, "prodigy", tmp_path / "c.jsonl", include_suggestions=True))
    a = {t["text"]: t for t in _read_jsonl(tmp_path / "a.jsonl")}
    c = {t["text"]: t for t in _read_jsonl(tmp_path / "c.jsonl")}
    assert a[EMOJI_TEXT]["_input_hash"] == c[EMOJI_TEXT]["_input_hash"]
    assert a[EMOJI_TEXT]["_task_hash"] != c[EMOJI_TEXT]["_task_hash"]
    assert a[CRLF_TEXT]["_task_hash"] == c[CRLF_TEXT]["_task_hash"]


def test_suggestions_and_statuses_filter(project: Store, tmp_path: Path) -> None:
    out = tmp_path / "t.jsonl"
    run_to_end(export(project, "prodigy", out, include_suggestions=True))
    tasks = {t["text"]: t for t in _read_jsonl(out)}
    states = {(EMOJI_TEXT[s["start"] : s["end"]], s["state"]) for s in tasks[EMOJI_TEXT]["spans"]}
    assert ("Tuesday", "pending") in states
    assert not any(text == "agreed" for text, _ in states)  # rejected spans are never exported
    assert {t["text"]: {(s["start"], s["end"], s["label"]) for s in t["spans"]} for t in tasks.values()} == (
        _expected(project, (SpanState.ACCEPTED, SpanState.PENDING))
    )
    report = run_to_end(export(project, "prodigy", out, statuses=[Status.DONE, Status.SKIPPED, Status.DONE]))
    assert report.documents == 2
    assert sorted(t["meta"]["status"] for t in _read_jsonl(out)) == ["done", "skipped"]


def test_token_bounds_examples() -> None:
    text = "Hi  there\r\nyou 😀 ok."
    doc = tokenizer()(text)
    starts = [t.idx for t in doc]
    ends = [t.idx + len(t) for t in doc]
    words = [t.text for t in doc]
    assert words == ["Hi", " ", "there", "\r\n", "you", "😀", "ok", "."]
    assert token_bounds(starts, ends, 0, 2) == (0, 0)
    assert token_bounds(starts, ends, 1, 6) == (0, 2)  # mid-word on both sides
    assert token_bounds(starts, ends, 2, 9) == (1, 2)  # starts on the whitespace after "Hi"
    assert token_bounds(starts, ends, 15, 16) == (5, 5)  # the emoji
    assert token_bounds(starts, ends, 14, 18) == (5, 6)  # leading single space belongs to no token


@settings(max_examples=150, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("ab .,\r\n😀-$1")), min_size=1, max_size=40).filter(str.strip),
    st.data(),
)
def test_token_bounds_cover_the_span(text: str, data: st.DataObject) -> None:
    doc = tokenizer()(text)
    starts = [t.idx for t in doc]
    ends = [t.idx + len(t) for t in doc]
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    first, last = token_bounds(starts, ends, start, end)
    assert 0 <= first <= last < len(doc)
    for t in doc:  # every token overlapping the span is inside the range
        if t.idx < end and t.idx + len(t) > start:
            assert first <= t.i <= last
    if any(t.idx < end and t.idx + len(t) > start for t in doc):  # and the range holds no extra token
        assert ends[first] > start and starts[last] < end


# -- doccano and CSV ---------------------------------------------------------------------------------------


def test_doccano(project: Store, tmp_path: Path) -> None:
    out = tmp_path / "d.jsonl"
    report = run_to_end(export(project, "doccano", out))
    records = _read_jsonl(out)
    assert report.documents == len(records) == 7
    assert {r["text"]: {tuple(x) for x in r["label"]} for r in records} == _expected(project)
    for rec in records:
        assert {(e["start_offset"], e["end_offset"], e["label"]) for e in rec["entities"]} == {
            tuple(x) for x in rec["label"]
        }
        ents = {e["id"]: e for e in rec["entities"]}
        for rel in rec["relations"]:
            assert ents[rel["from_id"]]["label"] == "CLAIM" and ents[rel["to_id"]]["label"] == "ACTOR"
            assert rel["type"] == "SOURCE"
        assert isinstance(rec["marginalia_id"], int) and rec["status"] in {s.value for s in Status}
    crlf = next(r for r in records if r["text"] == CRLF_TEXT)
    assert crlf["url"] == "https://example.org/a" and crlf["title"] == "crlf"
    assert sum(len(r["relations"]) for r in records) == 7


def test_csv(project: Store, tmp_path: Path) -> None:
    out = tmp_path / "spans.csv"
    report = run_to_end(export(project, "csv", out))
    raw = out.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    with out.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert tuple(rows[0].keys()) == CSV_COLUMNS
    assert len(rows) == report.spans == sum(len(v) for v in _expected(project).values())
    for row in rows:
        doc = project.get_document(int(row["doc_id"]))
        assert doc.text[int(row["start"]) : int(row["end"])] == row["text"]
        assert row["title"] == doc.title
        assert isinstance(orjson.loads(row["attributes"]), dict)
    claim = next(r for r in rows if r["title"] == "crlf" and r["label"] == "CLAIM")
    assert claim["text"] == "The Kremlin claimed\r\n\r\naround $66 billion was lost."  # CRLF kept inside
    assert claim["source_actor"] == "The Kremlin"
    assert int(claim["source_actor_id"]) in {s.id for s in project.spans_for(int(claim["doc_id"]))}
    emoji_claim = next(r for r in rows if r["title"] == "emoji" and r["label"] == "CLAIM")
    assert emoji_claim["source_actor"] == "Kyiv"
    assert all(r["source_actor"] == "" for r in rows if r["label"] != "CLAIM")
    scored = next(r for r in rows if r["origin"] == "model")
    assert float(scored["score"]) == 0.75


# -- bad arguments, failure and cancellation ---------------------------------------------------------------


def test_bad_arguments_fail_before_the_job_starts(project: Store, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="unknown export format"):
        export(project, "xml", tmp_path / "x")
    with pytest.raises(ExportError, match="dev fraction"):
        export(project, "spacy", tmp_path / "x", dev_fraction=1.0)
    (tmp_path / "file").write_text("x")
    with pytest.raises(ExportError, match="is a file"):
        export(project, "spacy", tmp_path / "file")
    with pytest.raises(ExportError, match="is a folder"):
        export(project, "csv", tmp_path)


@pytest.mark.parametrize("fmt", ["prodigy", "doccano", "csv"])
def test_cancel_leaves_no_file_and_keeps_the_old_one(
    project: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    monkeypatch.setattr(exporters, "BATCH", 2)
    out = tmp_path / "new.out"
    job = export(project, fmt, out)
    assert next(job).done == 0
    assert next(job).done == 2  # one batch written to the temporary file
    part = [p for p in tmp_path.iterdir() if p.name.endswith(".part")]
    assert len(part) == 1
    job.close()
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir() if not p.name.startswith("p.marginalia")] == []
    old = tmp_path / "old.out"
    old.write_text("previous export")
    job = export(project, fmt, old)
    next(job)
    next(job)
    job.close()
    assert old.read_text() == "previous export"


def test_failure_midway_removes_the_partial_file(
    project: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = []

    def broken(item, tokens):
        calls.append(item)
        if len(calls) == 3:
            raise RuntimeError("boom")
        return {"text": item.doc.text}

    monkeypatch.setattr(exporters, "prodigy_task", broken)
    with pytest.raises(RuntimeError, match="boom"):
        run_to_end(export(project, "prodigy", tmp_path / "x.jsonl"))
    assert not any(p.name.startswith(".x.jsonl") or p.name == "x.jsonl" for p in tmp_path.iterdir())


def test_spacy_cancel_leaves_nothing(project: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(exporters, "BATCH", 2)
    import app.core.export_spacy as export_spacy

    monkeypatch.setattr(export_spacy, "BATCH", 2)
    out = tmp_path / "fresh"
    job = export(project, "spacy", out)
    next(job)
    assert next(job).done == 2
    assert len(list(out.iterdir())) == 1  # the staging folder
    job.close()
    assert not out.exists()
    kept = tmp_path / "kept"
    kept.mkdir()
    (kept / "train.spacy").write_bytes(b"old")
    job = export(project, "spacy", kept)
    next(job)
    next(job)
    job.close()
    assert sorted(p.name for p in kept.iterdir()) == ["train.spacy"]
    assert (kept / "train.spacy").read_bytes() == b"old"


# -- spaCy -------------------------------------------------------------------------------------------------


def _read_docbin(path: Path) -> list:
    import spacy
    from spacy.tokens import DocBin

    return list(DocBin().from_disk(path).get_docs(spacy.blank("en").vocab))


def test_spacy_docbin(project: Store, tmp_path: Path) -> None:
    out = tmp_path / "spacy"
    report = run_to_end(export(project, "spacy", out, seed=3, dev_fraction=0.3))
    assert sorted(p.name for p in out.iterdir()) == ["config.cfg", "dev.spacy", "train.spacy"]
    train, dev = _read_docbin(out / "train.spacy"), _read_docbin(out / "dev.spacy")
    assert (len(train), len(dev)) == (report.train_documents, report.dev_documents) == (5, 2)
    expected = _expected(project)
    for doc in train + dev:
        want = expected.pop(doc.text)
        got = {(s.start_char, s.end_char, s.label_) for s in doc.spans["sc"]}
        assert len(got) == len(want)
        for start, end, label in want:  # each span is kept, widened to token boundaries at most
            span = doc.char_span(start, end, alignment_mode="expand")
            assert (span.start_char, span.end_char, label) in got
        ents = list(doc.ents)
        assert all(e.label_ in ("ACTOR", "FIGURE") for e in ents)
        assert all(a.end <= b.start for a, b in itertools.pairwise(ents))
        assert all((e.start_char, e.end_char, e.label_) in got for e in ents)
        assert project.get_document(doc.user_data["marginalia_id"]).text == doc.text
    assert not expected
    crlf = next(d for d in train + dev if d.text == CRLF_TEXT)
    assert [(e.text, e.label_) for e in crlf.ents] == [("The Kremlin", "ACTOR"), ("around $66 billion", "FIGURE")]
    assert crlf.user_data["relations"][0]["label"] == "SOURCE"
    emoji = next(d for d in train + dev if d.text == EMOJI_TEXT)
    assert ("NATO", "ACTOR") in [(e.text, e.label_) for e in emoji.ents]
    assert "Tuesday" not in [e.text for e in emoji.ents]  # pending suggestion, not exported by default
    again = tmp_path / "again"
    run_to_end(export(project, "spacy", again, seed=3, dev_fraction=0.3))
    assert [d.text for d in _read_docbin(again / "dev.spacy")] == [d.text for d in dev]
    assert "spacy" in report.summary() and "train: 5" in report.summary()


def test_spacy_tiny_project_gets_both_splits(tmp_path: Path) -> None:
    with Store(tmp_path / "p.marginalia") as store:
        a, b = store.add_documents([NewDocument(text="NATO met."), NewDocument(text="Kyiv said 5 things.")])
        store.add_span(a, NewSpan(0, 4, "ACTOR"))
        store.add_span(b, NewSpan(10, 11, "FIGURE"))
        for fraction in (0.0, 0.2, 0.9):
            report = run_to_end(export(store, "spacy", tmp_path / "o", dev_fraction=fraction))
            assert (report.train_documents, report.dev_documents) == (1, 1)
        store.add_documents([NewDocument(text="x y"), NewDocument(text="z w")])
        report = run_to_end(export(store, "spacy", tmp_path / "o", dev_fraction=0.5))
        assert (report.train_documents, report.dev_documents) == (2, 2)


def test_spacy_shards_become_folders(project: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import app.core.export_spacy as export_spacy

    monkeypatch.setattr(export_spacy, "SHARD_DOCS", 2)
    out = tmp_path / "sharded"
    (out / "train.spacy").mkdir(parents=True)  # a folder from an earlier export is replaced
    report = run_to_end(export(project, "spacy", out, dev_fraction=0.3))
    assert (out / "train.spacy").is_dir() and (out / "dev.spacy").is_file()
    shards = sorted((out / "train.spacy").iterdir())
    assert len(shards) == 3
    assert sum(len(_read_docbin(p)) for p in shards) == report.train_documents == 5


@pytest.mark.slow
def test_spacy_train_runs_on_the_export(project: Store, tmp_path: Path) -> None:
    out = tmp_path / "spacy"
    run_to_end(export(project, "spacy", out))
    result = subprocess.run(
        [
            sys.executable, "-m", "spacy", "train", str(out / "config.cfg"),
            "--paths.train", str(out / "train.spacy"), "--paths.dev", str(out / "dev.spacy"),
            "--output", str(tmp_path / "model"),
            "--training.max_steps", "3", "--training.eval_frequency", "2",
        ],
        capture_output=True, text=True, timeout=300, cwd=tmp_path,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert (tmp_path / "model" / "model-last" / "meta.json").is_file()
    meta = orjson.loads((tmp_path / "model" / "model-last" / "meta.json").read_bytes())
    assert set(meta["pipeline"]) >= {"ner", "spancat"}
    assert set(meta["labels"]["ner"]) == {"ACTOR", "FIGURE"}
    assert set(meta["labels"]["spancat"]) == {"ACTOR", "CLAIM", "FIGURE"}


# -- round trip through the importer -----------------------------------------------------------------------


def _annotations(store: Store) -> dict[str, tuple[set, set, str, str]]:
    out = {}
    for doc in store.iter_documents():
        spans = store.spans_for(doc.id, (SpanState.ACCEPTED,))
        by_id = {s.id: (s.start, s.end, s.label) for s in spans}
        relations = store.relations_for(doc.id, (SpanState.ACCEPTED,))
        rels = {(by_id[r.head_id], by_id[r.child_id], r.label) for r in relations}
        details = {(s.start, s.end, s.label, s.origin, s.score, s.annotator) for s in spans}
        out[doc.text] = (set(by_id.values()), rels, details, doc.title, str(doc.status))
    return out


@pytest.mark.parametrize("fmt", ["prodigy", "doccano"])
def test_round_trip_through_importer(project: Store, tmp_path: Path, fmt: str) -> None:
    from app.core.importers import import_paths

    out = tmp_path / f"export.{fmt}.jsonl"
    run_to_end(export(project, fmt, out))
    with Store(tmp_path / "fresh.marginalia") as fresh:
        report = run_to_end(import_paths(fresh, [out]))
        assert report.imported == 7 and not report.rejected, report.summary()
        before, after = _annotations(project), _annotations(fresh)
        assert before.keys() == after.keys()
        for text in before:
            assert after[text][:2] == before[text][:2]  # (start, end, label) sets and relations
            if fmt == "prodigy":
                assert after[text] == before[text]  # plus origin/score/annotator, title and status
