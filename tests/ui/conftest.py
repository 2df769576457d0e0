"""Fixtures for UI tests: offscreen Qt, settings kept in a temporary folder, small binders."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest
from binder_copies import BinderCopies
from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from casebook.core.model import Case, PartialDate
from casebook.services.binder.session import BinderSession
from casebook.store.keyslots import KdfParams
from casebook.ui.common.gui_gc import collect_on_gui_thread
from casebook.ui.common.look import apply_look
from casebook.ui.common.preferences import use_settings_file
from casebook.ui.common.tasks import BackgroundTask, writer_pool

PASSWORD = "violet harbour lantern 1987"
PATIENT = "Ada Example"


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Each UI test gets empty settings in a temporary folder (as the app does with its data
    folder), never the user's own: Casebook's settings.ini and Qt's QtProject.conf both."""
    folder = tmp_path_factory.mktemp("settings")
    QCoreApplication.setOrganizationName("CasebookTests")
    QCoreApplication.setApplicationName("CasebookTests")
    use_settings_file(folder / "settings.ini")
    return folder


@pytest.fixture(autouse=True)
def casebook_look(qapp: QApplication) -> None:
    """Tests see the app as users do (style, palette, font size, garbage collected on the GUI
    thread only)."""
    apply_look(qapp)
    collect_on_gui_thread(qapp)


@pytest.fixture
def kdf() -> KdfParams:
    return KdfParams.minimum()


@pytest.fixture
def binder_folder(tmp_path: Path, kdf: KdfParams, binder_copies: BinderCopies) -> Path:
    """A small, closed binder for Ada Example, password `PASSWORD`."""
    folder = tmp_path / "Casebook binder test"
    case = Case(PATIENT, PartialDate(1958, 3, 14), "Suspected pancreatic cancer, stage unclear")
    binder_copies.copy(folder, PASSWORD, case, kdf)
    return folder


@pytest.fixture
def session(binder_folder: Path, binder_copies: BinderCopies) -> Iterator[BinderSession]:
    """The small binder, unlocked; closed after the test."""
    opened = binder_copies.open(binder_folder)
    yield opened
    opened.close()


def close_on_writer_lane(qtbot: QtBot, session: BinderSession) -> None:
    """Close a session opened by the UI where the UI closes it: on the writer lane."""
    context = QObject()
    done: list[bool] = []
    BackgroundTask(context, lambda _r, _c: session.close()).on_success(
        lambda _none: done.append(True)
    ).start(writer_pool())
    qtbot.waitUntil(lambda: done == [True])


# The offscreen platform warns about a feature it lacks; it says nothing about our code.
_OFFSCREEN_NOISE = pytest.mark.qt_log_ignore(
    r"This plugin does not support (propagateSizeHints|raise)\(\)"
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in item.path.parents:
            item.add_marker(_OFFSCREEN_NOISE)
