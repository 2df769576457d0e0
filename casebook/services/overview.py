"""The at-a-glance state of a binder: where the family stands and what comes next.

The case, slot readiness and sizes; the decision moment; the next consultation and its
unanswered questions (or, when none is being prepared, the coming appointment with a doctor,
and `prepare_for_appointment` to start one for it); opinions and decisions; the last export and
backup, with a gentle reminder when the backup is old or a large import happened since.
Everything is read from the binder itself: nothing is stored outside it.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta

from casebook.core.appointments import Appointment, AppointmentKind, upcoming
from casebook.core.changes import Changed
from casebook.core.consultations import Consultation
from casebook.core.decision_moment import DecisionMoment
from casebook.core.errors import InvalidInput
from casebook.core.model import Case, RecordKind, SlotStatus
from casebook.core.questions import Question
from casebook.services import clock
from casebook.services import consultations as consultations_service
from casebook.services.appointments import appointments as appointments_service
from casebook.services.binder.session import BinderSession
from casebook.services.opinions import opinions as opinions_service
from casebook.services.questions import questions as questions_service
from casebook.services.timeline import load_decision_moment
from casebook.store import case_record, documents, slots
from casebook.store.meta import LAST_BACKUP_AT, get_meta

# When to remind the family to make a backup.
BACKUP_MAX_AGE = timedelta(days=7)
LARGE_IMPORT_FILES = 50  # more files than this added since the last backup…
LARGE_IMPORT_BYTES = 200 * 1000 * 1000  # …or more bytes than this (200 MB)


@dataclass(frozen=True)
class SlotSummary:
    kind: RecordKind
    status: SlotStatus
    document_count: int  # files it holds: documents, and images for imaging


@dataclass(frozen=True)
class NextConsultation:
    """The coming consultation (or the undated one being prepared) and what is still to ask."""

    consultation: Consultation
    unanswered: tuple[Question, ...]  # open questions on its list without an answer, in order


@dataclass(frozen=True)
class AppointmentToPrepare:
    """A coming appointment with a doctor (kind "consultation") while no consultation is being
    prepared: the family can start one from it."""

    appointment: Appointment
    with_name: str  # the contact's name, when the appointment names one


class BackupReminder(enum.Enum):
    NONE = "none"
    NEVER = "never"  # records are in, and no backup was ever made
    OLD = "old"  # the last backup is older than BACKUP_MAX_AGE
    LARGE_IMPORT = "large_import"  # many files or bytes added since the last backup


@dataclass(frozen=True)
class BackupState:
    last_backup_at: str | None
    files_since: int  # documents and images added since the last backup (all, if none)
    bytes_since: int
    reminder: BackupReminder


@dataclass(frozen=True)
class Overview:
    case: Case
    slots: list[SlotSummary]
    document_count: int
    content_bytes: int
    imaging_study_count: int
    last_backup_at: str | None
    last_export_at: str | None
    decision_moment: DecisionMoment | None = None
    next_consultation: NextConsultation | None = None
    appointment_to_prepare: AppointmentToPrepare | None = None  # only without a next consultation
    open_question_count: int = 0
    opinion_count: int = 0
    decision_count: int = 0
    latest_decision: str = ""  # the option the family chose, in their words
    latest_decision_on: str = ""
    backup: BackupState | None = None

    @property
    def missing_slots(self) -> list[SlotSummary]:
        """Slots still to collect: missing or only requested."""
        return [s for s in self.slots if s.status in (SlotStatus.MISSING, SlotStatus.REQUESTED)]


def choose_next_consultation(consultations: list[Consultation], today: str) -> Consultation | None:
    """The earliest consultation on or after `today`; else the newest undated one (being
    prepared); else None. Consultations already held are not "next"."""
    coming = sorted(
        (c for c in consultations if c.held_on is not None and c.held_on >= today),
        key=lambda c: (c.held_on or "", c.id),
    )
    if coming:
        return coming[0]
    undated = [c for c in consultations if c.held_on is None]
    return max(undated, key=lambda c: (c.created_at, c.id)) if undated else None


def choose_appointment_to_prepare(
    appointments: list[Appointment], now: datetime
) -> Appointment | None:
    """The soonest planned appointment of kind "consultation" that is not over at `now`
    (local wall-clock time): what the family will want questions for."""
    coming = upcoming(appointments, now)
    return next((a for a in coming if a.kind is AppointmentKind.CONSULTATION), None)


def assess_backup(
    last_backup_at: str | None, files_since: int, bytes_since: int, now: datetime
) -> BackupReminder:
    """Which reminder, if any: a large import since the last backup comes first (it is the
    most to lose), then an old backup; an empty binder needs none."""
    if files_since == 0 and last_backup_at is None:
        return BackupReminder.NONE
    if last_backup_at is None:
        return BackupReminder.NEVER
    if files_since > LARGE_IMPORT_FILES or bytes_since > LARGE_IMPORT_BYTES:
        return BackupReminder.LARGE_IMPORT
    try:
        backed_up = datetime.fromisoformat(last_backup_at)
    except ValueError:
        return BackupReminder.OLD
    if backed_up.tzinfo is None:
        backed_up = backed_up.replace(tzinfo=UTC)
    return BackupReminder.OLD if now - backed_up > BACKUP_MAX_AGE else BackupReminder.NONE


def _added_since(session: BinderSession, since: str | None) -> tuple[int, int]:
    """Files and bytes added after `since` (everything when None): documents still in the
    binder, and the images of studies added after it. The same second counts as after: a
    reminder too many is better than one missed."""
    db = session.database()
    after = since or ""
    docs = db.execute(
        "SELECT count(*), coalesce(sum(size), 0) FROM documents"
        " WHERE deleted_at IS NULL AND added_at >= ?",
        [after],
    ).fetchone()
    images = db.execute(
        """SELECT count(*), coalesce(sum(i.size), 0) FROM live_imaging_instances i
           JOIN imaging_series s ON s.id = i.series_id
           JOIN imaging_studies t ON t.id = s.study_id
           WHERE t.added_at >= ?""",
        [after],
    ).fetchone()
    return int(docs[0]) + int(images[0]), int(docs[1]) + int(images[1])


def _next_consultation(session: BinderSession, today: str) -> NextConsultation | None:
    chosen = choose_next_consultation(consultations_service.list_consultations(session), today)
    if chosen is None:
        return None
    listed = consultations_service.listed_questions(session, chosen.id)
    unanswered = tuple(
        item.question for item in listed if item.question.is_open and not item.is_answered
    )
    return NextConsultation(chosen, unanswered)


def _appointment_to_prepare(session: BinderSession, now: datetime) -> AppointmentToPrepare | None:
    view = appointments_service.load_appointments_view(session)
    chosen = choose_appointment_to_prepare(list(view.appointments), now)
    if chosen is None:
        return None
    contact = view.contact(chosen.contact_id)
    return AppointmentToPrepare(chosen, contact.name if contact is not None else "")


def prepare_for_appointment(session: BinderSession, appointment_id: int) -> int:
    """Start the consultation for a coming appointment: its title, day, doctor and place, with
    every open question on its list (as for any new consultation); the appointment is linked
    to it, so its questions go along. Returns the consultation's id. Read again inside the
    write: an appointment already linked to a consultation not yet held gets that one back, so
    a second click makes no second consultation."""
    with session.writing(Changed.CONSULTATIONS, Changed.APPOINTMENTS, ids=[appointment_id]):
        view = appointments_service.load_appointments_view(session)
        appointment = next((a for a in view.appointments if a.id == appointment_id), None)
        if appointment is None:
            raise InvalidInput("appointment", "no longer in the binder")
        day = appointment.on_date.isoformat()
        linked = view.consultation(appointment.consultation_id)
        if linked is not None and (linked.held_on is None or linked.held_on >= day):
            return linked.id
        contact = view.contact(appointment.contact_id)
        doctor = contact.name if contact is not None else ""
        place = appointment.place or (contact.organisation if contact is not None else "")
        consultation_id = consultations_service.create_consultation(
            session, Consultation(0, appointment.title, day, doctor, place)
        )
        appointments_service.save_appointment(
            session, replace(appointment, consultation_id=consultation_id)
        )
        return consultation_id


def load_overview(session: BinderSession, now: datetime | None = None) -> Overview:
    """Everything the Overview shows, read in one consistent view of the binder (run it off
    the GUI thread). Slot statuses and file counts come from the slots query itself."""
    now = now or clock.utc_now()
    local_now = now.astimezone().replace(tzinfo=None)  # appointments are in wall-clock time
    today = local_now.date().isoformat()
    with session.reading() as db:
        slot_list = slots.list_slots(db)
        images = int(db.execute("SELECT count(*) FROM live_imaging_instances").fetchone()[0])
        studies = int(db.execute("SELECT count(*) FROM live_imaging_studies").fetchone()[0])
        last_export = db.execute("SELECT max(exported_at) FROM export_log").fetchone()[0]
        last_backup = get_meta(db, LAST_BACKUP_AT)
        files_since, bytes_since = _added_since(session, last_backup)
        case = case_record.load_case(db)
        content_bytes = documents.content_bytes(db)
        decisions = opinions_service.list_decisions(session)
        coming = _next_consultation(session, today)
        latest = max(decisions, key=lambda d: (d.updated_at, d.id)) if decisions else None
        return Overview(
            case=case,
            slots=[SlotSummary(slot.kind, slot.status, slot.file_count) for slot in slot_list],
            document_count=sum(slot.file_count for slot in slot_list) - images,
            content_bytes=content_bytes,
            imaging_study_count=studies,
            last_backup_at=last_backup,
            last_export_at=str(last_export) if last_export else None,
            decision_moment=load_decision_moment(session),
            next_consultation=coming,
            appointment_to_prepare=(
                _appointment_to_prepare(session, local_now) if coming is None else None
            ),
            open_question_count=len(
                questions_service.list_questions(session, include_closed=False)
            ),
            opinion_count=len(opinions_service.list_opinions(session)),
            decision_count=len(decisions),
            latest_decision=latest.current.option_chosen if latest else "",
            latest_decision_on=(
                latest.current.decided_on.iso()
                if latest and latest.current.decided_on
                else (latest.updated_at[:10] if latest else "")
            ),
            backup=BackupState(
                last_backup,
                files_since,
                bytes_since,
                assess_backup(last_backup, files_since, bytes_since, now),
            ),
        )
