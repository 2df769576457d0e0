"""An inline bar shown after a deletion: "Deleted “…”." with an Undo button, instead of asking
"Are you sure?" before it. Hidden until something is deleted."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from casebook.services.undo import Deleted

_LONGEST_LABEL = 60  # characters of the deleted record's name shown in the bar


def shortened(label: str) -> str:
    """The label on one line, cut with an ellipsis when long."""
    flat = " ".join(label.split())
    return flat if len(flat) <= _LONGEST_LABEL else flat[: _LONGEST_LABEL - 1].rstrip() + "…"


class UndoBar(QFrame):
    """Says what was just deleted and offers to bring it back; `undo_requested(snapshot id)`."""

    undo_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("undo_bar")
        self.setStyleSheet(
            "#undo_bar { background: #eef3ee; border: 1px solid #bccfbc; border-radius: 4px; }"
            " #undo_bar QLabel { color: #1f3320; }"
        )
        self.deleted: Deleted | None = None
        symbol = QLabel("ℹ")  # the same symbol as an information bar
        symbol.setAlignment(Qt.AlignmentFlag.AlignVCenter)
        self._text = QLabel()
        self._text.setObjectName("undo_text")
        self._text.setWordWrap(True)
        self.undo_button = QPushButton(self.tr("Undo"))
        self.undo_button.setObjectName("undo_button")
        self.undo_button.setAccessibleName(self.tr("Undo the deletion"))
        self.undo_button.clicked.connect(self._undo)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 8, 6)
        layout.setSpacing(10)
        layout.addWidget(symbol)
        layout.addWidget(self._text, 1)
        layout.addWidget(self.undo_button)
        self.hide()

    def show_deleted(self, deleted: Deleted) -> None:
        self.deleted = deleted
        self._text.setText(self.tr("Deleted “{name}”.").format(name=shortened(deleted.label)))
        self.undo_button.setEnabled(True)
        self.show()
        # The Delete button usually goes grey with nothing selected: keyboard focus moves here.
        self.undo_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def text(self) -> str:
        return "" if self.isHidden() else self._text.text()

    @Slot()
    def _undo(self) -> None:
        if self.deleted is None:
            return
        snapshot_id = self.deleted.snapshot_id
        self.clear()
        self.undo_requested.emit(snapshot_id)

    def clear(self) -> None:
        self.deleted = None
        self._text.clear()
        self.hide()
