"""What a number counts: the unit or counted noun after it ("60,000" + "troops", "697" + "square kilometres",
"40,000" + "killed and wounded"), for the FIGURE rules in figures.py."""

from __future__ import annotations

import re
from typing import Any

from app.core.suggest.base import CURRENCY_SIGNS
from app.core.suggest.config import SuggestConfig

BIG_WORDS = frozenset({"hundreds", "thousands", "millions", "billions", "dozens", "scores", "tens"})
SCALES = frozenset({
    "thousand", "thousands", "million", "millions", "billion", "billions", "trillion", "mln", "bn", "k", "mn", "tn",
    "lakh", "lakhs", "crore", "crores",  # Indian scales: "₹1.5 lakh" (100,000), "₹2 crore" (10 million)
})
# unit abbreviations: a noun after them is another thing, not part of the unit ("640 km² and losses")
UNIT_ABBREVIATIONS = frozenset({"km", "km²", "km2", "m²", "sq", "mi", "kg", "t", "mw", "gw", "kw", "ha", "%"})
_NOMINAL_DEPS = frozenset({"dobj", "nsubj", "nsubjpass", "pobj", "attr", "appos"})
_BARE_UNITS = frozenset({"km", "km²", "km2", "m²", "kg", "mw", "gw", "kw", "ha"})  # after a number, always a unit
_SQUARE_UNITS = frozenset({"km", "mi", "m", "miles", "kilometres", "kilometers", "metres", "meters"})
RANGE_TOKEN = re.compile(r"^\d[\d,.]*(?:bn|mn|m|k)?[\u2013-]\d[\d,.]*(?:bn|mn|m|k)?$")  # "30,000–40,000", "1.5bn–2bn"
GLUED_SQUARE = re.compile(r"^\d[\d,.]*sq$")  # "1,250sq" (km): the recogniser takes it for a number, spaCy does not


def is_num(tok: Any) -> bool:
    return bool(tok.like_num) or tok.lower_ in BIG_WORDS or tok.lower_ == "dozen" or bool(
        RANGE_TOKEN.match(tok.text) or GLUED_SQUARE.match(tok.text))


def glued_million(doc: Any, i: int) -> bool:
    """doc[i] is a scale letter glued to the number before it: the "m" of "12m rounds", or "m", "M" or "B" after a
    sum ("€2.3m", "US$38.6M"): millions or billions, not metres."""
    if doc[i].text not in ("m", "M", "B") or i == 0 or not doc[i - 1].like_num or doc[i - 1].whitespace_:
        return False
    return (i > 1 and doc[i - 2].text in CURRENCY_SIGNS) or (
        doc[i].text == "m" and i + 1 < len(doc) and doc[i + 1].tag_ in ("NNS", "NNPS"))


def _big_chain(doc: Any, j: int) -> int:
    """Past "more" and ", or even millions," after "hundreds of thousands": where the "of" may follow."""
    n = len(doc)
    if j < n and doc[j].lower_ in ("more", "fewer", "less"):
        j += 1
    k = j + 1 if j < n and doc[j].text == "," else j
    if k < n and doc[k].lower_ in ("or", "and"):
        k += 1
        while k < n and doc[k].lower_ in ("even", "perhaps", "possibly", "maybe", "more", "likely"):
            k += 1
        if k < n and doc[k].lower_ in BIG_WORDS:
            k += 1
            j = k + 1 if k < n and doc[k].text == "," else k
    return j


def right_end(doc: Any, start: int, end: int, unit_label: bool, cfg: SuggestConfig) -> tuple[int, str]:
    """The token end once the unit or counted noun is included, and which rule did it; a rate's "per" unit written
    with a slash goes with it ("€44/MWh", "$80/barrel"), and so does the whole of a share ("one applicant in
    five")."""
    end, rule = _right_end(doc, start, end, unit_label, cfg)
    if rule == "counted-noun" and end + 1 < len(doc) and doc[end].lower_ == "in" and doc[end + 1].like_num and any(
            t.lower_ in ("one", "1") for t in doc[start:end]):
        return end + 2, rule  # "one applicant in five": a share, told as a count
    if end + 1 < len(doc) and doc[end].text == "/" and not doc[end - 1].whitespace_ and not doc[end].whitespace_ \
            and doc[end + 1].is_alpha:
        return end + 2, rule or "unit"
    return end, rule


def _right_end(doc: Any, start: int, end: int, unit_label: bool, cfg: SuggestConfig) -> tuple[int, str]:
    anchor = doc[end - 1]
    if glued_million(doc, end - 1) and end < len(doc) and doc[end].tag_ in ("NNS", "NNPS"):
        return end + 1, "counted-noun"  # "1m barrels": the parser took the "m" for the noun
    # "hundreds of square kilometers", "hundreds of thousands more, or even millions, of soldiers"
    if anchor.lower_ in BIG_WORDS:
        j = _big_chain(doc, end)
        if j < len(doc) and doc[j].lower_ == "of":
            objs = [c for c in doc[j].children if c.dep_ == "pobj"]
            if objs and objs[0].i > j:
                return objs[0].i + 1, "of-noun"
    if not unit_label:
        # the number whose head lies outside the span ("30-40 persons": "40" hangs on "30")
        num = next((t for t in reversed(doc[start:end]) if is_num(t) and not start <= t.head.i < end),
                   next((t for t in reversed(doc[start:end]) if is_num(t)), anchor))
        head = num.head
        while start <= head.i < end and head.head.i != head.i and (
                head.dep_ in ("nummod", "quantmod", "amod") or head.lower_ in SCALES):
            head = head.head  # "several dozen conscripts": "dozen" hangs on "several", which counts the conscripts;
            # "42mn cubic metres": the scale hangs on the unit
        while head.dep_ == "compound" and head.i < head.head.i <= head.i + 2 and head.head.tag_ in ("NNS", "NNPS") \
                and head.tag_ != "NNS":  # but "in at least 11 cases relatives asked": a plural counts itself
            head = head.head  # "2 million artillery rounds": the number hangs on "artillery"
        conj = next((c for c in head.rights if c.dep_ == "conj" and c.tag_ == "NN"), None)
        if head.dep_ in ("compound", "nmod") and head.tag_ == "NN" and conj is not None and (
                head.head.i == conj.i + 1 and head.head.tag_ == "NNS"):
            head = head.head  # "9 million artillery and mortar rounds": both kinds of rounds are counted
        # the words between modify the noun: "Ukrainian", "first-person-view", "Shahed-type"
        between_ok = head.i - end <= 7 and all(
            t.text not in (",", "\u2014", "\u2013", ":") and (t.pos_ not in ("ADP", "CCONJ", "DET") or (
                t.dep_ == "cc" and end <= t.head.i < head.i))  # "128 Shahed and decoy drones"
            and end <= t.head.i <= head.i
            for t in doc[end : head.i]
        )
        nominal = head.pos_ in ("NOUN", "PROPN") or head.dep_ in _NOMINAL_DEPS  # "drones" tagged VERB as dobj
        if num.dep_ in ("nummod", "quantmod", "compound") and head.i >= end and nominal and between_ok:
            if head.lower_ in ("sq", "sq.") and head.i == end:
                return _square_unit_end(doc, end), "unit"  # "150 sq. m": the parser took "sq" for the noun
            last = _shared_noun(doc, _conjoined_noun(head), num)
            if doc[last].lower_ == "prisoners" and doc[last + 1 : last + 3].text.lower() == "of war":
                last += 2  # "400 Ukrainian prisoners of war"
            elif doc[last].lower_ in ("prisoner", "captive") and last > end and doc[last - 1].pos_ == "NOUN":
                last -= 1  # "taken 594 Russian servicemen prisoner": the soldiers are counted, "prisoner" is what
                # they were taken as
            return _rate_plural(doc, last) + 1, "counted-noun"
        if head.i == end and head.pos_ == "NOUN" and num.dep_ != "pobj":
            return _rate_plural(doc, head.i) + 1, "counted-noun"
    square_end = _square_unit_end(doc, end) if end < len(doc) and doc[end].lower_ in ("sq", "sq.") else end
    if square_end > end + 1:
        return square_end, "unit"  # "1,150 sq km" the recogniser read as a bare number
    if end < len(doc) and doc[end].lower_ in _BARE_UNITS and is_num(doc[end - 1]):
        return end + 1, "unit"  # "About 118,000 ha unharvested", the parser taking "ha" for an interjection
    if end < len(doc) and doc[end].lower_ == "times":
        if doc[end + 1 : end + 3].text.lower() in ("as many", "as much"):
            return end + 3, "times"  # "roughly three times as many"
        return end + 1, "times"  # "three to four times" (more)
    if end + 1 < len(doc) and doc[end].lower_ == "per" and doc[end + 1].lower_ == "cent":
        return end + 2, "unit"  # "20 to 30 per cent" the recogniser did not take for a percentage
    # "14 more" (were injured); but "40 percent more than" compares, and "six more Patriot-class batteries"
    # counts the batteries
    if not unit_label and end + 1 < len(doc) and doc[end].lower_ in ("more", "fewer"):
        noun = next((t for t in doc[end + 1 : end + 6] if t.tag_ in ("NNS", "NNPS")), None)
        if noun is not None and noun.lower_ not in ("more", "fewer") and all(
                (t.pos_ in ("ADJ", "NOUN", "PROPN") or t.text == "-") and noun.i in (t.head.i, t.head.head.i)
                for t in doc[end + 1 : noun.i]):
            return noun.i + 1, "counted-noun"
        if doc[end + 1].pos_ not in ("NOUN", "ADJ") or (doc[end + 1].pos_ == "ADJ" and doc[end + 1].dep_ != "amod"):
            return end + 1, "more"  # "several thousand more damaged": the adjective tells of the things counted
    if doc[end - 1].lower_ in cfg.casualty_words and _and_casualty(doc, end, cfg) > end:
        return end + 2, "casualties"  # the recogniser took "killed" in, and left "and wounded" out
    # "40,000 killed and wounded", "150,000 dead"
    j = end
    if j + 1 < len(doc) and doc[j].text in ("\u201d", '"') and doc[j + 1].lower_ in cfg.casualty_words:
        j += 1  # "something like 3,000 to 4,000" killed and wounded: the quotation ends inside the figure
    if j < len(doc) and doc[j].lower_ in cfg.casualty_words:
        return _and_casualty(doc, j + 1, cfg), "casualties"
    return end, "unit" if unit_label else ""


def _rate_plural(doc: Any, last: int) -> int:
    """`last` + 1 when the counted noun goes on into a plural the tagger read as a verb before a rate: "2 million
    artillery rounds a year", "3,000 Geran attack drones a month"."""
    nxt = last + 1
    if nxt + 2 < len(doc) and doc[last].tag_ == "NN" and doc[nxt].tag_ == "VBZ" and doc[nxt].is_lower and (
            doc[nxt].text.endswith("s") and doc[nxt + 1].lower_ in ("a", "an", "per", "each", "every")
            and doc[nxt + 2].lower_ in ("year", "month", "week", "day", "hour")):
        return nxt
    return last


def _and_casualty(doc: Any, j: int, cfg: SuggestConfig) -> int:
    """`j` moved past "and wounded" / "or missing" when that follows there."""
    if j + 1 < len(doc) and doc[j].lower_ in ("and", "or") and doc[j + 1].lower_ in cfg.casualty_words:
        return j + 2
    return j


def _square_unit_end(doc: Any, i: int) -> int:
    """The end of "sq km" / "sq. m" starting at doc[i] ("sq" or "sq."), or i + 1 when no unit follows."""
    j = i + 2 if i + 2 < len(doc) and doc[i + 1].text == "." else i + 1
    return j + 1 if j < len(doc) and doc[j].lower_ in _SQUARE_UNITS else i + 1


def _conjoined_noun(noun: Any) -> int:
    """The last token of the counted noun, through "and" + another bare noun: "20 refineries and oil depots"."""
    conj = next((c for c in noun.rights if c.dep_ == "conj" and c.pos_ == "NOUN"), None)
    if conj is None or noun.lower_ in UNIT_ABBREVIATIONS or (noun.tag_ == "NNS" and conj.tag_ == "NN") or (
            conj.i - noun.i > 4 or is_num(conj) or any(c.dep_ in ("nummod", "det", "poss") for c in conj.children)):
        # "640 km² and losses", "two cars and power transmission line": another thing, not the counted one
        return noun.i
    between = noun.doc[noun.i + 1 : conj.i]
    if not any(t.lower_ in ("and", "or") for t in between) or any(t.text == "," for t in between):
        return noun.i
    return conj.i


def _shared_noun(doc: Any, last: int, num: Any) -> int:
    """"176 attack and decoy drones": a singular noun after a number above one only modifies the plural noun
    it shares with its conjunct (the parser took "attack" for the counted noun)."""
    value = num.text.replace(",", "")
    if doc[last].tag_ not in ("NN", "NNP") or not value.isdigit() or int(value) < 2 or last + 3 >= len(doc) \
            or doc[last + 1].lower_ not in ("and", "or"):
        return last
    for tok in doc[last + 2 : last + 5]:
        if tok.tag_ == "NNS":
            return tok.i
        if tok.pos_ not in ("NOUN", "ADJ"):
            break
    return last
