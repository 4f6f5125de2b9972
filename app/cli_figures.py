"""`figures` and `actors` sub-commands (registered into app.cli).

    python -m app figures --db DB [--json] [--csv OUT] [--tolerance 0.1] [--normalise] [--include-suggestions]
    python -m app actors --db DB [--json] [--propose] [--confirm ID ...] [--reject ID ...] [--confirm-all]
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

import orjson

from app import cli


def _dump(value: object) -> None:
    sys.stdout.write(orjson.dumps(value, option=orjson.OPT_INDENT_2).decode() + "\n")


def cmd_figures(args: argparse.Namespace) -> int:
    from app.core.figures import normalise_document
    from app.core.ledger import build_ledger, format_ledger, write_ledger_csv
    from app.core.store import Store

    if args.tolerance < 0:
        print("figures: --tolerance must not be negative", file=sys.stderr)
        return cli.EXIT_USAGE
    if not Path(args.db).exists():
        print(f"figures: no such project: {args.db}", file=sys.stderr)
        return cli.EXIT_FAILED
    with Store(args.db) as store:
        if args.normalise:
            docs = [r[0] for r in store.conn.execute("SELECT DISTINCT doc_id FROM spans WHERE label = 'FIGURE'")]
            changed = sum(normalise_document(store, doc_id) for doc_id in docs)
            print(f"figures: stored attributes of {changed} figure(s)", file=sys.stderr)
        ledger = build_ledger(store, args.tolerance, args.include_suggestions)
    if args.csv:
        n = write_ledger_csv(ledger, Path(args.csv))
        print(f"figures: wrote {n} figure(s) to {args.csv}", file=sys.stderr)
    if args.json:
        _dump(ledger.to_dict())
    elif not args.csv:
        print(format_ledger(ledger))
    return cli.EXIT_OK


def cmd_actors(args: argparse.Namespace) -> int:
    from app.core.actors import (
        actor_index,
        confirm_all,
        confirm_proposal,
        list_proposals,
        propose_aliases,
        reject_proposal,
    )
    from app.core.store import Store

    if not Path(args.db).exists():
        print(f"actors: no such project: {args.db}", file=sys.stderr)
        return cli.EXIT_FAILED
    with Store(args.db) as store:
        for proposal_id in args.confirm or []:
            confirm_proposal(store, proposal_id)
        for proposal_id in args.reject or []:
            reject_proposal(store, proposal_id)
        if args.confirm_all:
            n = confirm_all(store)
            print(f"actors: confirmed {n} proposal(s)", file=sys.stderr)
        proposals = propose_aliases(store) if args.propose else list_proposals(store)
        entries = actor_index(store)
    if args.json:
        _dump({"actors": [e.to_dict() for e in entries], "proposals": [p.to_dict() for p in proposals]})
        return cli.EXIT_OK
    if not entries:
        print("No actors in this project.")
    for e in entries:
        ident = f"#{e.actor_id}" if e.actor_id is not None else "(unresolved)"
        print(f"{e.name} {ident}: {e.mentions} mention(s) in {len(e.mentions_by_doc)} article(s), {e.claims} claim(s)")
        if e.aliases:
            print(f"    aliases: {', '.join(e.aliases)}")
    if proposals:
        print("\nProposed aliases (confirm with --confirm ID, refuse with --reject ID):")
        for p in proposals:
            print(f"  [{p.id}] {p.alias_text!r} -> {p.target_text!r}  ({p.reason}, {p.score:.2f})")
    return cli.EXIT_OK


def register(sub: argparse._SubParsersAction, add_db: Callable[[argparse.ArgumentParser], None]) -> None:
    p = sub.add_parser("figures", help="the figure ledger: every figure grouped by quantity, conflicts flagged")
    add_db(p)
    p.add_argument("--json", action="store_true", help="print the ledger as JSON")
    p.add_argument("--csv", metavar="OUT", help="write the ledger to a CSV file")
    p.add_argument("--tolerance", type=float, default=0.10,
                   help="relative difference above which values conflict (default 0.10)")
    p.add_argument("--normalise", action="store_true",
                   help="first store computed attributes on figures (analyst edits are kept)")
    p.add_argument("--include-suggestions", action="store_true", help="also list pending FIGURE suggestions")
    p.set_defaults(func=cmd_figures)

    p = sub.add_parser("actors", help="canonical actors with aliases, mentions and claims")
    add_db(p)
    p.add_argument("--json", action="store_true", help="print actors and proposals as JSON")
    p.add_argument("--propose", action="store_true", help="compute new alias proposals")
    p.add_argument("--confirm", type=int, action="append", metavar="ID", help="accept a proposal (repeatable)")
    p.add_argument("--reject", type=int, action="append", metavar="ID", help="refuse a proposal (repeatable)")
    p.add_argument("--confirm-all", action="store_true", help="accept every pending proposal")
    p.set_defaults(func=cmd_actors)


cli.EXTRA_COMMANDS.append(register)
cli.COMMANDS.update({"figures", "actors"})
