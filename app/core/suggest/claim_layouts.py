"""Claims that the page layout marks rather than the grammar: a headline "Military expert: enemy concentrated
...", the answers of a question-and-answer interview and the turns of a transcript ("KOVALCHUK: ...")."""

from __future__ import annotations

import re
from typing import Any

from app.core.suggest.actors import name_key, surname_key
from app.core.suggest.base import Suggestion, in_ranges, strip_punct
from app.core.suggest.missed_names import ORG_DESCRIPTORS
from app.core.suggest.normalize import TURN
from app.core.suggest.sources import Ctx
from app.core.suggest.unnamed_sources import BODIES, people_noun

MIN_WORDS = 4
# "[12:41] KOVALCHUK: ..." / "HOST: ...": a transcript turn (the label is layout, not a name to annotate)
# labels and roles of the programme's own voice: hosts, and reporters narrating a taped piece
_HOSTS = frozenset({
    "HOST", "PRESENTER", "INTERVIEWER", "ANCHOR", "MODERATOR", "Q", "A", "QUESTION", "CHAIR", "CORRESPONDENT",
    "REPORTER", "NARRATOR", "UNIDENTIFIED",
})


def headline_claims(ctx: Ctx, junk: list[tuple[int, int]]) -> None:
    """A line that opens with a short speaker and a colon: "Military expert: enemy concentrated near 60 thousand
    soldiers ...". The claim is the rest of the line."""
    doc = ctx.doc
    for line_start, line in ctx.lines:
        skip = next((b - line_start for a, b in junk if a == line_start and b < line_start + len(line)), 0)
        line_start, line = line_start + skip, line[skip:]  # past a live blog's "14:05 GMT — "
        colon_at = line.find(":", 0, 60)
        if colon_at <= 0 or len(line[colon_at + 1 :].split()) < MIN_WORDS:
            continue
        head = doc.char_span(line_start, line_start + colon_at, alignment_mode="contract")
        words = [t for t in head if not t.is_space] if head is not None else []
        if not 1 <= len(words) <= 4 or words[-1].pos_ not in ("NOUN", "PROPN") or len(words[-1].text) < 2 \
                or in_ranges(words[0].idx, line_start + colon_at, junk) or TURN.match(line):
            continue  # not "Q: ..." in an interview, nor "Photo: ..." under a picture, nor a transcript turn
        body = doc.char_span(line_start + colon_at + 1, line_start + len(line.rstrip()), alignment_mode="contract")
        rest = strip_punct([t for t in body if not t.is_space]) if body is not None else []
        if len(rest) < MIN_WORDS or not any(t.pos_ in ("VERB", "AUX") for t in rest) or line.rstrip().endswith("?"):
            continue  # (a question, as an interviewer's "The Kyiv Independent: What ...?", states nothing)
        if ctx.headline_source(words[0], words[-1]) is not None:
            ctx.add(rest[0].idx, rest[-1].idx + len(rest[-1].text), "headline", 1, 0.6, words[-1])
        elif _quoted_people(words, body, ctx):  # 'Parents: “...”': the quotation is theirs
            quote = next((c for c in ctx.candidates if c.shape == "quote" and c.subject is None
                          and line_start + colon_at < c.start < line_start + len(line)), None)
            if quote is not None:
                quote.source = ctx.new_actor(words[0], words[-1], "unnamed")


def _quoted_people(words: list[Any], body: Any, ctx: Ctx) -> bool:
    """A plural people noun before a colon and a quotation ('Volunteers: “We have never seen ...”'): the
    people quoted, where a headline's "Sanctions: ..." is a topic. (The text is normalised: every double quotation
    mark is '"'.)"""
    first = next(t for t in body if not t.is_space)  # the caller found words after the colon
    return len(words) == 1 and words[0].tag_ == "NNS" and people_noun(words[0], ctx.cfg) and first.text == '"'


_QUESTION = re.compile(r"^[ \t]*(Q|Question)[ \t]*[:.\u2014-][ \t]*\S")
_ANSWER_MARK = re.compile(r"^[ \t]*(A|Answer)[ \t]*[:.\u2014-][ \t]*")


def interview_claims(ctx: Ctx) -> None:
    """In a question-and-answer interview ("Q: ..." lines), each answer paragraph is a claim of the person
    interviewed: the last person named before the first question."""
    lines = ctx.lines
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


# "The Kyiv Independent: What ...?" / "Myroslava Dziuba: ..." / "Dziuba: ...": a name in ordinary case and a colon
_LABEL = re.compile(r"^[ \t]*([A-Z][\w\u2019'.\-]*(?: [A-Z][\w\u2019'.\-]*){0,4}):[ \t]+(\S.*?)\s*$")


def labelled_interview_claims(ctx: Ctx, junk: list[tuple[int, int]]) -> None:
    """An interview set out as labelled lines ("The Kyiv Independent: What ...?" then "Dziuba: ..."): each answer
    is a claim of the person its label names (the surname of someone named before), and so is each paragraph
    that carries the answer on up to the next question."""
    labelled = [(n, start, m) for n, (start, line) in enumerate(ctx.lines)
                if (m := _LABEL.match(line)) and not TURN.match(line) and not _QUESTION.match(line)]
    questions = [n for n, _, m in labelled if m.group(2).endswith("?")]
    if len(questions) < 2 or len({ctx.lines[n][1].split(":")[0] for n in questions}) != 1:
        return
    starts = sorted(n for n, _, _ in labelled)
    for line_no, line_start, m in labelled:
        key = surname_key(m.group(1))
        people = [a for a in ctx.people_before(line_start) if ctx.is_person(a) and key in name_key(
            ctx.text[a.start : a.end]).split(" ")]
        if line_no in questions or not people:
            continue
        source = max(people, key=lambda a: (a.end - a.start, -a.start))  # the full name
        # (the people an answer names are who its own "he said" may mean)
        ctx.add_with_source(line_start + m.start(2), line_start + m.end(2), "answer", 0, 0.7, source, line_no,
                            reported=False)
        following = next((n for n in starts if n > line_no), None)
        if following is None or following not in questions:
            continue  # the last answer: what follows is the page's furniture
        for n in range(line_no + 1, following):
            start, line = ctx.lines[n]
            if line.strip() and not in_ranges(start, start + len(line), junk):
                ctx.add_with_source(start, start + len(line.rstrip()), "answer", 0, 0.7, source, n, reported=False)


def transcript_claims(ctx: Ctx) -> None:
    """In a transcript (three or more "NAME: ..." turns), each turn of a named guest is a claim of the person
    the label names (the surname of someone named before: "KOVALCHUK:" after "Oksana Kovalchuk"); the host's
    turns are the programme's own voice."""
    text = ctx.text
    turns = [(n, start, m) for n, (start, line) in enumerate(ctx.lines) if (m := TURN.match(line))]
    if len(turns) < 3:
        return
    hosts = {surname_key(m.group(1)) for _, _, m in turns if set(f"{m.group(1)} {m.group(2) or ''}".upper().replace(
        ",", " ").split()) & _HOSTS}  # "NADIA FERRAND, HOST:" makes every later "FERRAND:" the host
    for line_no, line_start, m in turns:
        key = surname_key(m.group(1))
        said = m.group(3)
        words = [w for w in said.split() if any(ch.isalnum() for ch in w)]
        if key in hosts or (len(words) < MIN_WORDS and said.rstrip().endswith(("\u2014", "--", "-"))):
            continue  # the host, and a cut-off "If I may —"
        people = [a for a in ctx.actors if a.end <= line_start and key in name_key(text[a.start : a.end]).split(" ")]
        if not people:
            continue
        start, end = line_start + m.start(3), line_start + m.end(3)
        ctx.add_with_source(start, end, "turn", 0, 0.7, max(people, key=lambda a: (a.end - a.start, -a.start)),
                            line_no)


# "\u2022 <content> (<source>)", or a key-figure line that starts with its number; the source may carry a date
# after a comma: "12,400 people registered this week (IOM, 3 Sep)"
_SOURCED_BULLET = re.compile(r"^[ \t]*(?:[\u2022*\-\u2013][ \t]+|(?=[~\d$\u20ac\u00a3]|US\$))(\S.*?)[ \t]*"
                             r"\(([^(),]{2,60})(?:,[^()]{1,30})?\)[ \t]*(?:\[\d+\])?[ \t]*\r?$")


def bullet_claims(ctx: Ctx) -> None:
    """A bullet or key-figure line that names its source in brackets: "\u2022 1,294 sq km \u2014 area claimed at peak
    (Ukrainian General Staff) [1]", "237 settlements under evacuation order (RMA, 31 August)" is a claim of that
    source."""
    for line_no, (line_start, line) in enumerate(ctx.lines):
        m = _SOURCED_BULLET.match(line)
        if m is None or len(m.group(1).split()) < 3:
            continue
        name = ctx.doc.char_span(line_start + m.start(2), line_start + m.end(2), alignment_mode="contract")
        source = ctx.actor_at(line_start + m.start(2)) if name is not None else None
        if source is None and name is not None and len(name) and name.root.pos_ in ("NOUN", "PROPN"):
            source = ctx.resolve(name.root)[0]
        if source is not None:
            ctx.add_with_source(line_start + m.start(1), line_start + m.end(1), "bullet", 1, 0.6, source, line_no)


# a wire story's summary bullet without a full stop, with its source: "* Farm holding says fields mined, combines
# hit by drones", "- First Kursk II unit to reach minimum power within weeks, Rosenergoatom says", "* About 118,000
# ha unharvested in border districts - regional officials", "- Kursk power demand down 5%, grid operator data shows"
_SAYS = r"(?:says|said|reports|shows|show)"
_BODY_WORDS = ORG_DESCRIPTORS | {"holding", "producer", "exporter", "maker", "insurer"}  # "Farm holding says"
_SUMMARY_BULLETS = (
    re.compile(rf"^[ \t]*[*\-\u2022][ \t]+(?P<src>[A-Z][\w.\u2019' -]{{1,40}}?)[ \t]+{_SAYS}[ \t]+"
               r"(?P<claim>[^\n]+?)[ \t]*\r?$"),
    re.compile(rf"^[ \t]*[*\-\u2022][ \t]+(?P<claim>[^\n]+?),[ \t]+(?P<src>[\w.\u2019' -]{{2,40}}?)"
               rf"(?:[ \t]+(?:data|figures))?[ \t]+{_SAYS}[ \t]*\r?$"),
    re.compile(r"^[ \t]*[*\u2022][ \t]+(?P<claim>[^\n]+?)[ \t]+[-\u2013\u2014][ \t]+"
               r"(?P<src>[\w.\u2019' ]{2,40}?)[ \t]*\r?$"),
)


def summary_bullets(ctx: Ctx) -> None:
    """A wire story's summary bullet (no full stop) that names its source before "says", after the claim and a
    comma, or after a dash: the claim of that source (a name, or a description of a body or people)."""
    doc = ctx.doc
    for line_no, (line_start, line) in enumerate(ctx.lines):
        if line.rstrip()[-1:] in ".:?!" or len(line) > 200:
            continue
        m = next((m for regex in _SUMMARY_BULLETS if (m := regex.match(line))), None)
        if m is None or len(m.group("claim").split()) < MIN_WORDS - 1 or len(m.group("src").split()) > 4:
            continue
        name = doc.char_span(line_start + m.start("src"), line_start + m.end("src"), alignment_mode="contract")
        words = [t for t in name if not t.is_space] if name is not None else []
        if not words or words[-1].pos_ not in ("NOUN", "PROPN"):
            continue
        source = ctx.resolve(words[-1])[0] or (ctx.new_actor(words[0], words[-1], "unnamed") if people_noun(
            words[-1], ctx.cfg) or words[-1].lower_ in BODIES or words[-1].lower_ in _BODY_WORDS else None)
        if source is not None:
            ctx.add_with_source(line_start + m.start("claim"), line_start + m.end("claim"), "bullet", 1, 0.6,
                                source, line_no)


# a line that is only a short quotation, maybe between dashes: "- ‘Not allowed to walk in it’ -", "“A safety valve”"
_DASH = "(?:[-\u2013\u2014][ \t\u00a0]*)?"
_QUOTED_HEAD = re.compile(f"^[ \t\u00a0]*{_DASH}[\u2018\u201c\"']([^\u2018\u2019\u201c\u201d\"\n]{{3,120}})"
                          f"[\u2019\u201d\"'][ \t\u00a0]*{_DASH}\r?$")
# a headline that opens with a quotation and a colon or dash: "‘We left with what we could carry’: Inside ..."
_QUOTED_TITLE = re.compile("^[ \t\u00a0]*[\u2018\u201c\"']([^\u2018\u2019\u201c\u201d\"\n]{3,120})"
                           "[\u2019\u201d\"'][ \t\u00a0]*[:\u2013\u2014-]")
MAX_HEAD_WORDS = 12


def is_quoted_subhead(line: str) -> bool:
    """`line` is only a short quotation, a subhead ("“He thought it was a local chat”")."""
    m = _QUOTED_HEAD.match(line)
    return m is not None and len(m.group(1).split()) <= MAX_HEAD_WORDS
HEAD_REACH = 8  # lines below a quoted subhead in which to look for its speaker


def quoted_subheads(ctx: Ctx, claims: list[Suggestion], links: list[tuple[Suggestion, Suggestion]]) -> None:
    """A subhead that quotes someone ("- ‘God kept the church’ -") is that person's claim: the speaker of the
    later quotation that repeats it, or else of the first claim of the section under it (the gold tags all 16
    such subheads up to heldout27). A headline that opens with a quotation and a colon ("‘We left with what we
    could carry’: Inside a Kursk shelter") is the claim of whoever repeats it in the story, or else of the person
    or group the headline names (the gold tags 20 of 26). Added to `claims` and `links` after the other claims
    have their sources."""
    text = ctx.text
    title = next((k for k, (_, line) in enumerate(ctx.lines) if line.strip()), -1)
    for line_no, (line_start, line) in enumerate(ctx.lines):
        m = _QUOTED_HEAD.match(line)
        titled = m is None and line_no == title
        if titled:
            m = _QUOTED_TITLE.match(line)
        if m is None or len(m.group(1).split()) > MAX_HEAD_WORDS:
            continue
        start, end = line_start + m.start(1), line_start + m.end(1)
        if any(c.start < end and start < c.end for c in claims):
            continue
        said = m.group(1).strip().rstrip(".,!?").lower()
        below = [(c, s) for c, s in links if c.start >= end and ctx.line_of(c.start) - line_no <= HEAD_REACH]
        repeats = [(c, s) for c, s in links if c.start >= end and said in text[c.start : c.end].lower()]
        if titled:  # a headline: who says it is who repeats it in the story, or who the headline names
            named = [a for a in ctx.actors if line_start + m.end() <= a.start < line_start + len(line)
                     and a.attributes.get("model_label") != "GPE" and a.attributes.get("rule") != "possessor"]
            below = [(None, min(named, key=lambda a: a.start))] if named else []
        found = repeats[0] if repeats else min(below, key=lambda cs: (cs[0] or cs[1]).start) if below else None
        if found is None:
            continue
        claim = Suggestion(start, end, ctx.cfg.claim_label, 0.6, attributes={
            "rule": "subhead", "source_found": "repeated" if repeats else "headline" if titled else "section",
            "source_text": text[found[1].start : found[1].end]})
        claims.append(claim)
        links.append((claim, found[1]))
