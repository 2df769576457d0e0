"""Deleting on the Appointments, Contacts and Diary pages asks nothing: the record goes from the
page and from the binder at once, "Deleted “…”. [Undo]" takes the message line (nothing on the
page moves), and Undo brings the record back whole and chooses it again. The Medicines page
does the same (tests/ui/test_medicines_page.py)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from casebook.core.appointments import Appointment, AppointmentKind, Bring
from casebook.core.contacts import Contact, ContactKind, LinkKind
from casebook.core.diary import DiaryEntry, Severity
from casebook.core.medicines import MedicineDetails
from casebook.core.model import PartialDate, RecordKind
from casebook.core.opinions import Opinion
from casebook.services import contacts
from casebook.services.appointments import appointments
from casebook.services.binder.session import BinderSession
from casebook.services.diary import diary
from casebook.services.medicines import medicines
from casebook.services.opinions import opinions
from casebook.ui.appointments.appointments_page import AppointmentsPage
from casebook.ui.common import tasks
from casebook.ui.common.undo_bar import UndoBar
from casebook.ui.contacts.contacts_page import ContactsPage
from casebook.ui.diary.diary_page import DiaryPage

from .screenshots import save_screenshot, screenshot_folder

WAIT = 20_000


@pytest.fixture(autouse=True)
def jobs_finish_before_the_binder_closes(qtbot: QtBot, session: BinderSession) -> Iterator[None]:
    yield
    qtbot.waitUntil(lambda: not tasks._running, timeout=30_000)


def _shown(qtbot: QtBot, widget: QWidget) -> None:
    qtbot.addWidget(widget)
    widget.resize(1156, 740)
    widget.show()


def _top_of(widget: QWidget, page: QWidget) -> int:
    """Where the widget is on the page once every layout in it has placed what it holds."""
    for inner in [*reversed(page.findChildren(QWidget)), page]:
        layout = inner.layout()
        if layout is not None:
            layout.activate()
    return widget.mapTo(page, QPoint(0, 0)).y()


def _no_box_asked() -> bool:
    return not any(isinstance(w, QMessageBox) for w in QApplication.topLevelWidgets())


def _click_undo(bar: UndoBar) -> None:
    assert bar.isVisible()
    assert bar.undo_button.hasFocus()  # the Delete button went grey: the keyboard is here
    QTest.mouseClick(bar.undo_button, Qt.MouseButton.LeftButton)
    assert bar.isHidden()


def test_an_appointment_deleted_at_once_comes_back_with_undo(
    qtbot: QtBot, session: BinderSession, tmp_path: Path
) -> None:
    doctor = contacts.save_contact(session, Contact(ContactKind.DOCTOR, "Dr. B. Sample"))
    results = appointments.save_appointment(
        session,
        Appointment(AppointmentKind.CONSULTATION, "Results talk", date(2026, 12, 9), time(10, 0),
                    place="Room 4", contact_id=doctor, bring=(Bring.QUESTIONS,)),
    )  # fmt: skip
    appointments.mark_reminder_seen(session, results, "2026-12-09T10:00")
    scan = appointments.save_appointment(
        session, Appointment(AppointmentKind.SCAN, "CT scan", date(2026, 12, 4), time(8, 30))
    )
    before = appointments.get_appointment(session, results)
    seen_before = appointments.reminders(session, datetime(2026, 12, 9, 9, 45))
    page = AppointmentsPage(session, lambda: datetime(2026, 12, 2, 9, 0))
    _shown(qtbot, page)
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=WAIT)
    page.select_appointment(results)
    table_top = _top_of(page.table, page)

    QTest.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=WAIT)
    qtbot.waitUntil(page.undo_bar.isVisible, timeout=WAIT)
    assert _no_box_asked()
    assert page.undo_bar.text() == "Deleted “Results talk”."
    save_screenshot(qtbot, page, screenshot_folder(tmp_path), "appointments_undo_bar")
    assert [a.id for a in appointments.list_appointments(session)] == [scan]
    assert not page.delete_button.isEnabled()  # no other appointment takes its place
    assert _top_of(page.table, page) == table_top

    _click_undo(page.undo_bar)
    qtbot.waitUntil(
        lambda: (chosen := page.chosen()) is not None and chosen.id == results, timeout=WAIT
    )
    assert page.model.rowCount() == 2
    assert appointments.get_appointment(session, results) == before  # its contact, what to bring
    # The reminder already seen is not shown again.
    assert appointments.reminders(session, datetime(2026, 12, 9, 9, 45)) == seen_before


def test_a_contact_deleted_at_once_comes_back_with_its_links(
    qtbot: QtBot, session: BinderSession, tmp_path: Path
) -> None:
    doctor = contacts.save_contact(
        session, Contact(ContactKind.DOCTOR, "Dr. Wang Li", phone="+86 10 5555 0101")
    )
    contacts.save_contact(session, Contact(ContactKind.PHARMACY, "Example Pharmacy"))
    opinion = opinions.save_opinion(session, Opinion("Dr. Wang Li", institution="City Hospital"))
    contacts.set_links(session, doctor, [(LinkKind.OPINION, str(opinion), True)])
    contacts.set_record_request(session, RecordKind.PATHOLOGY, doctor, PartialDate(2026, 12, 1))
    medicine = medicines.add_medicine(
        session, MedicineDetails(generic_name="Osimertinib", prescriber_id=doctor)
    )
    visit = appointments.save_appointment(
        session,
        Appointment(AppointmentKind.CONSULTATION, "Results", date(2026, 12, 9), time(10, 0),
                    contact_id=doctor),
    )  # fmt: skip
    linked_before = contacts.load_contact(session, doctor)
    assert linked_before is not None
    page = ContactsPage(session)
    _shown(qtbot, page)
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=WAIT)
    page.select_contact(doctor)
    qtbot.waitUntil(
        lambda: page.view_shown is not None and page.view_shown.contact.id == doctor,
        timeout=WAIT,
    )
    table_top = _top_of(page.table, page)

    QTest.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=WAIT)
    qtbot.waitUntil(page.undo_bar.isVisible, timeout=WAIT)
    assert _no_box_asked()
    assert page.undo_bar.text() == "Deleted “Dr. Wang Li”."
    save_screenshot(qtbot, page, screenshot_folder(tmp_path), "contacts_undo_bar")
    assert [c.name for c in contacts.list_contacts(session)] == ["Example Pharmacy"]
    # No other contact takes its place: a second click there deletes nothing more.
    assert page.view_shown is None
    assert not page.delete_button.isVisible()
    assert page.table.selectionModel().selectedRows() == []
    assert _top_of(page.table, page) == table_top

    _click_undo(page.undo_bar)
    qtbot.waitUntil(
        lambda: (
            [r.data() for r in page.table.selectionModel().selectedRows()] == ["Dr. Wang Li"]
            and page.view_shown is not None
            and page.view_shown.contact.id == doctor
        ),
        timeout=WAIT,
    )
    assert "+86 10 5555 0101" in page.reach_label.text()
    assert contacts.load_contact(session, doctor) == linked_before
    assert {i.kind for i in linked_before.linked} == {
        LinkKind.OPINION,
        LinkKind.MEDICINE,
        LinkKind.APPOINTMENT,
    }
    assert page.linked_model.rowCount() == len(linked_before.linked)
    assert contacts.record_request(session, RecordKind.PATHOLOGY)[0] == doctor
    stored = appointments.get_appointment(session, visit)
    assert stored is not None
    assert stored.contact_id == doctor
    prescribed = medicines.get_medicine(session, medicine)
    assert prescribed is not None
    assert prescribed.current.prescriber_id == doctor


def test_a_diary_entry_deleted_at_once_comes_back_with_undo(
    qtbot: QtBot, session: BinderSession, tmp_path: Path
) -> None:
    today = date(2026, 12, 2)
    nausea = diary.save_entry(
        session,
        DiaryEntry(today, "Nausea", Severity.MODERATE, since=PartialDate(2026, 11, 30),
                   helped="ginger tea", notes="after the infusion", symptom_key="nausea"),
    )  # fmt: skip
    diary.save_entry(session, DiaryEntry(date(2026, 12, 1), "Tiredness", Severity.MILD))
    before = next(e for e in diary.list_entries(session) if e.id == nausea)
    page = DiaryPage(session, lambda: today)
    _shown(qtbot, page)
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=WAIT)
    assert page.select_entry(nausea)
    form_top = _top_of(page.form, page)  # the chart below it loses a row: the table moves

    QTest.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=WAIT)
    qtbot.waitUntil(page.undo_bar.isVisible, timeout=WAIT)
    assert _no_box_asked()
    assert page.undo_bar.text() == "Deleted “Nausea”."
    save_screenshot(qtbot, page, screenshot_folder(tmp_path), "diary_undo_bar")
    assert [e.symptom for e in diary.list_entries(session)] == ["Tiredness"]
    assert not page.delete_button.isEnabled()  # no other entry takes its place
    assert _top_of(page.form, page) == form_top

    _click_undo(page.undo_bar)
    qtbot.waitUntil(
        lambda: (chosen := page.chosen()) is not None and chosen.id == nausea, timeout=WAIT
    )
    assert page.model.rowCount() == 2
    assert next(e for e in diary.list_entries(session) if e.id == nausea) == before
    assert page.chart_view.chart is not None
    assert "nausea" in [r.group for r in page.chart_view.chart.rows]
