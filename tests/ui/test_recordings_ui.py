"""Recording during note-taking (fed by a generated source: this machine has no microphone),
the marks notes leave on the recording, playback that jumps to a note, and adding phone files
on the consultation's page."""

from __future__ import annotations

from pathlib import Path

from phone_recordings import FindTool, phone_formats, speech_wav, video_named_m4a
from PySide6.QtCore import QPoint, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from casebook.core.consultations import Consultation
from casebook.core.recordings import NOTE_LEAD_IN_MS, SPEECH_FORMAT
from casebook.importers.audio import decode_pcm
from casebook.services import consultations
from casebook.services.binder.session import BinderSession
from casebook.services.recordings import recordings
from casebook.ui.consultations.consultations_page import ConsultationsPage
from casebook.ui.consultations.note_taking_view import NoteTakingView
from casebook.ui.recordings.output import SilentOutput
from casebook.ui.recordings.player_window import RecordingPlayer
from casebook.ui.recordings.sources import GeneratedSource

from .screenshots import save_screenshot, screenshot_folder


def _consultation(session: BinderSession) -> int:
    return consultations.create_consultation(
        session, Consultation(0, "Oncology", "2025-03-02", "Dr Li", "City Hospital", ("Mei",))
    )


def _speech_source(require_tool: FindTool, folder: Path) -> GeneratedSource:
    wav = speech_wav(require_tool, folder)
    return GeneratedSource(decode_pcm(wav.read_bytes(), 16000, 1), SPEECH_FORMAT)


def _wait_elapsed(qtbot: QtBot, view: NoteTakingView, ms: int) -> int:
    qtbot.waitUntil(lambda: view.recording_bar.recorder.elapsed_ms >= ms, timeout=15_000)
    return view.recording_bar.recorder.elapsed_ms


def test_recording_while_taking_notes_marks_each_note_on_the_recording(
    qtbot: QtBot, session: BinderSession, require_tool: FindTool, tmp_path: Path
) -> None:
    cid = _consultation(session)
    view = NoteTakingView(
        session,
        consultations.get_consultation(session, cid),
        consultations.listed_questions(session, cid),
        [],
        author="Mei",
        sound_source=lambda: _speech_source(require_tool, tmp_path),
    )
    qtbot.addWidget(view)
    view.resize(1280, 760)
    view.show()
    bar = view.recording_bar
    assert bar.record_button.isVisible()
    assert "ask the doctor" in bar.message.text().lower()
    qtbot.mouseClick(bar.record_button, Qt.MouseButton.LeftButton)
    # Nothing records before the family confirms the doctor agreed.
    assert bar.agreed_button.isVisible()
    assert bar.recorder.recording_id is None
    assert "May we record" in bar.message.text()
    qtbot.mouseClick(bar.agreed_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bar.recorder.recording_id is not None)
    assert bar.stop_button.isVisible()

    first_at = _wait_elapsed(qtbot, view, 1200)
    qtbot.keyClicks(view.editor, "Tumour is smaller")
    qtbot.waitUntil(lambda: not view.autosaver.has_unsaved)
    view.finish_entry()
    second_at = _wait_elapsed(qtbot, view, first_at + 2000)
    qtbot.keyClicks(view.editor, "Next CT in six weeks")
    qtbot.waitUntil(lambda: not view.autosaver.has_unsaved)
    assert bar.timer_label.text().startswith("● Recording 0:0")
    save_screenshot(qtbot, view, screenshot_folder(tmp_path), "recording_during_notes")
    view.finish_entry()
    recorded_ms = _wait_elapsed(qtbot, view, second_at + 1000)

    with qtbot.waitSignal(bar.recording_saved, timeout=30_000) as saved:
        qtbot.mouseClick(bar.stop_button, Qt.MouseButton.LeftButton)
    recording = saved.args[0]
    assert recording.consultation_id == cid
    assert recorded_ms - 300 <= recording.duration_ms <= recorded_ms + 1500
    assert "is saved" in bar.message.text()
    assert bar.record_button.isVisible()

    marks = recordings.note_marks(session, recording.id)
    assert [m.text for m in marks] == ["Tumour is smaller", "Next CT in six weeks"]
    # Each mark is where the recording was when the note was begun (saved within a second).
    assert first_at <= marks[0].offset_ms <= first_at + 1500
    assert second_at <= marks[1].offset_ms <= second_at + 1500


def test_the_player_jumps_to_a_note_from_a_little_before_it(
    qtbot: QtBot, session: BinderSession, require_tool: FindTool, tmp_path: Path
) -> None:
    cid = _consultation(session)
    from casebook.core.progress import NEVER_CANCELLED, ignore_progress
    from casebook.services.recordings import capture

    rid = capture.start_recording(session, cid, "Oncology", SPEECH_FORMAT)
    speech = decode_pcm(speech_wav(require_tool, tmp_path).read_bytes(), 16000, 1)
    for seq in range(6):  # ~30 s of speech
        capture.append_sound(session, rid, seq, speech)
    for text, offset in (("Smaller", 9_000), ("Chemo on Monday", 21_500)):
        draft = consultations.EntryDraft(cid, "Mei")
        draft.save(session, text)
        assert draft.entry_id is not None
        recordings.mark_note(session, draft.entry_id, rid, offset)
    finished = capture.finish_recording(session, rid, ignore_progress, NEVER_CANCELLED)
    assert finished is not None

    player = RecordingPlayer(session, rid, "Oncology · 2025-03-02", output=SilentOutput())
    qtbot.addWidget(player)
    player.show()
    qtbot.waitUntil(lambda: player.playback is not None, timeout=30_000)
    assert abs(player.timeline.length_ms - finished.duration_ms) < 100  # AAC's padding
    assert player.notes_model.rowCount() == 2
    assert player.notes_model.index(1).data().startswith("2.  0:21")
    assert "cannot be heard" in player.status.text()  # no speakers here, and it says so

    qtbot.mouseClick(
        player.notes_list.viewport(),
        Qt.MouseButton.LeftButton,
        pos=player.notes_list.visualRect(player.notes_model.index(1)).center(),
    )
    assert player.output.playing
    expected = 21_500 - NOTE_LEAD_IN_MS
    assert expected <= player.position_ms() < expected + 1000
    assert player.play_button.text() != "▶ Play"
    save_screenshot(qtbot, player, screenshot_folder(tmp_path), "recording_playback")

    # Clicking the first mark on the timeline jumps the same way.
    mark_x = int(player.timeline._x_of(9_000))
    qtbot.mouseClick(player.timeline, Qt.MouseButton.LeftButton, pos=QPoint(mark_x, 30))
    assert 9_000 - NOTE_LEAD_IN_MS <= player.position_ms() < 9_000 - NOTE_LEAD_IN_MS + 1000
    qtbot.keyClick(player, Qt.Key.Key_Space)
    assert not player.output.playing


def test_phone_recordings_are_added_on_the_consultation_page(
    qtbot: QtBot,
    session: BinderSession,
    require_tool: FindTool,
    tmp_path: Path,
    qtmodeltester: ModelTester,
) -> None:
    _consultation(session)
    files = phone_formats(require_tool, tmp_path)
    video = video_named_m4a(require_tool, tmp_path)
    page = ConsultationsPage(session)
    qtbot.addWidget(page)
    page.resize(1280, 760)
    page.show()
    panel = page.recordings_panel
    qtbot.waitUntil(lambda: panel.consultation_id is not None)
    assert panel.empty_label.isVisible()
    panel.add_files([files["m4a"], video])
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=30_000)
    qtbot.waitUntil(lambda: "video" in panel.message_bar.text())
    qtmodeltester.check(panel.model, force_py=True)
    row = panel.model.index(0)
    assert "0:07 (from voice-memo.m4a)" in row.data()  # the spoken SPOKEN lasts 7 s
    assert row.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    panel.list.setFocus()
    panel.list.setCurrentIndex(row)
    qtbot.keyClick(panel.list, Qt.Key.Key_Space)  # ticked with the keyboard
    qtbot.waitUntil(lambda: recordings.list_recordings(session)[0].include_in_bundle)
    qtbot.waitUntil(lambda: panel.selected() is not None and panel.selected().include_in_bundle)  # type: ignore[union-attr]
    assert panel.model.index(0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    save_screenshot(qtbot, page, screenshot_folder(tmp_path), "consultation_recordings")
