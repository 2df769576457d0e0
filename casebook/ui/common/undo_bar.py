"""An inline bar shown after a deletion: "Deleted “…”." with an Undo button, instead of asking
"Are you sure?" before it. Hidden until something is deleted."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from casebook.services.undo import Deleted
from casebook.ui.common.look import look_as

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
        look_as(self, role="undo_bar")  # pages rename the bar; its look stays (look.py)
        self.deleted: Deleted | None = None
        self._undo_callback: Callable[[], None] | None = None
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

    def show_deleted(self, deleted: Deleted | None) -> None:
        """Offer Undo for `deleted`; None (it had gone already, deleted on another computer)
        leaves the bar as it is."""
        if deleted is None:
            return
        self.deleted = deleted
        self._undo_callback = None
        self._text.setText(self.tr("Deleted “{name}”.").format(name=shortened(deleted.label)))
        self._reveal()

    def show_message(self, text: str, undo: Callable[[], None]) -> None:
        """Say what was just removed; Undo calls `undo` (for removals to a trash)."""
        self.deleted = None
        self._undo_callback = undo
        self._text.setText(text)
        self._reveal()

    def _reveal(self) -> None:
        self.undo_button.setEnabled(True)
        self.show()
        # The Delete button usually goes grey with nothing selected: keyboard focus moves here.
        self.undo_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def text(self) -> str:
        return "" if self.isHidden() else self._text.text()

    @Slot()
    def _undo(self) -> None:
        callback = self._undo_callback
        if callback is not None:
            self.clear()
            callback()
            return
        if self.deleted is None:
            return
        snapshot_id = self.deleted.snapshot_id
        self.clear()
        self.undo_requested.emit(snapshot_id)

    def clear(self) -> None:
        self.deleted = None
        self._undo_callback = None
        self._text.clear()
        self.hide()
