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
from casebook.ui.common.partial_date_edit import PartialDateEdit, first_date_problem
from casebook.ui.common.pdf_output import PrintControls, default_print_language
from casebook.ui.consultations.summary_view import SummaryView

SHEET_LANGUAGES = (("en", "English"), ("zh", "中文"), ("en+zh", "English + 中文"))


class ConsultationDetail(QWidget):
    """Edits the details; asks the page to save, take notes, print, or link the timeline."""

    save_requested = Signal(object)  # Consultation
    save_refused = Signal(str)  # why: the date typed is not a date
    notes_requested = Signal()
    link_requested = Signal(int)  # timeline event id

    def __init__(self, parent: QWidget | None = None, recordings: QWidget | None = None) -> None:
        """`recordings` is the consultation's recordings panel, shown above the summary."""
        super().__init__(parent)
        self.setObjectName("consultation_detail")
        self.view: ConsultationView | None = None
        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("title_edit")
        self.date_edit = PartialDateEdit()
        self.date_edit.setObjectName("date_edit")
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
        self.language_combo.setCurrentIndex(default_print_language(SHEET_LANGUAGES))
        # Two printouts in one language: the page saves or prints them (PdfOutput).
        self.sheet_controls = PrintControls(
            self.tr("the questions to bring"),
            "consultation_sheet",
            language_combo=self.language_combo,
            print_text=self.tr("Print questions to bring…"),
        )
        self.summary_controls = PrintControls(
            self.tr("the summary of this consultation"),
            "consultation_summary",
            language_combo=self.language_combo,
            print_text=self.tr("Print summary…"),
        )
        self.sheet_button = self.sheet_controls.print_button
        self.summary_button = self.summary_controls.print_button
        actions = QHBoxLayout()
        actions.addWidget(self.notes_button)
        actions.addWidget(self.save_button)
        actions.addStretch(1)
        printing = QHBoxLayout()
        printing.addWidget(QLabel(self.tr("Print in:")))
        printing.addWidget(self.language_combo)
        printing.addSpacing(12)
        printing.addWidget(self.sheet_controls)
        printing.addSpacing(12)
        printing.addWidget(self.summary_controls)
        printing.addStretch(1)

        self.links_label = QLabel()
        self.links_label.setObjectName("timeline_links_label")
        self.links_label.setWordWrap(True)
        self.event_combo = QComboBox()
        self.event_combo.setObjectName("timeline_event_combo")
        self.event_combo.setAccessibleName(self.tr("Timeline event to link"))
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
        if recordings is not None:
            layout.addWidget(recordings)
        layout.addWidget(summary_heading)
        layout.addWidget(self.summary_view, 1)

    def show_view(self, view: ConsultationView) -> None:
        self.view = view
        c = view.consultation
        self.title_edit.setText(c.title)
        self.date_edit.text_edit.setText(c.held_on or "")  # ISO; older free text shown as is
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
        """The details as typed (raises ValueError while the date is not a date)."""
        if self.view is None:
            return None
        names = tuple(n.strip() for n in self.attendees_edit.text().split(",") if n.strip())
        return Consultation(
            id=self.view.consultation.id,
            title=self.title_edit.text().strip() or self.view.consultation.title,
            held_on=held_on.iso() if (held_on := self.date_edit.value()) else None,
            doctor=self.doctor_edit.text().strip(),
            institution=self.institution_edit.text().strip(),
            attendees=names,
            notes=self.view.consultation.notes,
            created_at=self.view.consultation.created_at,
        )

    @Slot()
    def _save(self) -> None:
        problem = first_date_problem(self.date_edit)
        if problem is not None:
            self.save_refused.emit(problem)
            return
        edited = self.edited_consultation()
        if edited is not None:
            self.save_requested.emit(edited)

    @Slot()
    def _link(self) -> None:
        event_id = self.event_combo.currentData()
        if event_id is not None:
            self.link_requested.emit(int(event_id))
