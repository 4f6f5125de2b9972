"""Several writers on one project file: the busy timeout serialises them, nobody fails, nothing is lost."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

from app.core import schema
from app.core.store import Store, content_hash

ROOT = Path(__file__).resolve().parents[1]
OPS = 200
SHARED_TEXT = "shared " * 150

# One writer: opens the project when told to (so that both create it at the same moment), then does OPS write
# operations in a fixed cycle, with a read now and then, and reports the ids it was given.
WRITER = r"""
import json, sys
from app.core.store import Store, content_hash
from app.core.types import NewDocument, NewSpan, Status

tag, path, n, shared_text = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
label = {"A": "ACTOR", "B": "CLAIM"}[tag]
print("ready", flush=True)
sys.stdin.readline()
store = Store(path)
out = {"docs": [], "spans": [], "relations": [], "done": [], "shared_spans": [], "reads": 0}
shared = store.add_document(NewDocument(shared_text, title="shared"))
if shared is None:
    shared = store.conn.execute(
        "SELECT id FROM documents WHERE content_hash = ?", (content_hash(shared_text),)
    ).fetchone()[0]
out["shared"] = shared
ops = 0
i = 0
while ops < n:
    text = f"worker {tag} document {i}: the Kremlin denied it"
    (doc,) = store.add_documents([NewDocument(text, title=f"{tag}-{i}")])
    out["docs"].append([doc, text])
    actor = store.add_span(doc, NewSpan(0, 8, "ACTOR"))
    claim = store.add_span(doc, NewSpan(9, len(text), "CLAIM"))
    out["spans"] += [[actor.id, doc, 0, 8, "ACTOR"], [claim.id, doc, 9, len(text), "CLAIM"]]
    rel = store.add_relation(claim.id, actor.id, "SOURCE")
    out["relations"].append([rel.id, claim.id, actor.id])
    span = store.add_span(shared, NewSpan(i, i + 2, label))  # both write into the same document
    out["shared_spans"].append([span.id, i, i + 2, label])
    store.set_status(doc, Status.DONE)
    out["done"].append(doc)
    ops += 6
    if i % 5 == 0:
        out["reads"] += store.count_documents(search=f"worker {tag}")
        store.list_documents(limit=20)
        store.spans_for(shared)
    i += 1
out["version"] = store.schema_version()
store.close()
print(json.dumps(out), flush=True)
"""


def run_writers(path: Path, tags: list[str]) -> list[dict]:
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, tag, str(path), str(OPS), SHARED_TEXT],
            cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        for tag in tags
    ]
    try:
        for p in procs:
            assert p.stdout.readline().strip() == "ready", p.stderr.read()
        for p in procs:  # release both at once
            p.stdin.write("go\n")
            p.stdin.flush()
        results = []
        for p in procs:
            out, err = p.communicate(timeout=90)
            assert p.returncode == 0, err
            results.append(json.loads(out.strip().splitlines()[-1]))
        return results
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
                p.wait()


def test_two_processes_write_at_once(tmp_path: Path) -> None:
    path = tmp_path / "p.marginalia"  # does not exist yet: both processes create it at the same moment
    a, b = run_writers(path, ["A", "B"])

    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        conn.execute("INSERT INTO documents_fts(documents_fts) VALUES ('integrity-check')")
        versions = [r[0] for r in conn.execute("SELECT version FROM schema_version ORDER BY version")]
        assert versions == list(range(1, schema.LATEST_VERSION + 1))
        assert a["version"] == b["version"] == schema.LATEST_VERSION

        # one shared document, however the race went
        assert a["shared"] == b["shared"]
        assert conn.execute(
            "SELECT count(*) FROM documents WHERE content_hash = ?", (content_hash(SHARED_TEXT),)
        ).fetchone()[0] == 1

        docs = dict(conn.execute("SELECT id, text FROM documents"))
        spans = {r[0]: list(r[1:]) for r in conn.execute('SELECT id, doc_id, start, "end", label FROM spans')}
        relations = {r[0]: list(r[1:]) for r in conn.execute("SELECT id, head_id, child_id FROM relations")}
        done = {r[0] for r in conn.execute("SELECT id FROM documents WHERE status = 'done'")}
        for w in (a, b):
            assert len(w["docs"]) * 6 >= OPS
            for doc_id, text in w["docs"]:
                assert docs[doc_id] == text
            for span_id, *fields in w["spans"]:
                assert spans[span_id] == fields
            for span_id, start, end, label in w["shared_spans"]:
                assert spans[span_id] == [a["shared"], start, end, label]
            for rel_id, *fields in w["relations"]:
                assert relations[rel_id] == fields
            assert set(w["done"]) <= done
        # nothing else, and nobody was handed an id the other one got
        assert len(docs) == 1 + len(a["docs"]) + len(b["docs"])
        assert len(spans) == sum(len(w["spans"]) + len(w["shared_spans"]) for w in (a, b))
        assert len(relations) == len(a["relations"]) + len(b["relations"])
        assert done == set(a["done"]) | set(b["done"])
        assert a["reads"] > 0 and b["reads"] > 0
    finally:
        conn.close()


def test_threads_creating_the_same_new_project_at_once(tmp_path: Path) -> None:
    """Each thread opens its own Store; the first open of a new file must not trip over a concurrent one."""
    for round_ in range(15):
        path = tmp_path / f"p{round_}.marginalia"
        barrier = threading.Barrier(4)
        errors: list[BaseException] = []

        def open_it(path: Path = path, barrier: threading.Barrier = barrier, errors: list = errors) -> None:
            try:
                barrier.wait()
                with Store(path) as store:
                    assert store.schema_version() == schema.LATEST_VERSION
            except BaseException as exc:
                errors.append(exc)

        threads = [threading.Thread(target=open_it) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=60)
        assert errors == []
        with Store(path) as store:
            assert store.conn.execute("SELECT count(*) FROM schema_version").fetchone()[0] == schema.LATEST_VERSION
            assert store.scheme.label_names == ("ACTOR", "CLAIM", "FIGURE")
