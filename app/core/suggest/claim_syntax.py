"""Clause syntax shared by the claim rules: a reporting verb's subject and speaker, the extent of a reported
clause (without a trailing comment, to the end of its sentence where it runs on) and where another speaker's
report starts."""

from __future__ import annotations

from typing import Any

from app.core.suggest.base import is_age_old, object_of, word_forms
from app.core.suggest.config import SuggestConfig

MARKS = frozenset({"that", "if", "whether", ":", ",", "-", "--", '"', "'"})
NO_SOURCE = frozenset({"i", "we", "you", "it", "they", "this", "that", "which", "who"})
CUT_DEPS = frozenset({"dobj", "appos", "npadvmod", "advcl"})
# participles of these stay in the clause: "he misjudged Russia, believing he could stop the Russians ..."
MENTAL_VERBS = frozenset({"believe", "think", "hope", "fear", "expect", "feel", "assume", "consider", "point"})
CONTINUERS = frozenset({"while", "whereas", "where", "which", "who", "that", "because", "since", "although",
                         "though", "when"})


def own_subject(tok: Any) -> Any | None:
    """The verb's subject; of two (the parser takes a dateline "KYIV, March 12 —" for one) the nearer."""
    subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
    return min(subjects, key=lambda c: abs(c.i - tok.i)) if subjects else None


def passive_reporter(verb: Any) -> Any | None:
    """Who reports in the passive: "as was reported by the military department", "In the Kremlin it was stated
    that ...", "..., it was noted in the department", "As noted in the administration, ..."."""
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    bare_as = verb.tag_ == "VBN" and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children) and not any(
        c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)  # "As noted in the administration, ..."
    if agent is None and (bare_as or any(c.dep_ == "nsubjpass" and c.lower_ == "it" for c in verb.children)):
        agent = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "in"), None)
    return object_of(agent)


def impersonal(subj: Any | None) -> bool:
    """No subject, or the "it" of an impersonal passive ("it was noted"): who reports is said elsewhere."""
    return subj is None or (subj.lower_ == "it" and subj.dep_ == "nsubjpass")


_SPEECH_PARTICIPLES = frozenset({"saying", "claiming", "arguing", "insisting", "warning", "stressing", "noting"})


def _trailing_participle(verb: Any) -> bool:
    """"The Kremlin dismissed the report, saying ...": a speech participle after a comma, hung on a main clause
    (not on a reported one: "said units had repelled 40 assaults, adding that ..." is the reporter's)."""
    return verb.dep_ == "advcl" and verb.lower_ in _SPEECH_PARTICIPLES and verb.i > 0 and \
        verb.doc[verb.i - 1].text == "," and verb.head.dep_ in ("ROOT", "conj")


# verbs whose passive subject is who hears the report: "the families were told their sons had gone ..."
_HEARER_VERBS = frozenset({"tell", "inform", "warn", "assure", "remind", "advise", "brief", "promise", "reassure"})


def subject_of(verb: Any) -> Any | None:
    """The subject of a reporting verb, or of the verb it is conjoined to, completes or (as a participle, "...,
    saying that ...") follows; in the passive, who the report is by ("it was stated in the Kremlin that ...")."""
    own = own_subject(verb)
    if own is not None and own.dep_ == "nsubjpass" and verb.lemma_.lower() in _HEARER_VERBS:
        return object_of(next((c for c in verb.children if c.dep_ == "agent"), None))  # "was told by X": X
    if impersonal(own) and verb.tag_ == "VBN":
        reporter = passive_reporter(verb)
        if reporter is not None:
            return reporter
    if verb.dep_ == "acl" and verb.head.dep_ == "ROOT" and verb.head.pos_ in ("NOUN", "PROPN") and any(
            c.dep_ == "ccomp" for c in verb.children):
        return verb.head  # a misparse of "Seoul's intelligence service estimated that ..." as a noun phrase
    if verb.dep_ == "acl" and verb.lower_ in _SPEECH_PARTICIPLES and verb.head.dep_ == "pobj" and (
            verb.head.head.lower_ == "with"):
        return verb.head  # "..., with several capitals arguing that ...": the capitals argue
    if own is None and verb.tag_ == "VBD" and verb.i > 0 and verb.doc[verb.i - 1].is_punct:
        # '"...," said one U.S. official, who like others ... spoke on the condition ...': the parser hung the
        # speaker on the clause after it
        for comp in (c for c in verb.rights if c.dep_ == "ccomp"):
            inverted = own_subject(comp)
            if inverted is not None and inverted.left_edge.i == verb.i + 1 and inverted.i < comp.i \
                    and inverted.i + 1 < len(verb.doc) and verb.doc[inverted.i + 1].text == ",":
                return inverted
    aged = next((c for c in verb.lefts if is_age_old(c)), None) if own is None else None
    if aged is not None:
        return aged  # '"...," the 71-year-old says': the parser hung the age on the verb
    for _ in range(3):
        subj = own_subject(verb)
        if subj is not None and subj.lower_ in ("who", "which") and verb.dep_ == "relcl":
            return verb.head  # "The man, who said he was 26, ...": the man speaks
        if subj is not None:
            return subj
        if verb.pos_ == "ADJ" or verb.dep_ in ("conj", "xcomp", "acomp") or _trailing_participle(verb):
            verb = verb.head  # "..., saying the economy was stable": the participle's subject is the clause's
        else:
            break
    if verb.dep_ == "ROOT":
        return _subject_asked_first(verb) or _named_before_apposition(verb)
    return None


# "The ministry, asked about the results, said ...": participles set off by commas between speaker and verb
_ASKED = frozenset({"ask", "contact", "reach", "question", "press", "approach", "invite"})


def _subject_asked_first(verb: Any) -> Any | None:
    """"The defence ministry, asked about the results, said that ...", which the parser reads as the ministry
    asking (a clause of its own) and "said" with no subject: the one who was asked speaks."""
    doc = verb.doc
    if verb.i < 2 or doc[verb.i - 1].text != ",":
        return None
    for comp in (c for c in verb.lefts if c.dep_ in ("ccomp", "advcl") and c.tag_ in ("VBD", "VBN")):
        subj = own_subject(comp)
        if comp.lemma_.lower() in _ASKED and subj is not None and subj.i < comp.i and doc[comp.i - 1].text == ",":
            return subj
    return None


def _named_before_apposition(verb: Any) -> Any | None:
    """"In Brussels, Annelise Vermeulen, a senior EU official who works on sanctions, argued that ...", which the
    parser reads with no subject (the name a conjunct of "Brussels"): the person named before the description
    set off by commas that ends right before the verb."""
    doc = verb.doc
    if verb.i < 3 or doc[verb.i - 1].text != ",":
        return None
    for i in range(verb.i - 2, verb.sent.start, -1):
        tok = doc[i]
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("relcl", "acl") and tok.head.dep_ not in ("relcl", "acl"):
            return None  # a clause of its own in between: no apposition
        if tok.ent_type_ == "PERSON" and doc[i + 1].text == ",":
            return tok  # the last word of the name, just before the description
    return None


def can_source(subj: Any | None) -> bool:
    """A subject that may name a source: not "I", "we" or a relative pronoun; "it said" (an organisation
    named before) only as the active subject."""
    return subj is not None and (subj.lower_ not in NO_SOURCE or (subj.lower_ == "it" and subj.dep_ == "nsubj"))


def is_reporting_verb(tok: Any, cfg: SuggestConfig) -> bool:
    return tok.lemma_.lower() in cfg.reporting_verbs and tok.pos_ == "VERB"


def speaker_of(verb: Any, reporting: frozenset[str]) -> Any | None:
    """The subject of `verb`, or for a participle without one ("..., describing the region as ...") the subject
    of the reporting verb it hangs from."""
    own = subject_of(verb)
    if own is not None or verb.tag_ not in ("VBG", "VBN"):
        return own
    for anc in verb.ancestors:
        subj = own_subject(anc)
        if subj is not None and word_forms(anc) & reporting:
            return subj
    return None


def cut_comment(toks: list[Any], verbs: frozenset[str]) -> list[Any]:
    """Drop a trailing comment on the clause: ", a sentiment echoed by ...", ", describing the region as ...",
    ", according to ..."."""
    if not toks:
        return toks
    last = toks[-1].i
    first = toks[0].i
    for t in toks:
        for c in t.rights:
            if (c.dep_ not in CUT_DEPS and c.lower_ != "according") or c.left_edge.i - 1 <= first \
                    or c.right_edge.i < last - 1:
                continue
            if c.dep_ == "advcl" and (c.tag_ != "VBG" or c.lemma_.lower() not in verbs or c.lemma_ in MENTAL_VERBS
                                      or any(g.dep_ in ("mark", "nsubj", "nsubjpass") for g in c.children)):
                continue  # only a reporting participle: ", describing the region as ...", ", adding that ..."
            comma = c.doc[c.left_edge.i - 1]
            if comma.text == ",":
                return [x for x in toks if x.i < comma.i]
    return toks


def clause_span(head: Any, verbs: frozenset[str], exclude: frozenset[int] = frozenset()) -> tuple[int, int]:
    toks = [t for t in head.subtree if t.i not in exclude]
    mark = next((c for c in head.children if c.dep_ == "mark" and c.lower_ == "that"), None)
    if mark is not None and all(t.pos_ == "ADV" for t in toks if t.i < mark.i):
        toks = [t for t in toks if t.i > mark.i]  # "(told reporters) only that ...": the adverb is the teller's
    while toks and (toks[0].lower_ in MARKS or toks[0].is_space):
        toks.pop(0)
    toks = cut_comment(toks, verbs)
    while toks and (toks[-1].is_punct or toks[-1].is_space or toks[-1].dep_ == "cc") and toks[-1].text not in (
        ".", "!", "?"
    ):
        toks.pop()
    if toks and toks[-1].text in (".",):
        toks.pop()
    if not toks:
        return 0, 0
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def new_speaker(tok: Any, cfg: SuggestConfig) -> bool:
    """A reporting verb with its own subject and clause: "..., and Ukraine's foreign ministry insisted that"
    starts another speaker's claim, so the clause before it ends there."""
    return is_reporting_verb(tok, cfg) and own_subject(tok) is not None and any(
        c.dep_ == "ccomp" for c in tok.children)


def to_clause_end(verb: Any, end: int, reporting: frozenset[str]) -> int:
    """Where a claim ending at char `end` really ends: the reported clause runs on to the end of the sentence
    through an elaboration after a colon or a trailing "while ..." / "which ..." clause the parser hung on the
    reporting verb ("describes the conflict as a war of attrition, where ..., while Ukraine tries to ...")."""
    sent = verb.sent
    rest = [t for t in sent if t.idx >= end and not t.is_space]
    while rest and rest[-1].is_punct:
        rest.pop()
    if not rest or any(t.text in ('"', "'") or t.lower_ == "according" or (t.pos_ in ("VERB", "ADJ") and (
            t.dep_ in ("advcl", "conj") and t.tag_ == "VBG")) or (t.pos_ == "VERB" and t.lemma_.lower() in
            reporting and own_subject(t) is not None) for t in rest):
        return end
    lead = rest[1] if rest[0].text == "," and len(rest) > 1 else rest[0]
    if rest[0].text == ":" or lead.lower_ in CONTINUERS:
        return rest[-1].idx + len(rest[-1].text)
    return end


_NOT_DENIALS = frozenset({"access", "entry", "visa", "permission", "request", "application", "bail", "service"})


def denied_object(verb: Any) -> Any | None:
    """What `verb` ("deny") denies when it is a noun: "Ukraine has denied any intention of attacking the plant",
    "U.S. officials deny any role" (not "was denied entry", "denied him a visa")."""
    if verb.lemma_.lower() != "deny" or any(c.dep_ in ("dative", "nsubjpass") for c in verb.children):
        return None
    return next((c for c in verb.rights if c.dep_ == "dobj" and c.pos_ == "NOUN"
                 and c.lemma_.lower() not in _NOT_DENIALS), None)
