"""CLAIM rules: statements attributed to a source, each linked (SOURCE) to the actor who makes it.

Shapes: a quotation with its speaker ("...," he said / X wrote: "..."), a reported clause ("X said that ...",
two conjoined that-clauses are two claims), "according to X", a statement noun ("X's calculation is that ...",
"his belief that ..."), a perfect infinitive ("Kyiv's forces claiming to have seized ...") and a characterisation
("Putin has framed the incursion as part of a Western plot", "hailed the result as "good news""), a view frame
("In his view, ...", "by words of the expert, ..."), a comment on a clause ("..., as his advisor suggested",
"..., something officials have said", "Those will include, he said, ..."), a denial of a gerund ("denied losing
ground") and a statement noun carrying the clause ("said in a statement that ..."); layout shapes (headlines,
interviews) are in app.core.suggest.claim_layouts. Hypothetical or negated reporting ("Kyiv may claim ...", "did
not announce that ...") is not a claim. Sources are resolved by app.core.suggest.sources.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Any

from app.core.suggest.base import Suggestion, forms_of, in_ranges, strip_punct, word_forms
from app.core.suggest.claim_layouts import headline_claims, interview_claims
from app.core.suggest.config import SuggestConfig
from app.core.suggest.sources import Candidate, Ctx

_MARKS = frozenset({"that", "if", "whether", ":", ",", "-", "--", '"', "'"})
_HYPOTHETICAL = frozenset({"may", "might", "could"})
_NO_SOURCE = frozenset({"i", "we", "you", "it", "they", "this", "that", "which", "who"})
_NOT_STATEMENTS = frozenset({"responsibility", "credit", "victory", "lives", "life"})  # "claimed responsibility"
_CUT_DEPS = frozenset({"dobj", "appos", "npadvmod", "advcl"})
# participles of these stay in the clause: "he misjudged Russia, believing he could stop the Russians ..."
_FRAME_WORDS = frozenset({"according", "in", "by"})
_MEDIUMS = frozenset({"statement", "interview", "post", "briefing", "message", "report", "letter", "speech"})
_GERUND_VERBS = frozenset({"deny", "admit", "acknowledge", "confirm", "recall", "report"})
_MENTAL = frozenset({"believe", "think", "hope", "fear", "expect", "feel", "assume", "consider", "point"})
MIN_QUOTE_WORDS = 4


def _own_subject(tok: Any) -> Any | None:
    """The verb's subject; of two (the parser takes a dateline "KYIV, March 12 —" for one) the nearer."""
    subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
    return min(subjects, key=lambda c: abs(c.i - tok.i)) if subjects else None


def _subject(verb: Any) -> Any | None:
    if verb.dep_ == "acl" and verb.head.dep_ == "ROOT" and verb.head.pos_ in ("NOUN", "PROPN") and any(
            c.dep_ == "ccomp" for c in verb.children):
        return verb.head  # a misparse of "Seoul's intelligence service estimated that ..." as a noun phrase
    for _ in range(3):
        subj = _own_subject(verb)
        if subj is not None:
            return subj
        if verb.pos_ == "ADJ" or verb.dep_ in ("conj", "xcomp", "acomp"):
            verb = verb.head
        else:
            break
    return None


def _can_source(subj: Any | None) -> bool:
    """A subject that may name a source: not "I", "we" or a relative pronoun; "it said" (an organisation
    named before) only as the active subject."""
    return subj is not None and (subj.lower_ not in _NO_SOURCE or (subj.lower_ == "it" and subj.dep_ == "nsubj"))


def _is_reporting_verb(tok: Any, cfg: SuggestConfig) -> bool:
    return tok.lemma_.lower() in cfg.reporting_verbs and tok.pos_ == "VERB"


def _speaker_after(ctx: Ctx, tokens: list[Any]) -> Any | None:
    for tok in tokens[:24]:  # room for an apposition: "...," Colonel X, a spokesman for the ..., told reporters
        if tok.text in ('"', ".", "!", "?") or "\n" in tok.text:
            return None
        if _is_reporting_verb(tok, ctx.cfg) or (tok.pos_ == "ADJ" and tok.lower_ in ctx.cfg.reporting_verbs):
            subj = _subject(tok)  # "..." - says the expert / "..." - he is sure
            if subj is None:
                subj = next((t for t in tokens if t.i > tok.i and t.pos_ == "PROPN"), None)
            return subj
    return None


def _quotes(ctx: Ctx) -> None:
    doc, text = ctx.doc, ctx.text
    from spacy.attrs import IDX  # here, not at the top: the window imports this module without spaCy

    starts = doc.to_array([IDX]).ravel().tolist() if len(doc) else []  # no Token objects: much faster
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
                elif before and before[-1].text == ":" and not any(t.text == '"' for t in before):
                    # "One analyst put it to me bluntly: "...": the one who speaks before the colon
                    verb = next((t for t in reversed(before) if t.pos_ == "VERB"), None)
                    subj = _subject(verb) if verb is not None else None
            opens = not text[line_start:q0].strip()
            end = q1
            if not opens and text[q1 - 1 : q1] == "." and text[max(0, q0 - 40) : q0].rstrip()[-1:].isalpha():
                end = q1 - 1  # a quoted phrase ending the sentence ("as "the first time ... back."") keeps no stop
            ctx.add(q0 + 1, end, "quote", 0, 0.85, subj, line_no, opens)
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
            if c.dep_ == "advcl" and (c.tag_ != "VBG" or c.lemma_.lower() not in verbs or c.lemma_ in _MENTAL or any(
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


_OPENING_ADVERBS = frozenset({"yet", "but", "and", "so", "however", "still", "meanwhile", "moreover"})


def _authorial_after(doc: Any, i: int) -> bool:
    """doc[i:] is ", (thus) adding ...": a participle the author adds after an inserted "according to X", or
    ", and Western officials estimate ...": a clause of its own."""
    if i + 1 < len(doc) and doc[i].text == "," and doc[i + 1].dep_ == "cc" and doc[i + 1].head.dep_ in ("ROOT", "conj"):
        return True
    j = i + 1 if i < len(doc) and doc[i].text == "," else i
    while j < len(doc) and doc[j].dep_ == "advmod":
        j += 1
    return j > i and j < len(doc) and doc[j].tag_ == "VBG" and doc[j].dep_ == "advcl"


def _according_to(ctx: Ctx, tok: Any) -> None:
    to = next((c for c in tok.children if c.lower_ == "to"), None)
    obj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    if obj is None:
        return
    sent = tok.sent
    a0, a1 = tok.left_edge.i, max(tok.right_edge.i, obj.right_edge.i) + 1
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


def _in_someones_view(ctx: Ctx, prep: Any) -> None:
    """"In his view, X", "by his estimation, X", "by words of the expert, X": X is the claim of the view's owner."""
    noun = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if noun is None or not {noun.lemma_.lower(), noun.lower_} & ctx.cfg.claim_nouns:
        return
    if noun.i != prep.i + 2 and not any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children):
        return
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None:
        of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        owner = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
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


def _statement_noun(ctx: Ctx, tok: Any) -> None:
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
        while e > s and ctx.text[e - 1] in ".,;":
            e -= 1  # a quoted phrase inside the sentence keeps no full stop
    else:
        s, e = _clause(prep, ctx.verbs)
        s = max(s, prep.idx + len(prep.text))
    subj = _speaker(tok, ctx.cfg.reporting_verbs)
    if subj is not None and subj.lower_ not in _NO_SOURCE:
        if len(marks) < 2:
            e = _to_clause_end(tok, e, ctx.cfg.reporting_verbs)
        ctx.add(s, e, "as-phrase", 2, 0.6, subj, min_chars=3)


def _candidate_tokens(ctx: Ctx) -> list[int]:
    """Indices of the tokens `_reported` may act on, found from the token arrays: making a Token object for
    every word of every document costs more than all the rules."""
    from spacy.attrs import LEMMA, LOWER

    doc, cfg = ctx.doc, ctx.cfg
    if not len(doc):
        return []
    words = cfg.reporting_verbs | cfg.as_verbs
    strings = doc.vocab.strings
    seen: dict[tuple[int, int], bool] = {}
    out = []
    for i, (low, lem) in enumerate(doc.to_array([LOWER, LEMMA]).tolist()):
        hit = seen.get((low, lem))
        if hit is None:
            low_s, lem_s = strings[low], strings[lem].lower()
            hit = low_s in _FRAME_WORDS or lem_s in cfg.claim_nouns or bool(forms_of(low_s, lem_s) & words)
            seen[(low, lem)] = hit
        if hit:
            out.append(i)
    return out


def _reported(ctx: Ctx) -> None:
    cfg = ctx.cfg
    for i in _candidate_tokens(ctx):
        tok = ctx.doc[i]
        lemma = tok.lemma_.lower()
        if tok.lower_ == "according":
            _according_to(ctx, tok)
        elif tok.lower_ in ("in", "by") and tok.dep_ == "prep":
            _in_someones_view(ctx, tok)
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
    if comp is None:  # "said in a statement that air defenses had downed ...": the clause hangs on the noun
        for prep in (c for c in tok.rights if c.dep_ == "prep" and c.lower_ in ("in", "on")):
            noun = next((c for c in prep.children if c.dep_ == "pobj" and c.lower_ in _MEDIUMS), None)
            comp = next((c for c in noun.rights if c.dep_ in ("acl", "ccomp") and any(
                g.dep_ == "mark" and g.lower_ == "that" for g in c.children)), None) if noun is not None else None
            if comp is not None:
                shape = "reported"
                break
    if comp is None and tok.lemma_.lower() in _GERUND_VERBS:  # "Moscow denied losing ground"
        comp = next((c for c in tok.rights if c.dep_ in ("xcomp", "dobj", "ccomp") and c.tag_ == "VBG"), None)
        shape = "gerund"
    if comp is None and _reported_object(ctx, tok):
        return
    if comp is None:
        _commented_clause(ctx, tok)
        return
    if _is_inner_report(tok, ctx.cfg):
        return  # reported together with the clause it is conjoined to, below
    subj = _subject(tok)
    if subj is None and tok.tag_ == "VBG" and tok.dep_ == "advcl":  # "..., adding that ...": the speaker's
        subj = _speaker(tok, ctx.cfg.reporting_verbs)
    if not _can_source(subj):
        return
    conjuncts = _that_conjuncts(comp) if shape == "reported" else []
    inner = [t for t in comp.children if _is_inner_report(t, ctx.cfg)] if shape == "reported" else []
    others = [t for t in comp.subtree if t.i != comp.i and t.dep_ in ("conj", "advcl") and _new_speaker(t, ctx.cfg)]
    exclude = frozenset(t.i for c in [*conjuncts, *inner, *others] for t in c.subtree)
    nested = _nested_report(comp, ctx.cfg) if shape == "reported" else None
    if nested is not None:  # "X said [Y said that A], while B": Y's own verb reports A; X reports only B
        exclude |= frozenset(t.i for t in comp.subtree if t.i <= nested.right_edge.i)
        rest = [t for t in comp.subtree if t.i not in exclude and not t.is_punct and not t.is_space]
        if len(rest) < 4:
            return
        exclude |= frozenset(t.i for t in rest[:1] if t.lower_ in _CONTINUERS)
    inner_comps = [next(c for c in t.children if c.dep_ == "ccomp") for t in inner]
    for clause, excl in ((comp, exclude), *((c, frozenset()) for c in [*conjuncts, *inner_comps])):
        s, e = _clause(clause, ctx.verbs, excl)
        if shape in ("perfect-infinitive", "gerund"):
            s = clause.left_edge.idx
        elif clause is comp and not inner and tok.dep_ not in ("relcl", "advcl", "acl"):
            e = _to_clause_end(tok, e, ctx.cfg.reporting_verbs)
        elif tok.dep_ in ("relcl", "advcl", "acl") and ":" in ctx.text[s:e]:
            e = s + ctx.text[s:e].index(":")  # "where Kyiv hoped they would not be: in Donetsk"
        ctx.add(s, e, shape, 2, 0.75 if shape == "reported" else 0.65, subj)


def _reported_object(ctx: Ctx, tok: Any) -> bool:
    """"Regional authorities reported fires at two fuel facilities over the weekend, after ...": what is
    reported or claimed as a noun phrase is the claim, with the phrases after it up to a comma."""
    if tok.lemma_.lower() not in ("report", "claim"):
        return False
    obj = next((c for c in tok.rights if c.dep_ == "dobj"), None)
    subj = _subject(tok)
    if obj is None or obj.pos_ not in ("NOUN", "PROPN", "NUM") or obj.lower_ in _NOT_STATEMENTS \
            or not _can_source(subj):
        return False
    last = obj
    for c in (c for c in tok.rights if c.i > obj.i):
        if c.is_punct or c.dep_ not in ("prep", "npadvmod", "advmod"):
            break
        last = c
    ctx.add(obj.left_edge.idx, last.right_edge.idx + len(last.right_edge.text), "reported-object", 2, 0.6, subj)
    return True


def _nested_report(comp: Any, cfg: SuggestConfig) -> Any | None:
    """The clause a reported clause itself reports, when it is one: "Ukraine's air force said it had shot
    down ..." inside "..., officials said"."""
    if not _is_reporting_verb(comp, cfg) or _own_subject(comp) is None:
        return None
    return next((c for c in comp.children if c.dep_ == "ccomp"), None)


def _is_inner_report(tok: Any, cfg: SuggestConfig) -> bool:
    """A reporting verb conjoined inside a reported clause, sharing its speaker: "Stupak points out that A and
    believes B" (the parser hangs "believes" on A's verb)."""
    head = tok.head
    return (tok.dep_ == "conj" and head.dep_ == "ccomp" and _is_reporting_verb(tok, cfg)
            and _own_subject(tok) is None and any(c.dep_ == "ccomp" for c in tok.children)
            and _is_reporting_verb(head.head, cfg))


_CONTINUERS = frozenset({"while", "whereas", "where", "which", "who", "that", "because", "since", "although",
                         "though", "when"})


def _new_speaker(tok: Any, cfg: SuggestConfig) -> bool:
    """A reporting verb with its own subject and clause: "..., and Ukraine's foreign ministry insisted that"
    starts another speaker's claim, so the clause before it ends there."""
    return _is_reporting_verb(tok, cfg) and _own_subject(tok) is not None and any(
        c.dep_ == "ccomp" for c in tok.children)


def _to_clause_end(verb: Any, end: int, reporting: frozenset[str]) -> int:
    """Where a claim ending at char `end` really ends: the reported clause runs on to the end of the sentence
    through an elaboration after a colon or a trailing "while ..." / "which ..." clause the parser hung on the
    reporting verb ("describes the conflict as a war of attrition, where ..., while Ukraine tries to ...")."""
    sent = verb.sent
    rest = [t for t in sent if t.idx >= end and not t.is_space]
    while rest and rest[-1].is_punct:
        rest.pop()
    if not rest or any(t.text in ('"', "'") or t.lower_ == "according" or (t.pos_ in ("VERB", "ADJ") and (
            t.dep_ in ("advcl", "conj") and t.tag_ == "VBG")) or (t.pos_ == "VERB" and t.lemma_.lower() in
            reporting and _own_subject(t) is not None) for t in rest):
        return end
    lead = rest[1] if rest[0].text == "," and len(rest) > 1 else rest[0]
    if rest[0].text == ":" or lead.lower_ in _CONTINUERS:
        return rest[-1].idx + len(rest[-1].text)
    return end


def _trailing_comment(tok: Any) -> bool:
    """", the air force said in a statement." ending a sentence: after a comma, with no "and", and nothing
    after it but phrases of its own."""
    doc = tok.doc
    first = next(t for t in tok.subtree if not (t.is_punct or t.is_space))
    before = doc[first.i - 1] if first.i > 0 else None
    after = [t for t in tok.sent if t.i > tok.right_edge.i and not (t.is_punct or t.is_space)]
    return before is not None and before.text == "," and not after and tok.head.i < first.i and not any(
        c.dep_ == "cc" for c in tok.lefts)


def _commented_clause(ctx: Ctx, tok: Any) -> None:
    """A reporting verb without a complement that comments on a clause makes that clause a claim:
    "Those will include, he said, the goals ..." (the whole clause, the comment inside it), "Russia is running
    out of men, as Western officials have said" and "... North Korean soldiers, something Ukrainian officials
    have repeatedly said" (the clause before the comment, without the author's frame around it: "if Trump is
    willing to use this pressure, as his advisor once suggested" -> "use this pressure")."""
    if any(c.dep_ in ("dobj", "xcomp") for c in tok.children):
        return
    subj = _own_subject(tok)
    if not _can_source(subj):
        return
    if tok.dep_ == "conj" and _trailing_comment(tok):
        # "Russia launched 176 drones ..., the air force said in a statement.": the parser joined the comment
        # to the clause it comments on
        first = next(t for t in tok.subtree if not (t.is_punct or t.is_space))
        toks = strip_punct([t for t in tok.head.subtree if t.i < first.i and not t.is_space])
        if toks:
            ctx.add(toks[0].idx, toks[-1].idx + len(toks[-1].text), "commented", 2, 0.6, subj)
        return
    if tok.dep_ == "parataxis" and not any(t.text in ('"', "'") for t in tok.sent):
        clause = tok.head
        while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
            clause = clause.head
        if clause.left_edge.i > tok.i:
            return
        toks = strip_punct([t for t in clause.subtree if not t.is_space])
        if toks:
            ctx.add(toks[0].idx, toks[-1].idx + len(toks[-1].text), "parenthetical", 2, 0.65, subj)
        return
    if tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children) and (
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
    headline_claims(ctx, junk)
    interview_claims(ctx)
    for _ in range(3):
        claims, links, unsourced = _attribute(ctx, junk)
        if not unsourced:
            break
        # A frame without a findable source ("..., officials said" around "X said that ...") must not hide
        # the claims inside it: drop it and choose again.
        ctx.candidates = [c for c in ctx.candidates if id(c) not in unsourced]
    return claims, links


def _attribute(ctx: Ctx, junk: list[tuple[int, int]]
               ) -> tuple[list[Suggestion], list[tuple[Suggestion, Suggestion]], set[int]]:
    """The selected candidates with their sources, and the ids of those whose source was not found."""
    text, cfg = ctx.text, ctx.cfg
    claims: list[Suggestion] = []
    links: list[tuple[Suggestion, Suggestion]] = []
    unsourced: set[int] = set()
    last: tuple[Suggestion, int] | None = None  # the last source and its line
    for cand in _select(ctx):
        if in_ranges(cand.start, cand.end, junk):
            continue
        source, how = (cand.source, "interview") if cand.source is not None else (None, "")
        if source is None and cand.subject is not None:
            source, how = ctx.resolve(cand.subject, inner=cand.shape == "according-to",
                                      opens_paragraph=cand.shape == "quote" and cand.opens_line)
        line = cand.line if cand.line >= 0 else text.count("\n", 0, cand.start)
        if source is None and cand.subject is not None and cand.subject.lower_ == "it" and last is not None \
                and line - last[1] <= 4 and not ctx.is_person(last[0]):
            source, how = last[0], "pronoun"  # "It said 152 drones were destroyed": the body that spoke last
        if source is None and cand.shape == "quote" and last is not None:
            same_line = cand.line == last[1]
            if same_line or (cand.opens_line and 0 < cand.line - last[1] <= 4):
                source, how = last[0], "continued"
        if source is None:
            unsourced.add(id(cand))
            continue
        score = cand.score - (0.15 if how == "pronoun" else 0.25 if how == "continued" else 0.0)
        claim = Suggestion(cand.start, cand.end, cfg.claim_label, score, attributes={
            "rule": cand.shape, "source_found": how, "source_text": text[source.start : source.end],
        })
        claims.append(claim)
        links.append((claim, source))
        last = (source, line)
    return claims, links, unsourced
