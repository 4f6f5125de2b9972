"""Whose report "the report" is: "Border Rights Monitor said in a report released on Thursday ... The report finds
that ..." is the group's claim, as the annotators tag it, and so is "The General Staff reported on Sept. 19 ...
According to the report, ..." and "an August study by the Merriden Institute ... The study also estimates".

The owner is read off the nearest earlier mention that names one: the noun's possessor or "by"/"from" object, the
subject of the verb it was made "in", or the subject of "reported". `ctx` is the claim rules' `sources.Ctx`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from app.core.suggest.base import Suggestion, object_of

if TYPE_CHECKING:
    from app.core.suggest.sources import Ctx

_OWNED = frozenset({"report", "study", "survey"})  # a publication someone named earlier put out
_MADE_IN = frozenset({"in", "with"})  # "said in a report", "came out with a study"


def is_bare_mention(tok: Any) -> bool:
    """"the report" with nothing to say whose it is (not "a report", "the latest ISW report", "the UN report")."""
    return tok.lemma_ in _OWNED and tok.pos_ == "NOUN" and [c.lower_ for c in tok.lefts] == ["the"] and not any(
        c.dep_ == "prep" for c in tok.rights)


def earlier_owner(ctx: Ctx, tok: Any) -> Suggestion | None:
    """The actor whose report (study, survey) the bare "the report" at `tok` is, or None when no earlier mention
    of it names one."""
    doc = ctx.doc
    for prev in reversed(doc[: tok.i]):
        if prev.lemma_ != tok.lemma_:
            continue
        owner = _owner_named_at(prev)
        if owner is not None:
            found = ctx.resolve(owner, 1)[0]
            if found is not None:
                return found
    return None


def _owner_named_at(mention: Any) -> Any | None:
    """The word that names who made `mention` (a noun "report" or the verb "reported"), if this mention names one."""
    if mention.pos_ in ("VERB", "AUX"):  # "the General Staff ... reported on Sept. 19"
        return next((c for c in mention.children if c.dep_ == "nsubj"), None)
    if mention.pos_ != "NOUN":
        return None
    poss = next((c for c in mention.lefts if c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN")), None)
    if poss is not None:  # "the institute's report"
        return poss
    by = object_of(next((c for c in mention.rights if c.dep_ == "prep" and c.lower_ in ("by", "from")), None))
    if by is not None:  # "an August study by the Merriden Institute"
        return by
    prep = mention.head
    if mention.dep_ == "pobj" and prep.lower_ in _MADE_IN and prep.head.pos_ == "VERB":
        return next((c for c in prep.head.children if c.dep_ == "nsubj"), None)  # "X said in a report"
    return None
