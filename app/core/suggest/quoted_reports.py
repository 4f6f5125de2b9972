"""Reports made inside a quotation by someone other than the one quoted: in "“The agent said it was a job in a
warehouse,” Kaur said" the quotation is Kaur's claim and "it was a job in a warehouse" the agent's (the
annotators tag both). Which inner subjects speak (`reports_inside`) and who they are (`inner_speaker`); the
candidates are chosen in app.core.suggest.claims."""

from __future__ import annotations

from typing import Any

from app.core.suggest.base import Suggestion
from app.core.suggest.config import SuggestConfig
from app.core.suggest.sources import PRONOUNS, Candidate, Ctx
from app.core.suggest.unnamed_sources import people_noun

_SPEAKING_THEMSELVES = frozenset({"i", "we", "you", "it", "they"})  # in a quotation: the speaker, or no one named


def _same_speaker(text: str, actor: Suggestion, other: Suggestion | None) -> bool:
    """Two mentions of one speaker, by the last word ("Gorbacheva", "Natalya Gorbacheva")."""
    return other is not None and text[actor.start : actor.end].lower().split()[-1:] == text[
        other.start : other.end].lower().split()[-1:]


def reports_inside(tok: Any, start: int, cfg: SuggestConfig) -> bool:
    """The subject of a report made inside a quotation by someone other than the one quoted: a person, a body
    or a name, stating in a main clause ("Then the commander said, ‘...’"); not a habit or a hypothesis ("the
    generals have been reporting victories", "until the military says it is safe", "A commander who writes
    that ...") nor what "One" (of two stations) says."""
    if tok.lower_ in _SPEAKING_THEMSELVES or tok.lower_ in cfg.generic_plurals or tok.pos_ == "NUM" or not (
            tok.lower_ in PRONOUNS or people_noun(tok, cfg)):
        return False
    if any(r.dep_ == "relcl" and r.left_edge.idx <= start <= r.right_edge.idx for r in tok.children):
        return False
    verb = tok.head
    return verb.pos_ != "VERB" or not (verb.dep_ in ("relcl", "advcl", "acl") or verb.tag_ == "VBG" or any(
        c.dep_ == "mark" and c.lower_ != "that" for c in verb.children))


def inner_speaker(ctx: Ctx, cand: Candidate, source: Suggestion | None, how: str, outer: Suggestion | None
                  ) -> tuple[Suggestion | None, str]:
    """The speaker of a report inside a quotation, who is not the one quoted: "“The agent said it was a job in a
    warehouse,” Kaur said" is the agent's (a description inside a quotation never stands for the person the
    paragraph named: that one is speaking)."""
    subj = cand.subject
    if subj.lower_ in PRONOUNS:  # "“He said we should wait ...,” she said": only someone this paragraph named
        here = source is not None and source.start >= ctx.paragraph_start(cand.inside.start)
        return (source, how) if here and not _same_speaker(ctx.text, source, outer) else (None, "")
    named_here = source is not None and subj.left_edge.idx <= source.start < subj.right_edge.idx + len(
        subj.right_edge.text)  # "a woman named Nina Ryabtseva told me"
    if source is not None and how != "continued" and (subj.lower_ not in ctx.cfg.witness_nouns or named_here) \
            and not _same_speaker(ctx.text, source, outer):  # ("the agent said" inside a quotation is nobody named)
        return source, how
    if subj.pos_ == "NOUN" and people_noun(subj, ctx.cfg) and any(c.dep_ in ("det", "poss") for c in subj.lefts):
        mods = [c for c in subj.lefts if c.dep_ in ("amod", "compound", "nmod", "nummod")]
        return ctx.new_actor(mods[0].left_edge if mods else subj, subj, "unnamed"), "described"
    return None, ""
