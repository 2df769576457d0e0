"""Real inputs for the bundle tests: DICOM from ../shared/data, PDFs made with reportlab."""

from __future__ import annotations

import hashlib
import io
from collections.abc import Iterator
from pathlib import Path

import pydicom
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from casebook.bundle.plan import (
    BundlePlan,
    DicomItem,
    DocumentItem,
    OpenChunks,
    Recipient,
    Sender,
    SummaryContent,
)
from casebook.core.model import Case, PartialDate, Slot, SlotKind, SlotStatus

DATA = Path(__file__).resolve().parents[3] / "shared" / "data" / "dicom"
LUNG_CT = DATA / "lung-ct-Lung_Dx-A0001"
TRANSFER_SYNTAXES = DATA / "transfer-syntaxes-dcm_qa_ts" / "In"
PATIENT_NAME = "Lung_Dx-A0001"


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
        patient_sex=text("PatientSex"),
        modality=text("Modality"),
        study_date=text("StudyDate"),
        study_time=text("StudyTime"),
        study_id=text("StudyID"),
        accession_number=text("AccessionNumber"),
        study_description=text("StudyDescription"),
        series_number=text("SeriesNumber"),
        series_description=text("SeriesDescription"),
        instance_number=text("InstanceNumber"),
    )


def sample_dicom_paths() -> list[Path]:
    """Five slices of the lung CT (empty StudyID) and two transfer-syntax files."""
    lung = sorted(p for p in LUNG_CT.rglob("*") if p.is_file() and p.name != "LICENSE")[:5]
    return [*lung, TRANSFER_SYNTAXES / "1.dcm", TRANSFER_SYNTAXES / "5.dcm"]


def make_pdf(title: str, pages: int = 2) -> bytes:
    """A small real PDF document."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    for page in range(pages):
        pdf.drawString(72, 760, f"{title} - page {page + 1}")
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def document_item(
    title: str, slot: SlotKind, original_name: str, data: bytes, media_type: str, **extra: object
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


def sample_plan(summary_language: str = "en+zh") -> BundlePlan:
    """A plan with real PDFs, a text file, a Chinese-titled document and real DICOM."""
    pathology = make_pdf("Pathology report")
    documents = (
        document_item(
            "Pathology report",
            SlotKind.PATHOLOGY,
            "path report.PDF",
            pathology,
            "application/pdf",
            document_date=PartialDate(2024, 3, 17),
        ),
        document_item(
            "Pathology report",
            SlotKind.PATHOLOGY,
            "second.pdf",
            make_pdf("Second pathology report"),
            "application/pdf",
            document_date=PartialDate(2024, 3, 17),
        ),
        document_item(
            "出院小结 discharge summary",
            SlotKind.DISCHARGE_REFERRAL,
            "出院小结.pdf",
            make_pdf("Discharge"),
            "application/pdf",
        ),
        document_item(
            'Labs: CBC <2024/04> "final"',
            SlotKind.LABS,
            "labs.txt",
            b"WBC 5.1\nHb 12.3\n",
            "text/plain",
        ),
    )
    slots = (
        Slot(SlotKind.PATHOLOGY, SlotStatus.RECEIVED),
        Slot(SlotKind.IMAGING, SlotStatus.RECEIVED),
        Slot(SlotKind.LABS, SlotStatus.RECEIVED),
        Slot(SlotKind.MOLECULAR, SlotStatus.REQUESTED, PartialDate(2024, 5), "City Hospital lab"),
        Slot(SlotKind.OPERATIVE_NOTES, SlotStatus.MISSING, note="no surgery records yet"),
        Slot(SlotKind.IDENTITY, SlotStatus.NOT_APPLICABLE),
        Slot(SlotKind.DISCHARGE_REFERRAL, SlotStatus.RECEIVED),
    )
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
        slots=slots,
        sender=Sender("Mei Chen", "daughter", "mei@example.org"),
        summary=SummaryContent(decision_moment="Surgery or chemoradiation first?"),
    )
