"""Appointments as an iCalendar file: parsed back with the icalendar library and checked
against RFC 5545's rules (CRLF lines of at most 75 octets, required properties, alarms)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest
from icalendar import Calendar

from casebook.core.appointments import Appointment, AppointmentKind, AppointmentStatus, Bring
from casebook.core.contacts import Contact, ContactKind
from casebook.services import contacts
from casebook.services.appointments import appointments
from casebook.services.appointments.calendar import calendar_bytes, export_calendar
from casebook.services.binder.session import BinderSession

NOW = datetime(2026, 12, 2, 9, 0)


def check_rfc5545(data: bytes) -> Calendar:
    """The structural rules a calendar app relies on; returns the parsed calendar."""
    assert data.endswith(b"\r\n")
    lines = data.split(b"\r\n")[:-1]
    assert all(b"\n" not in line and b"\r" not in line for line in lines)
    assert all(len(line) <= 75 for line in lines), max(lines, key=len)
    assert lines[0] == b"BEGIN:VCALENDAR"
    assert lines[-1] == b"END:VCALENDAR"
    calendar = Calendar.from_ical(data)
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["PRODID"]).startswith("-//Casebook//")
    uids = []
    for event in calendar.walk("VEVENT"):
        for required in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY"):
            assert required in event, required
        stamp = event.decoded("DTSTAMP")
        assert stamp.tzinfo is not None
        assert stamp.utcoffset() == timedelta(0)
        start, end = event.decoded("DTSTART"), event.decoded("DTEND")
        assert type(start) is type(end)
        assert end > start
        if isinstance(start, datetime):
            assert start.utcoffset() == timedelta(0)  # written in UTC
        uids.append(str(event["UID"]))
        for alarm in event.walk("VALARM"):
            assert str(alarm["ACTION"]) == "DISPLAY"
            assert "DESCRIPTION" in alarm
            assert alarm.decoded("TRIGGER") < timedelta(0)
    assert len(uids) == len(set(uids))
    return calendar


@pytest.fixture
def planned(session: BinderSession) -> dict[str, int]:
    doctor = contacts.save_contact(
        session,
        Contact(ContactKind.DOCTOR, "Dr. B. Sample", "Riverside", phone="+1 555 0100",
                address="1 River Street"),
    )  # fmt: skip
    made = {
        "scan": Appointment(
            AppointmentKind.SCAN, "CT chest, with contrast; bring the previous CD",
            date(2026, 12, 10), time(9, 30), 45, "Radiology, Riverside General",
            bring=(Bring.IMAGING_CD, Bring.ID), bring_note="signed consent form",
            notes="Nothing to eat for 4 hours before.",
        ),
        "pickup": Appointment(
            AppointmentKind.RECORD_PICKUP, "取病理切片", date(2026, 12, 7), None, contact_id=doctor,
            remind_minutes=None, bring=(Bring.ID,),
        ),
        "past": Appointment(AppointmentKind.TESTS, "Blood test", date(2026, 11, 30), time(8, 0)),
        "cancelled": Appointment(
            AppointmentKind.TREATMENT, "Cycle 4", date(2026, 12, 14), time(9, 0),
            status=AppointmentStatus.CANCELLED,
        ),
    }  # fmt: skip
    return {name: appointments.save_appointment(session, a) for name, a in made.items()}


def test_all_upcoming_appointments_parse_back_and_follow_rfc5545(
    session: BinderSession, planned: dict[str, int]
) -> None:
    data, count = export_calendar(session, "en", NOW)
    assert count == 2  # past and cancelled ones are not upcoming
    calendar = check_rfc5545(data)
    events = {str(e["SUMMARY"]): e for e in calendar.walk("VEVENT")}
    assert set(events) == {"CT chest, with contrast; bring the previous CD", "取病理切片"}
    scan = events["CT chest, with contrast; bring the previous CD"]
    start = scan.decoded("DTSTART")
    assert start == datetime(2026, 12, 10, 9, 30).astimezone(UTC)
    assert scan.decoded("DTEND") - start == timedelta(minutes=45)
    assert str(scan["LOCATION"]) == "Radiology, Riverside General"
    description = str(scan["DESCRIPTION"])
    assert "Bring: the imaging CD, ID and insurance card, signed consent form" in description
    assert "Nothing to eat for 4 hours before." in description
    [alarm] = scan.walk("VALARM")
    assert alarm.decoded("TRIGGER") == timedelta(days=-1)
    pickup = events["取病理切片"]
    assert pickup.decoded("DTSTART") == date(2026, 12, 7)  # a whole-day event
    assert pickup.decoded("DTEND") == date(2026, 12, 8)
    assert str(pickup["LOCATION"]) == "1 River Street"  # the contact's address
    assert "With: Dr. B. Sample (Riverside)" in str(pickup["DESCRIPTION"])
    assert "Phone: +1 555 0100" in str(pickup["DESCRIPTION"])
    assert pickup.walk("VALARM") == []  # no reminder asked for
    assert "Test Patient" not in data.decode("utf-8")  # the patient's name is not written


def test_one_appointment_in_chinese_keeps_its_uid(
    session: BinderSession, planned: dict[str, int]
) -> None:
    first, count = export_calendar(session, "zh", NOW, planned["scan"])
    assert count == 1
    again, _ = export_calendar(session, "en+zh", NOW, planned["scan"])
    [event] = check_rfc5545(first).walk("VEVENT")
    [same] = check_rfc5545(again).walk("VEVENT")
    assert str(event["UID"]) == str(same["UID"])  # importing again updates, not duplicates
    assert str(event["UID"]).endswith("@casebook.invalid")
    assert "请带：影像光盘、身份证和医保卡、signed consent form" in str(event["DESCRIPTION"])
    assert str(event["CATEGORIES"].cats[0]) == "影像检查"
    assert "Bring:" not in str(event["DESCRIPTION"])
    both = str(same["DESCRIPTION"])
    assert "Bring:" in both
    assert "请带：" in both


def test_a_cancelled_appointment_exported_alone_says_so(
    session: BinderSession, planned: dict[str, int]
) -> None:
    data, count = export_calendar(session, "en", NOW, planned["cancelled"])
    [event] = check_rfc5545(data).walk("VEVENT")
    assert count == 1
    assert str(event["STATUS"]) == "CANCELLED"
    assert event.walk("VALARM") == []
    _nothing, none = export_calendar(session, "en", NOW, 999_999)
    assert none == 0


def test_an_empty_calendar_is_still_valid() -> None:
    calendar = check_rfc5545(calendar_bytes([], [], "en"))
    assert calendar.walk("VEVENT") == []
    with pytest.raises(ValueError, match="language"):
        calendar_bytes([], [], "fr")
