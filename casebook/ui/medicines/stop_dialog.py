"""Recording that a medicine stopped: the day, and why, in plain words."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from casebook.core.medicines import Medicine, StopReason
from casebook.ui.common.message_bar import MessageBar
from casebook.ui.common.partial_date_edit import PartialDateEdit, first_date_problem
from casebook.ui.medicines.words import stop_reason_label


class StopDialog(QDialog):
    stop_requested = Signal(int, object, object, str)  # id, PartialDate, StopReason, note

    def __init__(self, medicine: Medicine, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stop_medicine_dialog")
        self.setWindowTitle(self.tr("Stop a medicine"))
        self.setMinimumWidth(520)
        self._id = medicine.id
        intro = QLabel(
            self.tr(
                "{name} will stay in the list as stopped, with this date and reason, so its"
                " history is kept."
            ).format(name=name)
        )
        intro.setWordWrap(True)
        self.date_edit = PartialDateEdit()
        self.date_edit.setObjectName("stop_date_edit")
        self.date_edit.set_today()
        self.reason_combo = QComboBox()
        self.reason_combo.setObjectName("stop_reason_combo")
        for reason in StopReason:
            if reason is not StopReason.NOT_STOPPED:
                self.reason_combo.addItem(stop_reason_label(reason), reason)
        self.note_edit = QLineEdit()
        self.note_edit.setObjectName("stop_note_edit")
        self.note_edit.setPlaceholderText(self.tr("e.g. what the doctor said"))
        form = QFormLayout()
        form.addRow(self.tr("Stopped on"), self.date_edit)
        form.addRow(self.tr("Why"), self.reason_combo)
        form.addRow(self.tr("Note"), self.note_edit)
        self.error_bar = MessageBar()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error_bar)
        layout.addWidget(buttons)
        self.date_edit.setFocus()  # opens ready to type into its first field

    def _save(self) -> None:
        try:
            stopped_on = self.date_edit.value()
        except ValueError:
            self.error_bar.show_error(first_date_problem(self.date_edit) or "")
            return
        if stopped_on is None:
            self.error_bar.show_error(self.tr("Please give the day it stopped (or the month)."))
            return
        self.stop_requested.emit(
            self._id, stopped_on, self.reason_combo.currentData(), self.note_edit.text()
        )

    def show_problem(self) -> None:
        self.error_bar.show_error(self.tr("It cannot have stopped before it started."))
