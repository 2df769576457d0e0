"""What the hospital will read: the contradictions and gaps a careful coordinator would notice.

Pure rules over what the binder holds, so the Overview, the export wizard and
`casebook check --content` list the same findings. A finding carries fields, not sentences
(the app and the command line word them), and names the place where it is fixed.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass

from casebook.core.completeness import DICOM_MEDIA_TYPE
from casebook.core.model import Document, ImagingStudy, RecordKind, Slot, SlotStatement


class FindingKind(enum.Enum):
    """Stable identifiers (the command line's JSON uses them)."""

    REQUESTED_BUT_HOLDS_FILES = "requested_but_holds_files"
    NOT_NEEDED_BUT_HOLDS_FILES = "not_needed_but_holds_files"
    MISSING_RECORD = "missing_record"
    OTHER_PATIENT_IMAGING = "other_patient_imaging"
    INCOMPLETE_SERIES = "incomplete_series"
    UNDATED_DOCUMENT = "undated_document"
    UNCONFIRMED_DOCUMENT = "unconfirmed_document"
    STUDY_WITHOUT_REPORT = "study_without_report"
    # What a destination profile adds (core.recipient_checks):
    REQUIRED_RECORD_MISSING = "required_record_missing"  # ref: RecordKind value
    TRANSLATION_MISSING = "translation_missing"  # detail: the document's language
    IDENTITY_DOCUMENT_MISMATCH = "identity_document_mismatch"  # detail: "name", "birth_date"
    DOCUMENT_SHOWS_IDENTITY = "document_shows_identity"  # detail: what it shows ("name,phone")
    DOCUMENT_NOT_CHECKED = "document_not_checked"  # no text: the family looks at it
    BURNED_IN_TEXT = "burned_in_text"  # ref: series id; detail: why its pixels may show text


class Place(enum.Enum):
    """Where a finding is fixed."""

    RECORD_KIND = "record_kind"  # ref: RecordKind value
    DOCUMENT = "document"  # ref: document id
    STUDY = "study"  # ref: study id
    SERIES = "series"  # ref: series id


@dataclass(frozen=True)
class SeriesFacts:
    """What the rules need to know about one stored series."""

    id: int
    study_id: int
    description: str
    modality: str
    image_count: int
    images_on_media: int | None  # how many the disc held when it was imported, if known
    lowest_number: int | None  # instance numbers of the images stored
    highest_number: int | None

    @property
    def expected(self) -> int | None:
        """How many images the series should hold, when something says so."""
        known = [n for n in (self.images_on_media, self._numbered_span) if n is not None]
        return max(known) if known else None

    @property
    def _numbered_span(self) -> int | None:
        if self.lowest_number is None or self.highest_number is None or self.image_count < 2:
            return None
        return self.highest_number - self.lowest_number + 1


@dataclass(frozen=True)
class Finding:
    """One thing to look at before sending: what, where, and the facts to word it."""

    kind: FindingKind
    place: Place
    ref: int | str
    name: str = ""  # the record's title, kind or description
    count: int = 0  # files held, images present…
    expected: int = 0  # …images expected
    detail: str = ""  # e.g. the patient name found on the images


@dataclass(frozen=True)
class PatientMismatch:
    """A study whose patient does not match the case (decided by the identity rules)."""

    study_id: int
    description: str
    patient_name: str


def assess_preflight(
    slots: Sequence[Slot],
    documents: Sequence[Document],
    studies: Sequence[ImagingStudy],
    series: Sequence[SeriesFacts],
    other_patients: Sequence[PatientMismatch] = (),
) -> list[Finding]:
    """Every finding, most serious first: another patient's images, incomplete series,
    what the family said that the binder now contradicts, then gaps and loose ends."""
    findings: list[Finding] = [
        Finding(
            FindingKind.OTHER_PATIENT_IMAGING,
            Place.STUDY,
            mismatch.study_id,
            mismatch.description,
            detail=mismatch.patient_name,
        )
        for mismatch in other_patients
    ]
    for facts in series:
        expected = facts.expected
        if expected is not None and facts.image_count < expected:
            findings.append(
                Finding(
                    FindingKind.INCOMPLETE_SERIES,
                    Place.SERIES,
                    facts.id,
                    facts.description or facts.modality,
                    count=facts.image_count,
                    expected=expected,
                )
            )
    for slot in slots:
        if slot.file_count and slot.statement is SlotStatement.REQUESTED:
            findings.append(
                Finding(
                    FindingKind.REQUESTED_BUT_HOLDS_FILES,
                    Place.RECORD_KIND,
                    slot.kind.value,
                    slot.requested_from,
                    count=slot.file_count,
                )
            )
        elif (
            slot.file_count
            and slot.statement is SlotStatement.NOT_APPLICABLE
            and slot.kind is not RecordKind.OTHER
        ):
            findings.append(
                Finding(
                    FindingKind.NOT_NEEDED_BUT_HOLDS_FILES,
                    Place.RECORD_KIND,
                    slot.kind.value,
                    count=slot.file_count,
                )
            )
        elif slot.is_open and slot.kind is not RecordKind.OTHER:
            findings.append(Finding(FindingKind.MISSING_RECORD, Place.RECORD_KIND, slot.kind.value))
    for document in documents:
        if document.media_type == DICOM_MEDIA_TYPE:
            continue
        if document.needs_review:
            findings.append(
                Finding(
                    FindingKind.UNCONFIRMED_DOCUMENT, Place.DOCUMENT, document.id, document.title
                )
            )
        elif document.document_date is None:
            findings.append(
                Finding(FindingKind.UNDATED_DOCUMENT, Place.DOCUMENT, document.id, document.title)
            )
    for study in studies:
        if study.report_document_id is None:
            name = study.description or study.modalities
            findings.append(Finding(FindingKind.STUDY_WITHOUT_REPORT, Place.STUDY, study.id, name))
    return findings
