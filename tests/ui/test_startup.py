"""Start-up and unlock (issue 15): the first window loads no storage layer or file-format
library, nor anything else that only later screens, the command line or a failure need; after
Enter the workspace arrives with the Overview's data, and only the Overview is built — every
other page is built, and reads the binder, the first time it is shown."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from casebook.core.model import RecordKind
from casebook.services.binder.session import KdfParams
from casebook.services.demo import create_demo_binder
from casebook.ui.shell.main_window import MainWindow

_FIRST_WINDOW = """
import json, sys
from casebook.app import main
from casebook.ui.shell import launch

def ready(window):
    print(json.dumps({"screen": type(window.stack.currentWidget()).__name__,
                      "loaded": [name for name in HEAVY if name in sys.modules]}), flush=True)
    window.close()

launch.report_ready = ready  # once the first window is up and its event loop runs
launch.warm_up.start = lambda **_later: None  # what comes after the first window
sys.exit(main.main(["--data-dir", sys.argv[1]]))
"""

# Left out of the first window: the storage layer and the file formats (seconds of CPU on a
# slow laptop), and what only later screens, the command line or a failure need (issue 15:
# each of these cost milliseconds before the window appeared).
HEAVY = (
    # storage, file formats, the workspace
    "numpy", "pydicom", "reportlab", "PIL", "sqlcipher3", "argon2", "pypdf",
    "casebook.store.database", "casebook.services.binder.session",
    "casebook.ui.shell.workspace", "casebook.ui.records.records_page",
    # the command line's words and worker processes
    "casebook.app.cli_messages", "casebook.bundle.errors", "multiprocessing", "platformdirs",
    "subprocess",
    # the unlock screen and the jobs it runs, the error words and labels it may show
    "casebook.ui.binder.unlock_page", "casebook.ui.common.ops", "casebook.ui.common.tasks",
    "concurrent.futures", "casebook.core.errors", "casebook.core.model",
    "casebook.ui.common.labels", "casebook.texts",
    # dialogs: files, messages, a crash
    "casebook.ui.common.file_dialogs", "casebook.ui.shell.crash_dialog",
    # standard modules only later screens use (each costs milliseconds to import or use)
    "dataclasses", "hashlib",
)  # fmt: skip


@pytest.fixture
def demo(tmp_path: Path) -> tuple[Path, str]:
    """The demo binder (a fictional patient with documents, imaging and opinions)."""
    folder = tmp_path / "Demo binder"
    session, password = create_demo_binder(folder, KdfParams.minimum())
    session.close()
    return folder, password


def test_the_first_window_loads_only_what_it_shows(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    script = f"HEAVY = {HEAVY!r}\n{_FIRST_WINDOW}"
    done = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "data")],
        capture_output=True,
        text=True,
        check=True,
        env=env,
        timeout=120,
    )
    shown = json.loads(done.stdout.strip().splitlines()[0])
    assert shown == {"screen": "WelcomePage", "loaded": []}


def test_unlock_shows_the_overview_with_its_data_and_builds_other_pages_when_shown(
    qtbot: QtBot, demo: tuple[Path, str]
) -> None:
    folder, password = demo
    window = MainWindow(open_folder=folder, demo_password=None, kdf=KdfParams.minimum())
    qtbot.addWidget(window)
    window.show()
    page = window.unlock_page
    assert page is not None
    page.password_edit.setText(password)
    with qtbot.waitSignal(window.binder_opened, timeout=20_000):
        qtbot.keyClick(page.password_edit, Qt.Key.Key_Return)
    workspace = window.workspace
    assert workspace is not None
    # The data came with the unlock: nothing is painted empty and filled a moment later. The
    # page is made over a few turns of the event loop, each part with its data as it comes.
    overview_page = workspace.overview_page
    assert overview_page.name_label.text()  # the heading at once, with the case's name
    if not overview_page.building.finished:
        qtbot.waitSignal(overview_page.building.done).wait()
    overview = overview_page.overview
    assert overview is not None
    assert overview.document_count > 0
    assert workspace.built_pages() == [workspace.overview_page]

    # A link from the Overview to one kind of record builds the Records page, which then
    # opens on that kind once its own first read is back.
    workspace.show_section("records")
    workspace.records_page.select_slot(RecordKind.PATHOLOGY)
    assert workspace.is_built("records")
    assert not workspace.is_built("imaging")
    records = workspace.records_page
    qtbot.waitUntil(lambda: records.snapshot is not None, timeout=20_000)
    assert records.slot_tree.selected_slot_kind() is RecordKind.PATHOLOGY
    assert records.slot_tree.currentIndex() == records.slot_tree.slot_index(RecordKind.PATHOLOGY)
    assert workspace.pages.currentWidget() is records
