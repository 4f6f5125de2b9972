"""The status-history log (schema v3): filled from existing documents on migration, then kept by triggers."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from app.core import chart_data, schema
from app.core.store import Store, content_hash
from app.core.types import NewDocument, Status


def test_migration_seeds_history_and_triggers_log_changes(tmp_path: Path) -> None:
    path = tmp_path / "old.marginalia"
    conn = sqlite3.connect(path, isolation_level=None)
    schema.migrate(conn, path, target=2)
    for doc_id, status, stamp in [(1, "done", "2024-03-01T10:00:00.000+00:00"), (2, "todo", "2024-03-02T10:00"),
                                  (3, "done", "2024-03-03T09:00:00.000+00:00")]:
        text = f"article {doc_id}"
        conn.execute(
            "INSERT INTO documents(id, content_hash, status, length, created_at, updated_at, text) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)", (doc_id, content_hash(text), status, len(text), stamp, stamp, text),
        )
    conn.close()
    with Store(path) as store:
        assert [(h["doc_id"], h["new"]) for h in chart_data.status_history(store)] == [(1, "done"), (3, "done")]
        assert chart_data.done_per_day(store) == [("2024-03-01", 1), ("2024-03-02", 0), ("2024-03-03", 1)]
        store.set_status(2, Status.DONE)
        store.set_status(2, Status.DONE)  # no change, nothing logged
        new_id = store.add_document(NewDocument("imported done", status=Status.DONE))
        store.add_document(NewDocument("imported todo"))
        log = chart_data.status_history(store)
        assert [(h["doc_id"], h["old"], h["new"]) for h in log[2:]] == [(2, "todo", "done"), (new_id, None, "done")]
        assert chart_data.progress_over_time(store)[-1]["total_done"] == 4
