"""CLAIM rules: statements attributed to a source, each linked (SOURCE) to the actor who makes it.

Shapes here: a quotation with its speaker ("...," he said / X wrote: "..."), a reported clause ("X said that ...",
two conjoined that-clauses are two claims, also where the parser left the second "…, and that …" or the "that"
itself loose; a report inside a report, "X said [Y said that A]", is Y's; another speaker's report ends the
clause; a report made inside a quotation by someone else, "“The agent said it was ...,” Kaur said", is that
someone's claim as well: app.core.suggest.quoted_reports), a perfect infinitive ("Kyiv's forces claiming to have
seized ..."), a denial of a gerund ("denied losing ground") and a statement noun carrying the clause ("said in a
statement that ...").
Frames around a clause ("according to X", "In his view, ...", characterisations, comments, reported noun
phrases) are in app.core.suggest.claim_frames, layout shapes (headlines, interviews) in
app.core.suggest.claim_layouts. Hypothetical or negated reporting ("Kyiv may claim ...", "did not announce that
...") is not a claim. Sources are resolved by app.core.suggest.sources; a frame whose source is not found gives
way to the claims inside it, and "it said" goes to the organisation that spoke last.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Any

from app.core.suggest.base import Suggestion, forms_of, in_ranges, word_forms
from app.core.suggest.claim_frames import (
    according_to,
    as_phrase,
    commented_clause,
    in_someones_view,
    put_at,
    reported_before,
    reported_object,
    statement_noun,
)
from app.core.suggest.claim_layouts import (
    bullet_claims,
    headline_claims,
    interview_claims,
    is_quoted_subhead,
    labelled_interview_claims,
    quoted_subheads,
    summary_bullets,
    transcript_claims,
)
from app.core.suggest.claim_syntax import (
    CONTINUERS,
    can_source,
    clause_span,
    denied_object,
    is_reporting_verb,
    new_speaker,
    own_subject,
    speaker_of,
    subject_of,
    to_clause_end,
)
from app.core.suggest.config import SuggestConfig
from app.core.suggest.missed_names import PERSON_NOUNS
from app.core.suggest.quoted_reports import inner_speaker, reports_inside
from app.core.suggest.sources import Candidate, Ctx
from app.core.suggest.unnamed_sources import BODIES, people_noun

_HYPOTHETICAL = frozenset({"may", "might", "could"})
_FRAME_WORDS = frozenset({"according", "per", "in", "by"})
_MEDIUMS = frozenset({
    "statement", "interview", "post", "briefing", "message", "report", "letter", "speech", "comment", "remark",
    "response", "reply", "email", "address", "video", "call",
})
_FIRSTS = frozenset({"first", "last", "only"})  # "was the first to say that ..."
# what a body publishes, which reports on its own ("said the assessment estimates that ...")
_FINDINGS = frozenset({"assessment", "report", "study", "survey", "analysis", "document", "review", "statement"})
_GERUND_VERBS = frozenset({"deny", "admit", "acknowledge", "confirm", "recall", "report"})
MIN_QUOTE_WORDS = 4
_QUOTE_MARK = re.compile('"')


def _speaker_after(ctx: Ctx, tokens: list[Any]) -> Any | None:
    """The speaker named in `tokens`, the words after a quotation: "..." Colonel X, a spokesman for ..., told
    reporters / "..." - says the expert / a pull quote signed "... — Halyna Ruban"."""
    words = [t for t in tokens[:6] if not t.is_space]
    if len(words) >= 2 and words[0].text in ("\u2014", "\u2013", "-", "--") and words[1].pos_ == "PROPN":
        name = words[1]
        while name.i + 1 < len(ctx.doc) and ctx.doc[name.i + 1].pos_ == "PROPN":
            name = ctx.doc[name.i + 1]
        return name
    if len(words) >= 3 and words[0].text in ("\u2014", "\u2013", "-", "--") and words[1].lower_ in ("a", "an", "one"):
        # signed by a description: "... " \u2013 a senior Ukrainian officer, speaking on condition of anonymity
        return next((t for t in words[2:] if t.lower_ in ctx.cfg.source_nouns or t.lower_ in PERSON_NOUNS), None)
    for tok in tokens:
        if tok.text in ('"', ".", "!", "?") or "\n" in tok.text:
            return None
        if is_reporting_verb(tok, ctx.cfg) or (tok.pos_ == "ADJ" and tok.lower_ in ctx.cfg.reporting_verbs):
            subj = subject_of(tok)  # "..." - says the expert / "..." - he is sure
            if subj is None:  # "...," Capt. Yevhen X, a spokesman for ..., told The Associated Press / "...," said X
                subj = next((t for t in tokens if t.i < tok.i and t.ent_type_ == "PERSON"), None) or next(
                    (t for t in tokens if t.i > tok.i and t.pos_ == "PROPN"), None)
            return subj
    return None


def _speaker_line_before(ctx: Ctx, line_no: int, starts: list[int]) -> Any | None:
    """The speaker of a line that "Minister Hoefsloot said:" introduces on the line before (a speech or a
    press release quoting at length), blank lines between."""
    k = line_no - 1
    while k >= 0 and not ctx.lines[k][1].strip():
        k -= 1
    if k < 0 or not ctx.lines[k][1].rstrip().endswith(":"):
        return None
    line_start, line = ctx.lines[k]
    tokens = list(ctx.doc[bisect_left(starts, line_start) : bisect_left(starts, line_start + len(line))])
    verbs = [t for t in tokens if is_reporting_verb(t, ctx.cfg)]
    return subject_of(verbs[-1]) if verbs else None


def _quotes(ctx: Ctx) -> None:
    doc, text = ctx.doc, ctx.text
    from spacy.attrs import IDX  # here, not at the top: the window imports this module without spaCy

    starts = doc.to_array([IDX]).ravel().tolist() if len(doc) else []  # no Token objects: much faster
    for line_no, (line_start, line) in enumerate(ctx.lines):
        marks = [line_start + m.start() for m in _QUOTE_MARK.finditer(line)] if '"' in line else []
        pairs = [(marks[i], marks[i + 1]) for i in range(0, len(marks) - 1, 2)]
        if len(marks) % 2:
            pairs.append((marks[-1], line_start + len(line)))
        for q0, q1 in pairs:
            if len(text[q0 + 1 : q1].split()) < MIN_QUOTE_WORDS:
                continue
            i0 = bisect_left(starts, q1 + 1)
            subj = _speaker_after(ctx, list(doc[i0 : i0 + 30]))  # "...", X, a spokesperson for ..., told
            if subj is None:
                first = bisect_left(starts, q0)
                sent_start = doc[min(first, len(doc) - 1)].sent.start if len(doc) else 0
                before = list(doc[max(sent_start, bisect_left(starts, line_start)) : first])
                verbs = [t for t in before if is_reporting_verb(t, ctx.cfg)]
                if verbs and not any(t.text == '"' for t in before if t.i > verbs[-1].i):
                    subj = subject_of(verbs[-1])
                elif before and before[-1].text == ":" and not any(t.text == '"' for t in before):
                    # "One analyst put it to me bluntly: "...": the one who speaks before the colon; without a
                    # verb, the name before it ("And from inside the building, senior fellow Dr Ada Roos: "...")
                    # verb, or "was" of "A second diplomat was less sanguine: "..."
                    verb = next((t for t in reversed(before) if t.pos_ == "VERB" or (
                        t.pos_ == "AUX" and any(c.dep_ == "nsubj" for c in t.children))), None)
                    named = len(before) >= 2 and before[-2].pos_ == "PROPN"
                    subj = subject_of(verb) if verb is not None else before[-2] if named else None
            opens = not text[line_start:q0].strip()
            if subj is None and opens:
                subj = _speaker_line_before(ctx, line_no, starts)
            end = q1
            if not opens and text[q1 - 1 : q1] == "." and text[max(0, q0 - 40) : q0].rstrip()[-1:].isalpha():
                end = q1 - 1  # a quoted phrase ending the sentence ("as "the first time ... back."") keeps no stop
            ctx.add(q0 + 1, end, "quote", 0, 0.85, subj, line_no, opens)


def _that_conjuncts(comp: Any) -> list[Any]:
    """Further that-clauses conjoined to a reported clause: "said Ukraine will lose ... and that Putin is ..."."""
    return [c for c in comp.rights if c.dep_ == "conj" and any(g.lower_ == "that" and g.dep_ == "mark"
                                                               for g in c.children)]


def _candidate_tokens(ctx: Ctx) -> list[int]:
    """Indices of the tokens `_reported` may act on, found from the token arrays: making a Token object for
    every word of every document costs more than all the rules."""
    from spacy.attrs import LEMMA, LOWER

    doc, cfg = ctx.doc, ctx.cfg
    if not len(doc):
        return []
    import numpy as np

    words = cfg.reporting_verbs | cfg.as_verbs | cfg.of_verbs | {"put"}
    strings = doc.vocab.strings
    pairs = doc.to_array([LOWER, LEMMA])
    # each distinct (word, lemma) pair is looked at once; numpy maps the answers back onto the tokens
    unique, inverse = np.unique(pairs, axis=0, return_inverse=True)
    hits = np.array([
        low_s in _FRAME_WORDS or lem_s in cfg.claim_nouns or bool(forms_of(low_s, lem_s) & words)
        for low_s, lem_s in ((strings[low], strings[lem].lower()) for low, lem in unique.tolist())
    ], dtype=bool)
    return np.flatnonzero(hits[inverse.ravel()]).tolist()


def _reported(ctx: Ctx) -> None:
    cfg = ctx.cfg
    for i in _candidate_tokens(ctx):
        tok = ctx.doc[i]
        lemma = tok.lemma_.lower()
        if tok.lower_ in ("according", "per"):
            according_to(ctx, tok)
        elif tok.lower_ in ("in", "by") and tok.dep_ == "prep":
            in_someones_view(ctx, tok)
        elif lemma in cfg.claim_nouns and tok.pos_ == "NOUN":
            statement_noun(ctx, tok)
        elif lemma == "put" and tok.pos_ == "VERB":
            put_at(ctx, tok)
        elif tok.pos_ in ("VERB", "ADJ"):
            forms = word_forms(tok)
            reporting, characterising = bool(forms & cfg.reporting_verbs), bool(forms & cfg.as_verbs)
            charging = bool(forms & cfg.of_verbs)
            if not (reporting or characterising or charging):
                continue
            if any((c.dep_ == "aux" and c.lower_ in _HYPOTHETICAL) or c.dep_ == "neg" for c in tok.children):
                continue  # "Kyiv may claim ...", "did not announce that ...": not a statement anyone made
            if characterising:
                as_phrase(ctx, tok)
            if charging:
                as_phrase(ctx, tok, "of")
            if reporting:
                _reported_clause(ctx, tok)


def _that_clause(verb: Any, after: int) -> Any | None:
    """The clause after token `after` that `verb` reports: a ccomp, or an advcl opened by "that"."""
    return next((c for c in verb.children if c.i > after and (c.dep_ == "ccomp" or (
        c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)))), None)


def _reported_clause(ctx: Ctx, tok: Any) -> None:
    comp = next((c for c in tok.children if c.dep_ == "ccomp" and not (c.i < tok.i and any(
        t.text == ";" for t in ctx.doc[c.right_edge.i : tok.i]))), None)  # "Russia says ...; Ukraine says ..."
    if comp is not None and comp.i < tok.i and tok.i + 1 < len(ctx.doc) and ctx.doc[tok.i + 1].lower_ == "that":
        comp = _that_clause(tok, tok.i) or comp  # "accused Ukraine of ...: the ministry claimed that [...]"
    shape = "reported"
    if comp is None:  # "claiming to have seized territory": a perfect infinitive reports a past fact
        comp = next((c for c in tok.rights if c.dep_ == "xcomp" and c.tag_ == "VBN" and {"to", "have"} <= {
            g.lower_ for g in c.children if g.dep_ == "aux"}), None)
        shape = "perfect-infinitive"
    if comp is None:  # "said in a statement that air defenses had downed ...": the clause hangs on the noun
        for prep in (c for c in tok.rights if c.dep_ == "prep" and c.lower_ in ("in", "on")):
            noun = next((c for c in prep.children if c.dep_ == "pobj" and c.lemma_.lower() in _MEDIUMS), None)
            comp = next((c for c in noun.rights if c.dep_ in ("acl", "ccomp") and any(
                g.dep_ == "mark" and g.lower_ == "that" for g in c.children)), None) if noun is not None else None
            if comp is not None:
                shape = "reported"
                break
    if comp is None:  # "telling reporters in December only that ...": the parser took the clause for an adverb's
        comp = _that_clause(tok, tok.i)
        shape = "reported" if comp is not None else shape
    speaker_verb = tok
    if comp is None and tok.dep_ == "relcl" and tok.head.dep_ == "attr" and tok.head.lower_ in _FIRSTS:
        # "The NIS was the first to say publicly, in October, that ...": the clause hangs on "was"
        speaker_verb = tok.head.head
        comp = _that_clause(speaker_verb, tok.i)
        shape = "reported" if comp is not None else shape
    if comp is None and tok.lemma_.lower() in _GERUND_VERBS:  # "Moscow denied losing ground"
        comp = next((c for c in tok.rights if c.dep_ in ("xcomp", "dobj", "ccomp") and c.tag_ == "VBG"), None)
        comp = comp if comp is not None else denied_object(tok)  # "Ukraine has denied any intention of ..."
        shape = "gerund"
    if comp is not None and comp.i < tok.i and any(t.text == ";" for t in ctx.doc[comp.right_edge.i : tok.i]):
        comp = None  # "four killed in ... strike; Kyiv says 43 drones shot down": a semicolon ends the report
    if comp is None and (reported_before(ctx, tok) or reported_object(ctx, tok)):
        return
    if comp is None and _loose_that(ctx, tok):
        return
    if comp is None:
        commented_clause(ctx, tok)
        return
    if _is_inner_report(tok, ctx.cfg):
        return  # reported together with the clause it is conjoined to, below
    subj = subject_of(speaker_verb)
    if subj is None and tok.tag_ == "VBG" and tok.dep_ == "advcl":  # "..., adding that ...": the speaker's
        subj = speaker_of(tok, ctx.cfg.reporting_verbs)
    if not can_source(subj):
        return
    conjuncts = _that_conjuncts(comp) if shape == "reported" else []
    inner = [t for t in comp.children if _is_inner_report(t, ctx.cfg)] if shape == "reported" else []
    others = [t for t in comp.subtree if t.i != comp.i and t.dep_ in ("conj", "advcl") and new_speaker(t, ctx.cfg)]
    exclude = frozenset(t.i for c in [*conjuncts, *inner, *others] for t in c.subtree)
    nested = _nested_report(comp, ctx.cfg) if shape == "reported" else None
    if nested is not None:  # "X said [Y said that A], while B": Y's own verb reports A; X reports only B
        exclude |= frozenset(t.i for t in comp.subtree if t.i <= nested.right_edge.i)
        rest = [t for t in comp.subtree if t.i not in exclude and not t.is_punct and not t.is_space]
        if len(rest) < 4:
            return
        exclude |= frozenset(t.i for t in rest[:1] if t.lower_ in CONTINUERS)
    inner_comps = [next(c for c in t.children if c.dep_ == "ccomp") for t in inner]
    for clause, excl in ((comp, exclude), *((c, frozenset()) for c in [*conjuncts, *inner_comps])):
        s, e = clause_span(clause, ctx.verbs, excl)
        if shape in ("perfect-infinitive", "gerund"):
            s = clause.left_edge.idx
        elif clause is comp and not inner and tok.dep_ not in ("relcl", "advcl", "acl"):
            e = to_clause_end(tok, e, ctx.cfg.reporting_verbs)
        elif tok.dep_ in ("relcl", "advcl", "acl") and ":" in ctx.text[s:e]:
            e = s + ctx.text[s:e].index(":")  # "where Kyiv hoped they would not be: in Donetsk"
        ctx.add(s, e, shape, 2, 0.75 if shape == "reported" else 0.65, subj)


_AND_THAT = re.compile(r"[\u201d\u2019\"]?,?\s+(?:and|but)\s+(?:also\s+)?that\s+")


def _second_that(ctx: Ctx) -> None:
    """"said A, and that B" / "but that B" where the parser did not join B to A's verb: B is a second claim of
    the same speaker, to the end of its sentence."""
    doc, text = ctx.doc, ctx.text
    for cand in [c for c in ctx.candidates if c.shape == "reported" and c.subject is not None]:
        m = _AND_THAT.match(text, cand.end)
        if m is None or any(c.start <= m.end() < c.end for c in ctx.candidates):
            continue
        first = doc.char_span(m.end(), m.end() + 1, alignment_mode="expand")
        if first is None:
            continue
        ctx.add(m.end(), _words_end(doc, first.sent.end, first.start), "reported", cand.rank, cand.score,
                cand.subject)


_BETWEEN_VERB_AND_THAT = frozenset({"ADV", "ADP", "DET", "NOUN", "PROPN", "ADJ", "PUNCT", "NUM"})


def _loose_that(ctx: Ctx, verb: Any) -> bool:
    """"Vasylkevych said that about 40% of people ... drop out", "Kyiv said at the time that its forces had ...":
    a "that" the parser made no clause of (an object, or hung elsewhere) still opens what the verb reports, to
    the end of the sentence. Between verb and "that" only an adverbial may stand ("at the time", "repeatedly")."""
    doc, sent_end = ctx.doc, verb.sent.end
    that = next((t for t in doc[verb.i + 1 : min(verb.i + 7, sent_end)] if t.lower_ == "that"), None)
    if that is None or that.i + 3 >= sent_end or not (that.tag_ == "IN" or doc[that.i - 1].lower_ == "time"):
        return False
    if any(t.pos_ not in _BETWEEN_VERB_AND_THAT or t.text in ('"', ":", ";") for t in doc[verb.i + 1 : that.i]):
        return False
    if any(t.dep_ in ("dobj", "dative") and t.i < that.i for t in verb.children):
        return False  # "told reporters that ...", "warned Kyiv that ...": the parser's own shapes handle those
    subj = subject_of(verb)
    if not can_source(subj):
        return False
    ctx.add(doc[that.i + 1].idx, _words_end(doc, sent_end, that.i), "reported", 2, 0.7, subj)
    return True


def _words_end(doc: Any, sent_end: int, floor: int) -> int:
    """Where the words of the sentence ending before token `sent_end` end, past its closing punctuation (but not
    before token `floor`)."""
    last = doc[sent_end - 1]
    while last.i > floor and (last.is_punct or last.is_space):
        last = doc[last.i - 1]
    return last.idx + len(last.text)


def _nested_report(comp: Any, cfg: SuggestConfig) -> Any | None:
    """The clause a reported clause itself reports, when it is one: "Ukraine's air force said it had shot
    down ..." inside "..., officials said"."""
    subj = subject_of(comp)
    if not is_reporting_verb(comp, cfg) or subj is None:  # ("families were told ..." reports nothing
        return None  # of the families': the outer speaker reports it all)
    if subj.pos_ == "NOUN" and not (people_noun(subj, cfg) or subj.ent_type_ or subj.lower_ in BODIES
                                    or subj.lemma_ in _FINDINGS):
        return None  # "said the rotation suggested that ...": a thing shows it, the speaker reports it all
    if subj.pos_ == "NOUN" and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in subj.children):
        return None  # "said his own data suggested ...": the speaker's own data, reported whole by the speaker
    nested = next((c for c in comp.children if c.dep_ == "ccomp"), None)
    if nested is not None and (nested.left_edge.tag_ in ("WP", "WRB") or nested.left_edge.lower_ == "whether"):
        return None  # "cautioned that prisoners may tell visitors what they think ...": a question, no report
    return nested


def _is_inner_report(tok: Any, cfg: SuggestConfig) -> bool:
    """A reporting verb conjoined inside a reported clause, sharing its speaker: "Stupak points out that A and
    believes B" (the parser hangs "believes" on A's verb)."""
    head = tok.head
    return (tok.dep_ == "conj" and head.dep_ == "ccomp" and is_reporting_verb(tok, cfg)
            and own_subject(tok) is None and any(c.dep_ == "ccomp" for c in tok.children)
            and is_reporting_verb(head.head, cfg))


def _select(ctx: Ctx) -> list[Candidate]:
    """Resolve overlaps: a reported clause replaces a quotation that starts inside it, and the clause of a named
    speaker replaces the "according to" frame around it ("X claimed that ..., according to Y": X makes the claim);
    otherwise the lower rank wins. A report made inside a kept quotation by someone else stays too, nested."""
    cands = ctx.candidates
    dropped = {
        id(q) for q in cands if q.shape == "quote" and any(
            r is not q and r.shape not in ("quote", "answer") and q.start < r.end and (
                r.start < q.start - 1 or (r.shape == "as-phrase" and r.start <= q.start))  # 'as "..."'
            for r in cands
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
    quotes = [k for k in kept if k.shape in ("quote", "answer")]  # (an interview answer is a quotation too)
    nested: list[Candidate] = []
    for c in cands:
        c.inside = None  # chosen afresh each time: a quotation dropped for want of a speaker nests nothing
    for c in sorted(cands, key=lambda c: (c.rank, c.start - c.end)):
        quote = next((q for q in quotes if q.start <= c.start and c.end <= q.end), None)
        if (quote is None or (c.shape == "quote" and quote.shape == "quote") or id(c) in dropped or c.subject is None
                or not reports_inside(c.subject, c.start, ctx.cfg) or not quote.start <= c.subject.idx < quote.end
                or any(c.start < k.end and k.start < c.end for k in nested)):
            continue
        c.inside = quote  # "My son said, ‘Mama, we crossed’": a report inside the quotation is the son's too
        nested.append(c)
    return sorted(kept + nested, key=lambda c: c.start)


def claim_suggestions(
    doc: Any, text: str, cfg: SuggestConfig, actors: list[Suggestion], junk: list[tuple[int, int]]
) -> tuple[list[Suggestion], list[tuple[Suggestion, Suggestion]]]:
    """CLAIM suggestions and their (claim, source actor) links. New speaker actors are appended to `actors`."""
    ctx = Ctx(doc, text, cfg, actors)
    _quotes(ctx)
    _reported(ctx)
    _second_that(ctx)
    transcript_claims(ctx)
    bullet_claims(ctx)
    summary_bullets(ctx)
    headline_claims(ctx, junk)
    interview_claims(ctx)
    labelled_interview_claims(ctx, junk)
    for _ in range(3):
        claims, links, unsourced = _attribute(ctx, junk)
        if not unsourced:
            break
        # A frame whose speaker cannot be found ("..., officials said" around "X said that ...") must not hide
        # the claims inside it: drop it and choose again. A quotation without a speaker stays: once the frame
        # is gone it may continue the speaker before it.
        ctx.candidates = [c for c in ctx.candidates if id(c) not in unsourced]
    quoted_subheads(ctx, claims, links)
    return claims, links


def _conjoined_speakers(ctx: Ctx, subject: Any) -> list[Suggestion]:
    """The actors of the speakers conjoined after a claim's subject, who speak with it: "medics and officials
    told", "Released prisoners and rights groups describe" (a generic plural among them, "analysts", is none)."""
    found = []
    for conj in subject.conjuncts:
        if conj.i > subject.i and conj.dep_ == "conj" and conj.pos_ in ("NOUN", "PROPN") and people_noun(
                conj, ctx.cfg):
            actor = ctx.resolve(conj, 1)[0]
            if actor is not None:
                found.append(actor)
    return found


def _attribute(ctx: Ctx, junk: list[tuple[int, int]]
               ) -> tuple[list[Suggestion], list[tuple[Suggestion, Suggestion]], set[int]]:
    """The selected candidates with their sources, and the ids of those whose own speaker (a subject) was named
    but could not be resolved to an actor."""
    text, cfg = ctx.text, ctx.cfg
    claims: list[Suggestion] = []
    links: list[tuple[Suggestion, Suggestion]] = []
    unsourced: set[int] = set()
    last: tuple[Suggestion, int] | None = None  # the last source and its line
    spoken: dict[int, Suggestion] = {}  # id(candidate) -> its source
    for cand in _select(ctx):
        if in_ranges(cand.start, cand.end, junk):
            continue
        source, how = (cand.source, "interview") if cand.source is not None else (None, "")
        subject = cand.subject
        if subject is not None and in_ranges(subject.idx, subject.idx + len(subject.text), junk):
            # "Kyiv, Ukraine CNN — A North Korean soldier ... says": the parser took the dateline for the subject
            subject = next((t for t in subject.subtree if t.dep_ == "appos" and not in_ranges(
                t.idx, t.idx + len(t.text), junk)), None)
        if source is None and subject is not None:
            source, how = ctx.resolve(subject, inner=cand.shape == "according-to",
                                      opens_paragraph=cand.shape == "quote" and cand.opens_line)
            partners = _conjoined_speakers(ctx, subject)
            if source is None and partners and subject.lower_ in cfg.generic_plurals:
                # "traders and logistics managers say": the managers speak
                source, how = partners[0], "named"
        line = cand.line if cand.line >= 0 else ctx.line_of(cand.start)
        if source is None and cand.subject is not None and cand.subject.lower_ == "it" and last is not None \
                and line - last[1] <= 4 and not ctx.is_person(last[0]):
            source, how = last[0], "pronoun"  # "It said 152 drones were destroyed": the body that spoke last
        if source is None and cand.subject is not None and cand.subject.lower_ == "it":
            # "Russia's Defense Ministry dismissed the claims. In a statement ..., it said ...": the body named
            source = ctx.last_organisation(cand.subject.idx, within=300)  # just before, though it spoke not yet
            how = "pronoun" if source is not None else how
        if source is None and cand.shape == "quote" and last is not None and not is_quoted_subhead(
                ctx.lines[line][1]):  # (a quoted subhead is the section's: `quoted_subheads` finds its speaker)
            same_line = cand.line == last[1]
            if same_line or (cand.opens_line and 0 < cand.line - last[1] <= 4):
                source, how = last[0], "continued"
        if cand.inside is not None:
            source, how = inner_speaker(ctx, cand, source, how, spoken.get(id(cand.inside)))
            if source is not None:
                claim = Suggestion(cand.start, cand.end, cfg.claim_label, cand.score - 0.1, attributes={
                    "rule": f"{cand.shape} in a quotation", "source_found": how,
                    "source_text": text[source.start : source.end]})
                claims.append(claim)
                links.append((claim, source))
            continue
        if source is None:
            if cand.subject is not None:  # its own speaker was not found (a quote without one may be next time)
                unsourced.add(id(cand))
            continue
        score = cand.score - (0.15 if how == "pronoun" else 0.25 if how == "continued" else 0.0)
        start = next((b for a, b in junk if a <= cand.start < b < cand.end), cand.start)  # past a dateline
        start += len(text[start : cand.end]) - len(text[start : cand.end].lstrip())
        claim = Suggestion(start, cand.end, cfg.claim_label, score, attributes={
            "rule": cand.shape, "source_found": how, "source_text": text[source.start : source.end],
        })
        claims.append(claim)
        links.append((claim, source))
        last = (source, line)
        spoken[id(cand)] = source
    return claims, links, unsourced
