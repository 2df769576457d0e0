"""A button that reads like a link: underlined words, a large target, reachable by keyboard.

Used for "go there" actions (open the Timeline, open a guidance page) so they look lighter than
real actions while staying focusable, with an accessible name like any other button.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QSizePolicy, QWidget

from casebook.ui.look import ACCENT

# palette(link) follows the light or dark scheme that look.py installs.
_STYLE = f"""
LinkButton {{
    border: none; background: transparent; color: palette(link); text-decoration: underline;
    padding: 4px 2px; text-align: left;
}}
LinkButton:hover {{ color: palette(highlight); }}
LinkButton:focus {{ border: 2px solid {ACCENT}; border-radius: 3px; padding: 2px 0px; }}
"""


class LinkButton(QPushButton):
    """Underlined words; `text` is also its accessible name unless one is given."""

    def __init__(
        self, text: str, accessible_name: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(text, parent)
        self.setFlat(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setStyleSheet(_STYLE)
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(accessible_name or text)
