"""The rules behind "what is still missing before we can decide?"."""

from __future__ import annotations

from casebook.core.completeness import assess_completeness
from casebook.core.model import Document, ImagingStudy, PartialDate, RecordKind, Slot, SlotStatement


def _doc(
    doc_id: int, slot: RecordKind, media: str = "application/pdf", dated: bool = True
) -> Document:
    return Document(
        id=doc_id,
        title=f"doc {doc_id}",
        slot=slot,
        original_name=f"{doc_id}.pdf",
        media_type=media,
        size=10,
        content_sha256=f"{doc_id:064x}",
        added_at="2026-11-01T10:00:00+00:00",
        document_date=PartialDate(2024, 3) if dated else None,
    )


def _slots(**statements: SlotStatement) -> list[Slot]:
    """Every slot received (holding a file) except those given a statement here."""
    return [
        Slot(kind, statements[kind.value]) if kind.value in statements else Slot(kind, file_count=1)
        for kind in RecordKind
    ]


def test_everything_received_dated_and_linked_is_complete() -> None:
    report = _doc(1, RecordKind.IMAGING)
    study = ImagingStudy(1, "1.2.3", report_document_id=1)
    result = assess_completeness(_slots(), [report, _doc(2, RecordKind.PATHOLOGY)], [study])
    assert result.is_complete
    assert result.gap_count == 0


def test_missing_and_requested_slots_but_never_other() -> None:
    slots = _slots(
        pathology=SlotStatement.MISSING,
        molecular=SlotStatement.REQUESTED,
        other=SlotStatement.MISSING,
        identity=SlotStatement.NOT_APPLICABLE,
    )
    result = assess_completeness(slots, [], [])
    assert [s.kind for s in result.missing_slots] == [RecordKind.PATHOLOGY]
    assert [s.kind for s in result.requested_slots] == [RecordKind.MOLECULAR]
    assert result.gap_count == 2


def test_undated_documents_but_not_dicom_files() -> None:
    undated = _doc(1, RecordKind.LABS, dated=False)
    dicom = _doc(2, RecordKind.IMAGING, media="application/dicom", dated=False)
    result = assess_completeness(_slots(), [undated, dicom], [])
    assert result.undated_documents == [undated]


def test_reports_and_studies_that_are_not_linked_are_both_gaps() -> None:
    report = _doc(1, RecordKind.IMAGING)
    study = ImagingStudy(7, "1.2.840.1", description="CT chest")
    result = assess_completeness(_slots(), [report], [study])
    assert result.studies_without_report == [study]
    assert result.reports_without_images == [report]
    study.report_document_id = report.id
    assert assess_completeness(_slots(), [report], [study]).is_complete
