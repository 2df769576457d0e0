"""One screen size, in a process of its own: open every page, step and dialog and judge them.

    QT_QPA_PLATFORM=offscreen:configfile=SCREEN.json \
        python -m tests.ui.screen_run BINDER PASSWORD REPORT.json [--language zh_CN] [--shots DIR]

Run by tests/ui/test_screen_sizes.py (one process per screen, since Qt reads the screen when
the QApplication is made). It unlocks the demo binder in the main window, shows each page of
the navigation (and each step of the export wizard), then opens every dialog of
`screen_dialogs.DIALOGS` over the window, and writes what it saw as JSON: the names it checked,
the misfits `screen_fit.misfits` found, and how long it took. With `--shots` it also saves a
PNG of each, for looking at them.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

from casebook.ui.common.language import ENGLISH, apply_language
from casebook.ui.common.look import apply_look
from casebook.ui.common.preferences import use_settings_file
from casebook.ui.shell.main_window import MainWindow

from .screen_dialogs import DIALOGS, DialogContext
from .screen_fit import misfits, settle, wait_until


class Judge:
    """Collects what was checked and what did not fit, and saves pictures when asked."""

    def __init__(self, folder: Path, shots: Path | None) -> None:
        self.folder = folder
        self.checked: list[str] = []
        self.seconds: dict[str, float] = {}
        self._since = time.monotonic()
        self.problems: list[str] = []
        self.shots = shots
        if shots is not None:
            shots.mkdir(parents=True, exist_ok=True)

    def look(self, window: QWidget, where: str) -> None:
        settle()
        screen = QGuiApplication.screenAt(window.frameGeometry().center())
        screen = screen or QGuiApplication.primaryScreen()
        self.checked.append(where)
        self.seconds[where] = round(time.monotonic() - self._since, 2)
        self.problems += misfits(window, screen.availableGeometry(), where)
        if self.shots is not None:
            window.grab().save(str(self.shots / f"{where.replace('/', '_')}.png"))
        self._since = time.monotonic()


def run(folder: Path, password: str, judge: Judge) -> None:
    window = MainWindow(open_folder=folder, demo_password=password)
    window.show()
    judge.look(window, "unlock")
    assert window.unlock_page is not None
    window.unlock_page.password_edit.setText(password)
    window.unlock_page.password_edit.returnPressed.emit()
    wait_until(lambda: window.workspace is not None, "the binder to open")
    workspace = window.workspace
    assert workspace is not None
    for row in range(workspace.navigation.count()):
        workspace.navigation.setCurrentRow(row)
        name = workspace.pages.currentWidget().objectName().removesuffix("_page")
        judge.look(window, f"page/{name}")
    workspace.show_section("export")
    export = workspace.export_page
    for step in range(1, 5):
        export._show_step(step)  # every step, whether or not the one before is filled in
        judge.look(window, f"export/step{step + 1}")
    export._show_step(0)
    context = DialogContext(window, workspace.session, judge.folder)
    seen: set[str] = set()
    for factory in DIALOGS.values():
        for shown in factory(context):
            name = type(shown).__name__
            while name in seen:
                name += "+"
            seen.add(name)
            shown.show()
            judge.look(shown, f"dialog/{name}")
            shown.close()
        for top in QApplication.topLevelWidgets():
            if top is not window and top.isVisible():
                top.close()
    window.welcome_page.refresh()
    window.lock()
    window.show_welcome()
    judge.look(window, "welcome")
    settle()
    window.close()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("binder", type=Path)
    parser.add_argument("password")
    parser.add_argument("report", type=Path)
    parser.add_argument("--language", default=ENGLISH)
    parser.add_argument("--shots", type=Path)
    args = parser.parse_args()
    started = time.monotonic()
    use_settings_file(args.report.parent / f"settings-{args.report.stem}" / "settings.ini")
    app = QApplication(sys.argv[:1])
    apply_look(app)
    apply_language(args.language, app=app)
    judge = Judge(args.report.parent, args.shots)
    run(args.binder, args.password, judge)
    screen = QGuiApplication.primaryScreen()
    report = {
        "screen": [screen.availableGeometry().width(), screen.availableGeometry().height()],
        "ratio": screen.devicePixelRatio(),
        "checked": judge.checked,
        "problems": judge.problems,
        "seconds": round(time.monotonic() - started, 1),
        "slowest": sorted(judge.seconds.items(), key=lambda item: -item[1])[:8],
    }
    args.report.write_text(json.dumps(report, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
