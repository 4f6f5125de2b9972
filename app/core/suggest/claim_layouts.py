"""Claims that the page layout marks rather than the grammar: a headline "Military expert: enemy concentrated
...", and the answers of a question-and-answer interview."""

from __future__ import annotations

import re

from app.core.suggest.base import in_ranges, strip_punct
from app.core.suggest.sources import Ctx

MIN_WORDS = 4


def headline_claims(ctx: Ctx, junk: list[tuple[int, int]]) -> None:
    """A line that opens with a short speaker and a colon: "Military expert: enemy concentrated near 60 thousand
    soldiers ...". The claim is the rest of the line."""
    doc, text = ctx.doc, ctx.text
    pos = 0
    for line in text.split("\n"):
        line_start, pos = pos, pos + len(line) + 1
        colon_at = line.find(":", 0, 60)
        if colon_at <= 0 or len(line[colon_at + 1 :].split()) < MIN_WORDS:
            continue
        head = doc.char_span(line_start, line_start + colon_at, alignment_mode="contract")
        words = [t for t in head if not t.is_space] if head is not None else []
        if not 1 <= len(words) <= 4 or words[-1].pos_ not in ("NOUN", "PROPN") or len(words[-1].text) < 2 \
                or in_ranges(words[0].idx, line_start + colon_at, junk):
            continue  # not "Q: ..." in an interview, nor "Photo: ..." under a picture
        body = doc.char_span(line_start + colon_at + 1, line_start + len(line.rstrip()), alignment_mode="contract")
        rest = strip_punct([t for t in body if not t.is_space]) if body is not None else []
        if len(rest) < MIN_WORDS or not any(t.pos_ in ("VERB", "AUX") for t in rest):
            continue
        if ctx.headline_source(words[0], words[-1]) is not None:
            ctx.add(rest[0].idx, rest[-1].idx + len(rest[-1].text), "headline", 1, 0.6, words[-1])


_QUESTION = re.compile(r"^[ \t]*(Q|Question)[ \t]*[:.\u2014-][ \t]*\S")
_ANSWER_MARK = re.compile(r"^[ \t]*(A|Answer)[ \t]*[:.\u2014-][ \t]*")


def interview_claims(ctx: Ctx) -> None:
    """In a question-and-answer interview ("Q: ..." lines), each answer paragraph is a claim of the person
    interviewed: the last person named before the first question."""
    text = ctx.text
    lines, pos = [], 0
    for line in text.split("\n"):
        lines.append((pos, line))
        pos += len(line) + 1
    questions = [i for i, (_, line) in enumerate(lines) if _QUESTION.match(line)]
    if len(questions) < 2:
        return
    speaker = ctx.last_person(lines[questions[0]][0])
    if speaker is None:
        return
    for i, (start, line) in enumerate(lines):
        after_question = i - 1 in questions or i - 2 in questions
        if i < questions[0] or i in questions or not line.strip() or not after_question:
            continue
        mark = _ANSWER_MARK.match(line)
        body_start = start + (mark.end() if mark else 0)
        body_end = start + len(line.rstrip())
        ctx.add_with_source(body_start, body_end, "answer", 0, 0.7, speaker, i)
