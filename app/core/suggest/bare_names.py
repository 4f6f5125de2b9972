"""Names the recogniser calls a person or an organisation but that have no acting role and are no actor: places it
mislabelled ("a schoolteacher from Goncharovka", "the settlements of Olgovka", "the Kursk and Rostov regions", "the
highway between Shebekino and ..."), weapons ("Bradleys", "Iskander-M ballistic missiles"), funds ("the European
Peace Facility"), platforms ("wrote on VKontakte"), other names of something named already ("known as the Storm
Corps"), and subheads, bylines and signatures ("Rating Pressure", a name alone on its line). Only names with no
role are judged here: "Kyiv hopes" or "Bradley said" never come this way.
"""

from __future__ import annotations

from typing import Any

from app.core.suggest.actor_roles import LINES, first_conjunct
from app.core.suggest.config import SuggestConfig
from app.core.suggest.normalize import SENTENCE_END

# nouns whose of-object, or whose modifiers in a list, are places or kinds of thing: "the settlements of Olgovka",
# "the Kursk and Rostov regions", "Orlan and Zala types", "Stryker and Bradley armored vehicles"
_PLACE_OF = frozenset({"settlement", "settlements", "centre", "center", "part", "parts", "outskirts", "edge",
                       "direction", "towns", "cities", "suburbs"})
_LIST_HEADS = frozenset({"regions", "districts", "oblasts", "hromadas", "settlements", "villages", "provinces",
                         "types", "vehicles", "models", "variants", "pickups", "pickup", "trucks", "truck", "cars",
                         "vans", "jeeps", "suvs", "lorries", "buses", "terminals"})  # "Toyota and Mitsubishi pickups"
_WEAPONS = frozenset({"missile", "missiles", "drone", "drones", "rocket", "rockets", "system", "systems", "vehicle",
                      "vehicles", "launcher", "launchers", "tank", "tanks", "bomb", "bombs", "shells"})
_ALIAS_VERBS = frozenset({"know", "call", "dub", "nickname", "brand", "rename"})
_PLACE_EXAMPLES = frozenset({"regions", "cities", "towns", "villages", "places", "areas", "countries"})
_PLACE_VERBS = frozenset({"leave", "flee", "enter", "evacuate"})  # what one leaves or enters is a place
_COMMITTEE_SEATS = frozenset({"sit", "serve"})  # "who sits on the House Intelligence Committee"
_MOVES = frozenset({"go", "move", "return", "flee", "evacuate", "bus", "travel", "head", "relocate", "leave"})
_MESSAGES = frozenset({"letter", "letters", "message", "messages", "call", "calls", "email", "note", "word", "text",
                       "parcel", "package", "news", "quote"})  # "a single letter from Vitalii": a person, not a place
_ORG_WORDS = frozenset({"college", "university", "academy"})  # "a doctorate from King's College London"


def _line(span: Any) -> str:
    """The line `span` stands on, read from the tokens around it (`doc.text` would join the whole document)."""
    doc = span.doc
    first, last = span.start, span.end - 1
    while first > 0 and "\n" not in doc[first - 1].text_with_ws:
        first -= 1
    while last + 1 < len(doc) and "\n" not in doc[last].text_with_ws:
        last += 1
    return doc[first : last + 1].text.strip()


def _heading_or_byline(span: Any) -> bool:
    """The name stands alone on its line (a byline or signature) or in a short title-case line ("Rates Outlook",
    "Counting The Columns"), not in a sentence."""
    line = _line(span)
    words = [w for w in line.split() if w[:1].isalpha()]
    if line == span.text.strip() or (line.startswith("By ") and len(words) <= 8):
        return True  # "By Daria Kholmogorova and Tobias Wentcomb", but not "By September, the Atlantic ..."
        # (credit lines such as "Abridged translation by X" are furniture: normalize.junk_ranges)
    if line.endswith(SENTENCE_END) or not words or len(words) > 10:
        return False
    long_words = [w for w in words if len(w) > 3]
    return bool(long_words) and all(w[:1].isupper() for w in long_words)


def _listed_with_places(root: Any, one_word: bool, cfg: SuggestConfig) -> bool:
    """One of a list of places or kinds: "over the Belgorod, Oryol, Lipetsk and Tula regions", "in the area of the
    settlements of Lyubimovka and Snagost"."""
    first = first_conjunct(root)
    if first is root:
        return False
    head = first.head
    if first.dep_ in ("nmod", "compound", "amod") and head.lower_ in _LIST_HEADS:
        return True
    if one_word and (first.ent_type_ in ("GPE", "LOC", "FAC") or first.lower_ in cfg.never_actors):
        return True  # but "In Brussels, Annelise Vermeulen, a senior EU official"
    return first.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in (_PLACE_OF | cfg.place_heads)


def _by_preposition(doc: Any, start: int, end: int, head: Any, cfg: SuggestConfig) -> bool:
    """A place, platform or alias by the preposition that governs it."""
    span = doc[start:end]
    prep, governor = head.lower_, head.head
    has_org_word = any(t.lower_ in cfg.org_heads or t.lower_ in _ORG_WORDS for t in span)
    bare = start == 0 or doc[start - 1].lower_ not in ("the", "its", "their")
    acronym = len(span) == 1 and span[0].text.isupper()
    if prep == "of":
        return governor.lower_ in _PLACE_OF
    if prep == "from":  # "a schoolteacher from Goncharovka", "staff from Kurchatov"; but "questions from The
        return (bare and not has_org_word and not acronym and span[0].lower_ != "the"  # Moscow Times", "from
                and governor.lower_ not in _MESSAGES)  # UNHCR"
    if prep == "to":  # "the rest have gone to Poltava", "a bus to Poltava"
        return bare and not has_org_word and governor.lemma_ in _MOVES
    if prep == "on":  # "wrote on VKontakte", "on Capitol Hill"; but "sits on the Armed Services Committee"
        return governor.lemma_ not in _COMMITTEE_SEATS and governor.lower_ not in cfg.org_heads and not has_org_word
    if prep in ("between", "with"):  # "the highway between Shebekino and the regional capital"
        return governor.lower_ in LINES
    if prep == "as":  # "also known as the Storm Corps"; "border regions such as Belgorod and Bryansk"
        if governor.lemma_ in _ALIAS_VERBS:
            return True
        if governor.lower_ == "such":
            return governor.head.lower_ in _PLACE_EXAMPLES
        return governor.lower_ in _PLACE_EXAMPLES and any(c.lower_ == "such" for c in head.children)
    return False


def bare_name_is_no_actor(doc: Any, start: int, end: int, root: Any, label: str, cfg: SuggestConfig) -> bool:
    """The name doc[start:end], which has no acting role, is a place, weapon, platform, alias or heading."""
    span = doc[start:end]
    last = span[-1]
    if last.lower_ in _WEAPONS and len(span) > 1:
        return True  # "four Iskander-M ballistic missiles"
    if len(span) == 1 and last.tag_ == "NNPS" and last.text.endswith("s") and not last.text[:-1].isupper():
        return True  # "hundreds of Bradleys", "they had Lancets", "families like the Uvarkins"
    if _heading_or_byline(span):
        return True
    if len(span) == 1 and start >= 2 and doc[start - 1].text == "(" and doc[start - 2].is_lower and (
            doc[start - 2].is_alpha):
        return True  # "telephone (CATI) and online (CAWI) interviews": the short form of a common word
    if len(span) > 1 and (last.lower_ == "facility" or (last.lower_ == "fund" and root.head.lower_ != "at")):
        return True  # "reimbursements from the European Peace Facility" (but "a fellow at the German Marshall Fund")
    if _listed_with_places(root, label != "PERSON" or len(span) == 1, cfg):
        return True
    head, first = root.head, first_conjunct(root)
    if (root.dep_ in ("nmod", "compound") and head.lower_ in _LIST_HEADS) or (
            first.dep_ in ("nmod", "compound") and first.head.lower_ in _LIST_HEADS):
        return True  # "the Kursk and [Rostov] regions" when the parser hangs the name on the noun itself
    if root.dep_ == "dobj" and head.lemma_.lower() in _PLACE_VERBS and not any(
            t.lower_ in cfg.org_heads for t in span) and not any(c.lower_ == "with" for c in head.children):
        return True  # "31 people had left Vysoke", "marines had entered Olgovka"; but "leaves Putin with a choice"
    return root.dep_ == "pobj" and _by_preposition(doc, start, end, head, cfg)
