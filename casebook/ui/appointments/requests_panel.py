"""Records asked for and not yet received: from whom, and whether it is time to chase them.

A request becomes due two weeks after it was made, or on the day the family chose; due ones
are shown in bold with "Now". Who was asked is set with the record's status on the Records page.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from casebook.core.contacts import RecordRequest
from casebook.ui.appointments.appointments_model import RequestColumn, RequestsModel


class RequestsPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        heading = QLabel(self.tr("Records asked for, still to arrive"))
        heading.setProperty("role", "subheading")
        hint = QLabel(
            self.tr(
                "Chase a request two weeks after asking, or on the day you chose. Who was asked"
                " is set on the Records page."
            )
        )
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        self.model = RequestsModel(self)
        self.view = QTableView()
        self.view.setObjectName("record_requests_view")
        self.view.setAccessibleName(self.tr("Records asked for, still to arrive"))
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.setMaximumHeight(130)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(RequestColumn.ASKED, QHeaderView.ResizeMode.Stretch)
        self.empty_label = QLabel(self.tr("No records are waiting to arrive."))
        self.empty_label.setProperty("role", "hint")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(heading)
        layout.addWidget(hint)
        layout.addWidget(self.view)
        layout.addWidget(self.empty_label)

    def show_requests(self, requests: Sequence[RecordRequest], today: date) -> None:
        self.model.set_entries(requests, today)
        self.view.setVisible(bool(requests))
        self.empty_label.setVisible(not requests)
