"""`python -m app` starts the window; `python -m app <command> ...` runs the command line."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if "--self-test" in args:  # headless check of the whole chain (also inside the bundle); no Qt
        from app.core.selftest import main as selftest

        return selftest(args)
    from app.cli import COMMANDS, run_cli

    if (args and args[0] in COMMANDS) or args[:1] in (["-h"], ["--help"]):
        return run_cli(args)
    from app.ui.main import run_gui

    return run_gui(args)


if __name__ == "__main__":
    import multiprocessing

    multiprocessing.freeze_support()  # a bundled build starts the suggestion model's child process through here
    sys.exit(main())
