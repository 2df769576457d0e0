"""A discharge summary's details in the Records page: its discharge date is suggested, the other
dates it names are offered under the field, and choosing one is one click."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from services.discharge_summary import write_discharge_summary

from casebook.core.model import PartialDate, RecordKind
from casebook.core.progress import NEVER_CANCELLED, ignore_progress
from casebook.services import clock
from casebook.services.binder.session import BinderSession
from casebook.services.records import documents as records
from casebook.services.records.importing import import_paths
from casebook.ui.common import tasks
from casebook.ui.common.labels import format_partial_date
from casebook.ui.common.language import CHINESE, ENGLISH, apply_language
from casebook.ui.records.records_page import RecordsPage

from .screenshots import save_screenshot, screenshot_folder
from .test_date_field import with_chinese_font

LATER = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def fixed_clock(qtbot: QtBot, session: BinderSession) -> Iterator[None]:
    with clock.clock_set_to(LATER):
        yield
        qtbot.waitUntil(lambda: not tasks._running, timeout=30_000)


def test_the_other_dates_of_a_discharge_summary_are_one_click_away(
    qtbot: QtBot, session: BinderSession, tmp_path: Path
) -> None:
    pdf = write_discharge_summary(tmp_path / "scan0007.pdf")
    (document,) = import_paths(session, [pdf], None, ignore_progress, NEVER_CANCELLED).added
    assert document.document_date == PartialDate(2026, 10, 19)
    page = RecordsPage(session)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.snapshot is not None, timeout=20_000)
    dialog = page.edit_document(document)
    qtbot.waitUntil(lambda: bool(dialog.date_buttons))
    assert dialog.dates_box.isVisible()
    # The date in the field is not offered again; the admission date is offered last.
    oct_12, oct_14, oct_19 = (format_partial_date(PartialDate(2026, 10, d)) for d in (12, 14, 19))
    assert [b.text() for b in dialog.date_buttons] == [oct_14, f"{oct_12} (admission)"]
    qtbot.mouseClick(dialog.date_buttons[1], Qt.MouseButton.LeftButton)
    assert dialog.date_edit.value() == PartialDate(2026, 10, 12)
    assert dialog.date_edit.reading_text() == f"Read as {oct_12}"
    qtbot.waitUntil(lambda: dialog.date_buttons[0].text() == f"{oct_19} (discharge)")
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        dialog.save_button.click()
    (stored,) = records.list_documents(session)
    assert stored.document_date == PartialDate(2026, 10, 12)
    assert stored.slot is RecordKind.DISCHARGE_REFERRAL
    assert not stored.needs_review  # the family chose the date themselves


def test_screenshots_of_the_offered_dates(
    qtbot: QtBot, session: BinderSession, tmp_path: Path
) -> None:
    pdf = write_discharge_summary(tmp_path / "scan0007.pdf")
    (document,) = import_paths(session, [pdf], None, ignore_progress, NEVER_CANCELLED).added
    folder = screenshot_folder(tmp_path)
    with_chinese_font()
    for language in (ENGLISH, CHINESE):
        apply_language(language)
        try:
            page = RecordsPage(session)
            qtbot.addWidget(page)
            page.show()
            qtbot.waitUntil(lambda p=page: p.snapshot is not None, timeout=20_000)
            dialog = page.edit_document(document)
            qtbot.waitUntil(lambda d=dialog: bool(d.date_buttons))
            save_screenshot(qtbot, dialog, folder, f"document_dates_{language}")
            dialog.reject()
        finally:
            apply_language(ENGLISH)
