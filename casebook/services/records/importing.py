"""Importing files, folders and .zip archives: documents to Records, DICOM to Imaging.

A pipeline in three overlapping stages: a reader thread walks what was offered, reads each
file once (hashing it as it reads) and hands DICOM headers and PDFs to the worker pool
(`intake`); the pool parses them, several files per round trip; this thread stores what was
read, many files per transaction (`batch_writer`). A crash loses at most the last batch and
never leaves half a file; a cancel keeps every file read before it; one bad file is recorded
in `refused` and the batch carries on; binder-level failures (a full disk) stop the import
with everything before them kept. Identical content is recognised by SHA-256, an image by its
SOP Instance UID. Media furniture (programs, a disc's index and web pages…) is counted and
left out. DICOM of a patient who does not look like the case's is held back — nothing of it is
stored — unless `accept_other_patients`; the summary names them, so the family can decide
(`import_held_back` then stores them).
"""

from __future__ import annotations

import contextlib
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from casebook.core.errors import CasebookError, FileRefused
from casebook.core.identity import IdentityCheck
from casebook.core.model import Case, Document, PartialDate, RecordKind
from casebook.core.progress import CancelToken, Report
from casebook.core.suggestions import suggest_date, suggest_slot
from casebook.imaging.dicom_summary import DicomSummary
from casebook.importers.furniture import Furniture
from casebook.importers.pdf_errors import PdfPasswordProtected
from casebook.services import clock
from casebook.services.binder.session import BinderSession
from casebook.services.identity import check_patient
from casebook.services.imaging.header_reader import HEADER_MODULE, summarise_head
from casebook.services.isolation import shared_worker
from casebook.services.records import documents as records
from casebook.services.records.batch_writer import BatchWriter
from casebook.services.records.file_walk import readable_name
from casebook.services.records.file_writes import (
    DocumentFacts,
    DocumentWrite,
    InstanceWrite,
    committed,
    store_large,
)
from casebook.services.records.intake import (
    DICOM,
    HEADER_TIMEOUT_SECONDS,
    PDF,
    Intake,
    IntakeReader,
    readers_wanted,
)
from casebook.services.records.readahead import Readahead
from casebook.services.records.reading import MediaFile, ReadFile, SourceOpener
from casebook.services.workers.errors import UntrustedFileFailed
from casebook.services.workers.pool import Outcome, WorkerPool
from casebook.store import imaging as imaging_store

READ_AHEAD_BYTES = 64 * 1024 * 1024
HEADER_BYTES = 16 * 1024 * 1024  # enough for any real header (enhanced multi-frame: a few MB)
MAX_INDEXED_TEXT_BYTES = 2 * 1024 * 1024

FileDone = Callable[[Path, bool], None]
# What the workers load to read DICOM headers, while the first files are read (the PDF reader
# loads on the first PDF: most imports of many files are imaging).
PARSERS = (HEADER_MODULE,)


@dataclass
class HeldBackPatient:
    """DICOM of someone who does not look like the case's patient: found, not stored."""

    name: str
    patient_id: str
    birth_date: PartialDate | None
    check: IdentityCheck
    sources: list[tuple[MediaFile, int]] = field(default_factory=list)

    @property
    def image_count(self) -> int:
        return len(self.sources)


@dataclass
class ImportSummary:
    added: list[Document] = field(default_factory=list)
    duplicates: list[tuple[Path, Document]] = field(default_factory=list)
    refused: list[FileRefused] = field(default_factory=list)
    images_added: int = 0  # DICOM files, filed under their imaging study
    images_already_there: int = 0
    # Stored as they are, but the MDT will need their password: the family should be told.
    password_protected: list[Document] = field(default_factory=list)
    skipped: Counter[Furniture] = field(default_factory=Counter)  # media furniture left out
    held_back: list[HeldBackPatient] = field(default_factory=list)
    worker_restarts: int = 0  # files that crashed, hung or ballooned a worker
    transactions: int = 0

    @property
    def skipped_count(self) -> int:
        return sum(self.skipped.values())


def _indexable_text(read: ReadFile) -> str:
    """Plain text files are searchable straight away."""
    if read.media_type != "text/plain" or read.data is None or read.size > MAX_INDEXED_TEXT_BYTES:
        return ""
    data = bytes(read.data)
    for encoding in ("utf-8-sig", "utf-16", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return ""


def _facts(read: ReadFile, slot: RecordKind | None, text: str, locked: bool) -> DocumentFacts:
    name = (
        read.source.file_name if read.source.member is not None else readable_name(read.source.path)
    )
    if read.media_type == DICOM:
        suggested, found_date, review = RecordKind.IMAGING, None, False
    else:
        suggestion = suggest_slot(text, name)
        suggested = suggestion.slot if suggestion else RecordKind.OTHER
        found_date = suggest_date(text, clock.today(), slot or suggested) if text else None
        review = bool(suggestion or found_date)
    return DocumentFacts(
        title=PurePosixPath(name).stem or name,
        slot=slot or suggested,
        original_name=name,
        media_type=read.media_type,
        document_date=found_date,
        text=text,
        needs_review=review,
        password_protected=locked,
    )


class _Importer:
    """The storing stage: decides what each intake becomes, and writes it."""

    def __init__(
        self,
        session: BinderSession,
        slot: RecordKind | None,
        pool: WorkerPool,
        opener: SourceOpener,
        cancel: CancelToken,
        on_file_done: FileDone | None,
        accept_other_patients: bool,
    ) -> None:
        self.session = session
        self.slot = slot
        self.pool = pool
        self.opener = opener
        self.cancel = cancel
        self.on_file_done = on_file_done
        self.accept = accept_other_patients
        self.case: Case = records.load_case(session)
        self.summary = ImportSummary()
        self.writer = BatchWriter(session, committed)
        self._held: dict[tuple[str, str, PartialDate | None], HeldBackPatient] = {}
        self._checks: dict[tuple[str, PartialDate | None], IdentityCheck] = {}

    def _outcome(self, intake: Intake) -> Outcome[Any] | None:
        if intake.parsing is None:
            return None
        outcome = intake.parsing.outcome()
        if outcome.restarted:
            self.summary.worker_restarts += 1
        return outcome

    def take(self, intake: Intake) -> None:
        if intake.refused is not None:
            self.summary.refused.append(intake.refused)
            return
        if intake.furniture is not None:
            self.summary.skipped[intake.furniture[1]] += 1
            return
        read = intake.read
        assert read is not None
        if read.media_type == DICOM:
            summary = self._dicom_summary(intake, read)
            if summary is not None:
                self._take_instance(read, summary)
                return
        outcome = self._outcome(intake) if read.media_type == PDF else None
        text, locked = _indexable_text(read), False
        if outcome is not None:
            if isinstance(outcome.error, PdfPasswordProtected):
                locked = True
            elif outcome.error is None:
                text = str(outcome.value)
        facts = _facts(read, self.slot, text, locked)
        if read.data is None:
            self._store_large(read, facts)
        else:
            self.writer.add(DocumentWrite(read, facts, self._document_done))

    def _dicom_summary(self, intake: Intake, read: ReadFile) -> DicomSummary | None:
        """The file's DICOM header, or None when it is not readable DICOM (kept as a document)."""
        outcome = self._outcome(intake)
        if outcome is not None and outcome.error is not None:
            return None  # it failed (or felled) the worker: kept as a document, not retried
        summary = outcome.value if outcome is not None else None
        if summary is None and not intake.whole_head:
            # The header went on past what was sent (or looked cut short): send all of it.
            head = read.data[:HEADER_BYTES] if read.data is not None else self._head(read)
            try:
                summary = self.pool.call(
                    summarise_head, bytes(head), True, timeout=HEADER_TIMEOUT_SECONDS
                )
            except UntrustedFileFailed:
                self.summary.worker_restarts += 1
                return None
            except CasebookError:
                return None
        if not isinstance(summary, DicomSummary):
            return None
        if not summary.sop_instance_uid or not summary.study_instance_uid:
            return None
        return summary

    def _head(self, read: ReadFile) -> bytes:
        try:
            with self.opener.open(read.source) as stream:
                return stream.read(HEADER_BYTES)
        except (OSError, FileRefused):
            return read.head

    def _take_instance(self, read: ReadFile, summary: DicomSummary) -> None:
        if not self._identity_allows(read, summary):
            return
        if read.data is None:
            self._store_large(read, summary)
        else:
            self.writer.add(InstanceWrite(read, summary, self._instance_done))

    def _identity_allows(self, read: ReadFile, summary: DicomSummary) -> bool:
        if self.accept:
            return True
        key = (summary.patient_name, summary.patient_birth_date)
        check = self._checks.get(key)
        if check is None:
            check = check_patient(self.case, summary.patient_name, summary.patient_birth_date)
            self._checks[key] = check
        if not check.mismatch:
            return True
        with self.session.reading() as db:
            if imaging_store.instance_exists(db, summary.sop_instance_uid):
                self.summary.images_already_there += 1  # the family accepted it before
                return False
        patient = (summary.patient_name, summary.patient_id, summary.patient_birth_date)
        held = self._held.get(patient)
        if held is None:
            held = HeldBackPatient(*patient, check)
            self._held[patient] = held
            self.summary.held_back.append(held)
        held.sources.append((read.source, read.size))
        return False

    def _store_large(self, read: ReadFile, record: DocumentFacts | DicomSummary) -> None:
        self.writer.flush()
        try:
            result = store_large(self.session, self.opener, read, self.cancel, record)
        except FileRefused as refused:
            self.summary.refused.append(refused)
            return
        if isinstance(record, DicomSummary):
            self._count_instance(read, bool(result))
        else:
            self._count_document(read, *result)

    def _document_done(self, write: DocumentWrite, result: tuple[Document, bool]) -> None:
        self._count_document(write.read, *result)

    def _instance_done(self, write: InstanceWrite, added: bool) -> None:
        self._count_instance(write.read, added)

    def _count_document(self, read: ReadFile, document: Document, is_new: bool) -> None:
        if is_new:
            self.summary.added.append(document)
            if document.password_protected:
                self.summary.password_protected.append(document)
        else:
            self.summary.duplicates.append((read.source.refusal_path, document))
        if self.on_file_done is not None:
            self.on_file_done(read.source.refusal_path, is_new)

    def _count_instance(self, read: ReadFile, added: bool) -> None:
        if added:
            self.summary.images_added += 1
        else:
            self.summary.images_already_there += 1
        if self.on_file_done is not None:
            self.on_file_done(read.source.refusal_path, added)


def _run(reader: IntakeReader, importer: _Importer) -> ImportSummary:
    with importer.session.bulk_writes():
        return _store_all(reader, importer)


def _store_all(reader: IntakeReader, importer: _Importer) -> ImportSummary:
    readahead: Readahead[Intake] = Readahead(reader, READ_AHEAD_BYTES)
    try:
        for intake in readahead:
            importer.take(intake)
    except BaseException:
        # Whatever stops the import (a cancel, a full disk, a bug), every file read before it
        # and still waiting is stored first — unless storing is what failed.
        importer.summary.transactions = importer.writer.transactions
        _flush_quietly(importer)
        raise
    importer.writer.flush()
    importer.summary.transactions = importer.writer.transactions
    return importer.summary


def _flush_quietly(importer: _Importer) -> None:
    with contextlib.suppress(CasebookError):
        importer.writer.flush()


def start_readers(paths: Sequence[Path], pool: WorkerPool | None = None) -> None:
    """Start, in the background, the file readers an import of `paths` will use (see
    `readers_wanted`): they load their parsers while the binder unlocks and the first files
    are read. A later call, or the import itself, does not start them twice."""
    workers = pool or shared_worker()
    workers.prestart(*PARSERS, count=readers_wanted(paths, workers.size))


def import_paths(
    session: BinderSession,
    paths: Sequence[Path],
    slot: RecordKind | None,
    report: Report,
    cancel: CancelToken,
    on_file_done: FileDone | None = None,
    *,
    accept_other_patients: bool = False,
    pool: WorkerPool | None = None,
) -> ImportSummary:
    """Import files, folders and .zip archives (see the module doc).

    `on_file_done(path, is_new)` is called after each file is committed to the binder."""
    workers = pool or shared_worker()
    start_readers(paths, workers)
    with SourceOpener() as opener:
        reader = IntakeReader(paths, opener, workers, report, cancel, session.folder)
        importer = _Importer(
            session, slot, workers, opener, cancel, on_file_done, accept_other_patients
        )
        return _run(reader, importer)


def import_held_back(
    session: BinderSession,
    held_back: Sequence[HeldBackPatient],
    report: Report,
    cancel: CancelToken,
    *,
    pool: WorkerPool | None = None,
) -> ImportSummary:
    """Store the images of patients the family has looked at and chosen to add after all."""
    workers = pool or shared_worker()
    sources = [source for patient in held_back for source in patient.sources]
    with SourceOpener() as opener:
        reader = IntakeReader([], opener, workers, report, cancel, session.folder, sources=sources)
        importer = _Importer(session, None, workers, opener, cancel, None, True)
        return _run(reader, importer)


__all__ = [
    "HeldBackPatient",
    "ImportSummary",
    "import_held_back",
    "import_paths",
    "start_readers",
]
