"""`suggest` and `evaluate` sub-commands (registered into app.cli).

    python -m app suggest --db DB [--model NAME_OR_PATH] [--only todo]
    python -m app evaluate --db DB --gold GOLD.jsonl [--spans all|pending|accepted] [--json]
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

import orjson

from app import cli

STATES = ("all", "pending", "accepted")  # --spans choices: keys of app.core.suggest.evaluate.STATE_CHOICES


def cmd_suggest(args: argparse.Namespace) -> int:
    from app.core.store import Store
    from app.core.suggest.batch import suggest_project
    from app.core.suggest.engine import LOAD_ERRORS, load_engine

    try:
        engine = load_engine(args.model, args.label_map, args.patterns)
    except LOAD_ERRORS as exc:
        print(f"suggest: {exc}", file=sys.stderr)
        return cli.EXIT_FAILED
    with Store(args.db) as store:
        job = suggest_project(store, engine, only_todo=args.only == "todo", batch_docs=args.batch_size)
        report = cli.run_job(job, args.progress)
    print(report.summary(), file=sys.stderr)
    return cli.EXIT_OK


def cmd_evaluate(args: argparse.Namespace) -> int:
    from app.core.store import Store
    from app.core.suggest.evaluate import STATE_CHOICES, evaluate_store, format_report, load_gold

    if not Path(args.gold).is_file():
        print(f"evaluate: no such gold file: {args.gold}", file=sys.stderr)
        return cli.EXIT_USAGE
    try:
        gold = load_gold(args.gold)
    except (orjson.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
        print(f"evaluate: {args.gold} is not gold data in the Prodigy format: {exc}", file=sys.stderr)
        return cli.EXIT_FAILED
    with Store(args.db) as store:
        result = evaluate_store(store, gold, STATE_CHOICES[args.spans])
    if result["documents"] == 0:
        print(f"evaluate: none of the {len(gold)} gold documents is in the project {args.db}", file=sys.stderr)
        return cli.EXIT_FAILED
    if args.json:
        sys.stdout.write(orjson.dumps(result, option=orjson.OPT_INDENT_2).decode() + "\n")
    else:
        print(format_report(result))
    return cli.EXIT_OK


def register(sub: argparse._SubParsersAction, add_db: Callable[[argparse.ArgumentParser], None]) -> None:
    from app.core.suggest.config import DEFAULT_LABEL_MAP_PATH, DEFAULT_PATTERNS_PATH
    from app.core.suggest.pipeline import DEFAULT_PIPELINE

    p = sub.add_parser("suggest", help="pre-annotate documents with model suggestions (stored as pending)")
    add_db(p)
    p.add_argument("--model", default=DEFAULT_PIPELINE,
                   help=f"installed spaCy package or model folder (default: {DEFAULT_PIPELINE})")
    p.add_argument("--only", choices=["todo", "all"], default="all", help="which documents (default: all)")
    p.add_argument("--label-map", type=Path, default=DEFAULT_LABEL_MAP_PATH, help="label map and word lists (TOML)")
    p.add_argument("--patterns", type=Path, default=DEFAULT_PATTERNS_PATH, help="pattern file (Prodigy JSONL)")
    p.add_argument("--batch-size", type=int, default=64, help="documents per batch and transaction")
    p.add_argument("--progress", action="store_true", help="show progress on stderr")
    p.set_defaults(func=cmd_suggest)

    p = sub.add_parser("evaluate", help="score the project's spans against gold data (Prodigy JSONL)")
    add_db(p)
    p.add_argument("--gold", required=True, help="gold file: one Prodigy-format JSON object a line")
    p.add_argument("--spans", choices=sorted(STATES), default="all",
                   help="which spans to score: pending suggestions, accepted ones, or all (default)")
    p.add_argument("--json", action="store_true", help="print the scores as JSON")
    p.set_defaults(func=cmd_evaluate)


cli.EXTRA_COMMANDS.append(register)
cli.COMMANDS.update({"suggest", "evaluate"})
