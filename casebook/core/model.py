"""The records a binder holds, as plain dataclasses shared by every layer."""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field
from datetime import date


class SlotKind(enum.Enum):
    """The kinds of record an MDT asks for. Values are stable identifiers stored in the binder."""

    PATHOLOGY = "pathology"
    IMAGING = "imaging"
    LABS = "labs"
    HISTORY = "history"
    PRIOR_TREATMENT = "prior_treatment"
    MOLECULAR = "molecular"
    OPERATIVE_NOTES = "operative_notes"
    MEDICATIONS = "medications"
    DIAGNOSIS_PLAN = "diagnosis_plan"
    DISCHARGE_REFERRAL = "discharge_referral"
    IDENTITY = "identity"
    OTHER = "other"


class SlotStatus(enum.Enum):
    """Where a slot stands: the completeness view reads these."""

    MISSING = "missing"
    REQUESTED = "requested"
    RECEIVED = "received"
    NOT_APPLICABLE = "not_applicable"


_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to the year, the month or the day, as medical records often give it.

    Stored as ISO text ("2024", "2024-03", "2024-03-17") so it sorts and reads naturally.
    """

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if self.day is not None and self.month is None:
            raise ValueError("a day needs a month")
        # Validates the calendar (e.g. rejects 2023-02-30).
        date(self.year, self.month or 1, self.day or 1)

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        match = _PARTIAL_DATE.match(text.strip())
        if not match:
            raise ValueError(f"not a partial date: {text!r}")
        year, month, day = match.groups()
        return cls(int(year), int(month) if month else None, int(day) if day else None)

    def iso(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def __str__(self) -> str:
        return self.iso()


@dataclass
class Case:
    """The patient and the question the binder is built around."""

    patient_name: str
    date_of_birth: PartialDate | None = None
    diagnosis_summary: str = ""
    ui_language: str = ""
    summary_languages: list[str] = field(default_factory=lambda: ["en"])


@dataclass
class Slot:
    """One kind of record and how far the family has got in collecting it."""

    kind: SlotKind
    status: SlotStatus = SlotStatus.MISSING
    requested_on: PartialDate | None = None
    requested_from: str = ""
    note: str = ""


@dataclass
class Document:
    """A file the family added, with what they know about it. `content_sha256` names the bytes."""

    id: int
    title: str
    slot: SlotKind
    original_name: str
    media_type: str
    size: int
    content_sha256: str
    added_at: str
    document_date: PartialDate | None = None
    institution: str = ""
    author: str = ""
    language: str = ""
    notes: str = ""
    translation_of: int | None = None
    needs_review: bool = False  # slot or date were suggested by Casebook, not yet confirmed
    password_protected: bool = False  # a locked PDF: stored as is, the MDT needs its password


@dataclass
class ImagingStudy:
    """One imaging study (a CT, an MRI, a PET-CT…) as the family sees it."""

    id: int
    study_uid: str
    study_date: PartialDate | None = None
    description: str = ""
    modalities: str = ""
    institution: str = ""
    series_count: int = 0
    image_count: int = 0
    report_document_id: int | None = None
