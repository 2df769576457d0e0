"""What the family says about a kind of record: still to collect, requested (when, from whom,
and when to chase it), or not needed. Whether it has been received is not theirs to set: the
dialog shows it, counted from the files the record holds. The dialog only edits; the page
saves."""

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

from casebook.core.model import PartialDate, Slot, SlotStatement, SlotStatus
from casebook.services import contacts as contacts_service
from casebook.services.binder.session import BinderSession
from casebook.ui.common.labels import slot_kind_label, slot_status_symbol
from casebook.ui.common.message_bar import MessageBar
from casebook.ui.common.ops import ReadOp
from casebook.ui.common.partial_date_edit import PartialDateEdit, first_date_problem
from casebook.ui.contacts.contact_picker import ContactPicker


class SlotDialog(QDialog):
    """Radio buttons for the three statements; the request details show only for "requested"."""

    def __init__(
        self, slot: Slot, parent: QWidget | None = None, session: BinderSession | None = None
    ) -> None:
        """With `session`, "asked whom" can be one of the binder's contacts."""
        super().__init__(parent)
        self.setObjectName("slot_dialog")
        self.setWindowTitle(self.tr("Status of a record"))
        self.setMinimumWidth(520)
        self._slot = slot
        heading = QLabel(slot_kind_label(slot.kind))
        heading.setProperty("role", "subheading")
        self.received_label = QLabel(self._received_text(slot))
        self.received_label.setObjectName("slot_received_label")
        self.received_label.setWordWrap(True)
        question = QLabel(
            self.tr("Do you need more of it?")
            if slot.file_count or slot.listed_count
            else self.tr("Where does this record stand?")
        )

        texts = {
            SlotStatement.MISSING: self.tr("Still to collect — we do not have it (all) yet"),
            SlotStatement.REQUESTED: self.tr("Requested — we asked for it and are waiting"),
            SlotStatement.NOT_APPLICABLE: self.tr("Not needed for this case"),
        }
        self.status_buttons: dict[SlotStatement, QRadioButton] = {}
        self._group = QButtonGroup(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(10)
        layout.addWidget(heading)
        layout.addWidget(self.received_label)
        layout.addWidget(question)
        for statement, text in texts.items():
            symbol = slot_status_symbol(SlotStatus(statement.value))
            button = QRadioButton(f"{symbol}  {text}")
            button.setObjectName(f"status_{statement.value}")
            self._group.addButton(button)
            self.status_buttons[statement] = button
            layout.addWidget(button)
            button.toggled.connect(self._update_request_fields)

        self.requested_on_edit = PartialDateEdit()
        self.requested_on_edit.setObjectName("requested_on_edit")
        self.requested_from_edit = QLineEdit(slot.requested_from)
        self.requested_from_edit.setObjectName("requested_from_edit")
        self.requested_from_edit.setPlaceholderText(
            self.tr("e.g. Pathology department, City Hospital")
        )
        self.contact_picker = ContactPicker(session=session)
        self.contact_picker.setObjectName("requested_from_contact_picker")
        self.contact_picker.setAccessibleName(self.tr("Asked which contact"))
        self.contact_picker.activated.connect(self._contact_chosen)
        self.chase_edit = PartialDateEdit()
        self.chase_edit.setObjectName("chase_on_edit")
        self.note_edit = QLineEdit(slot.note)
        self.note_edit.setObjectName("slot_note_edit")
        self.request_form = QWidget()
        form = QFormLayout(self.request_form)
        form.setContentsMargins(28, 4, 0, 4)
        form.setSpacing(8)
        form.addRow(self.tr("Asked on"), self.requested_on_edit)
        if session is not None:
            form.addRow(self.tr("Asked which contact"), self.contact_picker)
        form.addRow(self.tr("Asked whom"), self.requested_from_edit)
        if session is not None:
            form.addRow(self.tr("Chase it on"), self.chase_edit)
            chase_hint = QLabel(self.tr("Left empty: two weeks after asking."))
            chase_hint.setProperty("role", "hint")
            form.addRow("", chase_hint)
            ReadOp(self, lambda: contacts_service.record_request(session, slot.kind)).on_success(
                self._show_request
            ).start()
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

        self.status_buttons[slot.statement].setChecked(True)
        self.status_buttons[slot.statement].setFocus()  # the choice as it stands, not the first
        self.requested_on_edit.set_value(slot.requested_on)
        self._update_request_fields()
        self.result_slot: Slot | None = None
        self.result_contact_id: int | None = None
        self.result_chase_on: PartialDate | None = None

    def _show_request(self, request: tuple[int | None, PartialDate | None]) -> None:
        contact_id, chase_on = request
        self.contact_picker.set_contact_id(contact_id)
        self.chase_edit.set_value(chase_on)

    def _contact_chosen(self, _index: int) -> None:
        contact = self.contact_picker.contact()
        if contact is not None:
            self.requested_from_edit.setText(contact.label)

    def _received_text(self, slot: Slot) -> str:
        if slot.listed_count and not slot.file_count:
            return self.tr(
                "%n current medicine(s) on the Medicines page: this record counts as received.",
                "",
                slot.listed_count,
            )
        if slot.file_count == 0:
            return self.tr("Nothing has been added to this record yet.")
        return self.tr("%n file(s) added: this record counts as received.", "", slot.file_count)

    def chosen_statement(self) -> SlotStatement:
        for statement, button in self.status_buttons.items():
            if button.isChecked():
                return statement
        return self._slot.statement

    def _update_request_fields(self) -> None:
        requested = self.chosen_statement() is SlotStatement.REQUESTED
        self.request_form.setVisible(requested)
        newly = requested and self._slot.statement is not SlotStatement.REQUESTED
        if newly and not self.requested_on_edit.text():
            self.requested_on_edit.set_today()  # marked as asked for on the day it was asked

    def _save(self) -> None:
        statement = self.chosen_statement()
        requested_on: PartialDate | None = None
        requested_from = ""
        if statement is SlotStatement.REQUESTED:
            try:
                requested_on = self.requested_on_edit.value()
                self.result_chase_on = self.chase_edit.value()
            except ValueError:
                self.error_bar.show_error(
                    first_date_problem(self.requested_on_edit, self.chase_edit) or ""
                )
                return
            requested_from = self.requested_from_edit.text().strip()
            self.result_contact_id = self.contact_picker.contact_id()
        self.result_slot = replace(
            self._slot,
            statement=statement,
            requested_on=requested_on,
            requested_from=requested_from,
            note=self.note_edit.text().strip(),
        )
        self.accept()
