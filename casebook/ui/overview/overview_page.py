"""The Overview answers "where are we and what next?" on the first page after unlocking.

Four cards: the decision moment, the next consultation and its unanswered questions (or, when
none is being prepared, the next appointment with a doctor and a button that prepares for it), the
opinions and whether a decision is logged, and the backup and export (with a gentle reminder).
Below them, the records: what is missing (the completeness panel) and the state of each kind of
record (the table). Missing records are marked with a word and a symbol, never by colour alone.
Links that lead to another page emit `navigate_requested(page_name)`; the page reads with a
`ReadOp` and reads again whenever a write anywhere changes what it shows.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from casebook.core.changes import Changed
from casebook.core.preflight import Finding
from casebook.core.questions import Question
from casebook.services.binder.session import BinderSession
from casebook.services.guidance import AFTER_THE_OPINION, PREPARING, WHEN_IT_HELPS
from casebook.services.overview import (
    AppointmentToPrepare,
    BackupReminder,
    Overview,
    load_overview,
    prepare_for_appointment,
)
from casebook.services.questions.questions import load_bank
from casebook.ui.appointments.appointments_model import when_text
from casebook.ui.common import file_dialogs
from casebook.ui.common.binder_events import follow_changes
from casebook.ui.common.labels import (
    choose_plural,
    format_date_text,
    format_partial_date,
    format_size,
    format_timestamp,
    ui_language,
)
from casebook.ui.common.link_button import LinkButton
from casebook.ui.common.look import look_as
from casebook.ui.common.message_bar import MessageBar
from casebook.ui.common.ops import LatestRead, WriteOp
from casebook.ui.common.staged_build import StagedBuild
from casebook.ui.common.tasks import TaskFailure
from casebook.ui.help.guidance_link import GuidanceLinkButton
from casebook.ui.overview.daily_card import DailyCard
from casebook.ui.overview.preflight_panel import PreflightPanel
from casebook.ui.overview.record_status_model import RecordStatusModel, StatusColumn
from casebook.ui.records.import_flow import ImportFlow
from casebook.ui.timeline.labels import moment_label

QUESTIONS_SHOWN = 3
# Everything the cards, the completeness panel and the table read.
_SHOWN = (
    Changed.CASE,
    Changed.DOCUMENTS,
    Changed.SLOTS,
    Changed.IMAGING,
    Changed.TIMELINE,
    Changed.QUESTIONS,
    Changed.CONSULTATIONS,
    Changed.OPINIONS,
    Changed.DECISIONS,
    Changed.EXPORTS,
    Changed.BACKUPS,
    Changed.APPOINTMENTS,  # the appointment to prepare for, when no consultation is
    Changed.CONTACTS,
)


def _check_content(session: BinderSession) -> list[Finding]:
    # Imported on the reader thread that runs it: the pre-flight's DICOM and PDF readers are
    # not needed to show the Overview, only to fill its pre-flight panel a moment later.
    from casebook.services.preflight import check_content

    return check_content(session)


def local_date_time(stamp: str | None, never: str) -> str:
    """A stored UTC timestamp as a short local date and time, in the interface locale."""
    return format_timestamp(stamp, never)


def _wrapped_label(name: str, role: str = "") -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if role:
        label.setProperty("role", role)
    return label


class OverviewPage(QWidget):
    """The case at a glance, with "Add files…" and "Add folder…".

    `navigate_requested` carries the page to open: "timeline", "consultations", "questions",
    "opinions" or "export"; `consultation_opened` the id of a consultation to show on the
    Consultations page (one just prepared for an appointment).
    """

    navigate_requested = Signal(str)
    consultation_opened = Signal(int)
    finding_opened = Signal(object)  # a pre-flight Finding: go where it is fixed

    def __init__(
        self,
        session: BinderSession,
        parent: QWidget | None = None,
        *,
        overview: Overview | None = None,
    ) -> None:
        """`overview`: the data already read with the unlock (then only the pre-flight is read)."""
        super().__init__(parent)
        self.setObjectName("overview_page")
        self._session = session
        self.overview: Overview | None = None
        self.imports = ImportFlow(session, self)

        self.name_label = QLabel()
        self.name_label.setObjectName("patient_name_label")
        self.name_label.setProperty("role", "heading")
        self.name_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.birth_label = QLabel()
        self.birth_label.setObjectName("date_of_birth_label")
        self.diagnosis_label = _wrapped_label("diagnosis_label")
        self.error_bar = MessageBar()
        # The data being shown: each part of the page fills itself from it as it is made;
        # `overview` is set once the whole page shows it.
        self._shown: Overview | None = overview
        self._made: set[str] = set()  # the parts made so far

        # The page in parts, one per turn of the event loop (issue 15: made at once, they held
        # the loop for over 100 ms after unlocking): the heading now, then each row of cards,
        # then the records. Each part comes below the ones before it, so nothing on screen
        # moves as they arrive.
        self._cards = QGridLayout()
        self._cards.setSpacing(14)
        self._cards.setColumnStretch(0, 1)
        self._cards.setColumnStretch(1, 1)
        self._records_box = QVBoxLayout()  # the records' part, once made
        self._records_box.setContentsMargins(0, 0, 0, 0)
        self._records_box.setSpacing(12)

        layout = QVBoxLayout(self._content())
        layout.setContentsMargins(36, 28, 36, 28)
        layout.setSpacing(12)
        layout.addWidget(self.name_label)
        layout.addWidget(self.birth_label)
        layout.addWidget(self.diagnosis_label)
        layout.addWidget(self.error_bar)
        layout.addSpacing(8)
        layout.addLayout(self._cards)
        layout.addSpacing(14)
        layout.addLayout(self._records_box)
        layout.addStretch(1)
        if overview is not None:
            self._show_heading(overview)
        self.building = StagedBuild(
            self,
            (self._add_first_cards, self._add_second_cards, self._add_daily_card,
             self._add_records_part),
        )  # fmt: skip
        self.building.then(self._whole_page_built)
        self._overview_reader = LatestRead(
            self, lambda: load_overview(session), self.show_overview, self._on_failed
        )
        self._preflight_reader = LatestRead(
            self, lambda: _check_content(session), self._show_findings, self._on_failed
        )
        follow_changes(self, session, _SHOWN, lambda _changes: self.reload())
        if overview is None:
            self.reload()
        else:
            self._preflight_reader.start()

    # Building ------------------------------------------------------------------------------

    def _content(self) -> QWidget:
        content = QWidget()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        return content

    def _card(self, name: str, title: str) -> tuple[QFrame, QVBoxLayout]:
        card = QFrame()
        card.setObjectName("overview_card")
        card.setAccessibleName(title)
        look_as(card, role="card")
        heading = QLabel(title)
        heading.setObjectName(f"{name}_heading")
        heading.setProperty("role", "subheading")
        heading.setWordWrap(True)
        layout = QVBoxLayout(card)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.setSpacing(8)
        layout.addWidget(heading)
        return card, layout

    def _go_to(self, text: str, page: str) -> LinkButton:
        link = LinkButton(text)
        link.setObjectName(f"go_to_{page}")
        link.clicked.connect(lambda: self.navigate_requested.emit(page))
        return link

    def _build_moment_card(self) -> QFrame:
        card, layout = self._card("moment", self.tr("Where we are now"))
        self.moment_label = _wrapped_label("decision_moment_label")
        self.moment_link = self._go_to(self.tr("Change it on the Timeline"), "timeline")
        self.moment_hint = _wrapped_label("decision_moment_hint", "hint")
        layout.addWidget(self.moment_label)
        layout.addWidget(self.moment_hint)
        layout.addWidget(self.moment_link)
        layout.addStretch(1)
        layout.addWidget(
            GuidanceLinkButton(WHEN_IT_HELPS, self.tr("When does a second opinion help most?"))
        )
        return card

    def _build_consultation_card(self) -> QFrame:
        card, layout = self._card("consultation", self.tr("Next consultation"))
        self.consultation_label = _wrapped_label("next_consultation_label")
        self.unanswered_label = _wrapped_label("unanswered_questions_label")
        self.prepare_button = QPushButton(self.tr("Prepare questions for it"))
        self.prepare_button.setObjectName("prepare_for_appointment_button")
        self.prepare_button.setAccessibleName(self.tr("Prepare questions for the next appointment"))
        self.prepare_button.setToolTip(
            self.tr(
                "Starts a consultation for that day, with the doctor and the place, and puts"
                " every open question on its list."
            )
        )
        self.prepare_button.clicked.connect(self.prepare_for_appointment)
        self.prepare_button.hide()
        prepare_row = QHBoxLayout()
        prepare_row.addWidget(self.prepare_button)
        prepare_row.addStretch(1)
        self.open_questions_label = _wrapped_label("open_questions_label", "hint")
        links = QHBoxLayout()
        links.setSpacing(18)
        links.addWidget(self._go_to(self.tr("Open Consultations"), "consultations"))
        links.addWidget(self._go_to(self.tr("Open Questions"), "questions"))
        links.addStretch(1)
        layout.addWidget(self.consultation_label)
        layout.addWidget(self.unanswered_label)
        layout.addLayout(prepare_row)
        layout.addWidget(self.open_questions_label)
        layout.addStretch(1)
        layout.addLayout(links)
        return card

    def _build_opinions_card(self) -> QFrame:
        card, layout = self._card("opinions", self.tr("Opinions and decision"))
        self.opinions_label = _wrapped_label("opinions_label")
        self.decision_label = _wrapped_label("decision_label")
        opinions_hint = _wrapped_label("opinions_hint", "hint")
        opinions_hint.setText(
            self.tr(
                "On the Opinions page you can put opinions side by side, turn differences"
                " into questions, and write down what you decide."
            )
        )
        layout.addWidget(self.opinions_label)
        layout.addWidget(self.decision_label)
        layout.addWidget(opinions_hint)
        layout.addStretch(1)
        links = QHBoxLayout()
        links.setSpacing(18)
        links.addWidget(self._go_to(self.tr("Open Opinions"), "opinions"))
        links.addWidget(
            GuidanceLinkButton(AFTER_THE_OPINION, self.tr("After the opinion: what next?"))
        )
        links.addStretch(1)
        layout.addLayout(links)
        return card

    def _build_safekeeping_card(self) -> QFrame:
        card, layout = self._card("safekeeping", self.tr("Backup and export"))
        self.activity_label = _wrapped_label("activity_label")
        self.backup_bar = MessageBar()
        self.backup_bar.setObjectName("backup_reminder_bar")
        layout.addWidget(self.activity_label)
        layout.addWidget(self.backup_bar)
        layout.addStretch(1)
        layout.addWidget(self._go_to(self.tr("Open Export"), "export"))
        return card

    def _add_first_cards(self) -> None:
        self._made.add("first cards")
        self._cards.addWidget(self._build_moment_card(), 0, 0)
        self._cards.addWidget(self._build_consultation_card(), 0, 1)
        if self._shown is not None:
            self._show_moment(self._shown)
            self._show_consultation(self._shown)

    def _add_second_cards(self) -> None:
        self._made.add("second cards")
        self._cards.addWidget(self._build_opinions_card(), 1, 0)
        self._cards.addWidget(self._build_safekeeping_card(), 1, 1)
        if self._shown is not None:
            self._show_opinions(self._shown)
            self._show_safekeeping(self._shown)

    def _add_daily_card(self) -> None:
        self.daily_card = DailyCard(self._session)
        self.daily_card.navigate_requested.connect(self.navigate_requested)
        self._cards.addWidget(self.daily_card, 2, 0, 1, 2)

    def _add_records_part(self) -> None:
        self._made.add("records")
        self._add_records_section(self._records_box)
        if self._shown is not None:
            self._show_records(self._shown)

    def _whole_page_built(self) -> None:
        if self._shown is not None:
            self.overview = self._shown

    def _add_records_section(self, layout: QVBoxLayout) -> None:
        records_heading = QLabel(self.tr("Are the records ready?"))
        records_heading.setProperty("role", "subheading")
        self.totals_label = QLabel()
        self.totals_label.setObjectName("totals_label")
        self.add_files_button = QPushButton(self.tr("Add files…"))
        self.add_files_button.setObjectName("primary_button")
        self.add_files_button.setAccessibleName(self.tr("Add files to the binder"))
        self.add_files_button.clicked.connect(self._choose_files)
        self.add_folder_button = QPushButton(self.tr("Add folder…"))
        self.add_folder_button.setObjectName("add_folder_button")
        self.add_folder_button.setAccessibleName(self.tr("Add a folder to the binder"))
        self.add_folder_button.clicked.connect(self._choose_folder)
        drop_hint = _wrapped_label("drop_hint", "hint")
        drop_hint.setText(self.tr("You can also drag files or folders onto this window."))
        actions = QHBoxLayout()
        actions.setSpacing(12)
        actions.addWidget(self.add_files_button)
        actions.addWidget(self.add_folder_button)
        actions.addWidget(drop_hint, 1)

        self.preflight_panel = PreflightPanel()
        self.preflight_panel.open_requested.connect(self.finding_opened)
        self.record_status = RecordStatusModel(self)
        self.slots_tree = QTreeView()
        self.slots_tree.setObjectName("slots_tree")
        self.slots_tree.setAccessibleName(self.tr("Each kind of record and its status"))
        self.slots_tree.setModel(self.record_status)
        self.slots_tree.setRootIsDecorated(False)
        self.slots_tree.setItemsExpandable(False)
        self.slots_tree.setAlternatingRowColors(True)
        look_as(self.slots_tree, rows="spaced")
        header = self.slots_tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(StatusColumn.RECORD, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(StatusColumn.STATUS, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(StatusColumn.FILES, QHeaderView.ResizeMode.ResizeToContents)
        self.slots_tree.setSizeAdjustPolicy(QTreeView.SizeAdjustPolicy.AdjustToContents)
        self.slots_tree.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        layout.addWidget(records_heading)
        layout.addWidget(self.totals_label)
        layout.addLayout(actions)
        layout.addWidget(self.preflight_panel)
        layout.addWidget(self.slots_tree)
        layout.addWidget(
            GuidanceLinkButton(PREPARING, self.tr("Why does the MDT need these records?"))
        )

    # Loading -------------------------------------------------------------------------------

    @Slot()
    def reload(self) -> None:
        self._overview_reader.start()
        self._preflight_reader.start()

    def _on_failed(self, failure: TaskFailure) -> None:
        self.error_bar.show_failure(failure)

    def _show_findings(self, findings: list[Finding]) -> None:
        self.building.then(lambda: self.preflight_panel.show_findings(findings))

    def show_overview(self, overview: Overview) -> None:
        """Show `overview` in the parts of the page made so far (the others show it as they
        are made); `overview` is set when the whole page shows it."""
        self._shown = overview
        self.error_bar.clear()
        self._show_heading(overview)
        if "first cards" in self._made:
            self._show_moment(overview)
            self._show_consultation(overview)
        if "second cards" in self._made:
            self._show_opinions(overview)
            self._show_safekeeping(overview)
        if "records" in self._made:
            self._show_records(overview)
        if self.building.finished:
            self.overview = overview

    def _show_heading(self, overview: Overview) -> None:
        case = overview.case
        self.name_label.setText(case.patient_name)
        if case.date_of_birth is not None:
            born = format_partial_date(case.date_of_birth)
            self.birth_label.setText(self.tr("Born: {date}").format(date=born))
        else:
            self.birth_label.setText(self.tr("Date of birth not given"))
        self.diagnosis_label.setText(case.diagnosis_summary)
        self.diagnosis_label.setVisible(bool(case.diagnosis_summary))

    def _show_moment(self, overview: Overview) -> None:
        if overview.decision_moment is None:
            self.moment_label.setText(self.tr("Decision moment: not chosen yet"))
            self.moment_link.setText(self.tr("Choose it on the Timeline"))
            self.moment_hint.setText(
                self.tr(
                    "Choosing it lets Casebook put first the records and questions that"
                    " usually matter most at that moment."
                )
            )
        else:
            label, _examples = moment_label(overview.decision_moment)
            self.moment_label.setText(self.tr("Decision moment: {moment}").format(moment=label))
            self.moment_link.setText(self.tr("Change it on the Timeline"))
            self.moment_hint.setText(
                self.tr(
                    "The Records and Questions pages put first what usually matters most at"
                    " this moment."
                )
            )
        self.moment_link.setAccessibleName(self.moment_link.text())

    def _show_consultation(self, overview: Overview) -> None:
        upcoming = overview.next_consultation
        to_prepare = overview.appointment_to_prepare if upcoming is None else None
        self.prepare_button.setVisible(to_prepare is not None)
        self.prepare_button.setEnabled(True)
        if upcoming is None and to_prepare is not None:
            self.consultation_label.setText(self._appointment_text(to_prepare))
            self.unanswered_label.setText(self.tr("No questions are prepared for it yet."))
            self.unanswered_label.show()
        elif upcoming is None:
            self.consultation_label.setText(self.tr("No consultation is planned yet."))
            self.unanswered_label.hide()
        else:
            meeting = upcoming.consultation
            when = format_date_text(meeting.held_on, self.tr("date not set"))
            lines = [f"{meeting.title} · {when}"]
            who = ", ".join(part for part in (meeting.doctor, meeting.institution) if part)
            if who:
                lines.append(who)
            self.consultation_label.setText("\n".join(lines))
            self.unanswered_label.setText(self._unanswered_text(upcoming.unanswered))
            self.unanswered_label.show()
        if overview.open_question_count == 0:
            self.open_questions_label.setText(self.tr("No open questions on your list yet."))
            return
        self.open_questions_label.setText(
            choose_plural(
                overview.open_question_count,
                self.tr("{count} open question on your list in all"),
                self.tr("{count} open questions on your list in all"),
            )
        )

    def _appointment_text(self, coming: AppointmentToPrepare) -> str:
        appointment = coming.appointment
        when = when_text(appointment)
        if coming.with_name:
            text = self.tr("Your next appointment is “{title}” with {doctor}, on {when}.").format(
                title=appointment.title, doctor=coming.with_name, when=when
            )
        else:
            text = self.tr("Your next appointment is “{title}”, on {when}.").format(
                title=appointment.title, when=when
            )
        return f"{text}\n{appointment.place}" if appointment.place else text

    @Slot()
    def prepare_for_appointment(self) -> None:
        """Start the consultation for the appointment shown, then show it on its page."""
        overview = self.overview
        coming = overview.appointment_to_prepare if overview is not None else None
        if coming is None:
            return
        session, appointment_id = self._session, coming.appointment.id
        self.prepare_button.setEnabled(False)  # one consultation per click
        WriteOp(self, session, lambda: prepare_for_appointment(session, appointment_id)).on_success(
            self.consultation_opened.emit
        ).on_failure(self._prepare_failed).start()

    def _prepare_failed(self, failure: TaskFailure) -> None:
        self.prepare_button.setEnabled(True)
        self._on_failed(failure)

    def _unanswered_text(self, unanswered: tuple[Question, ...]) -> str:
        if not unanswered:
            return self.tr("✓  Every question on its list has an answer.")
        bank, language = load_bank(), ui_language()
        lines = [
            choose_plural(
                len(unanswered),
                self.tr("?  {count} question still to ask:"),
                self.tr("?  {count} questions still to ask:"),
            )
        ]
        for question in unanswered[:QUESTIONS_SHOWN]:
            lines.append(f"   •  {question.display_text(bank, language)}")
        if len(unanswered) > QUESTIONS_SHOWN:
            more = len(unanswered) - QUESTIONS_SHOWN
            lines.append("   " + self.tr("and {count} more").format(count=more))
        return "\n".join(lines)

    def _show_opinions(self, overview: Overview) -> None:
        if overview.opinion_count == 0:
            self.opinions_label.setText(self.tr("No opinion recorded yet."))
        else:
            self.opinions_label.setText(
                choose_plural(
                    overview.opinion_count,
                    self.tr("{count} opinion recorded"),
                    self.tr("{count} opinions recorded"),
                )
            )
        if overview.decision_count == 0:
            self.decision_label.setText(self.tr("○  No decision logged yet."))
        else:
            self.decision_label.setText(
                self.tr("✓  Decision logged ({date}): {choice}").format(
                    date=format_date_text(overview.latest_decision_on),
                    choice=overview.latest_decision,
                )
            )

    def _show_safekeeping(self, overview: Overview) -> None:
        never = self.tr("never")
        self.activity_label.setText(
            self.tr("Last backup: {backup}\nLast export: {export}").format(
                backup=local_date_time(overview.last_backup_at, never),
                export=local_date_time(overview.last_export_at, never),
            )
        )
        backup = overview.backup
        reminder = backup.reminder if backup is not None else BackupReminder.NONE
        how = " " + self.tr("Use File → Back up the binder… to make one.")
        if backup is None or reminder is BackupReminder.NONE:
            self.backup_bar.clear()
        elif reminder is BackupReminder.NEVER:
            self.backup_bar.show_message(
                self.tr(
                    "No backup has been made yet. A backup on another disk keeps the records"
                    " safe if this computer is lost or breaks."
                )
                + how
            )
        elif reminder is BackupReminder.OLD:
            self.backup_bar.show_message(
                self.tr("The last backup is more than a week old. A new one would be wise.") + how
            )
        else:
            one = self.tr("{count} file ({size}) was added since the last backup.")
            many = self.tr("{count} files ({size}) were added since the last backup.")
            added = (one if backup.files_since == 1 else many).format(
                count=backup.files_since, size=format_size(backup.bytes_since)
            )
            self.backup_bar.show_message(
                added + " " + self.tr("A new backup would keep them safe.") + how
            )

    def _show_records(self, overview: Overview) -> None:
        totals = choose_plural(
            overview.document_count, self.tr("{count} document"), self.tr("{count} documents")
        )
        totals += self.tr(", {size} in total").format(size=format_size(overview.content_bytes))
        totals += " · " + choose_plural(
            overview.imaging_study_count,
            self.tr("{count} imaging study"),
            self.tr("{count} imaging studies"),
        )
        self.totals_label.setText(totals)
        self.record_status.set_entries(overview.slots)

    # Importing -----------------------------------------------------------------------------

    def import_paths(self, paths: list[Path]) -> bool:
        """Start importing (also used for files dropped on the window)."""
        return self.imports.start(paths)

    @Slot()
    def _choose_files(self) -> None:
        names, _filter = file_dialogs.get_open_file_names(self, self.tr("Add files to the binder"))
        if names:
            self.import_paths([Path(name) for name in names])

    @Slot()
    def _choose_folder(self) -> None:
        folder = file_dialogs.get_existing_directory(self, self.tr("Add a folder to the binder"))
        if folder:
            self.import_paths([Path(folder)])
