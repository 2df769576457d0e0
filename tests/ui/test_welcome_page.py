"""The welcome page's recent binders: a model, named by folder, refreshed when the page is
shown again, opened with Enter as well as a double-click."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from casebook.ui.binder.recent_model import ObjectRole, RecentBinder
from casebook.ui.binder.welcome_page import WelcomePage
from casebook.ui.common.preferences import forget_binder, remember_binder


@pytest.fixture
def page() -> Iterator[WelcomePage]:
    """Kept until the model tester has let go of its model (after the test's widgets)."""
    shown = WelcomePage()
    yield shown
    shown.close()


def test_recent_binders_are_a_model_named_by_folder(
    page: WelcomePage, binder_folder: Path, tmp_path: Path, qtmodeltester: ModelTester
) -> None:
    moved = tmp_path / "elsewhere" / "Casebook binder Mum"
    remember_binder(moved)
    remember_binder(binder_folder)
    page.show()
    model = page.recent_model
    qtmodeltester.check(model, force_py=True)
    assert [model.index(row).data() for row in range(model.rowCount())] == [
        f"{binder_folder.name}\nin {binder_folder.parent}",
        f"{moved.name}\nnot found — was it moved? ({moved.parent})",
    ]
    assert model.index(1).data(ObjectRole) == RecentBinder(moved, found=False)
    assert model.index(0).data(Qt.ItemDataRole.ToolTipRole) == str(binder_folder)
    assert page.recent_list.isVisible()

    # Chosen, then the list changes while the page is away: shown again, it is read again
    # and the chosen binder is still the chosen one, though its row moved.
    page.recent_list.setCurrentIndex(model.index(0))
    page.hide()
    newer = tmp_path / "Casebook binder Dad"
    newer.mkdir()
    remember_binder(newer)
    page.show()
    assert model.rowCount() == 3
    assert model.index(0).data(ObjectRole).folder == newer
    assert page.recent_list.currentIndex().data(ObjectRole).folder == binder_folder

    for folder in (newer, binder_folder, moved):
        forget_binder(folder)
    page.refresh()
    assert model.rowCount() == 0
    assert not page.recent_list.isVisible()


def test_enter_opens_the_chosen_binder(qtbot: QtBot, binder_folder: Path, tmp_path: Path) -> None:
    remember_binder(tmp_path / "gone" / "Casebook binder old")
    remember_binder(binder_folder)
    page = WelcomePage()
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    page.recent_list.setFocus()
    page.recent_list.setCurrentIndex(page.recent_model.index(0))
    qtbot.keyClick(page.recent_list, Qt.Key.Key_Down)
    with qtbot.assertNotEmitted(page.open_requested):
        qtbot.keyClick(page.recent_list, Qt.Key.Key_Return)
    assert "cannot be found" in page.message.text()
    qtbot.keyClick(page.recent_list, Qt.Key.Key_Up)
    with qtbot.waitSignal(page.open_requested) as opened:
        qtbot.keyClick(page.recent_list, Qt.Key.Key_Return)
    assert opened.args == [binder_folder]
