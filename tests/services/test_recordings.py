"""Recordings in a real binder: imported from phone files (byte for byte, de-duplicated, with
their length), recorded second by second, finished after a crash, marked by notes."""

from __future__ import annotations

from pathlib import Path

from phone_recordings import (
    FindTool,
    cut_off_m4a,
    ffprobe_seconds,
    long_mp3,
    phone_formats,
    tone_pcm,
    video_named_m4a,
    wav_seconds,
)

from casebook.core.changes import Changed
from casebook.core.consultations import Consultation
from casebook.core.progress import NEVER_CANCELLED, ignore_progress
from casebook.core.recordings import SPEECH_FORMAT, PcmFormat, RecordingProblem, RecordingRefused
from casebook.services import consultations
from casebook.services.binder.session import BinderSession, unlock_binder
from casebook.services.recordings import capture, recordings
from casebook.services.recordings.importing import import_recordings
from casebook.store.blobs import delete_unreferenced_blobs

from .conftest import PASSWORD


def _consultation(session: BinderSession) -> int:
    return consultations.create_consultation(session, Consultation(0, "Oncology", "2025-03-02"))


def test_phone_recordings_are_kept_byte_for_byte_with_their_length(
    require_tool: FindTool, tmp_path: Path, session: BinderSession
) -> None:
    files = phone_formats(require_tool, tmp_path)
    spoken = wav_seconds(files["wav"])
    cid = _consultation(session)
    with session.collecting_changes() as collected:
        summary = import_recordings(
            session, list(files.values()), cid, ignore_progress, NEVER_CANCELLED
        )
    assert collected.changes.touches(Changed.RECORDINGS)
    assert not summary.refused
    assert len(summary.added) == len(files)
    listed = recordings.list_recordings(session, cid)
    assert {r.original_name for r in listed} == {p.name for p in files.values()}
    for recording in listed:
        source = next(p for p in files.values() if p.name == recording.original_name)
        assert recordings.recording_bytes(session, recording) == source.read_bytes()
        assert abs(recording.duration_ms / 1000 - spoken) < 0.15
        assert recording.consultation_title == "Oncology"
        assert not recording.include_in_bundle  # large and personal: off until chosen
    # The same files again: nothing stored twice.
    again = import_recordings(session, [files["m4a"]], None, ignore_progress, NEVER_CANCELLED)
    assert not again.added
    assert [r.id for _p, r in again.duplicates] == [
        r.id for r in listed if r.original_name == files["m4a"].name
    ]


def test_bad_files_are_refused_each_with_its_reason_and_the_batch_goes_on(
    require_tool: FindTool, tmp_path: Path, session: BinderSession
) -> None:
    files = phone_formats(require_tool, tmp_path)
    batch = [
        video_named_m4a(require_tool, tmp_path),
        files["m4a"],
        cut_off_m4a(require_tool, tmp_path, index_first=True),
        long_mp3(require_tool, tmp_path, hours=4),
        cut_off_m4a(require_tool, tmp_path, index_first=False),
        files["amr"],
        tmp_path / "gone.m4a",
    ]
    summary = import_recordings(session, batch, None, ignore_progress, NEVER_CANCELLED)
    assert [r.original_name for r in summary.added] == [files["m4a"].name, files["amr"].name]
    problems = {r.path.name: r.problem.value for r in summary.refused}
    assert problems == {
        "consultation.m4a": RecordingProblem.VIDEO.value,
        "cut-off-faststart.m4a": RecordingProblem.DAMAGED.value,
        "left-recording-4h.mp3": RecordingProblem.TOO_LONG.value,
        "cut-off-plain.m4a": RecordingProblem.DAMAGED.value,
        "gone.m4a": "vanished",
    }
    assert all(isinstance(r, RecordingRefused) for r in summary.refused[:4])
    assert len(recordings.list_recordings(session)) == 2
    with session.reading() as db:
        staging = db.execute("SELECT count(*) FROM blobs WHERE state = 'staging'").fetchone()[0]
    assert staging == 0  # nothing half-written left behind


def test_recording_in_the_app_reaches_the_binder_and_becomes_an_m4a(
    require_tool: FindTool, tmp_path: Path, session: BinderSession
) -> None:
    cid = _consultation(session)
    rid = capture.start_recording(session, cid, "Oncology, 2 March", SPEECH_FORMAT)
    assert capture.active_recordings(session) == {rid}
    second = tone_pcm(1.0)
    for seq in range(6):
        capture.append_sound(session, rid, seq, second)
    assert capture.interrupted_recordings(session) == []  # being recorded, not interrupted
    finished = capture.finish_recording(session, rid, ignore_progress, NEVER_CANCELLED)
    assert finished is not None
    assert finished.is_ready
    assert finished.duration_ms == 6000
    assert finished.media_type == "audio/mp4"
    out = tmp_path / "out.m4a"
    out.write_bytes(recordings.recording_bytes(session, finished))
    codec, seconds = ffprobe_seconds(require_tool, out)
    assert codec == "aac"
    assert abs(seconds - 6.0) < 0.1
    with session.reading() as db:
        left = db.execute("SELECT count(*) FROM recording_segments").fetchone()[0]
    assert left == 0
    playback = recordings.load_playback(session, rid, PcmFormat(48000, 2))
    assert abs(playback.duration_ms - 6000) < 60


def test_a_recording_with_no_sound_leaves_nothing(session: BinderSession) -> None:
    rid = capture.start_recording(session, None, "", SPEECH_FORMAT)
    assert capture.finish_recording(session, rid, ignore_progress, NEVER_CANCELLED) is None
    assert recordings.list_recordings(session) == []


def test_an_interrupted_recording_is_finished_when_the_binder_is_next_opened(
    new_binder_folder: Path,
) -> None:
    session = unlock_binder(new_binder_folder, PASSWORD)
    try:
        cid = _consultation(session)
        rid = capture.start_recording(session, cid, "Surgery", SPEECH_FORMAT)
        for seq in range(3):
            capture.append_sound(session, rid, seq, tone_pcm(1.0))
    finally:
        session.close()  # as if the app had died: nobody called finish_recording
    session = unlock_binder(new_binder_folder, PASSWORD)
    try:
        assert capture.interrupted_recordings(session) == [rid]
        recovered = capture.finish_interrupted(session, ignore_progress, NEVER_CANCELLED)
        assert [r.id for r in recovered] == [rid]
        assert recovered[0].duration_ms == 3000
        assert capture.interrupted_recordings(session) == []
    finally:
        session.close()


def test_notes_taken_while_recording_are_marks_on_its_timeline(session: BinderSession) -> None:
    cid = _consultation(session)
    rid = capture.start_recording(session, cid, "", SPEECH_FORMAT)
    capture.append_sound(session, rid, 0, tone_pcm(2.0))
    first = consultations.EntryDraft(cid, "Mei")
    first.save(session, "Tumour smaller")
    second = consultations.EntryDraft(cid, "Mei")
    second.save(session, "CT in six weeks")
    assert first.entry_id is not None
    assert second.entry_id is not None
    recordings.mark_note(session, second.entry_id, rid, 61_000)
    recordings.mark_note(session, first.entry_id, rid, 12_500)
    recordings.mark_note(session, first.entry_id, rid, 99_000)  # the first mark stays
    marks = recordings.note_marks(session, rid)
    assert [(m.text, m.offset_ms) for m in marks] == [
        ("Tumour smaller", 12_500),
        ("CT in six weeks", 61_000),
    ]
    consultations.delete_entry(session, first.entry_id)
    assert [m.text for m in recordings.note_marks(session, rid)] == ["CT in six weeks"]


def test_emptying_the_trash_keeps_the_sound_of_recordings(
    require_tool: FindTool, tmp_path: Path, session: BinderSession
) -> None:
    files = phone_formats(require_tool, tmp_path)
    summary = import_recordings(session, [files["mp3"]], None, ignore_progress, NEVER_CANCELLED)
    recording = summary.added[0]
    with session.writing() as db:
        assert delete_unreferenced_blobs(db) == 0
    assert recordings.recording_bytes(session, recording) == files["mp3"].read_bytes()
    recordings.include_in_bundle(session, recording.id, True)
    recordings.move_to_trash(session, recording.id)
    assert recordings.list_recordings(session) == []
    recordings.restore_from_trash(session, recording.id)
    assert recordings.list_recordings(session)[0].include_in_bundle
