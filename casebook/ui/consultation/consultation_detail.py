"""One consultation: its details, timeline links, the question list and the summary."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from casebook.core.consultations import Consultation
from casebook.services.consultations import ConsultationView
from casebook.ui.consultation.summary_view import SummaryView

SHEET_LANGUAGES = (("en", "English"), ("zh", "中文"), ("en+zh", "English + 中文"))


class ConsultationDetail(QWidget):
    """Edits the details; asks the page to save, take notes, print, or link the timeline."""

    save_requested = Signal(object)  # Consultation
    notes_requested = Signal()
    print_summary_requested = Signal(str)  # language
    print_sheet_requested = Signal(str)
    link_requested = Signal(int)  # timeline event id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("consultation_detail")
        self.view: ConsultationView | None = None
        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("title_edit")
        self.date_edit = QLineEdit()
        self.date_edit.setObjectName("date_edit")
        self.date_edit.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.doctor_edit = QLineEdit()
        self.doctor_edit.setObjectName("doctor_edit")
        self.institution_edit = QLineEdit()
        self.institution_edit.setObjectName("institution_edit")
        self.attendees_edit = QLineEdit()
        self.attendees_edit.setObjectName("attendees_edit")
        self.attendees_edit.setPlaceholderText(self.tr("Names, separated by commas"))
        form = QFormLayout()
        form.setVerticalSpacing(8)
        form.addRow(self.tr("Title"), self.title_edit)
        form.addRow(self.tr("Date"), self.date_edit)
        form.addRow(self.tr("Doctor"), self.doctor_edit)
        form.addRow(self.tr("Hospital or clinic"), self.institution_edit)
        form.addRow(self.tr("Who attended"), self.attendees_edit)
        self.save_button = QPushButton(self.tr("Save details"))
        self.save_button.setObjectName("save_details_button")
        self.save_button.clicked.connect(self._save)
        self.notes_button = QPushButton(self.tr("Take notes now"))
        self.notes_button.setObjectName("primary_button")
        self.notes_button.clicked.connect(self.notes_requested)
        self.language_combo = QComboBox()
        self.language_combo.setObjectName("print_language_combo")
        self.language_combo.setAccessibleName(self.tr("Print in"))
        for code, name in SHEET_LANGUAGES:
            self.language_combo.addItem(name, code)
        self.sheet_button = QPushButton(self.tr("Print questions to bring…"))
        self.sheet_button.setObjectName("print_sheet_button")
        self.sheet_button.clicked.connect(
            lambda: self.print_sheet_requested.emit(self.language_combo.currentData())
        )
        self.summary_button = QPushButton(self.tr("Print summary…"))
        self.summary_button.setObjectName("print_summary_button")
        self.summary_button.clicked.connect(
            lambda: self.print_summary_requested.emit(self.language_combo.currentData())
        )
        actions = QHBoxLayout()
        actions.addWidget(self.notes_button)
        actions.addWidget(self.save_button)
        actions.addStretch(1)
        printing = QHBoxLayout()
        printing.addWidget(QLabel(self.tr("Print in:")))
        printing.addWidget(self.language_combo)
        printing.addWidget(self.sheet_button)
        printing.addWidget(self.summary_button)
        printing.addStretch(1)

        self.links_label = QLabel()
        self.links_label.setObjectName("timeline_links_label")
        self.links_label.setWordWrap(True)
        self.event_combo = QComboBox()
        self.event_combo.setObjectName("timeline_event_combo")
        self.link_button = QPushButton(self.tr("Link to this timeline event"))
        self.link_button.setObjectName("link_event_button")
        self.link_button.clicked.connect(self._link)
        links = QHBoxLayout()
        links.addWidget(self.event_combo, 1)
        links.addWidget(self.link_button)

        summary_heading = QLabel(self.tr("Summary of this consultation"))
        summary_heading.setProperty("role", "subheading")
        self.summary_view = SummaryView()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addLayout(form)
        layout.addLayout(actions)
        layout.addLayout(printing)
        layout.addWidget(self.links_label)
        layout.addLayout(links)
        layout.addWidget(summary_heading)
        layout.addWidget(self.summary_view, 1)

    def show_view(self, view: ConsultationView) -> None:
        self.view = view
        c = view.consultation
        self.title_edit.setText(c.title)
        self.date_edit.setText(c.held_on or "")
        self.doctor_edit.setText(c.doctor)
        self.institution_edit.setText(c.institution)
        self.attendees_edit.setText(", ".join(c.attendees))
        if view.linked_events:
            names = "; ".join(f"{d or '?'} {t}" for _i, t, d in view.linked_events)
            self.links_label.setText(self.tr("On the timeline: {events}").format(events=names))
        else:
            self.links_label.setText(self.tr("Not linked to the timeline yet."))
        self.event_combo.clear()
        linked = {i for i, _t, _d in view.linked_events}
        for event_id, title, start in view.all_events:
            if event_id not in linked:
                self.event_combo.addItem(f"{start or '?'}  {title}", event_id)
        has_events = self.event_combo.count() > 0
        self.event_combo.setVisible(has_events)
        self.link_button.setVisible(has_events)
        self.summary_view.show_summary(view.summary)

    def edited_consultation(self) -> Consultation | None:
        if self.view is None:
            return None
        names = tuple(n.strip() for n in self.attendees_edit.text().split(",") if n.strip())
        return Consultation(
            id=self.view.consultation.id,
            title=self.title_edit.text().strip() or self.view.consultation.title,
            held_on=self.date_edit.text().strip() or None,
            doctor=self.doctor_edit.text().strip(),
            institution=self.institution_edit.text().strip(),
            attendees=names,
            notes=self.view.consultation.notes,
            created_at=self.view.consultation.created_at,
        )

    @Slot()
    def _save(self) -> None:
        edited = self.edited_consultation()
        if edited is not None:
            self.save_requested.emit(edited)

    @Slot()
    def _link(self) -> None:
        event_id = self.event_combo.currentData()
        if event_id is not None:
            self.link_requested.emit(int(event_id))
