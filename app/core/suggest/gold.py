"""Gold data kept as offsets only: the articles belong to others, so the repository holds, per article,
`<stem>.spans.jsonl` with one line per span {start, end, label, sha1 (first 8 hex of the span text's SHA-1)}
and one line per relation {head, child, label} (indices into the span lines). `build_gold` joins them with
the article texts (e.g. /work/shared/corpus/<stem>.txt) into the Prodigy format, checking every checksum.

    python -m app.core.suggest.gold CORPUS_DIR GOLD_DIR OUT.jsonl
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path
from typing import Any

import orjson


class GoldError(ValueError):
    """Gold offsets do not fit the text they are meant for."""


def span_sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]


def gold_record(text: str, lines: list[dict[str, Any]], where: str = "gold") -> dict[str, Any]:
    """One Prodigy-format record from a text and its offset lines."""
    spans = [row for row in lines if "start" in row]
    rels = [row for row in lines if "head" in row]
    out_spans = []
    for i, row in enumerate(spans):
        start, end, label = int(row["start"]), int(row["end"]), str(row["label"])
        if not 0 <= start < end <= len(text):
            raise GoldError(f"{where}: span {i} ({start}-{end}) is outside the text")
        if row.get("sha1") and span_sha1(text[start:end]) != row["sha1"]:
            raise GoldError(f"{where}: span {i} ({start}-{end} {label}) does not match its checksum: the text changed")
        out_spans.append({"start": start, "end": end, "label": label})
    out_rels = []
    for row in rels:
        head, child = out_spans[int(row["head"])], out_spans[int(row["child"])]
        out_rels.append({
            "head": head["start"], "child": child["start"], "head_span": dict(head), "child_span": dict(child),
            "label": str(row.get("label", "SOURCE")),
        })
    return {"text": text, "spans": out_spans, "relations": out_rels, "meta": {"gold": where}}


def build_gold(corpus_dir: str | Path, gold_dir: str | Path) -> list[dict[str, Any]]:
    """Prodigy-format gold records for every `<stem>.spans.jsonl` in `gold_dir` with `<stem>.txt` in corpus."""
    records = []
    for path in sorted(Path(gold_dir).glob("*.spans.jsonl")):
        stem = path.name[: -len(".spans.jsonl")]
        text_path = Path(corpus_dir) / f"{stem}.txt"
        if not text_path.exists():
            raise GoldError(f"{path}: no article {text_path}")
        text = text_path.read_bytes().decode("utf-8")  # as imported: read_text() would fold "\r\n" to "\n"
        lines = [orjson.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        records.append(gold_record(text, lines, stem))
    return records


def write_gold(corpus_dir: str | Path, gold_dir: str | Path, out: str | Path) -> int:
    records = build_gold(corpus_dir, gold_dir)
    Path(out).write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in records))
    return len(records)


if __name__ == "__main__":  # pragma: no cover
    if len(sys.argv) != 4:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    print(f"{write_gold(*sys.argv[1:])} gold documents written", file=sys.stderr)
