"""The note-taking view's two lists are models read back from the binder: checked by Qt's
model tester, changed in place (selection and scroll kept while the family types), and worked
by keyboard."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QPersistentModelIndex, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from casebook.core.consultations import Consultation, ListedQuestion, NoteEntry, NoteTag
from casebook.core.questions import Question
from casebook.services import consultations
from casebook.services.binder.session import BinderSession
from casebook.services.questions import questions
from casebook.services.questions.questions import load_bank
from casebook.ui.consultations.note_entries_model import NoteEntriesModel
from casebook.ui.consultations.note_entries_model import ObjectRole as EntryRole
from casebook.ui.consultations.note_entries_model import SortRole as EntrySortRole
from casebook.ui.consultations.note_questions_model import NoteQuestionsModel
from casebook.ui.consultations.note_questions_model import ObjectRole as QuestionRole
from casebook.ui.consultations.note_taking_view import NoteTakingView

from .conftest import close_on_writer_lane


def _entry(entry_id: int, minute: int, text: str, question_id: int | None = None) -> NoteEntry:
    return NoteEntry(
        entry_id, 1, "Tom", f"2025-03-02T01:{minute:02d}:00+00:00", text, (), question_id
    )


def _listed(question_id: int, text: str, answer: str = "") -> ListedQuestion:
    return ListedQuestion(Question(question_id, text), answer)


def test_the_notes_model_refreshes_in_place_and_passes_the_model_tester(
    qtmodeltester: ModelTester,
) -> None:
    model = NoteEntriesModel(lambda _id: "Is it curable?")
    model.set_entries([_entry(1, 0, "Bloods at 8:30"), _entry(2, 1, "")])  # no text: not shown
    qtmodeltester.check(model, force_py=True)  # and watches every change below
    assert model.rowCount() == 1
    kept = QPersistentModelIndex(model.index(0))
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))

    model.set_entries(
        [_entry(1, 0, "Bloods at 8:30"), _entry(3, 2, "Yes, likely", 7), _entry(4, 3, "Scan")]
    )
    assert [model.index(r).data(EntryRole).id for r in range(3)] == [1, 3, 4]
    assert "Answer to “Is it curable?”: Yes, likely" in model.index(1).data()
    assert model.index(1).data().startswith(model.line(model.entry_at(1))[:5])
    assert model.index(0).data(EntrySortRole) < model.index(1).data(EntrySortRole)
    # An entry edited elsewhere repaints in place; one deleted goes; none of it is a reset.
    changed: list[int] = []
    model.dataChanged.connect(lambda top, _bottom, _roles=(): changed.append(top.row()))
    model.set_entries(
        [_entry(0, 0, "First!"), _entry(1, 0, "Bloods at 8:45"), _entry(4, 3, "Scan")]
    )
    assert [model.index(r).data(EntryRole).text for r in range(3)] == [
        "First!",
        "Bloods at 8:45",
        "Scan",
    ]
    assert changed == [1]
    assert kept.isValid()
    assert kept.row() == 1
    model.set_entries([_entry(4, 3, "Scan"), _entry(1, 0, "Bloods at 8:45")])  # reordered
    assert [model.index(r).data(EntryRole).id for r in range(2)] == [4, 1]
    assert kept.row() == 1
    assert resets == []


def test_the_questions_model_keeps_ticks_and_asks_to_answer(
    qtmodeltester: ModelTester,
) -> None:
    model = NoteQuestionsModel(load_bank(), "en")
    model.set_questions([_listed(1, "Is it curable?", "Probably"), _listed(2, "Which drugs?")])
    qtmodeltester.check(model, force_py=True)
    checked = Qt.CheckState.Checked
    assert model.index(0).data(Qt.ItemDataRole.CheckStateRole) == checked
    assert model.index(1).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert model.index(1).data(QuestionRole).question.id == 2
    assert model.text_of(2) == "Which drugs?"

    asked: list[int] = []
    model.answer_requested.connect(asked.append)
    assert model.setData(model.index(1), checked.value, Qt.ItemDataRole.CheckStateRole)
    assert asked == [2]
    # Unticked by the family, a question stays unticked when the binder is read again.
    model.setData(model.index(0), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    model.set_questions(
        [_listed(1, "Is it curable?", "Probably"), _listed(2, "Which drugs?"), _listed(3, "New")]
    )
    assert model.index(0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert model.index(1).data(Qt.ItemDataRole.CheckStateRole) == checked
    # …and a question the binder newly says is answered gets its tick.
    model.set_questions([_listed(2, "Which drugs?"), _listed(3, "New", "FOLFOX")])
    assert [model.index(r).data(QuestionRole).question.id for r in range(2)] == [2, 3]
    assert model.index(1).data(Qt.ItemDataRole.CheckStateRole) == checked
    model.mark_answered(2)
    assert asked == [2]  # marking is not asking


def _view(qtbot: QtBot, session: BinderSession, cid: int) -> NoteTakingView:
    view = NoteTakingView(
        session,
        consultations.get_consultation(session, cid),
        consultations.listed_questions(session, cid),
        consultations.list_entries(session, cid),
        author="Mei",
    )
    qtbot.addWidget(view)
    view.resize(1280, 760)
    with qtbot.waitActive(view):  # shortcuts work in the active window only
        view.show()
    return view


def test_typing_keeps_the_chosen_note_and_the_scroll_and_new_notes_join_the_list(
    qtbot: QtBot, session: BinderSession
) -> None:
    cid = consultations.create_consultation(
        session, Consultation(0, "Oncology", "2025-03-02", "Dr Li", "City", ("Mei", "Tom"))
    )
    for minute in range(14):
        draft = consultations.EntryDraft(cid, "Tom", written_at=f"2025-03-02T01:{minute:02d}:00Z")
        draft.save(session, f"Earlier note number {minute}")
    view = _view(qtbot, session, cid)
    notes, model = view.entries_list, view.entries_model
    bar = notes.verticalScrollBar()
    assert model.rowCount() == 14
    assert bar.maximum() > 0
    assert bar.value() == bar.maximum()

    # The family scrolls back and picks an earlier note, then goes on typing.
    notes.scrollToTop()
    chosen = QPersistentModelIndex(model.index(2))
    notes.selectionModel().setCurrentIndex(
        model.index(2), QItemSelectionModel.SelectionFlag.ClearAndSelect
    )
    for part in ("The scan ", "shows the tumour ", "is smaller."):
        qtbot.keyClicks(view.editor, part)
        qtbot.waitUntil(lambda: view.save_label.text() == "✓ Saved", timeout=3000)
        assert view.autosaver.draft is not None
        assert view.autosaver.draft.entry_id is not None
    qtbot.keyClick(view.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: model.rowCount() == 15, timeout=3000)  # read back once stored
    assert model.index(14).data(EntryRole).text == "The scan shows the tumour is smaller."
    assert notes.currentIndex() == chosen
    assert [i.row() for i in notes.selectionModel().selectedRows()] == [2]
    assert bar.value() == 0  # not pulled down to the new note while reading an earlier one

    # Back at the newest notes, a new one comes into view.
    notes.scrollToBottom()
    qtbot.keyClicks(view.editor, "Next CT in six weeks")
    qtbot.keyClick(view.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: model.rowCount() == 16, timeout=3000)
    qtbot.waitUntil(lambda: bar.value() == bar.maximum())
    assert notes.currentIndex() == chosen

    # A question raised with Ctrl+Q is listed as the question it became.
    qtbot.keyClicks(view.editor, "Ask about a port?")
    qtbot.keyClick(view.editor, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: model.rowCount() == 17, timeout=3000)
    raised = model.index(16).data(EntryRole)
    assert raised.tags == (NoteTag.NEW_QUESTION,)
    assert raised.text == "Ask about a port?"
    assert [e.text for e in model.objects()].count("Ask about a port?") == 1
    qtbot.waitUntil(lambda: not view.busy)
    close_on_writer_lane(qtbot, session)


def test_questions_are_answered_by_space_enter_and_double_click(
    qtbot: QtBot, session: BinderSession
) -> None:
    cid = consultations.create_consultation(
        session, Consultation(0, "Oncology", "2025-03-02", "Dr Li", "City", ("Mei",))
    )
    first = questions.add_own_question(session, "Is it curable?")
    second = questions.add_own_question(session, "Which drugs?")
    third = questions.add_own_question(session, "How long?")
    consultations.add_questions_to(session, cid, [first, second, third])
    view = _view(qtbot, session, cid)
    questions_list, model = view.questions_list, view.questions_model
    assert model.rowCount() == 3
    ids = [model.index(r).data(QuestionRole).question.id for r in range(3)]
    assert ids == [first, second, third]

    # Space on the current question ticks it and starts its answer.
    questions_list.setFocus()
    questions_list.setCurrentIndex(model.index(0))
    qtbot.keyClick(questions_list, Qt.Key.Key_Space)
    assert model.is_ticked(first)
    assert view.mode_label.text() == "Answer to: Is it curable?"
    assert view.editor.hasFocus()
    qtbot.keyClicks(view.editor, "Not yet known")
    # Enter (with the arrows) chooses another question; the first one's answer is kept.
    questions_list.setFocus()
    qtbot.keyClick(questions_list, Qt.Key.Key_Down)
    assert questions_list.currentIndex().row() == 1
    qtbot.keyClick(questions_list, Qt.Key.Key_Return)
    assert view.mode_label.text() == "Answer to: Which drugs?"
    assert view.editor.toPlainText() == ""
    qtbot.waitUntil(lambda: view.entries_model.rowCount() == 1, timeout=3000)
    assert "Answer to “Is it curable?”: Not yet known" in view.entries_model.index(0).data()
    # A double click does the same (a real one: a click, then the second press).
    rect = questions_list.visualRect(model.index(2))
    qtbot.mouseClick(questions_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(questions_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.mode_label.text() == "Answer to: How long?"
    # F6 goes back to the questions, where the chosen row is still chosen.
    qtbot.keyClick(view.editor, Qt.Key.Key_F6)
    assert questions_list.hasFocus()
    assert questions_list.currentIndex().row() == 2
    qtbot.waitUntil(lambda: not view.busy)
    listed = consultations.listed_questions(session, cid)
    assert [q.answer for q in listed if q.question.id == first] == ["Not yet known"]
    close_on_writer_lane(qtbot, session)
