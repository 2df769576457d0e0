"""Dates, times and sizes follow the interface locale; sorting stays chronological.

The formatters are checked in US and British English, Simplified Chinese and (for the decimal
comma) German; then the Records documents table and the Imaging studies table on real small
binders show localized dates while their sort keys stay ISO.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from data_paths import LUNG_SERIES
from PySide6.QtCore import QLocale, Qt
from pytestqt.qtbot import QtBot

from casebook.core.model import Case, DocumentEdit, PartialDate
from casebook.core.progress import NEVER_CANCELLED, ignore_progress
from casebook.services.binder.session import BinderSession, create_binder
from casebook.services.imaging import records as imaging_records
from casebook.services.imaging.importing import import_scan, scan_media
from casebook.services.records import documents as records
from casebook.store.keyslots import KdfParams
from casebook.ui.common import tasks
from casebook.ui.common.labels import (
    format_date_text,
    format_partial_date,
    format_size,
    format_timestamp,
)
from casebook.ui.imaging.studies_model import StudiesModel, StudyColumn, StudySortRole
from casebook.ui.records.documents_model import DocumentColumn
from casebook.ui.records.records_page import RecordsPage

from .conftest import PASSWORD
from .records_samples import import_records

US = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
UK = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
CHINA = QLocale(
    QLocale.Language.Chinese, QLocale.Script.SimplifiedChineseScript, QLocale.Country.China
)
GERMANY = QLocale(QLocale.Language.German, QLocale.Country.Germany)


@pytest.fixture
def in_locale() -> Iterator[type[QLocale]]:
    """QLocale.setDefault for the test, restored afterwards."""
    before = QLocale()
    yield QLocale
    QLocale.setDefault(before)


@pytest.fixture
def shanghai_time(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def dates(*texts: str) -> list[str]:
    return [format_partial_date(PartialDate.parse(text)) for text in texts]


def test_partial_dates_in_english_and_chinese(in_locale: type[QLocale]) -> None:
    in_locale.setDefault(US)
    assert dates("2024", "2024-03", "2024-03-14") == ["2024", "March 2024", "Mar 14, 2024"]
    in_locale.setDefault(UK)
    assert dates("2024", "2024-03", "2024-03-14") == ["2024", "March 2024", "14 Mar 2024"]
    in_locale.setDefault(CHINA)
    assert dates("2024", "2024-03", "2024-03-14") == ["2024", "2024年3月", "2024年3月14日"]
    assert format_partial_date(None) == ""
    assert format_partial_date(None, "no date") == "no date"


def test_stored_date_text_is_formatted_or_kept(in_locale: type[QLocale]) -> None:
    in_locale.setDefault(CHINA)
    assert format_date_text("2025-03-02") == "2025年3月2日"
    assert format_date_text(None, "?") == "?"
    assert format_date_text("") == ""
    assert format_date_text("next spring") == "next spring"  # never hidden


def test_timestamps_are_shown_in_local_time(in_locale: type[QLocale], shanghai_time: None) -> None:
    stamp = "2026-11-22T01:27:00+00:00"  # 09:27 in Shanghai
    in_locale.setDefault(CHINA)
    assert format_timestamp(stamp) == "2026年11月22日 09:27"
    in_locale.setDefault(UK)
    assert format_timestamp(stamp) == "22 Nov 2026 09:27"
    in_locale.setDefault(US)
    assert format_timestamp(stamp).replace("\u202f", " ") == "Nov 22, 2026 9:27 AM"
    assert format_timestamp(None, "never") == "never"
    assert format_timestamp("garbled") == "garbled"


def test_sizes_use_the_locale_decimal_mark(in_locale: type[QLocale]) -> None:
    in_locale.setDefault(US)
    assert [format_size(n) for n in (12, 1536, 2_500_000)] == ["12 bytes", "1.5 KB", "2.5 MB"]
    in_locale.setDefault(GERMANY)
    assert format_size(1536) == "1,5 KB"
    in_locale.setDefault(CHINA)
    assert format_size(1536) == "1.5 KB"


def test_documents_table_shows_local_dates_and_sorts_by_date(
    qtbot: QtBot, session: BinderSession, tmp_path: Path, in_locale: type[QLocale]
) -> None:
    imported = import_records(session, tmp_path / "records")
    # Written so that alphabetical order of the shown text differs from the calendar.
    wanted = {"pathology": "2024-03-14", "chinese": "2023-11", "scan": "2024-10-02"}
    for key, text in wanted.items():
        document = imported[key]
        edit = dataclasses.replace(DocumentEdit.of(document), document_date=PartialDate.parse(text))
        records.edit_document(session, document.id, edit)
    in_locale.setDefault(US)
    page = RecordsPage(session)
    qtbot.addWidget(page)
    page.resize(1100, 760)
    page.show()
    qtbot.waitUntil(lambda: page.snapshot is not None, timeout=20_000)
    proxy = page.documents.proxy
    proxy.sort(DocumentColumn.DATE, Qt.SortOrder.AscendingOrder)
    shown = [proxy.index(row, DocumentColumn.DATE).data() for row in range(proxy.rowCount())]
    assert shown == ["November 2023", "Mar 14, 2024", "Oct 2, 2024", "No date"]
    proxy.sort(DocumentColumn.DATE, Qt.SortOrder.DescendingOrder)
    shown = [proxy.index(row, DocumentColumn.DATE).data() for row in range(proxy.rowCount())]
    assert shown[1:] == ["Oct 2, 2024", "Mar 14, 2024", "November 2023"]
    qtbot.waitUntil(lambda: not tasks._running, timeout=30_000)


@pytest.fixture
def lung_binder(tmp_path: Path) -> Iterator[BinderSession]:
    case = Case("Lung_Dx-A0001", None, "")
    created = create_binder(tmp_path / "binder", PASSWORD, case, KdfParams.minimum())
    yield created.session
    created.session.close()


def test_studies_table_shows_local_date_and_keeps_iso_sort_key(
    qtbot: QtBot, lung_binder: BinderSession, in_locale: type[QLocale]
) -> None:
    slices = sorted(LUNG_SERIES.glob("*.dcm"))[:2]
    if not slices:
        pytest.fail(f"real DICOM test data missing under {LUNG_SERIES}")
    scan = scan_media(slices, ignore_progress, NEVER_CANCELLED)
    import_scan(lung_binder, scan, ignore_progress, NEVER_CANCELLED)
    studies = imaging_records.list_studies(lung_binder)
    in_locale.setDefault(CHINA)
    model = StudiesModel()
    model.set_entries(studies, {})
    index = model.index(0, StudyColumn.DATE)
    assert index.data() == "2007年4月4日"
    assert index.data(StudySortRole) == "2007-04-04"
