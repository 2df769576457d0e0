"""Imports, in a background thread, the modules the screens after the first one need.

The first window needs Qt and a few small modules. Unlocking needs the storage layer
(SQLCipher, Argon2id, the schema), and the binder's workspace its pages and the services they
read through (numpy, pydicom, reportlab, Pillow…): together seconds of CPU on a slow laptop.
Imported on the GUI thread after Enter, they would freeze the window that long; imported here
while the user types the password, they cost nothing anyone waits for.

Two groups, in order: what unlocking and the Overview need (the unlock's first read waits for
these, so the GUI thread never imports them while this thread does), then, once the workspace
is on screen, the other pages, so a page opened for the first time is built without importing
anything on the GUI thread. Nothing runs unless the app called `start()`: tests and the
command line import what they use, as usual. `start(first=…)` runs one more piece of set-up
left out of the first window (the app's choice of how to start worker processes) on this
thread before the imports. After each group `settled` is called (from this thread): the app
sets the new modules aside from the cycle collector (`gui_gc`).
"""

from __future__ import annotations

import importlib
import threading
from collections.abc import Callable

FIRST_SCREEN = (
    # Left out of the first window (issue 15): the unlock screen with the jobs it runs, and
    # the crash dialog.
    "casebook.ui.binder.unlock_page",
    "casebook.ui.shell.crash_dialog",
    "casebook.services.binder.session",
    "casebook.services.overview",
    "casebook.ui.shell.workspace",
    "casebook.ui.overview.overview_page",
    "casebook.services.preflight",  # read on a reader thread just after the Overview shows
)
OTHER_PAGES = (
    "casebook.ui.records.records_page",
    "casebook.ui.imaging.imaging_page",
    "casebook.ui.timeline.timeline_page",
    "casebook.ui.questions.questions_page",
    "casebook.ui.consultations.consultations_page",
    "casebook.ui.opinions.opinions_page",
    "casebook.ui.export.export_page",
)


class _WarmUp:
    def __init__(self) -> None:
        self.first_screen_ready = threading.Event()
        self.pages_wanted = threading.Event()
        self.done = threading.Event()


_state: _WarmUp | None = None


def _import_all(names: tuple[str, ...]) -> None:
    for name in names:
        try:
            importlib.import_module(name)
        except Exception:  # the same import on the GUI thread raises it again, where the app
            return  # handles it (a broken installation is reported there)


def _run(state: _WarmUp, first: Callable[[], None] | None, settled: Callable[[], None]) -> None:
    try:
        if first is not None:
            first()
        _import_all(FIRST_SCREEN)
        settled()
    finally:
        state.first_screen_ready.set()
    state.pages_wanted.wait()
    try:
        _import_all(OTHER_PAGES)
        settled()
    finally:
        state.done.set()


def start(
    first: Callable[[], None] | None = None, settled: Callable[[], None] = lambda: None
) -> None:
    """Begin importing (once per process), after the first window is on screen; `first` runs
    on the warm-up thread before the imports (and before the unlock's first read can go on),
    `settled` after each group of imports."""
    global _state
    if _state is not None:
        return
    state = _WarmUp()
    _state = state
    # A daemon: quitting at the welcome screen must not wait for imports nobody needs.
    threading.Thread(
        target=_run, args=(state, first, settled), name="casebook-warm-up", daemon=True
    ).start()


def wait_for_workspace() -> None:
    """Block (off the GUI thread) until the first screen's modules are imported, if started."""
    if _state is not None:
        _state.first_screen_ready.wait()


def workspace_modules_ready() -> bool:
    """True once the first screen's modules are imported (or nothing was started)."""
    return _state is None or _state.first_screen_ready.is_set()


def workspace_shown() -> None:
    """The workspace is on screen: the other pages' modules may be imported now."""
    if _state is not None:
        _state.pages_wanted.set()


def wait_until_done(timeout: float | None = None) -> bool:
    """For benchmarks and tests: True once every module is imported (or nothing was started)."""
    return _state is None or _state.done.wait(timeout)
