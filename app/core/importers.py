"""Import articles from text files and folders, JSONL (Prodigy or doccano style) and CSV.

Streaming: files are read a line (or a file) at a time and written in batches, so memory stays flat on any
input size. Bad records are reported with file and line and never stop the good ones; each batch is one
transaction, so nothing already stored is touched by a failure. Texts are stored exactly as given.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import orjson

from app.core.progress import Job, Progress
from app.core.records import (
    MAX_TEXT_CHARS,
    Record,
    Rejected,
    Rejection,
    check_text,
    decode_text,
    document_from,
    record_from_json,
)
from app.core.scheme import Scheme
from app.core.store import Store

FORMATS = ("auto", "txt", "jsonl", "csv")
TEXT_SUFFIXES = {".txt", ".text", ".md"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
CSV_SUFFIXES = {".csv", ".tsv"}
MAX_FILE_BYTES = MAX_TEXT_CHARS * 4  # a text file above this cannot hold an article we accept
MAX_LINE_BYTES = MAX_TEXT_CHARS * 4 + 1_000_000
BATCH_DOCUMENTS = 1000
BATCH_CHARS = 8_000_000
MAX_ERRORS_PER_FILE = 1000


@dataclass
class ImportReport:
    imported: int = 0
    duplicates: int = 0
    spans: int = 0
    relations: int = 0
    files: int = 0
    rejected: list[Rejection] = field(default_factory=list)
    duplicate_examples: list[str] = field(default_factory=list)

    def summary(self) -> str:
        lines = [
            f"Imported {self.imported} document(s) from {self.files} file(s) "
            f"with {self.spans} span(s) and {self.relations} relation(s); "
            f"{self.duplicates} duplicate(s) skipped; {len(self.rejected)} rejected."
        ]
        if self.duplicate_examples:
            shown = ", ".join(self.duplicate_examples[:5])
            lines.append(f"Duplicates (already in the project), e.g. {shown}")
        for rejection in self.rejected[:200]:
            lines.append(f"  rejected {rejection}")
        if len(self.rejected) > 200:
            lines.append(f"  … and {len(self.rejected) - 200} more")
        return "\n".join(lines)


def detect_format(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in CSV_SUFFIXES:
        return "csv"
    return "txt"


def expand_paths(paths: Sequence[str | Path], fmt: str) -> list[Path]:
    """Files to read: folders are walked (sorted, hidden files skipped); with `auto`, only known suffixes."""
    known = TEXT_SUFFIXES | JSONL_SUFFIXES | CSV_SUFFIXES
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for root, dirs, names in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(names):
                    child = Path(root) / name
                    if not name.startswith(".") and (fmt != "auto" or child.suffix.lower() in known):
                        files.append(child)
        else:
            files.append(path)
    return files


@dataclass
class ByteMeter:
    """How far the readers have got, for progress reporting."""

    count: int = 0


def _bounded_lines(stream: io.BufferedReader, meter: ByteMeter) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes) for each line; an over-long line gives None without ever being held whole."""
    number = 0
    while True:
        line = stream.readline(MAX_LINE_BYTES)
        if not line:
            return
        number += 1
        meter.count += len(line)
        if len(line) >= MAX_LINE_BYTES and not line.endswith(b"\n"):
            while (rest := stream.readline(MAX_LINE_BYTES)) and not rest.endswith(b"\n"):
                meter.count += len(rest)
            meter.count += len(rest)
            yield number, None
        else:
            yield number, line


def read_jsonl(path: Path, scheme: Scheme, meter: ByteMeter) -> Iterator[Record | Rejection]:
    with path.open("rb") as stream:
        for number, line in _bounded_lines(stream, meter):
            where = f"{path}:{number}"
            if line is None:
                yield Rejection(
                    where, f"the line is over {MAX_LINE_BYTES / 1e6:.0f} MB; one article may be at most "
                    f"{MAX_TEXT_CHARS:,} characters"
                )
                continue
            if number == 1 and line.startswith(b"\xef\xbb\xbf"):
                line = line[3:]
            if not line.strip():
                continue
            try:
                obj = orjson.loads(line)
            except orjson.JSONDecodeError as exc:
                yield Rejection(where, f"not valid JSON ({exc})")
                continue
            try:
                yield record_from_json(obj, where, scheme)
            except Rejected as exc:
                yield Rejection(where, str(exc))


def read_txt(path: Path) -> Iterator[Record | Rejection]:
    where = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise Rejected(f"the file is {size / 1e6:.1f} MB; one article may be at most {MAX_FILE_BYTES / 1e6:.0f} MB")
        text = check_text(decode_text(path.read_bytes()))
    except Rejected as exc:
        yield Rejection(where, str(exc))
        return
    yield Record(document_from(text, {"file": path.name}, None, path.stem), where)


def read_csv(path: Path, meter: ByteMeter) -> Iterator[Record | Rejection]:
    """A CSV (or TSV) with a `text` column; `title`, `source`, `url`, `published` are recognised, other
    columns go to the document's meta."""
    csv.field_size_limit(MAX_LINE_BYTES)
    delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
    errors = 0
    with path.open("r", encoding="utf-8-sig", newline="", errors="strict") as stream:
        reader = csv.reader(stream, delimiter=delimiter)
        try:
            header = next(reader)
        except StopIteration:
            yield Rejection(str(path), "the file is empty")
            return
        except UnicodeDecodeError as exc:
            yield Rejection(f"{path}:1", f"not valid UTF-8 ({exc.reason}); save the file as UTF-8")
            return
        except csv.Error as exc:
            yield Rejection(f"{path}:1", f"cannot read the header row ({exc})")
            return
        names = [h.strip().lower() for h in header]
        if "text" not in names:
            yield Rejection(f"{path}:1", f"no 'text' column (columns: {', '.join(header)})")
            return
        text_at = names.index("text")
        while True:
            line = reader.line_num + 1
            try:
                row = next(reader)
            except StopIteration:
                return
            except UnicodeDecodeError as exc:
                yield Rejection(f"{path}:{line}", f"not valid UTF-8 ({exc.reason}); save the file as UTF-8")
                yield Rejection(str(path), "stopped reading this file after the error above")
                return
            except csv.Error as exc:
                errors += 1
                yield Rejection(f"{path}:{line}", f"cannot read this row ({exc})")
                if errors >= MAX_ERRORS_PER_FILE:
                    yield Rejection(str(path), "stopped reading this file after the error above")
                    return
                continue
            where = f"{path}:{line}"
            meter.count += sum(len(cell) for cell in row) + len(row)
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(names):
                yield Rejection(where, f"has {len(row)} columns, the header has {len(names)}")
                continue
            try:
                text = check_text(row[text_at])
            except Rejected as exc:
                yield Rejection(where, str(exc))
                continue
            meta = {name: value for name, value in zip(names, row, strict=True) if name != "text"}
            yield Record(document_from(text, meta, None, ""), where)


def read_file(path: Path, fmt: str, scheme: Scheme, meter: ByteMeter) -> Iterator[Record | Rejection]:
    kind = detect_format(path) if fmt == "auto" else fmt
    if not path.is_file():
        yield Rejection(str(path), "no such file")
        return
    try:
        if kind == "jsonl":
            yield from read_jsonl(path, scheme, meter)
        elif kind == "csv":
            yield from read_csv(path, meter)
        else:
            yield from read_txt(path)
    except UnicodeDecodeError as exc:
        yield Rejection(str(path), f"not valid UTF-8 ({exc.reason}); save the file as UTF-8")
    except OSError as exc:
        yield Rejection(str(path), f"cannot read the file ({exc.strerror or exc})")


def _write_batch(store: Store, batch: list[Record], report: ImportReport) -> None:
    """One transaction for the whole batch: documents, then their spans and relations."""
    with store.transaction():
        ids = store.add_documents([record.doc for record in batch])
        for record, doc_id in zip(batch, ids, strict=True):
            if doc_id is None:
                report.duplicates += 1
                if len(report.duplicate_examples) < 20:
                    report.duplicate_examples.append(record.where)
                continue
            report.imported += 1
            if record.spans:
                stored = store.add_spans(doc_id, record.spans)
                report.spans += len(stored)
                for head, child, label in record.relations:
                    store.add_relation(stored[head].id, stored[child].id, label)
                report.relations += len(record.relations)


def import_paths(store: Store, paths: Sequence[str | Path], fmt: str = "auto") -> Job[ImportReport]:
    """Import every file under `paths`. Yields progress in bytes; returns the report.

    Closing the generator (Cancel) keeps the batches already committed and writes nothing more."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown import format {fmt!r}; choose one of {', '.join(FORMATS)}")
    files = expand_paths(paths, fmt)
    sizes = [f.stat().st_size if f.is_file() else 0 for f in files]
    total = sum(sizes)
    report = ImportReport(files=len(files))
    done = 0
    batch: list[Record] = []
    chars = 0
    yield Progress(0, total, "Importing")
    for path, size in zip(files, sizes, strict=True):
        meter = ByteMeter()
        for item in read_file(path, fmt, store.scheme, meter):
            if isinstance(item, Rejection):
                report.rejected.append(item)
                continue
            batch.append(item)
            chars += len(item.doc.text)
            if len(batch) >= BATCH_DOCUMENTS or chars >= BATCH_CHARS:
                _write_batch(store, batch, report)
                batch, chars = [], 0
                yield Progress(done + min(meter.count, size), total, f"Importing {path.name}")
        done += size
        if batch:
            _write_batch(store, batch, report)
            batch, chars = [], 0
        yield Progress(done, total, f"Imported {path.name}")
    return report
