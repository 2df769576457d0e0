"""Allergies and serious past reactions, above the medicine list: a table and its buttons.

The panel shows and asks; the page opens the dialogs and writes.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QVBoxLayout, QWidget

from casebook.core.medicines import Allergy
from casebook.ui.medicines.medicine_models import AllergiesModel, AllergyColumn, ObjectRole
from casebook.ui.medicines.widgets import chosen_object, fit_rows, named_button, read_only_table


class AllergiesPanel(QWidget):
    add_requested = Signal()
    edit_requested = Signal(object)  # Allergy
    remove_requested = Signal(object)  # Allergy

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        heading = QLabel(self.tr("⚠  Allergies and serious past reactions"))
        heading.setProperty("role", "subheading")
        self.model = AllergiesModel(self)
        self.view = read_only_table("allergies_view", self.tr("Allergies and serious reactions"))
        self.view.setModel(self.model)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(AllergyColumn.REACTION, QHeaderView.ResizeMode.Stretch)
        self.view.doubleClicked.connect(lambda _i: self._edit())
        self.empty_label = QLabel(self.tr("No allergies or serious reactions written down."))
        self.empty_label.setProperty("role", "hint")
        buttons = QVBoxLayout()
        buttons.addWidget(
            named_button(self.tr("Add…"), "add_allergy_button", self.tr("Add an allergy"),
                         self.add_requested.emit)
        )  # fmt: skip
        buttons.addWidget(
            named_button(self.tr("Edit…"), "edit_allergy_button", self.tr("Edit the allergy"),
                         self._edit)
        )  # fmt: skip
        buttons.addWidget(
            named_button(self.tr("Remove"), "remove_allergy_button",
                         self.tr("Remove the allergy"), self._remove)
        )  # fmt: skip
        buttons.addStretch(1)
        listing = QVBoxLayout()
        listing.addWidget(self.empty_label)
        listing.addWidget(self.view)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addLayout(listing, 1)
        row.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading)
        layout.addLayout(row)

    def show_allergies(self, allergies: Sequence[Allergy]) -> None:
        self.model.set_entries(allergies)
        self.view.setVisible(bool(allergies))
        self.empty_label.setVisible(not allergies)
        fit_rows(self.view, len(allergies), 4)

    def select(self, allergy_id: int) -> bool:
        """Choose the allergy in the table; False when the table does not hold it (yet)."""
        for row in range(self.model.rowCount()):
            allergy = self.model.item(row)
            if isinstance(allergy, Allergy) and allergy.id == allergy_id:
                self.view.selectRow(row)
                return True
        return False

    def chosen(self) -> Allergy | None:
        allergy = chosen_object(self.view, ObjectRole)
        return allergy if isinstance(allergy, Allergy) else None

    def _edit(self) -> None:
        allergy = self.chosen()
        if allergy is not None:
            self.edit_requested.emit(allergy)

    def _remove(self) -> None:
        allergy = self.chosen()
        if allergy is not None:
            self.remove_requested.emit(allergy)
