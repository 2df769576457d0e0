"""One imported file's write into the binder: a document or a DICOM instance, with its content.

Small files arrive read and hashed, and are written ready inside the batch's transaction
(`BatchWriter`). Large files are streamed into staging chunks while hashing and made ready in
a final small transaction with their record (`store_large`). Either way a file is stored
byte-identical, once per content (SHA-256), and a DICOM instance once per SOP Instance UID.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

import sqlite_utils

from casebook.core.changes import Changed
from casebook.core.errors import FileProblem, FileRefused
from casebook.core.model import Document, PartialDate, RecordKind
from casebook.core.progress import CancelToken
from casebook.imaging.dicom_summary import DicomSummary
from casebook.services.binder.session import BinderSession
from casebook.services.clock import timestamp
from casebook.services.records.reading import ReadFile, SourceOpener
from casebook.store import blobs, documents
from casebook.store import imaging as imaging_store


@dataclass(frozen=True)
class DocumentFacts:
    """What the importer decided about a document before storing it."""

    title: str
    slot: RecordKind
    original_name: str
    media_type: str
    document_date: PartialDate | None
    text: str
    needs_review: bool
    password_protected: bool


def series_uid_of(summary: DicomSummary) -> str:
    """The series an instance is filed under (a made-up one when the file names none)."""
    return summary.series_instance_uid or f"{summary.study_instance_uid}.unknown-series"


def new_instance(
    summary: DicomSummary, name: str, sha256: str, size: int
) -> imaging_store.NewInstance:
    s = summary
    return imaging_store.NewInstance(
        study_uid=s.study_instance_uid,
        study_date=s.study_date,
        study_description=s.study_description,
        institution=s.institution_name,
        accession_number=s.accession_number,
        patient_name=s.patient_name,
        patient_id=s.patient_id,
        patient_birth_date=s.patient_birth_date,
        series_uid=series_uid_of(s),
        series_number=s.series_number,
        modality=s.modality,
        series_description=s.series_description,
        sop_instance_uid=s.sop_instance_uid,
        sop_class_uid=s.sop_class_uid,
        instance_number=s.instance_number,
        transfer_syntax_uid=s.transfer_syntax_uid,
        rows=s.rows,
        columns=s.columns,
        frames=s.number_of_frames,
        original_name=PurePosixPath(name).name,
        content_sha256=sha256,
        size=size,
        placement=s.placement,
    )


def _write_document(
    db: sqlite_utils.Database, facts: DocumentFacts, sha256: str, size: int, now: str
) -> tuple[Document, bool]:
    existing = documents.find_document_by_content(db, sha256)
    if existing is not None:
        return existing, False
    document = documents.insert_document(
        db,
        documents.NewDocument(
            title=facts.title,
            slot=facts.slot,
            original_name=facts.original_name,
            media_type=facts.media_type,
            size=size,
            content_sha256=sha256,
            document_date=facts.document_date,
            extracted_text=facts.text,
            needs_review=facts.needs_review,
            password_protected=facts.password_protected,
        ),
        now,
    )
    return document, True


def _write_instance(
    db: sqlite_utils.Database, summary: DicomSummary, name: str, sha256: str, size: int, now: str
) -> bool:
    return imaging_store.insert_instance(db, new_instance(summary, name, sha256, size), now)


@dataclass
class DocumentWrite:
    """A small document, read and hashed: its content and record in the batch transaction."""

    read: ReadFile
    facts: DocumentFacts
    done: Callable[[DocumentWrite, tuple[Document, bool]], None]

    @property
    def size(self) -> int:
        return self.read.size

    def write(self, db: sqlite_utils.Database, now: str) -> tuple[Document, bool]:
        assert self.read.data is not None
        assert self.read.sha256 is not None
        if documents.find_document_by_content(db, self.read.sha256) is None:
            blobs.insert_ready_blob(db, self.read.data, self.read.sha256, now)
        return _write_document(db, self.facts, self.read.sha256, self.read.size, now)


@dataclass
class InstanceWrite:
    """A small DICOM instance, read and hashed: its content and record in the batch."""

    read: ReadFile
    summary: DicomSummary
    done: Callable[[InstanceWrite, bool], None]

    @property
    def size(self) -> int:
        return self.read.size

    def write(self, db: sqlite_utils.Database, now: str) -> bool:
        assert self.read.data is not None
        assert self.read.sha256 is not None
        if imaging_store.instance_exists(db, self.summary.sop_instance_uid):
            return False
        blobs.insert_ready_blob(db, self.read.data, self.read.sha256, now)
        return _write_instance(
            db, self.summary, self.read.source.display_name, self.read.sha256, self.read.size, now
        )


def committed(write: Any, result: Any) -> None:
    """`BatchWriter.on_committed` for these writes: each tells its own caller."""
    write.done(write, result)


def store_large(
    session: BinderSession,
    opener: SourceOpener,
    read: ReadFile,
    cancel: CancelToken,
    record: DocumentFacts | DicomSummary,
    bytes_done: Callable[[int], None] | None = None,
) -> Any:
    """Stream a large file into the binder (hashing as it goes), then make it visible with its
    record in one small transaction. Returns what the record's write returns."""
    if isinstance(record, DicomSummary):
        with session.reading() as reading_db:
            if imaging_store.instance_exists(reading_db, record.sop_instance_uid):
                return False
    try:
        with opener.open(read.source) as stream:
            staged = session.stage(stream, cancel, bytes_done)
    except OSError as error:  # the source failed under us (USB stick pulled, share gone)
        raise FileRefused(
            read.source.refusal_path, FileProblem.VANISHED, error.strerror or ""
        ) from None
    now = timestamp()
    if staged.size != read.size:
        with session.writing() as writing_db:
            writing_db.execute("DELETE FROM blobs WHERE id = ?", [staged.blob_id])
        raise FileRefused(
            read.source.refusal_path, FileProblem.UNREADABLE, "changed while it was read"
        )
    kinds = (Changed.IMAGING,) if isinstance(record, DicomSummary) else (Changed.DOCUMENTS,)
    with session.writing(*kinds, Changed.SLOTS) as writing_db:
        blobs.finish_blob(writing_db, staged)
        if isinstance(record, DicomSummary):
            name = read.source.display_name
            return _write_instance(writing_db, record, name, staged.sha256, staged.size, now)
        return _write_document(writing_db, record, staged.sha256, staged.size, now)
