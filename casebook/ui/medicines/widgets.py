"""Small builders the medicine screens share: a read-only table, a named button, a table
that is only as tall as its rows."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QAbstractItemView, QPushButton, QTableView


def read_only_table(name: str, accessible: str) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setAccessibleName(accessible)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.setWordWrap(False)
    return view


def fit_rows(view: QTableView, rows: int, most: int) -> None:
    """As tall as its rows (at most `most` of them, then it scrolls), so the list below keeps
    the room."""
    row = view.verticalHeader().defaultSectionSize()
    view.setFixedHeight(view.horizontalHeader().sizeHint().height() + min(rows, most) * row + 6)


def named_button(text: str, name: str, accessible: str, slot: Callable[[], Any]) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(name)
    button.setAccessibleName(accessible)
    button.clicked.connect(slot)
    return button


def chosen_object(view: QTableView, role: int) -> Any:
    """The object of the selected row (None when nothing is selected)."""
    rows = view.selectionModel().selectedRows()
    return rows[0].data(role) if rows else None
