"""The plain rules of the week-to-week records: medicine names in text, which appointment is
next and which reminders are due (on a fixed clock), when a request is due to be chased, and
how the diary's chart groups symptoms next to treatments."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from casebook.core.appointments import (
    Appointment,
    AppointmentKind,
    AppointmentStatus,
    due_reminders,
    next_appointment,
    next_reminder_after,
    upcoming,
)
from casebook.core.contacts import Contact, ContactKind, RecordRequest, names
from casebook.core.diary import DiaryEntry, Severity, diary_chart, symptom_rows
from casebook.core.medicine_mentions import LexiconEntry, find_mentions
from casebook.core.medicines import Route
from casebook.core.model import PartialDate, RecordKind
from casebook.core.timeline import EventKind, TimelineEvent

LEXICON = (
    LexiconEntry("paclitaxel", "paclitaxel", "紫杉醇", ("Taxol",)),
    LexiconEntry("nab_paclitaxel", "nab-paclitaxel", "白蛋白结合型紫杉醇", ("Abraxane",)),
    LexiconEntry("prednisone", "prednisone", "泼尼松", ()),
    LexiconEntry("prednisolone", "prednisolone", "泼尼松龙", ()),
    LexiconEntry("insulin", "insulin", "胰岛素", ()),
    LexiconEntry("lmwh", "low molecular weight heparin", "低分子肝素", ("LMWH",)),
)


def test_the_longer_name_wins_and_lines_give_dose_frequency_and_route() -> None:
    text = (
        "白蛋白结合型紫杉醇 260mg/m2 静脉滴注 每3周一次\n"
        "Paclitaxel (Taxol) 175 mg/m² IV every 3 weeks\n"
        "泼尼松龙 5mg 口服 每日一次；泼尼松 10 mg\n"
        "insulinoma was excluded\n"
        "Low molecular  weight heparin 4000 IU SC daily"
    )
    found = find_mentions(text, LEXICON)
    assert [m.key for m in found] == [
        "nab_paclitaxel", "paclitaxel", "prednisolone", "prednisone", "lmwh",
    ]  # fmt: skip
    nab, taxol, prednisolone, prednisone, heparin = found
    assert (nab.dose, nab.frequency, nab.route) == ("260mg/m2", "每3周一次", Route.INTO_A_VEIN)
    assert (taxol.found_as, taxol.also_as) == ("Paclitaxel", ("Taxol",))
    assert (taxol.dose, taxol.frequency) == ("175 mg/m²", "every 3 weeks")
    # A name's line stops at the next medicine: prednisolone's dose is not prednisone's.
    assert (prednisolone.dose, prednisone.dose) == ("5mg", "10 mg")
    assert (heparin.dose, heparin.route) == ("4000 IU", Route.UNDER_THE_SKIN)


def test_no_lexicon_or_no_text_finds_nothing() -> None:
    assert find_mentions("", LEXICON) == []
    assert find_mentions("Paclitaxel 175 mg", ()) == []


NOW = datetime(2026, 12, 2, 9, 0)


def _appointment(
    days: int, at: time | None, remind: int | None = 24 * 60, **more: object
) -> Appointment:
    return Appointment(
        AppointmentKind.SCAN, f"in {days} days", NOW.date() + timedelta(days=days), at,
        remind_minutes=remind, id=days + 100, **more,  # type: ignore[arg-type]
    )  # fmt: skip


def test_next_appointment_and_due_reminders_on_a_fixed_clock() -> None:
    past = _appointment(-1, time(10, 0))
    today_all_day = _appointment(0, None, remind=None)
    tomorrow = _appointment(1, time(8, 30))
    cancelled = _appointment(2, time(9, 0), status=AppointmentStatus.CANCELLED)
    later = _appointment(5, time(14, 0), remind=60)
    appointments = [later, cancelled, tomorrow, today_all_day, past]
    assert upcoming(appointments, NOW) == [today_all_day, tomorrow, later]
    assert next_appointment(appointments, NOW) == today_all_day
    # Tomorrow 8:30 with a day's notice: due since today 8:30; the all-day one has none.
    assert due_reminders(appointments, NOW, set()) == [tomorrow]
    assert due_reminders(appointments, NOW, {(tomorrow.id, tomorrow.start_key)}) == []
    # Moving it reminds again (the seen start no longer matches).
    moved = Appointment(**{**tomorrow.__dict__, "at_time": time(11, 0)})
    assert due_reminders([moved], NOW + timedelta(hours=3), {(moved.id, tomorrow.start_key)})
    assert next_reminder_after(appointments, NOW) == datetime(2026, 12, 7, 13, 0)
    # Once over, an appointment neither reminds nor comes next.
    assert due_reminders([tomorrow], datetime(2026, 12, 3, 9, 31), set()) == []


def test_a_request_is_due_two_weeks_after_asking_unless_a_day_was_chosen() -> None:
    asked = RecordRequest(RecordKind.PATHOLOGY, None, PartialDate(2026, 11, 2), None)
    assert asked.chase_from == date(2026, 11, 16)
    assert not asked.due(date(2026, 11, 15))
    assert asked.due(date(2026, 11, 16))
    chosen = RecordRequest(RecordKind.PATHOLOGY, 1, PartialDate(2026, 11, 2), PartialDate(2026, 12))
    assert chosen.chase_from == date(2026, 12, 1)
    vague = RecordRequest(RecordKind.PATHOLOGY, None, PartialDate(2026, 11), None)
    assert vague.chase_from is None
    assert not vague.due(date(2030, 1, 1))


@pytest.mark.parametrize(
    ("text", "named"),
    [("Dr. Wang Li, oncology", True), ("dr wang li", True), ("Dr Wang", False), ("", False)],
)
def test_a_text_names_a_contact(text: str, named: bool) -> None:
    assert names(Contact(ContactKind.DOCTOR, "Dr. Wang Li"), text) is named


def test_the_diary_groups_symptoms_and_keeps_treatments_of_the_period() -> None:
    today = date(2026, 12, 2)
    entries = [
        DiaryEntry(
            today - timedelta(days=1), "nausea", Severity.SEVERE, symptom_key="nausea", id=1
        ),
        DiaryEntry(today - timedelta(days=3), "Nausea", Severity.MILD, symptom_key="nausea", id=2),
        DiaryEntry(today - timedelta(days=2), "Tingling  fingers", Severity.MILD, id=3),
        DiaryEntry(today - timedelta(days=1), "tingling fingers", Severity.MODERATE, id=4),
        DiaryEntry(today - timedelta(days=90), "Cough", Severity.MILD, id=5),
    ]
    rows = symptom_rows(entries)
    assert [(r.group, [e.id for e in r.entries]) for r in rows] == [
        ("cough", [5]), ("nausea", [2, 1]), ("tingling fingers", [3, 4]),
    ]  # fmt: skip
    events = [
        TimelineEvent(EventKind.SYSTEMIC_THERAPY, "Line 1", PartialDate(2026, 10), id=7),
        TimelineEvent(EventKind.SURGERY, "Lobectomy", PartialDate(2026, 11, 20), id=8),
        TimelineEvent(
            EventKind.RADIOTHERAPY, "Old RT", PartialDate(2025, 1), PartialDate(2025, 2), id=9
        ),
    ]  # fmt: skip
    chart = diary_chart(entries, events, today, days=28)
    assert chart.first == date(2026, 11, 5)
    assert chart.last == today
    assert [r.group for r in chart.rows] == ["nausea", "tingling fingers"]  # cough is older
    [line] = chart.treatments  # surgery is not a span; the old RT ended before the period
    assert (line.event_id, line.begin, line.end, line.ongoing) == (
        7,
        date(2026, 10, 1),
        today,
        True,
    )
