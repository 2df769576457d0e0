"""The one date field of every form: type a date the way the record writes it.

Records give dates to the year, the month or the day, and families copy them as written:
"2024", "2024-03", "03/2024", "5/3/2024", "2024年3月5日". Separate year/month/day boxes made
people type "2024-03" into a year box and lose the month without a word, so the field is one
line of text read by `core.date_entry.read_date`, with a few words beside it saying how it was
read ("Read as March 2024" / "理解为：2024年3月"), or what is wrong when it cannot be read (the
tooltip and the form's message say more). A partial date stays partial. A day and month that
could be either way round are read in the interface locale's order, and the words say so.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QSize, Qt, Signal, Slot
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QSizePolicy,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from casebook.core.date_entry import DateProblem, DateReading, read_date
from casebook.core.model import PartialDate
from casebook.services import clock
from casebook.ui.common.labels import format_partial_date


def _tr(text: str) -> str:
    return QCoreApplication.translate("PartialDateEdit", text)


def locale_reads_day_first(locale: QLocale | None = None) -> bool:
    """Whether the locale writes the day before the month (5/3/2024 = 5 March)."""
    pattern = (locale or QLocale()).dateFormat(QLocale.FormatType.ShortFormat)
    day, month = pattern.find("d"), pattern.find("M")
    return 0 <= day < month


def short_problem_text(problem: DateProblem) -> str:
    """A date the field could not read, in the few words that fit beside it."""
    if problem is DateProblem.NO_SUCH_DAY:
        return _tr("No such day or month")
    if problem is DateProblem.TOO_EARLY:
        return _tr("The year looks mistyped")
    if problem is DateProblem.NEEDS_DAY:
        return _tr("Give the day too")
    return _tr("Not a date: try 2024-03-05")


def problem_text(problem: DateProblem) -> str:
    """A date the field could not read, worded for the form's message."""
    if problem is DateProblem.NO_SUCH_DAY:
        return _tr("There is no such day or month. Please check the numbers.")
    if problem is DateProblem.TOO_EARLY:
        return _tr("That year looks mistyped.")
    if problem is DateProblem.NEEDS_DAY:
        return _tr("Please give the day as well, for example 2026-05-17.")
    return _tr("This is not a date Casebook can read. Try 2024-03-05, 03/2024 or 2024年3月5日.")


class _ReadingLabel(QLabel):
    """One line that ends in "…" when the form is too narrow for it (the tooltip has it all),
    rather than being cut in the middle of a word."""

    def __init__(self) -> None:
        super().__init__()
        self._full = ""
        self.setMinimumWidth(40)

    def set_full_text(self, text: str) -> None:
        self._full = text
        self._elide()
        self.updateGeometry()

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(self.fontMetrics().horizontalAdvance(self._full) + 4, hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        metrics = self.fontMetrics()
        self.setText(metrics.elidedText(self._full, Qt.TextElideMode.ElideRight, self.width()))


class PartialDateEdit(QWidget):
    """A date known to the year, the month or the day, or no date (empty).

    `value()` raises ValueError while the text is not a date; `problem()` words why. With
    `whole_day` (an appointment, a diary day) only a day will do, and a calendar button is
    beside the field to pick one.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, *, whole_day: bool = False) -> None:
        super().__init__(parent)
        self._whole_day = whole_day
        self.text_edit = QLineEdit()
        self.text_edit.setObjectName("date_text_edit")
        self.text_edit.setPlaceholderText(self.tr("No date"))
        self.text_edit.setAccessibleName(self.tr("Date"))
        self.text_edit.setFixedWidth(150)
        # Beside the field, one line: under it, a wrapped line made every form taller and,
        # in a form squeezed to the screen, ran over the field below.
        self.reading_label = _ReadingLabel()
        self.reading_label.setObjectName("date_reading_label")
        self.reading_label.setProperty("role", "hint")
        self.calendar_button = QToolButton()
        self.calendar_button.setObjectName("date_calendar_button")
        self.calendar_button.setText(self.tr("Calendar…"))
        self.calendar_button.setAccessibleName(self.tr("Choose the day on a calendar"))
        self.calendar_button.clicked.connect(self._open_calendar)
        self.calendar_button.setVisible(whole_day)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.text_edit)
        layout.addWidget(self.calendar_button)
        layout.addWidget(self.reading_label, 1)
        self.setFocusProxy(self.text_edit)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.text_edit.textChanged.connect(self._text_changed)
        self._reading = DateReading(None)
        self._show_reading()

    def _read(self) -> DateReading:
        reading = read_date(self.text_edit.text(), day_first=locale_reads_day_first())
        value = reading.value
        if self._whole_day and reading.ok and (value is None or value.day is None):
            return DateReading(None, DateProblem.NEEDS_DAY)
        return reading

    @Slot()
    def _open_calendar(self) -> None:
        """A calendar under the field; the day clicked is typed into it."""
        calendar = QCalendarWidget()
        calendar.setObjectName("date_calendar")
        calendar.setGridVisible(True)
        shown = self.day() or clock.today()
        calendar.setSelectedDate(QDate(shown.year, shown.month, shown.day))
        popup = QMenu(self)
        popup.setObjectName("date_calendar_popup")
        action = QWidgetAction(popup)
        action.setDefaultWidget(calendar)
        popup.addAction(action)

        def chosen(day: QDate) -> None:
            self.set_value(PartialDate(day.year(), day.month(), day.day()))
            popup.close()

        calendar.clicked.connect(chosen)
        calendar.activated.connect(chosen)
        self.calendar_popup = popup
        popup.popup(self.text_edit.mapToGlobal(self.text_edit.rect().bottomLeft()))
        calendar.setFocus()

    @Slot()
    def _text_changed(self) -> None:
        self._reading = self._read()
        self._show_reading()
        self.changed.emit()

    def _show_reading(self) -> None:
        self.reading_label.set_full_text(self.reading_text())
        self.reading_label.setToolTip(self.reading_detail() or self.reading_text())
        self.text_edit.setAccessibleDescription(self.reading_detail() or self.reading_text())

    def reading_text(self) -> str:
        """The words beside the field: how the text was read, or what is wrong with it."""
        reading = self._reading
        if reading.problem is not None:
            return "⚠ " + short_problem_text(reading.problem)
        if reading.value is None:
            return self.tr("e.g. 2024-03 or 2024-03-05")
        shown = format_partial_date(reading.value)
        if self._whole_day and reading.value.day is not None and not reading.order_assumed:
            return self._weekday(reading.value) + " " + shown  # "Wed 17 May 2026": is it right?
        if reading.order_assumed:
            if reading.day_first:
                return self.tr("Read as {date} (day first)").format(date=shown)
            return self.tr("Read as {date} (month first)").format(date=shown)
        return self.tr("Read as {date}").format(date=shown)

    @staticmethod
    def _weekday(value: PartialDate) -> str:
        day = QDate(value.year, value.month or 1, value.day or 1)
        return QLocale().dayName(day.dayOfWeek(), QLocale.FormatType.ShortFormat)

    def reading_detail(self) -> str:
        """The longer explanation, in the tooltip and for screen readers."""
        reading = self._reading
        if reading.problem is not None:
            return problem_text(reading.problem)
        if reading.value is None:
            return self.tr("Type a year, a month or a day: 2024, 2024-03 or 2024-03-05.")
        if reading.order_assumed:
            if reading.day_first:
                note = self.tr("Read as {date}, day before month. To be sure, type {iso}.")
            else:
                note = self.tr("Read as {date}, month before day. To be sure, type {iso}.")
            return note.format(date=format_partial_date(reading.value), iso=reading.value.iso())
        return ""

    def set_value(self, value: PartialDate | None) -> None:
        """Shows `value` as ISO text ("2024-03"), which every locale reads the same way."""
        self.text_edit.setText("" if value is None else value.iso())

    def text(self) -> str:
        """What is typed, as typed."""
        return self.text_edit.text()

    def set_today(self) -> None:
        """Starts at today (the clock's), for a date that is almost always today."""
        day = clock.today()
        self.set_value(PartialDate(day.year, day.month, day.day))

    def value(self) -> PartialDate | None:
        """The date typed (None when empty); raises ValueError when it is not a date."""
        reading = self._read()
        if reading.problem is not None:
            raise ValueError(reading.problem.value)
        return reading.value

    def day(self) -> date | None:
        """The day typed, when the text names a whole day."""
        reading = self._read()
        value = reading.value
        if value is None or value.month is None or value.day is None:
            return None
        return date(value.year, value.month, value.day)

    def set_day(self, day: date) -> None:
        self.set_value(PartialDate(day.year, day.month, day.day))

    def problem(self) -> str | None:
        """Why the text is not a date, worded; None when it is one (or is empty)."""
        reading = self._read()
        return None if reading.problem is None else problem_text(reading.problem)


def first_date_problem(*edits: PartialDateEdit) -> str | None:
    """The first unreadable date among a form's fields, worded, with that field focused;
    for the form's message when the family presses Save."""
    for edit in edits:
        problem = edit.problem()
        if problem is not None:
            edit.setFocus()
            return problem
    return None
