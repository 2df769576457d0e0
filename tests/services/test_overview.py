"""The Overview's data on real small binders: moment, next consultation, opinions, backups."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from casebook.core.appointments import Appointment, AppointmentKind, AppointmentStatus
from casebook.core.consultations import Consultation
from casebook.core.contacts import Contact, ContactKind
from casebook.core.decision_moment import DecisionMoment
from casebook.core.decisions import DecisionDraft
from casebook.core.model import PartialDate
from casebook.core.opinions import Opinion
from casebook.core.progress import NEVER_CANCELLED, ignore_progress
from casebook.services import consultations, contacts
from casebook.services.appointments import appointments
from casebook.services.binder import maintenance
from casebook.services.binder.session import BinderSession
from casebook.services.opinions import opinions
from casebook.services.overview import (
    LARGE_IMPORT_FILES,
    BackupReminder,
    assess_backup,
    choose_appointment_to_prepare,
    choose_next_consultation,
    load_overview,
    prepare_for_appointment,
)
from casebook.services.questions import questions
from casebook.services.records.importing import import_paths
from casebook.services.timeline import save_decision_moment


def write_letters(folder: Path, count: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(count):
        path = folder / f"letter {number:03}.txt"
        path.write_text(f"Clinic letter number {number}.\n", encoding="utf-8")
        paths.append(path)
    return paths


def test_an_empty_binder_has_nothing_next_and_needs_no_backup(session: BinderSession) -> None:
    overview = load_overview(session)
    assert overview.decision_moment is None
    assert overview.next_consultation is None
    assert (overview.open_question_count, overview.opinion_count) == (0, 0)
    assert overview.decision_count == 0
    assert overview.backup is not None
    assert overview.backup.reminder is BackupReminder.NONE


def test_moment_next_consultation_and_its_unanswered_questions(session: BinderSession) -> None:
    save_decision_moment(session, DecisionMoment.BEFORE_TREATMENT)
    first = questions.add_own_question(session, "Is surgery possible?")
    second = questions.add_own_question(session, "What does the stage mean?")
    now = datetime(2026, 11, 20, 12, tzinfo=UTC)
    held = consultations.create_consultation(
        session, Consultation(0, "Local oncologist", held_on="2026-11-01")
    )
    coming = consultations.create_consultation(
        session, Consultation(0, "Tumour board, remote review", held_on="2026-12-03")
    )
    later = consultations.create_consultation(
        session, Consultation(0, "Surgeon", held_on="2027-01-15")
    )
    consultations.record_answer(session, coming, first, "Dr Chen", "To be discussed.")

    overview = load_overview(session, now)
    assert overview.decision_moment is DecisionMoment.BEFORE_TREATMENT
    upcoming = overview.next_consultation
    assert upcoming is not None
    assert upcoming.consultation.id == coming
    assert coming not in (held, later)
    assert [q.id for q in upcoming.unanswered] == [second]
    assert overview.open_question_count == 1  # an answer closes the question


def test_an_undated_consultation_is_next_when_none_is_coming() -> None:
    held = Consultation(1, "Held", held_on="2026-01-01", created_at="2026-01-01T09:00:00+00:00")
    planned = Consultation(2, "Planned", created_at="2026-02-01T09:00:00+00:00")
    assert choose_next_consultation([held, planned], "2026-03-01") == planned
    assert choose_next_consultation([held], "2026-03-01") is None
    assert choose_next_consultation([held], "2026-01-01") == held  # today still counts


def test_a_coming_appointment_with_a_doctor_is_offered_when_no_consultation_is_prepared(
    session: BinderSession,
) -> None:
    """The Appointments page holds the calendar; with no consultation being prepared, the
    Overview names the next appointment with a doctor, and preparing for it makes one."""
    now = datetime(2026, 11, 20, 12, tzinfo=UTC)
    doctor = contacts.save_contact(
        session, Contact(ContactKind.DOCTOR, "Dr. Wang Li", organisation="Fudan Cancer Center")
    )
    appointments.save_appointment(
        session, Appointment(AppointmentKind.SCAN, "CT chest", date(2026, 11, 25))
    )  # sooner, but not with a doctor
    oncologist = appointments.save_appointment(
        session,
        Appointment(
            AppointmentKind.CONSULTATION, "Second opinion", date(2026, 12, 3), time(9, 30),
            place="Building 2, room 14", contact_id=doctor,
        ),
    )  # fmt: skip
    questions.add_own_question(session, "Is surgery possible?")
    assert load_overview(session, now).next_consultation is None
    offered = load_overview(session, now).appointment_to_prepare
    assert offered is not None
    assert (offered.appointment.id, offered.with_name) == (oncologist, "Dr. Wang Li")

    made = prepare_for_appointment(session, oncologist)
    consultation = consultations.get_consultation(session, made)
    assert (consultation.title, consultation.held_on) == ("Second opinion", "2026-12-03")
    assert (consultation.doctor, consultation.institution) == (
        "Dr. Wang Li",
        "Building 2, room 14",
    )
    assert [q.question.text for q in consultations.listed_questions(session, made)] == [
        "Is surgery possible?"
    ]
    linked = appointments.get_appointment(session, oncologist)
    assert linked is not None
    assert linked.consultation_id == made
    assert prepare_for_appointment(session, oncologist) == made  # a second click: the same one
    assert len(consultations.list_consultations(session)) == 1
    overview = load_overview(session, now)
    assert overview.appointment_to_prepare is None  # now it is being prepared
    assert overview.next_consultation is not None
    assert overview.next_consultation.consultation.id == made


def test_the_appointment_to_prepare_is_planned_not_over_and_with_a_doctor() -> None:
    now = datetime(2026, 11, 20, 12, 0)

    def visit(on: date, at: time | None = None, **changes: object) -> Appointment:
        return Appointment(AppointmentKind.CONSULTATION, "Visit", on, at, **changes)  # type: ignore[arg-type]

    over = visit(date(2026, 11, 20), time(9, 0))
    today_later = visit(date(2026, 11, 20), time(15, 0), id=2)
    cancelled = visit(date(2026, 11, 19), status=AppointmentStatus.CANCELLED, id=3)
    tests = Appointment(AppointmentKind.TESTS, "Blood", date(2026, 11, 20), time(13, 0), id=4)
    assert choose_appointment_to_prepare([over, cancelled, tests, today_later], now) == today_later
    assert choose_appointment_to_prepare([over, cancelled, tests], now) is None


def test_opinions_and_the_latest_decision(session: BinderSession) -> None:
    opinions.save_opinion(session, Opinion("Dr Chen", institution="Riverside General"))
    opinions.save_opinion(session, Opinion("Tumour board", institution="City University"))
    overview = load_overview(session)
    assert (overview.opinion_count, overview.decision_count) == (2, 0)
    assert overview.latest_decision == ""

    opinions.save_decision(
        session, DecisionDraft("Start the first treatment locally", PartialDate(2026, 11, 18))
    )
    overview = load_overview(session)
    assert overview.decision_count == 1
    assert overview.latest_decision == "Start the first treatment locally"
    assert overview.latest_decision_on == "2026-11-18"


def test_backup_reminders_follow_the_binder_records(session: BinderSession, tmp_path: Path) -> None:
    letters = write_letters(tmp_path / "letters", 3 + LARGE_IMPORT_FILES + 1)
    import_paths(session, letters[:3], None, ignore_progress, NEVER_CANCELLED)
    overview = load_overview(session)
    assert overview.backup is not None
    assert overview.backup.reminder is BackupReminder.NEVER
    assert overview.backup.files_since == 3

    maintenance.backup_binder(session, tmp_path / "backups", ignore_progress, NEVER_CANCELLED)
    overview = load_overview(session)
    assert overview.backup is not None
    assert overview.backup.last_backup_at is not None
    assert overview.backup.reminder is BackupReminder.NONE

    a_week_later = datetime.now(UTC) + timedelta(days=8)
    later = load_overview(session, a_week_later).backup
    assert later is not None
    assert later.reminder is BackupReminder.OLD

    import_paths(session, letters[3:], None, ignore_progress, NEVER_CANCELLED)
    overview = load_overview(session)
    assert overview.backup is not None
    assert overview.backup.files_since > LARGE_IMPORT_FILES
    assert overview.backup.reminder is BackupReminder.LARGE_IMPORT


def test_backup_rules_by_size_and_age() -> None:
    now = datetime(2026, 11, 22, tzinfo=UTC)
    recent = (now - timedelta(days=2)).isoformat()
    old = (now - timedelta(days=8)).isoformat()
    assert assess_backup(None, 0, 0, now) is BackupReminder.NONE
    assert assess_backup(None, 1, 10, now) is BackupReminder.NEVER
    assert assess_backup(recent, 50, 10, now) is BackupReminder.NONE
    assert assess_backup(recent, 51, 10, now) is BackupReminder.LARGE_IMPORT
    assert assess_backup(recent, 1, 200_000_001, now) is BackupReminder.LARGE_IMPORT
    assert assess_backup(old, 0, 0, now) is BackupReminder.OLD
