"""The actor index: alias proposals (Zelensky variants, the alias table, never Kursk with Kyiv), the analyst's
confirm / reject / merge / rename / split, mentions and claims per actor, and actor ids in exports."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from app.core import actors
from app.core.actor_match import AliasTable, alias_key, propose, split_title
from app.core.exporters import export
from app.core.progress import run_to_end
from app.core.store import StoreError
from app.core.types import NewDocument, NewSpan
from tests.figures_support import Tagged, tag_corpus

ZELENSKY_FORMS = ["Volodymyr Zelensky", "Zelensky", "Mr. Zelensky", "the Ukrainian President",
                  "Ukrainian President Volodymyr Zelensky", "Zelenskyy"]


def targets(forms: list[str]) -> dict[str, str]:
    return {c.alias_text: c.target_text for c in propose(forms)}


def test_alias_key_and_titles() -> None:
    assert alias_key("  The  Kremlin’s ") == alias_key("kremlin") == "kremlin"
    assert alias_key("U.S.") != alias_key("US")  # different keys, joined by the alias table
    assert split_title("Ukrainian President Volodymyr Zelensky") == (["Ukrainian", "President"],
                                                                     ["Volodymyr", "Zelensky"])
    assert split_title("Vladimir Putin, President of Russia") == ([], ["Vladimir", "Putin"])
    assert split_title("Russian forces") == ([], [])


def test_zelensky_variants_all_point_to_one_name() -> None:
    got = targets(ZELENSKY_FORMS)
    assert got == {form: "Volodymyr Zelensky" for form in ZELENSKY_FORMS if form != "Volodymyr Zelensky"}


def test_alias_table_joins_acronyms() -> None:
    got = targets(["NATO", "North Atlantic Treaty Organisation", "U.S.", "US", "United States", "the Kremlin",
                   "Moscow", "Kiev"])
    assert got["North Atlantic Treaty Organisation"] == "NATO"
    assert got["U.S."] == got["US"] == "United States"
    assert got["Moscow"] == "Kremlin" and got["Kiev"] == "Kyiv"
    assert "the Kremlin" not in got  # already the canonical name


def test_places_and_ambiguous_names_never_merge() -> None:
    got = targets(["Kursk", "Kyiv", "Kursk region", "Sudzha", "Joe Biden", "Hunter Biden", "Biden", "President",
                   "North Korean", "South Korea", "North Korea"])
    assert got == {}
    empty = AliasTable({})
    assert {c.alias_text for c in propose(["Kursk", "Kyiv", "Kurska", "Kyiv’s"], empty)} == set()


def test_title_phrase_needs_a_single_person() -> None:
    got = targets(["the President", "President Joe Biden", "President Vladimir Putin"])
    assert "the President" not in got
    assert got["President Joe Biden"] == "Joe Biden"


@pytest.fixture(scope="module")
def tagged(tmp_path_factory: pytest.TempPathFactory, corpus_files: list[Path]) -> Tagged:
    t = tag_corpus(tmp_path_factory.mktemp("actors") / "p.marginalia", corpus_files)
    yield t
    t.store.close()


def entry(store, name: str) -> actors.ActorEntry:
    return next(e for e in actors.actor_index(store) if e.name == name)


def test_corpus_proposals_confirm_reject_and_index(tagged: Tagged) -> None:
    store = tagged.store
    heard: list[str] = []
    unsubscribe = store.subscribe(lambda change: heard.append(change.kind))
    proposals = {p.alias_text: p for p in actors.propose_aliases(store)}
    assert "actors" in heard
    assert proposals["Zelensky"].target_text == "Volodymyr Zelensky"
    assert proposals["Mr. Zelensky"].target_text == "Volodymyr Zelensky"
    assert proposals["North Atlantic Treaty Organisation"].target_text == "NATO"
    assert proposals["Moscow"].target_text == "Kremlin"
    assert "Kursk" not in proposals and "Kyiv" not in proposals
    assert all(p.target_text not in ("Kursk", "Kyiv") for p in proposals.values())

    actors.reject_proposal(store, proposals["Moscow"].id)
    assert actors.confirm_all(store) == len(proposals) - 1
    assert actors.propose_aliases(store) == []  # nothing new, the rejected one does not come back
    assert [p.alias_text for p in actors.list_proposals(store, "rejected")] == ["Moscow"]

    zelensky = entry(store, "Volodymyr Zelensky")
    assert zelensky.actor_id is not None
    assert set(zelensky.aliases) >= {"Zelensky", "Mr. Zelensky", "Ukrainian President Volodymyr Zelensky"}
    assert zelensky.mentions == 5 and len(zelensky.mentions_by_doc) == 2 and zelensky.claims == 2
    assert entry(store, "Ivan Stupak").claims == 1
    nato = entry(store, "NATO")
    assert nato.mentions == 2 and "North Atlantic Treaty Organisation" in nato.aliases
    assert entry(store, "Kursk").actor_id is None and entry(store, "Kyiv").actor_id is None
    assert entry(store, "Moscow").actor_id is None
    assert [e.name for e in actors.list_actors(store, search="zelensky")] == ["Volodymyr Zelensky"]
    assert len(actors.list_actors(store, offset=1, limit=2)) == 2
    unsubscribe()


def test_export_carries_canonical_actor(tagged: Tagged, tmp_path: Path) -> None:
    store = tagged.store
    actors.propose_aliases(store)
    actors.confirm_all(store)
    zelensky_id = entry(store, "Volodymyr Zelensky").actor_id
    run_to_end(export(store, "prodigy", tmp_path / "out.jsonl"))
    tasks = [orjson.loads(line) for line in (tmp_path / "out.jsonl").read_bytes().splitlines()]
    spans = [(t["text"], s) for t in tasks for s in t["spans"]]
    mr = next(s for text, s in spans if text[s["start"] : s["end"]] == "Mr. Zelensky")
    assert (mr["actor_id"], mr["actor"]) == (zelensky_id, "Volodymyr Zelensky")
    kursk = next(s for text, s in spans if s["label"] == "ACTOR" and text[s["start"] : s["end"]] == "Kursk")
    assert kursk["actor_id"] is None and kursk["actor"] == "Kursk"
    assert all("actor_id" not in s for _, s in spans if s["label"] != "ACTOR")
    run_to_end(export(store, "doccano", tmp_path / "out.doccano.jsonl"))
    records = [orjson.loads(x) for x in (tmp_path / "out.doccano.jsonl").read_bytes().splitlines()]
    assert any(e.get("actor_id") == zelensky_id for r in records for e in r["entities"])


def test_merge_rename_split(store) -> None:
    text = "Zelensky met Joe Biden. Biden and the White House agreed. Washington said so."
    doc_id = store.add_document(NewDocument(text))
    for needle in ("Zelensky", "Joe Biden", "Biden and", "White House", "Washington"):
        start = text.find(needle)
        store.add_span(doc_id, NewSpan(start, start + len(needle.replace(" and", "")), "ACTOR"))
    biden = actors.create_actor(store, "Joe Biden", ["Biden"])
    house = actors.create_actor(store, "White House")
    with pytest.raises(StoreError):
        actors.create_actor(store, "Joe Biden")
    actors.merge_actors(store, biden, house)
    assert actors.actor_for_span(store, store.spans_for(doc_id)[3].id).actor_id == biden  # White House
    assert entry(store, "Joe Biden").mentions == 3
    actors.rename_actor(store, biden, "Joseph R. Biden")
    assert entry(store, "Joseph R. Biden").mentions == 3
    assert "Joe Biden" in entry(store, "Joseph R. Biden").aliases
    house_again = actors.split_alias(store, "White House")
    assert entry(store, "White House").actor_id == house_again
    assert entry(store, "Joseph R. Biden").mentions == 2
    with pytest.raises(StoreError):
        actors.split_alias(store, "Joseph R. Biden")  # its own name
    actors.add_alias(store, house_again, "Washington")
    assert entry(store, "White House").mentions == 2
    actors.remove_alias(store, "Washington")
    assert entry(store, "Washington").actor_id is None
    with pytest.raises(StoreError):
        actors.merge_actors(store, biden, biden)
    assert actors.actor_for_span(store, store.spans_for(doc_id)[0].id).name == "Zelensky"


def test_a_merge_is_undone_by_restoring_the_snapshot(store) -> None:
    biden = actors.create_actor(store, "Joe Biden", ["Biden"])
    house = actors.create_actor(store, "White House", ["the White House"])
    before = actors.actors_snapshot(store)
    kept = actors.merge_entries(store, (biden, "Joe Biden"), [(house, "White House"), (None, "Washington")])
    assert kept == biden and actors.alias_map(store)[alias_key("Washington")][0] == biden
    assert actors.actors_snapshot(store) != before
    actors.restore_actors(store, before)
    assert actors.actors_snapshot(store) == before  # ids, names, aliases and timestamps as they were
    assert actors.alias_map(store)[alias_key("the White House")][0] == house
    assert alias_key("Washington") not in actors.alias_map(store)
