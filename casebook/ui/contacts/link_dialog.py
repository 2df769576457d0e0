"""Linking a contact to the opinions, consultations and bundles sent that involve them.

Records whose own words name the contact come first and say so; the family ticks what applies.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from casebook.core.contacts import Contact, LinkCandidate
from casebook.ui.contacts.linked_model import CandidateColumn, LinkCandidatesModel


class LinkDialog(QDialog):
    links_chosen = Signal(int, object)  # contact id, [(LinkKind, ref, linked)]

    def __init__(
        self, contact: Contact, candidates: Sequence[LinkCandidate], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("contact_link_dialog")
        self.setWindowTitle(self.tr("Link {name}").format(name=contact.name))
        self.resize(760, 460)
        self._contact_id = contact.id
        hint = QLabel(
            self.tr(
                "Tick the opinions, consultations and bundles sent that involve {name}. Those"
                " that mention the name are at the top."
            ).format(name=contact.name)
        )
        hint.setWordWrap(True)
        hint.setProperty("role", "hint")
        self.model = LinkCandidatesModel(self)
        self.model.set_entries(candidates)
        self.view = QTableView()
        self.view.setObjectName("link_candidates_view")
        self.view.setAccessibleName(self.tr("Records that can be linked"))
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(CandidateColumn.TITLE, QHeaderView.ResizeMode.Stretch)
        for column in (CandidateColumn.KIND, CandidateColumn.DATE, CandidateColumn.NAMED):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.empty_label = QLabel(
            self.tr("There are no opinions, consultations or bundles sent to link yet.")
        )
        self.empty_label.setWordWrap(True)
        self.empty_label.setVisible(not candidates)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addWidget(hint)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)

    def _save(self) -> None:
        changes = self.model.changes()
        if changes:
            self.links_chosen.emit(self._contact_id, changes)
        self.accept()
