"""The Consultations page and note-taking mode, offscreen and keyboard-first."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from casebook.core.consultations import Consultation, NoteTag
from casebook.core.decision_moment import DecisionMoment
from casebook.core.model import PartialDate
from casebook.core.questions import Priority
from casebook.services import clock, consultations, timeline
from casebook.services.binder.session import BinderSession
from casebook.services.questions import questions
from casebook.ui.consultations.consultations_page import ConsultationsPage

from .conftest import close_on_writer_lane
from .screenshots import save_screenshot, screenshot_folder


def test_taking_notes_by_keyboard_saves_answers_tags_and_authors(
    qtbot: QtBot, session: BinderSession, tmp_path: Path
) -> None:
    timeline.save_decision_moment(session, DecisionMoment.BEFORE_TREATMENT)
    goals = questions.add_from_bank(session, "treatment_goals", "en", Priority.MUST_ASK)
    questions.add_from_bank(session, "sequence", "en")
    questions.add_from_bank(session, "side_effects", "en")
    questions.add_own_question(session, "Can she keep her job at the library?")
    cid = consultations.create_consultation(
        session,
        Consultation(0, "Oncology", "2025-03-02", "Dr Li", "City Hospital", ("Mei", "Tom")),
    )
    # Tom wrote a note earlier, on the same consultation.
    tom = consultations.EntryDraft(cid, "Tom", written_at="2025-03-02T01:00:00+00:00")
    tom.save(session, "Waiting room: bloods taken at 8:30.")

    page = ConsultationsPage(session)
    qtbot.addWidget(page)
    page.resize(1280, 820)
    page.show()
    qtbot.waitActive(page)  # shortcuts work in the active window only
    qtbot.waitUntil(lambda: page.detail.view is not None)
    assert page.model.rowCount() == 1
    page.start_notes()
    notes = page.notes_view
    assert notes is not None
    assert notes.author_combo.currentText() == "Mei"
    assert notes.entries_model.rowCount() == 1

    # Tick the first question (Space) and type its answer.
    notes.questions_list.setFocus()
    notes.questions_list.setCurrentIndex(notes.questions_model.index(0))
    qtbot.keyClick(notes.questions_list, Qt.Key.Key_Space)
    assert "Answer to:" in notes.mode_label.text()
    qtbot.keyClicks(notes.editor, "To shrink it before surgery.")
    qtbot.keyClick(notes.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    # A decision, tagged with Ctrl+1.
    qtbot.keyClicks(notes.editor, "Start chemo on Monday.")
    qtbot.keyClick(notes.editor, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert notes.tag_buttons[NoteTag.DECISION].isChecked()
    qtbot.keyClick(notes.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(notes.editor, "Ask about a port for the drip?")
    qtbot.keyClick(notes.editor, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(notes.editor, "Dr Li will send the letter to the GP")
    qtbot.waitUntil(lambda: notes.save_label.text() == "✓ Saved", timeout=3000)
    save_screenshot(qtbot, notes, screenshot_folder(tmp_path), "notes")
    qtbot.keyClick(notes.editor, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(notes.editor, Qt.Key.Key_Escape)
    assert page.notes_view is None

    def summary_ready() -> bool:
        view = page.detail.view
        return view is not None and len(view.summary.follow_ups) == 1

    qtbot.waitUntil(summary_ready, timeout=3000)
    summary = consultations.summary(session, cid)
    assert [q.question.id for q in summary.answered] == [goals]
    assert summary.answered[0].answer == "To shrink it before surgery."
    assert summary.answered[0].answered_by == "Dr Li"
    assert [e.text for e in summary.decisions] == ["Start chemo on Monday."]
    assert [e.text for e in summary.new_questions] == ["Ask about a port for the drip?"]
    assert next(e.author for e in consultations.list_entries(session, cid) if e.text) == "Tom"
    shown = page.detail.summary_view.toPlainText()
    assert "To shrink it before surgery." in shown
    assert "Dr Li will send the letter to the GP" in shown
    save_screenshot(qtbot, page, screenshot_folder(tmp_path), "notes_summary")
    page.stop_work()
    close_on_writer_lane(qtbot, session)


def test_new_consultation_carries_open_questions(qtbot: QtBot, session: BinderSession) -> None:
    questions.add_own_question(session, "Is the stage confirmed?")
    page = ConsultationsPage(session)
    qtbot.addWidget(page)
    page.show()  # a page follows the binder's changes while it is on screen
    assert page.stack.currentWidget() is page.empty_label
    with clock.clock_set_to(datetime(2025, 3, 28, 9, 30, tzinfo=UTC)):
        page.new_consultation()
    qtbot.waitUntil(lambda: page.detail.view is not None)
    view = page.detail.view
    assert view is not None
    assert [q.question.text for q in view.listed] == ["Is the stage confirmed?"]
    assert page.detail.date_edit.value() == PartialDate(2025, 3, 28)  # today, by the clock
    page.detail.doctor_edit.setText("Dr Chen")
    page.detail.date_edit.text_edit.clear()
    qtbot.keyClicks(page.detail.date_edit.text_edit, "2025-13-40")
    page.detail.save_button.click()
    assert "no such day or month" in page.error_bar.text()
    page.detail.date_edit.text_edit.clear()
    qtbot.keyClicks(page.detail.date_edit.text_edit, "1 April 2025")
    page.detail.save_button.click()
    qtbot.waitUntil(lambda: "Dr Chen" in page.model.index(0).data())
    qtbot.waitUntil(lambda: page.detail.doctor_edit.text() == "Dr Chen")
    assert [c.held_on for c in consultations.list_consultations(session)] == ["2025-04-01"]
    close_on_writer_lane(qtbot, session)


def test_the_consultations_list_is_a_model_and_a_click_shows_one(
    qtbot: QtBot, session: BinderSession, qtmodeltester: ModelTester
) -> None:
    first = consultations.create_consultation(
        session, Consultation(0, "Oncology", "2025-03-02", "Dr Li", "City Hospital")
    )
    second = consultations.create_consultation(
        session, Consultation(0, "Surgery", "2025-03-20", "Dr Wang", "University Hospital")
    )
    page = ConsultationsPage(session)
    qtbot.addWidget(page)
    page.resize(1280, 820)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() == 2 and page.detail.view is not None)
    qtmodeltester.check(page.model, force_py=True)
    rows = {page.model.object_at(r).id: r for r in range(2)}
    assert set(rows) == {first, second}
    other = second if page.current_id == first else first
    rect = page.list.visualRect(page.model.index(rows[other]))
    qtbot.mouseClick(page.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(
        lambda: page.detail.view is not None and page.detail.view.consultation.id == other
    )
    assert page.current_id == other
    assert "Dr" in page.model.index(rows[other]).data()
    close_on_writer_lane(qtbot, session)


def test_writing_as_is_remembered_per_binder_without_the_name(
    qtbot: QtBot, session: BinderSession, isolated_settings: Path
) -> None:
    from casebook.ui.common.preferences import settings_file
    from casebook.ui.consultations.note_taking_view import NoteTakingView

    def open_notes(cid: int) -> NoteTakingView:
        view = NoteTakingView(
            session,
            consultations.get_consultation(session, cid),
            consultations.listed_questions(session, cid),
            consultations.list_entries(session, cid),
        )
        qtbot.addWidget(view)
        return view

    first = consultations.create_consultation(
        session, Consultation(0, "Oncology", "2025-03-02", "Dr Li", "City", ("Mei", "Tom"))
    )
    notes = open_notes(first)
    assert notes.author_combo.currentText() == "Mei"  # nobody chosen yet: the first attendee
    notes.author_combo.setCurrentText("Tom")
    notes.close_notes()

    # As after a restart: a new view reads the choice from the settings file on disk.
    written = settings_file().read_text(encoding="utf-8")
    assert session.binder_id in written
    assert "Tom" not in written  # a hash, never the name
    assert "Mei" not in written
    assert open_notes(first).author_combo.currentText() == "Tom"
    later = consultations.create_consultation(
        session, Consultation(0, "Surgery", "2025-04-01", "Dr Wu", "City", ("Mei", "Tom", "Jun"))
    )
    assert open_notes(later).author_combo.currentText() == "Tom"
    without_tom = consultations.create_consultation(
        session, Consultation(0, "Radiology", "2025-05-01", "Dr Ng", "City", ("Mei",))
    )
    assert open_notes(without_tom).author_combo.currentText() == "Mei"
