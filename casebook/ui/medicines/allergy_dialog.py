"""Writing down an allergy or a serious past reaction (to a medicine, contrast dye, food…)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from casebook.core.medicines import Allergy, AllergyKind, Severity
from casebook.ui.common.message_bar import MessageBar
from casebook.ui.common.partial_date_edit import PartialDateEdit, first_date_problem
from casebook.ui.medicines.words import allergy_kind_label, severity_label


class AllergyDialog(QDialog):
    save_requested = Signal(object)  # Allergy

    def __init__(self, allergy: Allergy | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("allergy_dialog")
        self.setWindowTitle(
            self.tr("Allergy or serious reaction") if allergy else self.tr("Add an allergy")
        )
        self.setMinimumWidth(520)
        self._id = allergy.id if allergy else 0
        self.substance_edit = QLineEdit()
        self.substance_edit.setObjectName("allergy_substance_edit")
        self.substance_edit.setPlaceholderText(self.tr("e.g. penicillin, contrast dye, peanuts"))
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("allergy_kind_combo")
        for kind in AllergyKind:
            self.kind_combo.addItem(allergy_kind_label(kind), kind)
        self.reaction_edit = QLineEdit()
        self.reaction_edit.setObjectName("allergy_reaction_edit")
        self.reaction_edit.setPlaceholderText(self.tr("what happened, e.g. rash, swollen lips"))
        self.severity_combo = QComboBox()
        self.severity_combo.setObjectName("allergy_severity_combo")
        for severity in Severity:
            self.severity_combo.addItem(severity_label(severity), severity)
        self.noted_edit = PartialDateEdit()
        self.noted_edit.setObjectName("allergy_noted_edit")
        self.notes_edit = QLineEdit()
        self.notes_edit.setObjectName("allergy_notes_edit")
        form = QFormLayout()
        form.addRow(self.tr("To what"), self.substance_edit)
        form.addRow(self.tr("Kind"), self.kind_combo)
        form.addRow(self.tr("What happened"), self.reaction_edit)
        form.addRow(self.tr("How bad"), self.severity_combo)
        form.addRow(self.tr("When"), self.noted_edit)
        form.addRow(self.tr("Notes"), self.notes_edit)
        self.error_bar = MessageBar()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addLayout(form)
        layout.addWidget(self.error_bar)
        layout.addWidget(buttons)
        if allergy is not None:
            self.substance_edit.setText(allergy.substance)
            self.kind_combo.setCurrentIndex(self.kind_combo.findData(allergy.kind))
            self.reaction_edit.setText(allergy.reaction)
            self.severity_combo.setCurrentIndex(self.severity_combo.findData(allergy.severity))
            self.noted_edit.set_value(allergy.noted_on)
            self.notes_edit.setText(allergy.notes)
        self.substance_edit.setFocus()  # opens ready to type into its first field

    def _save(self) -> None:
        try:
            noted_on = self.noted_edit.value()
        except ValueError:
            self.error_bar.show_error(first_date_problem(self.noted_edit) or "")
            return
        if not self.substance_edit.text().strip():
            self.error_bar.show_error(self.tr("Please write what it is an allergy to."))
            self.substance_edit.setFocus()
            return
        self.save_requested.emit(
            Allergy(
                self.substance_edit.text().strip(),
                self.kind_combo.currentData(),
                self.reaction_edit.text().strip(),
                self.severity_combo.currentData(),
                noted_on,
                self.notes_edit.text().strip(),
                self._id,
            )
        )
