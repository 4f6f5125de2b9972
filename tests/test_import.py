"""Importing good input: the corpus, JSONL in Prodigy and doccano style, CSV; offsets exact on hostile text."""

from __future__ import annotations

import subprocess
import sys

import orjson

from app.core.importers import import_paths
from app.core.progress import Progress, run_to_end
from app.core.types import Origin, SpanState, Status


def run_import(store, *paths, fmt="auto"):
    return run_to_end(import_paths(store, list(paths), fmt))


def test_corpus_is_stored_exactly_and_deduplicated(store, corpus_files):
    seen: list[Progress] = []
    report = run_to_end(import_paths(store, [corpus_files[0].parent]), seen.append)
    assert report.imported == 5 and not report.rejected
    assert seen[-1].done == seen[-1].total == sum(f.stat().st_size for f in corpus_files)
    for doc_id, path in enumerate(corpus_files, start=1):
        doc = store.get_document(doc_id)
        assert doc.text == path.read_text(encoding="utf-8")  # NBSPs, curly quotes, junk lines: as given
        first = doc.text.splitlines()[0].strip()
        assert doc.title == (first if len(first) <= 150 else path.stem)
    assert "\xa0" in "".join(store.get_document(i).text for i in range(1, 6))
    again = run_import(store, *corpus_files)
    assert again.imported == 0 and again.duplicates == 5


def test_prodigy_jsonl_keeps_spans_relations_meta_and_status(store, tmp_path):
    text = "“We will hold Kursk,” Zelensky said.\r\n👨‍👩‍👧 Some 12,000 troops 🇺🇦 arrived."
    claim = (1, 19)
    actor = (text.index("Zelensky"), text.index("Zelensky") + 8)
    figure = (text.index("Some"), text.index(" arrived") - 3)
    record = {
        "text": text,
        "meta": {"title": "Hold", "source": "paper", "status": "done", "desk": "east"},
        "spans": [
            {"start": claim[0], "end": claim[1], "label": "CLAIM", "origin": "manual", "annotator": "ana"},
            {"start": actor[0], "end": actor[1], "label": "ACTOR", "token_start": 5, "token_end": 5},
            {"start": figure[0], "end": figure[1], "label": "FIGURE", "state": "pending", "score": 0.8,
             "origin": "model", "attributes": {"value": 12000}},
        ],
        "relations": [{"head": 3, "child": 5, "head_span": {"start": claim[0], "end": claim[1], "label": "CLAIM"},
                       "child_span": {"start": actor[0], "end": actor[1], "label": "ACTOR"}, "label": "SOURCE"}],
        "answer": "accept",
    }
    path = tmp_path / "in.jsonl"
    path.write_bytes(orjson.dumps(record) + b"\n")
    report = run_import(store, path)
    assert (report.imported, report.spans, report.relations, report.rejected) == (1, 3, 1, [])
    doc = store.get_document(1)
    assert (doc.title, doc.source, doc.status, doc.meta) == ("Hold", "paper", Status.DONE, {"desk": "east"})
    spans = {s.label: s for s in store.spans_for(1)}
    assert spans["ACTOR"].text_in(text) == "Zelensky"
    assert spans["FIGURE"].text_in(text) == "Some 12,000 troops"
    assert spans["ACTOR"].origin == Origin.IMPORTED
    assert spans["CLAIM"].origin == Origin.MANUAL and spans["CLAIM"].annotator == "ana"
    assert spans["FIGURE"].state == SpanState.PENDING and spans["FIGURE"].attributes == {"value": 12000}
    [rel] = store.relations_for(1)
    assert (rel.head_id, rel.child_id, rel.label) == (spans["CLAIM"].id, spans["ACTOR"].id, "SOURCE")


def test_doccano_styles(store, tmp_path):
    text = "NATO warned that 300 troops left."
    classic = {"text": text, "label": [[0, 4, "ACTOR"], [17, 27, "FIGURE"]], "id": 7}
    newer = {
        "text": text + " Again.",
        "entities": [{"id": 1, "start_offset": 0, "end_offset": 4, "label": "ACTOR"},
                     {"id": 2, "start_offset": 5, "end_offset": 33, "label": "CLAIM"}],
        "relations": [{"id": 1, "from_id": 2, "to_id": 1, "type": "SOURCE"}],
    }
    path = tmp_path / "doccano.jsonl"
    path.write_bytes(orjson.dumps(classic) + b"\n" + orjson.dumps(newer) + b"\n")
    report = run_import(store, path)
    assert (report.imported, report.spans, report.relations, report.rejected) == (2, 4, 1, [])
    assert [s.text_in(text) for s in store.spans_for(1)] == ["NATO", "300 troops"]
    assert store.get_document(1).meta == {"id": 7}
    assert len(store.relations_for(2)) == 1


def test_csv_text_column_and_meta(store, tmp_path):
    path = tmp_path / "in.csv"
    path.write_text(
        'title,text,source,section\r\nFirst,"Kyiv said ""no"".\r\nSecond line",Wire,world\r\n', encoding="utf-8"
    )
    report = run_import(store, path)
    assert report.imported == 1 and not report.rejected
    doc = store.get_document(1)
    assert doc.text == 'Kyiv said "no".\r\nSecond line'
    assert (doc.title, doc.source, doc.meta) == ("First", "Wire", {"section": "world"})


def test_forced_format_reads_any_suffix(store, tmp_path):
    path = tmp_path / "article.dat"
    path.write_text("Title here\nBody.", encoding="utf-8")
    assert run_import(store, path, fmt="txt").imported == 1


def test_cli_exit_codes_and_report(tmp_path, corpus_files):
    db = tmp_path / "p.marginalia"
    ok = subprocess.run([sys.executable, "-m", "app", "import", "--db", str(db), str(corpus_files[0])],
                        capture_output=True, text=True)
    assert ok.returncode == 0, ok.stderr
    assert "Imported 1 document" in ok.stderr
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "fine"}\n{"text": 1}\n', encoding="utf-8")
    some = subprocess.run([sys.executable, "-m", "app", "import", "--db", str(db), str(bad)],
                          capture_output=True, text=True)
    assert some.returncode == 3
    assert f"{bad}:2" in some.stderr
    usage = subprocess.run([sys.executable, "-m", "app", "import", "--db", str(db), "--format", "xml", str(bad)],
                           capture_output=True, text=True)
    assert usage.returncode == 2
    missing = subprocess.run([sys.executable, "-m", "app", "import", "--db", str(db), str(tmp_path / "nope")],
                             capture_output=True, text=True)
    assert missing.returncode == 2 and "no such file" in missing.stderr
    stats = subprocess.run([sys.executable, "-m", "app", "stats", "--db", str(db), "--json"],
                           capture_output=True, text=True)
    assert orjson.loads(stats.stdout)["documents"]["total"] == 2
