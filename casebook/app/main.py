"""Composition root: arguments → paths → the GUI or a command.

`casebook` with no command opens the app; `casebook --demo` opens it on a fresh demo binder
(fictional patient, password shown on the unlock screen); `casebook COMMAND` runs one command
of `casebook.app.cli`. Exit codes are listed in `cli_messages.EXIT_CODES_HELP` (and in
`casebook --help`): 0 ok, 1 a problem found by check/verify, 2 usage, 3 wrong password or code,
4 binder damaged, 5 binder unavailable (or no display for the app), 6 not enough space,
7 invalid input, 70 internal error (a bug: a short line plus the traceback), 72 Casebook's own
files are incomplete (reinstall), 130 interrupted.

The same `main()` runs in every build: the `casebook` script of a wheel, `python -m casebook`,
and the PyInstaller executable (installers/entry.py), where the isolated worker process re-enters
it and `multiprocessing.freeze_support()` must take over before anything else happens.

The app's own start imports only what its first window needs (issue 15): the command line's
messages, multiprocessing and the platform's folders load where they are used — the messages
on the command line's path or when something goes wrong, multiprocessing in a frozen build or
once the first window is up (no worker can start before that).
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Sequence
from pathlib import Path

from casebook.app.file_modes import restrict_new_files
from casebook.app.library_threads import limit_library_threads
from casebook.app.paths import AppPaths
from casebook.resources import InstallationBroken, check_installation
from casebook.services.workers.hardening import disable_crash_dumps


def freeze_support() -> None:
    """In the frozen build, hand a spawned worker process over to multiprocessing.

    Outside a frozen build `multiprocessing.freeze_support()` does nothing (a spawned child
    runs `multiprocessing.spawn` itself), so only the frozen build imports it here.
    """
    if getattr(sys, "frozen", False):
        import multiprocessing

        multiprocessing.freeze_support()


def use_spawn() -> None:
    """Start child processes fresh (spawn), never as forks of a process with threads and keys.

    Spawn is what Windows and macOS do anyway; using it on Linux too means the one code path
    that runs everywhere is the one tested here. A command calls it before it runs; the app
    once its first window is up (`run_gui(once_shown=…)`, on the warm-up thread, off the GUI
    thread), where nothing has started a worker yet — and the one place that does asks for
    spawn itself (services/workers/pool.py).
    """
    import multiprocessing

    if multiprocessing.get_start_method(allow_none=True) != "spawn":
        multiprocessing.set_start_method("spawn", force=True)


def demo_language(settings_file: Path) -> str:
    """The demo is written in the language the interface will show ("zh" or "en"): a Chinese
    interface over an English patient, English hospitals and English notes reads as half
    translated."""
    from casebook.ui.common.language import CHINESE, effective_language
    from casebook.ui.common.preferences import use_settings_file

    use_settings_file(settings_file)
    return "zh" if effective_language() == CHINESE else "en"


def app_options(arguments: Sequence[str]) -> tuple[Path | None, bool] | None:
    """`--data-dir` and `--demo` when they are all there is: the app's own start, read without
    the command line's parser (building it imports every command's modules — a tenth of a
    second before the first window). None for anything else (a command, `--help`, a mistake):
    `cli.parse` reads those and says what is wrong, as always."""
    data_dir: Path | None = None
    demo = False
    rest = list(arguments)
    while rest:
        argument = rest.pop(0)
        if argument == "--demo":
            demo = True
        elif argument == "--data-dir" and rest and not rest[0].startswith("-"):
            data_dir = Path(rest.pop(0))
        elif argument.startswith("--data-dir="):
            data_dir = Path(argument.partition("=")[2])
        else:
            return None
    return data_dir, demo


def _run_gui(argv: list[str], paths: AppPaths, demo: bool) -> int:
    from casebook.app.display_check import explain_missing_display

    problem = explain_missing_display()
    if problem:
        from casebook.app import cli_messages as msg

        print(f"casebook: {problem}", file=sys.stderr)
        return msg.EXIT_UNAVAILABLE
    if demo:
        return _run_demo(argv, paths)
    # The app collects reference cycles on its GUI thread (ui/common/gui_gc), which switches
    # the automatic collector off anyway; off from here, it does not walk the many objects the
    # imports make on the way to the first window.
    gc.disable()
    from casebook.ui.shell.launch import run_gui

    return run_gui(argv, settings_file=paths.settings_file, once_shown=use_spawn)


def _run_demo(argv: list[str], paths: AppPaths) -> int:
    """The app on a fresh demo binder (fictional patient), made first."""
    from casebook.app import cli_messages as msg
    from casebook.core.errors import CasebookError
    from casebook.services.demo import create_demo_binder
    from casebook.ui.shell.launch import run_gui

    use_spawn()  # before the demo is made: its documents may be read in a worker
    try:
        paths.ensure_data_dir()
        language = demo_language(paths.settings_file)
        session, password = create_demo_binder(paths.demo_binder_dir, language=language)
        session.close()
    except CasebookError as error:
        text, code = msg.describe(error)
        said = msg.cli_texts().gettext("cannot make the demo binder: {reason}")
        print(f"casebook: {said.format(reason=text)}", file=sys.stderr)
        return code
    except OSError as error:  # the data folder itself cannot be made (read-only home?)
        said = msg.cli_texts().gettext("cannot make the demo binder: {reason}")
        print(f"casebook: {said.format(reason=error)}", file=sys.stderr)
        return msg.EXIT_UNAVAILABLE
    return run_gui(
        argv,
        settings_file=paths.settings_file,
        open_folder=paths.demo_binder_dir,
        demo_password=password,
    )


def _broken_installation(error: InstallationBroken, gui: bool) -> int:
    """Say plainly, in both languages, that Casebook itself needs reinstalling."""
    from casebook.app import cli_messages as msg

    text = msg.broken_installation_text(error)
    print(text, file=sys.stderr)
    if gui:
        from casebook.app.display_check import explain_missing_display

        if not explain_missing_display():
            from casebook.ui.shell.broken_installation import show_broken_installation

            show_broken_installation(*msg.broken_installation_paragraphs(error))
    return msg.EXIT_BROKEN_INSTALLATION


def main(argv: Sequence[str] | None = None) -> int:
    freeze_support()  # the parsing worker re-enters here in a frozen build
    limit_library_threads()  # before anything imports numpy
    restrict_new_files()  # owner-only files and folders from the first byte (see file_modes)
    disable_crash_dumps()  # no core file or error report holding the key or a patient's data
    arguments = list(sys.argv[1:] if argv is None else argv)
    options = app_options(arguments)
    if options is None:
        from casebook.app.cli import parse, run_command

        args = parse(arguments)
        command, data_dir, demo = args.command, args.data_dir, args.demo
    else:
        command, (data_dir, demo) = None, options
    paths = AppPaths.choose(data_dir)
    try:
        if command != "self-test":  # the self-test lists what is missing itself
            check_installation()
        if command is None:
            return _run_gui([sys.argv[0]], paths, demo)
        use_spawn()
        return run_command(args)
    except InstallationBroken as error:
        return _broken_installation(error, gui=command is None)
    except Exception:
        import traceback

        from casebook.app import cli_messages as msg

        said = msg.cli_texts().gettext("internal error (a bug in Casebook; please report it):")
        print(f"casebook: {said}", file=sys.stderr)
        traceback.print_exc()
        return msg.EXIT_BUG


if __name__ == "__main__":
    sys.exit(main())
