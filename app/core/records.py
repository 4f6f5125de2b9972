"""Turning raw input (bytes, JSON objects) into validated records, with errors that name file and line.

Readers in `importers.py` yield `Record`s or `Rejection`s; nothing here touches the database.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field
from typing import Any

from app.core.scheme import Scheme
from app.core.types import NewDocument, NewSpan, Origin, SpanState, Status

MAX_TEXT_CHARS = 5_000_000  # one article; far above any news article, well below what slows the window
MAX_TITLE_CHARS = 300
MAX_HEADLINE_CHARS = 150

_TOP_LEVEL_KEYS = {
    "text", "spans", "tokens", "relations", "label", "labels", "entities", "meta", "answer", "_input_hash",
    "_task_hash", "_view_id", "_session_id", "_timestamp", "_annotator_id", "title",
}


class Rejected(ValueError):
    """This record cannot be imported; the message says why, in words a user understands."""


@dataclass(frozen=True, slots=True)
class Rejection:
    where: str  # "file:line" (or just "file")
    reason: str

    def __str__(self) -> str:
        return f"{self.where}: {self.reason}"


@dataclass(slots=True)
class Record:
    """One document to import, with the annotations it carries (relations index into `spans`)."""

    doc: NewDocument
    where: str
    spans: list[NewSpan] = field(default_factory=list)
    relations: list[tuple[int, int, str]] = field(default_factory=list)


def decode_text(data: bytes) -> str:
    """Decode a text file: UTF-8 (BOM optional) or UTF-16 with a BOM. Raises Rejected otherwise."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise Rejected(f"starts with a UTF-16 byte-order mark but is not valid UTF-16 ({exc.reason})") from exc
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    if b"\x00" in data:
        raise Rejected("looks like a binary file (it contains NUL bytes), not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise Rejected(
            f"line {line}: not valid UTF-8 (byte {exc.start}: {exc.reason}); save the file as UTF-8"
        ) from exc


def check_text(text: Any) -> str:
    if not isinstance(text, str):
        raise Rejected(f'"text" must be a string, not {type(text).__name__}')
    if not text.strip():
        raise Rejected("the text is empty")
    if len(text) > MAX_TEXT_CHARS:
        raise Rejected(f"the text has {len(text):,} characters; one article may have at most {MAX_TEXT_CHARS:,}")
    if "\x00" in text:
        raise Rejected("the text contains NUL characters")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise Rejected(f"the text contains an unpaired surrogate at character {exc.start}") from exc
    return text


def title_from(text: str, fallback: str = "") -> str:
    """The first non-empty line if it is short enough to be a headline; else `fallback` (a file name);
    else the start of that line, cut at a word."""
    line = next((ln.strip() for ln in text.splitlines() if ln.strip()), "")
    if len(line) <= MAX_HEADLINE_CHARS:
        return line
    if fallback:
        return fallback[:MAX_TITLE_CHARS]
    return line[:80].rsplit(" ", 1)[0] + "…"


def _offset(value: Any, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise Rejected(f"span {name} must be a whole number, not {value!r}")
    return value


def check_span(text: str, start: Any, end: Any, label: Any, scheme: Scheme) -> tuple[int, int, str]:
    start, end = _offset(start, "start"), _offset(end, "end")
    if start < 0 or end > len(text):
        raise Rejected(f"span {start}-{end} is outside the text (0-{len(text)})")
    if start >= end:
        raise Rejected(f"span {start}-{end} is empty or reversed")
    if not isinstance(label, str) or label not in scheme.label_names:
        known = ", ".join(scheme.label_names)
        raise Rejected(f"unknown label {label!r} (the project's labels are {known})")
    return start, end, label


def _new_span(start: int, end: int, label: str, extra: dict[str, Any]) -> NewSpan:
    """A span as imported; our own exports carry origin/state/score etc., which are kept when valid."""
    origin = extra.get("origin")
    state = extra.get("state")
    score = extra.get("score")
    attributes = extra.get("attributes")

    def text_field(key: str) -> str | None:
        value = extra.get(key)
        return value if isinstance(value, str) else None

    return NewSpan(
        start, end, label,
        origin=Origin(origin) if origin in Origin._value2member_map_ else Origin.IMPORTED,
        state=SpanState(state) if state in SpanState._value2member_map_ else SpanState.ACCEPTED,
        model=text_field("model"),
        model_version=text_field("model_version"),
        score=float(score) if isinstance(score, int | float) and not isinstance(score, bool) else None,
        annotator=text_field("annotator"),
        attributes=attributes if isinstance(attributes, dict) else {},
    )


def _spans_of(obj: dict[str, Any], text: str, scheme: Scheme) -> tuple[list[NewSpan], dict[Any, int]]:
    """Spans in Prodigy ("spans": [{start, end, label}]), doccano ("label": [[s, e, L]]) or
    doccano-relations ("entities": [{id, start_offset, end_offset, label}]) form. Returns the spans and a
    map from the record's own span ids to their index."""
    spans: list[NewSpan] = []
    ids: dict[Any, int] = {}
    seen: dict[tuple[int, int, str], int] = {}

    def add(start: Any, end: Any, label: Any, extra: dict[str, Any], ref: Any = None) -> None:
        key = check_span(text, start, end, label, scheme)
        if key not in seen:
            seen[key] = len(spans)
            spans.append(_new_span(*key, extra))
        if ref is not None:
            ids[ref] = seen[key]

    raw = obj.get("spans")
    if raw is not None:
        if not isinstance(raw, list):
            raise Rejected('"spans" must be a list')
        for item in raw:
            if not isinstance(item, dict):
                raise Rejected(f"each span must be an object with start, end and label, not {item!r}")
            add(item.get("start"), item.get("end"), item.get("label"), item, item.get("id"))
    raw = obj.get("entities")
    if raw is not None:
        if not isinstance(raw, list):
            raise Rejected('"entities" must be a list')
        for item in raw:
            if not isinstance(item, dict):
                raise Rejected(f"each entity must be an object, not {item!r}")
            add(item.get("start_offset"), item.get("end_offset"), item.get("label"), {}, item.get("id"))
    raw = obj.get("label", obj.get("labels"))
    if raw is not None and not isinstance(raw, str):  # a string "label" is a text-classification label
        if not isinstance(raw, list):
            raise Rejected('"label" must be a list of [start, end, label]')
        for item in raw:
            if not isinstance(item, list | tuple) or len(item) != 3:
                raise Rejected(f"each doccano label must be [start, end, label], not {item!r}")
            add(item[0], item[1], item[2], {})
    return spans, ids


def _span_key(value: Any) -> tuple[Any, Any, Any]:
    if not isinstance(value, dict):
        raise Rejected(f"a relation's head_span/child_span must be an object, not {value!r}")
    return value.get("start"), value.get("end"), value.get("label")


def _relations_of(
    obj: dict[str, Any], spans: list[NewSpan], ids: dict[Any, int], scheme: Scheme
) -> list[tuple[int, int, str]]:
    raw = obj.get("relations")
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise Rejected('"relations" must be a list')
    index = {(s.start, s.end, s.label): i for i, s in enumerate(spans)}
    out: list[tuple[int, int, str]] = []
    for rel in raw:
        if not isinstance(rel, dict):
            raise Rejected(f"each relation must be an object, not {rel!r}")
        label = rel.get("label", rel.get("type"))
        if not isinstance(label, str) or label not in scheme.relation_names:
            known = ", ".join(scheme.relation_names) or "none"
            raise Rejected(f"unknown relation label {label!r} (the project's relations are {known})")
        if "head_span" in rel or "child_span" in rel:
            head = index.get(_span_key(rel.get("head_span")))
            child = index.get(_span_key(rel.get("child_span")))
        else:
            head, child = ids.get(rel.get("from_id")), ids.get(rel.get("to_id"))
        if head is None or child is None:
            raise Rejected(f"relation {label} points at a span that is not in the record")
        if head == child:
            raise Rejected(f"relation {label} links a span to itself")
        if (head, child, label) not in out:
            out.append((head, child, label))
    return out


def record_from_json(obj: Any, where: str, scheme: Scheme) -> Record:
    """Validate one JSONL object (Prodigy or doccano style) into a Record. Raises Rejected."""
    if not isinstance(obj, dict):
        raise Rejected(f"expected a JSON object with a \"text\" field, got {type(obj).__name__}")
    if "text" not in obj:
        raise Rejected('the object has no "text" field')
    text = check_text(obj["text"])
    meta = obj.get("meta", {})
    if not isinstance(meta, dict):
        raise Rejected('"meta" must be an object')
    meta = dict(meta)
    meta.update({k: v for k, v in obj.items() if k not in _TOP_LEVEL_KEYS})
    spans, ids = _spans_of(obj, text, scheme)
    relations = _relations_of(obj, spans, ids, scheme)
    return Record(document_from(text, meta, obj.get("title"), ""), where, spans, relations)


def document_from(text: str, meta: dict[str, Any], title: Any, fallback_title: str) -> NewDocument:
    """A NewDocument whose well-known fields are lifted out of `meta` (title, source, url, published, status)."""
    meta = dict(meta)
    title = title if isinstance(title, str) and title.strip() else meta.pop("title", None)
    fields = {key: meta.pop(key, "") for key in ("source", "url", "published")}
    fields = {key: value if isinstance(value, str) else str(value) for key, value in fields.items()}
    status = meta.pop("status", None)
    meta.pop("marginalia_id", None)
    return NewDocument(
        text=text,
        title=(title.strip()[:MAX_TITLE_CHARS] if isinstance(title, str) and title.strip()
               else title_from(text, fallback_title)),
        meta=meta,
        status=Status(status) if status in Status._value2member_map_ else Status.TODO,
        **fields,
    )
