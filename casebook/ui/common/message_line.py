"""One line for a page's messages and its undo bar, so neither moves the page.

The message bar always holds its line in the layout (`message_bar.py`); the undo bar is laid over
that same line, as tall as it, instead of taking a line of its own that appears after a deletion
and pushes the list and its buttons down under the pointer. The newer of the two is the one
shown: a deletion's "Deleted “…”. [Undo]" replaces the message, and a new message replaces the
offer to undo.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QGridLayout, QLayout

from casebook.ui.common.message_bar import MessageBar
from casebook.ui.common.undo_bar import UndoBar

# The undo bar's margins in the shared line: room for its button, as a message bar's follow-up.
_UNDO_MARGINS = (12, 3, 8, 3)


class _NewerShows(QObject):
    """Keeps only the newer of the two bars shown, and the undo bar as tall as the line."""

    def __init__(self, messages: MessageBar, undo: UndoBar) -> None:
        super().__init__(undo)
        self._messages = messages
        self._undo = undo
        messages.installEventFilter(self)
        undo.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show:
            if watched is self._undo:
                self._undo.setFixedHeight(self._messages.sizeHint().height())
                self._messages.clear()
                self._undo.raise_()
            elif watched is self._messages:
                self._undo.clear()
        return False


def message_line(messages: MessageBar, undo: UndoBar) -> QLayout:
    """The layout item for a page's message line: `messages` with `undo` laid over it."""
    line = QGridLayout()
    line.setContentsMargins(0, 0, 0, 0)
    line.addWidget(messages, 0, 0)
    line.addWidget(undo, 0, 0)
    inner = undo.layout()
    if inner is not None:
        inner.setContentsMargins(*_UNDO_MARGINS)
    _NewerShows(messages, undo)
    return line
