"""Adding or editing one timeline event: kind, title, dates that may be partial, what it links
to, and for treatments what was given, how many cycles, the response and why it stopped."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from casebook.core.timeline import (
    THERAPY_KINDS,
    EventKind,
    Link,
    LinkKind,
    Response,
    StopReason,
    TherapyDetails,
    TimelineEvent,
    first_day,
    last_day,
)
from casebook.services.timeline import TimelineState
from casebook.ui.common.labels import format_partial_date
from casebook.ui.common.message_bar import MessageBar
from casebook.ui.common.partial_date_edit import PartialDateEdit, first_date_problem
from casebook.ui.common.screen_fit import fit_form_to_screen, scrolling_layout
from casebook.ui.timeline.labels import kind_label, response_label, stop_reason_label


class EventDialog(QDialog):
    """`edited_event()` is the event once accepted (id kept, 0 for a new one)."""

    def __init__(
        self,
        state: TimelineState,
        event: TimelineEvent | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("event_dialog")
        self._original = event or TimelineEvent(EventKind.DIAGNOSIS, "")
        new = event is None or event.id == 0
        self.setWindowTitle(self.tr("Add an event") if new else self.tr("Edit event"))
        self.setMinimumWidth(680)

        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("kind_combo")
        for kind in EventKind:
            self.kind_combo.addItem(kind_label(kind), kind)
        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("title_edit")
        self.title_edit.setPlaceholderText(
            self.tr("In a few words, e.g. “CT of chest and abdomen”")
        )
        self.start_edit = PartialDateEdit()
        self.start_edit.setObjectName("start_edit")
        self.end_edit = PartialDateEdit()
        self.end_edit.setObjectName("end_edit")
        self.end_label = QLabel(self.tr("Ended (if it lasted)"))
        self.description_edit = QPlainTextEdit()
        self.description_edit.setObjectName("description_edit")
        self.description_edit.setFixedHeight(80)
        date_hint = QLabel(self.tr("If you only know the year or the month, leave the rest out."))
        date_hint.setProperty("role", "hint")
        date_hint.setWordWrap(True)

        form = QFormLayout()
        form.setVerticalSpacing(10)
        form.setHorizontalSpacing(16)
        form.addRow(self.tr("What happened"), self.kind_combo)
        form.addRow(self.tr("Title"), self.title_edit)
        form.addRow(self.tr("Date (or start)"), self.start_edit)
        form.addRow("", date_hint)
        form.addRow(self.end_label, self.end_edit)
        form.addRow(self.tr("Notes"), self.description_edit)

        self.therapy_box = QGroupBox(self.tr("Treatment details"))
        self.therapy_box.setObjectName("therapy_box")
        self.regimen_edit = QLineEdit()
        self.regimen_edit.setObjectName("regimen_edit")
        self.regimen_edit.setPlaceholderText(self.tr("The drugs or treatment given, as written"))
        self.cycles_spin = QSpinBox()
        self.cycles_spin.setObjectName("cycles_spin")
        self.cycles_spin.setRange(0, 200)
        self.cycles_spin.setSpecialValueText(self.tr("Not known"))
        self.cycles_label = QLabel(self.tr("Number of cycles"))
        self.response_combo = QComboBox()
        self.response_combo.setObjectName("response_combo")
        for response in Response:
            self.response_combo.addItem(response_label(response), response)
        self.reason_combo = QComboBox()
        self.reason_combo.setObjectName("reason_combo")
        for reason in StopReason:
            self.reason_combo.addItem(stop_reason_label(reason), reason)
        self.reason_note_edit = QLineEdit()
        self.reason_note_edit.setObjectName("reason_note_edit")
        therapy_form = QFormLayout(self.therapy_box)
        therapy_form.setVerticalSpacing(10)
        therapy_form.addRow(self.tr("Regimen"), self.regimen_edit)
        therapy_form.addRow(self.cycles_label, self.cycles_spin)
        therapy_form.addRow(self.tr("Response"), self.response_combo)
        therapy_form.addRow(self.tr("Why it stopped"), self.reason_combo)
        therapy_form.addRow(self.tr("More about why"), self.reason_note_edit)

        links_label = QLabel(self.tr("Linked records (documents, imaging, consultations)"))
        self.links_list = QListWidget()
        self.links_list.setObjectName("links_list")
        self.links_list.setAccessibleName(self.tr("Linked records"))
        self.links_list.setMinimumHeight(110)
        self._fill_links(state)

        self.error_bar = MessageBar()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept_if_valid)
        buttons.rejected.connect(self.reject)
        save = buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setObjectName("primary_button")

        # On a short screen the form scrolls; the message and the buttons stay in view.
        body = QVBoxLayout()
        body.setSpacing(12)
        body.addLayout(form)
        body.addWidget(self.therapy_box)
        body.addWidget(links_label)
        body.addWidget(self.links_list)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addWidget(scrolling_layout(body), 1)
        layout.addWidget(self.error_bar)
        layout.addWidget(buttons)

        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self._show(self._original)
        self.kind_combo.setFocus()  # opens on its first field
        fit_form_to_screen(self)

    def _fill_links(self, state: TimelineState) -> None:
        choices: list[tuple[Link, str]] = []
        for study in state.studies:
            when = format_partial_date(study.study_date)
            what = " ".join(part for part in (study.modalities, study.description) if part)
            choices.append(
                (
                    Link(LinkKind.IMAGING_STUDY, study.id),
                    self.tr("Imaging: {when} {what}").format(when=when, what=what),
                )
            )
        for document in state.documents:
            when = format_partial_date(document.document_date)
            choices.append(
                (
                    Link(LinkKind.DOCUMENT, document.id),
                    self.tr("Document: {when} {title}").format(when=when, title=document.title),
                )
            )
        for consultation_id, title, held_on in state.consultations:
            when = format_partial_date(held_on)
            choices.append(
                (
                    Link(LinkKind.CONSULTATION, consultation_id),
                    self.tr("Consultation: {when} {title}").format(when=when, title=title),
                )
            )
        for link, text in choices:
            item = QListWidgetItem(" ".join(text.split()))
            item.setData(Qt.ItemDataRole.UserRole, link)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.links_list.addItem(item)
        if not choices:
            self.links_list.addItem(self.tr("Nothing to link yet: add documents or imaging first."))

    def _show(self, event: TimelineEvent) -> None:
        self.kind_combo.setCurrentIndex(list(EventKind).index(event.kind))
        self.title_edit.setText(event.title)
        self.start_edit.set_value(event.start)
        self.end_edit.set_value(event.end)
        self.description_edit.setPlainText(event.description)
        therapy = event.therapy
        self.regimen_edit.setText(therapy.regimen)
        self.cycles_spin.setValue(therapy.cycles or 0)
        self.response_combo.setCurrentIndex(list(Response).index(therapy.response))
        self.reason_combo.setCurrentIndex(list(StopReason).index(therapy.reason_stopped))
        self.reason_note_edit.setText(therapy.reason_note)
        for row in range(self.links_list.count()):
            item = self.links_list.item(row)
            link = item.data(Qt.ItemDataRole.UserRole)
            if isinstance(link, Link):
                checked = link in event.links
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self._kind_changed()

    @Slot()
    def _kind_changed(self) -> None:
        kind = self.kind_combo.currentData()
        is_therapy = kind in THERAPY_KINDS
        self.therapy_box.setVisible(is_therapy)
        systemic = kind is EventKind.SYSTEMIC_THERAPY
        self.cycles_spin.setVisible(systemic)
        self.cycles_label.setVisible(systemic)
        self.adjustSize()

    def edited_event(self) -> TimelineEvent:
        """The event as edited (raises ValueError for an impossible date)."""
        kind = self.kind_combo.currentData()
        assert isinstance(kind, EventKind)
        links = set()
        for row in range(self.links_list.count()):
            item = self.links_list.item(row)
            link = item.data(Qt.ItemDataRole.UserRole)
            if isinstance(link, Link) and item.checkState() == Qt.CheckState.Checked:
                links.add(link)
        therapy = TherapyDetails()
        if kind in THERAPY_KINDS:
            cycles = self.cycles_spin.value() if kind is EventKind.SYSTEMIC_THERAPY else 0
            therapy = TherapyDetails(
                regimen=self.regimen_edit.text().strip(),
                cycles=cycles or None,
                response=self.response_combo.currentData(),
                reason_stopped=self.reason_combo.currentData(),
                reason_note=self.reason_note_edit.text().strip(),
            )
        title = self.title_edit.text().strip() or kind_label(kind)
        return replace(
            self._original,
            kind=kind,
            title=title,
            start=self.start_edit.value(),
            end=self.end_edit.value(),
            description=self.description_edit.toPlainText().strip(),
            therapy=therapy,
            links=frozenset(links),
        )

    @Slot()
    def _accept_if_valid(self) -> None:
        try:
            event = self.edited_event()
        except ValueError:
            self.error_bar.show_error(
                first_date_problem(self.start_edit, self.end_edit)
                or self.tr("One of the dates does not exist in the calendar.")
            )
            return
        if event.end is not None and event.start is None:
            self.error_bar.show_error(self.tr("Please give a start date as well as an end."))
            return
        if event.start and event.end and last_day(event.end) < first_day(event.start):
            self.error_bar.show_error(self.tr("The end date is before the start date."))
            return
        self.accept()
