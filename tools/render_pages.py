"""Render every page of the app, opened on a fresh demo binder, to PNG files.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/render_pages.py [OUT_DIR] [--size 1366x768]
        [--language en|zh_CN]

`--language zh_CN` shows the app in Simplified Chinese (the .qm must be built first:
`make translations` or `python tools/translations.py --release`); its files start with `zh_`.

For looking at what a user sees (the README links the results). The demo binder is fictional
and lives in a temporary folder that is deleted afterwards.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication

from casebook.resources import resource_path
from casebook.services.demo import create_demo_binder
from casebook.ui.common.language import CHINESE, ENGLISH, apply_language
from casebook.ui.common.look import apply_look
from casebook.ui.common.preferences import use_settings_file
from casebook.ui.shell.main_window import MainWindow


def _settle(seconds: float) -> None:
    """Let background jobs deliver (thumbnails, page loads) before grabbing."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        time.sleep(0.02)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", type=Path, default=Path("docs/screenshots"))
    parser.add_argument("--size", default="1366x768")
    parser.add_argument("--language", choices=(ENGLISH, CHINESE), default=ENGLISH)
    parser.add_argument("--dark", action="store_true", help="render in the dark colour scheme")
    args = parser.parse_args()
    width, height = (int(v) for v in args.size.split("x"))
    app = QApplication(sys.argv[:1])
    apply_look(app, Qt.ColorScheme.Dark if args.dark else None)
    if not apply_language(args.language, app=app) and args.language == CHINESE:
        print("no Chinese catalogue: run `make translations` first", file=sys.stderr)
        return 1
    # A machine without CJK fonts (a CI runner, a container) would draw Chinese as boxes.
    QFontDatabase.addApplicationFont(str(resource_path("fonts", "DroidSansFallbackFull.ttf")))
    prefix = "" if args.language == ENGLISH else f"{args.language.split('_')[0]}_"
    prefix = ("dark_" if args.dark else "") + prefix
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="casebook-pages-") as temp:
        use_settings_file(Path(temp) / "settings" / "settings.ini")  # never the user's own
        folder = Path(temp) / "demo binder"
        # The demo written in the language shown, as `casebook --demo` makes it.
        demo_language = "en" if args.language == ENGLISH else "zh"
        session, password = create_demo_binder(folder, language=demo_language)
        session.close()
        window = MainWindow(open_folder=folder, demo_password=password)
        window.resize(width, height)
        window.show()
        _settle(0.5)
        assert window.unlock_page is not None
        window.unlock_page.password_edit.setText(password)
        window.unlock_page.password_edit.returnPressed.emit()
        deadline = time.monotonic() + 30
        while window.workspace is None and time.monotonic() < deadline:
            _settle(0.1)
        workspace = window.workspace
        if workspace is None:
            print("the demo binder did not open", file=sys.stderr)
            return 1
        for row in range(workspace.navigation.count()):
            workspace.navigation.setCurrentRow(row)  # builds the page the first time
            page = workspace.pages.widget(row).objectName().removesuffix("_page")
            name = page or workspace.navigation.item(row).text().lower()
            _settle(2.5)
            path = args.out / f"{prefix}page_{row + 1:02d}_{name}.png"
            window.grab().save(str(path))
            print(path)
        window.lock()
        _settle(1.0)
        window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
