"""A message never moves the page under the pointer: the bar holds its line whether it shows a
message or not, and a long message spreads over its neighbours instead of pushing them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QAbstractButton, QLabel, QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from casebook.services.binder.session import BinderSession
from casebook.ui.common.message_bar import MessageBar
from casebook.ui.export.export_page import ExportPage

LONG = (
    "The bundle could not be written to the folder you chose. Was the USB stick removed? "
    "Nothing was left behind; check the drive and try again. "
) * 4


def _where(widget: QWidget, window: QWidget) -> QPoint:
    return widget.mapTo(window, QPoint(0, 0))


def _host(qtbot: QtBot, bar_last: bool = False) -> tuple[QWidget, MessageBar, QPushButton]:
    host = QWidget()
    qtbot.addWidget(host)
    bar = MessageBar()
    button = QPushButton("Add a question")
    layout = QVBoxLayout(host)
    layout.addWidget(QLabel("Questions for the doctor"))
    if bar_last:
        layout.addStretch(1)
        layout.addWidget(button)
        layout.addWidget(bar)
    else:
        layout.addWidget(bar)
        layout.addWidget(button)
        layout.addStretch(1)
    host.resize(520, 360)
    host.show()
    qtbot.waitExposed(host)
    return host, bar, button


def test_a_button_stays_put_as_messages_come_and_go(qtbot: QtBot) -> None:
    host, bar, button = _host(qtbot)
    before = _where(button, host)
    bar.show_error("Could not save.")
    qtbot.waitUntil(bar.isVisible)
    assert _where(button, host) == before
    line = bar.height()
    bar.show_message(LONG)  # several lines: spreads over the button instead of pushing it
    assert _where(button, host) == before
    label = bar.findChild(QLabel, "message_text")
    assert label is not None
    assert label.height() >= label.heightForWidth(label.width())  # every line readable
    assert bar.height() > line
    assert bar.geometry().intersects(button.geometry())
    assert bar.close_button.isVisible()  # what it covers is one click away
    bar.close_button.click()
    assert not bar.isVisible()
    assert _where(button, host) == before
    bar.show_message("Saved.")  # short: back to its line, nothing covered
    assert bar.height() == line
    assert not bar.close_button.isVisible()
    bar.clear()
    assert not bar.isVisible()
    assert _where(button, host) == before
    host.resize(700, 360)  # relaid out while hidden: the next message takes the new line
    qtbot.waitUntil(lambda: button.width() > 600)
    wider = _where(button, host)
    bar.show_message(LONG)
    assert _where(button, host) == wider
    assert bar.width() == button.width()


def test_a_message_with_its_follow_up_button_moves_nothing(qtbot: QtBot) -> None:
    host, bar, button = _host(qtbot)
    before = _where(button, host)
    opened: list[bool] = []
    bar.show_message("Saved as Timeline.pdf.", action=("Open folder", lambda: opened.append(True)))
    assert _where(button, host) == before
    action = bar.action_button
    assert action.isVisible()
    assert bar.rect().contains(action.geometry())  # the whole button shows, and works
    action.click()
    assert opened == [True]
    bar.clear()
    assert _where(button, host) == before


def test_a_long_message_at_the_bottom_spreads_upwards(qtbot: QtBot) -> None:
    host, bar, button = _host(qtbot, bar_last=True)
    before = _where(button, host)
    bar.show_message(LONG)
    assert _where(button, host) == before
    assert bar.geometry().bottom() <= host.height()
    assert bar.geometry().top() < button.geometry().bottom()  # over the button, still whole


def test_the_export_wizard_does_not_jump_when_its_message_appears(
    qtbot: QtBot, session: BinderSession, tmp_path: Path
) -> None:
    page = ExportPage(session, today=lambda: date(2026, 11, 22))
    qtbot.addWidget(page)
    page.resize(1156, 698)
    page.show()
    qtbot.waitUntil(lambda: page.choices is not None, timeout=10_000)
    first = page.profile_step.findChildren(QAbstractButton)[0]
    before = _where(first, page)
    page.error_bar.show_message(page.tr("Cancelled. Nothing was written."))
    assert page.error_bar.isVisible()
    assert _where(first, page) == before
    page.error_bar.clear()
    assert _where(first, page) == before
