"""Slot and date suggestions from real-looking report text."""

from __future__ import annotations

from datetime import date

import pytest

from casebook.core.model import PartialDate, RecordKind
from casebook.core.suggestions import DateRole, dates_in, rank_dates, suggest_date, suggest_slot

TODAY = date(2026, 11, 22)

PATHOLOGY_EN = """SURGICAL PATHOLOGY REPORT
Patient: Test Patient   Date of birth: 12/05/1961
Specimen: right upper lobe, core biopsy
Collected: 14 March 2024
Microscopic description: invasive adenocarcinoma, acinar predominant.
Immunohistochemistry: TTF-1 positive, napsin A positive. PD-L1 TPS 60%.
"""
PATHOLOGY_ZH = """病理诊断报告
姓名：王芳  出生日期：1961年5月12日
送检日期：2024年3月14日
镜下所见：浸润性腺癌。免疫组化：TTF-1(+)。
"""
LABS = """Full blood count
Haemoglobin 118 g/L (reference range 115-160)
Platelets 250
Report date: 2024-02-29"""
CT = """CT chest with contrast.
Findings: 3.1 cm spiculated mass.
Impression: suspicious for malignancy."""


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        (PATHOLOGY_EN, "scan0001.pdf", RecordKind.PATHOLOGY),
        (PATHOLOGY_ZH, "", RecordKind.PATHOLOGY),
        (LABS, "", RecordKind.LABS),
        (CT, "", RecordKind.IMAGING),
        ("", "EGFR_NGS_report.pdf", RecordKind.MOLECULAR),
        ("", "出院小结.pdf", RecordKind.DISCHARGE_REFERRAL),
        ("", "passport scan.jpg", RecordKind.IDENTITY),
    ],
)
def test_slot_is_suggested_from_text_or_name(text: str, name: str, expected: RecordKind) -> None:
    suggestion = suggest_slot(text, name)
    assert suggestion is not None
    assert suggestion.slot is expected


def test_nothing_convincing_gives_no_suggestion() -> None:
    assert suggest_slot("Dear family, see you on Tuesday.", "IMG_2231.jpg") is None
    # "ct" inside another word does not count as CT.
    assert suggest_slot("the doctor's direct contact details", "") is None


def test_date_skips_birth_date_and_prefers_labelled_report_dates() -> None:
    assert suggest_date(PATHOLOGY_EN, TODAY) == PartialDate(2024, 3, 14)
    assert suggest_date(PATHOLOGY_ZH, TODAY) == PartialDate(2024, 3, 14)
    assert suggest_date(LABS, TODAY) == PartialDate(2024, 2, 29)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Seen on 2023/11/02 in clinic", PartialDate(2023, 11, 2)),
        ("Seen on 25.12.2023", PartialDate(2023, 12, 25)),
        ("Seen on March 5, 2022", PartialDate(2022, 3, 5)),
        ("复查时间：2021年7月", PartialDate(2021, 7)),
        ("Seen on 03/04/2024", None),  # day/month order unknowable
        ("Next visit 2031-01-01", None),  # the future is not a document date
        ("Invalid 2023-02-30", None),
        ("no dates here", None),
    ],
)
def test_date_formats(text: str, expected: PartialDate | None) -> None:
    assert suggest_date(text, TODAY) == expected


DISCHARGE_ZH = """出院小结
姓名：王芳  出生日期：1961年5月12日
入院日期：2024年3月1日  出院日期：2024年3月10日
入院诊断：胰腺占位。手术日期：2024-03-04。
出院医嘱：两周后复查。
"""
DISCHARGE_EN = """DISCHARGE SUMMARY
Date of admission: 1 March 2024 (13 day stay)
Operation date: 4 March 2024
Date of discharge: 14/03/2024
"""
PATHOLOGY_SIGNED = """SURGICAL PATHOLOGY
Specimen received: 2024-03-04
Final diagnosis: adenocarcinoma.
Signed out: 2024-03-08 by Dr K. Patel
"""
PATHOLOGY_SIGNED_ZH = """病理报告
送检日期：2024年3月4日
病理诊断：腺癌。
报告日期：2024年3月8日
"""


def test_a_discharge_summary_is_dated_the_day_of_discharge_not_of_admission() -> None:
    kind = RecordKind.DISCHARGE_REFERRAL
    assert suggest_slot(DISCHARGE_ZH, "").slot is kind  # type: ignore[union-attr]
    assert suggest_date(DISCHARGE_ZH, TODAY, kind) == PartialDate(2024, 3, 10)
    assert suggest_date(DISCHARGE_EN, TODAY, kind) == PartialDate(2024, 3, 14)


def test_a_pathology_report_is_dated_when_it_was_signed_out() -> None:
    kind = RecordKind.PATHOLOGY
    assert suggest_date(PATHOLOGY_SIGNED, TODAY, kind) == PartialDate(2024, 3, 8)
    assert suggest_date(PATHOLOGY_SIGNED_ZH, TODAY, kind) == PartialDate(2024, 3, 8)
    # Only a collection date: that is the best there is.
    assert suggest_date(PATHOLOGY_EN, TODAY, kind) == PartialDate(2024, 3, 14)


def test_an_operative_note_is_dated_by_its_operation() -> None:
    assert suggest_date(DISCHARGE_ZH, TODAY, RecordKind.OPERATIVE_NOTES) == PartialDate(2024, 3, 4)


def test_every_date_is_found_with_what_it_is_the_date_of() -> None:
    found = dates_in(DISCHARGE_ZH, TODAY)
    assert [(f.value, f.role) for f in found] == [
        (PartialDate(2024, 3, 1), DateRole.ADMISSION),
        (PartialDate(2024, 3, 10), DateRole.DISCHARGE),
        (PartialDate(2024, 3, 4), DateRole.PROCEDURE),
    ]  # the birth date is left out
    english = dates_in(DISCHARGE_EN, TODAY)
    assert [f.role for f in english] == [DateRole.ADMISSION, DateRole.PROCEDURE, DateRole.DISCHARGE]
    ranked = rank_dates(found, RecordKind.DISCHARGE_REFERRAL)
    assert [f.role for f in ranked] == [DateRole.DISCHARGE, DateRole.PROCEDURE, DateRole.ADMISSION]


def test_an_unlabelled_date_keeps_the_label_it_has_elsewhere() -> None:
    text = "Report date: 2024-03-08\nSee the findings of 2024-03-08 above."
    assert [(f.value, f.role) for f in dates_in(text, TODAY)] == [
        (PartialDate(2024, 3, 8), DateRole.REPORT)
    ]
