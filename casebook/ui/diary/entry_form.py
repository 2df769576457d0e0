"""A quick diary entry: the day, what, how bad (three plain words), since when, what helped.

A common symptom is one click in the list; anything else is typed in the family's words. The
same form changes an entry chosen in the list. It only edits; the page saves.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QWidget,
)

from casebook.core.diary import COMMON_SYMPTOMS, DiaryEntry, Severity
from casebook.ui.common.message_bar import MessageBar
from casebook.ui.common.partial_date_edit import PartialDateEdit, first_date_problem
from casebook.ui.diary.words import severity_label, severity_marks, symptom_label


class EntryForm(QWidget):
    save_requested = Signal(object)  # DiaryEntry

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("diary_entry_form")
        self._editing: DiaryEntry | None = None
        self._today = today
        self.date_edit = PartialDateEdit(whole_day=True)
        self.date_edit.setObjectName("diary_date_edit")
        self.date_edit.text_edit.setAccessibleName(self.tr("Day"))
        self.symptom_combo = QComboBox()
        self.symptom_combo.setObjectName("diary_symptom_combo")
        self.symptom_combo.setAccessibleName(self.tr("What was felt"))
        self.symptom_combo.setEditable(True)
        self.symptom_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for key in COMMON_SYMPTOMS:
            self.symptom_combo.addItem(symptom_label(key), key)
        line = self.symptom_combo.lineEdit()
        if line is not None:
            line.setPlaceholderText(self.tr("choose or write in your words"))
        self.severity_buttons: dict[Severity, QRadioButton] = {}
        self._group = QButtonGroup(self)
        severities = QHBoxLayout()
        for severity in Severity:
            button = QRadioButton(f"{severity_marks(severity)} {severity_label(severity)}")
            button.setObjectName(f"diary_{severity.value}_radio")
            button.setAccessibleName(severity_label(severity))
            self._group.addButton(button)
            self.severity_buttons[severity] = button
            severities.addWidget(button)
        severities.addStretch(1)
        self.since_edit = PartialDateEdit()
        self.since_edit.setObjectName("diary_since_edit")
        self.helped_edit = QLineEdit()
        self.helped_edit.setObjectName("diary_helped_edit")
        self.helped_edit.setAccessibleName(self.tr("What helped"))
        self.helped_edit.setPlaceholderText(self.tr("e.g. rest, ginger tea, a medicine"))
        self.notes_edit = QLineEdit()
        self.notes_edit.setObjectName("diary_notes_edit")
        self.notes_edit.setAccessibleName(self.tr("More about it"))
        self.notes_edit.setPlaceholderText(self.tr("more about it, if you like"))
        self.save_button = QPushButton(self.tr("Add to the diary"))
        self.save_button.setObjectName("primary_button")
        self.save_button.clicked.connect(self._save)
        self.cancel_button = QPushButton(self.tr("Cancel the change"))
        self.cancel_button.setObjectName("diary_cancel_edit_button")
        self.cancel_button.clicked.connect(self.clear)
        self.error_bar = MessageBar()
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(6)
        grid.addWidget(QLabel(self.tr("Day")), 0, 0)
        grid.addWidget(self.date_edit, 0, 1)
        grid.addWidget(QLabel(self.tr("What")), 0, 2)
        grid.addWidget(self.symptom_combo, 0, 3)
        grid.addWidget(QLabel(self.tr("How bad")), 1, 0)
        grid.addLayout(severities, 1, 1)
        grid.addWidget(QLabel(self.tr("Since")), 1, 2)
        grid.addWidget(self.since_edit, 1, 3)
        grid.addWidget(QLabel(self.tr("What helped")), 2, 0)
        grid.addWidget(self.helped_edit, 2, 1)
        grid.addWidget(QLabel(self.tr("Notes")), 2, 2)
        grid.addWidget(self.notes_edit, 2, 3)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        grid.addLayout(buttons, 3, 1, 1, 3)
        grid.addWidget(self.error_bar, 4, 0, 1, 4)
        grid.setColumnStretch(1, 3)  # room for the day's field, calendar and weekday
        grid.setColumnStretch(3, 3)
        self.clear()

    @property
    def editing(self) -> DiaryEntry | None:
        return self._editing

    def set_today(self, today: date) -> None:
        self._today = today

    def clear(self) -> None:
        """Ready for a new entry today."""
        self._editing = None
        self.date_edit.set_day(self._today)
        self.symptom_combo.setCurrentIndex(-1)
        self.symptom_combo.setEditText("")
        self._group.setExclusive(False)
        for button in self.severity_buttons.values():
            button.setChecked(False)
        self._group.setExclusive(True)
        self.since_edit.set_value(None)
        self.helped_edit.clear()
        self.notes_edit.clear()
        self.save_button.setText(self.tr("Add to the diary"))
        self.cancel_button.hide()
        self.error_bar.clear()

    def edit(self, entry: DiaryEntry) -> None:
        """Put `entry` in the form to change it."""
        self._editing = entry
        self.date_edit.set_day(entry.noted_on)
        index = self.symptom_combo.findData(entry.symptom_key) if entry.symptom_key else -1
        self.symptom_combo.setCurrentIndex(index)
        if index < 0:
            self.symptom_combo.setEditText(entry.symptom)
        self.severity_buttons[entry.severity].setChecked(True)
        self.since_edit.set_value(entry.since)
        self.helped_edit.setText(entry.helped)
        self.notes_edit.setText(entry.notes)
        self.save_button.setText(self.tr("Save the change"))
        self.cancel_button.show()

    def chosen_severity(self) -> Severity | None:
        return next((s for s, b in self.severity_buttons.items() if b.isChecked()), None)

    def entry(self) -> DiaryEntry | None:
        """The form as an entry, or None (with a message) when something is missing."""
        text = self.symptom_combo.currentText().strip()
        index = self.symptom_combo.findText(text)
        key = str(self.symptom_combo.itemData(index)) if index >= 0 else ""
        severity = self.chosen_severity()
        if not text:
            self.error_bar.show_error(self.tr("Please say what was felt."))
            return None
        if severity is None:
            self.error_bar.show_error(self.tr("Please choose how bad it was."))
            return None
        problem = first_date_problem(self.date_edit, self.since_edit)
        day = self.date_edit.day()
        if problem is not None or day is None:
            self.error_bar.show_error(problem or "")
            return None
        entry = DiaryEntry(
            day,
            text,
            severity,
            self.since_edit.value(),
            self.helped_edit.text().strip(),
            self.notes_edit.text().strip(),
            key,
        )
        if self._editing is not None:
            entry = replace(entry, id=self._editing.id)
        return entry

    def _save(self) -> None:
        entry = self.entry()
        if entry is not None:
            self.error_bar.clear()
            self.save_requested.emit(entry)
