"""The Guidance window: every page in the app language, opened from the Help menu and links."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QMenu, QPushButton
from pytestqt.qtbot import QtBot

from casebook.services.guidance import PREPARING, REMOTE_REVIEW, load_guidance
from casebook.store.keyslots import KdfParams
from casebook.ui.common.look import BASE_POINT_SIZE
from casebook.ui.help.guidance_dialog import GuidanceDialog
from casebook.ui.help.guidance_link import GuidanceLinkButton
from casebook.ui.shell.main_window import MainWindow

from .screenshots import save_screenshot, screenshot_folder


def test_every_page_is_listed_and_shown_with_the_note(qtbot: QtBot) -> None:
    dialog = GuidanceDialog(language="en")
    qtbot.addWidget(dialog)
    pages = load_guidance("en")
    assert dialog.topics_list.count() == len(pages)
    assert dialog.topics_list.accessibleName()
    assert dialog.text_view.accessibleName()
    for row, page in enumerate(pages):
        dialog.topics_list.setCurrentRow(row)
        shown = dialog.text_view.toPlainText()
        assert shown.startswith(page.title)
        assert shown.rstrip().endswith(page.note)
    assert dialog.text_view.font().pointSizeF() > BASE_POINT_SIZE  # larger than the app text


def test_a_chinese_locale_shows_chinese_pages(qtbot: QtBot) -> None:
    previous = QLocale()
    QLocale.setDefault(QLocale("zh_CN"))
    try:
        dialog = GuidanceDialog()
        qtbot.addWidget(dialog)
    finally:
        QLocale.setDefault(previous)
    assert dialog.topics_list.item(0).text() == "什么是第二诊疗意见，什么不是"
    assert "不提供任何医疗建议" in dialog.text_view.toPlainText()


def test_a_link_opens_its_page_in_one_window(qtbot: QtBot) -> None:
    host = QPushButton()  # any window the link sits in
    qtbot.addWidget(host)
    link = GuidanceLinkButton(PREPARING, "Why does the MDT need this?", host)
    assert link.accessibleName() == "Why does the MDT need this?"
    host.show()
    link.click()
    dialogs = host.findChildren(GuidanceDialog)
    assert len(dialogs) == 1
    assert dialogs[0].current_key == PREPARING
    assert "Why the MDT needs the records" in dialogs[0].text_view.toPlainText()
    dialogs[0].show_page(REMOTE_REVIEW)
    link.click()
    assert host.findChildren(GuidanceDialog) == dialogs  # raised again, not a second one
    assert dialogs[0].current_key == PREPARING
    dialogs[0].close()


def test_help_menu_opens_guidance(qtbot: QtBot, kdf: KdfParams) -> None:
    window = MainWindow(kdf=kdf)
    qtbot.addWidget(window)
    window.show()
    actions = [a for a in window.menuBar().actions() if a.menu() is not None]
    help_menu = actions[-1].menu()
    assert isinstance(help_menu, QMenu)
    texts = [action.text() for action in help_menu.actions()]
    assert "&Guidance…" in texts
    window.guidance_action.trigger()
    dialog = window.findChild(GuidanceDialog)
    assert isinstance(dialog, GuidanceDialog)
    assert dialog.isVisible()
    dialog.close()
    window.close()


def test_guidance_screenshot(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = GuidanceDialog(language="en")
    qtbot.addWidget(dialog)
    dialog.resize(960, 680)
    shot = save_screenshot(qtbot, dialog, screenshot_folder(tmp_path / "shots"), "guidance")
    assert not QImage(str(shot)).isNull()
