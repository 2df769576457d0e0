"""A realistic small lung-cancer story for timeline UI tests: a pathology PDF made with
reportlab and real lung CT slices (study date 2007-04-04) imported, and events entered."""

from __future__ import annotations

from pathlib import Path

from data_paths import lung_slices

from casebook.core.model import PartialDate
from casebook.core.progress import NEVER_CANCELLED, ignore_progress
from casebook.core.timeline import EventKind, Response, StopReason, TherapyDetails, TimelineEvent
from casebook.services import timeline
from casebook.services.binder.session import BinderSession
from casebook.services.records.importing import import_paths

P = PartialDate.parse


def write_pathology_pdf(path: Path) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    document = canvas.Canvas(str(path), pagesize=A4)
    document.setFont("Helvetica", 14)
    y = 780
    for line in (
        "SURGICAL PATHOLOGY REPORT",
        "Date of procedure: 12 May 2007",
        "Specimen: CT-guided core biopsy, right upper lobe of lung.",
        "Histology: adenocarcinoma. Immunohistochemistry: TTF-1 positive.",
    ):
        document.drawString(72, y, line)
        y -= 24
    document.showPage()
    document.save()
    return path


def import_records(session: BinderSession, folder: Path) -> None:
    slices = lung_slices(3)
    assert slices, "real DICOM test data missing"
    pdf = write_pathology_pdf(folder / "biopsy report.pdf")
    summary = import_paths(
        session, [pdf, *slices], None, ignore_progress, NEVER_CANCELLED,
        accept_other_patients=True,
    )  # fmt: skip
    assert not summary.refused
    assert summary.images_added == 3


STORY = [
    TimelineEvent(EventKind.FIRST_SYMPTOMS, "Cough and weight loss", P("2006-12")),
    TimelineEvent(EventKind.STAGING, "Stage IIIB (PET-CT)", P("2007-05-20")),
    TimelineEvent(
        EventKind.SYSTEMIC_THERAPY,
        "Carboplatin + pemetrexed",
        P("2007-06"),
        P("2007-10-02"),
        therapy=TherapyDetails("carboplatin/pemetrexed", 4, Response.PARTIAL, StopReason.COMPLETED),
    ),
    TimelineEvent(EventKind.RADIOTHERAPY, "Chest radiotherapy", P("2007-07-02"), P("2007-08-10")),
    TimelineEvent(EventKind.IMAGING, "CT chest – response", P("2007-11-15")),
    TimelineEvent(EventKind.RELAPSE_PROGRESSION, "New liver lesions", P("2008-02")),
    TimelineEvent(EventKind.CONSULTATION, "Oncology clinic, Dr Example", P("2008-02-20")),
    TimelineEvent(
        EventKind.SYSTEMIC_THERAPY,
        "Docetaxel",
        P("2008-03-03"),
        P("2008-07"),
        therapy=TherapyDetails("docetaxel", 5, Response.NOT_RECORDED, StopReason.SIDE_EFFECTS),
    ),
    TimelineEvent(EventKind.SECOND_OPINION, "Second opinion requested", P("2008-08")),
]


def enter_story(session: BinderSession) -> None:
    for event in STORY:
        timeline.save_event(session, event)
