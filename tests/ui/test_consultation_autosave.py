"""Every keystroke is safe: a child process types into the note editor (real key events,
offscreen), is killed with SIGKILL mid-typing, and the binder holds what was on screen a
second before the kill."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from casebook.core.consultations import Consultation
from casebook.core.model import Case
from casebook.services import consultations
from casebook.services.binder.session import create_binder, unlock_binder
from casebook.services.questions import questions
from casebook.store.keyslots import KdfParams

PASSWORD = "amber kettle 19 meadow"
TYPED = "Dr Li says the scan shows the tumour is smaller; next CT in six weeks. " * 10
KEY_INTERVAL_MS = 15
TYPE_FOR_S = 2.5


def _child(folder: str, consultation_id: str) -> None:
    """Open the binder, show the note editor and type TYPED key by key, reporting progress."""
    from PySide6.QtCore import QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from casebook.ui.common.look import apply_look
    from casebook.ui.common.preferences import use_settings_file
    from casebook.ui.consultations.note_taking_view import NoteTakingView

    app = QApplication([])
    apply_look(app)
    # As the app does first thing: settings in a folder of their own, never the user's.
    use_settings_file(Path(folder).parent / "child settings" / "settings.ini")
    session = unlock_binder(Path(folder), PASSWORD)
    cid = int(consultation_id)
    view = NoteTakingView(
        session,
        consultations.get_consultation(session, cid),
        consultations.listed_questions(session, cid),
        consultations.list_entries(session, cid),
        author="Mei",
    )
    view.resize(1100, 700)
    view.show()
    view.editor.setFocus()
    position = [0]

    def type_one() -> None:
        if position[0] >= len(TYPED):
            return
        QTest.keyClicks(view.editor, TYPED[position[0]])
        position[0] += 1
        print(len(view.editor.toPlainText()), flush=True)

    timer = QTimer()
    timer.timeout.connect(type_one)
    timer.start(KEY_INTERVAL_MS)
    print("ready", flush=True)
    app.exec()


def test_killed_while_typing_keeps_what_was_on_screen_a_second_earlier(tmp_path: Path) -> None:
    folder = tmp_path / "binder"
    created = create_binder(folder, PASSWORD, Case("Ada Example"), KdfParams.minimum())
    session = created.session
    questions.add_own_question(session, "How big is it now?")
    cid = consultations.create_consultation(session, Consultation(0, "Oncology", "2025-03-02"))
    session.close()

    shown: list[tuple[float, int]] = []  # (time seen, characters on screen)
    with subprocess.Popen(
        [sys.executable, __file__, str(folder), str(cid)],
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
                    shown.append((time.monotonic(), int(line)))

        reader = threading.Thread(target=read, daemon=True)
        reader.start()
        deadline = time.monotonic() + 30
        while not shown and time.monotonic() < deadline and child.poll() is None:
            time.sleep(0.05)
        assert shown, f"the child never typed: {child.stderr.read() if child.stderr else ''}"
        time.sleep(TYPE_FOR_S)
        killed_at = time.monotonic()
        child.send_signal(signal.SIGKILL)
        child.wait()
        reader.join(timeout=5)

    on_screen_before = max((n for t, n in shown if t <= killed_at - 1.0), default=0)
    typed_at_kill = max(n for _t, n in shown)
    assert on_screen_before > 20, "typing too slow to test anything"
    assert typed_at_kill < len(TYPED), "the kill came after typing had finished"

    reopened = unlock_binder(folder, PASSWORD)
    try:
        entries = consultations.list_entries(reopened, cid)
    finally:
        reopened.close()
    assert len(entries) == 1
    saved = entries[0].text
    assert entries[0].author == "Mei"
    assert TYPED.startswith(saved)
    assert len(saved) >= on_screen_before, (len(saved), on_screen_before, typed_at_kill)
    print(f"saved {len(saved)}, on screen 1 s before {on_screen_before}, at kill {typed_at_kill}")


if __name__ == "__main__":
    _child(sys.argv[1], sys.argv[2])
