"""Gazetteer patterns in Prodigy's format, one JSON object a line:

    {"label": "ACTOR", "pattern": [{"lower": "kremlin"}]}     token pattern (spaCy Matcher syntax)
    {"label": "ACTOR", "pattern": "Financial Times"}          exact string

Matches become suggestions with origin "pattern". Blank lines and lines starting with // or # are skipped.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson


class PatternError(ValueError):
    """A pattern file is not usable; the message names the file and line."""


@dataclass(slots=True)
class PatternSet:
    entries: list[tuple[str, str | list[dict[str, Any]]]]
    source: str = ""
    _vocab: Any = field(default=None, repr=False)
    _matcher: Any = field(default=None, repr=False)
    _phrases: Any = field(default=None, repr=False)
    _lowers: Any = field(default=None, repr=False)

    def __len__(self) -> int:
        return len(self.entries)

    def _build(self, nlp: Any) -> None:
        from spacy.matcher import Matcher, PhraseMatcher

        matcher, phrases = Matcher(nlp.vocab), PhraseMatcher(nlp.vocab, attr="ORTH")
        lowers = PhraseMatcher(nlp.vocab, attr="LOWER")
        for i, (label, pattern) in enumerate(self.entries):
            key = f"{label}\t{i}"
            try:
                if isinstance(pattern, str):
                    phrases.add(key, [nlp.make_doc(pattern)])
                elif (words := _lower_words(pattern)) and len(phrase := nlp.make_doc(" ".join(words))) == len(words):
                    lowers.add(key, [phrase])  # [{"lower": "white"}, {"lower": "house"}]: a phrase, matched faster
                else:
                    matcher.add(key, [pattern])
            except Exception as exc:  # spaCy validates token patterns here
                raise PatternError(f"{self.source}: pattern {i + 1} ({pattern!r}) is not valid: {exc}") from exc
        self._vocab, self._matcher, self._phrases, self._lowers = nlp.vocab, matcher, phrases, lowers

    def matches(self, nlp: Any, doc: Any) -> list[tuple[int, int, str]]:
        """(start char, end char, label) of every match in `doc`, longest first where they overlap."""
        if not self.entries:
            return []
        if self._vocab is not nlp.vocab:
            self._build(nlp)
        found = []
        strings = doc.vocab.strings
        hits = [*self._phrases(doc), *self._lowers(doc)]
        if len(self._matcher):  # the token Matcher costs more than all the phrase matching
            hits += self._matcher(doc)
        for match_id, start, end in hits:
            label = strings[match_id].split("\t", 1)[0]
            span = doc[start:end]
            found.append((span.start_char, span.end_char, label))
        found.sort(key=lambda m: (m[0], m[0] - m[1]))
        out: list[tuple[int, int, str]] = []
        for m in found:
            if out and m[0] < out[-1][1] and m[2] == out[-1][2]:
                continue
            out.append(m)
        return out


def _lower_words(pattern: list[dict[str, Any]]) -> list[str] | None:
    """The words of a token pattern that only asks for lower-case forms, or None."""
    words = []
    for token in pattern:
        if len(token) != 1:
            return None
        ((attr, word),) = token.items()
        if attr.upper() != "LOWER" or not isinstance(word, str) or not word or word != word.lower() or " " in word:
            return None
        words.append(word)
    return words


def parse_patterns(lines: list[str], source: str = "patterns") -> PatternSet:
    entries: list[tuple[str, str | list[dict[str, Any]]]] = []
    for n, raw in enumerate(lines, 1):
        line = raw.strip()
        if not line or line.startswith(("//", "#")):
            continue
        try:
            obj = orjson.loads(line)
        except orjson.JSONDecodeError as exc:
            raise PatternError(f"{source}:{n}: not JSON: {exc}") from exc
        if not isinstance(obj, dict):
            raise PatternError(f"{source}:{n}: each line must be a JSON object")
        label, pattern = obj.get("label"), obj.get("pattern")
        if not isinstance(label, str) or not label:
            raise PatternError(f"{source}:{n}: needs a non-empty \"label\"")
        is_string = isinstance(pattern, str) and bool(pattern.strip())
        is_tokens = isinstance(pattern, list) and bool(pattern) and all(isinstance(t, dict) for t in pattern)
        if is_string or is_tokens:
            entries.append((label, pattern))
        else:
            raise PatternError(f"{source}:{n}: \"pattern\" must be a string or a list of token objects")
    return PatternSet(entries, source)


def load_patterns(path: str | Path | None) -> PatternSet:
    if path is None:
        return PatternSet([], "")
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise PatternError(f"{path}: {exc}") from exc
    return parse_patterns(lines, str(path))
