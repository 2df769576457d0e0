"""Getting DICOM images off hospital discs, USB sticks, folders and .zip files.

Two steps, so the family can be warned before anything is stored: `scan_media` finds every
DICOM file (by content, whatever its name, with or without preamble) and reads its header in
the worker pool, several files per round trip, reading only each file's first bytes;
`identity_mismatches` compares the patients on the disc with the case; `import_scan` stores
the originals byte-identical, each read once and hashed as it is read, many per transaction
(the same pipeline as `records.importing`). What is not DICOM (viewer programs, autorun
files, web pages, logos) is counted and skipped. Archives are opened once, within limits.
"""

from __future__ import annotations

import contextlib
import enum
from collections import Counter, deque
from collections.abc import Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from casebook.core.changes import Changed
from casebook.core.errors import CasebookError, FileRefused
from casebook.core.identity import birth_dates_differ
from casebook.core.model import Case
from casebook.core.progress import CancelToken, Progress, Report
from casebook.imaging.dicom_summary import DicomSummary
from casebook.imaging.dicomdir_reader import MEDIA_STORAGE_DIRECTORY, read_dicomdir_references
from casebook.importers.archives import ArchiveUnreadable
from casebook.importers.furniture import Furniture, furniture_by_content, furniture_by_name
from casebook.importers.sniff import sniff_media_type
from casebook.services.binder.session import BinderSession
from casebook.services.imaging.header_reader import summarise_head
from casebook.services.imaging.patients import (
    IdentityMismatch,
    PatientOnMedia,
    names_match,
    patients_of,
)
from casebook.services.imaging.patients import identity_mismatches as _mismatches
from casebook.services.isolation import WorkerPool, shared_worker
from casebook.services.records.batch_writer import BatchWriter
from casebook.services.records.file_walk import FoundFile, SkippedFurniture, walk_offered
from casebook.services.records.file_writes import (
    InstanceWrite,
    committed,
    series_uid_of,
    store_large,
)
from casebook.services.records.readahead import Readahead
from casebook.services.records.reading import HEAD_BYTES, MediaFile, ReadFile, SourceOpener
from casebook.store import imaging as imaging_store

HEADER_BYTES = 16 * 1024 * 1024  # enough for any real header (enhanced multi-frame: a few MB)
HEADERS_PER_ROUND_TRIP = 16
BATCHES_IN_FLIGHT = 4
READ_AHEAD_BYTES = 64 * 1024 * 1024
_DOCUMENT_TYPES = ("application/pdf", "text/plain")


class SkipReason(enum.Enum):
    """Why a file found on the media was not imported as an image."""

    PROGRAM = "program"  # the disc's viewer, autorun files
    WEB_PAGE = "web_page"
    PICTURE = "picture"  # JPEG/PNG screenshots: not the original images
    DOCUMENT = "document"  # PDF or text reports: import them as documents instead
    DICOM_INDEX = "dicom_index"  # the DICOMDIR itself
    UNREADABLE = "unreadable"  # looked like DICOM but is damaged
    OTHER = "other"


_FURNITURE_REASONS = {
    Furniture.PROGRAM: SkipReason.PROGRAM,
    Furniture.AUTORUN: SkipReason.PROGRAM,
    Furniture.DISC_INDEX: SkipReason.DICOM_INDEX,
    Furniture.WEB_PAGE: SkipReason.WEB_PAGE,
    Furniture.DISC_README: SkipReason.DOCUMENT,
    Furniture.SYSTEM_FILE: SkipReason.OTHER,
    Furniture.LOCK_FILE: SkipReason.OTHER,
}


@dataclass(frozen=True)
class FoundInstance:
    source: MediaFile
    summary: DicomSummary
    size: int = 0

    @property
    def series_uid(self) -> str:
        """The series it is filed under (a made-up one when the file names none)."""
        return series_uid_of(self.summary)


@dataclass
class MediaScan:
    instances: list[FoundInstance] = field(default_factory=list)
    skipped: Counter[SkipReason] = field(default_factory=Counter)
    unreadable: list[tuple[str, str]] = field(default_factory=list)
    index_missing_files: int = 0  # files the DICOMDIR lists that are not on the media
    worker_restarts: int = 0

    @property
    def has_dicom(self) -> bool:
        return bool(self.instances)

    def series_counts(self) -> dict[str, int]:
        """Images found per series UID (what a complete import of each series holds)."""
        return dict(Counter(found.series_uid for found in self.instances))

    def patients(self) -> list[PatientOnMedia]:
        return patients_of(
            [
                (i.summary.patient_name, i.summary.patient_id, i.summary.patient_birth_date)
                for i in self.instances
            ]
        )


def _skip_reason(name: str, media_type: str) -> SkipReason:
    kind = furniture_by_name(name, on_disc=True)
    if kind is not None:
        return _FURNITURE_REASONS[kind]
    if media_type.startswith("image/"):
        return SkipReason.PICTURE
    if media_type in _DOCUMENT_TYPES:
        return SkipReason.DOCUMENT
    return SkipReason.OTHER


class _Scanner:
    """Reads each file's first bytes and sends DICOM headers to the pool in batches."""

    def __init__(
        self, pool: WorkerPool, opener: SourceOpener, report: Report, cancel: CancelToken
    ) -> None:
        self.pool = pool
        self.opener = opener
        self.report = report
        self.cancel = cancel
        self.scan = MediaScan()
        self.present: set[tuple[str, ...]] = set()
        self.index_references: list[tuple[tuple[str, ...], str]] = []
        self._pending: list[tuple[MediaFile, int, bytes]] = []
        self._in_flight: deque[tuple[list[tuple[MediaFile, int, bytes]], Future[list]]] = deque()  # type: ignore[type-arg]

    def file(self, media: MediaFile, size: int) -> None:
        self.present.add(tuple(part.upper() for part in media.relative_parts))
        try:
            with self.opener.open(media) as stream:
                head = stream.read(min(size, HEAD_BYTES))
        except (FileRefused, OSError, ArchiveUnreadable):
            self.unreadable(media.display_name, "could not be read")
            return
        except Exception as error:  # zipfile: a damaged member
            self.unreadable(media.display_name, type(error).__name__)
            return
        media_type = sniff_media_type(head[:8192]) if head else "application/octet-stream"
        if furniture_by_content(head) is not None:
            self.scan.skipped[SkipReason.PROGRAM] += 1
        elif media_type != "application/dicom":
            self.scan.skipped[_skip_reason(PurePosixPath(media.display_name).name, media_type)] += 1
        elif _is_dicomdir(media, head):
            self.scan.skipped[SkipReason.DICOM_INDEX] += 1
            self._read_index(media, head, size)
        else:
            self._pending.append((media, size, head))
            if len(self._pending) >= HEADERS_PER_ROUND_TRIP:
                self.flush()

    def _read_index(self, media: MediaFile, head: bytes, size: int) -> None:
        data = head if size <= len(head) else self._more(media) or head
        try:
            for reference in self.pool.call(read_dicomdir_references, data):
                self.index_references.append((media.relative_parts[:-1], reference))
        except Exception:  # noqa: S110 - a broken index changes nothing: every file is scanned
            pass

    def _more(self, media: MediaFile) -> bytes | None:
        try:
            with self.opener.open(media) as stream:
                return stream.read(HEADER_BYTES)
        except Exception:
            return None

    def flush(self, everything: bool = False) -> None:
        if self._pending:
            batch, self._pending = self._pending, []
            items = [(head, size <= len(head)) for _, size, head in batch]
            self._in_flight.append((batch, self.pool.submit(summarise_head, items)))
        while self._in_flight and (everything or len(self._in_flight) > BATCHES_IN_FLIGHT):
            batch, future = self._in_flight.popleft()
            for (media, size, head), outcome in zip(batch, future.result(), strict=True):
                if outcome.restarted:
                    self.scan.worker_restarts += 1
                summary = outcome.value if outcome.error is None else None
                if summary is None and outcome.error is None and size > len(head):
                    summary, error = self._whole_header(media)
                else:
                    error = str(outcome.error) if outcome.error is not None else ""
                self._found(media, size, summary, error)

    def _whole_header(self, media: MediaFile) -> tuple[DicomSummary | None, str]:
        data = self._more(media)
        if data is None:
            return None, "could not be read"
        try:
            return self.pool.call(summarise_head, data, True), ""
        except Exception as error:
            return None, str(error)

    def _found(self, media: MediaFile, size: int, summary: DicomSummary | None, error: str) -> None:
        if summary is None:
            self.unreadable(media.display_name, error or "damaged")
        elif not summary.sop_instance_uid or not summary.study_instance_uid:
            self.unreadable(media.display_name, "no instance or study UID")
        else:
            self.scan.instances.append(FoundInstance(media, summary, size))

    def unreadable(self, name: str, reason: str) -> None:
        self.scan.skipped[SkipReason.UNREADABLE] += 1
        self.scan.unreadable.append((name, reason))


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _is_dicomdir(media: MediaFile, head: bytes) -> bool:
    return media.file_name.upper() == "DICOMDIR" or MEDIA_STORAGE_DIRECTORY.encode() in head[:1024]


def _media_files(
    walked: list[FoundFile], opener: SourceOpener, scanner: _Scanner
) -> list[tuple[MediaFile, int]]:
    """Every file to look at; .zip archives are opened (once) and listed member by member."""
    files: list[tuple[MediaFile, int]] = []
    for entry in walked:
        if entry.path.suffix.casefold() != ".zip":
            files.append(
                (MediaFile(entry.path, real=entry.real, on_disc=entry.on_disc), entry.size)
            )
            continue
        try:
            members = list(opener.archive(entry.path, entry.real).members())
        except ArchiveUnreadable:
            files.append((MediaFile(entry.path, real=entry.real), entry.size))
            continue
        for member in members:
            if member.problem is not None:
                scanner.unreadable(f"{entry.path.name}/{member.name}", member.problem.value)
            else:
                files.append((MediaFile(entry.path, member.name, entry.real, True), member.size))
    return files


def scan_media(
    paths: Sequence[Path],
    report: Report,
    cancel: CancelToken,
    worker: WorkerPool | None = None,
) -> MediaScan:
    """Find the DICOM files under `paths` and read their headers (nothing is stored)."""
    with SourceOpener() as opener:
        scanner = _Scanner(worker or shared_worker(), opener, report, cancel)
        walked: list[FoundFile] = []
        for entry in walk_offered(paths):
            if isinstance(entry, FoundFile):
                walked.append(entry)
            elif isinstance(entry, SkippedFurniture) and entry.kind is Furniture.DISC_INDEX:
                walked.append(FoundFile(entry.path, entry.path, _size(entry.path), True))
            elif isinstance(entry, SkippedFurniture):
                scanner.scan.skipped[_FURNITURE_REASONS[entry.kind]] += 1
                scanner.present.add(tuple(part.upper() for part in entry.path.parts))
            else:
                scanner.unreadable(entry.path.name, entry.problem.value)
        files = _media_files(walked, opener, scanner)
        for index, (media, size) in enumerate(files):
            cancel.raise_if_cancelled()
            report(Progress(index, len(files), media.display_name))
            scanner.file(media, size)
        scanner.flush(everything=True)
    report(Progress(len(files), len(files), ""))
    scan = scanner.scan
    scan.index_missing_files = sum(
        1
        for base, reference in scanner.index_references
        if tuple(part.upper() for part in (*base, *reference.split("/"))) not in scanner.present
    )
    return scan


@dataclass
class ImagingImportSummary:
    added: int = 0
    already_there: int = 0
    refused: list[tuple[str, str]] = field(default_factory=list)
    study_uids: set[str] = field(default_factory=set)
    transactions: int = 0


def identity_mismatches(case: Case, scan: MediaScan) -> list[IdentityMismatch]:
    """Patients on the media whose name or birth date do not match the case (a wrong disc?),
    those with a different birth date (the stronger signal) first; an empty (anonymised) name
    is not a mismatch by itself."""
    return _mismatches(case, scan.patients())


def import_scan(
    session: BinderSession,
    scan: MediaScan,
    report: Report,
    cancel: CancelToken,
    skip_patients: Sequence[PatientOnMedia] = (),
) -> ImagingImportSummary:
    """Store every scanned instance not already in the binder, byte-identical (except those of
    `skip_patients`, when the family chose to leave them out).

    However it ends (done, cancelled, failed), each series touched remembers how many images
    the media held, so an incomplete series can be told apart from a short one.
    """
    try:
        return _import_scan(session, scan, report, cancel, skip_patients)
    finally:
        with contextlib.suppress(CasebookError), session.writing(Changed.IMAGING) as db:
            imaging_store.note_images_on_media(db, scan.series_counts())


def _import_scan(
    session: BinderSession,
    scan: MediaScan,
    report: Report,
    cancel: CancelToken,
    skip_patients: Sequence[PatientOnMedia],
) -> ImagingImportSummary:
    left_out = {(p.name, p.patient_id, p.birth_date) for p in skip_patients}
    chosen = [
        found
        for found in scan.instances
        if (found.summary.patient_name, found.summary.patient_id, found.summary.patient_birth_date)
        not in left_out
    ]
    summary = ImagingImportSummary()

    def done(write: InstanceWrite, added: bool) -> None:
        if added:
            summary.added += 1
        else:
            summary.already_there += 1

    with SourceOpener() as opener, session.bulk_writes():
        writer = BatchWriter(session, committed)

        def produce(emit: object) -> None:
            for index, found in enumerate(chosen):
                cancel.raise_if_cancelled()
                report(Progress(index, len(chosen), found.source.display_name))
                try:
                    read = opener.read(found.source, found.size, cancel)
                except FileRefused as refused:
                    emit((found, refused), 0)  # type: ignore[operator]
                    continue
                emit((found, read), len(read.data) if read.data is not None else 0)  # type: ignore[operator]

        readahead: Readahead[tuple[FoundInstance, ReadFile | FileRefused]] = Readahead(
            produce,
            READ_AHEAD_BYTES,
        )
        try:
            for found, read in readahead:
                summary.study_uids.add(found.summary.study_instance_uid)
                if isinstance(read, FileRefused):
                    summary.refused.append((found.source.display_name, read.problem.value))
                elif read.data is None:
                    writer.flush()
                    try:
                        done(None, bool(store_large(session, opener, read, cancel, found.summary)))  # type: ignore[arg-type]
                    except FileRefused as refused:
                        summary.refused.append((found.source.display_name, refused.problem.value))
                else:
                    writer.add(InstanceWrite(read, found.summary, done))
        except BaseException:
            with contextlib.suppress(CasebookError):
                writer.flush()  # what was read before a cancel or a failure is kept
            raise
        writer.flush()
        summary.transactions = writer.transactions
    report(Progress(len(chosen), len(chosen), ""))
    return summary


def media_size(scan: MediaScan) -> int:
    """Bytes the import will read (for the progress estimate and the free-space check)."""
    return sum(found.size for found in scan.instances)


__all__ = [
    "FoundInstance",
    "IdentityMismatch",
    "ImagingImportSummary",
    "MediaFile",
    "MediaScan",
    "PatientOnMedia",
    "SkipReason",
    "birth_dates_differ",
    "identity_mismatches",
    "import_scan",
    "media_size",
    "names_match",
    "scan_media",
]
