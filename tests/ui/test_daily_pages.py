"""Contacts, Appointments (reminders on a moved clock, the phone calendar), the Diary and the
Overview's card, through real widgets; the record kind's request naming a contact."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from datetime import date, datetime, time
from pathlib import Path

import pytest
import shiboken6
from icalendar import Calendar
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from casebook.core.appointments import Appointment, AppointmentKind, Bring
from casebook.core.changes import Changed, Changes
from casebook.core.contacts import Contact, ContactKind, LinkKind
from casebook.core.diary import Severity
from casebook.core.medicines import Allergy, MedicineDetails
from casebook.core.model import PartialDate, RecordKind, SlotStatement
from casebook.core.opinions import Opinion
from casebook.services import contacts
from casebook.services.appointments import appointments
from casebook.services.binder.session import BinderSession
from casebook.services.diary import diary
from casebook.services.medicines import medicines
from casebook.services.opinions import opinions
from casebook.services.records import documents as records
from casebook.ui.appointments.appointments_page import AppointmentsPage
from casebook.ui.common import tasks
from casebook.ui.common.binder_events import binder_events
from casebook.ui.contacts.contacts_page import ContactsPage
from casebook.ui.contacts.link_dialog import LinkDialog
from casebook.ui.diary.diary_page import DiaryPage
from casebook.ui.overview.daily_card import DailyCard
from casebook.ui.records.slot_dialog import SlotDialog

from .test_accessibility import accessibility_problems

WAIT = 20_000


@pytest.fixture(autouse=True)
def jobs_finish_before_the_binder_closes(qtbot: QtBot, session: BinderSession) -> Iterator[None]:
    yield
    qtbot.waitUntil(lambda: not tasks._running, timeout=30_000)


def _shown(qtbot: QtBot, widget: object) -> None:
    qtbot.addWidget(widget)  # type: ignore[arg-type]
    widget.resize(1156, 740)  # type: ignore[attr-defined]
    widget.show()  # type: ignore[attr-defined]


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


# Contacts ---------------------------------------------------------------------------------


def test_contacts_page_adds_searches_and_links(
    qtbot: QtBot, session: BinderSession, qtmodeltester: object
) -> None:
    opinion = opinions.save_opinion(session, Opinion("Dr. Wang Li", institution="City Hospital"))
    contacts.save_contact(session, Contact(ContactKind.PHARMACY, "Example Pharmacy"))
    page = ContactsPage(session)
    _shown(qtbot, page)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=WAIT)
    dialog = page.open_editor(None)
    problems = accessibility_problems(dialog, "contact dialog")
    assert problems == [], "\n".join(problems)
    dialog.name_edit.setText("Dr. Wang Li")
    dialog.email_edit.setText("wang@")
    dialog._save()
    assert "e-mail" in dialog.error_bar.text()  # refused before anything is written
    dialog.email_edit.setText("wang.li@hospital.example")
    dialog.phone_edit.setText("+86 10 5555 0101")
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(ContactKind.DOCTOR))
    with qtbot.waitSignal(dialog.finished, timeout=WAIT):
        dialog._save()
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=WAIT)
    qtbot.waitUntil(
        lambda: page.view_shown is not None and page.view_shown.contact.name == "Dr. Wang Li",
        timeout=WAIT,
    )
    assert "+86 10 5555 0101" in page.reach_label.text()
    doctor = page.view_shown.contact.id
    page.search_edit.setText("pharm")
    assert page.proxy.rowCount() == 1
    page.search_edit.clear()
    page.select_contact(doctor)
    qtbot.waitUntil(
        lambda: page.view_shown is not None and page.view_shown.contact.id == doctor,
        timeout=WAIT,
    )
    qtmodeltester.check(page.model)  # type: ignore[attr-defined]
    qtmodeltester.check(page.proxy)  # type: ignore[attr-defined]

    page.open_links()
    qtbot.waitUntil(
        lambda: any(
            isinstance(w, LinkDialog) and w.isVisible() for w in QApplication.topLevelWidgets()
        ),
        timeout=WAIT,
    )
    links = next(w for w in QApplication.topLevelWidgets() if isinstance(w, LinkDialog))
    qtmodeltester.check(links.model)  # type: ignore[attr-defined]
    assert links.model.index(0, 3).data() == "✓ yes"  # the opinion names him, first
    problems = accessibility_problems(links, "link dialog")
    assert problems == [], "\n".join(problems)
    links.model.setData(
        links.model.index(0, 0), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole
    )
    links._save()
    qtbot.waitUntil(lambda: page.linked_model.rowCount() == 1, timeout=WAIT)
    qtmodeltester.check(page.linked_model)  # type: ignore[attr-defined]
    assert page.linked_model.index(0, 1).data() == "Dr. Wang Li"
    assert [c.id for c in contacts.contacts_linked_to(session, LinkKind.OPINION, str(opinion))] == [
        doctor
    ]


def test_a_record_request_names_a_contact_from_the_slot_dialog(
    qtbot: QtBot, session: BinderSession
) -> None:
    office = contacts.save_contact(
        session, Contact(ContactKind.RECORDS_OFFICE, "病案室", "City Hospital")
    )
    slot = next(s for s in records.list_slots(session) if s.kind is RecordKind.PATHOLOGY)
    dialog = SlotDialog(slot, None, session)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.contact_picker.count() == 2, timeout=WAIT)
    dialog.status_buttons[SlotStatement.REQUESTED].setChecked(True)
    problems = accessibility_problems(dialog, "slot dialog")
    assert problems == [], "\n".join(problems)
    dialog.requested_on_edit.set_value(PartialDate(2026, 11, 2))
    dialog.contact_picker.setCurrentIndex(1)
    dialog.contact_picker.activated.emit(1)
    assert dialog.requested_from_edit.text() == "病案室 (City Hospital)"
    dialog._save()
    assert dialog.result_contact_id == office
    assert dialog.result_chase_on is None


# Appointments -----------------------------------------------------------------------------


def test_reminders_come_when_the_clock_gets_there_and_once(
    qtbot: QtBot, session: BinderSession, qtmodeltester: object, tmp_path: Path
) -> None:
    scan = appointments.save_appointment(
        session,
        Appointment(AppointmentKind.SCAN, "CT chest", date(2026, 12, 10), time(9, 30),
                    place="Radiology", bring=(Bring.IMAGING_CD,), remind_minutes=24 * 60),
    )  # fmt: skip
    records.set_slot_statement(
        session, RecordKind.MOLECULAR, SlotStatement.REQUESTED, PartialDate(2026, 11, 2), "Lab"
    )
    clock = Clock(datetime(2026, 12, 8, 12, 0))
    page = AppointmentsPage(session, clock)
    _shown(qtbot, page)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=WAIT)
    qtbot.waitUntil(lambda: page.watcher.last is not None, timeout=WAIT)
    assert page.reminder_box is None
    assert page.watcher.last is not None
    assert page.watcher.last.next_at == datetime(2026, 12, 9, 9, 30)
    for model in (page.model, page.filter, page.requests.model):
        qtmodeltester.check(model)  # type: ignore[attr-defined]
    assert page.requests.model.index(0, 2).data().startswith("Now")  # due since 16 Nov

    clock.now = datetime(2026, 12, 9, 9, 31)  # the day before, a minute after 9:30
    with qtbot.waitSignal(page.watcher.due, timeout=WAIT):
        page.watcher.check_now()
    box = page.reminder_box
    assert box is not None
    qtbot.waitUntil(box.isVisible, timeout=WAIT)
    assert "CT chest" in box.text_label.text()
    assert "Bring: the imaging CD" in box.text_label.text()
    problems = accessibility_problems(box, "reminder")
    assert problems == [], "\n".join(problems)
    box.seen_button.click()
    qtbot.waitUntil(lambda: appointments.reminders(session, clock.now).due == (), timeout=WAIT)
    # A new window (the app restarted) does not remind again of what was seen.
    again = AppointmentsPage(session, clock)
    _shown(qtbot, again)
    qtbot.waitUntil(lambda: again.watcher.last is not None, timeout=WAIT)
    assert again.reminder_box is None

    # Saving the calendar of the chosen appointment.
    page.select_appointment(scan)
    target = tmp_path / "scan.ics"
    page.save_calendar(chosen_only=True, target=target)
    qtbot.waitUntil(lambda: page.calendar_saved == target, timeout=WAIT)
    [event] = Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    assert str(event["SUMMARY"]) == "CT chest"

    # The appointment is over: it leaves the list of upcoming ones.
    clock.now = datetime(2026, 12, 10, 11, 0)
    page.reload()
    qtbot.waitUntil(lambda: page.filter.rowCount() == 0, timeout=WAIT)
    page.show_all.setChecked(True)
    assert page.filter.rowCount() == 1


def test_an_appointment_is_added_through_its_dialog(qtbot: QtBot, session: BinderSession) -> None:
    contacts.save_contact(session, Contact(ContactKind.DOCTOR, "Dr. B. Sample"))
    clock = Clock(datetime(2026, 12, 2, 9, 0))
    page = AppointmentsPage(session, clock)
    _shown(qtbot, page)
    qtbot.waitUntil(lambda: page.view_read is not None and bool(page.view_read.contacts),
                    timeout=WAIT)  # fmt: skip
    dialog = page.open_editor(None)
    problems = accessibility_problems(dialog, "appointment dialog")
    assert problems == [], "\n".join(problems)
    dialog._save()
    assert "what the appointment is for" in dialog.error_bar.text()
    dialog.title_edit.setText("Results talk")
    dialog.contact_picker.setCurrentIndex(1)
    dialog.bring_checks[Bring.QUESTIONS].setChecked(True)
    with qtbot.waitSignal(dialog.finished, timeout=WAIT):
        dialog._save()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=WAIT)
    [stored] = appointments.list_appointments(session)
    assert (stored.title, stored.on_date, stored.at_time) == ("Results talk", date(2026, 12, 2),
                                                             time(9, 0))  # fmt: skip
    assert stored.bring == (Bring.QUESTIONS,)
    assert stored.uid


# Diary ------------------------------------------------------------------------------------


def test_a_diary_entry_is_added_charted_and_printed(
    qtbot: QtBot, session: BinderSession, qtmodeltester: object, tmp_path: Path
) -> None:
    today = date(2026, 12, 2)
    page = DiaryPage(session, lambda: today)
    _shown(qtbot, page)
    qtbot.waitUntil(lambda: page.view_read is not None, timeout=WAIT)
    problems = accessibility_problems(page, "diary")
    assert problems == [], "\n".join(problems)
    form = page.form
    form.symptom_combo.setCurrentIndex(form.symptom_combo.findData("nausea"))
    form._save()
    assert "how bad" in form.error_bar.text()
    form.severity_buttons[Severity.MODERATE].setChecked(True)
    form.helped_edit.setText("ginger tea")
    form._save()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=WAIT)
    assert page.model.index(0, 1).data() == "Nausea"
    assert page.model.index(0, 2).data() == "●●  Moderate"
    form.symptom_combo.setEditText("Hiccups after meals")
    form.severity_buttons[Severity.MILD].setChecked(True)
    form._save()
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=WAIT)
    qtmodeltester.check(page.model)  # type: ignore[attr-defined]
    assert page.chart_view.chart is not None
    assert [r.group for r in page.chart_view.chart.rows] == ["nausea", "hiccups after meals"]
    [entry] = [e for e in diary.list_entries(session) if e.symptom_key == "nausea"]
    assert (entry.noted_on, entry.helped, entry.severity) == (today, "ginger tea",
                                                             Severity.MODERATE)  # fmt: skip
    # Changing an entry goes through the same form.
    page.table.selectRow(
        next(r for r in range(2) if page.table.model().index(r, 1).data() == "Nausea")
    )
    page.edit_chosen()
    form.severity_buttons[Severity.SEVERE].setChecked(True)
    form._save()
    qtbot.waitUntil(
        lambda: any(e.severity is Severity.SEVERE for e in diary.list_entries(session)),
        timeout=WAIT,
    )
    assert len(diary.list_entries(session)) == 2
    target = tmp_path / "diary.pdf"
    page.pdf.save("en+zh", target)
    qtbot.waitUntil(lambda: page.pdf.last_saved == target, timeout=WAIT)
    assert target.read_bytes().startswith(b"%PDF")


# Overview ---------------------------------------------------------------------------------


def test_the_overview_card_shows_what_comes_next_and_prints_the_glance(
    qtbot: QtBot, session: BinderSession, tmp_path: Path
) -> None:
    clock = Clock(datetime(2026, 12, 2, 9, 0))
    medicines.save_allergy(session, Allergy("Penicillin"))
    for name in ("Pemetrexed", "Carboplatin", "Folic acid", "Dexamethasone", "Ondansetron"):
        medicines.add_medicine(session, MedicineDetails(generic_name=name))
    appointments.save_appointment(
        session,
        Appointment(AppointmentKind.SCAN, "CT chest", date(2026, 12, 10), time(9, 30),
                    place="Radiology"),
    )  # fmt: skip
    card = DailyCard(session, clock)
    _shown(qtbot, card)
    qtbot.waitUntil(lambda: card.shown is not None, timeout=WAIT)
    assert "CT chest" in card.appointment_label.text()
    assert "Radiology" in card.appointment_label.text()
    assert card.allergies_label.text() == "⚠  Allergies: Penicillin"
    assert card.medicines_label.text().startswith("5 current medicines: ")
    assert "and 1 more" in card.medicines_label.text()
    assert card.chase_label.isHidden()
    problems = accessibility_problems(card, "overview card")
    assert problems == [], "\n".join(problems)
    target = tmp_path / "glance.pdf"
    card.glance.save("zh", target)
    qtbot.waitUntil(lambda: card.glance.last_saved == target, timeout=WAIT)
    assert target.read_bytes().startswith(b"%PDF")
    # A change made elsewhere reaches the card through the change signal.
    medicines.save_allergy(session, Allergy("Latex"))  # service call: announce by hand
    binder_events(session).binder_changed.emit(Changes.of(Changed.MEDICINES))
    qtbot.waitUntil(lambda: "Latex" in card.allergies_label.text(), timeout=WAIT)


def test_a_reminder_on_screen_goes_when_the_binder_locks(
    qtbot: QtBot, session: BinderSession
) -> None:
    appointments.save_appointment(
        session,
        Appointment(AppointmentKind.SCAN, "CT chest", date(2026, 12, 10), time(9, 30)),
    )
    page = AppointmentsPage(session, Clock(datetime(2026, 12, 9, 12, 0)))
    page.show()
    qtbot.waitUntil(lambda: page.reminder_box is not None, timeout=WAIT)
    box = page.reminder_box
    assert box is not None
    qtbot.waitUntil(box.isVisible, timeout=WAIT)
    page.deleteLater()  # what locking does to every page of the workspace
    qtbot.waitUntil(lambda: not shiboken6.isValid(box), timeout=WAIT)


def test_the_appointments_page_loads_the_calendar_library_only_to_save_a_calendar() -> None:
    """icalendar took 70 ms of the page's first show, on the GUI thread; the calendar is made
    in the background job that saves it (the test above saves one through the page)."""
    loaded = subprocess.run(
        [sys.executable, "-c", "import sys, casebook.ui.shell.workspace, "
         "casebook.ui.appointments.appointments_page; print('icalendar' in sys.modules)"],
        capture_output=True, text=True, check=True, timeout=120,
    )  # fmt: skip
    assert loaded.stdout.split() == ["False"], loaded.stderr
