"""The one date field, typed into like a family would: every form it reads, in both languages,
how it says what it understood, and the forms that start at today."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtGui import QFontDatabase, QInputMethodEvent
from PySide6.QtWidgets import QApplication, QCalendarWidget, QWidget
from pytestqt.qtbot import QtBot

from casebook.core.diary import Severity
from casebook.core.medicines import Medicine
from casebook.core.model import PartialDate
from casebook.resources import resource_path
from casebook.services import clock
from casebook.ui.appointments.appointment_dialog import AppointmentDialog
from casebook.ui.common.language import CHINESE, ENGLISH, apply_language
from casebook.ui.common.partial_date_edit import PartialDateEdit, locale_reads_day_first
from casebook.ui.diary.entry_form import EntryForm
from casebook.ui.medicines.stop_dialog import StopDialog
from casebook.ui.opinions.decision_dialog import DecisionDialog

from .screenshots import save_screenshot, screenshot_folder


@pytest.fixture
def in_locale() -> Iterator[type[QLocale]]:
    before = QLocale()
    yield QLocale
    QLocale.setDefault(before)


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    apply_language(CHINESE, app=qapp)
    yield
    apply_language(ENGLISH, app=qapp)


def type_into(qtbot: QtBot, edit: QWidget, text: str) -> None:
    """Types like a keyboard with a Chinese input method: Latin keys as key presses, each
    Chinese character committed by the input method (QTest cannot press them as keys)."""
    for char in text:
        if char.isascii():
            qtbot.keyClicks(edit, char)
        else:
            commit = QInputMethodEvent()
            commit.setCommitString(char)
            QApplication.sendEvent(edit, commit)


def typed(qtbot: QtBot, text: str) -> PartialDateEdit:
    field = PartialDateEdit()
    qtbot.addWidget(field)
    type_into(qtbot, field.text_edit, text)
    return field


@pytest.mark.parametrize(
    ("text", "value", "shown"),
    [
        ("2024", PartialDate(2024), "Read as 2024"),
        ("2024-03", PartialDate(2024, 3), "Read as March 2024"),
        ("2024-03-05", PartialDate(2024, 3, 5), "Read as 5 Mar 2024"),
        ("03/2024", PartialDate(2024, 3), "Read as March 2024"),
        ("2024年3月", PartialDate(2024, 3), "Read as March 2024"),
        ("2024年3月5日", PartialDate(2024, 3, 5), "Read as 5 Mar 2024"),
    ],
)
def test_what_is_typed_is_kept_to_the_month_or_day_it_gives(
    qtbot: QtBot, in_locale: type[QLocale], text: str, value: PartialDate, shown: str
) -> None:
    in_locale.setDefault(QLocale("en_GB"))
    field = typed(qtbot, text)
    assert field.value() == value
    assert field.reading_text() == shown


def test_a_month_typed_into_the_field_is_not_dropped(qtbot: QtBot) -> None:
    """The reported bug: "2024-03" in the old year box kept only 2024."""
    field = typed(qtbot, "2024-03")
    assert field.value() == PartialDate(2024, 3)


def test_an_ambiguous_day_and_month_follow_the_locale_and_the_line_says_so(
    qtbot: QtBot, in_locale: type[QLocale]
) -> None:
    in_locale.setDefault(QLocale("en_GB"))
    assert locale_reads_day_first()
    british = typed(qtbot, "5/3/2024")
    assert british.value() == PartialDate(2024, 3, 5)
    assert british.reading_text() == "Read as 5 Mar 2024 (day first)"
    assert "2024-03-05" in british.reading_label.toolTip()  # how to be sure
    in_locale.setDefault(QLocale("en_US"))
    assert not locale_reads_day_first()
    american = typed(qtbot, "5/3/2024")
    assert american.value() == PartialDate(2024, 5, 3)
    assert american.reading_text() == "Read as May 3, 2024 (month first)"


def test_the_line_is_chinese_in_chinese(qtbot: QtBot, chinese: None) -> None:
    field = typed(qtbot, "2024-03")
    assert field.reading_text() == "理解为：2024年3月"
    field.text_edit.clear()
    type_into(qtbot, field.text_edit, "2024年3月5日")
    assert field.value() == PartialDate(2024, 3, 5)
    assert "2024年3月5日" in field.reading_text()
    field.text_edit.clear()
    assert "2024年3月" in field.reading_text()  # the empty field shows what to type
    type_into(qtbot, field.text_edit, "下周")
    assert field.problem() is not None
    assert "⚠" in field.reading_text()
    assert "日期" in field.reading_text()


def test_what_is_not_a_date_is_refused_with_the_reason(qtbot: QtBot) -> None:
    field = typed(qtbot, "2024-02-30")
    with pytest.raises(ValueError, match="no_such_day"):
        field.value()
    assert field.problem() == "There is no such day or month. Please check the numbers."
    assert field.reading_text() == "⚠ No such day or month"
    field.text_edit.clear()
    assert field.value() is None
    assert field.problem() is None
    assert "2024-03" in field.reading_text()


def test_a_stored_date_is_shown_as_text_that_reads_back_the_same(qtbot: QtBot) -> None:
    field = PartialDateEdit()
    qtbot.addWidget(field)
    for value in (PartialDate(2024), PartialDate(2024, 3), PartialDate(2024, 3, 5), None):
        field.set_value(value)
        assert field.value() == value


NOON = datetime(2026, 5, 17, 12, 0, tzinfo=UTC)


def test_a_new_decision_and_a_stop_start_at_today_from_the_clock(qtbot: QtBot) -> None:
    with clock.clock_set_to(NOON):
        decision = DecisionDialog(None, [])
        stop = StopDialog(Medicine(1, "2026-05-01T08:00:00+00:00", ()), "Capecitabine")
    qtbot.addWidget(decision)
    qtbot.addWidget(stop)
    assert decision.date_edit.value() == PartialDate(2026, 5, 17)
    assert stop.date_edit.value() == PartialDate(2026, 5, 17)


def with_chinese_font() -> None:
    """The offscreen platform has no system Chinese font; the one the PDFs use stands in."""
    QFontDatabase.addApplicationFont(str(resource_path("fonts", "DroidSansFallbackFull.ttf")))


def test_screenshots_of_the_field_in_english_and_chinese(
    qtbot: QtBot, tmp_path: Path, qapp: QApplication
) -> None:
    folder = screenshot_folder(tmp_path)
    with_chinese_font()
    for language in (ENGLISH, CHINESE):
        apply_language(language, app=qapp)
        try:
            with clock.clock_set_to(NOON):
                dialog = DecisionDialog(None, [])
            qtbot.addWidget(dialog)
            dialog.date_edit.text_edit.clear()
            qtbot.keyClicks(dialog.date_edit.text_edit, "5/3/2024")
            dialog.resize(1366, 768)
            save_screenshot(qtbot, dialog, folder, f"date_field_{language}")
            dialog.date_edit.text_edit.clear()
            qtbot.keyClicks(dialog.date_edit.text_edit, "2024-03")
            save_screenshot(qtbot, dialog, folder, f"date_field_month_{language}")
        finally:
            apply_language(ENGLISH, app=qapp)


# A popup grabs the keyboard, which the offscreen platform cannot do; it says nothing of ours.
@pytest.mark.qt_log_ignore(
    r"This plugin does not support (propagateSizeHints|raise|grabbing the keyboard)"
)
def test_an_appointment_needs_a_whole_day_and_offers_a_calendar(qtbot: QtBot) -> None:
    dialog = AppointmentDialog(None, [], [], date(2026, 5, 17))
    qtbot.addWidget(dialog)
    field = dialog.date_edit
    assert field.day() == date(2026, 5, 17)  # starts at the day it is given as today
    assert field.calendar_button.isVisibleTo(dialog)
    qtbot.keyClicks(dialog.title_edit, "CT scan")
    field.text_edit.clear()
    qtbot.keyClicks(field.text_edit, "2026-06")
    assert field.reading_text().startswith("⚠")
    saved: list[object] = []
    dialog.save_requested.connect(saved.append)
    dialog._save()
    assert not saved
    assert "give the day as well" in dialog.error_bar.text()
    dialog.show()
    with clock.clock_set_to(NOON):
        qtbot.mouseClick(field.calendar_button, Qt.MouseButton.LeftButton)
    calendar = field.calendar_popup.findChild(QCalendarWidget)
    assert isinstance(calendar, QCalendarWidget)
    assert calendar.selectedDate() == QDate(2026, 5, 17)  # nothing whole typed: today
    calendar.setSelectedDate(QDate(2026, 6, 9))
    calendar.activated.emit(QDate(2026, 6, 9))  # what Enter or a double click sends
    assert field.text() == "2026-06-09"
    assert not field.calendar_popup.isVisible()
    dialog._save()
    (appointment,) = saved
    assert appointment.on_date == date(2026, 6, 9)  # type: ignore[attr-defined]


def test_the_diary_day_is_typed_like_any_other_date(qtbot: QtBot, in_locale: type[QLocale]) -> None:
    in_locale.setDefault(QLocale("en_GB"))
    form = EntryForm(date(2026, 5, 17))
    qtbot.addWidget(form)
    assert form.date_edit.day() == date(2026, 5, 17)
    form.date_edit.text_edit.clear()
    qtbot.keyClicks(form.date_edit.text_edit, "16/5/2026")
    qtbot.keyClicks(form.symptom_combo.lineEdit(), "Nausea")
    form.severity_buttons[Severity.MILD].setChecked(True)
    entry = form.entry()
    assert entry is not None
    assert entry.noted_on == date(2026, 5, 16)


def test_in_a_narrow_form_the_words_end_in_an_ellipsis_and_the_tooltip_has_them_all(
    qtbot: QtBot, in_locale: type[QLocale]
) -> None:
    in_locale.setDefault(QLocale("en_GB"))
    field = typed(qtbot, "5/3/2024")
    field.resize(260, field.sizeHint().height())
    field.show()
    qtbot.waitExposed(field)
    qtbot.waitUntil(lambda: field.reading_label.text().endswith("…"))
    assert field.reading_label.text().startswith("Read as")
    assert field.reading_label.toolTip() == (
        "Read as 5 Mar 2024, day before month. To be sure, type 2024-03-05."
    )
    field.resize(700, field.sizeHint().height())
    qtbot.waitUntil(lambda: field.reading_label.text() == "Read as 5 Mar 2024 (day first)")
