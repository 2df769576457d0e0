"""Deleting on the Timeline, Consultations, Questions and Opinions pages asks nothing, shows
"Deleted “…”. [Undo]", and Undo brings the record back with what depended on it."""

from __future__ import annotations

from pathlib import Path

from core.opinion_samples import dr_chen
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from casebook.core.consultations import Consultation
from casebook.core.model import PartialDate
from casebook.core.timeline import EventKind, Link, LinkKind, TimelineEvent
from casebook.services import consultations, timeline
from casebook.services.binder.session import BinderSession
from casebook.services.opinions import opinions
from casebook.services.questions import questions
from casebook.ui.common.undo_bar import UndoBar, shortened
from casebook.ui.consultations.consultations_page import ConsultationsPage
from casebook.ui.opinions.opinions_page import OpinionsPage
from casebook.ui.questions.questions_page import QuestionsPage
from casebook.ui.timeline.timeline_page import TimelinePage

from .screenshots import save_screenshot, screenshot_folder


def consultation_with_answer(session: BinderSession) -> tuple[int, int]:
    question = questions.add_own_question(session, "Is surgery still possible?")
    held = consultations.create_consultation(
        session, Consultation(0, "Visit at Ruijin", "2025-01-10", doctor="Dr Wei Chen")
    )
    consultations.record_answer(session, held, question, "Mei", "Possibly, after chemotherapy")
    return held, question


def no_box_asked() -> bool:
    return not any(isinstance(w, QMessageBox) for w in QApplication.topLevelWidgets())


def click_undo(bar: UndoBar) -> None:
    assert bar.isVisible()
    QTest.mouseClick(bar.undo_button, Qt.MouseButton.LeftButton)
    assert bar.isHidden()


def test_timeline_delete_and_undo(qtbot: QtBot, session: BinderSession, tmp_path: Path) -> None:
    held, _question = consultation_with_answer(session)
    link = Link(LinkKind.CONSULTATION, held)
    event = TimelineEvent(
        EventKind.CONSULTATION,
        "Surgical consultation",
        PartialDate(2025, 1),
        links=frozenset({link}),
    )
    event_id = timeline.save_event(session, event)
    page = TimelinePage(session)
    qtbot.addWidget(page)
    page.resize(1300, 820)
    page.show()
    qtbot.waitUntil(lambda: page.state is not None and len(page.state.events) == 1)
    page.tabs.setCurrentWidget(page.list_view)
    page.list_view.select_row(0)

    QTest.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.state is not None and not page.state.events)
    assert no_box_asked()
    # The reload the change announces may come before the delete's own callback shows the bar.
    qtbot.waitUntil(lambda: page.undo_bar.text() == "Deleted “Surgical consultation”.")
    save_screenshot(qtbot, page, screenshot_folder(tmp_path), "timeline_undo_bar")

    click_undo(page.undo_bar)
    qtbot.waitUntil(lambda: page.state is not None and len(page.state.events) == 1)
    assert page.state is not None
    restored = page.state.events[0]
    assert restored.id == event_id
    assert restored.links == frozenset({link})
    page.stop_work()


def test_consultation_delete_and_undo(qtbot: QtBot, session: BinderSession, tmp_path: Path) -> None:
    held, question = consultation_with_answer(session)
    page = ConsultationsPage(session)
    qtbot.addWidget(page)
    page.resize(1280, 820)
    page.show()
    qtbot.waitUntil(lambda: page.detail.view is not None)

    QTest.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.model.rowCount() == 0 and page.undo_bar.isVisible())
    assert no_box_asked()
    assert page.undo_bar.text() == "Deleted “Visit at Ruijin”."
    save_screenshot(qtbot, page, screenshot_folder(tmp_path), "consultations_undo_bar")

    click_undo(page.undo_bar)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and page.current_id == held)
    listed = consultations.listed_questions(session, held)
    assert [(q.question.id, q.answer) for q in listed] == [
        (question, "Possibly, after chemotherapy")
    ]
    assert [e.text for e in consultations.list_entries(session, held)] == [
        "Possibly, after chemotherapy"
    ]
    page.stop_work()


def test_question_delete_and_undo(qtbot: QtBot, session: BinderSession, tmp_path: Path) -> None:
    held, question = consultation_with_answer(session)
    page = QuestionsPage(session)
    qtbot.addWidget(page)
    page.resize(1240, 820)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    page.select_row(0)

    QTest.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.model.rowCount() == 0 and page.undo_bar.isVisible())
    assert no_box_asked()
    assert page.undo_bar.text() == "Deleted “Is surgery still possible?”."
    save_screenshot(qtbot, page, screenshot_folder(tmp_path), "questions_undo_bar")

    click_undo(page.undo_bar)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    history = questions.answer_history(session, question)
    assert [(a.consultation_id, a.answer) for a in history.answers] == [
        (held, "Possibly, after chemotherapy")
    ]
    entries = consultations.list_entries(session, held)
    assert [e.question_id for e in entries] == [question]  # the entry points at it again


def test_opinion_remove_and_undo(qtbot: QtBot, session: BinderSession, tmp_path: Path) -> None:
    opinion_id = opinions.save_opinion(session, dr_chen())
    page = OpinionsPage(session)
    qtbot.addWidget(page)
    page.resize(1100, 760)
    page.show()
    qtbot.waitUntil(lambda: page.opinions_model.rowCount() == 1)
    page.select_row(0)
    assert page.remove_button.isEnabled()

    QTest.mouseClick(page.remove_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.opinions_model.rowCount() == 0 and page.undo_bar.isVisible())
    assert no_box_asked()
    assert page.undo_bar.text() == "Deleted “Dr Wei Chen”."
    save_screenshot(qtbot, page, screenshot_folder(tmp_path), "opinions_undo_bar")

    click_undo(page.undo_bar)
    qtbot.waitUntil(lambda: page.opinions_model.rowCount() == 1)
    assert [o.id for o in opinions.list_opinions(session)] == [opinion_id]
    page.stop_work()


def test_long_names_are_shortened_on_one_line() -> None:
    text = "A very long question\nabout " + "treatment options " * 6
    short = shortened(text)
    assert len(short) == 60
    assert short.endswith("…")
    assert "\n" not in short
    assert shortened("Dr Wei Chen") == "Dr Wei Chen"
