"""The GUI's file dialogs leave no patient folder name anywhere outside the binder (issue 21.6).

Qt's file dialogs save their history and last folder in `QtProject.conf` when they close; the
audit found `…/Zqxjv Canarywright - pathology` there. Here a child process with its own home,
config, cache and temporary folders starts Casebook's UI the way the app does (settings under
the data folder), creates a binder for a patient with a canary name, and works through real
pages: adds a file and a folder with the canary in their names by the Records page's dialogs and
saves the questions sheet into a canary-named folder by the Questions page's save dialog. Then
the home folder (everything outside the family's own Documents), TMPDIR and the data folder
are searched for the canary in file names and contents, in every encoding it could take.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

from casebook.resources import resource_path

CANARY = "Zqxjv Canarywright"
CANARY_WORDS = ("Zqxjv", "Canarywright")

_CHILD = r"""
import sys, time
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit

from casebook.app.paths import AppPaths
from casebook.core.model import Case
from casebook.services.binder.session import create_binder
from casebook.services.records import documents
from casebook.store.keyslots import KdfParams
from casebook.ui.common.preferences import set_auto_lock_seconds, use_settings_file

data_dir, documents_dir, canary = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
paths = AppPaths.under(data_dir)
use_settings_file(paths.settings_file)  # what run_gui does first
app = QApplication(sys.argv[:1])

from casebook.ui.common.look import apply_look
from casebook.ui.questions.questions_page import QuestionsPage
from casebook.ui.records.records_page import RecordsPage

apply_look(app)
session = create_binder(documents_dir / "Casebook binder", "a long password 1",
                        Case(canary), KdfParams.minimum()).session

def wait_until(condition, seconds=60):
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit("timed out")
        app.processEvents()
        time.sleep(0.02)

def answer_next_dialog(path, attempts=[0]):
    # Choose `path` in the file dialog that is about to open, as a person would: go to the
    # folder, type the name (nothing for a folder: choose the one shown), press the button.
    def answer():
        attempts[0] += 1
        dialog = app.activeModalWidget()
        if attempts[0] > 200:
            print("no file dialog to answer", flush=True)
            if isinstance(dialog, QFileDialog):
                dialog.reject()
            return
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(50, answer)
            return
        folder = path.is_dir()
        dialog.setDirectory(str(path if folder else path.parent))
        dialog.findChild(QLineEdit, "fileNameEdit").setText("" if folder else path.name)
        dialog.accept()
        if dialog.isVisible():
            QTimer.singleShot(50, answer)
    attempts[0] = 0
    QTimer.singleShot(50, answer)

records = RecordsPage(session)
records.show()
source = documents_dir / f"{canary} - pathology"
answer_next_dialog(source / f"{canary} report.pdf")
def close_import_summary():
    # The "Files added" summary that follows each import, closed as a person would.
    def summary():
        return next((w for w in app.topLevelWidgets()
                     if w.objectName() == "import_summary_dialog" and w.isVisible()), None)
    wait_until(lambda: summary() is not None)
    summary().accept()

records._choose_files()
close_import_summary()
answer_next_dialog(documents_dir / f"{canary} - scans")
records._choose_folder()
close_import_summary()
wait_until(lambda: len(documents.list_documents(session)) == 2)

questions = QuestionsPage(session)
questions.show()
sheet = documents_dir / f"{canary} - for the doctor" / f"{canary} questions.pdf"
answer_next_dialog(sheet)
questions.print_controls.save_button.click()
wait_until(lambda: sheet.is_file() and sheet.stat().st_size > 1000)

set_auto_lock_seconds(300)  # a preference, saved where Casebook keeps its settings
records.close()
questions.close()
app.processEvents()
session.close()
print("done", flush=True)
"""


def _needles() -> list[bytes]:
    found = []
    for text in (CANARY, *CANARY_WORDS, quote(CANARY)):
        for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
            found.append(text.encode(encoding))
    return found


def test_file_dialogs_leave_no_patient_folder_behind(tmp_path: Path) -> None:
    home = tmp_path / "home"
    documents_dir = home / "Documents"
    temp = tmp_path / "tmp"
    data_dir = tmp_path / "casebook data"
    for folder in (documents_dir / f"{CANARY} - pathology", documents_dir / f"{CANARY} - scans",
                   documents_dir / f"{CANARY} - for the doctor", temp):  # fmt: skip
        folder.mkdir(parents=True)
    pdf = resource_path("demo", "documents", "pathology-report.pdf").read_bytes()
    (documents_dir / f"{CANARY} - pathology" / f"{CANARY} report.pdf").write_bytes(pdf)
    (documents_dir / f"{CANARY} - scans" / "note.txt").write_text("scan of a letter\n")
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("XDG_") and key not in ("HOME", "TMPDIR", "TEMP", "TMP")
    }
    env.update(HOME=str(home), TMPDIR=str(temp), TEMP=str(temp), TMP=str(temp),
               QT_QPA_PLATFORM="offscreen")  # fmt: skip
    result = subprocess.run(
        [sys.executable, "-c", _CHILD, str(data_dir), str(documents_dir), CANARY],
        env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip().endswith("done")

    # Qt's own file-dialog settings went to the data folder, with nothing the family chose.
    config = data_dir / "config"
    assert (config / "settings.ini").is_file()
    assert (config / "QtProject.conf").is_file()
    assert not list(home.rglob("QtProject.conf"))
    if os.name == "posix":
        assert stat.S_IMODE(config.stat().st_mode) == 0o700

    swept = [
        path
        for root in (home, temp, data_dir)
        for path in root.rglob("*")
        if documents_dir not in path.parents and path != documents_dir
    ]
    assert any(path.name == "QtProject.conf" for path in swept)
    needles = _needles()
    for path in swept:
        for word in CANARY_WORDS:
            assert word not in path.name, f"canary in a file name: {path}"
        if path.is_file():
            data = path.read_bytes()
            for needle in needles:
                assert needle not in data, f"{needle!r} found in plaintext in {path}"
