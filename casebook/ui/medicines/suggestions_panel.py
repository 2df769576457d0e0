"""Medicines found in the documents, offered for the family to check and add or dismiss.

Hidden while there is nothing to offer. The panel shows and asks; the page opens the dialog
and writes.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QVBoxLayout, QWidget

from casebook.services.medicines.suggestions import MedicineSuggestion
from casebook.ui.medicines.medicine_models import ObjectRole, SuggestionColumn, SuggestionsModel
from casebook.ui.medicines.widgets import chosen_object, fit_rows, named_button, read_only_table


class SuggestionsPanel(QWidget):
    confirm_requested = Signal(object)  # MedicineSuggestion
    dismiss_requested = Signal(object)  # MedicineSuggestion

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("medicine_suggestions_box")
        self.suggestions: list[MedicineSuggestion] = []
        heading = QLabel(self.tr("Found in your documents: check and add?"))
        heading.setProperty("role", "subheading")
        self.model = SuggestionsModel(self)
        self.view = read_only_table(
            "medicine_suggestions_view", self.tr("Medicines found in the documents")
        )
        self.view.setModel(self.model)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(SuggestionColumn.FOUND, QHeaderView.ResizeMode.Stretch)
        self.view.doubleClicked.connect(lambda _i: self.confirm())
        buttons = QVBoxLayout()
        buttons.addWidget(
            named_button(self.tr("Check and add…"), "confirm_suggestion_button",
                         self.tr("Check the found medicine and add it"), self.confirm)
        )  # fmt: skip
        buttons.addWidget(
            named_button(self.tr("Not this one"), "dismiss_suggestion_button",
                         self.tr("Do not suggest this medicine again"), self.dismiss)
        )  # fmt: skip
        buttons.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.view, 1)
        row.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading)
        layout.addLayout(row)
        self.hide()

    def show_suggestions(self, suggestions: Sequence[MedicineSuggestion]) -> None:
        self.suggestions = list(suggestions)
        self.model.set_entries(self.suggestions)
        self.setVisible(bool(suggestions))
        fit_rows(self.view, len(suggestions), 4)

    def chosen(self) -> MedicineSuggestion | None:
        """The selected suggestion, else the first one."""
        suggestion = chosen_object(self.view, ObjectRole)
        if isinstance(suggestion, MedicineSuggestion):
            return suggestion
        return self.suggestions[0] if self.suggestions else None

    def confirm(self) -> None:
        suggestion = self.chosen()
        if suggestion is not None:
            self.confirm_requested.emit(suggestion)

    def dismiss(self) -> None:
        suggestion = chosen_object(self.view, ObjectRole)
        if isinstance(suggestion, MedicineSuggestion):
            self.dismiss_requested.emit(suggestion)
