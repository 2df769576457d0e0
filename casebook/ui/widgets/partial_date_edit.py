"""Entering a date known to the year, the month or the day (medical records often give less)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QSpinBox, QWidget

from casebook.core.model import PartialDate

NO_YEAR = 1899
"""The spin box's minimum, shown as "no date"."""


class PartialDateEdit(QWidget):
    """Year (or "no date"), optional month, optional day. `value()` raises ValueError on a
    day that does not exist (30 February)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.year_spin = QSpinBox()
        self.year_spin.setObjectName("year_spin")
        self.year_spin.setRange(NO_YEAR, date.today().year + 1)
        self.year_spin.setSpecialValueText(self.tr("No date"))
        self.year_spin.setAccessibleName(self.tr("Year"))
        self.year_spin.setMinimumWidth(120)
        self.month_combo = QComboBox()
        self.month_combo.setObjectName("month_combo")
        self.month_combo.setAccessibleName(self.tr("Month"))
        self.month_combo.addItem(self.tr("Month not known"), None)
        locale = QLocale()
        for month in range(1, 13):
            self.month_combo.addItem(locale.standaloneMonthName(month), month)
        self.day_combo = QComboBox()
        self.day_combo.setObjectName("day_combo")
        self.day_combo.setAccessibleName(self.tr("Day"))
        self.day_combo.addItem(self.tr("Day not known"), None)
        for day in range(1, 32):
            self.day_combo.addItem(str(day), day)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.year_spin)
        layout.addWidget(self.month_combo)
        layout.addWidget(self.day_combo)
        layout.addStretch(1)
        self.year_spin.valueChanged.connect(self._update_enabled)
        self.month_combo.currentIndexChanged.connect(self._update_enabled)
        self.set_value(None)

    def _update_enabled(self) -> None:
        has_year = self.year_spin.value() != NO_YEAR
        self.month_combo.setEnabled(has_year)
        self.day_combo.setEnabled(has_year and self.month_combo.currentData() is not None)

    def set_value(self, value: PartialDate | None) -> None:
        if value is None:
            self.year_spin.setValue(NO_YEAR)
            self.month_combo.setCurrentIndex(0)
            self.day_combo.setCurrentIndex(0)
        else:
            self.year_spin.setValue(value.year)
            self.month_combo.setCurrentIndex(value.month or 0)
            self.day_combo.setCurrentIndex(value.day or 0)
        self._update_enabled()

    def value(self) -> PartialDate | None:
        year = self.year_spin.value()
        if year == NO_YEAR:
            return None
        month = self.month_combo.currentData() if self.month_combo.isEnabled() else None
        day = self.day_combo.currentData() if self.day_combo.isEnabled() else None
        return PartialDate(year, month, day if month is not None else None)
