"""Real inputs for the bundle tests: DICOM copied into tests/data (see PROVENANCE.md), the demo
CT slices, PDFs made with reportlab and a PNG made with Pillow."""

from __future__ import annotations

import hashlib
import io
from collections.abc import Iterator
from pathlib import Path

import pydicom
from data_paths import PYDICOM_FILES, TRANSFER_SYNTAXES
from PIL import Image
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from casebook.bundle.case_facts import (
    CaseAtAGlance,
    Contact,
    ImagingCount,
    QuestionEntry,
    SlotState,
    StatedStage,
    SummaryContent,
    TimelineEntry,
)
from casebook.bundle.plan import (
    BundlePlan,
    DicomItem,
    DocumentItem,
    OpenChunks,
    Recipient,
    Sender,
)
from casebook.core.decision_moment import DecisionMoment
from casebook.core.model import Case, PartialDate, RecordKind
from casebook.core.opinions import FieldValue, Opinion, OpinionField, compare
from casebook.core.timeline import EventKind, Response, StopReason, TherapyDetails, TimelineEvent
from casebook.resources import resource_path

DEMO_CT = resource_path("demo", "ct")
PATIENT_NAME = "Mei Lin"  # the demo CT is labelled LIN^MEI (resources/demo/ct/PROVENANCE.md)


def chunks_of(data: bytes, size: int = 7000) -> OpenChunks:
    """An `open_chunks` over bytes held by the test, in uneven chunks like the binder's."""

    def open_chunks() -> Iterator[bytes]:
        for start in range(0, len(data), size):
            yield data[start : start + size]

    return open_chunks


def dicom_item(path: Path) -> DicomItem:
    """What the imaging index would record for one real DICOM file."""
    data = path.read_bytes()
    ds = pydicom.dcmread(path, stop_before_pixels=True)

    def text(keyword: str) -> str:
        value = ds.get(keyword, "")
        return "" if value is None else str(value)

    return DicomItem(
        study_instance_uid=text("StudyInstanceUID"),
        series_instance_uid=text("SeriesInstanceUID"),
        sop_instance_uid=text("SOPInstanceUID"),
        sop_class_uid=text("SOPClassUID"),
        transfer_syntax_uid=str(ds.file_meta.TransferSyntaxUID),
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        open_chunks=chunks_of(data),
        patient_id=text("PatientID"),
        patient_name=text("PatientName"),
        patient_birth_date=text("PatientBirthDate"),
        modality=text("Modality"),
        study_date=text("StudyDate"),
        accession_number=text("AccessionNumber"),
        study_description=text("StudyDescription"),
        series_number=text("SeriesNumber"),
        series_description=text("SeriesDescription"),
        instance_number=text("InstanceNumber"),
        frames=int(ds.get("NumberOfFrames", 1) or 1),
    )


def sample_dicom_paths() -> list[Path]:
    """Three demo CT slices (empty StudyID), a CT and an MR with their own StudyID and
    StudyTime, a 15-frame RT dose, an RT plan, a structured report without study date or
    patient ID, and a JPEG Lossless MR slice."""
    return [
        *sorted(DEMO_CT.glob("*.dcm"))[:3],
        PYDICOM_FILES / "CT_small.dcm",
        PYDICOM_FILES / "MR_small.dcm",
        PYDICOM_FILES / "rtdose.dcm",
        PYDICOM_FILES / "rtplan.dcm",
        PYDICOM_FILES / "test-SR.dcm",
        TRANSFER_SYNTAXES / "5.dcm",
    ]


def make_pdf(title: str, pages: int = 2) -> bytes:
    """A small real PDF document."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    for page in range(pages):
        pdf.drawString(72, 760, f"{title} - page {page + 1}")
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def make_png() -> bytes:
    """A small real PNG (a photo of a paper record, as a phone would save it)."""
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), (200, 180, 150)).save(buffer, format="PNG")
    return buffer.getvalue()


def document_item(
    title: str, slot: RecordKind, original_name: str, data: bytes, media_type: str, **extra: object
) -> DocumentItem:
    return DocumentItem(
        title=title,
        slot=slot,
        original_name=original_name,
        media_type=media_type,
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        open_chunks=chunks_of(data),
        **extra,  # type: ignore[arg-type]
    )


def sample_opinions() -> tuple[Opinion, Opinion]:
    first = Opinion(
        "Dr. A. Surgeon", institution="City Hospital", given_on=PartialDate(2024, 4), id=1,
        fields={
            OpinionField.DIAGNOSIS: FieldValue("Adenocarcinoma"),
            OpinionField.STAGE: FieldValue("IIIA"),
            OpinionField.RECOMMENDED_PLAN: FieldValue("Surgery first, then chemotherapy"),
        },
    )  # fmt: skip
    second = Opinion(
        "Tumour board B", institution="Lakeside Clinic", given_on=PartialDate(2024, 5), id=2,
        fields={
            OpinionField.DIAGNOSIS: FieldValue("Adenocarcinoma"),
            OpinionField.STAGE: FieldValue("IIIB"),
            OpinionField.RECOMMENDED_PLAN: FieldValue("Chemoradiation"),
        },
    )  # fmt: skip
    return first, second


def sample_records() -> tuple[SlotState, ...]:
    return (
        SlotState(RecordKind.PATHOLOGY, held=2, enclosed=2),
        SlotState(RecordKind.IMAGING, held=9, enclosed=9),
        SlotState(RecordKind.LABS, held=1, enclosed=1),
        SlotState(RecordKind.HISTORY),
        SlotState(
            RecordKind.MOLECULAR,
            requested=True,
            requested_on=PartialDate(2024, 5),
            requested_from="City Hospital lab",
        ),
        SlotState(RecordKind.OPERATIVE_NOTES, note="no surgery records yet"),
        SlotState(RecordKind.IDENTITY, not_needed=True),
        SlotState(RecordKind.DISCHARGE_REFERRAL, held=2, enclosed=2),
        SlotState(RecordKind.OTHER),
    )


def sample_summary(records: tuple[SlotState, ...]) -> SummaryContent:
    chemo = TimelineEntry(
        TimelineEvent(
            EventKind.SYSTEMIC_THERAPY, "Carboplatin and pemetrexed", PartialDate(2024, 6),
            PartialDate(2024, 9),
            therapy=TherapyDetails(cycles=4, response=Response.PARTIAL,
                                   reason_stopped=StopReason.COMPLETED),
        ),
        line_number=1,
    )  # fmt: skip
    biopsy = TimelineEntry(
        TimelineEvent(EventKind.BIOPSY, "Core biopsy, right upper lobe", PartialDate(2024, 3))
    )
    questions = (
        QuestionEntry(
            "Is surgery still possible?", {"en": "Is surgery still possible?", "zh": "还能手术吗？"}
        ),
        QuestionEntry("Would a PET-CT change the stage? 我们自己的话"),
    )
    opinions = sample_opinions()
    glance = CaseAtAGlance(
        patient_name=PATIENT_NAME,
        date_of_birth=PartialDate(1961, 7),
        diagnosis="Adenocarcinoma of the right upper lobe; 右肺上叶腺癌",
        stages=(
            StatedStage("IIIA", "Dr. A. Surgeon, 2024-04"),
            StatedStage("IIIB", "Tumour board B, 2024-05"),
        ),
        decision_moment=DecisionMoment.OPTIONS_UNCLEAR,
        questions=questions,
        lines_of_therapy=(chemo,),
        records=records,
        imaging=ImagingCount(studies=6, series=6, instances=9, frames=23),
        contact=Contact("Mei Chen", "daughter", "mei@example.org", "English, 中文"),
        prepared_on="2025-01-31",
    )
    return SummaryContent(
        glance=glance,
        decision_moment=DecisionMoment.OPTIONS_UNCLEAR,
        timeline=(biopsy, chemo),
        questions=questions,
        opinions=opinions,
        comparison=compare(opinions),
    )


def sample_plan(summary_language: str = "en+zh") -> BundlePlan:
    """A plan with real PDFs, a text file, a PNG without extension, a Chinese-titled document
    and real DICOM of several SOP classes."""
    documents = (
        document_item(
            "Pathology report", RecordKind.PATHOLOGY, "path report.PDF",
            make_pdf("Pathology report"), "application/pdf",
            document_date=PartialDate(2024, 3, 17), extension=".pdf", language="en",
        ),
        document_item(
            "Pathology report", RecordKind.PATHOLOGY, "second.pdf",
            make_pdf("Second pathology report"), "application/pdf",
            document_date=PartialDate(2024, 3, 17), extension=".pdf",
        ),
        document_item(
            "出院小结 discharge summary", RecordKind.DISCHARGE_REFERRAL, "出院小结.pdf",
            make_pdf("Discharge"), "application/pdf", extension=".pdf", language="zh",
        ),
        document_item(
            'Labs: CBC <2024/04> "final"', RecordKind.LABS, "labs.txt", b"WBC 5.1\nHb 12.3\n",
            "text/plain", extension=".txt",
        ),
        document_item(
            "Referral letter (photo)", RecordKind.DISCHARGE_REFERRAL, "IM000061", make_png(),
            "image/png", extension=".png", document_date=PartialDate(2024, 5),
        ),
    )  # fmt: skip
    records = sample_records()
    return BundlePlan(
        case=Case(
            patient_name=PATIENT_NAME,
            date_of_birth=PartialDate(1961, 7),
            diagnosis_summary="Adenocarcinoma of the right upper lobe, stage IIIA; 右肺上叶腺癌",
            summary_languages=summary_language.split("+"),
        ),
        recipient=Recipient(
            "Example University Hospital", "Thoracic Oncology MDT", "Dr. A. Reviewer", "Germany"
        ),
        summary_language=summary_language,
        created_on="2025-01-31",
        documents=documents,
        dicom=tuple(dicom_item(path) for path in sample_dicom_paths()),
        records=records,
        sender=Sender("Mei Chen", "daughter", "mei@example.org"),
        summary=sample_summary(records),
    )
