"""Names the recogniser missed: organisation names ending in an organisation word, names after a title, names
an apposition describes, social-media handles and acronyms. Each finder returns (start, end, label, need_role)
token ranges for `actors.actor_suggestions` to judge like the recogniser's own names."""

from __future__ import annotations

import re
from typing import Any

from app.core.suggest.base import in_ranges
from app.core.suggest.config import SuggestConfig

# nouns that describe a person: an organisation in front of one is an affiliation ("a senior EU official", "a U.S.
# Army general"), and "the expert" later stands for the person the noun described (app/core/suggest/sources.py)
PERSON_NOUNS = frozenset({
    "general", "colonel", "officer", "fellow", "analyst", "expert", "researcher", "professor", "commander",
    "lieutenant", "major", "adviser", "advisor", "veteran", "economist", "scholar", "specialist", "historian",
    "diplomat", "lawmaker", "journalist", "governor", "mayor", "minister", "ambassador", "prosecutor", "judge",
    "lawyer", "witness", "correspondent", "reporter", "presenter", "anchor", "blogger", "milblogger",
})
# nouns that describe an organisation: "FrontLine Atlas, a volunteer mapping group", "the think tank said"
ORG_DESCRIPTORS = frozenset({
    "tank", "institute", "organisation", "organization", "monitor", "group", "project", "collective", "network",
    "outlet", "platform", "initiative", "charity", "foundation", "fund", "company", "firm", "bank", "association",
    "union", "party", "movement", "broadcaster", "newspaper", "channel", "consultancy",
})
# a minister's portfolio between the title and the name: "Minister of Foreign Affairs Andrii Sybiha"
PORTFOLIOS = frozenset({
    "defence", "defense", "foreign", "affairs", "finance", "interior", "internal", "justice", "health", "economy",
    "energy", "education", "trade", "culture", "agriculture", "veterans", "digital", "transformation", "state",
    "social", "policy", "infrastructure", "development", "economic", "industry", "strategic", "industries",
})
_PORTFOLIO_WORDS = PORTFOLIOS | {"and"}  # "Minister of Social Policy and Veterans"
PLACE_MADE = frozenset({"based", "born", "led", "backed"})  # "the Kyiv-based Center"
DASHES = frozenset({"\u2014", "\u2013", "--"})
_OPENERS = frozenset({":", '"', "'", "(", "-", "--"})


def keeps_the(tok: Any) -> bool:
    """A capitalised "The" inside a sentence belongs to the name: "As The Economist warned"."""
    if tok.text != "The" or tok.is_sent_start or tok.i == 0:
        return False
    before = tok.doc[tok.i - 1]
    return not (before.is_space or before.text in _OPENERS)


def org_names(doc: Any, words: list[str], cfg: SuggestConfig, taken: set[int]
               ) -> list[tuple[int, int, str, bool]]:
    """Organisation names the recogniser missed, ending in an organisation word: "the Odesa Maritime Policy
    Centre". `words` are the token texts (looking them up is much cheaper than making Token objects)."""
    out = []
    for i, word in enumerate(words):
        if i in taken or not word[:1].isupper() or word.lower() not in cfg.org_heads or doc[i].pos_ != "PROPN":
            continue
        tok = doc[i]
        start = tok.i
        while start > 0:
            before = doc[start - 1]
            if start - 1 not in taken and before.pos_ == "PROPN" and before.text[:1].isupper():
                start -= 1
            elif before.text in DASHES and start > 1 and not before.whitespace_ and not doc[start - 2].whitespace_ \
                    and doc[start - 2].text[:1].isupper():
                start -= 2  # "the Baltic–Black Sea Policy Centre"
            else:
                break
        if start < tok.i:
            out.append((start, tok.i + 1, "ORG", False))
    return out


# what a name after them is the name of: "the independent research group Polyfon", "brokerage Finam"
_KINDS_BEFORE_NAMES = (ORG_DESCRIPTORS | {"brokerage", "consultancy"}) - {"platform", "network", "tank"}


def kind_then_name(doc: Any, words: list[str]) -> list[tuple[int, int, str, bool]]:
    """Organisation names right after the kind of organisation they name, whatever the recogniser made of them:
    "at Moscow-based brokerage Finam" (read as a place), "the regional Telegram channel Pogranichnik 46"."""
    out = []
    for i, word in enumerate(words[:-1]):
        if word not in _KINDS_BEFORE_NAMES:
            continue
        end = i + 1  # the capitalised words after the kind, and a number among them ("Pogranichnik 46")
        while end < len(doc) and (words[end][:1].isupper() or (end > i + 1 and words[end].isdigit())) and (
                doc[end].ent_type_ != "PERSON"):
            end += 1
        name = doc[i + 1 : end]
        if len(name) and (i + 1 <= doc[i].head.i < end or name.root.head.i == i):  # the kind and its name
            out.append((i + 1, end, "ORG", False))
    return out


def titled_names(doc: Any, words: list[str], cfg: SuggestConfig, taken: set[int]
                  ) -> list[tuple[int, int, str, bool]]:
    """Names after a title that the recogniser missed: "Gen. Yunus-Bek Yevkurov" (hyphenated parts included)."""
    out = []
    for i, word in enumerate(words[:-1]):
        if not word[:1].isupper() or word.lower() not in cfg.person_titles:
            continue
        tok = doc[i]
        j = tok.i + 1
        if j + 1 < len(doc) and doc[j].lower_ in ("of", "for") and doc[j + 1].lower_ in PORTFOLIOS:
            j += 2  # "Minister of Defence" + "Maarten Hoefsloot"
            while j < len(doc) and doc[j].lower_ in _PORTFOLIO_WORDS:
                j += 1
        while j < len(doc) and cfg.is_title(words[j].lower()):
            j += 1  # "Lt" + "Col" + "Danylo Yakubovskyi"
        tok = doc[j - 1]
        while j < len(doc) and j not in taken and (
                (doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper())
                or (doc[j].text == "-" and j > tok.i + 1 and j + 1 < len(doc) and doc[j + 1].pos_ == "PROPN")):
            j += 1
        if j > tok.i + 1 and doc[j - 1].text != "-":
            out.append((tok.i + 1, j, "PERSON", False))
    return out


def is_age(tok: Any) -> bool:
    """An age set off after a name: "Liudmyla Shpakivska, 58, whose son ..." (only people have one)."""
    return tok.text.isdigit() and 0 < int(tok.text) < 120 and tok.i > 0 and tok.nbor(-1).text == ","


def aged_names(doc: Any, words: list[str], taken: set[int]) -> list[tuple[int, int, str, bool]]:
    """Names the recogniser missed that an age follows: "Petro, 67, stayed behind" (a person)."""
    out = []
    for i, word in enumerate(words):
        if not (i > 1 and word.isdigit() and len(word) <= 3 and 0 < int(word) < 120 and words[i - 1] == ","):
            continue  # not an age set off by commas (`is_age`, read from the strings)
        tok = doc[i]
        head = tok.head
        if tok.dep_ != "appos" or head.i >= i or head.i in taken or not (
                head.pos_ == "PROPN" and head.text[:1].isupper()):
            continue
        start = head.i
        while start > 0 and start - 1 not in taken and doc[start - 1].dep_ == "compound" and _name_part(doc, start - 1):
            start -= 1
        out.append((start, head.i + 1, "PERSON", False))
    return out


def _name_part(doc: Any, i: int) -> bool:
    """doc[i] can be part of a name: a capitalised proper noun, or a piece of a hyphenated one ("Jae-won")."""
    tok = doc[i]
    hyphen_before = i > 0 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_
    hyphen_after = i + 1 < len(doc) and doc[i + 1].text == "-" and not tok.whitespace_
    return (tok.pos_ == "PROPN" and tok.text[:1].isupper()) or (tok.text == "-" and not tok.whitespace_) or (
        (hyphen_before or hyphen_after) and tok.is_alpha)


# words that may stand before a rank inside a name the recogniser read: "retired US Army Col. X", "Navy Cmdr. X"
_RANK_LEADS = frozenset({"retired", "us", "u.s.", "army", "navy", "air", "force", "marine", "marines", "corps",
                         "guard", "national", "coast", "space", "rear", "vice"})


def after_titles(doc: Any, start: int, end: int, cfg: SuggestConfig, speaker_titles: frozenset[str]) -> int:
    """Where a person's name starts in the recogniser's span doc[start:end]: after the titles in front
    ("Spokeswoman Iryna Tkach", "Mrs Kholodkova") and after a rank with the service before it ("US Army Col.
    Desmond X")."""
    while end - start > 1 and (cfg.is_title(doc[start].lower_) or doc[start].lower_ in speaker_titles):
        start += 1
    return past_rank(doc, start, end, cfg)


def past_rank(doc: Any, start: int, end: int, cfg: SuggestConfig) -> int:
    """`start` moved past an abbreviated rank and the service before it: "(retired) US Army Col." + the name."""
    rank = next((i for i in range(end - 2, start - 1, -1) if doc[i].text.endswith(".") and cfg.is_title(doc[i].lower_)),
                None)
    if rank is not None and all(t.lower_ in _RANK_LEADS or cfg.is_title(t.lower_) for t in doc[start:rank]):
        return rank + 1
    return start


def described_names(doc: Any, words: list[str], cfg: SuggestConfig) -> list[tuple[int, int, str, bool]]:
    """Names the recogniser missed or cut that an apposition calls a person or an organisation: "Han
    Seung-ryul, a senior fellow at ...", "Jae-won Lim, a researcher at ..." (the whole capitalised run,
    hyphenated parts included), "FrontLine Atlas, a volunteer mapping group"."""
    out = []
    for i, word in enumerate(words):
        person = word in PERSON_NOUNS or word in cfg.source_nouns
        if not person and word not in ORG_DESCRIPTORS:
            continue
        noun = doc[i]
        head = noun.head
        capital = head.text[:1].isupper() or (head.i > 0 and doc[head.i - 1].text == "-")  # "Seung-ryul"
        if noun.dep_ != "appos" or head.tag_ != "NNP" or not capital or head.i > noun.i or not any(
                c.dep_ == "det" for c in noun.children):
            continue
        start = head.i
        while start > 0 and _name_part(doc, start - 1) and (not doc[start].is_sent_start or not (
                doc[start - 1].is_punct or doc[start - 1].whitespace_ != " ")):  # "Kurskiy" + "Nabat" split
            start -= 1
        while start < head.i and (cfg.is_title(doc[start].lower_) or doc[start].lower_ in PERSON_NOUNS
                                  or doc[start].text == "-" or doc[start].lower_ in PLACE_MADE
                                  or (doc[start].lower_ == "the" and not keeps_the(doc[start]))):
            start += 1  # "Colonel", "Major General"; "Riga" + "-" + "based"
        while start < head.i and doc[start + 1].text == "-" and doc[start + 2].lower_ in PLACE_MADE:
            start += 3
        start = past_rank(doc, start, head.i + 1, cfg)  # "Navy Cmdr. Audra X, a Pentagon spokeswoman"
        if start < head.i:
            out.append((start, head.i + 1, "PERSON" if person else "ORG", False))
    return out


_NOT_NAME_ENTS = frozenset({"EVENT", "PRODUCT", "WORK_OF_ART", "LAW", "FAC"})  # "RMA" read as an event
_LOWER = re.compile(r"[^\W\d_A-Z\u00c0-\u00de\u0400-\u042f]")  # a letter that is not a capital
_UPPER = re.compile(r"[A-Z\u00c0-\u00de\u0400-\u042f]")
_PROSE = re.compile(r"[a-z]{4}")  # four small letters in a row early on: an ordinary line, no need to count
_HANDLE = re.compile(r"^@\w{2,}$")
_ACRONYM = re.compile(r"^[A-Z][A-Za-z]{0,3}[A-Z]$")  # "AFU", "RuAF", "RMA", "WHO"
# capitals that are not names: units, times, roman numerals, common abbreviations
_NOT_ACRONYMS = frozenset({
    "AM", "PM", "TV", "OK", "ID", "PS", "KM", "II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII", "FPV",
    "POW", "POWS", "HQ", "NPP", "GDP", "CPI", "VAT", "FAQ", "URL", "PDF", "GPS", "USB", "SMS", "NB", "AKA", "ETA",
    "ASAP", "CEO", "IFV", "IFVS", "APC", "APCS", "MLRS", "ATACMS", "HIMARS", "KAB", "KABS", "IDP", "IDPS", "NFI",
})


def handles_and_acronyms(doc: Any, words: list[str], taken: set[int], headings: list[tuple[int, int]]
                         ) -> list[tuple[int, int, str, bool]]:
    """"@borderlines_map" (a handle names its owner: an actor wherever it appears) and acronyms the recogniser
    missed ("the AFU hit", "RMA said"), which must act like any other name; not in `headings`, the lines in
    capitals (`capitals_lines`)."""
    out = []
    for i, word in enumerate(words):
        if not (word[:1] == "@" or (word[:1].isupper() and word[-1:].isupper() and 1 < len(word) < 6)):
            continue  # most words: no need for the regular expressions
        if word.startswith("@") and _HANDLE.match(word) and i not in taken:
            out.append((i, i + 1, "PERSON", False))
        elif _ACRONYM.match(word) and word.upper() not in _NOT_ACRONYMS and (
                i not in taken or doc[i].ent_type_ in _NOT_NAME_ENTS) and not in_ranges(
                    doc[i].idx, doc[i].idx + 1, headings):
            out.append((i, i + 1, "ORG", True))
    return out


def capitals_lines(text: str) -> list[tuple[int, int]]:
    """Lines written in capitals: mastheads and headings ("THE MERIDIAN POST", "KEY FIGURES", "SENTENCE"), not
    text in which names act. (Letters are counted by regular expressions: a Python loop over every character of
    every article would cost more than all the actor rules.)"""
    out, pos = [], 0
    for line in text.split("\n"):
        if not _PROSE.search(line, 0, 60) and len(_LOWER.findall(line)) * 4 <= len(_UPPER.findall(line)):
            out.append((pos, pos + len(line)))  # at least 80 % of the letters are capitals
        pos += len(line) + 1
    return out


def title_case_lines(text: str) -> list[tuple[int, int]]:
    """Lines of four or more words that are mostly capitalised: headlines written in title case."""
    out, pos = [], 0
    for line in text.split("\n"):
        words = [w for w in line.split() if w[:1].isalpha()]
        if len(words) >= 4 and sum(w[:1].isupper() for w in words) >= 0.7 * len(words):
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out
