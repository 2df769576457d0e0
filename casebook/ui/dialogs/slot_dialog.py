"""Setting where a kind of record stands: missing, requested (when, from whom), received,
or not needed. The dialog only edits; the page saves."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from casebook.core.model import PartialDate, Slot, SlotStatus
from casebook.ui.labels import slot_kind_label, slot_status_symbol
from casebook.ui.widgets.message_bar import MessageBar
from casebook.ui.widgets.partial_date_edit import PartialDateEdit


class SlotDialog(QDialog):
    """Radio buttons for the four statuses; the request details show only for "requested"."""

    def __init__(self, slot: Slot, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("slot_dialog")
        self.setWindowTitle(self.tr("Status of a record"))
        self.setMinimumWidth(520)
        self._slot = slot
        heading = QLabel(slot_kind_label(slot.kind))
        heading.setProperty("role", "subheading")
        question = QLabel(self.tr("Where does this record stand?"))

        texts = {
            SlotStatus.MISSING: self.tr("Missing — we do not have it yet"),
            SlotStatus.REQUESTED: self.tr("Requested — we asked for it and are waiting"),
            SlotStatus.RECEIVED: self.tr("Received — we have it"),
            SlotStatus.NOT_APPLICABLE: self.tr("Not needed for this case"),
        }
        self.status_buttons: dict[SlotStatus, QRadioButton] = {}
        self._group = QButtonGroup(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(10)
        layout.addWidget(heading)
        layout.addWidget(question)
        for status, text in texts.items():
            button = QRadioButton(f"{slot_status_symbol(status)}  {text}")
            button.setObjectName(f"status_{status.value}")
            self._group.addButton(button)
            self.status_buttons[status] = button
            layout.addWidget(button)
            button.toggled.connect(self._update_request_fields)

        self.requested_on_edit = PartialDateEdit()
        self.requested_on_edit.setObjectName("requested_on_edit")
        self.requested_from_edit = QLineEdit(slot.requested_from)
        self.requested_from_edit.setObjectName("requested_from_edit")
        self.requested_from_edit.setPlaceholderText(
            self.tr("e.g. Pathology department, City Hospital")
        )
        self.note_edit = QLineEdit(slot.note)
        self.note_edit.setObjectName("slot_note_edit")
        self.request_form = QWidget()
        form = QFormLayout(self.request_form)
        form.setContentsMargins(28, 4, 0, 4)
        form.setSpacing(8)
        form.addRow(self.tr("Asked on"), self.requested_on_edit)
        form.addRow(self.tr("Asked whom"), self.requested_from_edit)
        layout.addWidget(self.request_form)
        note_form = QFormLayout()
        note_form.addRow(self.tr("Note"), self.note_edit)
        layout.addLayout(note_form)
        self.error_bar = MessageBar()
        layout.addWidget(self.error_bar)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        self.status_buttons[slot.status].setChecked(True)
        self.requested_on_edit.set_value(slot.requested_on)
        self._update_request_fields()
        self.result_slot: Slot | None = None

    def chosen_status(self) -> SlotStatus:
        for status, button in self.status_buttons.items():
            if button.isChecked():
                return status
        return self._slot.status

    def _update_request_fields(self) -> None:
        self.request_form.setVisible(self.chosen_status() is SlotStatus.REQUESTED)

    def _save(self) -> None:
        status = self.chosen_status()
        requested_on: PartialDate | None = None
        requested_from = ""
        if status is SlotStatus.REQUESTED:
            try:
                requested_on = self.requested_on_edit.value()
            except ValueError:
                self.error_bar.show_error(self.tr("That day does not exist in that month."))
                return
            requested_from = self.requested_from_edit.text().strip()
        self.result_slot = replace(
            self._slot,
            status=status,
            requested_on=requested_on,
            requested_from=requested_from,
            note=self.note_edit.text().strip(),
        )
        self.accept()
