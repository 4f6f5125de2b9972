"""CLAIM rules: statements attributed to a source, each linked (SOURCE) to the actor who makes it.

Four shapes: a quotation with its speaker ("...," he said / X wrote: "..."), a reported clause ("X said that
..."), "according to X", and a statement noun ("X's calculation is that ...", "his belief that ...").
"he said" resolves to the last named person outside quotations; an unattributed quotation that opens a paragraph
continues the last source.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Any

from app.core.suggest.actors import name_key
from app.core.suggest.base import Suggestion, in_ranges
from app.core.suggest.config import SuggestConfig

_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers"})
_MARKS = frozenset({"that", "if", "whether", ":", ",", "-", "--", '"', "'"})
MIN_QUOTE_WORDS = 4


@dataclass(slots=True)
class _Candidate:
    start: int
    end: int
    shape: str  # quote, according-to, statement-noun, reported
    rank: int  # lower wins when two candidates overlap
    score: float
    subject: Any | None  # the token naming the source, if the sentence has one
    line: int = -1
    opens_line: bool = False


@dataclass(slots=True)
class _Ctx:
    doc: Any
    text: str
    cfg: SuggestConfig
    actors: list[Suggestion]
    reported: list[tuple[int, int]] = field(default_factory=list)  # quotes and reported content
    candidates: list[_Candidate] = field(default_factory=list)

    def actor_at(self, char: int) -> Suggestion | None:
        for a in self.actors:
            if a.start <= char < a.end:
                return a
        return None

    def last_person(self, before: int) -> Suggestion | None:
        """The last named person before `before` that is not inside quoted or reported content."""
        best = None
        for a in self.actors:
            if a.end <= before and a.attributes.get("model_label") in ("PERSON", "") and not any(
                s <= a.start and a.end <= e for s, e in self.reported
            ):
                best = a if best is None or a.start > best.start else best
        return best

    def new_actor(self, start_tok: Any, end_tok: Any, rule: str) -> Suggestion | None:
        start, end = start_tok.idx, end_tok.idx + len(end_tok.text)
        if name_key(self.text[start:end]) in self.cfg.never_actors:
            return None
        actor = Suggestion(start, end, self.cfg.actor_label, 0.75, attributes={
            "model_label": start_tok.ent_type_ or "", "rule": rule,
        })
        self.actors.append(actor)
        return actor

    def resolve(self, tok: Any, depth: int = 0, inner: bool = False) -> tuple[Suggestion | None, str]:
        """The actor that `tok` (a subject, possessor or 'according to' object) names, and how it was found."""
        found = self.actor_at(tok.idx)
        if found is not None:
            return found, "named"
        if tok.lower_ in _PRONOUNS:
            return self.last_person(tok.idx), "pronoun"
        if tok.pos_ == "PROPN" and tok.text[:1].isupper():
            left = tok
            while left.i > 0 and self.doc[left.i - 1].pos_ == "PROPN" and self.doc[left.i - 1].dep_ in (
                "compound", "flat"
            ):
                left = self.doc[left.i - 1]
            if left.i < tok.i or tok.ent_type_ in ("", "PERSON", "ORG", "PRODUCT", "WORK_OF_ART"):
                return self.new_actor(left, tok, "speaker"), "named"
        if tok.lower_ in self.cfg.group_nouns:
            mods = [c for c in tok.lefts if c.dep_ in ("amod", "compound") and c.text[:1].isupper()]
            if mods:
                return self.new_actor(mods[0], tok, "group"), "named"
        if inner and tok.pos_ == "NOUN" and depth == 0:  # "according to the latest ISW report"
            for child in tok.lefts:
                if child.dep_ in ("compound", "poss", "nmod") and (child.ent_type_ or child.pos_ == "PROPN"):
                    return self.resolve(child, 1)
        return None, ""

    def add(self, start: int, end: int, shape: str, rank: int, score: float, subject: Any | None,
            line: int = -1, opens_line: bool = False) -> None:
        text = self.text
        while start < end and (text[start].isspace() or text[start] in "\"',:-"):
            start += 1
        while end > start and (text[end - 1].isspace() or text[end - 1] in "\",'-:;"):
            end -= 1
        if end - start >= 8:
            self.candidates.append(_Candidate(start, end, shape, rank, score, subject, line, opens_line))
            self.reported.append((start, end))


def _subject(verb: Any) -> Any | None:
    for _ in range(3):
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            return subj
        if verb.pos_ == "ADJ" or verb.dep_ in ("conj", "xcomp", "acomp"):
            verb = verb.head
        else:
            break
    return None


def _speaker_after(ctx: _Ctx, tokens: list[Any]) -> Any | None:
    for tok in tokens[:12]:
        if tok.text == '"' or "\n" in tok.text:
            return None
        if tok.lemma_.lower() in ctx.cfg.reporting_verbs and tok.pos_ == "VERB":
            subj = _subject(tok)
            if subj is None:
                subj = next((t for t in tokens if t.i > tok.i and t.pos_ == "PROPN"), None)
            return subj
    return None


def _quotes(ctx: _Ctx, text: str, starts: list[int]) -> None:
    doc = ctx.doc
    line_start = 0
    for line_no, line in enumerate(text.split("\n")):
        marks = [line_start + i for i, ch in enumerate(line) if ch == '"']
        pairs = [(marks[i], marks[i + 1]) for i in range(0, len(marks) - 1, 2)]
        if len(marks) % 2:
            pairs.append((marks[-1], line_start + len(line)))
        for q0, q1 in pairs:
            if len(text[q0 + 1 : q1].split()) < MIN_QUOTE_WORDS:
                continue
            i0 = bisect_left(starts, q1 + 1)
            subj = _speaker_after(ctx, list(doc[i0 : i0 + 14]))
            if subj is None:
                first = bisect_left(starts, q0)
                sent_start = doc[min(first, len(doc) - 1)].sent.start if len(doc) else 0
                before = list(doc[max(sent_start, bisect_left(starts, line_start)) : first])
                verbs = [t for t in before if t.lemma_.lower() in ctx.cfg.reporting_verbs and t.pos_ == "VERB"]
                if verbs and not any(t.text == '"' for t in before if t.i > verbs[-1].i):
                    subj = _subject(verbs[-1])
            opens = not text[line_start:q0].strip()
            ctx.add(q0 + 1, q1, "quote", 0, 0.85, subj, line_no, opens)
        line_start += len(line) + 1


def _clause(doc: Any, head: Any) -> tuple[int, int]:
    toks = list(head.subtree)
    while toks and (toks[0].lower_ in _MARKS or toks[0].is_space):
        toks.pop(0)
    while toks and (toks[-1].is_punct or toks[-1].is_space) and toks[-1].text not in (".", "!", "?"):
        toks.pop()
    if toks and toks[-1].text in (".",):
        toks.pop()
    if not toks:
        return 0, 0
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def _reported(ctx: _Ctx) -> None:
    cfg = ctx.cfg
    for tok in ctx.doc:
        lemma = tok.lemma_.lower()
        if tok.lower_ == "according":
            to = next((c for c in tok.children if c.lower_ == "to"), None)
            obj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
            if obj is None:
                continue
            sent = tok.sent
            a0, a1 = tok.left_edge.i, max(tok.right_edge.i, obj.right_edge.i) + 1
            body = [t for t in sent if (t.i < a0 or t.i >= a1) and not t.is_space]
            while body and body[0].is_punct:
                body.pop(0)
            while body and body[-1].is_punct:
                body.pop()
            if a0 <= sent.start + 2 and body:
                body = [t for t in body if t.i >= a1]
            elif a1 >= sent.end - 2 and body:
                body = [t for t in body if t.i < a0]
            while body and body[-1].is_punct:
                body.pop()
            while body and body[0].is_punct:
                body.pop(0)
            if body:
                ctx.add(body[0].idx, body[-1].idx + len(body[-1].text), "according-to", 1, 0.8, obj)
        elif lemma in cfg.claim_nouns and tok.pos_ == "NOUN":
            poss = next((c for c in tok.children if c.dep_ == "poss"), None)
            if poss is None:
                continue
            clause = next((c for c in tok.children if c.dep_ in ("acl", "ccomp") and c.i > tok.i), None)
            if clause is None and tok.dep_ == "nsubj" and tok.head.lemma_ == "be":
                clause = next((c for c in tok.head.children if c.dep_ in ("ccomp", "attr") and c.i > tok.i), None)
            if clause is None or not any(t.lower_ == "that" for t in clause.lefts):
                continue
            s, e = _clause(ctx.doc, clause)
            ctx.add(s, e, "statement-noun", 1, 0.65, poss)
        elif lemma in cfg.reporting_verbs and tok.pos_ in ("VERB", "ADJ"):
            comp = next((c for c in tok.children if c.dep_ == "ccomp"), None)
            if comp is None:
                continue
            subj = _subject(tok)
            if subj is None or subj.lower_ in ("i", "we", "you", "it", "they", "this", "that"):
                continue
            s, e = _clause(ctx.doc, comp)
            ctx.add(s, e, "reported", 2, 0.75, subj)


def _select(ctx: _Ctx) -> list[_Candidate]:
    """Resolve overlaps: a reported clause that contains a quotation replaces it; otherwise lower rank wins."""
    cands = ctx.candidates
    inside = {
        id(q) for q in cands if q.shape == "quote" and any(
            r is not q and r.shape != "quote" and r.start < q.start - 1 and q.end <= r.end for r in cands
        )
    }
    kept: list[_Candidate] = []
    for c in sorted(cands, key=lambda c: (c.rank, c.start - c.end)):
        if id(c) in inside or any(c.start < k.end and k.start < c.end for k in kept):
            continue
        kept.append(c)
    return sorted(kept, key=lambda c: c.start)


def claim_suggestions(
    doc: Any, text: str, cfg: SuggestConfig, actors: list[Suggestion], junk: list[tuple[int, int]]
) -> tuple[list[Suggestion], list[tuple[Suggestion, Suggestion]]]:
    """CLAIM suggestions and their (claim, source actor) links. New speaker actors are appended to `actors`."""
    ctx = _Ctx(doc, text, cfg, actors)
    starts = [t.idx for t in doc]
    _quotes(ctx, text, starts)
    _reported(ctx)
    claims: list[Suggestion] = []
    links: list[tuple[Suggestion, Suggestion]] = []
    last: tuple[Suggestion, int, int] | None = None  # last source, its line, its quote's end
    for cand in _select(ctx):
        if in_ranges(cand.start, cand.end, junk):
            continue
        source, how = (None, "")
        if cand.subject is not None:
            source, how = ctx.resolve(cand.subject, inner=cand.shape == "according-to")
        if source is None and cand.shape == "quote" and last is not None:
            same_line = cand.line == last[1]
            if same_line or (cand.opens_line and 0 < cand.line - last[1] <= 4):
                source, how = last[0], "continued"
        if source is None:
            continue
        score = cand.score - (0.15 if how == "pronoun" else 0.25 if how == "continued" else 0.0)
        claim = Suggestion(cand.start, cand.end, cfg.claim_label, score, attributes={
            "rule": cand.shape, "source_found": how, "source_text": text[source.start : source.end],
        })
        claims.append(claim)
        links.append((claim, source))
        if cand.shape == "quote" or cand.line >= 0:
            last = (source, cand.line, cand.end)
        else:
            last = (source, text.count("\n", 0, cand.start), cand.end)
    return claims, links
