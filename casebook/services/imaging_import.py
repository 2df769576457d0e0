"""Getting DICOM images off hospital discs, USB sticks, folders and .zip files.

Two steps, so the family can be warned before anything is stored: `scan_media` finds every
DICOM file (by content, whatever its name, with or without preamble) and reads its header in
the isolated worker; `identity_mismatches` compares the patients on the disc with the case;
`import_scan` stores the originals byte-identical and files them under study and series.
What is not DICOM (viewer programs, autorun files, web pages, logos) is counted and skipped.
"""

from __future__ import annotations

import enum
import zipfile
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from casebook.core.errors import CasebookError, FileProblem, FileRefused
from casebook.core.model import Case, PartialDate, SlotKind
from casebook.core.progress import CancelToken, Progress, Report
from casebook.imaging.dicom_header import DicomSummary, read_dicom_summary
from casebook.imaging.dicomdir_reader import MEDIA_STORAGE_DIRECTORY, read_dicomdir_references
from casebook.imaging.errors import DicomProblem, DicomUnreadable
from casebook.importers.sniff import sniff_media_type
from casebook.services.binder import BinderSession
from casebook.services.clock import timestamp
from casebook.services.file_walk import expand_paths, readable_name
from casebook.services.isolation import IsolatedWorker, shared_worker
from casebook.store import blobs, slots
from casebook.store import imaging as imaging_store
from casebook.store.database import classified_errors, transaction

# Enough for the header of any real file (enhanced multi-frame headers run to a few MB);
# reading stops before the pixel data.
HEADER_BYTES = 16 * 1024 * 1024
_PROGRAM_SUFFIXES = {".exe", ".dll", ".inf", ".ini", ".bat", ".cab", ".msi", ".sys", ".jar"}
_WEB_SUFFIXES = {".htm", ".html", ".css", ".js", ".xml", ".xsl", ".json"}


class SkipReason(enum.Enum):
    """Why a file found on the media was not imported as an image."""

    PROGRAM = "program"  # the disc's viewer, autorun files
    WEB_PAGE = "web_page"
    PICTURE = "picture"  # JPEG/PNG screenshots: not the original images
    DOCUMENT = "document"  # PDF or text reports: import them as documents instead
    DICOM_INDEX = "dicom_index"  # the DICOMDIR itself
    UNREADABLE = "unreadable"  # looked like DICOM but is damaged
    OTHER = "other"


@dataclass(frozen=True)
class MediaFile:
    """A file on a disc, a stick, in a folder, or a member of a .zip archive."""

    path: Path
    member: str | None = None

    @property
    def display_name(self) -> str:
        return self.member if self.member is not None else readable_name(self.path)

    @property
    def relative_parts(self) -> tuple[str, ...]:
        if self.member is not None:
            return PurePosixPath(self.member).parts
        return self.path.parts

    def open(self) -> BinaryIO:
        if self.member is None:
            return open(self.path, "rb")
        # The member stream keeps the archive's file open until it is closed itself.
        with zipfile.ZipFile(self.path) as archive:
            return archive.open(self.member)  # type: ignore[return-value]

    def size(self) -> int:
        if self.member is None:
            return self.path.stat().st_size
        with zipfile.ZipFile(self.path) as archive:
            return archive.getinfo(self.member).file_size


@dataclass(frozen=True)
class FoundInstance:
    source: MediaFile
    summary: DicomSummary


@dataclass(frozen=True)
class PatientOnMedia:
    name: str
    patient_id: str
    birth_date: PartialDate | None
    image_count: int


@dataclass
class MediaScan:
    instances: list[FoundInstance] = field(default_factory=list)
    skipped: Counter[SkipReason] = field(default_factory=Counter)
    unreadable: list[tuple[str, str]] = field(default_factory=list)
    index_missing_files: int = 0  # files the DICOMDIR lists that are not on the media

    @property
    def has_dicom(self) -> bool:
        return bool(self.instances)

    def patients(self) -> list[PatientOnMedia]:
        counts: Counter[tuple[str, str, PartialDate | None]] = Counter(
            (i.summary.patient_name, i.summary.patient_id, i.summary.patient_birth_date)
            for i in self.instances
        )
        return [
            PatientOnMedia(name, patient_id, birth, count)
            for (name, patient_id, birth), count in counts.most_common()
        ]


def _expand_media(paths: Sequence[Path]) -> Iterator[MediaFile]:
    for file_path in expand_paths(paths, skip_junk=False):
        if file_path.suffix.lower() == ".zip" and zipfile.is_zipfile(file_path):
            with zipfile.ZipFile(file_path) as archive:
                for info in archive.infolist():
                    if not info.is_dir():
                        yield MediaFile(file_path, info.filename)
        else:
            yield MediaFile(file_path)


def _skip_reason(media: MediaFile, media_type: str) -> SkipReason:
    suffix = PurePosixPath(media.display_name).suffix.lower()
    if suffix in _PROGRAM_SUFFIXES:
        return SkipReason.PROGRAM
    if suffix in _WEB_SUFFIXES:
        return SkipReason.WEB_PAGE
    if media_type.startswith("image/"):
        return SkipReason.PICTURE
    if media_type in ("application/pdf", "text/plain"):
        return SkipReason.DOCUMENT
    return SkipReason.OTHER


def _is_dicomdir(media: MediaFile, head: bytes) -> bool:
    return (
        PurePosixPath(media.display_name).name.upper() == "DICOMDIR"
        or MEDIA_STORAGE_DIRECTORY.encode() in head[:1024]
    )


def scan_media(
    paths: Sequence[Path],
    report: Report,
    cancel: CancelToken,
    worker: IsolatedWorker | None = None,
) -> MediaScan:
    """Find the DICOM files under `paths` and read their headers (nothing is stored)."""
    isolated = worker or shared_worker()
    files = list(_expand_media(paths))
    scan = MediaScan()
    present: set[tuple[str, ...]] = set()
    index_references: list[tuple[tuple[str, ...], str]] = []
    for index, media in enumerate(files):
        cancel.raise_if_cancelled()
        report(Progress(index, len(files), media.display_name))
        present.add(tuple(part.upper() for part in media.relative_parts))
        try:
            with media.open() as stream:
                head = stream.read(HEADER_BYTES)
        except (OSError, zipfile.BadZipFile, KeyError):
            scan.skipped[SkipReason.UNREADABLE] += 1
            scan.unreadable.append((media.display_name, "could not be read"))
            continue
        media_type = sniff_media_type(head[:8192]) if head else "application/octet-stream"
        if media_type != "application/dicom":
            scan.skipped[_skip_reason(media, media_type)] += 1
            continue
        if _is_dicomdir(media, head):
            scan.skipped[SkipReason.DICOM_INDEX] += 1
            try:
                for reference in isolated.call(read_dicomdir_references, head):
                    index_references.append((media.relative_parts[:-1], reference))
            except CasebookError:
                pass  # a broken index changes nothing: every file is scanned anyway
            continue
        try:
            summary = isolated.call(read_dicom_summary, head)
        except CasebookError as error:
            scan.skipped[SkipReason.UNREADABLE] += 1
            scan.unreadable.append((media.display_name, str(error)))
            continue
        if not summary.sop_instance_uid or not summary.study_instance_uid:
            scan.skipped[SkipReason.UNREADABLE] += 1
            scan.unreadable.append((media.display_name, "no instance or study UID"))
            continue
        scan.instances.append(FoundInstance(media, summary))
    report(Progress(len(files), len(files), ""))
    scan.index_missing_files = sum(
        1
        for base, reference in index_references
        if tuple(part.upper() for part in (*base, *reference.split("/"))) not in present
    )
    return scan


def _name_parts(name: str) -> tuple[frozenset[str], str]:
    """Latin words (case-folded) and the run of Chinese characters of a person name, from a
    DICOM PN ("WANG^FANG=王^芳") or free text ("Wang Fang 王芳")."""
    latin = set()
    for word in name.replace("=", " ").replace("^", " ").replace(",", " ").split():
        cleaned = "".join(ch for ch in word.casefold() if ch.isascii() and ch.isalnum())
        if cleaned:
            latin.add(cleaned)
    chinese = "".join(ch for ch in name if "\u4e00" <= ch <= "\u9fff")
    return frozenset(latin), chinese


def names_match(case_name: str, media_name: str) -> bool:
    """Every Latin word of one name appears in the other, or the Chinese names are equal."""
    case_latin, case_chinese = _name_parts(case_name)
    media_latin, media_chinese = _name_parts(media_name)
    if case_chinese and media_chinese and case_chinese == media_chinese:
        return True
    return bool(case_latin and media_latin) and (
        case_latin <= media_latin or media_latin <= case_latin
    )


def birth_dates_differ(first: PartialDate | None, second: PartialDate | None) -> bool:
    """Only what both dates state is compared (a year-only date matches any day that year)."""
    if first is None or second is None:
        return False
    pairs = ((first.year, second.year), (first.month, second.month), (first.day, second.day))
    return any(a is not None and b is not None and a != b for a, b in pairs)


@dataclass(frozen=True)
class IdentityMismatch:
    patient: PatientOnMedia
    name_differs: bool
    birth_date_differs: bool


def identity_mismatches(case: Case, scan: MediaScan) -> list[IdentityMismatch]:
    """Patients on the media whose name or birth date do not match the case (a wrong disc?).

    An empty name on the disc is not a mismatch by itself: anonymised exports are common.
    """
    mismatches: list[IdentityMismatch] = []
    for patient in scan.patients():
        name_differs = bool(patient.name.strip("^= ")) and not names_match(
            case.patient_name, patient.name
        )
        birth_differs = birth_dates_differ(case.date_of_birth, patient.birth_date)
        if name_differs or birth_differs:
            mismatches.append(IdentityMismatch(patient, name_differs, birth_differs))
    return mismatches


@dataclass
class ImagingImportSummary:
    added: int = 0
    already_there: int = 0
    refused: list[tuple[str, str]] = field(default_factory=list)
    study_uids: set[str] = field(default_factory=set)


def _new_instance(found: FoundInstance, sha256: str, size: int) -> imaging_store.NewInstance:
    s = found.summary
    return imaging_store.NewInstance(
        study_uid=s.study_instance_uid,
        study_date=s.study_date,
        study_description=s.study_description,
        institution=s.institution_name,
        accession_number=s.accession_number,
        patient_name=s.patient_name,
        patient_id=s.patient_id,
        patient_birth_date=s.patient_birth_date,
        series_uid=s.series_instance_uid or f"{s.study_instance_uid}.unknown-series",
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
        original_name=PurePosixPath(found.source.display_name).name,
        content_sha256=sha256,
        size=size,
    )


def import_instance(session: BinderSession, found: FoundInstance, cancel: CancelToken) -> bool:
    """Store one scanned instance; False when its SOP Instance UID was already in the binder.

    Raises FileRefused when the source vanished or failed while being read.
    """
    db = session.database()
    with classified_errors(session.folder):
        if imaging_store.instance_exists(db, found.summary.sop_instance_uid):
            return False
        try:
            with found.source.open() as stream:
                staged = blobs.stage_blob(db, stream, timestamp(), cancel)
        except (OSError, zipfile.BadZipFile) as error:
            raise FileRefused(
                found.source.path, FileProblem.VANISHED, type(error).__name__
            ) from None
        now = timestamp()
        with transaction(db):
            blobs.finish_blob(db, staged)
            added = imaging_store.insert_instance(
                db, _new_instance(found, staged.sha256, staged.size), now
            )
            slots.mark_received_if_missing(db, SlotKind.IMAGING, now)
    return added


def import_scan(
    session: BinderSession, scan: MediaScan, report: Report, cancel: CancelToken
) -> ImagingImportSummary:
    """Store every scanned instance not already in the binder, byte-identical."""
    summary = ImagingImportSummary()
    total = len(scan.instances)
    for index, found in enumerate(scan.instances):
        cancel.raise_if_cancelled()
        report(Progress(index, total, found.source.display_name))
        summary.study_uids.add(found.summary.study_instance_uid)
        try:
            added = import_instance(session, found, cancel)
        except FileRefused as refusal:
            summary.refused.append((found.source.display_name, refusal.detail))
            continue
        if added:
            summary.added += 1
        else:
            summary.already_there += 1
    report(Progress(total, total, ""))
    return summary


def read_instance_header(media: MediaFile, worker: IsolatedWorker | None = None) -> DicomSummary:
    """The header of one DICOM file, parsed in the worker (raises CasebookError)."""
    with media.open() as stream:
        head = stream.read(HEADER_BYTES)
    summary = (worker or shared_worker()).call(read_dicom_summary, head)
    if not summary.sop_instance_uid or not summary.study_instance_uid:
        raise DicomUnreadable(DicomProblem.DAMAGED, "no instance or study UID")
    return summary


def media_size(scan: MediaScan) -> int:
    """Bytes the import will read (for the progress estimate and the free-space check)."""
    total = 0
    for found in scan.instances:
        try:
            total += found.source.size()
        except (OSError, KeyError):
            continue
    return total


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
    "import_instance",
    "import_scan",
    "media_size",
    "names_match",
    "read_instance_header",
    "scan_media",
]
