"""FIGURE normalisation: the number, canonical unit, hedge qualifier and measured thing of a figure span.

`normalise_figure("roughly 300 square miles")` -> {"value": 777, "unit": "km²", "qualifier": "approx", ...}.
Numbers and units are read by quantulum3 (word numbers, "1,000", "$122 billion", "12 to 18 months") and
converted with pint (areas to km², lengths to km, masses to t); money stays in its currency (dollars are USD).
Counts get the counted noun as unit ("troops", "casualties"), the words before it as `measured` ("North Korean").

The attributes live in the span's `attributes` next to any others. An analyst's edit sets `"edited": true` and
is never recomputed over; the assignment to a named quantity is the separate key `"quantity"`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from app.core.quantities import quantities, quantulum_parser, unit_table

if TYPE_CHECKING:
    from app.core.store import Store
    from app.core.types import Change, Span

FIGURE_LABEL = "FIGURE"
QUALIFIERS = ("exact", "approx", "min", "max", "range")
# Keys this module computes; a recompute replaces exactly these and keeps every other attribute.
FIGURE_KEYS = ("value", "unit", "qualifier", "low", "high", "measured", "values", "original", "vague")
EDITABLE_KEYS = frozenset({"value", "unit", "qualifier", "low", "high", "measured"})

_HEDGES: dict[str, tuple[str, ...]] = {
    "approx": (
        "approximately", "about", "around", "roughly", "some", "nearly", "almost", "close to", "an estimated",
        "estimated", "circa", "approx.", "approx", "c.", "just under", "just over", "more or less",
    ),
    "min": (
        "at least", "more than", "over", "upwards of", "in excess of", "above", "no fewer than", "no less than",
        "not less than", "at a minimum",
    ),
    "max": (
        "no more than", "up to", "fewer than", "less than", "under", "at most", "below", "as many as",
        "not more than", "a maximum of", "at the most",
    ),
}
_HEDGE_LIST = sorted(((h, q) for q, hs in _HEDGES.items() for h in hs), key=lambda hq: -len(hq[0]))
_HEDGE_ALTERNATIVES = "|".join(re.escape(h) for h, _ in _HEDGE_LIST)  # longest first
_HEDGE_RE = re.compile(r"^(?:" + _HEDGE_ALTERNATIVES + r")(?=\s|$|\d|\$)", re.IGNORECASE)
_HEDGE_END_RE = re.compile(r"(?:^|\s)(" + _HEDGE_ALTERNATIVES + r")\s*$", re.IGNORECASE)
_QUALIFIER_OF = {h: q for h, q in _HEDGE_LIST}
# Vague magnitudes ("hundreds of square kilometers") read as a lower bound.
_VAGUE = {"dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2000, "tens of thousands": 20_000,
          "hundreds of thousands": 200_000, "millions": 2_000_000, "billions": 2_000_000_000}
_VAGUE_RE = re.compile(
    r"^(" + "|".join(sorted(map(re.escape, _VAGUE), key=len, reverse=True)) + r")\s+of\s+", re.IGNORECASE
)
_CASUALTIES = (
    (re.compile(r"^(killed|dead)\s+(and|or)\s+(wounded|injured)\b", re.I), "casualties"),
    (re.compile(r"^(wounded|injured)\s+(and|or)\s+(killed|dead)\b", re.I), "casualties"),
    (re.compile(r"^casualt(y|ies)\b", re.I), "casualties"),
    (re.compile(r"^(dead|killed|deaths?|fatalities)\b", re.I), "dead"),
    (re.compile(r"^(wounded|injured)\b", re.I), "wounded"),
)
_STOP = frozenset({
    "of", "off", "in", "on", "to", "from", "at", "with", "for", "by", "that", "which", "who", "and", "or", "vs",
    "versus", "than", "into", "since", "during", "across", "inside", "within", "near", "the", "had", "have",
    "has", "were", "was", "are", "is", "allied", "still",
})
_OF_END = frozenset({"after", "before", "since", "during", "when", "while", "until", "which", "that"})
_UNCOUNTABLE = frozenset({"personnel", "equipment", "staff", "ammunition", "aid", "military", "infantry"})
_CURRENCY = {"USD": "USD", "EUR": "EUR", "GBP": "GBP"}
_CANONICAL = {"[length] ** 2": "km**2", "[length]": "km", "[mass]": "t"}
_DISPLAY = {"km**2": "km²", "km": "km", "t": "t"}
_ABBREV_RE = re.compile(r"([$€£]\s?\d[\d,.]*)\s?(bn|tn|m|k)\b", re.IGNORECASE)
_SQ_RE = re.compile(r"(\d)\s?sq\.?\s+(?=miles?\b|kilomet|met)", re.IGNORECASE)  # spelled units only
_INDIAN_SCALE_RE = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s?(lakhs?|crores?)\b", re.IGNORECASE)
_INDIAN_SCALES = {"lakh": 100_000, "crore": 10_000_000}
_ABBREV = {"bn": " billion", "tn": " trillion", "m": " million", "k": " thousand", "mn": " million"}
_BARE_ABBREV_RE = re.compile(r"\b(\d[\d,.]*)\s?(bn|tn|mn)\b", re.IGNORECASE)  # "26bn" after a code or sign
# a currency named before the amount by a code, a sign or a newspaper's abbreviation ("UAH 4 million", "Hr 40
# million", "Rbs26bn", "₴40 million"), which quantulum3 does not read
_PREFIX_CURRENCY = {"UAH": "UAH", "Hr": "UAH", "hrn": "UAH", "\u20b4": "UAH", "RUB": "RUB", "Rbs": "RUB",
                    "\u20bd": "RUB", "INR": "INR", "Rs": "INR", "\u20b9": "INR", "PLN": "PLN", "CHF": "CHF",
                    "CNY": "CNY", "KRW": "KRW", "JPY": "JPY", "CAD": "CAD", "SEK": "SEK", "NOK": "NOK"}
_ADDITIVE_RE = re.compile(r"^(?:an?\s+)?(?:additional|another|further|extra)\s+", re.IGNORECASE)
_PREFIX_CURRENCY_RE = re.compile("^(" + "|".join(map(re.escape, _PREFIX_CURRENCY)) + r")\s?(?=\d)")
_WORD_RE = re.compile(r"[A-Za-z][\w’'.-]*")


@lru_cache(maxsize=1)
def _units() -> Any:
    import pint

    return pint.UnitRegistry()


@lru_cache(maxsize=1)
def _inflect() -> Any:
    import inflect

    return inflect.engine()


def warm_up() -> None:
    """Load quantulum3, pint and inflect (a few seconds the first time); call it off the GUI thread."""
    quantulum_parser().parse("1 km")
    unit_table()
    _units()
    _inflect()


def _number(x: float) -> int | float:
    """A JSON-friendly number: integral finite values as int, others unchanged (`_sig3` rounds)."""
    if math.isfinite(x) and float(x).is_integer() and abs(x) < 2**53:
        return int(x)
    return x


def _sig3(x: float) -> int | float:
    if x == 0 or not math.isfinite(x):
        return _number(x)
    digits = 2 - math.floor(math.log10(abs(x)))
    return _number(round(x, digits))


def _clean(text: str) -> str:
    text = text.replace("\u00a0", " ").replace("\u202f", " ").strip()
    text = re.sub(r"\bper\s+cent\b", "percent", text, flags=re.IGNORECASE)
    text = re.sub(r"\b(?:US\$|USD\s*)(?=\d)", "$", text)
    text = _SQ_RE.sub(r"\1 square ", text)  # "483sq miles", "12 sq. km"
    text = _INDIAN_SCALE_RE.sub(_indian_scale, text)
    return _ABBREV_RE.sub(lambda m: m.group(1) + _ABBREV[m.group(2).lower()], text)


def _indian_scale(m: re.Match[str]) -> str:
    """"1.5 lakh" -> "150000", "2 crore" -> "20000000" (no unit reads them)."""
    value = float(m.group(1).replace(",", "")) * _INDIAN_SCALES[m.group(2).lower().rstrip("s")]
    return str(round(value))


def split_hedge(text: str) -> tuple[str | None, str]:
    """("around", "$66 billion") for "around $66 billion"; (None, text) without a hedge."""
    m = _HEDGE_RE.match(text)
    if not m:
        return None, text
    return m.group(0), text[m.end() :].strip()


@lru_cache(maxsize=4096)
def _plural(word: str) -> str:
    word = word.lower()
    if word in _UNCOUNTABLE or not word.isalpha():
        return word
    engine = _inflect()
    return word if engine.singular_noun(word) else engine.plural_noun(word)


def _counted(after: str) -> tuple[str, str, str]:
    """(unit, measured, rest) from the words after a bare number: "North Korean troops allied" ->
    ("troops", "North Korean", "allied")."""
    after = after.strip()
    for pattern, unit in _CASUALTIES:
        m = pattern.match(after)
        if m:
            return unit, "", after[m.end() :]
    words: list[str] = []
    end = 0
    for m in _WORD_RE.finditer(after):
        if after[end : m.start()].strip() or m.group(0).lower() in _STOP:
            break
        words.append(m.group(0).rstrip("."))
        end = m.end()
    if not words:
        return "", "", after
    lower = [i for i, w in enumerate(words) if w[:1].islower()]
    if not lower:  # "12,000 North Korean" with no noun after: the words describe the thing counted
        return "", " ".join(words), after[end:]
    first = lower[0]
    noun = words[first:]
    noun[-1] = _plural(noun[-1])
    return " ".join(w.lower() for w in noun), " ".join(words[:first]), after[end:]


def _of_phrase(rest: str) -> str:
    """The thing measured after "of": "of the territory initially seized, ..." -> "the territory initially seized"."""
    m = re.match(r"\s*of\s+([^,.;:()\"“”]+)", rest)
    if not m:
        return ""
    words = m.group(1).split()[:8]
    cut = next((i for i, w in enumerate(words) if w.lower() in _OF_END), len(words))
    words = words[:cut]
    while words and words[-1].lower() in _STOP:  # "the goals set within the frames of the" loses "of the"
        words.pop()
    return " ".join(words)


@lru_cache(maxsize=4096)
def _convert(value: float, unit_name: str) -> tuple[float, str] | None:
    """`value` in `unit_name` converted to this module's canonical unit of its dimension, if pint knows it
    (cached: called with 1.0 and the few hundred nouns a corpus counts, most of which pint rejects slowly)."""
    import pint

    ureg = _units()
    try:
        quantity = value * ureg(unit_name.replace(" ", "_"))
    except (pint.errors.PintError, AttributeError, TypeError, ValueError, SyntaxError):
        try:
            quantity = value * ureg(unit_name)
        except (pint.errors.PintError, AttributeError, TypeError, ValueError, SyntaxError):
            return None
    if not hasattr(quantity, "dimensionality"):
        return None
    target = _CANONICAL.get(str(quantity.dimensionality))
    if target is None:
        return None
    return float(quantity.to(target).magnitude), _DISPLAY[target]


def _unit_of(q: Any, after: str) -> tuple[str, str, str, float, tuple[float, str] | None]:
    """(unit, measured, rest, factor, original) for one quantulum quantity; `after` is the text after it."""
    unit, entity = q.unit.name, q.unit.entity.name
    if entity == "currency":
        code = getattr(q.unit, "currency_code", None) or unit
        return _CURRENCY.get(code, code), "", after, 1.0, None
    if unit == "percentage":
        return "%", "", after, 1.0, None
    if unit == "dozen":
        counted, measured, rest = _counted(after)
        return counted, measured, rest, 12.0, None
    if unit != "dimensionless":
        converted = _convert(1.0, unit)
        if converted is not None:
            return converted[1], "", after, converted[0], (q.value, unit)
        plural = _inflect().plural_noun(unit) if unit.isalpha() or " " in unit else unit
        return plural or unit, "", after, 1.0, None
    counted, measured, rest = _counted(after)
    first = counted.split(" ")[-1] if counted else ""
    if first and len(first) >= 3 and " " not in counted:  # "10 hectares": a unit quantulum missed but pint knows
        converted = _convert(1.0, first)
        if converted is not None:
            return converted[1], measured, rest, converted[0], (q.value, first)
    return counted, measured, rest, 1.0, None


def normalise_figure(text: str, context: str = "", at: int | None = None) -> dict[str, Any]:
    """Attributes of a figure's text: value, unit, qualifier (+ low/high for a range), measured thing.

    `context` (the sentence around the span) is used when the span itself lacks a hedge, unit or "of" phrase;
    `at` is where the span starts in it (without it, the first occurrence of `text` is taken).
    Always returns a JSON-serialisable dict; `value` is None when no number can be read.
    """
    cleaned = _clean(text)
    hedge, body = split_hedge(cleaned)
    before, after_ctx = _context_sides(text, context, at)
    if hedge is None and before:
        m = _HEDGE_END_RE.search(_clean(before))
        hedge = m.group(1) if m else None
    out: dict[str, Any] = {"value": None, "unit": "", "qualifier": _QUALIFIER_OF.get((hedge or "").lower(), "exact")}
    vague = _VAGUE_RE.match(body)
    if vague:
        return _vague(out, vague, body, after_ctx)
    found = quantities(body)
    prefix = _PREFIX_CURRENCY_RE.match(_ADDITIVE_RE.sub("", body))  # "an additional Hr 40 million"
    if prefix is not None and (not found or found[0].unit.entity.name != "currency"):
        body = _BARE_ABBREV_RE.sub(lambda m: m.group(1) + _ABBREV[m.group(2).lower()],
                                   _ADDITIVE_RE.sub("", body)[prefix.end() :])  # a currency quantulum3 missed
        found = quantities(body)
    else:
        prefix = None
    if not found:
        return out
    q = found[0]
    after = body[q.span[1] :]
    unit, measured, rest, factor, original = _unit_of(q, after)
    if len(found) > 1 and not unit:  # "38,000 vs 40,000 casualties": the unit follows the last number
        unit, measured, rest, factor, original = _unit_of(found[-1], body[found[-1].span[1] :])
    if not unit and not after.strip() and after_ctx:  # a bare number: its unit follows in the sentence
        joined = body + " " + _clean(after_ctx)[:120]
        wider = quantities(joined)
        if wider and wider[0].span[0] == q.span[0] and wider[0].value == q.value:
            q = wider[0]
            unit, measured, rest, factor, original = _unit_of(q, joined[q.span[1] :])
    convert = _sig3 if factor != 1.0 else _number
    out["value"] = convert(q.value * factor)
    out["unit"] = _PREFIX_CURRENCY[prefix.group(1)] if prefix is not None else unit
    if q.uncertainty:
        out["qualifier"] = "range"
        out["low"] = convert((q.value - q.uncertainty) * factor)
        out["high"] = convert((q.value + q.uncertainty) * factor)
    if original and factor != 1.0:
        out["original"] = {"value": _number(q.value), "unit": original[1]}
    measured = measured or _of_phrase(rest) or (_of_phrase(_clean(after_ctx)) if not rest.strip() else "")
    if measured:
        out["measured"] = measured
    if len(found) > 1:
        out["values"] = [convert(x.value * factor) for x in found]
    return out


def _vague(out: dict[str, Any], match: re.Match[str], body: str, after_ctx: str) -> dict[str, Any]:
    """"hundreds of square kilometers" -> at least 200 km², marked vague."""
    value = float(_VAGUE[match.group(1).lower()])
    rest = body[match.end() :]
    found = quantities("1 " + rest)
    unit, measured, tail, factor = "", "", rest, 1.0
    if found and found[0].span[0] == 0:
        unit, measured, tail, factor, _ = _unit_of(found[0], ("1 " + rest)[found[0].span[1] :])
    out.update(value=_sig3(value * factor), unit=unit, qualifier="min", vague=True)
    measured = measured or _of_phrase(tail) or _of_phrase(after_ctx)
    if measured:
        out["measured"] = measured
    return out


def _context_sides(text: str, context: str, at: int | None = None) -> tuple[str, str]:
    """The context before and after `text`, which starts at `at` in it or else at its first occurrence
    ("" when absent)."""
    if not context or not text:
        return "", ""
    if at is None or context[at : at + len(text)] != text:
        at = context.find(text)
    if at < 0:
        return "", ""
    return context[:at], context[at + len(text) :]


_SENTENCE_END = re.compile(r"[.!?][\"”’')\]]*\s+|\n")
_ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "dr", "gen", "lt", "col", "sgt", "capt", "sen", "rep", "gov", "st", "prof", "jr", "sr",
    "no", "vs", "jan", "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov", "dec", "approx", "est", "c",
})
_WORD_BEFORE = re.compile(r"(\w+)$")


def _is_break(text: str, m: re.Match[str]) -> bool:
    """A sentence end, unless the full stop closes an abbreviation ("Mr.", "U.S.", "Gen.")."""
    if text[m.start()] != ".":
        return True
    word = _WORD_BEFORE.search(text, max(0, m.start() - 12), m.start())
    if word is None:
        return True
    w = word.group(1)
    return not (w.lower() in _ABBREVIATIONS or (len(w) == 1 and w.isupper()))


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence (or line) of `text` that holds start..end; a span crossing sentences gets all of them."""
    begin, stop = sentence_bounds(text, start, end)
    return text[begin:stop]


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Where `sentence_around` begins and ends in `text`."""
    begin = max(0, start - 2000)  # a "sentence" never reaches further than this
    for m in _SENTENCE_END.finditer(text, begin, start):
        if _is_break(text, m):
            begin = m.end()
    stop = len(text)
    for m in _SENTENCE_END.finditer(text, end, min(len(text), end + 2000)):
        if _is_break(text, m):
            stop = m.start() + 1 if text[m.start()] != "\n" else m.start()
            break
    while begin < stop and text[begin].isspace():
        begin += 1
    while stop > begin and text[stop - 1].isspace():
        stop -= 1
    return begin, stop


def figure_attributes_for(span_text: str, sentence: str = "") -> dict[str, Any]:
    """The hook for the UI controller and the suggester: attributes to merge into a new FIGURE span's."""
    return normalise_figure(span_text, sentence)


def attributes_for_new_figure(doc_text: str, start: int, end: int) -> dict[str, Any]:
    """The attributes of the span start..end of `doc_text`, read with its sentence as context."""
    begin, stop = sentence_bounds(doc_text, start, end)
    return normalise_figure(doc_text[start:end], doc_text[begin:stop], start - begin)


def merge_figure_attributes(old: dict[str, Any], computed: dict[str, Any]) -> dict[str, Any]:
    """`old` with the computed keys replaced (others such as "rule" or "quantity" kept); an edited one is kept."""
    if old.get("edited"):
        return dict(old)
    kept = {k: v for k, v in old.items() if k not in FIGURE_KEYS}
    return {**kept, **computed}


def apply_figure_attributes(store: Store, span_id: int, *, force: bool = False) -> Span:
    """(Re)compute a FIGURE span's attributes in one transaction. An analyst-edited span is left as it is
    unless `force` (which also drops the edited flag). Other labels are returned unchanged."""
    with store.transaction():
        span = store.get_span(span_id)
        if span.label != FIGURE_LABEL or (span.attributes.get("edited") and not force):
            return span
        computed = attributes_for_new_figure(store.get_document(span.doc_id).text, span.start, span.end)
        old = {k: v for k, v in span.attributes.items() if k != "edited"} if force else span.attributes
        new = merge_figure_attributes(old, computed)
        if new == span.attributes:
            return span
        _, after = store.update_span(span_id, attributes=new)
        store._changed("figures", span.doc_id)
    return after


def edit_figure_attributes(store: Store, span_id: int, **changes: Any) -> tuple[Span, Span]:
    """The analyst's override of some figure attributes (None removes a key); marks the span edited.
    Returns (before, after) for undo."""
    _check_edit(changes)
    with store.transaction():
        span = store.get_span(span_id)
        attrs = dict(span.attributes)
        for key, value in changes.items():
            if value is None:
                attrs.pop(key, None)
            else:
                attrs[key] = value
        attrs["edited"] = True
        before, after = store.update_span(span_id, attributes=attrs)
        store._changed("figures", span.doc_id)
    return before, after


def _check_edit(changes: dict[str, Any]) -> None:
    """Raise StoreError unless `changes` only sets editable keys to values of the right type."""
    from app.core.store import StoreError

    unknown = set(changes) - EDITABLE_KEYS
    if unknown:
        raise StoreError(f"cannot edit figure attribute(s) {sorted(unknown)}")
    for key in ("value", "low", "high"):
        value = changes.get(key)
        if value is not None and (isinstance(value, bool) or not isinstance(value, int | float)):
            raise StoreError(f"figure {key} must be a number, got {value!r}")
    qualifier = changes.get("qualifier")
    if qualifier is not None and qualifier not in QUALIFIERS:
        raise StoreError(f"figure qualifier must be one of {', '.join(QUALIFIERS)}, got {qualifier!r}")
    for key in ("unit", "measured"):
        if changes.get(key) is not None and not isinstance(changes[key], str):
            raise StoreError(f"figure {key} must be text")


def assign_quantity(store: Store, span_ids: list[int], quantity: str | None) -> None:
    """Assign figures to a named quantity ("area held by Ukraine in Kursk"), or unassign with None/""."""
    name = " ".join((quantity or "").split())
    with store.transaction():
        docs = set()
        for span_id in span_ids:
            span = store.get_span(span_id)
            attrs = dict(span.attributes)
            if name:
                attrs["quantity"] = name
            else:
                attrs.pop("quantity", None)
            if attrs != span.attributes:
                store.update_span(span_id, attributes=attrs)
                docs.add(span.doc_id)
        if docs:
            store._changed("figures", *docs)


def normalise_document(store: Store, doc_id: int, *, force: bool = False) -> int:
    """Compute attributes of every FIGURE span of a document (one transaction); returns how many changed."""
    changed = 0
    with store.transaction():
        for span in store.spans_for(doc_id):
            if span.label == FIGURE_LABEL:
                changed += apply_figure_attributes(store, span.id, force=force) != span
    return changed


def normalise_missing(store: Store, doc_id: int) -> int:
    """Compute attributes of the document's FIGURE spans that have none yet (no "value" key); returns how many."""
    missing = [s.id for s in store.spans_for(doc_id) if s.label == FIGURE_LABEL and "value" not in s.attributes]
    if missing:
        with store.transaction():
            for span_id in missing:
                apply_figure_attributes(store, span_id)
    return len(missing)


def install_auto_normalise(store: Store) -> Callable[[], None]:
    """Opt-in: after every committed span change, normalise new FIGURE spans of the changed documents (so that
    any writer's figures get attributes). Returns the unsubscribe function. The first figure loads quantulum3
    (seconds): call `warm_up()` on a worker first if this store lives on the GUI thread."""

    def on_change(change: Change) -> None:
        if change.kind == "spans":
            for doc_id in change.doc_ids:
                normalise_missing(store, doc_id)

    return store.subscribe(on_change)
