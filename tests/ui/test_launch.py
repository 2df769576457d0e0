"""run_gui: the whole app starts on the unlock screen of a given binder and quits cleanly.

It runs in a child process: `app.exec()` returning leaves a QApplication that ends every later
event loop at once, which would break the tests that share pytest-qt's application.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from .conftest import PASSWORD

_SCRIPT = """
import sys
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from casebook.ui.shell.launch import run_gui
from casebook.ui.shell.main_window import MainWindow

def look_and_quit():
    app = QApplication.instance()
    window = next(w for w in app.topLevelWidgets() if isinstance(w, MainWindow))
    print("NOTE:", window.unlock_page.demo_note.text())
    print("APP:", app.applicationName(), app.organizationName())
    window.close()

app = QApplication(sys.argv[:1])  # run_gui uses it; the timer needs it to exist first
QTimer.singleShot(300, look_and_quit)
sys.exit(run_gui(sys.argv[:1], settings_file=Path(sys.argv[3]), open_folder=Path(sys.argv[1]),
                 demo_password=sys.argv[2]))
"""


def test_run_gui_opens_the_unlock_screen_with_the_demo_password(
    binder_folder: Path, tmp_path: Path
) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "config"))
    settings = tmp_path / "data" / "config" / "settings.ini"
    result = subprocess.run(
        [sys.executable, "-c", _SCRIPT, str(binder_folder), PASSWORD, str(settings)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert f"NOTE: Demo binder — password: {PASSWORD}" in result.stdout
    assert "APP: Casebook Casebook" in result.stdout
    assert "Traceback" not in result.stderr
