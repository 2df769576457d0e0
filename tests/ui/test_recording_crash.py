"""A crash while recording loses only the last moment: a child process records a consultation
in the note-taking view (fed by a generated speech source, as this machine has no microphone),
is killed with SIGKILL mid-recording, and the binder holds every second heard until two seconds
before the kill, which becomes a playable recording when the binder is next opened."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

from casebook.core.consultations import Consultation
from casebook.core.model import Case
from casebook.core.progress import NEVER_CANCELLED, ignore_progress
from casebook.importers.audio import decode_pcm
from casebook.services import consultations
from casebook.services.binder.session import create_binder, unlock_binder
from casebook.services.recordings import capture, recordings
from casebook.store.keyslots import KdfParams

PASSWORD = "amber kettle 19 meadow"
RECORD_FOR_S = 4.0
# The recorder hands sound over once a second and each hand-over commits at once.
MAY_LOSE_S = 2.0


def _child(folder: str, consultation_id: str, wav: str) -> None:
    """Open the binder, start recording in the note-taking view, report the time heard."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from casebook.core.recordings import SPEECH_FORMAT
    from casebook.ui.common.look import apply_look
    from casebook.ui.common.preferences import use_settings_file
    from casebook.ui.consultations.note_taking_view import NoteTakingView
    from casebook.ui.recordings.sources import GeneratedSource

    app = QApplication([])
    apply_look(app)
    # As the app does first thing: settings in a folder of their own, never the user's.
    use_settings_file(Path(folder).parent / "child settings" / "settings.ini")
    session = unlock_binder(Path(folder), PASSWORD)
    cid = int(consultation_id)
    speech = decode_pcm(Path(wav).read_bytes(), 16000, 1)
    view = NoteTakingView(
        session,
        consultations.get_consultation(session, cid),
        consultations.listed_questions(session, cid),
        [],
        author="Mei",
        sound_source=lambda: GeneratedSource(speech, SPEECH_FORMAT),
    )
    view.resize(1100, 700)
    view.show()
    view.recording_bar.record_button.click()
    view.recording_bar.agreed_button.click()

    def report() -> None:
        if view.recording_bar.recorder.recording_id is not None:
            print(view.recording_bar.recorder.elapsed_ms, flush=True)

    timer = QTimer()
    timer.timeout.connect(report)
    timer.start(50)
    app.exec()


def test_killed_while_recording_keeps_all_but_the_last_moment(
    tmp_path: Path, require_tool: Callable[..., Path]
) -> None:
    from phone_recordings import speech_wav  # the tests' folder is not on the child's path

    wav = speech_wav(require_tool, tmp_path)
    folder = tmp_path / "binder"
    session = create_binder(folder, PASSWORD, Case("Ada Example"), KdfParams.minimum()).session
    cid = consultations.create_consultation(session, Consultation(0, "Oncology", "2025-03-02"))
    session.close()

    heard: list[tuple[float, int]] = []  # (time seen, ms of sound heard)
    with subprocess.Popen(
        [sys.executable, __file__, str(folder), str(cid), str(wav)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    ) as child:
        assert child.stdout is not None

        def read() -> None:
            assert child.stdout is not None
            for line in child.stdout:
                if line.strip().isdigit():
                    heard.append((time.monotonic(), int(line)))

        reader = threading.Thread(target=read, daemon=True)
        reader.start()
        deadline = time.monotonic() + 60
        while not heard and time.monotonic() < deadline and child.poll() is None:
            time.sleep(0.05)
        assert heard, f"the child never recorded: {child.stderr.read() if child.stderr else ''}"
        time.sleep(RECORD_FOR_S)
        killed_at = time.monotonic()
        child.send_signal(signal.SIGKILL)
        child.wait()
        reader.join(timeout=5)

    heard_before = max((ms for t, ms in heard if t <= killed_at - MAY_LOSE_S), default=0)
    heard_at_kill = max(ms for _t, ms in heard)
    assert heard_before >= 1500, "recording too short to test anything"

    reopened = unlock_binder(folder, PASSWORD)
    try:
        interrupted = capture.interrupted_recordings(reopened)
        assert len(interrupted) == 1
        saved = capture.finish_interrupted(reopened, ignore_progress, NEVER_CANCELLED)
        assert len(saved) == 1
        recording = saved[0]
        assert recording.consultation_id == cid
        assert heard_before <= recording.duration_ms <= heard_at_kill + 100, (
            heard_before,
            recording.duration_ms,
            heard_at_kill,
        )
        # What was kept is the speech itself, playable.
        pcm = decode_pcm(recordings.recording_bytes(reopened, recording), 16000, 1)
        samples = memoryview(pcm).cast("h")
        assert max(abs(s) for s in samples) > 3000
    finally:
        reopened.close()
    print(f"kept {recording.duration_ms} ms; heard {heard_before} ms 2 s before the kill, "
          f"{heard_at_kill} ms at the kill")  # fmt: skip


if __name__ == "__main__":
    _child(sys.argv[1], sys.argv[2], sys.argv[3])
