"""The week-to-week screens with data in them, in English and Chinese, rendered offscreen.

With CASEBOOK_SCREENSHOTS_DIR set (e.g. docs/screenshots) the pictures are kept for the
README; either way the Chinese screens are checked for English left on screen (apart from the
demo's own words), and every window for fitting a 1366×768 screen.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from services.discharge_summary import MEDICINE_LINES, write_discharge_summary

from casebook.core.progress import NEVER_CANCELLED, ignore_progress
from casebook.services.binder.session import BinderSession
from casebook.services.demo import create_demo_binder
from casebook.services.records.importing import import_paths
from casebook.ui.appointments.appointments_page import AppointmentsPage
from casebook.ui.common import tasks
from casebook.ui.common.language import CHINESE, ENGLISH, apply_language
from casebook.ui.contacts.contacts_page import ContactsPage
from casebook.ui.diary.diary_page import DiaryPage
from casebook.ui.medicines.medicine_dialog import MedicineDialog
from casebook.ui.medicines.medicines_page import MedicinesPage

from .screenshots import save_screenshot, screenshot_folder
from .test_translations import (  # noqa: F401 - fixtures
    _demo_strings,
    catalogue_folder,
    english_words,
    restore_language,
    tool,
)

WAIT = 20_000
SCREEN = (1366, 768)
PAGE = (1366 - 210, 768 - 60)  # beside the navigation, under the menu and toolbar


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[tuple[BinderSession, Path]]:
    folder = tmp_path / "demo binder"
    session, _password = create_demo_binder(folder)
    import_paths(
        session, [write_discharge_summary(tmp_path / "discharge.pdf")], None, ignore_progress,
        NEVER_CANCELLED,
    )  # fmt: skip
    yield session, folder
    session.close()


def _fits(widget: QWidget, size: tuple[int, int], name: str) -> None:
    hint = widget.minimumSizeHint()
    assert hint.width() <= size[0], f"{name} needs {hint.width()} px across"
    assert hint.height() <= size[1], f"{name} needs {hint.height()} px down"


@pytest.mark.usefixtures("restore_language")
@pytest.mark.parametrize("language", [ENGLISH, CHINESE])
def test_screens_of_the_week_to_week_pages(
    qtbot: QtBot,
    qapp: QApplication,
    demo: tuple[BinderSession, Path],
    tmp_path: Path,
    catalogue_folder: Path,  # noqa: F811
    language: str,
) -> None:
    session, folder = demo
    apply_language(language, casebook_folder=catalogue_folder, app=qapp)
    prefix = "" if language == ENGLISH else "zh_"
    out = screenshot_folder(tmp_path / "shots")
    # The demo's own words, and the discharge summary's lines as the suggestions quote them.
    quoted = [line.split(". ", 1)[1] for line in MEDICINE_LINES]
    quoted += ["Osimertinib", "Tagrisso", "80 mg", "once daily"]
    patient_data = sorted([*_demo_strings(folder), *quoted], key=len, reverse=True)
    problems: list[str] = []

    medicines_page = MedicinesPage(session)
    qtbot.addWidget(medicines_page)
    medicines_page.resize(*PAGE)
    medicines_page.building.finish()  # every part, to judge the whole page
    _fits(medicines_page, PAGE, "Medicines")
    # The list and the suggestions are read separately: wait for both.
    qtbot.waitUntil(lambda: medicines_page.suggestions.model.rowCount() > 0, timeout=WAIT)
    qtbot.waitUntil(lambda: medicines_page.model.rowCount() > 2, timeout=WAIT)
    medicines_page.view.selectRow(2)
    assert medicines_page.chosen_medicine() is not None
    save_screenshot(qtbot, medicines_page, out, f"{prefix}daily_medicines")
    problems += english_words(medicines_page, "Medicines", patient_data)
    medicines_page.suggestions.confirm()
    dialog = medicines_page.dialog
    assert isinstance(dialog, MedicineDialog)
    _fits(dialog, SCREEN, "medicine dialog")
    save_screenshot(qtbot, dialog, out, f"{prefix}daily_medicine_from_document")
    problems += english_words(dialog, "Medicine dialog", patient_data)
    dialog.reject()
    history = medicines_page.show_history()
    assert history is not None
    save_screenshot(qtbot, history, out, f"{prefix}daily_medicine_history")
    history.reject()

    # Noon the day before the demo's results talk: its reminder is due.
    clock_now = datetime.combine(date.today() + timedelta(days=2), time(12, 0))
    appointments_page = AppointmentsPage(session, lambda: clock_now)
    qtbot.addWidget(appointments_page)
    appointments_page.resize(*PAGE)
    _fits(appointments_page, PAGE, "Appointments")
    qtbot.waitUntil(lambda: appointments_page.reminder_box is not None, timeout=WAIT)
    save_screenshot(qtbot, appointments_page, out, f"{prefix}daily_appointments")
    box = appointments_page.reminder_box
    assert box is not None
    save_screenshot(qtbot, box, out, f"{prefix}daily_reminder")
    problems += english_words(box, "Reminder", patient_data)
    box.reject()
    appointments_page.table.selectRow(0)
    editor = appointments_page.open_editor(appointments_page.chosen())
    _fits(editor, SCREEN, "appointment dialog")
    save_screenshot(qtbot, editor, out, f"{prefix}daily_appointment_dialog")
    problems += english_words(editor, "Appointment dialog", patient_data)
    editor.reject()

    diary_page = DiaryPage(session)
    qtbot.addWidget(diary_page)
    diary_page.resize(*PAGE)
    qtbot.waitUntil(lambda: diary_page.view_read is not None, timeout=WAIT)
    save_screenshot(qtbot, diary_page, out, f"{prefix}daily_diary")
    problems += english_words(diary_page, "Diary", patient_data)

    contacts_page = ContactsPage(session)
    qtbot.addWidget(contacts_page)
    contacts_page.resize(*PAGE)
    qtbot.waitUntil(lambda: contacts_page.model.rowCount() == 5, timeout=WAIT)
    doctor = next(c for c in contacts_page.model.objects() if c.name == "Dr. C. Placeholder")
    contacts_page.select_contact(doctor.id)
    qtbot.waitUntil(lambda: contacts_page.linked_model.rowCount() > 0, timeout=WAIT)
    save_screenshot(qtbot, contacts_page, out, f"{prefix}daily_contacts")
    problems += english_words(contacts_page, "Contacts", patient_data)
    contact_dialog = contacts_page.open_editor(doctor)
    _fits(contact_dialog, SCREEN, "contact dialog")
    save_screenshot(qtbot, contact_dialog, out, f"{prefix}daily_contact_dialog")
    contact_dialog.reject()

    qtbot.waitUntil(lambda: not tasks._running, timeout=30_000)
    if language == CHINESE:
        assert problems == [], "English words on screen:\n" + "\n".join(problems)
