"""Render the screens issue 14 changed, in English and Simplified Chinese, to PNG files.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/render_calm.py [OUT_DIR]

Opens a fresh demo binder (as tools/render_pages.py does) once per language and saves, into
OUT_DIR (default docs/screenshots/calm/), the new-opinion form, a date field with typed text,
the follow-up questions dialog, the export wizard's e-mail delivery step and its "How to send
it" guide, the decision dialog, and a message bar after saving a PDF. English files start with
`en_`, Chinese ones with `zh_`. The window is 1366×768; a dialog is saved at its own size.

The Chinese catalogue must be built first (`make translations`). The demo binder is fictional
and lives in a temporary folder that is deleted afterwards.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QEventLoop
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from casebook.resources import resource_path
from casebook.services.demo import create_demo_binder
from casebook.services.opinions import opinions as opinions_service
from casebook.ui.common.language import CHINESE, ENGLISH, apply_language
from casebook.ui.common.look import apply_look
from casebook.ui.common.preferences import use_settings_file
from casebook.ui.opinions.follow_up_dialog import FollowUpDialog
from casebook.ui.shell.main_window import MainWindow

WIDTH, HEIGHT = 1366, 768


def _process(rounds: int = 5) -> None:
    for _ in range(rounds):
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)


def _wait_until(condition: Callable[[], object], timeout: float = 30.0) -> bool:
    """Process events until `condition()` holds (False if it never did within `timeout`)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            _process()
            return True
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)
    return False


def _save(widget: QWidget, path: Path) -> None:
    _process(10)
    widget.grab().save(str(path))
    print(path)


def _close(dialog: QDialog) -> None:
    dialog.reject()
    _process()


def render(language: str, out: Path) -> int:
    app = QApplication(sys.argv[:1])
    apply_look(app, None)
    if not apply_language(language, app=app) and language == CHINESE:
        print("no Chinese catalogue: run `make translations` first", file=sys.stderr)
        return 1
    # A machine without CJK fonts (a CI runner, a container) would draw Chinese as boxes.
    QFontDatabase.addApplicationFont(str(resource_path("fonts", "DroidSansFallbackFull.ttf")))
    short = "en" if language == ENGLISH else "zh"
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="casebook-calm-") as temp:
        use_settings_file(Path(temp) / "settings" / "settings.ini")  # never the user's own
        folder = Path(temp) / "demo binder"
        session, password = create_demo_binder(folder, language=short)
        session.close()
        window = MainWindow(open_folder=folder, demo_password=password)
        window.resize(WIDTH, HEIGHT)
        window.show()
        _wait_until(lambda: window.unlock_page is not None)
        assert window.unlock_page is not None
        window.unlock_page.password_edit.setText(password)
        window.unlock_page.password_edit.returnPressed.emit()
        if not _wait_until(lambda: window.workspace is not None, 60):
            print("the demo binder did not open", file=sys.stderr)
            return 1
        workspace = window.workspace
        assert workspace is not None

        def show_page(page: QWidget) -> None:
            workspace.pages.setCurrentWidget(page)
            row = workspace.pages.currentIndex()
            workspace.navigation.setCurrentRow(row)
            _process(10)

        # 1. A new opinion: the five main fields, "More details" folded.
        opinions = workspace.opinions_page
        show_page(opinions)
        _wait_until(lambda: opinions.loaded)
        dialog = opinions.open_editor(None)
        _wait_until(dialog.isVisible)
        _save(dialog, out / f"{short}_1_new_opinion.png")
        _close(dialog)

        # 5. The decision dialog (today's date, the patient's goals field).
        decision = opinions.open_decision(None)
        _wait_until(decision.isVisible)
        _save(decision, out / f"{short}_5_decision.png")
        # 2. A date typed as a month: the reading line under it says how it was read.
        decision.date_edit.text_edit.setFocus()
        decision.date_edit.text_edit.setText("2024-03")
        _save(decision, out / f"{short}_2_date_typed.png")
        decision.date_edit.text_edit.setText("31/02/2024")
        _save(decision, out / f"{short}_2_date_problem.png")
        _close(decision)

        # 3. The follow-up questions the first two opinions' differences raise.
        ids = [o.id for o in opinions.opinions[:2] if o.id is not None]
        proposed = opinions_service.propose_follow_up_questions(workspace.session, ids, short)
        follow_up = FollowUpDialog(proposed, opinions)
        follow_up.open()
        _wait_until(follow_up.isVisible)
        _save(follow_up, out / f"{short}_3_follow_up_questions.png")
        _close(follow_up)
        # The demo's list already holds these questions; as they look when none is listed yet:
        fresh = [replace(question, already_listed=False) for question in proposed]
        follow_up = FollowUpDialog(fresh, opinions)
        follow_up.open()
        _wait_until(follow_up.isVisible)
        _save(follow_up, out / f"{short}_3_follow_up_questions_new.png")
        _close(follow_up)

        # 6. A message bar after saving a PDF, with its Open folder button.
        medicines = workspace.medicines_page
        show_page(medicines)
        pdf_folder = Path(temp) / "Documents"
        pdf_folder.mkdir()
        medicines.pdf._saved(pdf_folder / medicines.pdf.file_name())
        _save(window, out / f"{short}_6_saved_pdf_message.png")

        # 4. The export wizard: delivery by e-mail with its parts count, then the guide.
        export = workspace.export_page
        show_page(export)
        _wait_until(lambda: export.choices is not None)
        export.profile_step.choose("own-copy")
        export.go_next()
        export.details.institution_edit.setText(
            "Example Cancer Centre" if short == "en" else "示例肿瘤医院"
        )
        export.go_next()
        export.contents.language_radios["en+zh"].setChecked(True)
        export.go_next()
        delivery = export.delivery
        delivery.email_radio.setChecked(True)
        _wait_until(lambda: delivery.parts_needed() is not None, 60)
        if (delivery.parts_needed() or 0) < 2:
            delivery.volume_spin.setValue(1)  # the small demo binder: show a count of parts
            _wait_until(lambda: delivery.parts_needed() is not None, 60)
        _save(window, out / f"{short}_4_export_email.png")
        bundles = Path(temp) / "bundles"
        bundles.mkdir()
        delivery.folder_edit.setText(str(bundles))
        export.go_next()
        if _wait_until(lambda: export.preview is not None, 60):
            export.next_button.click()
            if _wait_until(lambda: export.result is not None, 180):
                export.password_panel.saved_check.setChecked(True)
                export.password_panel.finish_button.click()
                _wait_until(lambda: export.stack.currentWidget() is export.send_guide)
                _save(window, out / f"{short}_4_send_guide.png")
            else:
                print("the bundle was not sealed in time", file=sys.stderr)
        else:
            print("the review step did not load", file=sys.stderr)

        window.lock()
        _process(20)
        window.close()
        _process(20)
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", type=Path, default=Path("docs/screenshots/calm"))
    parser.add_argument("--language", choices=(ENGLISH, CHINESE), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.language:
        return render(args.language, args.out)
    # One process per language: each opens its own demo binder in its own language.
    for language in (ENGLISH, CHINESE):
        command = [sys.executable, __file__, str(args.out), "--language", language]
        result = subprocess.run(command, check=False)
        if result.returncode:
            return result.returncode
    return 0


if __name__ == "__main__":
    sys.exit(main())
