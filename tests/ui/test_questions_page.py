"""The Questions page, offscreen: the list in priority order, the history, the bank and the
second-opinion letters; and its screenshot."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from casebook.core.consultations import Consultation
from casebook.core.decision_moment import DecisionMoment
from casebook.core.questions import Priority
from casebook.services import consultations, timeline
from casebook.services.binder.session import BinderSession
from casebook.services.questions import questions
from casebook.ui.common.labels import format_date_text
from casebook.ui.questions.questions_page import QuestionsPage

from .conftest import close_on_writer_lane
from .screenshots import save_screenshot, screenshot_folder


def fill(session: BinderSession) -> None:
    """A family two consultations in, facing a decision with unclear options."""
    timeline.save_decision_moment(session, DecisionMoment.OPTIONS_UNCLEAR)
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


def click_row(qtbot: QtBot, page: QuestionsPage, row: int) -> None:
    """Click the question in `row`, as the family would."""
    rect = page.tree.visualRect(page.model.index(row, 0))
    qtbot.mouseClick(page.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_questions_page_lists_history_and_bank(
    qtbot: QtBot, session: BinderSession, tmp_path: Path
) -> None:
    fill(session)
    page = QuestionsPage(session)
    qtbot.addWidget(page)
    page.resize(1240, 820)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() == 4)
    texts = [page.model.index(i, 0).data() for i in range(4)]
    # Must-ask first; the own "if there is time" question last.
    assert texts[0].startswith("Is the stage confirmed?")
    assert texts[1].startswith("What other options exist now")
    assert "Asked 2× without an answer" in texts[1]
    assert texts[3].startswith("Can Mum still travel")
    assert page.moment_label.text().startswith(
        "Where you are now: Options feel unclear, or doctors disagree."
    )
    click_row(qtbot, page, 0)
    history = page.history.toPlainText()
    assert f"{format_date_text('2025-03-02')} · Dr Li · City Hospital" in history
    assert "Stage III; the PET-CT in February confirmed it." in history

    # The bank puts questions for the current moment first and marks those already taken.
    qtbot.waitUntil(lambda: page.building.finished)  # the tabs behind the list
    assert page.bank_panel is not None
    bank = page.bank_panel.model
    first_group = bank.index(0, 0)
    assert first_group.data() == "For where you are now"
    children = [bank.index(i, 0, first_group).data() for i in range(bank.rowCount(first_group))]
    assert any(c.startswith("✓ on our list · What other options") for c in children)

    # Adding one's own question with Enter.
    qtbot.keyClicks(page.new_edit, "Who do we call at night?")
    qtbot.keyClick(page.new_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.model.rowCount() == 5)

    # Letters: three situations, bilingual, with the patient's name filled in.
    letters = page.letters
    assert letters is not None
    assert letters.situation_combo.count() == 3
    qtbot.waitUntil(lambda: "Ada Example" in letters.letter_edit.toPlainText())
    letters.language_combo.setCurrentIndex(1)
    assert "第二诊疗意见" in letters.letter_edit.toPlainText()
    assert len(letters.sign_boxes) == 8
    # Each sign's words wrap beside its box (the panel fits a 1366-pixel screen) and a click
    # on them ticks it.
    assert letters.minimumSizeHint().width() < 1366 - 260
    played_down = letters.sign_boxes[1]
    [words] = [
        label for label in letters.findChildren(QLabel)
        if label.text() == played_down.accessibleName()
    ]  # fmt: skip
    assert words.wordWrap()
    page.tabs.setCurrentIndex(2)
    qtbot.mouseClick(words, Qt.MouseButton.LeftButton)
    assert played_down.isChecked()

    save_screenshot(qtbot, page, screenshot_folder(tmp_path), "questions")
    page.tabs.setCurrentIndex(2)
    letters.language_combo.setCurrentIndex(0)
    save_screenshot(qtbot, page, screenshot_folder(tmp_path), "questions_letters")
    page.tabs.setCurrentIndex(1)
    save_screenshot(qtbot, page, screenshot_folder(tmp_path), "questions_suggested")
    close_on_writer_lane(qtbot, session)


def test_questions_model_and_a_change_keep_the_chosen_question(
    qtbot: QtBot, session: BinderSession, qtmodeltester: ModelTester
) -> None:
    """The list is a model; a write elsewhere repaints it and the chosen question stays chosen
    (by id, even when its row moves)."""
    fill(session)
    page = QuestionsPage(session)
    qtbot.addWidget(page)
    page.resize(1240, 820)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() == 4)
    qtmodeltester.check(page.model, force_py=True)
    click_row(qtbot, page, 3)
    chosen = page.model.index(3, 0).data()
    assert chosen.startswith("Can Mum still travel")
    assert page.priority_combo.currentData() == int(Priority.IF_TIME)

    # Raising its priority (the page's own combo) moves it up; it is still the chosen one.
    page.priority_combo.setCurrentIndex(page.priority_combo.findData(int(Priority.MUST_ASK)))
    page.priority_combo.activated.emit(page.priority_combo.currentIndex())
    qtbot.waitUntil(lambda: page.model.index(3, 0).data() != chosen)
    row = page.tree.currentIndex().row()
    assert page.model.index(row, 0).data() == chosen
    assert page.model.index(row, 1).data() == "★ Must ask"
    assert page.model.index(row, 0).data(Qt.ItemDataRole.FontRole).bold()
    assert "Can Mum still travel" in page.history.toPlainText()
    close_on_writer_lane(qtbot, session)


def test_suggested_questions_are_a_model_and_added_ones_get_their_mark(
    qtbot: QtBot, session: BinderSession, qtmodeltester: ModelTester
) -> None:
    """Two suggestions chosen with the mouse and added: both are marked “on our list” in
    place, and they are still the chosen rows."""
    fill(session)
    page = QuestionsPage(session)
    qtbot.addWidget(page)
    page.resize(1240, 820)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() == 4)
    page.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: page.building.finished)
    panel = page.bank_panel
    assert panel is not None
    bank = panel.model
    qtmodeltester.check(bank, force_py=True)
    group = next(
        bank.index(row, 0)
        for row in range(bank.rowCount())
        if bank.rowCount(bank.index(row, 0)) >= 2
        and not bank.index(0, 0, bank.index(row, 0)).data().startswith("✓")
        and not bank.index(1, 0, bank.index(row, 0)).data().startswith("✓")
    )
    first, second = bank.index(0, 0, group), bank.index(1, 0, group)
    assert not (bank.flags(group) & Qt.ItemFlag.ItemIsSelectable)  # a heading, not a question
    for index, modifier in ((first, Qt.KeyboardModifier.NoModifier),
                            (second, Qt.KeyboardModifier.ControlModifier)):  # fmt: skip
        panel.tree.scrollTo(index)
        rect = panel.tree.visualRect(index)
        qtbot.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())
    assert len(panel.tree.selectionModel().selectedRows()) == 2
    reset: list[bool] = []
    bank.modelReset.connect(lambda: reset.append(True))
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.model.rowCount() == 6)
    qtbot.waitUntil(lambda: first.data().startswith("✓ on our list"))
    assert second.data().startswith("✓ on our list")
    assert not reset
    assert len(panel.tree.selectionModel().selectedRows()) == 2
    close_on_writer_lane(qtbot, session)


def test_the_tabs_behind_the_list_are_made_after_it_and_filled_with_what_was_read(
    qtbot: QtBot, session: BinderSession
) -> None:
    """Issue 15: the first show makes the family's list only; the suggested questions and the
    second-opinion letter follow in later turns of the event loop, already filled."""
    fill(session)
    page = QuestionsPage(session)
    qtbot.addWidget(page)
    page.resize(1240, 820)
    page.show()
    made_at_once = (page.bank_panel, page.letters)
    assert made_at_once == (None, None)
    assert page.tabs.count() == 3
    with qtbot.waitSignal(page.building.done, timeout=20_000):
        pass
    qtbot.waitUntil(lambda: page.loaded is not None)
    assert page.bank_panel is not None
    assert page.letters is not None
    assert page.bank_panel.model.rowCount() > 0
    qtbot.waitUntil(lambda: "Ada Example" in page.letters.letter_edit.toPlainText())
