"""Picking lines of a consultation's notes to fill one field of an opinion."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from casebook.services.opinions.opinions import NoteLine
from casebook.ui.common.look import look_as


class NoteLinesDialog(QDialog):
    """Every line of the notes with a tick box; `chosen_text()` joins the ticked lines."""

    def __init__(
        self, field_name: str, lines: Sequence[NoteLine], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("note_lines_dialog")
        self.setWindowTitle(self.tr("Fill from the consultation notes"))
        self.setMinimumSize(620, 420)
        intro = QLabel(
            self.tr(
                "Tick the lines that belong under “{field}”. They are added as written."
            ).format(field=field_name)
        )
        intro.setWordWrap(True)
        self.lines_list = QListWidget()
        self.lines_list.setObjectName("note_lines_list")
        self.lines_list.setWordWrap(True)
        look_as(self.lines_list, rows="spaced")
        for line in lines:
            text = f"{line.author}: {line.text}" if line.author else line.text
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, line.text)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.lines_list.addItem(item)
        empty = QLabel(self.tr("This consultation has no notes yet."))
        empty.setProperty("role", "hint")
        empty.setVisible(not lines)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Add these lines"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 18)
        layout.setSpacing(12)
        layout.addWidget(intro)
        layout.addWidget(empty)
        layout.addWidget(self.lines_list, 1)
        layout.addWidget(buttons)

    def check_line(self, row: int) -> None:
        self.lines_list.item(row).setCheckState(Qt.CheckState.Checked)

    def chosen_text(self) -> str:
        items = (self.lines_list.item(i) for i in range(self.lines_list.count()))
        return "\n".join(
            str(item.data(Qt.ItemDataRole.UserRole))
            for item in items
            if item.checkState() == Qt.CheckState.Checked
        )
