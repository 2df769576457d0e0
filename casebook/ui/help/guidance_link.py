"""A link that opens one guidance page, for the places where it is needed.

For example beside a record: `GuidanceLinkButton(PREPARING, self.tr("Why does the MDT need
this?"))`. Clicking it opens (or raises) the window's guidance dialog at that page.
"""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QWidget

from casebook.ui.common.link_button import LinkButton
from casebook.ui.help.guidance_dialog import open_guidance


class GuidanceLinkButton(LinkButton):
    """Opens the guidance page `key` (a constant from `services.guidance`)."""

    def __init__(self, key: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent=parent)
        self.key = key
        self.setObjectName(f"guidance_link_{key}")
        self.setToolTip(self.tr("Opens a short guidance page"))
        self.clicked.connect(self._open)

    @Slot()
    def _open(self) -> None:
        open_guidance(self.window(), self.key)
