"""Start-up and unlock (issue 15): the first window loads no storage layer or file-format
library; after Enter the workspace arrives with the Overview's data, and only the Overview is
built — every other page is built, and reads the binder, the first time it is shown."""

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
from pathlib import Path
from PySide6.QtCore import QTimer
from casebook.ui.shell import launch
app, window = launch.start_gui(sys.argv[:1], settings_file=Path(sys.argv[1]))
heavy = ("numpy", "pydicom", "reportlab", "PIL", "sqlcipher3", "argon2", "pypdf",
         "casebook.store.database", "casebook.services.binder.session",
         "casebook.ui.shell.workspace", "casebook.ui.records.records_page")
print(json.dumps({"screen": type(window.stack.currentWidget()).__name__,
                  "loaded": [name for name in heavy if name in sys.modules]}))
"""


@pytest.fixture
def demo(tmp_path: Path) -> tuple[Path, str]:
    """The demo binder (a fictional patient with documents, imaging and opinions)."""
    folder = tmp_path / "Demo binder"
    session, password = create_demo_binder(folder, KdfParams.minimum())
    session.close()
    return folder, password


def test_the_first_window_loads_neither_storage_nor_file_formats(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", _FIRST_WINDOW, str(tmp_path / "casebook.ini")],
        capture_output=True,
        text=True,
        check=True,
        env=env,
        timeout=120,
    )
    shown = json.loads(done.stdout.strip().splitlines()[-1])
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
    # The data came with the unlock: nothing is painted empty and filled a moment later.
    overview = workspace.overview_page.overview
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
