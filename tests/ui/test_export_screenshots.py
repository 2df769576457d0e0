"""Renders the export wizard offscreen on the demo binder: its steps, the password, how to send.

With CASEBOOK_SCREENSHOTS_DIR=docs/screenshots they become export.png and export_password.png.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pytestqt.qtbot import QtBot

from casebook.services.demo import create_demo_binder
from casebook.services.records import documents as records
from casebook.ui.export.export_page import ExportPage

from .conftest import close_on_writer_lane
from .screenshots import save_screenshot, screenshot_folder


def test_screenshots_of_the_export_wizard(qtbot: QtBot, tmp_path: Path) -> None:
    out = screenshot_folder(tmp_path / "shots")
    session, _password = create_demo_binder(tmp_path / "demo binder")
    for document in records.list_documents(session)[:2]:  # the family confirmed two of three
        records.confirm_document(session, document.id)
    page = ExportPage(session, today=lambda: date(2026, 11, 22))
    qtbot.addWidget(page)
    page.resize(1280 - 210, 860 - 70)  # the page's share of a 1280 × 860 main window
    page.show()
    qtbot.waitUntil(lambda: page.choices is not None, timeout=10_000)
    page.profile_step.choose("china-mdt")
    shots = [save_screenshot(qtbot, page, out, "export_profile")]
    page.go_next()
    page.details.institution_edit.setText("Example Cancer Centre (fictional)")
    page.details.department_edit.setText("International Patient Office")
    page.details.contact_edit.setText("ipo@example.org")
    page.details.country_edit.setText("China")
    page.details.sender_name_edit.setText("Lin Hua")
    page.details.relationship_edit.setText("daughter")
    shots.append(save_screenshot(qtbot, page, out, "export_recipient"))
    page.go_next()
    page.contents.language_radios["en+zh"].setChecked(True)
    page.contents.choose_radio.setChecked(True)
    shots.append(save_screenshot(qtbot, page, out, "export_contents"))
    page.contents.everything_radio.setChecked(True)
    page.go_next()
    bundle_folder = tmp_path / "bundle"
    bundle_folder.mkdir()
    page.delivery.volume_spin.setValue(1)  # small parts, to show several in the picture
    page.delivery.folder_edit.setText(str(bundle_folder))
    shots.append(save_screenshot(qtbot, page, out, "export_delivery"))
    page.go_next()
    qtbot.waitUntil(lambda: page.preview is not None, timeout=20_000)
    shots.append(save_screenshot(qtbot, page, out, "export"))
    page.next_button.click()
    qtbot.waitUntil(lambda: page.result is not None, timeout=60_000)
    shots.append(save_screenshot(qtbot, page, out, "export_password"))
    page.password_panel.saved_check.setChecked(True)
    page.password_panel.finish_button.click()
    shots.append(save_screenshot(qtbot, page, out, "export_send_guide"))
    for shot in shots:
        assert shot.stat().st_size > 10_000
    page.stop_work()
    close_on_writer_lane(qtbot, session)
