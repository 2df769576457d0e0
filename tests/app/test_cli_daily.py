"""`casebook calendar` and the week-to-week part of `casebook list`, run as real commands."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from icalendar import Calendar

from casebook.app import cli_messages as msg
from casebook.core.appointments import Appointment, AppointmentKind, Bring
from casebook.services.appointments import appointments
from casebook.services.binder.session import unlock_binder
from casebook.services.demo import create_demo_binder
from casebook.store.keyslots import KdfParams

from .conftest import PASSWORD, Run


def _plan(binder: Path) -> int:
    tomorrow = date.today() + timedelta(days=1)
    with unlock_binder(binder, PASSWORD) as session:
        appointments.save_appointment(
            session,
            Appointment(AppointmentKind.SCAN, "CT chest", tomorrow, time(9, 30), 45,
                        "Radiology", bring=(Bring.IMAGING_CD,)),
        )  # fmt: skip
        appointments.save_appointment(
            session, Appointment(AppointmentKind.TESTS, "Blood test", date(2020, 1, 2), time(8, 0))
        )
        return appointments.save_appointment(
            session,
            Appointment(AppointmentKind.RECORD_PICKUP, "取病理切片", tomorrow + timedelta(days=2)),
        )


def test_calendar_writes_upcoming_appointments_in_local_time(
    binder: Path, run_casebook: Run, tmp_path: Path
) -> None:
    _plan(binder)
    out = tmp_path / "appointments.ics"
    result = run_casebook(
        "calendar", binder, "--out", out, "--language", "zh", stdin=PASSWORD + "\n",
        env={"TZ": "Asia/Shanghai"},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "Wrote 2 appointment(s)" in result.stdout
    assert not out.with_name(out.name + ".partial").exists()
    calendar = Calendar.from_ical(out.read_bytes())
    events = {str(e["SUMMARY"]): e for e in calendar.walk("VEVENT")}
    assert set(events) == {"CT chest", "取病理切片"}
    # 9:30 in Shanghai (UTC+8, no daylight saving) is 1:30 UTC.
    tomorrow = date.today() + timedelta(days=1)
    assert events["CT chest"].decoded("DTSTART") == datetime.combine(
        tomorrow, time(1, 30), tzinfo=UTC
    )
    assert "请带：影像光盘" in str(events["CT chest"]["DESCRIPTION"])


def test_calendar_of_one_appointment_and_of_one_that_is_not_there(
    binder: Path, run_casebook: Run, tmp_path: Path
) -> None:
    pickup = _plan(binder)
    out = tmp_path / "one.ics"
    result = run_casebook(
        "calendar", binder, "--out", out, "--appointment", pickup, stdin=PASSWORD + "\n"
    )
    assert result.returncode == 0, result.stderr
    [event] = Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    assert str(event["SUMMARY"]) == "取病理切片"
    missing = run_casebook(
        "calendar", binder, "--out", tmp_path / "none.ics", "--appointment", 9999,
        stdin=PASSWORD + "\n",
    )  # fmt: skip
    assert missing.returncode == msg.EXIT_INVALID_INPUT
    assert "no appointment with id 9999" in missing.stderr
    assert not (tmp_path / "none.ics").exists()
    wrong = run_casebook("calendar", binder, "--out", out, stdin="not the password\n")
    assert wrong.returncode == msg.EXIT_WRONG_PASSWORD


def test_list_json_holds_the_week_to_week_records_of_the_demo(
    tmp_path: Path, run_casebook: Run
) -> None:
    session, password = create_demo_binder(tmp_path / "demo", KdfParams.minimum())
    session.close()
    result = run_casebook("list", tmp_path / "demo", "--json", stdin=password + "\n")
    assert result.returncode == 0, result.stderr
    listing = json.loads(result.stdout)
    current = [m for m in listing["medicines"] if m["current"]]
    assert {m["generic_name"] for m in current} == {"Durvalumab", "Ondansetron", "Amlodipine"}
    steroid = next(m for m in listing["medicines"] if m["generic_name"] == "Dexamethasone")
    assert [v["dose"] for v in steroid["history"]] == ["8 mg", "4 mg", "4 mg"]
    assert (steroid["current"], steroid["stopped_on"], steroid["stop_reason"]) == (
        False, "2024-06", "finished",
    )  # fmt: skip
    stopped = next(m for m in listing["medicines"] if m["generic_name"] == "Ibuprofen")
    assert (stopped["current"], stopped["stop_reason"]) == (False, "side_effects")
    medications = next(s for s in listing["slots"] if s["kind"] == "medications")
    assert (medications["status"], medications["file_count"]) == ("received", 0)
    assert medications["listed_count"] == len(current)
    assert {a["substance"] for a in listing["allergies"]} == {
        "Penicillin", "Iodine contrast dye (CT)",
    }  # fmt: skip
    doctor = next(c for c in listing["contacts"] if c["name"] == "Dr. C. Placeholder")
    assert {link["kind"] for link in doctor["linked"]} == {
        "opinion", "consultation", "medicine", "appointment",
    }  # fmt: skip
    [request] = listing["record_requests"]
    assert (request["kind"], request["due"]) == ("molecular", True)
    assert sum(a["upcoming"] for a in listing["appointments"]) == 4
    assert {e["symptom_key"] for e in listing["diary"]} >= {"tiredness", "rash"}
    text = run_casebook("list", tmp_path / "demo", stdin=password + "\n")
    assert "Medicines (3 current):" in text.stdout
    assert "Upcoming appointments (4):" in text.stdout
    assert "Requests to chase:" in text.stdout
