"""The victim of tests/test_crash.py: writes to a project in a loop until it is killed with SIGKILL.

Usage: crash_writer.py PROJECT SEED. Prints one JSON line per event, each flushed in a single write():
`{"begin": op, ...}` just before a Store call, then `{"ok": ...}` (with the ids it got) or `{"fail": ...}`
after the call has returned. An acknowledged ("ok") operation must therefore be in the database, and at most
the one operation that was begun but not acknowledged may or may not be.
"""

from __future__ import annotations

import json
import random
import sqlite3
import sys

from app.core.store import Store, StoreError
from app.core.types import DeletedSpan, NewDocument, NewSpan, SpanState, Status

LABELS = ("ACTOR", "CLAIM", "FIGURE")
WORDS = ("the", "Kremlin", "denied", "almost", "60,000", "troops", "Zelensky", "said", "👨‍👩‍👧", "café", "\r\n")
OPS = ("add_span", "update_span", "add_relation", "delete_span", "restore_span", "set_status", "add_documents")
WEIGHTS = (34, 16, 14, 12, 6, 10, 8)


def say(**record: object) -> None:
    sys.stdout.write(json.dumps(record) + "\n")
    sys.stdout.flush()


def main() -> None:
    path, seed = sys.argv[1], int(sys.argv[2])
    rng = random.Random(seed)
    store = Store(path)
    docs: dict[int, int] = dict(store.conn.execute("SELECT id, length FROM documents"))
    spans: dict[int, tuple[int, int, int, str]] = {
        row[0]: row[1:] for row in store.conn.execute('SELECT id, doc_id, start, "end", label FROM spans')
    }
    deleted: DeletedSpan | None = None
    say(ready=True)
    n = 0
    while True:
        n += 1
        op = "add_documents" if not docs else rng.choices(OPS, WEIGHTS)[0]
        if op in ("update_span", "delete_span", "add_relation") and not spans:
            op = "add_span"
        if op == "restore_span" and deleted is None:
            op = "set_status"
        try:
            if op == "add_documents":
                texts = [
                    f"{seed}/{n}/{k}: " + " ".join(rng.choice(WORDS) for _ in range(rng.randrange(5, 25)))
                    for k in range(rng.randrange(1, 4))
                ]
                say(begin=op, texts=texts)
                ids = store.add_documents([NewDocument(t, title=f"crash {seed}/{n}") for t in texts])
                docs.update((i, len(t)) for i, t in zip(ids, texts, strict=True) if i is not None)
                say(ok=op, ids=ids)
            elif op == "add_span":
                doc = rng.choice(list(docs))
                start = rng.randrange(docs[doc])
                end = rng.randrange(start + 1, min(docs[doc], start + 30) + 1)
                label = rng.choice(LABELS)
                say(begin=op, doc=doc, start=start, end=end, label=label)
                span = store.add_span(doc, NewSpan(start, end, label))
                spans[span.id] = (doc, start, end, label)
                say(ok=op, id=span.id)
            elif op == "update_span":
                span_id = rng.choice(list(spans))
                doc, start, end, label = spans[span_id]
                what = rng.choice(("start", "end", "label", "state"))
                changes: dict[str, object]
                if what == "start":
                    changes = {"start": rng.randrange(end)}
                elif what == "end":
                    changes = {"end": rng.randrange(start + 1, docs[doc] + 1)}
                elif what == "label":
                    changes = {"label": rng.choice(LABELS)}
                else:
                    changes = {"state": str(rng.choice(list(SpanState)))}
                say(begin=op, id=span_id, changes=changes)
                _, new = store.update_span(span_id, **changes)
                spans[span_id] = (new.doc_id, new.start, new.end, new.label)
                say(ok=op)
            elif op == "add_relation":
                head = rng.choice(list(spans))
                same_doc = [i for i, s in spans.items() if s[0] == spans[head][0] and i != head]
                if not same_doc:
                    continue
                child = rng.choice(same_doc)
                say(begin=op, head=head, child=child, label="SOURCE")
                rel = store.add_relation(head, child, "SOURCE")
                say(ok=op, id=rel.id)
            elif op == "delete_span":
                span_id = rng.choice(list(spans))
                say(begin=op, id=span_id)
                deleted = store.delete_span(span_id)
                del spans[span_id]
                say(ok=op)
            elif op == "restore_span":
                assert deleted is not None
                s = deleted.span
                say(begin=op, id=s.id, span=[s.doc_id, s.start, s.end, s.label, str(s.state), str(s.origin)],
                    relations=[[r.id, r.head_id, r.child_id, r.label] for r in deleted.relations])
                store.restore_span(deleted)
                spans[s.id] = (s.doc_id, s.start, s.end, s.label)
                deleted = None
                say(ok=op)
            else:
                doc = rng.choice(list(docs))
                status = str(rng.choice(list(Status)))
                say(begin="set_status", doc=doc, status=status)
                store.set_status(doc, Status(status))
                say(ok="set_status")
        except (StoreError, sqlite3.IntegrityError) as exc:
            # refusals; IntegrityError: a restore whose old id a later add_span has taken (not a linear undo)
            if op == "restore_span":
                deleted = None
            say(fail=op, error=str(exc))


if __name__ == "__main__":
    main()
