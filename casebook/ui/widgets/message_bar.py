"""An inline message shown next to the action it is about (errors, notes), hidden when empty."""

from __future__ import annotations

import enum

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from casebook.ui.error_messages import failure_message
from casebook.ui.tasks import TaskFailure


class MessageKind(enum.Enum):
    INFO = "info"
    ERROR = "error"


_STYLES = {
    MessageKind.INFO: "background: #e8f1f6; border: 1px solid #b7d0de; color: #17323f;",
    MessageKind.ERROR: "background: #fbeaea; border: 1px solid #e2b4b4; color: #6b1717;",
}
# The bar stays light in the dark scheme too, so its labels keep their dark text.
_TEXT_COLOURS = {MessageKind.INFO: "#17323f", MessageKind.ERROR: "#6b1717"}
_SYMBOLS = {MessageKind.INFO: "ℹ", MessageKind.ERROR: "⚠"}


class MessageBar(QFrame):
    """A word-wrapped message with a symbol, so its meaning never rests on colour alone."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._symbol = QLabel()
        self._symbol.setAlignment(Qt.AlignmentFlag.AlignTop)
        self._text = QLabel()
        self._text.setObjectName("message_text")
        self._text.setWordWrap(True)
        self._text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(10)
        layout.addWidget(self._symbol)
        layout.addWidget(self._text, 1)
        self.kind = MessageKind.INFO
        self._show_when_parented = False
        self.hide()

    def show_message(self, text: str, kind: MessageKind = MessageKind.INFO) -> None:
        self.kind = kind
        self.setStyleSheet(
            f"MessageBar {{ {_STYLES[kind]} border-radius: 4px; }}"
            f" MessageBar QLabel {{ color: {_TEXT_COLOURS[kind]}; }}"
        )
        self._symbol.setText(_SYMBOLS[kind])
        self._text.setText(text)
        if self.parentWidget() is None:
            # Shown without a parent it would open as a window of its own (and take focus
            # from the main window); show it once it has been put into a layout.
            self._show_when_parented = True
            return
        self.show()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        parented = event.type() == QEvent.Type.ParentChange and self.parentWidget() is not None
        if parented and self._show_when_parented:
            self._show_when_parented = False
            self.show()

    def text(self) -> str:
        return "" if self.isHidden() and not self._show_when_parented else self._text.text()

    def show_error(self, text: str) -> None:
        self.show_message(text, MessageKind.ERROR)

    def show_failure(self, failure: TaskFailure) -> None:
        """The plain reason a background job failed; a bug also goes to the crash dialog."""
        self.show_error(failure_message(failure.error))
        if failure.is_bug:
            failure.show_as_crash()

    def clear(self) -> None:
        self._text.clear()
        self._show_when_parented = False
        self.hide()
