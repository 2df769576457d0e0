"""The Questions page, offscreen: the list in priority order, the history, the bank and the
second-opinion letters; and its screenshot."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from casebook.core.consultations import Consultation
from casebook.core.questions import Priority
from casebook.services import consultations, questions
from casebook.services.binder import BinderSession
from casebook.ui.labels import format_date_text
from casebook.ui.pages.questions_page import QuestionsPage

from .conftest import close_on_writer_lane
from .screenshots import save_screenshot, screenshot_folder


def fill(session: BinderSession) -> None:
    """A family two consultations in, facing a decision with unclear options."""
    session.database().execute("UPDATE case_info SET decision_moment = 'options_unclear'")
    stage = questions.add_from_bank(session, "stage_confirmed", "en", Priority.MUST_ASK)
    alternatives = questions.add_from_bank(session, "alternatives_now", "en", Priority.MUST_ASK)
    questions.add_from_bank(session, "molecular_testing", "en")
    questions.add_own_question(
        session, "Can Mum still travel to Shenzhen in May?", Priority.IF_TIME
    )
    first = consultations.create_consultation(
        session, Consultation(0, "Oncology", "2025-03-02", "Dr Li", "City Hospital")
    )
    consultations.record_answer(
        session, first, stage, "Mei", "Stage III; the PET-CT in February confirmed it."
    )
    consultations.create_consultation(
        session, Consultation(0, "Surgery", "2025-03-20", "Dr Wang", "University Hospital")
    )
    del alternatives


def test_questions_page_lists_history_and_bank(
    qtbot: QtBot, session: BinderSession, tmp_path: Path
) -> None:
    fill(session)
    page = QuestionsPage(session)
    qtbot.addWidget(page)
    page.resize(1240, 820)
    qtbot.waitUntil(lambda: page.tree.topLevelItemCount() == 4)
    texts = [page.tree.topLevelItem(i).text(0) for i in range(4)]
    # Must-ask first; the own "if there is time" question last.
    assert texts[0].startswith("Is the stage confirmed?")
    assert texts[1].startswith("What other options exist now")
    assert "Asked 2× without an answer" in texts[1]
    assert texts[3].startswith("Can Mum still travel")
    assert "options feel unclear" in page.moment_label.text()
    page.tree.setCurrentItem(page.tree.topLevelItem(0))
    history = page.history.toPlainText()
    assert f"{format_date_text('2025-03-02')} · Dr Li · City Hospital" in history
    assert "Stage III; the PET-CT in February confirmed it." in history

    # The bank puts questions for the current moment first and marks those already taken.
    first_group = page.bank_panel.tree.topLevelItem(0)
    assert first_group.text(0) == "For where you are now"
    children = [first_group.child(i).text(0) for i in range(first_group.childCount())]
    assert any(c.startswith("✓ on our list · What other options") for c in children)

    # Adding one's own question with Enter.
    qtbot.keyClicks(page.new_edit, "Who do we call at night?")
    qtbot.keyClick(page.new_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.tree.topLevelItemCount() == 5)

    # Letters: three situations, bilingual, with the patient's name filled in.
    letters = page.letters
    assert letters.situation_combo.count() == 3
    qtbot.waitUntil(lambda: "Ada Example" in letters.letter_edit.toPlainText())
    letters.language_combo.setCurrentIndex(1)
    assert "第二诊疗意见" in letters.letter_edit.toPlainText()
    assert len(letters.sign_boxes) >= 4

    save_screenshot(qtbot, page, screenshot_folder(tmp_path), "questions")
    page.tabs.setCurrentIndex(2)
    letters.language_combo.setCurrentIndex(0)
    save_screenshot(qtbot, page, screenshot_folder(tmp_path), "questions_letters")
    page.tabs.setCurrentIndex(1)
    save_screenshot(qtbot, page, screenshot_folder(tmp_path), "questions_suggested")
    close_on_writer_lane(qtbot, session)
