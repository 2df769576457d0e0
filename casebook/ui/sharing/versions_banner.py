"""The "two versions" marker: a strip above every page while anything has two versions, and
a mark on the sections of the binder that hold them.

It follows every change to the binder (an exchange, a choice, an edit), so it appears when an
exchange brings a second version and goes when the last one is settled.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from casebook.core.changes import Changed
from casebook.services.binder.session import BinderSession
from casebook.services.sharing.versions import marked_rows
from casebook.ui.common.binder_events import follow_changes
from casebook.ui.common.labels import choose_plural
from casebook.ui.common.ops import ReadOp

# Which section of the binder shows each shared table.
_SECTIONS = {
    "case_info": "overview",
    "slots": "records",
    "documents": "records",
    "imaging_studies": "imaging",
    "imaging_series": "imaging",
    "imaging_instances": "imaging",
    "timeline_events": "timeline",
    "timeline_links": "timeline",
    "questions": "questions",
    "consultations": "consultations",
    "consultation_questions": "consultations",
    "consultation_entries": "consultations",
    "opinions": "opinions",
    "opinion_marks": "opinions",
    "decisions": "opinions",
    "decision_versions": "opinions",
    "contacts": "contacts",
    "contact_links": "contacts",
    "record_requests": "records",
    "medicines": "medicines",
    "medicine_versions": "medicines",
    "allergies": "medicines",
    "medicine_suggestions_dismissed": "medicines",
    "appointments": "appointments",
    "diary_entries": "diary",
    "recordings": "consultations",
    "recording_marks": "consultations",
    "recognised_pages": "records",
}


class VersionsBanner(QFrame):
    """Emits `choose_requested`, and `sections_marked(set of section names)`."""

    choose_requested = Signal()
    sections_marked = Signal(object)

    def __init__(self, session: BinderSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("versions_banner")
        self._session = session
        self.count = 0
        self.label = QLabel()
        self.label.setObjectName("versions_banner_text")
        self.label.setWordWrap(True)
        self.button = QPushButton(self.tr("Choose…"))
        self.button.setObjectName("versions_banner_button")
        self.button.clicked.connect(self.choose_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 6, 16, 6)
        layout.addWidget(QLabel("⚠"))
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button)
        self.hide()
        # Followed through the parent, which is visible while the binder is open.
        follow_changes(parent or self, session, tuple(Changed), lambda _changes: self.reload())
        self.reload()

    def reload(self) -> None:
        session = self._session
        ReadOp(self, lambda: marked_rows(session)).on_success(self._show_marks).start()

    def _show_marks(self, marked: dict[str, set[int]]) -> None:
        self.count = sum(len(ids) for ids in marked.values())
        self.label.setText(
            choose_plural(
                self.count,
                self.tr("{count} thing has two versions after an exchange: both are kept."),
                self.tr("{count} things have two versions after an exchange: both are kept."),
            )
        )
        self.setVisible(self.count > 0)
        self.sections_marked.emit({_SECTIONS[t] for t in marked if t in _SECTIONS})
