""" "Why does the MDT need this?": the catalogue's plain words about the selected record."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from casebook.core.model import Slot
from casebook.services.records.slot_catalogue import load_catalogue
from casebook.ui.common.labels import slot_kind_label, ui_language
from casebook.ui.common.look import look_as
from casebook.ui.records.slot_status_text import full_status


class SlotGuide(QFrame):
    """What the record is, why the MDT needs it, whom to ask, what a good copy looks like."""

    status_change_requested = Signal(object)  # Slot

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("slot_guide")
        look_as(self, role="card")
        self.slot: Slot | None = None
        self.heading = QLabel(self.tr("Why does the MDT need this?"))
        self.heading.setProperty("role", "subheading")
        self.heading.setWordWrap(True)
        self.title_label = QLabel()
        self.title_label.setObjectName("guide_title")
        self.status_label = QLabel()
        self.status_label.setObjectName("guide_status")
        self.status_label.setWordWrap(True)
        self.status_button = QPushButton(self.tr("Change status…"))
        self.status_button.setObjectName("change_status_button")
        self.status_button.clicked.connect(self._request_status_change)
        self.body = QLabel()
        self.body.setObjectName("guide_body")
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.body.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)
        layout.addWidget(self.heading)
        layout.addWidget(self.title_label)
        layout.addWidget(self.status_label)
        layout.addWidget(self.status_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.body, 1)
        self.show_slot(None)

    def show_slot(self, slot: Slot | None) -> None:
        self.slot = slot
        has_slot = slot is not None
        self.title_label.setVisible(has_slot)
        self.status_label.setVisible(has_slot)
        self.status_button.setVisible(has_slot)
        if slot is None:
            self.body.setText(
                self.tr("Choose a kind of record on the left to see what it is and whom to ask.")
            )
            return
        self.title_label.setText(f"<b>{slot_kind_label(slot.kind)}</b>")
        self.status_label.setText(self.tr("Status: {status}").format(status=full_status(slot)))
        description = load_catalogue()[slot.kind]
        language = ui_language()
        sections = [
            (self.tr("What it is"), description.text("what", language)),
            (self.tr("Why the MDT needs it"), description.text("why", language)),
            (self.tr("Whom to ask"), description.text("ask", language)),
            (self.tr("A good copy"), description.text("good_copy", language)),
        ]
        self.body.setText(
            "".join(
                f"<p style='margin-bottom:8px'><b>{_escape(title)}</b><br>{_escape(text)}</p>"
                for title, text in sections
            )
        )

    def _request_status_change(self) -> None:
        if self.slot is not None:
            self.status_change_requested.emit(self.slot)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
