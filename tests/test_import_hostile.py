"""Hostile inputs: each gives a clear error naming the file (and line), keeps the good records beside it, and
leaves what was already stored untouched."""

from __future__ import annotations

import codecs
from pathlib import Path

import orjson
import pytest

from app.core.importers import import_paths
from app.core.progress import run_to_end
from app.core.types import NewDocument, NewSpan

GOOD = {"text": "NATO said 300 troops arrived.", "spans": [{"start": 0, "end": 4, "label": "ACTOR"}]}


def snapshot(store) -> list[tuple]:
    docs = store.conn.execute("SELECT id, text, title, meta, status FROM documents ORDER BY id").fetchall()
    spans = store.conn.execute('SELECT id, doc_id, start, "end", label FROM spans ORDER BY id').fetchall()
    rels = store.conn.execute("SELECT id, head_id, child_id, label FROM relations ORDER BY id").fetchall()
    return [*docs, *spans, *rels]


@pytest.fixture
def seeded(store):
    """A project that already holds annotated work, which no bad import may touch."""
    doc = store.add_document(NewDocument("Zelensky said Russia moved 50,000 troops.", title="existing"))
    actor = store.add_span(doc, NewSpan(0, 8, "ACTOR"))
    claim = store.add_span(doc, NewSpan(14, 40, "CLAIM"))
    store.add_relation(claim.id, actor.id, "SOURCE")
    return store


def jsonl(path: Path, *lines: object) -> Path:
    out = []
    for line in lines:
        out.append(line if isinstance(line, bytes) else orjson.dumps(line))
    path.write_bytes(b"\n".join(out) + b"\n")
    return path


def run_import(store, *paths, fmt="auto"):
    return run_to_end(import_paths(store, list(paths), fmt))


def check(store, before, report, where: str, reason_part: str, imported: int):
    """The bad record is named with a readable reason, the good ones are in, the old work is intact."""
    reasons = [str(r) for r in report.rejected]
    assert any(where in r and reason_part in r for r in reasons), reasons
    assert report.imported == imported
    assert snapshot(store)[: len(before)] == before or set(before) <= set(snapshot(store))


SPAN_CASES = [
    ("negative", [{"start": -1, "end": 4, "label": "ACTOR"}], "outside the text"),
    ("out of range", [{"start": 0, "end": 999, "label": "ACTOR"}], "outside the text"),
    ("reversed", [{"start": 9, "end": 4, "label": "ACTOR"}], "empty or reversed"),
    ("empty", [{"start": 4, "end": 4, "label": "ACTOR"}], "empty or reversed"),
    ("string offset", [{"start": "0", "end": 4, "label": "ACTOR"}], "whole number"),
    ("float offset", [{"start": 0.5, "end": 4, "label": "ACTOR"}], "whole number"),
    ("bool offset", [{"start": True, "end": 4, "label": "ACTOR"}], "whole number"),
    ("unknown label", [{"start": 0, "end": 4, "label": "WEAPON"}], "unknown label 'WEAPON'"),
    ("label not a string", [{"start": 0, "end": 4, "label": 3}], "unknown label"),
    ("span not an object", ["0-4 ACTOR"], "must be an object"),
]


@pytest.mark.parametrize(("name", "spans", "reason"), SPAN_CASES, ids=[c[0] for c in SPAN_CASES])
def test_bad_spans_reject_the_record_with_its_line(seeded, tmp_path, name, spans, reason):
    before = snapshot(seeded)
    path = jsonl(tmp_path / "in.jsonl", GOOD, {"text": "Kyiv denied it.", "spans": spans}, {"text": "Third one."})
    report = run_import(seeded, path)
    check(seeded, before, report, f"{path}:2", reason, imported=2)
    assert seeded.count_documents() == 3


RECORD_CASES = [
    ("text is a number", {"text": 5}, '"text" must be a string'),
    ("text is null", {"text": None}, '"text" must be a string'),
    ("text is a list", {"text": ["a"]}, '"text" must be a string'),
    ("no text", {"body": "x"}, 'no "text" field'),
    ("blank text", {"text": "   \n "}, "the text is empty"),
    ("array instead of object", ["text"], "expected a JSON object"),
    ("spans not a list", {"text": "abc", "spans": {"start": 0}}, '"spans" must be a list'),
    ("meta not an object", {"text": "abc", "meta": "x"}, '"meta" must be an object'),
    ("NUL in text", {"text": "a\u0000b"}, "NUL"),
    ("doccano label malformed", {"text": "abc", "label": [[0, 2]]}, "[start, end, label]"),
    (
        "relation to a missing span",
        {"text": "NATO said so.", "spans": [{"start": 0, "end": 4, "label": "ACTOR"}],
         "relations": [{"head_span": {"start": 5, "end": 12, "label": "CLAIM"},
                        "child_span": {"start": 0, "end": 4, "label": "ACTOR"}, "label": "SOURCE"}]},
        "not in the record",
    ),
    (
        "unknown relation label",
        {"text": "NATO said so.", "spans": [{"start": 0, "end": 4, "label": "ACTOR"}],
         "relations": [{"from_id": 1, "to_id": 2, "type": "LIKES"}]},
        "unknown relation label 'LIKES'",
    ),
]


@pytest.mark.parametrize(("name", "obj", "reason"), RECORD_CASES, ids=[c[0] for c in RECORD_CASES])
def test_bad_records_are_named_and_skipped(seeded, tmp_path, name, obj, reason):
    before = snapshot(seeded)
    path = jsonl(tmp_path / "in.jsonl", GOOD, obj)
    report = run_import(seeded, path)
    check(seeded, before, report, f"{path}:2", reason, imported=1)


def test_invalid_json_and_truncated_last_line(seeded, tmp_path):
    before = snapshot(seeded)
    path = tmp_path / "in.jsonl"
    path.write_bytes(orjson.dumps(GOOD) + b"\nnot json at all\n" + b'{"text": "cut off')
    report = run_import(seeded, path)
    check(seeded, before, report, f"{path}:2", "not valid JSON", imported=1)
    assert any(f"{path}:3" in str(r) for r in report.rejected)


def test_lone_surrogate_escape_is_rejected(seeded, tmp_path):
    path = jsonl(tmp_path / "in.jsonl", GOOD, b'{"text": "bad \\ud800 surrogate"}')
    report = run_import(seeded, path)
    assert report.imported == 1
    assert any(f"{path}:2" in str(r) for r in report.rejected)


def test_sql_looking_strings_are_stored_verbatim(seeded, tmp_path):
    nasty = "Robert'); DROP TABLE documents;-- said \"1 OR 1=1\" troops"
    path = jsonl(tmp_path / "in.jsonl", {"text": nasty, "meta": {"title": "x'; DELETE FROM spans;--"}})
    report = run_import(seeded, path)
    assert report.imported == 1 and not report.rejected
    doc = seeded.get_document(seeded.count_documents())
    assert doc.text == nasty and doc.title == "x'; DELETE FROM spans;--"
    assert seeded.count_documents(search="DROP TABLE") == 1
    assert len(seeded.spans_for(1)) == 2


def test_binary_file(seeded, tmp_path):
    before = snapshot(seeded)
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (tmp_path / "fine.txt").write_text("A good article.\n\nKyiv said so.", encoding="utf-8")
    report = run_import(seeded, path, tmp_path / "fine.txt")
    check(seeded, before, report, str(path), "binary", imported=1)


def test_invalid_utf8_names_the_line(seeded, tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("Line one\nCaf\xe9 au lait\n".encode("latin-1"))
    report = run_import(seeded, path)
    check(seeded, snapshot(seeded), report, str(path), "line 2: not valid UTF-8", imported=0)


def test_utf16_with_bom_is_decoded(store, tmp_path):
    text = "Zelensky: “Kursk” — 60 000 troops 🇺🇦\r\nsecond line"
    path = tmp_path / "utf16.txt"
    path.write_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    report = run_import(store, path)
    assert report.imported == 1 and not report.rejected
    assert store.get_document(1).text == text


def test_utf16_bom_with_broken_body(seeded, tmp_path):
    path = tmp_path / "broken16.txt"
    path.write_bytes(codecs.BOM_UTF16_LE + b"a\x00b")
    report = run_import(seeded, path)
    check(seeded, snapshot(seeded), report, str(path), "not valid UTF-16", imported=0)


@pytest.mark.parametrize("content", [b"", b"  \n\t\r\n "], ids=["empty", "whitespace"])
def test_empty_files(seeded, tmp_path, content):
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    report = run_import(seeded, path)
    check(seeded, snapshot(seeded), report, str(path), "empty", imported=0)


def test_50mb_single_line_text_file(seeded, tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as out:
        out.write(b"word " * 10_000_000)
    report = run_import(seeded, path)
    check(seeded, snapshot(seeded), report, str(path), "MB", imported=0)


def test_50mb_single_line_in_jsonl_keeps_the_next_line(seeded, tmp_path):
    path = tmp_path / "huge.jsonl"
    with path.open("wb") as out:
        out.write(b'{"text": "' + b"x" * 50_000_000 + b'"}\n')
        out.write(orjson.dumps(GOOD) + b"\n")
    report = run_import(seeded, path)
    check(seeded, snapshot(seeded), report, f"{path}:1", "at most", imported=1)


def test_csv_problems(seeded, tmp_path):
    no_text = tmp_path / "notext.csv"
    no_text.write_text("title,body\nA,b\n", encoding="utf-8")
    ragged = tmp_path / "ragged.csv"
    ragged.write_text('title,text\nA,"Kyiv, as government, said"\nB,x,extra\nC,fine text\n', encoding="utf-8")
    before = snapshot(seeded)
    report = run_import(seeded, no_text, ragged)
    check(seeded, before, report, f"{no_text}:1", "no 'text' column", imported=2)
    assert any(f"{ragged}:3" in str(r) and "columns" in str(r) for r in report.rejected)
    titles = {s.title for s in seeded.list_documents()}
    assert {"A", "C"} <= titles


def test_csv_invalid_utf8(seeded, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_bytes(b"title,text\nA,fine\nB,caf\xe9\n")
    report = run_import(seeded, path)
    assert any(str(path) in str(r) and "UTF-8" in str(r) for r in report.rejected)


def test_missing_path_and_folder_of_junk(seeded, tmp_path):
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "a.txt").write_text("First article.\nBody.", encoding="utf-8")
    (folder / "b.bin").write_bytes(b"\x00\x01")  # unknown suffix: skipped by auto
    (folder / ".hidden.txt").write_text("hidden", encoding="utf-8")
    (folder / "c.jsonl").write_bytes(b"{oops\n" + orjson.dumps(GOOD) + b"\n")
    before = snapshot(seeded)
    report = run_import(seeded, folder, tmp_path / "nope.txt")
    check(seeded, before, report, "nope.txt", "no such file", imported=2)
    assert any("c.jsonl:1" in str(r) for r in report.rejected)


def test_cancel_keeps_committed_batches_and_rolls_back_nothing_else(store, tmp_path, monkeypatch):
    import app.core.importers as importers

    monkeypatch.setattr(importers, "BATCH_DOCUMENTS", 10)
    path = jsonl(tmp_path / "many.jsonl", *({"text": f"Article {i}: Kyiv said {i} troops."} for i in range(100)))
    job = import_paths(store, [path])
    next(job)  # start
    next(job)  # first batch committed
    job.close()  # the user pressed Cancel
    assert store.count_documents() == 10
    assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    report = run_import(store, path)  # importing again picks up the rest
    assert report.imported == 90 and report.duplicates == 10
