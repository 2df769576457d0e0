"""The records a binder holds, as plain dataclasses shared by every layer."""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field, replace
from datetime import date


class RecordKind(enum.Enum):
    """The kinds of record an MDT asks for. Values are stable identifiers stored in the binder.

    "Slot" says three things in this code base: a record slot (one of these kinds, with what the
    family said about it: `Slot`, store/slots.py, the `slots` table), a key slot (a wrapped key
    that opens the binder: store/keyslots.py) and a Qt slot. The code says "record kind" for
    this enum, "key slot" for the second, and leaves "slot" alone only where Qt means it.
    """

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
    """Where a slot stands, as every screen and the summary show it: derived, never stored.

    RECEIVED when the slot holds files (or, for current medicines, current list entries);
    otherwise what the family said (`SlotStatement`).
    """

    MISSING = "missing"
    REQUESTED = "requested"
    RECEIVED = "received"
    NOT_APPLICABLE = "not_applicable"


class SlotStatement(enum.Enum):
    """What only the family can say about a kind of record; stored in the binder.

    "Received" is not among them: that is read from the files the slot holds.
    """

    MISSING = "missing"  # nothing said: still to collect
    REQUESTED = "requested"  # asked for on … from …, waiting
    NOT_APPLICABLE = "not_applicable"  # not needed for this case


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
    """One kind of record: what the family said about it, and how many files it holds.

    `file_count` counts the documents filed under it (not in the trash) and, for imaging, the
    images; `listed_count` the current entries of a structured list that stands for the record
    (current medicines, for "Current medicines"). Both are read from the binder each time, never
    stored, so the status cannot go stale.
    """

    kind: RecordKind
    statement: SlotStatement = SlotStatement.MISSING
    requested_on: PartialDate | None = None
    requested_from: str = ""
    note: str = ""
    file_count: int = 0
    listed_count: int = 0

    @property
    def status(self) -> SlotStatus:
        if self.file_count > 0 or self.listed_count > 0:
            return SlotStatus.RECEIVED
        return SlotStatus(self.statement.value)

    @property
    def is_open(self) -> bool:
        """Still to collect: nothing received yet, and not declared unneeded."""
        return self.status in (SlotStatus.MISSING, SlotStatus.REQUESTED)


@dataclass
class Document:
    """A file the family added, with what they know about it. `content_sha256` names the bytes."""

    id: int
    title: str
    slot: RecordKind
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


@dataclass(frozen=True)
class DocumentEdit:
    """The details of a document the family can change; applied to what the binder holds at
    the moment of writing, so fields outside the edit are never overwritten from a screen."""

    title: str
    slot: RecordKind
    document_date: PartialDate | None
    institution: str
    author: str
    language: str
    notes: str
    translation_of: int | None
    needs_review: bool

    @classmethod
    def of(cls, document: Document) -> DocumentEdit:
        return cls(
            document.title,
            document.slot,
            document.document_date,
            document.institution,
            document.author,
            document.language,
            document.notes,
            document.translation_of,
            document.needs_review,
        )

    def applied_to(self, document: Document) -> Document:
        return replace(
            document,
            title=self.title,
            slot=self.slot,
            document_date=self.document_date,
            institution=self.institution,
            author=self.author,
            language=self.language,
            notes=self.notes,
            translation_of=self.translation_of,
            needs_review=self.needs_review,
        )


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
