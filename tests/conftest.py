"""Suite-wide test set-up: offscreen Qt and the rule for outside tools.

Qt must be told to render offscreen before any Qt module is imported, so this happens at import
time. Outside tools (7z, dcmtk, poppler, qpdf) are judges of what we write: locally a missing
tool skips the test with a visible reason; in CI (CI=true) it fails, because .ci/run installs them.
"""

from __future__ import annotations

import functools
import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from binder_copies import BinderCopies
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from casebook.app.library_threads import limit_library_threads
from casebook.services import clock
from casebook.services.clock import SetClock, clock_set_to

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# As the app sets it in main() (casebook/app/library_threads.py), before numpy is imported here
# and in the file workers this process spawns.
limit_library_threads()

RUNNING_IN_CI = os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}

TESTS = Path(__file__).resolve().parent
# The longest files (seconds in a full run on 2 quiet cores, 3 Dec 2026), run first. `make test`
# gives each test process whole files (--dist loadfile), next file to whichever is free, in
# collection order (--no-loadscope-reorder: xdist would re-sort them by number of tests): a long
# file that started last kept one core busy long after the other was done. Longest first, the
# two finish together. A file not listed only costs time.
LONGEST_FIRST = (
    "test_packaging.py",  # 98 s: the PyInstaller build, its .deb installed and removed
    "security/test_crash_and_faults.py",  # 73 s: kills and full disks, every workload
    "app/test_cli.py",  # 72 s
    "test_wheel_install.py",  # 63 s: sdist, wheel, a fresh venv
    "ui/test_screen_sizes.py",  # 33 s: four screens, a process each
    "services/test_recognition.py",  # 28 s: OCR of photographed reports
    "app/test_cli_bundle.py",  # 27 s
    "app/test_cli_seal.py",  # 24 s
    "security/test_rekey.py",  # 23 s
    "app/test_cli_sharing.py",  # 21 s
    "ui/test_sharing_windows.py",  # 21 s
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Put the longest files first, each file's tests still together and in their order."""
    gone = [name for name in LONGEST_FIRST if not (TESTS / name).is_file()]
    if gone:  # a renamed file would silently lose its place
        raise pytest.UsageError(f"tests/conftest.py LONGEST_FIRST names missing files: {gone}")
    rank = {name: place for place, name in enumerate(LONGEST_FIRST)}

    def place(item: pytest.Item) -> int:
        relative = (
            item.path.relative_to(TESTS).as_posix() if item.path.is_relative_to(TESTS) else ""
        )
        return rank.get(relative, len(LONGEST_FIRST))

    items.sort(key=place)


def find_tool(*names: str) -> Path:
    """Return the first of ``names`` found on PATH; skip (locally) or fail (CI) if none is."""
    for name in names:
        found = shutil.which(name)
        if found:
            return Path(found)
    reason = f"outside tool not installed: {' or '.join(names)} (.ci/run installs it)"
    if RUNNING_IN_CI:
        pytest.fail(reason, pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def binder_copies(tmp_path_factory: pytest.TempPathFactory) -> BinderCopies:
    """New binders made once per test process and copied for each test (see binder_copies)."""
    return BinderCopies(tmp_path_factory.mktemp("made-binders"))


@pytest.fixture
def require_tool() -> Callable[..., Path]:
    """``require_tool("7zz", "7z")`` -> path of the first tool found, else skip/fail."""
    return find_tool


@pytest.fixture
def set_clock() -> Iterator[SetClock]:
    """Casebook's clock stands still at the moment the test began until the test moves it
    (`set_clock.advance(timedelta(days=8))`): no test depends on two things happening in the
    same second, or in different ones."""
    with clock_set_to(clock.utc_now()) as fixed:
        yield fixed


@pytest.fixture
def qtbot(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> Iterator[QtBot]:
    """pytest-qt's qtbot, holding on to the widgets it is given until it has closed them.

    pytest-qt keeps weak references only, so once a test returns, a page it no longer names is
    garbage while still on screen, and the collector (Casebook runs it from a GUI timer, which
    fires while pytest-qt processes events before closing the test's widgets) may tear it down
    in any order: a widget goes first, the splitter around it lays out again, and a list view
    asks a model Python has already cleared for its rows. Held, a page is closed first; then its
    deferred deletes run here, so Qt destroys it, in Qt's order, before the next test begins.
    """
    held: dict[int, QWidget] = {}  # let go of when Qt destroys it (a viewer closed by the test)
    add_widget = qtbot.addWidget

    def add_and_hold(
        widget: QWidget, *, before_close_func: Callable[[QWidget], None] | None = None
    ) -> None:
        held[id(widget)] = widget
        widget.destroyed.connect(functools.partial(held.pop, id(widget), None))
        add_widget(widget, before_close_func=before_close_func)

    monkeypatch.setattr(qtbot, "addWidget", add_and_hold)
    yield qtbot
    held.clear()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture(autouse=True)
def no_window_left_on_screen() -> Iterator[None]:
    """Hide what a test left on screen when it ends.

    A page dropped while shown is destroyed later by the garbage collector, in whichever test
    runs then; its views then ask models Python has already cleared for their rows, and that
    other test fails. Hidden, the views ask nothing. (Hide, not close: a close may ask a
    question and wait for an answer nobody gives.)
    """
    yield
    if QApplication.instance() is None:
        return  # a test without Qt
    for widget in QApplication.topLevelWidgets():
        if widget.isVisible():
            widget.hide()
