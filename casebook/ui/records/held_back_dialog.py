"""Images of someone else found among the files the family added: shown before any is stored.

The import leaves out DICOM whose patient does not look like the case's; this dialog names
the people found (a different date of birth said in words) and lets the family choose. The
safe choice, leaving them out, is the default button.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from casebook.core.model import Case
from casebook.services.records.importing import HeldBackPatient
from casebook.ui.imaging.scan_review_dialog import OtherPerson, identity_warning

_WIDTH = 600


class HeldBackDialog(QDialog):
    """Accepted means "add their images too"; rejected leaves them out."""

    def __init__(
        self, held_back: list[HeldBackPatient], case: Case, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("held_back_dialog")
        self.setWindowTitle(self.tr("Images of someone else?"))
        self.setFixedWidth(_WIDTH)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(14)
        people = [
            OtherPerson(p.name, p.birth_date, p.image_count, p.check.birth_date_differs)
            for p in held_back
        ]
        layout.addWidget(
            identity_warning(
                people,
                case,
                self.tr("⚠  Some scan images may belong to someone else"),
                self.tr(
                    "These scan images are for:\n{people}\n\nThis binder is for {case}.\n\n"
                    "They have not been added. Check the name on the disc or in the file. "
                    "Add them only if you are sure they belong to this case."
                ),
                _WIDTH - 84,
            )
        )
        note = QLabel(self.tr("Everything else you chose has been added."))
        note.setWordWrap(True)
        layout.addWidget(note)
        buttons = QDialogButtonBox()
        self.add_button = buttons.addButton(
            self.tr("Add them anyway"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.add_button.setObjectName("add_held_back_button")
        self.leave_button = buttons.addButton(
            self.tr("Leave them out"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.leave_button.setObjectName("leave_held_back_button")
        self.leave_button.setDefault(True)  # Enter must not add someone else's images
        self.leave_button.setFocus()
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
