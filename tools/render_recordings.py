"""Render the recording screens to PNG, in English and Chinese: the recording bar during
note-taking, playback with note marks, and a consultation's recordings.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/render_recordings.py [OUT_DIR]

The binder, consultation and sound (a generated tone) are made up, in a temporary folder that
is deleted afterwards. The Chinese catalogue must be built first (`make translations`).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QEventLoop
from PySide6.QtWidgets import QApplication, QWidget

from casebook.core.consultations import Consultation
from casebook.core.model import Case
from casebook.core.progress import NEVER_CANCELLED, ignore_progress
from casebook.core.recordings import SPEECH_FORMAT
from casebook.services import consultations
from casebook.services.binder.session import BinderSession, create_binder
from casebook.services.recordings import capture, recordings
from casebook.store.keyslots import KdfParams
from casebook.ui.common.language import CHINESE, ENGLISH, apply_language
from casebook.ui.common.look import apply_look
from casebook.ui.common.preferences import use_settings_file
from casebook.ui.consultations.consultations_page import ConsultationsPage
from casebook.ui.consultations.note_taking_view import NoteTakingView
from casebook.ui.recordings.output import SilentOutput
from casebook.ui.recordings.player_window import RecordingPlayer
from casebook.ui.recordings.sources import GeneratedSource, tone

NOTES = {
    ENGLISH: ("The tumour is smaller than in March.", "Chemo continues; next CT in six weeks.",
              "Ask the surgeon about the liver spot."),
    CHINESE: ("肿瘤比三月份时小了。", "继续化疗；六周后再做 CT。", "问外科医生肝脏上那个小点。"),
}  # fmt: skip


def _wait_for(condition: Callable[[], bool], seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        time.sleep(0.02)


def _grab(widget: QWidget, path: Path) -> None:
    _wait_for(lambda: False, 0.3)
    widget.grab().save(str(path))
    print(path)


def _binder(folder: Path, language: str) -> tuple[BinderSession, int]:
    session = create_binder(folder, "demo demo demo 1", Case("Demo Patient"), KdfParams.minimum())
    title = "肿瘤内科复诊" if language == CHINESE else "Oncology follow-up"
    doctor = "李医生" if language == CHINESE else "Dr Li"
    cid = consultations.create_consultation(
        session.session, Consultation(0, title, "2025-03-02", doctor, "", ("Mei",))
    )
    return session.session, cid


def _render(out: Path, language: str, prefix: str) -> None:
    with tempfile.TemporaryDirectory(prefix="casebook-recordings-") as temp:
        use_settings_file(Path(temp) / "settings.ini")
        session, cid = _binder(Path(temp) / "binder", language)
        notes = NoteTakingView(
            session,
            consultations.get_consultation(session, cid),
            consultations.listed_questions(session, cid),
            [],
            author="Mei",
            sound_source=lambda: GeneratedSource(tone(1.0), SPEECH_FORMAT),
        )
        notes.resize(1280, 720)
        notes.show()
        bar = notes.recording_bar
        bar.record_button.click()
        _grab(notes, out / f"{prefix}recording_ask.png")
        bar.agreed_button.click()
        for number, text in enumerate(NOTES[language][:2]):
            due_ms = 2500 + 1000 * number  # a note every second or so, after the first 2.5 s
            _wait_for(lambda: bar.recorder.elapsed_ms > due_ms)  # noqa: B023 (waited for here)
            notes.editor.setPlainText(text)
            _wait_for(lambda: not notes.autosaver.has_unsaved)
            notes.finish_entry()
        notes.editor.setPlainText(NOTES[language][2])
        _wait_for(lambda: not notes.autosaver.has_unsaved)
        _wait_for(lambda: bar.recorder.elapsed_ms > 7000)
        _grab(notes, out / f"{prefix}recording_notes.png")
        notes.close_notes()
        _wait_for(lambda: bool(recordings.list_recordings(session, cid))
                  and recordings.list_recordings(session, cid)[0].is_ready)  # fmt: skip
        recording = recordings.list_recordings(session, cid)[0]
        notes.close()
        # Make it a longer recording for the player, with its marks spread out.
        player = RecordingPlayer(session, recording.id, recording.title, output=SilentOutput())
        player.resize(760, 520)
        player.show()
        _wait_for(lambda: player.playback is not None)
        if player.notes_model.rowCount() > 1:
            player.notes_list.setCurrentIndex(player.notes_model.index(1))
            player.play_note(player.notes_model.mark_at(1))
        _wait_for(lambda: False, 1.2)
        _grab(player, out / f"{prefix}recording_playback.png")
        player.close()
        page = ConsultationsPage(session)
        page.resize(1280, 760)
        page.show()
        _wait_for(lambda: page.recordings_panel.model.rowCount() > 0)
        _grab(page, out / f"{prefix}recording_consultation.png")
        page.close()
        capture.finish_interrupted(session, ignore_progress, NEVER_CANCELLED)
        session.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", type=Path, default=Path("docs/screenshots/recordings"))
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    apply_look(app)
    for language, prefix in ((ENGLISH, ""), (CHINESE, "zh_")):
        if not apply_language(language, app=app) and language == CHINESE:
            print("no Chinese catalogue: run `make translations` first", file=sys.stderr)
            return 1
        _render(args.out, language, prefix)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
