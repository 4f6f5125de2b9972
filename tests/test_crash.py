"""Kill a writing process with SIGKILL, many times, at random moments: what it was told is saved must be saved,
and the file must stay a sound database. The writer is tests/crash_writer.py."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from app.core.store import Store

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL"),
]

ROOT = Path(__file__).resolve().parents[1]
WRITER = Path(__file__).with_name("crash_writer.py")
DATABASES = 2
KILLS_PER_DATABASE = 28
SEED = 20240224


@dataclass
class State:
    """What the database holds (or should hold): the fields the writer's operations touch."""

    docs: dict[int, str] = field(default_factory=dict)
    status: dict[int, str] = field(default_factory=dict)
    spans: dict[int, tuple] = field(default_factory=dict)  # id -> (doc, start, end, label, state, origin)
    relations: dict[int, tuple] = field(default_factory=dict)  # id -> (head, child, label)

    def copy(self) -> State:
        return State(dict(self.docs), dict(self.status), dict(self.spans), dict(self.relations))


def check_file(path: Path) -> None:
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        conn.close()


def read_state(path: Path) -> State:
    check_file(path)
    conn = sqlite3.connect(path)
    try:
        conn.execute("INSERT INTO documents_fts(documents_fts) VALUES ('integrity-check')")
        state = State()
        for doc_id, text, status in conn.execute("SELECT id, text, status FROM documents"):
            state.docs[doc_id] = text
            state.status[doc_id] = status
        for row in conn.execute('SELECT id, doc_id, start, "end", label, state, origin FROM spans'):
            state.spans[row[0]] = tuple(row[1:])
        for row in conn.execute("SELECT id, head_id, child_id, label FROM relations"):
            state.relations[row[0]] = tuple(row[1:])
        return state
    finally:
        conn.close()


def new_ids(before: dict, after: dict) -> list[int]:
    return sorted(set(after) - set(before))


def apply(state: State, begin: dict, ok: dict | None, db: State | None = None) -> State:
    """`state` after the operation `begin`; its new ids come from `ok`, or for an unacknowledged one from `db`."""
    s = state.copy()
    op = begin["begin"]
    if op == "add_documents":
        ids = ok["ids"] if ok else new_ids(s.docs, db.docs)
        assert len(ids) == len(begin["texts"]), f"a batch was half stored: {ids} for {begin['texts']}"
        for doc_id, text in zip(ids, begin["texts"], strict=True):
            if doc_id is not None:
                s.docs[doc_id] = text
                s.status[doc_id] = "todo"
    elif op == "add_span":
        (span_id,) = [ok["id"]] if ok else new_ids(s.spans, db.spans)
        s.spans[span_id] = (begin["doc"], begin["start"], begin["end"], begin["label"], "accepted", "manual")
    elif op == "update_span":
        doc, start, end, label, st, origin = s.spans[begin["id"]]
        ch = begin["changes"]
        s.spans[begin["id"]] = (doc, ch.get("start", start), ch.get("end", end), ch.get("label", label),
                                ch.get("state", st), origin)
    elif op == "delete_span":
        del s.spans[begin["id"]]
        s.relations = {k: r for k, r in s.relations.items() if begin["id"] not in r[:2]}
    elif op == "restore_span":
        s.spans[begin["id"]] = tuple(begin["span"])
        for rel_id, head, child, label in begin["relations"]:
            s.relations[rel_id] = (head, child, label)
    elif op == "add_relation":
        (rel_id,) = [ok["id"]] if ok else new_ids(s.relations, db.relations)
        s.relations[rel_id] = (begin["head"], begin["child"], begin["label"])
    elif op == "set_status":
        s.status[begin["doc"]] = begin["status"]
    else:
        raise AssertionError(f"unknown operation {op}")
    return s


def replay(model: State, lines: list[str], counts: dict[str, int]) -> tuple[State, dict | None]:
    """Apply every acknowledged operation to `model`; return it and the operation begun but not answered."""
    pending = None
    for line in lines:
        try:
            record = json.loads(line)
        except json.JSONDecodeError:
            assert line is lines[-1], f"garbled line in the middle of the output: {line!r}"
            break
        if "ready" in record:
            continue
        if "begin" in record:
            assert pending is None, f"{pending} was never answered"
            pending = record
            continue
        assert pending is not None and pending["begin"] == record.get("ok", record.get("fail")), record
        if "ok" in record:
            model = apply(model, pending, record)
            counts[pending["begin"]] = counts.get(pending["begin"], 0) + 1
        pending = None
    return model, pending


def run_and_kill(path: Path, seed: int, rng: random.Random, out: Path, early: bool) -> list[str]:
    """Start the writer and SIGKILL it: `early` at a random moment from its start (perhaps while it opens
    or creates the project), otherwise at a random moment after it said it was ready."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with out.open("wb") as stdout, (out.with_suffix(".err")).open("wb") as stderr:
        proc = subprocess.Popen([sys.executable, str(WRITER), str(path), str(seed)], cwd=ROOT, env=env,
                                stdout=stdout, stderr=stderr)
    try:
        if early:
            time.sleep(rng.uniform(0.05, 0.4))
        else:
            deadline = time.monotonic() + 30
            while b"\n" not in out.read_bytes():
                assert proc.poll() is None, out.with_suffix(".err").read_text()
                assert time.monotonic() < deadline, "the writer never got ready"
                time.sleep(0.005)
            time.sleep(rng.uniform(0.0, 0.12))
        assert proc.poll() is None, f"the writer stopped by itself: {out.with_suffix('.err').read_text()}"
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    return out.read_text(encoding="utf-8").splitlines()


def test_acknowledged_writes_survive_sigkill(tmp_path: Path) -> None:
    rng = random.Random(SEED)
    counts: dict[str, int] = {}
    kills = unanswered = 0
    for db_index in range(DATABASES):
        path = tmp_path / f"crash{db_index}.marginalia"
        model = State()
        for round_ in range(KILLS_PER_DATABASE):
            early = round_ == 0 or round_ % 5 == 0  # the first run creates the file
            lines = run_and_kill(path, rng.randrange(1 << 30), rng, tmp_path / f"out{db_index}-{round_}.txt", early)
            kills += 1
            model, pending = replay(model, lines, counts)
            ready = any('"ready"' in line for line in lines)
            if not path.exists():
                assert not ready
                continue  # killed before SQLite created the file
            if not ready:  # killed while opening (perhaps creating or migrating) the project: it still opens
                check_file(path)
                Store(path).close()
            db = read_state(path)
            if pending is not None:
                unanswered += 1
                if db != model:  # the one unanswered operation may have been committed: then all of it
                    model = apply(model, pending, None, db)
            assert db.docs == model.docs
            assert db.status == model.status
            assert db.spans == model.spans
            assert db.relations == model.relations
            model = db
        # the project still opens and works after all that
        with Store(path) as store:
            assert store.count_documents() == len(model.docs)
            doc = next(iter(model.docs))
            store.set_status(doc, store.get_document_status(doc))

    assert kills >= 50
    # the kills did land in the middle of things, and every kind of operation was acknowledged many times
    assert unanswered >= 25, unanswered
    assert set(counts) == {"add_span", "update_span", "add_relation", "delete_span", "restore_span", "set_status",
                           "add_documents"}, counts
    assert sum(counts.values()) > 500, counts
