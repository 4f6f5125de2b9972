"""CLAIM frames around a clause: "according to X", a view frame ("In his view, ...", "by words of the expert,
..."), a statement noun ("X's calculation is that ..."), a characterisation ("framed the incursion as part of a
Western plot"), a reported noun phrase ("reported fires at two fuel facilities"), an estimate put at a figure
("puts the peak at 1,050 square kilometres") and a comment on a clause ("..., as his advisor suggested", "...,
something officials have said", "Those will include, he said, ...", "..., the air force said in a statement.",
"..., it was noted in the department")."""

from __future__ import annotations

from typing import Any

from app.core.suggest.base import object_of, strip_punct
from app.core.suggest.claim_syntax import (
    NO_SOURCE,
    can_source,
    clause_span,
    impersonal,
    own_subject,
    passive_reporter,
    speaker_of,
    subject_of,
    to_clause_end,
)
from app.core.suggest.sources import Ctx

_NOT_STATEMENTS = frozenset({"responsibility", "credit", "victory", "lives", "life"})  # "claimed responsibility"
_ESTIMATE_WORDS = frozenset({"figure", "level", "total", "number", "estimate", "lower", "higher", "similar"})
_OPENING_ADVERBS = frozenset({"yet", "but", "and", "so", "however", "still", "meanwhile", "moreover"})


def put_at(ctx: Ctx, tok: Any) -> None:
    """An estimate put at a figure: "puts the peak somewhat lower, at 1,050 square kilometres" and "put Ukrainian
    losses at a similar figure" claim what follows the thing estimated ("somewhat lower, at 1,050 ...", "a
    similar figure")."""
    obj = next((c for c in tok.rights if c.dep_ == "dobj"), None)
    at = next((c for c in tok.rights if c.dep_ == "prep" and c.lower_ == "at"), None)
    subj = subject_of(tok)
    if obj is None or at is None or at.i < obj.i or not can_source(subj):
        return
    body = strip_punct([t for t in tok.doc[obj.right_edge.i + 1 : at.right_edge.i + 1] if not t.is_space])
    if body and body[0].i == at.i:
        body = body[1:]
    if body and any(t.like_num or t.lower_ in _ESTIMATE_WORDS for t in body):  # not "put the book at the door"
        ctx.add(body[0].idx, body[-1].idx + len(body[-1].text), "put-at", 2, 0.6, subj, min_chars=3)


def _authorial_after(doc: Any, i: int) -> bool:
    """doc[i:] is ", (thus) adding ...": a participle the author adds after an inserted "according to X", or
    ", and Western officials estimate ...": a clause of its own."""
    if i + 1 < len(doc) and doc[i].text == "," and doc[i + 1].dep_ == "cc" and doc[i + 1].head.dep_ in ("ROOT", "conj"):
        return True
    j = i + 1 if i < len(doc) and doc[i].text == "," else i
    while j < len(doc) and doc[j].dep_ == "advmod":
        j += 1
    return j > i and j < len(doc) and doc[j].tag_ == "VBG" and doc[j].dep_ == "advcl"


def according_to(ctx: Ctx, tok: Any) -> None:
    """"according to X" or "per X" (X named: "per ISW mapping", not "per day") around a clause."""
    frame = next((c for c in tok.children if c.lower_ == "to"), None) if tok.lower_ == "according" else tok
    obj = object_of(frame)
    if obj is None or (tok.lower_ == "per" and not any(
            t.ent_type_ in ("ORG", "PERSON", "GPE", "NORP") or t.pos_ == "PROPN" for t in obj.subtree)):
        return
    conj = next((c for c in obj.children if c.dep_ == "conj" and c.pos_ == "NOUN"), None)
    if conj is not None and obj.lower_ in ("data", "records", "figures", "statistics"):
        obj = conj  # "according to customs data and a document seen by Reuters": the document is a source
    sent = tok.sent
    # the frame ends with "to X" (the parser may hang the whole clause on "According" as its root)
    a0, a1 = tok.left_edge.i, max(frame.right_edge.i, obj.right_edge.i) + 1
    body = strip_punct([t for t in sent if (t.i < a0 or t.i >= a1) and not t.is_space])
    if a0 <= sent.start + 2 and body:
        body = strip_punct([t for t in body if t.i >= a1])
    elif a1 >= sent.end - 2 and body:
        body = strip_punct([t for t in body if t.i < a0])
    elif body and _authorial_after(tok.doc, a1):
        body = strip_punct([t for t in body if t.i < a0])  # "..., according to X, thus adding up to ..."
    while body and body[0].lower_ in _OPENING_ADVERBS and body[0].dep_ in ("cc", "advmod"):
        body = strip_punct(body[1:])  # "Yet another 70%, according to Stupak, were ..."
    if body:
        ctx.add(body[0].idx, body[-1].idx + len(body[-1].text), "according-to", 1, 0.8, obj)


_OWNER_PREPS = frozenset({"of", "from", "by"})  # "by words of the expert", "by one estimate from the official"


def _is_claim_noun(tok: Any, nouns: frozenset[str]) -> bool:
    return bool({tok.lemma_.lower(), tok.lower_} & nouns)


def in_someones_view(ctx: Ctx, prep: Any) -> None:
    """"In his view, X", "by his estimation, X", "by Ukraine's count, X", "by words of the expert, X", "by one
    estimate from the official, X": X is the claim of the view's owner."""
    nouns = ctx.cfg.claim_nouns
    noun = object_of(prep)
    misparsed = False
    if noun is not None and not _is_claim_noun(noun, nouns) and prep.i == prep.sent.start:
        # "By the Institute for the Study of War's assessment this month, ...": the parser hung the view on "for"
        inner = next((t for t in prep.subtree if _is_claim_noun(t, nouns) and any(
            c.dep_ == "poss" for c in t.children)), None)
        noun, misparsed = (inner, True) if inner is not None else (noun, False)
    if noun is None or not _is_claim_noun(noun, nouns):
        return
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in _OWNER_PREPS), None)
    if noun.left_edge.i != prep.i + 1 and of is None and not misparsed:
        return  # "by his estimation", "by Ukraine's count", "by one estimate from the official" (not "by then")
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None:
        owner = object_of(of)
    if owner is None or owner.lower_ in ("our", "my", "your"):
        return
    sent = prep.sent
    a0, a1 = prep.left_edge.i, prep.right_edge.i + 1
    if a0 > sent.start + 3 and ctx.doc[a0 - 1].text != ",":
        return  # a phrase inside the clause, not a frame around it
    # at the start the frame is left out; inside the sentence ("Now, by his estimation, ...") it stays, like an
    # inserted "according to X"
    body = strip_punct([t for t in sent if (t.i >= a1 or a0 > sent.start) and not t.is_space])
    if body:
        ctx.add(body[0].idx, body[-1].idx + len(body[-1].text), "in-view", 1, 0.7, owner)


def statement_noun(ctx: Ctx, tok: Any) -> None:
    poss = next((c for c in tok.children if c.dep_ == "poss"), None)
    if poss is None:
        return
    clause = next((c for c in tok.children if c.dep_ in ("acl", "ccomp") and c.i > tok.i), None)
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if clause is None and nxt is not None and nxt.lower_ == "that" and nxt.dep_ == "mark" and nxt.head.i > tok.i:
        clause = nxt.head  # "based on his belief that ...": the parser hung the clause on the main verb
    if clause is None and tok.dep_ == "nsubj" and tok.head.lemma_ == "be":
        clause = next((c for c in tok.head.children if c.dep_ in ("ccomp", "attr") and c.i > tok.i), None)
    if clause is None or not any(t.lower_ == "that" for t in clause.lefts):
        return
    s, e = clause_span(clause, ctx.verbs)
    ctx.add(s, e, "statement-noun", 1, 0.65, poss)


def as_phrase(ctx: Ctx, tok: Any, word: str = "as") -> None:
    """"hailed the result as "good news"", "framed the incursion as part of a Western plot": the claim is what
    follows "as" (the quoted words only, when they are quoted), also where the parser hung "as" on the object,
    and what "called the attack a provocation" calls it; with `word` "of", the charge of "accused Ukraine of
    putting the plant in danger"."""
    obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
    if obj is None:
        return
    prep = next((c for c in tok.rights if c.lower_ == word and c.dep_ == "prep"), None) or next(
        (c for c in obj.rights if c.lower_ == word and c.dep_ == "prep"), None)  # hung on the object
    if prep is None and word == "as" and tok.lemma_.lower() == "call":  # "Moscow called it a provocation"
        prep = next((c for c in tok.rights if c.dep_ == "oprd" and c.i > obj.i), None)
        toks = list(prep.subtree) if prep is not None else []
    elif prep is not None:
        toks = [t for t in prep.subtree if t.i > prep.i]
    if prep is None:
        return
    marks = [t for t in toks if t.text in ('"', "'")]
    if len(marks) >= 2 and marks[0].i == toks[0].i:
        s, e = marks[0].idx + 1, marks[1].idx
        while e > s and ctx.text[e - 1] in ".,;":
            e -= 1  # a quoted phrase inside the sentence keeps no full stop
    elif prep.dep_ == "oprd":
        s, e = toks[0].idx, toks[-1].idx + len(toks[-1].text)
    else:
        s, e = clause_span(prep, ctx.verbs)
        s = max(s, prep.idx + len(prep.text))
    subj = speaker_of(tok, ctx.cfg.reporting_verbs)
    if subj is not None and subj.lower_ not in NO_SOURCE:
        if len(marks) < 2:
            e = to_clause_end(tok, e, ctx.cfg.reporting_verbs)
        ctx.add(s, e, f"{word}-phrase", 2, 0.6, subj, min_chars=3)


def reported_object(ctx: Ctx, tok: Any) -> bool:
    """"Regional authorities reported fires at two fuel facilities over the weekend, after ...": what is
    reported or claimed as a noun phrase is the claim, with the phrases after it up to a comma."""
    if tok.lemma_.lower() == "describe":
        return _described_object(ctx, tok)
    if tok.lemma_.lower() not in ("report", "claim") or any(
            c.dep_ == "aux" and c.lower_ in ("would", "will", "could", "might", "may") for c in tok.children):
        return False  # "Russia would claim the four territories": taking land, not a statement
    obj = next((c for c in tok.rights if c.dep_ == "dobj"), None)
    subj = subject_of(tok)
    if obj is None or obj.pos_ not in ("NOUN", "PROPN", "NUM") or obj.lower_ in _NOT_STATEMENTS \
            or not can_source(subj):
        return False
    last = obj
    for c in (c for c in tok.rights if c.i > obj.i):
        if c.is_punct or c.dep_ not in ("prep", "npadvmod", "advmod"):
            break
        last = c
    ctx.add(obj.left_edge.idx, last.right_edge.idx + len(last.right_edge.text), "reported-object", 2, 0.6, subj)
    return True


def _described_object(ctx: Ctx, tok: Any) -> bool:
    """"Residents described a long, sleepless night", "Soldiers describe a fight that has changed ...": what
    people describe is their account (not "described it as ...", the as-phrase's claim), without an apposition
    that comments on it (", accounts supported by UN monitors")."""
    obj = next((c for c in tok.rights if c.dep_ == "dobj"), None)
    subj = subject_of(tok)
    if obj is None or obj.pos_ not in ("NOUN", "PROPN", "VERB") or not can_source(subj) or any(
            c.lower_ == "as" for t in (tok, obj) for c in t.children):
        return False
    aside = {t.i for a in obj.children if a.dep_ == "appos" for t in a.subtree}
    words = [t for t in obj.subtree if t.i not in aside]
    while words and (words[-1].is_punct or words[-1].is_space):
        words.pop()
    ctx.add(words[0].idx, words[-1].idx + len(words[-1].text), "reported-object", 2, 0.6, subj)
    return True


def _trailing_comment(tok: Any) -> Any | None:
    """The first word of ", the air force said in a statement." ending a sentence (after a comma, with no "and",
    and nothing after it but phrases of its own), or None when `tok` heads no such comment."""
    doc = tok.doc
    first = next(t for t in tok.subtree if not (t.is_punct or t.is_space))
    before = doc[first.i - 1] if first.i > 0 else None
    after = [t for t in tok.sent if t.i > tok.right_edge.i and not (t.is_punct or t.is_space)]
    trailing = before is not None and before.text == "," and not after and tok.head.i < first.i and not any(
        c.dep_ == "cc" for c in tok.lefts)
    return first if trailing else None


def commented_clause(ctx: Ctx, tok: Any) -> None:
    """A reporting verb without a complement that comments on a clause makes that clause a claim:
    "Those will include, he said, the goals ..." and "On two occasions, she told the court, he ..." (the whole
    clause, the comment inside it), "Russia is running out of men, as Western officials have said" and "...
    North Korean soldiers, something Ukrainian officials have repeatedly said" (the clause before the comment,
    without the author's frame around it: "if Trump is willing to use this pressure, as his advisor once
    suggested" -> "use this pressure")."""
    doc = ctx.doc
    told = tok.lemma_ == "tell"  # "she told the court": the object is the hearer, the comment is still bare
    if any(c.dep_ == "xcomp" or (c.dep_ == "dobj" and not told) for c in tok.children):
        return
    subj = own_subject(tok)
    if impersonal(subj):
        subj = passive_reporter(tok) or subj
    if not can_source(subj):
        return
    comment_start = _trailing_comment(tok) if tok.dep_ == "conj" else None
    if comment_start is not None:
        # "Russia launched 176 drones ..., the air force said in a statement.": the parser joined the comment
        # to the clause it comments on
        toks = strip_punct([t for t in tok.head.subtree if t.i < comment_start.i and not t.is_space])
        if toks:
            ctx.add(toks[0].idx, toks[-1].idx + len(toks[-1].text), "commented", 2, 0.6, subj)
        return
    first = subj.left_edge.i if subj is not None and subj.i < tok.i else tok.i
    inserted = tok.dep_ == "ccomp" and tok.head.i > tok.i and first > 0 and doc[first - 1].text == "," and (
        tok.right_edge.i + 1 < len(doc) and doc[tok.right_edge.i + 1].text == ",")  # ", he told the court,"
    if (tok.dep_ == "parataxis" or inserted) and not any(
            t.text in ('"', "'") and t.tag_ != "POS" for t in tok.sent):  # a quotation, not "plants' wages"
        clause = tok.head
        while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
            clause = clause.head
        if clause.left_edge.i > tok.i:
            return
        toks = _around_comment(clause, tok, first)
        if toks:
            ctx.add(toks[0].idx, toks[-1].idx + len(toks[-1].text), "parenthetical", 2, 0.65, subj)
        return
    opens_with_as = tok.left_edge.lower_ == "as" and tok.left_edge.head.i == tok.i  # "as" as mark or preposition
    if tok.dep_ == "advcl" and opens_with_as and (
            tok.left_edge.i == tok.sent.start and ctx.doc[tok.right_edge.i + 1].text == ","):
        # "As the Financial Times reported, Moscow moved ...": the main clause after the comment
        main = tok.head
        toks = strip_punct([t for t in main.subtree if t.i > tok.right_edge.i + 1 and not t.is_space])
        if toks and main.i > tok.i:
            ctx.add(toks[0].idx, toks[-1].idx + len(toks[-1].text), "commented", 2, 0.6, subj)
        return
    if tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children):
        first = tok.left_edge.i
    elif tok.dep_ == "relcl" and tok.head.lower_ in ("something", "what") and tok.head.i < tok.i:
        first = tok.head.left_edge.i
    else:
        return
    if first < 2 or ctx.doc[first - 1].text != ",":
        return
    verb = ctx.doc[first - 2]
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i and verb.head.i < first:
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return
    toks = [t for t in verb.subtree if t.i < first - 1]
    while toks and ((toks[0].dep_ in ("aux", "mark", "cc") and toks[0].lower_ in ("to", "that", "if", "and", "but"))
                    or toks[0].is_punct):
        toks.pop(0)
    if toks:
        ctx.add(toks[0].idx, toks[-1].idx + len(toks[-1].text), "commented", 2, 0.6, subj)


_COMMENT_TAILS = frozenset({"as", "while", "although", "though", "because"})  # ", executives said, as demand grows"


def _around_comment(clause: Any, comment: Any, first: int) -> list[Any]:
    """The tokens of `clause` that make the claim beside the inserted comment `comment` (whose first token is
    `first`). The claim stops before the comment when nothing of it follows: the comment runs to the clause's end
    (but ", she argued, and many had stopped" goes on) or only a clause of its own does (", as demand grows"). A
    reason word before the comment is the author's ("because, he said, his son was ...")."""
    last = max(t.i for t in clause.subtree if not (t.is_punct or t.is_space))
    nxt = next((t for t in clause.doc[comment.i + 1 :] if not t.is_punct), None)
    to_end = (comment.right_edge.i >= last and not any(c.dep_ == "conj" for c in comment.rights)) or (
        nxt is not None and nxt.dep_ == "mark" and nxt.lower_ in _COMMENT_TAILS)
    toks = strip_punct([t for t in clause.subtree if not t.is_space and (t.i < first or not to_end)])
    if any(t.i < first for t in toks) and all(t.dep_ == "mark" or t.is_punct for t in toks if t.i < first):
        toks = strip_punct([t for t in toks if t.i > comment.right_edge.i])
    return toks


def reported_before(ctx: Ctx, tok: Any) -> bool:
    """"One civilian died, three were injured. About this informs the regional administration." A report "about
    this" makes each sentence before it in the paragraph a claim of its subject. True when it did."""
    about = next((c for c in tok.children if c.lower_ in ("about", "of") and c.i < tok.i), None)
    this = next((c for c in about.children if c.lower_ in ("this", "that")), None) if about is not None else None
    subj = own_subject(tok)
    if this is None or not can_source(subj) or about.i > tok.sent.start + 1:
        return False
    line_start = ctx.lines[ctx.line_of(tok.idx)][0]
    sent, added = tok.sent, 0
    while added < 3 and sent.start > 0:
        sent = ctx.doc[sent.start - 1].sent
        if sent.start_char < line_start:
            break
        toks = strip_punct([t for t in sent if not t.is_space])
        if toks:
            ctx.add(toks[0].idx, toks[-1].idx + len(toks[-1].text), "reported-before", 2, 0.55, subj)
            added += 1
    return added > 0
