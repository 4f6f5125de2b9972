"""The label scheme: labels with colour, hotkey and description, and relation labels. Read from TOML."""

from __future__ import annotations

import tomllib
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from app.core.paths import resource_path

DEFAULT_SCHEME_PATH = resource_path("annotations", "scheme.toml")
FALLBACK_COLOUR = "#9c9c9c"


class SchemeError(ValueError):
    """The scheme file is not usable; the message names the file and the problem."""


@dataclass(frozen=True, slots=True)
class Label:
    name: str
    colour: str = FALLBACK_COLOUR
    hotkey: str = ""
    description: str = ""


@dataclass(frozen=True, slots=True)
class RelationLabel:
    name: str
    head: str = ""
    child: str = ""
    hotkey: str = ""
    description: str = ""


@dataclass(frozen=True, slots=True)
class Scheme:
    name: str
    labels: tuple[Label, ...]
    relations: tuple[RelationLabel, ...] = ()
    version: int = 1
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def label_names(self) -> tuple[str, ...]:
        return tuple(label.name for label in self.labels)

    @property
    def relation_names(self) -> tuple[str, ...]:
        return tuple(rel.name for rel in self.relations)

    def label(self, name: str) -> Label:
        """The label called `name`; an unknown name (e.g. from an older scheme) gets a neutral grey."""
        for label in self.labels:
            if label.name == name:
                return label
        return Label(name)

    def with_label(self, label: Label) -> Scheme:
        """A copy with `label` added, or replaced if one of that name exists."""
        labels = [lab for lab in self.labels if lab.name != label.name]
        return Scheme(self.name, (*labels, label), self.relations, self.version, dict(self.extra))

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "version": self.version,
            "labels": [asdict(lab) for lab in self.labels],
            "relations": [asdict(rel) for rel in self.relations],
            **self.extra,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any], where: str = "scheme") -> Scheme:
        data = dict(data)
        try:
            labels = tuple(Label(**lab) for lab in data.pop("labels", []))
            relations = tuple(RelationLabel(**rel) for rel in data.pop("relations", []))
        except TypeError as exc:
            raise SchemeError(f"{where}: {exc}") from exc
        if not labels:
            raise SchemeError(f"{where}: a scheme needs at least one [[labels]] entry")
        names = [lab.name for lab in labels]
        if len(set(names)) != len(names) or not all(names):
            raise SchemeError(f"{where}: label names must be unique and non-empty: {names}")
        keys = [lab.hotkey for lab in labels if lab.hotkey]
        if len(set(keys)) != len(keys):
            raise SchemeError(f"{where}: two labels share a hotkey: {keys}")
        name = str(data.pop("name", "scheme"))
        version = int(data.pop("version", 1))
        return cls(name, labels, relations, version, data)


def load_scheme(path: str | Path = DEFAULT_SCHEME_PATH) -> Scheme:
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise SchemeError(f"{path}: {exc}") from exc
    return Scheme.from_dict(data, where=str(path))


def default_scheme() -> Scheme:
    return load_scheme(DEFAULT_SCHEME_PATH)
