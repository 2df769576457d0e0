""" "What information is still missing before we can decide?" — the rules behind the answer.

Pure functions over the records, so the Overview, the Records page, the export wizard and the
summary PDF all give the same answer.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from casebook.core.model import Document, ImagingStudy, RecordKind, Slot, SlotStatus

DICOM_MEDIA_TYPE = "application/dicom"


@dataclass(frozen=True)
class Completeness:
    """Each list is one kind of gap; `is_complete` when all are empty."""

    missing_slots: list[Slot] = field(default_factory=list)
    requested_slots: list[Slot] = field(default_factory=list)
    undated_documents: list[Document] = field(default_factory=list)
    studies_without_report: list[ImagingStudy] = field(default_factory=list)
    reports_without_images: list[Document] = field(default_factory=list)

    @property
    def is_complete(self) -> bool:
        return not (
            self.missing_slots
            or self.requested_slots
            or self.undated_documents
            or self.studies_without_report
            or self.reports_without_images
        )

    @property
    def gap_count(self) -> int:
        return (
            len(self.missing_slots)
            + len(self.requested_slots)
            + len(self.undated_documents)
            + len(self.studies_without_report)
            + len(self.reports_without_images)
        )


def assess_completeness(
    slots: list[Slot], documents: list[Document], studies: list[ImagingStudy]
) -> Completeness:
    """Find the gaps an MDT coordinator would ask about.

    "Other" is never counted as missing: it is a catch-all, not something an MDT asks for.
    A radiology report is a non-DICOM document in the imaging slot; until it is linked to its
    study it counts as "without images", and the study as "without report": linking the two
    closes both gaps.
    """
    counted = [slot for slot in slots if slot.kind is not RecordKind.OTHER]
    linked_reports = {s.report_document_id for s in studies if s.report_document_id is not None}
    imaging_reports = [
        d for d in documents if d.slot is RecordKind.IMAGING and d.media_type != DICOM_MEDIA_TYPE
    ]
    return Completeness(
        missing_slots=[s for s in counted if s.status is SlotStatus.MISSING],
        requested_slots=[s for s in counted if s.status is SlotStatus.REQUESTED],
        undated_documents=[
            d for d in documents if d.document_date is None and d.media_type != DICOM_MEDIA_TYPE
        ],
        studies_without_report=[s for s in studies if s.report_document_id is None],
        reports_without_images=[d for d in imaging_reports if d.id not in linked_reports],
    )
