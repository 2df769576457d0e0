""" "How to send it" after sealing: the steps follow the way the bundle travels, in both
languages, and always end with the password by another way."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from casebook.bundle.volumes import ArchivePart
from casebook.ui.common.language import CHINESE, ENGLISH, apply_language
from casebook.ui.export.delivery_step import Travel
from casebook.ui.export.send_guide import SendGuide

PARTS = tuple(
    ArchivePart(Path(f"/media/stick/casebook-bundle-2026-11-22.7z.00{n}"), 2_000_000, "ab" * 32)
    for n in (1, 2, 3)
)


def _guide(qtbot: QtBot) -> SendGuide:
    guide = SendGuide()
    qtbot.addWidget(guide)
    guide.resize(1156, 698)
    guide.show()
    return guide


def test_a_stick_needs_no_subject_lines(qtbot: QtBot) -> None:
    guide = _guide(qtbot)
    guide.show_guide(Travel.USB, PARTS[:1], "", date(2026, 11, 22), "en")
    assert guide.first_heading.text() == "1. Copy it onto the USB stick or disc"
    assert "the hospital" in guide.first_text.text()  # no institution given
    assert guide.parts_tree.isColumnHidden(3)
    assert not guide.copy_subject_button.isVisible()
    assert "confirm that it arrived" in guide.password_text.text()
    assert "Open casebook-bundle-2026-11-22.7z.001" in guide.opening_text.text()


def test_a_cloud_link_in_parts_and_the_password_apart(qtbot: QtBot) -> None:
    guide = _guide(qtbot)
    guide.show_guide(Travel.SHARED, PARTS, "Fudan Cancer Center", date(2026, 11, 22), "zh")
    assert guide.first_heading.text() == "1. Share it through the folder or cloud link"
    assert "send Fudan Cancer Center the link" in guide.first_text.text()
    assert guide.parts_tree.topLevelItemCount() == 3
    assert "Put all the files in one folder" in guide.opening_text.text()


@pytest.mark.parametrize("language", [ENGLISH, CHINESE])
def test_e_mails_in_order_in_both_languages(qtbot: QtBot, language: str) -> None:
    apply_language(language)
    try:
        guide = _guide(qtbot)
        guide.show_guide(Travel.EMAIL, PARTS, "Example Hospital", date(2026, 11, 22), "zh")
        heading = guide.first_heading.text()
        password = guide.password_text.text()
        if language == CHINESE:
            assert heading == "1. 按这个顺序发 3 封邮件，每封一个分卷"
            assert "短信" in password
        else:
            assert heading == "1. Send 3 e-mails, one part in each, in this order"
            assert "SMS" in password
        subjects = [guide.parts_tree.topLevelItem(i).text(3) for i in range(3)]  # type: ignore[union-attr]
        assert subjects[2] == "第二诊疗意见病历资料，2026-11-22——第 3 部分，共 3 部分"
    finally:
        apply_language(ENGLISH)


@pytest.mark.parametrize("language", [ENGLISH, CHINESE])
def test_the_whole_subject_of_the_chosen_e_mail_can_be_read(qtbot: QtBot, language: str) -> None:
    """On a 1366×768 laptop the bilingual subject is wider than its column: the chosen
    e-mail's subject is shown whole below the list, and "Copy" still copies that one."""
    apply_language(language)
    try:
        guide = SendGuide()
        qtbot.addWidget(guide)
        guide.resize(1100, 620)  # what the wizard leaves the page on a 1366×768 screen
        guide.show()
        guide.show_guide(Travel.EMAIL, PARTS, "Example Hospital", date(2026, 11, 22), "en+zh")
        tree = guide.parts_tree
        second = tree.topLevelItem(1)
        assert second is not None
        tree.setCurrentItem(second)
        whole = second.text(3)
        assert whole.endswith("第 2 部分，共 3 部分")
        assert guide.subject_text.isVisible()
        assert guide.subject_text.text() == whole
        assert "2" in guide.subject_caption.text()
        shown = guide.subject_text
        qtbot.waitUntil(lambda: shown.height() >= shown.heightForWidth(shown.width()))
        assert shown.geometry().right() <= guide.width()  # wrapped inside the page, not cut
        guide.copy_subject()
        assert QGuiApplication.clipboard().text() == whole
        guide.show_guide(Travel.USB, PARTS[:1], "", date(2026, 11, 22), "en")
        assert not guide.subject_text.isVisible()
    finally:
        apply_language(ENGLISH)
