"""A button that reads like a link: underlined words, a large target, reachable by keyboard.

Used for "go there" actions (open the Timeline, open a guidance page) so they look lighter than
real actions while staying focusable, with an accessible name like any other button.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QSizePolicy, QWidget

from casebook.ui.common.look import look_as


class LinkButton(QPushButton):
    """Underlined words; `text` is also its accessible name unless one is given."""

    def __init__(
        self, text: str, accessible_name: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(text, parent)
        self.setFlat(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        look_as(self, role="link")
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(accessible_name or text)
