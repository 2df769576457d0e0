"""Writing down a medicine as the prescription gives it, or changing one (a new version).

The name field offers the names Casebook knows in English and Chinese; any other name can be
typed. The dialog only edits; the page saves and closes it when the save worked.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from casebook.core.contacts import Contact
from casebook.core.errors import InvalidInput
from casebook.core.medicines import Medicine, MedicineDetails, Route
from casebook.core.timeline import TimelineEvent
from casebook.services.medicines.medicines import load_lexicon
from casebook.ui.common.message_bar import MessageBar
from casebook.ui.common.partial_date_edit import PartialDateEdit, first_date_problem
from casebook.ui.common.screen_fit import fit_form_to_screen, scrolling_layout
from casebook.ui.contacts.contact_picker import ContactPicker
from casebook.ui.medicines.words import route_label


class MedicineDialog(QDialog):
    """`save_requested(medicine_id or 0, details, lexicon key, source document id or None)`."""

    save_requested = Signal(int, object, str, object)

    def __init__(
        self,
        medicine: Medicine | None,
        contacts: Sequence[Contact],
        treatments: Sequence[TimelineEvent],
        parent: QWidget | None = None,
        *,
        proposed: MedicineDetails | None = None,
        lexicon_key: str = "",
        source_document_id: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("medicine_dialog")
        self._medicine = medicine
        self._key = medicine.lexicon_key if medicine else lexicon_key
        self._source = source_document_id
        if medicine is not None:
            self.setWindowTitle(self.tr("Change a medicine"))
            intro = self.tr(
                "Saving keeps the earlier version in the medicine's history. To record that it"
                " was stopped, use Stop… instead."
            )
        elif proposed is not None:
            self.setWindowTitle(self.tr("Add a medicine found in a document"))
            intro = self.tr(
                "Casebook found this in a document. Check each field against the document and"
                " correct what is not right before adding it."
            )
        else:
            self.setWindowTitle(self.tr("Add a medicine"))
            intro = self.tr("Copy it from the prescription or the discharge letter.")
        intro_label = QLabel(intro)
        intro_label.setWordWrap(True)
        intro_label.setProperty("role", "hint")
        names = sorted({name for entry in load_lexicon() for name in entry.names})
        self.generic_edit = QLineEdit()
        self.generic_edit.setObjectName("medicine_generic_edit")
        self.generic_edit.setPlaceholderText(self.tr("e.g. Pemetrexed, 培美曲塞"))
        completer = QCompleter(names, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.generic_edit.setCompleter(completer)
        self.brand_edit = QLineEdit()
        self.brand_edit.setObjectName("medicine_brand_edit")
        self.dose_edit = QLineEdit()
        self.dose_edit.setObjectName("medicine_dose_edit")
        self.dose_edit.setPlaceholderText(self.tr("as written, e.g. 500 mg/m²"))
        self.frequency_edit = QLineEdit()
        self.frequency_edit.setObjectName("medicine_frequency_edit")
        self.frequency_edit.setPlaceholderText(self.tr("as written, e.g. once a day"))
        self.route_combo = QComboBox()
        self.route_combo.setObjectName("medicine_route_combo")
        for route in Route:
            self.route_combo.addItem(route_label(route), route)
        self.started_edit = PartialDateEdit()
        self.started_edit.setObjectName("medicine_started_edit")
        self.prescriber_picker = ContactPicker(contacts)
        self.prescriber_picker.setObjectName("medicine_prescriber_picker")
        self.purpose_edit = QLineEdit()
        self.purpose_edit.setObjectName("medicine_purpose_edit")
        self.purpose_edit.setPlaceholderText(self.tr("in your words, as the doctor explained"))
        self.treatment_combo = QComboBox()
        self.treatment_combo.setObjectName("medicine_treatment_combo")
        self.treatment_combo.addItem(self.tr("— not part of a treatment on the timeline —"), None)
        for event in treatments:
            when = event.start.iso() if event.start else ""
            self.treatment_combo.addItem(
                f"{event.title} ({when})" if when else event.title, event.id
            )
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setObjectName("medicine_notes_edit")
        self.notes_edit.setFixedHeight(60)
        form = QFormLayout()
        form.setVerticalSpacing(8)
        form.addRow(self.tr("Medicine (generic name)"), self.generic_edit)
        form.addRow(self.tr("Brand name"), self.brand_edit)
        form.addRow(self.tr("Dose"), self.dose_edit)
        form.addRow(self.tr("How often"), self.frequency_edit)
        form.addRow(self.tr("How taken"), self.route_combo)
        form.addRow(self.tr("Started"), self.started_edit)
        form.addRow(self.tr("Prescribed by"), self.prescriber_picker)
        form.addRow(self.tr("What it is for"), self.purpose_edit)
        form.addRow(self.tr("Part of the treatment"), self.treatment_combo)
        form.addRow(self.tr("Notes"), self.notes_edit)
        self.error_bar = MessageBar()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        # A long form scrolls on a small screen; the message and the buttons stay in view.
        body = QVBoxLayout()
        body.addWidget(intro_label)
        body.addLayout(form)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addWidget(scrolling_layout(body), 1)
        layout.addWidget(self.error_bar)
        layout.addWidget(buttons)
        fit_form_to_screen(self)
        shown = medicine.current if medicine is not None else proposed
        if shown is not None:
            self.show_details(shown)
        self.generic_edit.setFocus()  # opens ready to type into its first field

    def show_details(self, details: MedicineDetails) -> None:
        self.generic_edit.setText(details.generic_name)
        self.brand_edit.setText(details.brand_name)
        self.dose_edit.setText(details.dose)
        self.frequency_edit.setText(details.frequency)
        self.route_combo.setCurrentIndex(self.route_combo.findData(details.route))
        self.started_edit.set_value(details.started_on)
        self.prescriber_picker.set_contact_id(details.prescriber_id)
        self.purpose_edit.setText(details.purpose)
        index = self.treatment_combo.findData(details.timeline_event_id)
        self.treatment_combo.setCurrentIndex(max(index, 0))
        self.notes_edit.setPlainText(details.notes)

    def edited(self) -> MedicineDetails:
        """The form's details; a stop already recorded is kept as it was."""
        base = self._medicine.current if self._medicine is not None else MedicineDetails()
        return replace(
            base,
            generic_name=self.generic_edit.text(),
            brand_name=self.brand_edit.text(),
            dose=self.dose_edit.text(),
            frequency=self.frequency_edit.text(),
            route=self.route_combo.currentData(),
            started_on=self.started_edit.value(),
            prescriber_id=self.prescriber_picker.contact_id(),
            purpose=self.purpose_edit.text(),
            timeline_event_id=self.treatment_combo.currentData(),
            notes=self.notes_edit.toPlainText(),
        ).cleaned()

    def _save(self) -> None:
        try:
            details = self.edited()
            details.validate()
        except ValueError:
            self.error_bar.show_error(
                first_date_problem(self.started_edit)
                or self.tr("That day does not exist in that month.")
            )
            return
        except InvalidInput as problem:
            self.show_problem(problem)
            return
        medicine_id = self._medicine.id if self._medicine is not None else 0
        self.save_requested.emit(medicine_id, details, self._key, self._source)

    def show_problem(self, problem: InvalidInput) -> None:
        if problem.field_name == "name":
            self.error_bar.show_error(self.tr("Please write the medicine's name."))
            self.generic_edit.setFocus()
        elif problem.field_name == "stopped_on":
            self.error_bar.show_error(self.tr("It cannot have stopped before it started."))
        else:
            self.error_bar.show_error(self.tr("This medicine could not be saved."))
