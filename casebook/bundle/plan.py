"""What goes into a sealed bundle, as plain data the services layer fills from the binder.

The bundle layer never opens the binder: each item carries its metadata and an `open_chunks`
callable that yields the original bytes (decrypted in memory by the binder) in chunks. Sizes and
SHA-256 values are the binder's record of those bytes; sealing checks them while streaming.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar, runtime_checkable

from casebook.bundle.case_facts import Contact, SlotState, SummaryContent
from casebook.core.model import Case, PartialDate, RecordKind

OpenChunks = Callable[[], Iterator[bytes]]
T = TypeVar("T")


class Isolation(Protocol):
    """Where the bundle's files are parsed: `function(*args)`, run in a worker process by the
    app (its pool of isolated workers) or right here (`IN_PROCESS`). `function` must be
    importable by name, and what it returns plain data."""

    @property
    def size(self) -> int:
        """How many calls run at once (from as many threads): the pool's workers."""
        ...

    def call(self, function: Callable[..., T], *args: Any, timeout: float | None = None) -> T: ...


class _InProcess:
    """Runs the parsing in this process: for tools and tests that build a bundle without the
    app's workers."""

    size = 1

    def call(self, function: Callable[..., T], *args: Any, timeout: float | None = None) -> T:
        return function(*args)


IN_PROCESS: Isolation = _InProcess()


@runtime_checkable
class RangeReadable(Protocol):
    """An `OpenChunks` that can also hand over any piece of the bytes it yields.

    Stored content offers it: a DICOM header is then read from the pages that hold it, not
    from its whole first chunk (`instance_header`). Bytes made while sealing (a de-identified
    copy) do not, and are read through their chunks. One object answers both ways, so a
    piece can only ever come from the bytes the bundle carries.
    """

    def __call__(self) -> Iterator[bytes]: ...

    def read_range(self, offset: int, length: int) -> bytes: ...


SUMMARY_LANGUAGES = ("en", "zh", "en+zh")


@dataclass(frozen=True)
class Recipient:
    """The hospital team the bundle is addressed to."""

    institution: str
    department: str = ""
    contact: str = ""
    country: str = ""


Sender = Contact  # who prepared the bundle: name, relationship, e-mail or phone, language


@dataclass(frozen=True)
class DocumentItem:
    """One document exported byte-identical, filed under its slot."""

    title: str
    slot: RecordKind
    original_name: str
    media_type: str
    size: int
    sha256: str
    open_chunks: OpenChunks
    document_date: PartialDate | None = None
    language: str = ""  # of the document's text ("en", "zh"…), "" when not known
    added_at: str = ""  # ISO timestamp of when it entered the binder
    extension: str = ""  # of the detected media type (".png"), "" when not known
    document_id: int = 0  # the binder's id, so a translation can name its original
    translation_of: int | None = None  # the original's `document_id`, for a translation
    redacted: bool = False  # the family's redacted copy, not the original
    duration_ms: int | None = None  # a recording of a consultation: how long it lasts


@dataclass(frozen=True)
class DicomItem:
    """One DICOM instance (a Part 10 file, exported byte-identical) and what the binder's
    index says about it, for the summary and INDEX.HTM. The DICOMDIR reads its keys from the
    file itself (see `directory_records`)."""

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
    modality: str = ""
    study_date: str = ""
    accession_number: str = ""
    study_description: str = ""
    series_number: str = ""
    series_description: str = ""
    instance_number: str = ""
    frames: int = 1  # a multi-frame image is one instance of many frames


@dataclass(frozen=True)
class SeriesPreview:
    """A small JPEG of a series' middle image, made at sealing time in memory for INDEX.HTM."""

    series_instance_uid: str
    jpeg: bytes


@dataclass(frozen=True)
class BundlePlan:
    """Everything needed to build the decrypted tree of one bundle."""

    case: Case
    recipient: Recipient
    summary_language: str
    created_on: str  # ISO date of the export, e.g. "2025-01-31" (a fixed clock in tests)
    documents: tuple[DocumentItem, ...] = ()
    dicom: tuple[DicomItem, ...] = ()
    records: tuple[SlotState, ...] = ()
    sender: Sender = field(default_factory=Sender)
    summary: SummaryContent = field(default_factory=SummaryContent)
    previews: tuple[SeriesPreview, ...] = ()
    # De-identified (a destination profile's choice): `case` holds a pseudonym and no birth
    # date, the DICOM items are de-identified copies, and the texts give the age instead.
    deidentified: bool = False
    patient_age: int | None = None
    date_shift_days: int = 0  # how far the imaging's dates were moved back
    # Where the DICOM headers are parsed for the DICOMDIR: the app's worker pool, when the
    # plan comes from `plan_export`.
    isolation: Isolation = field(default=IN_PROCESS, compare=False, repr=False)

    def __post_init__(self) -> None:
        if self.summary_language not in SUMMARY_LANGUAGES:
            raise ValueError(f"summary_language must be one of {SUMMARY_LANGUAGES}")

    @property
    def languages(self) -> tuple[str, ...]:
        """The summary languages in order, e.g. ("en", "zh") for "en+zh"."""
        return tuple(self.summary_language.split("+"))
