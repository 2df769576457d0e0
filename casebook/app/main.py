"""Composition root: arguments → paths → the GUI or a command."""

from __future__ import annotations

import multiprocessing
import sys
import traceback
from collections.abc import Sequence

from casebook.app import cli_messages as msg
from casebook.app.cli import parse, run_command
from casebook.app.paths import AppPaths


def _run_gui(argv: list[str], paths: AppPaths, demo: bool) -> int:
    from casebook.app.display_check import explain_missing_display

    problem = explain_missing_display()
    if problem:
        print(f"casebook: {problem}", file=sys.stderr)
        return msg.EXIT_UNAVAILABLE
    from casebook.ui.launch import run_gui

    if not demo:
        return run_gui(argv)
    from casebook.services.demo import create_demo_binder

    paths.ensure_data_dir()
    session, password = create_demo_binder(paths.demo_binder_dir)
    session.close()
    return run_gui(argv, open_folder=paths.demo_binder_dir, demo_password=password)


def main(argv: Sequence[str] | None = None) -> int:
    multiprocessing.freeze_support()  # the parsing worker re-enters here in a frozen build
    arguments = list(sys.argv[1:] if argv is None else argv)
    args = parse(arguments)
    paths = AppPaths.under(args.data_dir) if args.data_dir else AppPaths.for_user()
    try:
        if args.command is None:
            return _run_gui([sys.argv[0]], paths, args.demo)
        return run_command(args)
    except Exception:
        print("casebook: internal error (a bug in Casebook; please report it):", file=sys.stderr)
        traceback.print_exc()
        return msg.EXIT_BUG


if __name__ == "__main__":
    sys.exit(main())
