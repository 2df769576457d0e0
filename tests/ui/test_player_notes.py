"""The player's notes are a model (checked by Qt's model tester) shown in a list that is worked
by mouse and keyboard: choosing a note plays from just before it was begun."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from casebook.core.consultations import Consultation
from casebook.core.progress import NEVER_CANCELLED, ignore_progress
from casebook.core.recordings import NOTE_LEAD_IN_MS, SPEECH_FORMAT, NoteMark
from casebook.services import consultations
from casebook.services.binder.session import BinderSession
from casebook.services.recordings import capture, recordings
from casebook.ui.recordings.note_marks_model import NoteMarksModel, ObjectRole, SortRole
from casebook.ui.recordings.output import SilentOutput
from casebook.ui.recordings.player_window import RecordingPlayer
from casebook.ui.recordings.sources import tone


def test_the_marks_model_numbers_the_notes_as_the_timeline_does(
    qtmodeltester: ModelTester,
) -> None:
    model = NoteMarksModel()
    qtmodeltester.check(model, force_py=True)  # empty, and on every change below
    marks = (NoteMark(11, 3, 9_000, "Smaller", "Mei"), NoteMark(12, 3, 81_500, "Chemo", ""))
    model.set_marks(marks)
    assert [model.index(r).data() for r in range(2)] == [
        "1.  0:09   Mei: Smaller",
        "2.  1:21   Chemo",
    ]
    assert model.index(1).data(ObjectRole) is marks[1]
    assert model.index(1).data(SortRole) == 81_500
    assert model.mark_at(0) is marks[0]
    model.set_marks(())
    assert model.rowCount() == 0


def _recording(session: BinderSession, marked: list[tuple[str, int]]) -> int:
    cid = consultations.create_consultation(
        session, Consultation(0, "Oncology", "2025-03-02", "Dr Li", "City", ("Mei",))
    )
    rid = capture.start_recording(session, cid, "Oncology", SPEECH_FORMAT)
    for seq in range(6):  # 30 s of a quiet tone
        capture.append_sound(session, rid, seq, tone(5.0))
    for text, offset in marked:
        draft = consultations.EntryDraft(cid, "Mei")
        draft.save(session, text)
        assert draft.entry_id is not None
        recordings.mark_note(session, draft.entry_id, rid, offset)
    assert capture.finish_recording(session, rid, ignore_progress, NEVER_CANCELLED) is not None
    return rid


def _player(qtbot: QtBot, session: BinderSession, rid: int) -> RecordingPlayer:
    player = RecordingPlayer(session, rid, "Oncology · 2025-03-02", output=SilentOutput())
    qtbot.addWidget(player)
    with qtbot.waitActive(player):
        player.show()
    qtbot.waitUntil(lambda: player.playback is not None, timeout=30_000)
    return player


def test_arrows_and_enter_play_a_note(qtbot: QtBot, session: BinderSession) -> None:
    rid = _recording(session, [("Smaller", 9_000), ("Chemo on Monday", 21_500)])
    player = _player(qtbot, session, rid)
    notes = player.notes_list
    assert notes.isVisible()
    assert not player.no_notes_label.isVisible()
    assert player.notes_model.rowCount() == 2
    notes.setFocus()
    notes.setCurrentIndex(player.notes_model.index(0))
    qtbot.keyClick(notes, Qt.Key.Key_Down)
    assert notes.currentIndex().row() == 1
    assert not player.output.playing  # moving through the notes does not play them
    qtbot.keyClick(notes, Qt.Key.Key_Return)
    assert player.output.playing
    assert 21_500 - NOTE_LEAD_IN_MS <= player.position_ms() < 21_500 - NOTE_LEAD_IN_MS + 1000
    player.output.pause()
    # A double click plays the note as a click does.
    rect = notes.visualRect(player.notes_model.index(0))
    qtbot.mouseClick(notes.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(notes.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert player.output.playing
    assert 9_000 - NOTE_LEAD_IN_MS <= player.position_ms() < 9_000 - NOTE_LEAD_IN_MS + 1000
    player.close()


def test_a_recording_without_notes_says_so(qtbot: QtBot, session: BinderSession) -> None:
    player = _player(qtbot, session, _recording(session, []))
    assert player.notes_model.rowCount() == 0
    assert not player.notes_list.isVisible()
    assert player.no_notes_label.isVisible()
    assert player.no_notes_label.text() == "No notes were written while this was recorded."
    player.close()
