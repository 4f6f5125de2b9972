"""The actor index: canonical actors with aliases, their mentions per article and the claims they source.

An ACTOR span resolves to an actor through its text's alias key (app.core.actor_match.alias_key). Forms no
actor claims yet are listed as unresolved entries (`actor_id` None). Proposals come from `propose_aliases`
and are confirmed or rejected by the analyst; a rejected proposal never comes back. Every write here is one
transaction and tells the store's listeners with the change kind "actors".
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from app.core.actor_match import AliasTable, alias_key, display_name, propose
from app.core.store import Store, StoreError, now
from app.core.types import Span, SpanState

ACTOR_LABEL = "ACTOR"
SOURCE_RELATION = "SOURCE"
CHANGE_KIND = "actors"


@dataclass(frozen=True, slots=True)
class ActorRef:
    """What an actor span resolves to: a stored actor, or (actor_id None) its own display name."""

    actor_id: int | None
    name: str


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """One row of the actor index."""

    actor_id: int | None
    name: str
    aliases: tuple[str, ...]
    mentions: int
    mentions_by_doc: dict[int, int] = field(default_factory=dict)
    claims: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "actor_id": self.actor_id, "name": self.name, "aliases": list(self.aliases), "mentions": self.mentions,
            "mentions_by_doc": {str(k): v for k, v in self.mentions_by_doc.items()}, "claims": self.claims,
        }


@dataclass(frozen=True, slots=True)
class Proposal:
    id: int
    alias: str
    alias_text: str
    target: str
    target_text: str
    reason: str
    score: float
    status: str

    def to_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__slots__}


# -- reading -------------------------------------------------------------------------------------------------


def alias_map(store: Store) -> dict[str, tuple[int, str]]:
    """alias key -> (actor id, canonical name)."""
    rows = store.conn.execute(
        "SELECT a.alias, a.actor_id, x.name FROM actor_aliases a JOIN actors x ON x.id = a.actor_id"
    )
    return {alias: (actor_id, name) for alias, actor_id, name in rows}


def resolve(text: str, aliases: dict[str, tuple[int, str]]) -> ActorRef:
    """The actor a span text stands for, given `alias_map(store)`."""
    found = aliases.get(alias_key(text))
    return ActorRef(*found) if found else ActorRef(None, display_name(text))


def actor_for_span(store: Store, span: Span | int) -> ActorRef | None:
    """The actor of an ACTOR span (None for spans of other labels)."""
    if isinstance(span, int):
        span = store.get_span(span)
    if span.label != ACTOR_LABEL:
        return None
    text = store.get_document(span.doc_id).text
    return resolve(span.text_in(text), alias_map(store))


def span_actors(store: Store, spans: Iterable[Span], texts: dict[int, str]) -> dict[int, ActorRef]:
    """span id -> actor for the ACTOR spans among `spans`; `texts` maps their doc ids to document texts."""
    aliases = alias_map(store)
    return {
        s.id: resolve(s.text_in(texts[s.doc_id]), aliases) for s in spans if s.label == ACTOR_LABEL
    }


def export_extras(store: Store, spans: Iterable[Span], texts: dict[int, str]) -> dict[int, dict[str, Any]]:
    """What the exporters add to each ACTOR span: {"actor_id": id or None, "actor": canonical name}."""
    return {span_id: {"actor_id": ref.actor_id, "actor": ref.name} for span_id, ref in span_actors(
        store, spans, texts).items()}


def _states(include_pending: bool) -> tuple[str, ...]:
    return (SpanState.ACCEPTED, SpanState.PENDING) if include_pending else (SpanState.ACCEPTED,)


def mention_forms(store: Store, include_pending: bool = False) -> list[tuple[int, int, str]]:
    """(span id, doc id, text) of every ACTOR span, read in SQL (substr counts code points, like Python)."""
    states = _states(include_pending)
    return store.conn.execute(
        'SELECT s.id, s.doc_id, substr(d.text, s.start + 1, s."end" - s.start) FROM spans s '
        f"JOIN documents d ON d.id = s.doc_id WHERE s.label = ? AND s.state IN ({','.join('?' * len(states))}) "
        "ORDER BY s.id",
        (ACTOR_LABEL, *map(str, states)),
    ).fetchall()


def actor_index(store: Store, include_pending: bool = False) -> list[ActorEntry]:
    """Every actor (stored ones and unresolved forms) with aliases, mentions per document and claims,
    most mentioned first."""
    aliases = alias_map(store)
    groups: dict[tuple[int | None, str], dict[str, Any]] = {}
    by_span: dict[int, tuple[int | None, str]] = {}
    for span_id, doc_id, text in mention_forms(store, include_pending):
        ref = resolve(text, aliases)
        key = (ref.actor_id, ref.name if ref.actor_id is not None else alias_key(text))
        group = groups.setdefault(key, {"names": Counter(), "docs": Counter(), "name": ref.name})
        group["names"][display_name(text)] += 1
        group["docs"][doc_id] += 1
        by_span[span_id] = key
    for actor_id, name in store.conn.execute("SELECT id, name FROM actors"):
        groups.setdefault((actor_id, name), {"names": Counter(), "docs": Counter(), "name": name})
    stored_aliases: dict[int, list[str]] = {}
    for actor_id, text in store.conn.execute("SELECT actor_id, text FROM actor_aliases ORDER BY text"):
        stored_aliases.setdefault(actor_id, []).append(text)
    claims = _claims_by_actor(store, by_span, include_pending)
    out = []
    for key, g in groups.items():
        actor_id = key[0]
        name = g["name"] if actor_id is not None else g["names"].most_common(1)[0][0]
        names = set(g["names"]) | set(stored_aliases.get(actor_id, []) if actor_id is not None else [])
        out.append(ActorEntry(
            actor_id, name, tuple(sorted(names - {name}, key=str.casefold)), sum(g["docs"].values()),
            dict(sorted(g["docs"].items())), claims.get(key, 0),
        ))
    out.sort(key=lambda e: (-e.mentions, e.name.casefold()))
    return out


def _claims_by_actor(
    store: Store, by_span: dict[int, tuple[int | None, str]], include_pending: bool
) -> Counter[tuple[int | None, str]]:
    states = _states(include_pending)
    marks = ",".join("?" * len(states))
    rows = store.conn.execute(
        "SELECT DISTINCT r.head_id, r.child_id FROM relations r JOIN spans h ON h.id = r.head_id "
        f"WHERE r.label = ? AND h.state IN ({marks})",
        (SOURCE_RELATION, *map(str, states)),
    )
    seen: set[tuple[int, tuple[int | None, str]]] = set()
    for head, child in rows:
        if child in by_span:
            seen.add((head, by_span[child]))
    return Counter(key for _, key in seen)


def list_actors(
    store: Store, offset: int = 0, limit: int = 100, search: str = "", include_pending: bool = False
) -> list[ActorEntry]:
    """One page of the actor index; `search` matches names and aliases (case-insensitive)."""
    entries = actor_index(store, include_pending)
    if search.strip():
        needle = search.casefold().strip()
        entries = [e for e in entries if any(needle in n.casefold() for n in (e.name, *e.aliases))]
    return entries[offset : offset + limit]


# -- writing -------------------------------------------------------------------------------------------------


def _actor_name(store: Store, actor_id: int) -> str:
    row = store.conn.execute("SELECT name FROM actors WHERE id = ?", (actor_id,)).fetchone()
    if row is None:
        raise StoreError(f"no actor with id {actor_id}")
    return row[0]


def _put_alias(store: Store, actor_id: int, text: str) -> None:
    """Give `text` to `actor_id`, taking it from any other actor."""
    key = alias_key(text)
    if not key:
        raise StoreError("an alias cannot be empty")
    store.conn.execute(
        "INSERT INTO actor_aliases(alias, actor_id, text) VALUES (?, ?, ?) "
        "ON CONFLICT(alias) DO UPDATE SET actor_id = excluded.actor_id",
        (key, actor_id, display_name(text)),
    )


def create_actor(store: Store, name: str, aliases: Sequence[str] = ()) -> int:
    """A new canonical actor named `name`; its name and `aliases` resolve to it (taken from other actors)."""
    name = display_name(name)
    if not alias_key(name):
        raise StoreError("an actor needs a name")
    with store.transaction() as conn:
        if conn.execute("SELECT 1 FROM actors WHERE name = ?", (name,)).fetchone():
            raise StoreError(f"there is already an actor named {name!r}")
        stamp = now()
        actor_id = conn.execute(
            "INSERT INTO actors(name, created_at, updated_at) VALUES (?, ?, ?) RETURNING id", (name, stamp, stamp)
        ).fetchone()[0]
        for text in (name, *aliases):
            _put_alias(store, actor_id, text)
        store._changed(CHANGE_KIND)
    return actor_id


def _actor_id_for(store: Store, name: str) -> int:
    """The actor that `name` resolves to, or a new one named `name` (inside the caller's transaction)."""
    found = alias_map(store).get(alias_key(name))
    if found:
        return found[0]
    row = store.conn.execute("SELECT id FROM actors WHERE name = ?", (display_name(name),)).fetchone()
    return row[0] if row else create_actor(store, name)


def add_alias(store: Store, actor_id: int, text: str) -> None:
    """Make `text` resolve to `actor_id` (moving it from another actor if it had it)."""
    with store.transaction():
        _actor_name(store, actor_id)
        _put_alias(store, actor_id, text)
        store._changed(CHANGE_KIND)


def remove_alias(store: Store, text: str) -> None:
    """Forget an alias: its mentions become unresolved (an actor's own name cannot be removed)."""
    key = alias_key(text)
    with store.transaction() as conn:
        row = conn.execute(
            "SELECT x.name FROM actor_aliases a JOIN actors x ON x.id = a.actor_id WHERE a.alias = ?", (key,)
        ).fetchone()
        if row is None:
            raise StoreError(f"{text!r} is not an alias of any actor")
        if alias_key(row[0]) == key:
            raise StoreError(f"{text!r} is the name of {row[0]}; rename or split the actor instead")
        conn.execute("DELETE FROM actor_aliases WHERE alias = ?", (key,))
        store._changed(CHANGE_KIND)


def rename_actor(store: Store, actor_id: int, name: str) -> None:
    """Change an actor's canonical name; the new name also resolves to it, the old one stays an alias."""
    name = display_name(name)
    with store.transaction() as conn:
        _actor_name(store, actor_id)
        clash = conn.execute("SELECT id FROM actors WHERE name = ? AND id <> ?", (name, actor_id)).fetchone()
        if clash:
            raise StoreError(f"there is already an actor named {name!r}; merge them instead")
        conn.execute("UPDATE actors SET name = ?, updated_at = ? WHERE id = ?", (name, now(), actor_id))
        _put_alias(store, actor_id, name)
        store._changed(CHANGE_KIND)


def merge_actors(store: Store, keep_id: int, other_id: int) -> None:
    """Fold `other_id` into `keep_id`: its aliases (and name) resolve to `keep_id`, and it is deleted."""
    if keep_id == other_id:
        raise StoreError("cannot merge an actor with itself")
    with store.transaction() as conn:
        _actor_name(store, keep_id)
        other = _actor_name(store, other_id)
        conn.execute("UPDATE actor_aliases SET actor_id = ? WHERE actor_id = ?", (keep_id, other_id))
        _put_alias(store, keep_id, other)
        conn.execute("DELETE FROM actors WHERE id = ?", (other_id,))
        store._changed(CHANGE_KIND)


def split_alias(store: Store, alias: str, new_name: str | None = None) -> int:
    """Take `alias` away from its actor into a new actor (named `new_name` or the alias); returns its id."""
    with store.transaction() as conn:
        key = alias_key(alias)
        row = conn.execute("SELECT actor_id, text FROM actor_aliases WHERE alias = ?", (key,)).fetchone()
        if row is None:
            raise StoreError(f"{alias!r} is not an alias of any actor")
        if alias_key(_actor_name(store, row[0])) == key:
            raise StoreError(f"{alias!r} is the actor's own name; rename it first")
        conn.execute("DELETE FROM actor_aliases WHERE alias = ?", (key,))
        return create_actor(store, new_name or row[1], [row[1]])


# -- proposals -----------------------------------------------------------------------------------------------


_PROPOSAL_COLUMNS = "id, alias, alias_text, target, target_text, reason, score, status"


def propose_aliases(store: Store, table: AliasTable | None = None, include_pending: bool = False) -> list[Proposal]:
    """Compute alias proposals over the project's actor mentions, store the new ones (a rejected or accepted
    proposal is never made again) and return every pending proposal whose alias is still unresolved."""
    forms = {text for _, _, text in mention_forms(store, include_pending)}
    aliases = alias_map(store)
    with store.transaction() as conn:
        stamp, added = now(), 0
        for cand in propose(forms, table):
            if cand.alias in aliases:
                continue  # already decided by the analyst
            target = aliases.get(cand.target)
            target_text = target[1] if target else cand.target_text
            added += conn.execute(
                f"INSERT OR IGNORE INTO actor_proposals({_PROPOSAL_COLUMNS.replace('id, ', '')}, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?, 'pending', ?)",
                (cand.alias, cand.alias_text, alias_key(target_text), target_text, cand.reason, cand.score, stamp),
            ).rowcount
        if added:
            store._changed(CHANGE_KIND)
    return list_proposals(store)


def list_proposals(store: Store, status: str = "pending") -> list[Proposal]:
    """Stored proposals with `status`; pending ones whose alias has been resolved meanwhile are left out."""
    rows = store.conn.execute(
        f"SELECT {_PROPOSAL_COLUMNS} FROM actor_proposals WHERE status = ? ORDER BY score DESC, id", (status,)
    ).fetchall()
    resolved = alias_map(store) if status == "pending" else {}
    return [Proposal(*row) for row in rows if row[1] not in resolved]


def _proposal(store: Store, proposal_id: int) -> Proposal:
    row = store.conn.execute(
        f"SELECT {_PROPOSAL_COLUMNS} FROM actor_proposals WHERE id = ?", (proposal_id,)
    ).fetchone()
    if row is None:
        raise StoreError(f"no actor proposal with id {proposal_id}")
    return Proposal(*row)


def confirm_proposal(store: Store, proposal_id: int) -> int:
    """Accept a proposal: the alias resolves to the target actor (created if needed; merged if the alias
    had an actor of its own). Returns the actor id."""
    with store.transaction() as conn:
        p = _proposal(store, proposal_id)
        actor_id = _actor_id_for(store, p.target_text)
        owner = alias_map(store).get(p.alias)
        if owner and owner[0] != actor_id and alias_key(owner[1]) == p.alias:
            merge_actors(store, actor_id, owner[0])
        else:
            _put_alias(store, actor_id, p.alias_text)
        conn.execute("UPDATE actor_proposals SET status = 'accepted' WHERE id = ?", (proposal_id,))
        store._changed(CHANGE_KIND)
    return actor_id


def reject_proposal(store: Store, proposal_id: int) -> None:
    """Refuse a proposal; it is remembered and never proposed again."""
    with store.transaction() as conn:
        _proposal(store, proposal_id)
        conn.execute("UPDATE actor_proposals SET status = 'rejected' WHERE id = ?", (proposal_id,))
        store._changed(CHANGE_KIND)


def confirm_all(store: Store, min_score: float = 0.0) -> int:
    """Accept every pending proposal scoring at least `min_score` (one transaction); returns how many."""
    with store.transaction():
        todo = [p.id for p in list_proposals(store) if p.score >= min_score]
        for proposal_id in todo:
            confirm_proposal(store, proposal_id)
    return len(todo)


@dataclass(frozen=True, slots=True)
class ActorsSnapshot:
    """Every row of the actor tables (a project holds hundreds of actors, not millions): what undoing a merge puts
    back, ids included."""

    actors: tuple[tuple[Any, ...], ...]
    aliases: tuple[tuple[Any, ...], ...]


def actors_snapshot(store: Store) -> ActorsSnapshot:
    conn = store.conn
    return ActorsSnapshot(
        tuple(conn.execute("SELECT id, name, note, created_at, updated_at FROM actors ORDER BY id")),
        tuple(conn.execute("SELECT alias, actor_id, text FROM actor_aliases ORDER BY alias")),
    )


def restore_actors(store: Store, snapshot: ActorsSnapshot) -> None:
    """Put the actor tables back as `snapshot` found them, in one transaction (alias proposals are left as they
    are: a merge does not touch them)."""
    with store.transaction() as conn:
        conn.execute("DELETE FROM actor_aliases")
        conn.execute("DELETE FROM actors")
        conn.executemany("INSERT INTO actors(id, name, note, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
                         snapshot.actors)
        conn.executemany("INSERT INTO actor_aliases(alias, actor_id, text) VALUES (?, ?, ?)", snapshot.aliases)
        store._changed(CHANGE_KIND)


def merge_entries(store: Store, keep: tuple[int | None, str], others: Sequence[tuple[int | None, str]]) -> int:
    """Fold index entries (actor id or None for an unresolved form, name) into `keep` in one transaction:
    stored actors are merged, unresolved forms become aliases; an unresolved `keep` becomes an actor first.
    Returns the kept actor's id."""
    with store.transaction():
        keep_id = keep[0] if keep[0] is not None else _actor_id_for(store, keep[1])
        for actor_id, name in others:
            if actor_id is None:
                _put_alias(store, keep_id, name)
            elif actor_id != keep_id:
                merge_actors(store, keep_id, actor_id)
        store._changed(CHANGE_KIND)
    return keep_id
