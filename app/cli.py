"""The command line: `python -m app <command> --db PROJECT ...`. Every command is a thin call into app.core.

Exit codes: 0 success, 2 usage error (argparse), 3 some records rejected (the good ones are kept), 1 failure.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import orjson

from app.core.paths import default_project_path
from app.core.progress import Job, Progress, run_to_end

if TYPE_CHECKING:
    from app.core.store import Store

T = TypeVar("T")

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_REJECTED = 0, 1, 2, 3


def _progress_printer(enabled: bool) -> Callable[[Progress], None] | None:
    if not enabled:
        return None

    def show(p: Progress) -> None:
        total = f"/{p.total}" if p.total else ""
        print(f"\r{p.message} {p.done}{total}", end="", file=sys.stderr, flush=True)

    return show


def run_job(job: Job[T], progress: bool) -> T:
    """Run `job` to its end, showing its progress on one stderr line if `progress`."""
    result = run_to_end(job, _progress_printer(progress))
    if progress:
        print(file=sys.stderr)  # end the progress line
    return result


def _open_store(args: argparse.Namespace) -> Store:
    from app.core.store import Store

    return Store(args.db)


def cmd_import(args: argparse.Namespace) -> int:
    from app.core.importers import import_paths

    missing = [p for p in args.paths if not Path(p).exists()]
    if missing:
        print(f"import: no such file or folder: {', '.join(missing)}", file=sys.stderr)
        return EXIT_USAGE
    with _open_store(args) as store:
        report = run_job(import_paths(store, args.paths, args.format), args.progress)
    print(report.summary(), file=sys.stderr)
    return EXIT_REJECTED if report.rejected else EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from app.core.exporters import export
    from app.core.types import Status

    statuses = [Status(s) for s in args.status] if args.status else None
    with _open_store(args) as store:
        report = run_job(
            export(
                store, args.format, Path(args.out), include_suggestions=args.include_suggestions,
                statuses=statuses, seed=args.seed, dev_fraction=args.dev_fraction,
            ),
            args.progress,
        )
    print(report.summary(), file=sys.stderr)
    return EXIT_OK


def cmd_stats(args: argparse.Namespace) -> int:
    with _open_store(args) as store:
        stats = store.stats()
    if args.json:
        sys.stdout.write(orjson.dumps(stats, option=orjson.OPT_INDENT_2).decode() + "\n")
        return EXIT_OK
    docs = stats["documents"]
    print(f"documents: {docs['total']}")
    for status, n in docs["by_status"].items():
        print(f"  {status:<12} {n}")
    print("spans (accepted):")
    for label, info in stats["spans"]["accepted"].items():
        origins = ", ".join(f"{o} {n}" for o, n in sorted(info["by_origin"].items()))
        print(f"  {label:<12} {info['total']}  ({origins})")
    if stats["spans"]["pending"]:
        print("suggestions (pending):")
        for label, n in stats["spans"]["pending"].items():
            print(f"  {label:<12} {n}")
    for label, n in stats["relations"].items():
        print(f"relations {label}: {n}")
    return EXIT_OK


def _add_db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db", type=Path, default=default_project_path(),
        help=f"project database (default: {default_project_path()})",
    )


def build_parser() -> argparse.ArgumentParser:
    from app.core.types import Status

    parser = argparse.ArgumentParser(prog="python -m app", description="Marginalia command line.")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("import", help="import articles (txt files or folders, JSONL, CSV)")
    _add_db(p)
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--format", choices=["auto", "txt", "jsonl", "csv"], default="auto")
    p.add_argument("--progress", action="store_true", help="show progress on stderr")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("export", help="export annotations")
    _add_db(p)
    p.add_argument("--format", choices=["prodigy", "spacy", "doccano", "csv"], required=True)
    p.add_argument("out", help="output file (a folder for --format spacy)")
    p.add_argument("--include-suggestions", action="store_true", help="also export pending suggestions")
    p.add_argument(
        "--status", action="append", choices=[str(s) for s in Status],
        help="only documents with this status (repeatable; default: all)",
    )
    p.add_argument("--seed", type=int, default=0, help="seed of the train/dev split (spacy)")
    p.add_argument("--dev-fraction", type=float, default=0.2, help="share of documents for dev (spacy)")
    p.add_argument("--progress", action="store_true", help="show progress on stderr")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("stats", help="documents by status, spans by label and origin")
    _add_db(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_stats)

    for register in EXTRA_COMMANDS:
        register(sub, _add_db)
    return parser


# Other modules add their sub-commands here: register(subparsers, add_db_option).
EXTRA_COMMANDS: list[Callable[[argparse._SubParsersAction, Callable[[argparse.ArgumentParser], None]], None]] = []
COMMANDS = {"import", "export", "stats"}


def run_cli(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    from app.core.schema import SchemaError
    from app.core.store import StoreError

    try:
        return args.func(args)
    except (SchemaError, StoreError, OSError) as exc:
        print(f"{args.command}: {exc}", file=sys.stderr)
        return EXIT_FAILED


import app.cli_figures  # noqa: E402  (registers the figures and actors commands)
import app.cli_suggest  # noqa: E402, F401  (registers the suggest and evaluate commands)
