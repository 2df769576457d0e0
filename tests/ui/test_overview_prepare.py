"""The Overview's consultation card when the calendar holds an appointment with a doctor but no
consultation is being prepared: it says so plainly, and one click prepares for it and shows the
new consultation on its page."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time

import pytest
from pytestqt.qtbot import QtBot

from casebook.core.appointments import Appointment, AppointmentKind
from casebook.core.contacts import Contact, ContactKind
from casebook.services import clock, consultations, contacts
from casebook.services.appointments import appointments
from casebook.services.binder.session import BinderSession
from casebook.services.questions import questions
from casebook.ui.common import tasks
from casebook.ui.common.language import CHINESE, ENGLISH, apply_language
from casebook.ui.shell.workspace import Workspace

WAIT = 20_000


@pytest.fixture(autouse=True)
def jobs_finish_before_the_binder_closes(qtbot: QtBot, session: BinderSession) -> Iterator[None]:
    yield
    qtbot.waitUntil(lambda: not tasks._running, timeout=30_000)


@pytest.fixture(autouse=True)
def late_november() -> Iterator[None]:
    with clock.clock_set_to(datetime(2026, 11, 20, 12, 0)):
        yield


@pytest.mark.parametrize("language", [ENGLISH, CHINESE])
def test_the_next_appointment_with_a_doctor_can_be_prepared_from_the_overview(
    qtbot: QtBot, session: BinderSession, language: str
) -> None:
    doctor = contacts.save_contact(session, Contact(ContactKind.DOCTOR, "Dr. Wang Li"))
    appointment = appointments.save_appointment(
        session,
        Appointment(
            AppointmentKind.CONSULTATION, "Second opinion", date(2026, 12, 3), time(9, 30),
            place="Fudan Cancer Center, building 2", contact_id=doctor,
        ),
    )  # fmt: skip
    questions.add_own_question(session, "Is surgery possible?")
    apply_language(language)
    try:
        workspace = Workspace(session)
        qtbot.addWidget(workspace)
        workspace.resize(1366, 740)
        workspace.show()
        page = workspace.overview_page
        qtbot.waitUntil(lambda: page.overview is not None, timeout=WAIT)
        card = page.consultation_label.text()
        assert "Second opinion" in card
        assert "Dr. Wang Li" in card
        assert "09:30" in card
        assert "Fudan Cancer Center, building 2" in card
        if language == ENGLISH:
            assert card.startswith("Your next appointment is “Second opinion” with Dr. Wang Li")
            assert page.unanswered_label.text() == "No questions are prepared for it yet."
        else:
            assert card.startswith("下一个预约是 ")
            assert "No consultation" not in card
        assert page.prepare_button.isVisible()

        with qtbot.waitSignal(page.consultation_opened, timeout=WAIT) as opened:
            page.prepare_button.click()
            # No second consultation from a double click: the button is off from the first
            # click (the refresh the new consultation brings may turn it on again, hidden).
            assert not page.prepare_button.isEnabled()
            page.prepare_button.click()
        made = opened.args[0]
        assert [c.id for c in consultations.list_consultations(session)] == [made]
        consultation = consultations.get_consultation(session, made)
        assert (consultation.held_on, consultation.doctor) == ("2026-12-03", "Dr. Wang Li")
        linked = appointments.get_appointment(session, appointment)
        assert linked is not None
        assert linked.consultation_id == made

        shown = workspace.consultations_page
        assert workspace.pages.currentWidget() is shown
        qtbot.waitUntil(
            lambda: shown.detail.view is not None and shown.detail.view.consultation.id == made,
            timeout=WAIT,
        )
        assert shown.detail.title_edit.text() == "Second opinion"
        # The Overview now shows the consultation being prepared, with its questions.
        qtbot.waitUntil(
            lambda: page.overview is not None and page.overview.next_consultation is not None,
            timeout=WAIT,
        )
        assert not page.prepare_button.isVisibleTo(page)
        assert "Is surgery possible?" in page.unanswered_label.text()
    finally:
        apply_language(ENGLISH)
