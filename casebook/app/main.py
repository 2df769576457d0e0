"""Composition root: arguments → paths → the GUI or a command.

`casebook` with no command opens the app; `casebook --demo` opens it on a fresh demo binder
(fictional patient, password shown on the unlock screen); `casebook COMMAND` runs one command
of `casebook.app.cli`. Exit codes are listed in `cli_messages.EXIT_CODES_HELP` (and in
`casebook --help`): 0 ok, 1 a problem found by check/verify, 2 usage, 3 wrong password or code,
4 binder damaged, 5 binder unavailable (or no display for the app), 6 not enough space,
7 invalid input, 70 internal error (a bug: a short line plus the traceback), 130 interrupted.
"""

from __future__ import annotations

import multiprocessing
import sys
import traceback
from collections.abc import Sequence

from casebook.app import cli_messages as msg
from casebook.app.cli import parse, run_command
from casebook.app.paths import AppPaths
from casebook.core.errors import CasebookError


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

    try:
        paths.ensure_data_dir()
        session, password = create_demo_binder(paths.demo_binder_dir)
        session.close()
    except CasebookError as error:
        text, code = msg.describe(error)
        print(f"casebook: cannot make the demo binder: {text}", file=sys.stderr)
        return code
    except OSError as error:  # the data folder itself cannot be made (read-only home?)
        print(f"casebook: cannot make the demo binder: {error}", file=sys.stderr)
        return msg.EXIT_UNAVAILABLE
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
