"""What goes into a sealed bundle, as plain data the services layer fills from the binder.

The bundle layer never opens the binder: each item carries its metadata and an `open_chunks`
callable that yields the original bytes (decrypted in memory by the binder) in chunks. Sizes and
SHA-256 values are the binder's record of those bytes; sealing checks them while streaming.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from casebook.core.model import Case, PartialDate, Slot, SlotKind

OpenChunks = Callable[[], Iterator[bytes]]

SUMMARY_LANGUAGES = ("en", "zh", "en+zh")


@dataclass(frozen=True)
class Recipient:
    """The hospital team the bundle is addressed to."""

    institution: str
    department: str = ""
    contact: str = ""
    country: str = ""


@dataclass(frozen=True)
class Sender:
    """Who prepared the bundle (usually a family member); every field may be empty."""

    name: str = ""
    relationship: str = ""
    contact: str = ""


@dataclass(frozen=True)
class DocumentItem:
    """One document exported byte-identical, filed under its slot."""

    title: str
    slot: SlotKind
    original_name: str
    media_type: str
    size: int
    sha256: str
    open_chunks: OpenChunks
    document_date: PartialDate | None = None


@dataclass(frozen=True)
class DicomItem:
    """One DICOM instance (a Part 10 file, exported byte-identical) and the fields its
    DICOMDIR records need. Empty strings are fine: the DICOMDIR writer fills Type 1 gaps."""

    study_instance_uid: str
    series_instance_uid: str
    sop_instance_uid: str
    sop_class_uid: str
    transfer_syntax_uid: str
    size: int
    sha256: str
    open_chunks: OpenChunks
    patient_id: str = ""
    patient_name: str = ""
    patient_birth_date: str = ""
    patient_sex: str = ""
    modality: str = ""
    study_date: str = ""
    study_time: str = ""
    study_id: str = ""
    accession_number: str = ""
    study_description: str = ""
    series_number: str = ""
    series_description: str = ""
    instance_number: str = ""


@dataclass(frozen=True)
class SummaryContent:
    """What the case summary PDF shows beyond the plan's items.

    Sections whose data is empty are left out of the PDF (no placeholders). Timeline, questions
    and opinions are hooks for the modules that land later: plain text lines for now.
    """

    decision_moment: str = ""
    # Images the family marked as key images: (PNG bytes, caption), shown under the imaging.
    key_images: tuple[tuple[bytes, str], ...] = ()
    timeline: tuple[str, ...] = ()
    questions: tuple[str, ...] = ()
    opinions: tuple[str, ...] = ()


@dataclass(frozen=True)
class BundlePlan:
    """Everything needed to build the decrypted tree of one bundle."""

    case: Case
    recipient: Recipient
    summary_language: str
    created_on: str  # ISO date of the export, e.g. "2025-01-31" (a fixed clock in tests)
    documents: tuple[DocumentItem, ...] = ()
    dicom: tuple[DicomItem, ...] = ()
    slots: tuple[Slot, ...] = ()
    sender: Sender = field(default_factory=Sender)
    summary: SummaryContent = field(default_factory=SummaryContent)

    def __post_init__(self) -> None:
        if self.summary_language not in SUMMARY_LANGUAGES:
            raise ValueError(f"summary_language must be one of {SUMMARY_LANGUAGES}")

    @property
    def languages(self) -> tuple[str, ...]:
        """The summary languages in order, e.g. ("en", "zh") for "en+zh"."""
        return tuple(self.summary_language.split("+"))
