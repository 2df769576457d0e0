"""Help → About: version, licence, and what Casebook is not (medical advice)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from casebook import __version__


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("about_dialog")
        self.setWindowTitle(self.tr("About Casebook"))
        self.setMinimumWidth(540)
        heading = QLabel(self.tr("Casebook {version}").format(version=__version__))
        heading.setProperty("role", "heading")
        body = QLabel(
            self.tr(
                "Casebook helps families collect medical records in an encrypted binder and "
                "send them for a second opinion.\n\n"
                "Casebook organises records; it gives no medical advice.\n\n"
                "Free software under the GNU General Public License, version 3 or later "
                "(GPL-3.0-or-later)."
            )
        )
        body.setObjectName("about_text")
        body.setWordWrap(True)
        body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(14)
        layout.addWidget(heading)
        layout.addWidget(body)
        layout.addWidget(buttons)
