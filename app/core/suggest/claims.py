"""CLAIM rules: statements attributed to a source, each linked (SOURCE) to the actor who makes it.

Shapes: a quotation with its speaker ("...," he said / X wrote: "..."), a reported clause ("X said that ...",
two conjoined that-clauses are two claims), "according to X", a statement noun ("X's calculation is that ...",
"his belief that ..."), a perfect infinitive ("Kyiv's forces claiming to have seized ...") and a characterisation
("Putin has framed the incursion as part of a Western plot", "hailed the result as "good news""). Hypothetical
or negated reporting ("Kyiv may claim ...", "did not announce that ...") is not a claim. Sources are resolved by
app.core.suggest.sources.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Any

from app.core.suggest.base import Suggestion, in_ranges, word_forms
from app.core.suggest.config import SuggestConfig
from app.core.suggest.sources import Candidate, Ctx

_MARKS = frozenset({"that", "if", "whether", ":", ",", "-", "--", '"', "'"})
_HYPOTHETICAL = frozenset({"may", "might", "could"})
_NO_SOURCE = frozenset({"i", "we", "you", "it", "they", "this", "that", "which", "who"})
_CUT_DEPS = frozenset({"dobj", "appos", "npadvmod", "advcl"})
MIN_QUOTE_WORDS = 4


def _own_subject(tok: Any) -> Any | None:
    return next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _subject(verb: Any) -> Any | None:
    for _ in range(3):
        subj = _own_subject(verb)
        if subj is not None:
            return subj
        if verb.pos_ == "ADJ" or verb.dep_ in ("conj", "xcomp", "acomp"):
            verb = verb.head
        else:
            break
    return None


def _is_reporting_verb(tok: Any, cfg: SuggestConfig) -> bool:
    return tok.lemma_.lower() in cfg.reporting_verbs and tok.pos_ == "VERB"


def _speaker_after(ctx: Ctx, tokens: list[Any]) -> Any | None:
    for tok in tokens[:12]:
        if tok.text == '"' or "\n" in tok.text:
            return None
        if _is_reporting_verb(tok, ctx.cfg):
            subj = _subject(tok)
            if subj is None:
                subj = next((t for t in tokens if t.i > tok.i and t.pos_ == "PROPN"), None)
            return subj
    return None


def _quotes(ctx: Ctx) -> None:
    doc, text = ctx.doc, ctx.text
    starts = [t.idx for t in doc]
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
                verbs = [t for t in before if _is_reporting_verb(t, ctx.cfg)]
                if verbs and not any(t.text == '"' for t in before if t.i > verbs[-1].i):
                    subj = _subject(verbs[-1])
            opens = not text[line_start:q0].strip()
            ctx.add(q0 + 1, q1, "quote", 0, 0.85, subj, line_no, opens)
        line_start += len(line) + 1


def _speaker(verb: Any, reporting: frozenset[str]) -> Any | None:
    """The subject of `verb`, or for a participle without one ("..., describing the region as ...") the subject
    of the reporting verb it hangs from."""
    own = _subject(verb)
    if own is not None or verb.tag_ not in ("VBG", "VBN"):
        return own
    for anc in verb.ancestors:
        subj = _own_subject(anc)
        if subj is not None and word_forms(anc) & reporting:
            return subj
    return None


def _cut(toks: list[Any], verbs: frozenset[str]) -> list[Any]:
    """Drop a trailing comment on the clause: ", a sentiment echoed by ...", ", describing the region as ...",
    ", according to ..."."""
    if not toks:
        return toks
    last = toks[-1].i
    first = toks[0].i
    for t in toks:
        for c in t.rights:
            if (c.dep_ not in _CUT_DEPS and c.lower_ != "according") or c.left_edge.i - 1 <= first \
                    or c.right_edge.i < last - 1:
                continue
            if c.dep_ == "advcl" and (c.tag_ != "VBG" or c.lemma_.lower() not in verbs or any(
                    g.dep_ in ("mark", "nsubj", "nsubjpass") for g in c.children)):
                continue  # only a reporting participle: ", describing the region as ...", ", adding that ..."
            comma = c.doc[c.left_edge.i - 1]
            if comma.text == ",":
                return [x for x in toks if x.i < comma.i]
    return toks


def _clause(head: Any, verbs: frozenset[str], exclude: frozenset[int] = frozenset()) -> tuple[int, int]:
    toks = [t for t in head.subtree if t.i not in exclude]
    while toks and (toks[0].lower_ in _MARKS or toks[0].is_space):
        toks.pop(0)
    toks = _cut(toks, verbs)
    while toks and (toks[-1].is_punct or toks[-1].is_space or toks[-1].dep_ == "cc") and toks[-1].text not in (
        ".", "!", "?"
    ):
        toks.pop()
    if toks and toks[-1].text in (".",):
        toks.pop()
    if not toks:
        return 0, 0
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def _that_conjuncts(comp: Any) -> list[Any]:
    """Further that-clauses conjoined to a reported clause: "said Ukraine will lose ... and that Putin is ..."."""
    return [c for c in comp.rights if c.dep_ == "conj" and any(g.lower_ == "that" and g.dep_ == "mark"
                                                               for g in c.children)]


def _strip_punct(toks: list[Any]) -> list[Any]:
    """`toks` without leading and trailing punctuation."""
    start, end = 0, len(toks)
    while start < end and toks[start].is_punct:
        start += 1
    while end > start and toks[end - 1].is_punct:
        end -= 1
    return toks[start:end]


def _according_to(ctx: Ctx, tok: Any) -> None:
    to = next((c for c in tok.children if c.lower_ == "to"), None)
    obj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    if obj is None:
        return
    sent = tok.sent
    a0, a1 = tok.left_edge.i, max(tok.right_edge.i, obj.right_edge.i) + 1
    body = _strip_punct([t for t in sent if (t.i < a0 or t.i >= a1) and not t.is_space])
    if a0 <= sent.start + 2 and body:
        body = _strip_punct([t for t in body if t.i >= a1])
    elif a1 >= sent.end - 2 and body:
        body = _strip_punct([t for t in body if t.i < a0])
    if body:
        ctx.add(body[0].idx, body[-1].idx + len(body[-1].text), "according-to", 1, 0.8, obj)


def _statement_noun(ctx: Ctx, tok: Any) -> None:
    poss = next((c for c in tok.children if c.dep_ == "poss"), None)
    if poss is None:
        return
    clause = next((c for c in tok.children if c.dep_ in ("acl", "ccomp") and c.i > tok.i), None)
    if clause is None and tok.dep_ == "nsubj" and tok.head.lemma_ == "be":
        clause = next((c for c in tok.head.children if c.dep_ in ("ccomp", "attr") and c.i > tok.i), None)
    if clause is None or not any(t.lower_ == "that" for t in clause.lefts):
        return
    s, e = _clause(clause, ctx.verbs)
    ctx.add(s, e, "statement-noun", 1, 0.65, poss)


def _as_phrase(ctx: Ctx, tok: Any) -> None:
    """"hailed the result as "good news"", "framed the incursion as part of a Western plot": the claim is what
    follows "as" (the quoted words only, when they are quoted)."""
    prep = next((c for c in tok.rights if c.lower_ == "as" and c.dep_ == "prep"), None)
    if prep is None or not any(c.dep_ == "dobj" for c in tok.children):
        return
    toks = [t for t in prep.subtree if t.i > prep.i]
    marks = [t for t in toks if t.text in ('"', "'")]
    if len(marks) >= 2 and marks[0].i == toks[0].i:
        s, e = marks[0].idx + 1, marks[1].idx
    else:
        s, e = _clause(prep, ctx.verbs)
        s = max(s, prep.idx + len(prep.text))
    subj = _speaker(tok, ctx.cfg.reporting_verbs)
    if subj is not None and subj.lower_ not in _NO_SOURCE:
        ctx.add(s, e, "as-phrase", 2, 0.6, subj, min_chars=3)


def _reported(ctx: Ctx) -> None:
    cfg = ctx.cfg
    for tok in ctx.doc:
        lemma = tok.lemma_.lower()
        if tok.lower_ == "according":
            _according_to(ctx, tok)
        elif lemma in cfg.claim_nouns and tok.pos_ == "NOUN":
            _statement_noun(ctx, tok)
        elif tok.pos_ in ("VERB", "ADJ"):
            forms = word_forms(tok)
            reporting, characterising = bool(forms & cfg.reporting_verbs), bool(forms & cfg.as_verbs)
            if not (reporting or characterising):
                continue
            if any((c.dep_ == "aux" and c.lower_ in _HYPOTHETICAL) or c.dep_ == "neg" for c in tok.children):
                continue  # "Kyiv may claim ...", "did not announce that ...": not a statement anyone made
            if characterising:
                _as_phrase(ctx, tok)
            if reporting:
                _reported_clause(ctx, tok)


def _reported_clause(ctx: Ctx, tok: Any) -> None:
    comp = next((c for c in tok.children if c.dep_ == "ccomp"), None)
    shape = "reported"
    if comp is None:  # "claiming to have seized territory": a perfect infinitive reports a past fact
        comp = next((c for c in tok.rights if c.dep_ == "xcomp" and c.tag_ == "VBN" and {"to", "have"} <= {
            g.lower_ for g in c.children if g.dep_ == "aux"}), None)
        shape = "perfect-infinitive"
    if comp is None:
        return
    subj = _subject(tok)
    if subj is None or subj.lower_ in _NO_SOURCE:
        return
    conjuncts = _that_conjuncts(comp) if shape == "reported" else []
    exclude = frozenset(t.i for c in conjuncts for t in c.subtree)
    for clause, excl in ((comp, exclude), *((c, frozenset()) for c in conjuncts)):
        s, e = _clause(clause, ctx.verbs, excl)
        if shape == "perfect-infinitive":
            s = clause.left_edge.idx
        ctx.add(s, e, shape, 2, 0.75 if shape == "reported" else 0.65, subj)


def _select(ctx: Ctx) -> list[Candidate]:
    """Resolve overlaps: a reported clause replaces a quotation that starts inside it, and the clause of a named
    speaker replaces the "according to" frame around it ("X claimed that ..., according to Y": X makes the claim);
    otherwise the lower rank wins."""
    cands = ctx.candidates
    dropped = {
        id(q) for q in cands if q.shape == "quote" and any(
            r is not q and r.shape != "quote" and r.start < q.start - 1 and q.start < r.end for r in cands
        )
    }
    dropped |= {
        id(a) for a in cands if a.shape == "according-to" and any(
            r.shape == "reported" and a.start <= r.start and r.end <= a.end and r.subject is not None
            and r.subject.pos_ != "PRON" for r in cands
        )
    }
    kept: list[Candidate] = []
    for c in sorted(cands, key=lambda c: (c.rank, c.start - c.end)):
        if id(c) in dropped or any(c.start < k.end and k.start < c.end for k in kept):
            continue
        kept.append(c)
    return sorted(kept, key=lambda c: c.start)


def claim_suggestions(
    doc: Any, text: str, cfg: SuggestConfig, actors: list[Suggestion], junk: list[tuple[int, int]]
) -> tuple[list[Suggestion], list[tuple[Suggestion, Suggestion]]]:
    """CLAIM suggestions and their (claim, source actor) links. New speaker actors are appended to `actors`."""
    ctx = Ctx(doc, text, cfg, actors)
    _quotes(ctx)
    _reported(ctx)
    claims: list[Suggestion] = []
    links: list[tuple[Suggestion, Suggestion]] = []
    last: tuple[Suggestion, int] | None = None  # the last source and its line
    for cand in _select(ctx):
        if in_ranges(cand.start, cand.end, junk):
            continue
        source, how = (None, "")
        if cand.subject is not None:
            source, how = ctx.resolve(cand.subject, inner=cand.shape == "according-to",
                                      opens_paragraph=cand.shape == "quote" and cand.opens_line)
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
        last = (source, cand.line if cand.line >= 0 else text.count("\n", 0, cand.start))
    return claims, links
