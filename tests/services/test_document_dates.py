"""A document's date is the one that fits its kind: a Chinese discharge summary is dated the day
the patient went home, not the day of admission, and every other date it names is offered."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from casebook.core.model import PartialDate, RecordKind
from casebook.core.progress import NEVER_CANCELLED, ignore_progress
from casebook.core.suggestions import DateRole
from casebook.services import clock
from casebook.services.binder.session import BinderSession
from casebook.services.records import recognition
from casebook.services.records.importing import import_paths

from .discharge_summary import write_discharge_summary

LATER = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)


def test_a_discharge_summary_gets_its_discharge_date_and_offers_the_others(
    session: BinderSession, tmp_path: Path
) -> None:
    pdf = write_discharge_summary(tmp_path / "scan0007.pdf")
    with clock.clock_set_to(LATER):
        summary = import_paths(session, [pdf], None, ignore_progress, NEVER_CANCELLED)
        (document,) = summary.added
        found = recognition.dates_in_document(session, document.id)
    assert document.slot is RecordKind.DISCHARGE_REFERRAL
    assert document.document_date == PartialDate(2026, 10, 19)  # 出院日期, not 入院日期
    assert document.needs_review
    assert [(f.value, f.role) for f in found] == [
        (PartialDate(2026, 10, 12), DateRole.ADMISSION),
        (PartialDate(2026, 10, 19), DateRole.DISCHARGE),
        (PartialDate(2026, 10, 14), DateRole.OTHER),
    ]


def test_dates_after_today_are_not_offered(session: BinderSession, tmp_path: Path) -> None:
    pdf = write_discharge_summary(tmp_path / "scan0008.pdf")
    with clock.clock_set_to(datetime(2026, 10, 15, 9, 0, tzinfo=UTC)):
        (document,) = import_paths(session, [pdf], None, ignore_progress, NEVER_CANCELLED).added
        found = recognition.dates_in_document(session, document.id)
    # The discharge is still ahead; an admission date is never the summary's own.
    assert document.document_date == PartialDate(2026, 10, 14)
    assert [f.value for f in found] == [PartialDate(2026, 10, 12), PartialDate(2026, 10, 14)]
