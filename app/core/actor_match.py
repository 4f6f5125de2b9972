"""Pure matching of actor names: alias keys, titles stripped to a core name, and alias proposals.

Rules, strongest first: the shipped alias table (annotations/actor_aliases.toml: NATO / North Atlantic Treaty
Organisation, U.S. / US / United States, the Kremlin / Moscow); a title before a name ("Ukrainian President
Volodymyr Zelensky" -> "Volodymyr Zelensky"); a surname alone or after a title ("Mr. Zelensky"); a title phrase
used for exactly one named person ("the Ukrainian President"); and spelling variants of names by rapidfuzz
similarity. Single-word place or organisation names only merge through the table ("Kursk" never meets "Kyiv").
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz

from app.core.paths import resource_path

DEFAULT_ALIAS_TABLE = resource_path("annotations", "actor_aliases.toml")
SPELLING_THRESHOLD = 90.0  # rapidfuzz ratio (0-100) for spelling variants of the same name
MIN_SPELLING_LENGTH = 6  # single words shorter than this never match by spelling

TITLE_WORDS = frozenset({
    "president", "president-elect", "vice", "prime", "minister", "ministers", "secretary", "of", "state", "defense",
    "defence", "foreign", "interior", "gen.", "gen", "general", "lt.", "lieutenant", "commander-in-chief",
    "commander", "chancellor", "mr.", "mr", "mrs.", "mrs", "ms.", "ms", "dr.", "dr", "sir", "dame", "colonel",
    "col.", "major", "admiral", "head", "chief", "former", "late", "outgoing", "incoming", "national", "security",
    "advisor", "adviser", "envoy", "spokesman", "spokeswoman", "spokesperson", "senator", "sen.", "rep.",
    "representative", "king", "queen", "pope", "leader", "top", "military", "expert", "official", "officials",
    "reserve", "retired", "deputy", "ambassador", "governor", "mayor", "director", "analyst", "professor", "prof.",
    "the", "ukrainian", "russian", "us", "u.s.", "american", "british", "french", "german", "korean",
    "canadian", "european", "western", "kremlin",
})
# Offices: a title phrase naming one of these can stand for the one person written with it.
ROLE_WORDS = frozenset({
    "president", "president-elect", "minister", "secretary", "chancellor", "commander-in-chief", "commander",
    "general", "gen.", "king", "queen", "pope", "spokesman", "spokeswoman", "spokesperson", "envoy", "advisor",
    "adviser", "ambassador", "governor", "mayor", "director", "chief", "head", "leader",
})
# Names starting with these are places ("South Korea"), never a person to match by surname.
PLACE_PREFIXES = frozenset({
    "north", "south", "east", "west", "new", "united", "saint", "st.", "upper", "lower", "great", "central",
    "republic", "gulf", "lake", "mount", "fort", "san", "santa", "los", "las", "port",
})
_SPACE = re.compile(r"\s+")
_POSSESSIVE = re.compile(r"['’]s?$")
_EDGE = re.compile(r"^[\s\"“”'‘’(\[,;:]+|[\s\"“”'‘’)\],;:]+$")


def alias_key(text: str) -> str:
    """The matching key of an actor name: case-folded, spaces collapsed, no leading "the", no possessive."""
    text = unicodedata.normalize("NFKC", text).replace("’", "'")
    text = _EDGE.sub("", _SPACE.sub(" ", text)).casefold()
    text = _POSSESSIVE.sub("", text) if len(text) > 3 else text
    if text.startswith("the "):
        text = text[4:]
    return text.strip()


def display_name(text: str) -> str:
    """A name as it should be shown: spaces collapsed, surrounding quotes and possessive removed."""
    text = _EDGE.sub("", _SPACE.sub(" ", unicodedata.normalize("NFKC", text)))
    return _POSSESSIVE.sub("", text) if len(text) > 3 and text[-2:] in ("'s", "’s") else text


def split_title(name: str) -> tuple[list[str], list[str]]:
    """(title words, core name words): "Ukrainian President Volodymyr Zelensky" -> (["Ukrainian",
    "President"], ["Volodymyr", "Zelensky"]). The core is the trailing run after the last title word."""
    name = display_name(name)
    head = name.split(",", 1)[0]  # "Vladimir Putin, President of Russia": the title after the comma goes
    words = (head if head.strip() else name).split()
    last = -1
    for i, word in enumerate(words):
        if word.casefold() in TITLE_WORDS or word.casefold().rstrip(",") in TITLE_WORDS:
            last = i
    core = words[last + 1 :]
    if core and not all(w[:1].isupper() for w in core):
        return [], []  # "Russian forces", "the ruling party": not a name
    return words[: last + 1], core


@dataclass(frozen=True, slots=True)
class AliasTable:
    """Known aliases: key -> canonical name."""

    canonical: dict[str, str]

    @classmethod
    def load(cls, path: Path | None = None) -> AliasTable:
        return _load_table(str(path or DEFAULT_ALIAS_TABLE))


@lru_cache(maxsize=4)
def _load_table(path: str) -> AliasTable:
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return AliasTable({})
    canonical: dict[str, str] = {}
    for entry in data.get("actor", []):
        name = str(entry.get("name", "")).strip()
        if not name:
            continue
        for alias in [name, *entry.get("aliases", [])]:
            canonical.setdefault(alias_key(str(alias)), name)
    return AliasTable(canonical)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A proposal before it is stored: `alias` (a form in the project) is another name for `target`."""

    alias_text: str
    target_text: str
    reason: str
    score: float

    @property
    def alias(self) -> str:
        return alias_key(self.alias_text)

    @property
    def target(self) -> str:
        return alias_key(self.target_text)


def propose(forms: Iterable[str], table: AliasTable | None = None) -> list[Candidate]:
    """Alias proposals among the actor names `forms` (as written in the project), strongest rule first;
    at most one proposal per alias."""
    table = table or AliasTable.load()
    by_key: dict[str, str] = {}
    for form in forms:
        key = alias_key(form)
        if key:
            by_key.setdefault(key, display_name(form))
    split = {key: split_title(text) for key, text in by_key.items()}
    full_names: dict[str, str] = {}  # core key -> core text, for names of two or more words
    for _titles, core in split.values():
        if len(core) >= 2:
            full_names.setdefault(alias_key(" ".join(core)), " ".join(core))
    out: dict[str, Candidate] = {}

    def add(alias_text: str, target_text: str, reason: str, score: float) -> None:
        cand = Candidate(alias_text, target_text, reason, score)
        if cand.alias != cand.target and cand.alias not in out:
            out[cand.alias] = cand

    for key, text in by_key.items():
        name = table.canonical.get(key)
        if name is not None:
            add(text, name, "alias table", 1.0)
    for key, text in by_key.items():
        if key in table.canonical:
            continue  # the table has the last word on names it knows
        titles, core = split[key]
        core_text = " ".join(core)
        if len(core) >= 2 and alias_key(core_text) != key:
            add(text, table.canonical.get(alias_key(core_text), core_text), "title with a name", 0.95)
        elif len(core) == 1:
            target = _by_surname(core[0], full_names, table)
            if target:
                add(text, table.canonical.get(alias_key(target), target), "surname", 0.9)
        elif titles and not core:
            target = _by_title(titles, key, split)
            if target:
                add(text, target, "title of one named person", 0.8)
    names = sorted(full_names.items())
    for i, (key_a, text_a) in enumerate(names):
        for key_b, text_b in names[i + 1 :]:
            score = _spelling_score(key_a, key_b)
            if score >= SPELLING_THRESHOLD:
                keep, other = (text_a, text_b) if len(text_a) <= len(text_b) else (text_b, text_a)
                add(other, keep, "similar spelling", round(score / 100, 3))
    return sorted(out.values(), key=lambda c: (-c.score, c.target, c.alias))


def _spelling_score(a: str, b: str) -> float:
    """Similarity of two full names written word by word: every word must be close ("Zelensky" /
    "Zelenskyy"), so "North Korea" and "South Korea" stay apart. 0 when the word counts differ."""
    words_a, words_b = a.split(), b.split()
    if len(words_a) != len(words_b):
        return 0.0
    scores = [fuzz.ratio(x, y) for x, y in zip(words_a, words_b, strict=True)]
    if min(scores) < SPELLING_THRESHOLD:
        return 0.0
    return fuzz.token_sort_ratio(a, b)


def _by_surname(word: str, full_names: dict[str, str], table: AliasTable) -> str | None:
    """The one person whose full name ends in `word` (or a close spelling of it, for longer words); spelling
    variants of one full name count as one person."""
    folded = word.casefold()
    hits = sorted(
        table.canonical.get(key, text) for key, text in full_names.items()
        if key.split()[0] not in PLACE_PREFIXES and (
            key.split()[-1] == folded
            or (len(folded) >= MIN_SPELLING_LENGTH and fuzz.ratio(key.split()[-1], folded) >= SPELLING_THRESHOLD)
        )
    )
    if not hits:
        return None
    first = min(hits, key=len)
    same = all(_spelling_score(alias_key(first), alias_key(h)) >= SPELLING_THRESHOLD for h in hits)
    return first if same else None


def _by_title(titles: list[str], key: str, split: dict[str, tuple[list[str], list[str]]]) -> str | None:
    """The one person whose written title contains all of `titles` ("the Ukrainian President")."""
    wanted = {t.casefold() for t in titles} - {"the"}
    if not wanted & ROLE_WORDS:
        return None  # "North Korean", "Mr.": no office that only one person holds
    hits = set()
    for other, (other_titles, core) in split.items():
        if other == key or len(core) < 2:
            continue
        have = {t.casefold() for t in other_titles}
        if wanted <= have and fuzz.token_set_ratio(" ".join(wanted), " ".join(have)) == 100:
            hits.add(" ".join(core))
    return hits.pop() if len(hits) == 1 else None
