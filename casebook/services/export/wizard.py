"""What the export wizard needs beyond `services.export`: its choices, a preview and a preflight.

Before anything is written the family sees what will be sent, its size and what is still missing
(the same `assess_completeness` rules as the Overview), and the destination is checked: the
folder exists and is writable, it has room, and no single file would break the FAT32 4 GiB limit
of many USB sticks (email-sized parts are proposed instead). The cover sheet is built here too,
from the result the wizard holds: it is never written anywhere unless the user saves it.
"""

from __future__ import annotations

import enum
import os
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from casebook.bundle.archive import ARCHIVE_OVERHEAD, MEGABYTE
from casebook.bundle.cover_sheet import CoverSheet, render_cover_sheet, sheet_parts
from casebook.bundle.plan import BundlePlan
from casebook.core.completeness import Completeness, assess_completeness
from casebook.core.model import Document, ImagingStudy, Slot
from casebook.core.recordings import Recording
from casebook.importers.pdf_pages import pdf_page_count, render_pdf_page
from casebook.services.binder.session import BinderSession
from casebook.services.export.profiles import find_profile
from casebook.services.export.sealing import (
    BundleSize,
    ExportRequest,
    ExportResult,
    measure_bundle,
    plan_export,
)
from casebook.services.imaging.records import list_studies
from casebook.services.preflight import Finding, check_content
from casebook.services.recordings.recordings import list_recordings
from casebook.services.records.documents import list_documents, list_slots
from casebook.services.records.previews import Pixels

FAT32_MAX_FILE = 4 * 1024**3 - 1  # 4 GiB minus one byte: the largest file FAT32 can hold
FAT_TYPES = frozenset({"vfat", "fat", "msdos", "fat32", "fat16", "fat12"})
PROPOSED_VOLUME_MB = 2000  # parts well under the FAT32 limit, few enough to handle
BUNDLE_BASE_NAME = "casebook-bundle"
_OCTAL_ESCAPE = re.compile(r"\\([0-7]{3})")  # /proc/self/mounts writes a space as \040


@dataclass(frozen=True)
class ExportChoices:
    """What the wizard's contents step offers, and the gaps it warns about."""

    slots: list[Slot]
    documents: list[Document]
    studies: list[ImagingStudy]
    completeness: Completeness
    recordings: list[Recording] = field(default_factory=list)  # the ticked ones go out

    @property
    def recordings_to_send(self) -> list[Recording]:
        return [r for r in self.recordings if r.include_in_bundle and r.is_ready]


def load_export_choices(session: BinderSession) -> ExportChoices:
    """Read once when the wizard opens (run it in a ReadOp)."""
    slots, documents, studies = list_slots(session), list_documents(session), list_studies(session)
    completeness = assess_completeness(slots, documents, studies)
    return ExportChoices(slots, documents, studies, completeness, list_recordings(session))


class PreflightProblem(enum.Enum):
    """Why the bundle cannot be written where the family asked."""

    NOT_A_FOLDER = "not_a_folder"  # missing, or a file
    NOT_WRITABLE = "not_writable"  # read-only disk, or no permission
    NOT_ENOUGH_SPACE = "not_enough_space"
    FILE_TOO_LARGE = "file_too_large"  # a single part would exceed the FAT32 4 GiB limit


@dataclass(frozen=True)
class Preflight:
    """The destination checked against the bundle; `problems` empty means go."""

    directory: Path
    needed_bytes: int
    free_bytes: int | None
    filesystem: str  # e.g. "ext4", "vfat"; "" when it cannot be told
    problems: tuple[PreflightProblem, ...] = ()
    proposed_volume_mb: int | None = None  # set with FILE_TOO_LARGE

    @property
    def ok(self) -> bool:
        return not self.problems


def parse_mounts(text: str) -> list[tuple[str, str]]:
    """(mount point, filesystem type) pairs from /proc/self/mounts text (octal escapes undone)."""
    mounts = []
    for line in text.splitlines():
        fields = line.split()
        if len(fields) >= 3:
            point = _OCTAL_ESCAPE.sub(lambda m: chr(int(m.group(1), 8)), fields[1])
            mounts.append((point, fields[2]))
    return mounts


def filesystem_of(path: Path, mounts: list[tuple[str, str]]) -> str:
    """The type of the mount holding `path`: the longest mount point that contains it."""
    resolved = str(path.resolve())
    best, best_type = "", ""
    for point, kind in mounts:
        inside = resolved == point or resolved.startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(best):
            best, best_type = point, kind
    return best_type


def filesystem_type(path: Path) -> str:
    """The filesystem of `path` where the platform tells it (Linux, Windows), else ""."""
    if os.path.exists("/proc/self/mounts"):  # Linux
        try:
            text = Path("/proc/self/mounts").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""
        return filesystem_of(path, parse_mounts(text))
    if os.name == "nt":
        return _windows_filesystem(path)
    return ""  # macOS: statvfs has no type name; FAT sticks are rare and warned by Finder


def _windows_filesystem(path: Path) -> str:  # pragma: no cover - Windows only
    import ctypes

    name = ctypes.create_unicode_buffer(64)
    root = os.path.splitdrive(str(path.resolve()))[0] + "\\"
    windll = getattr(ctypes, "windll", None)
    if windll is None:
        return ""
    found = windll.kernel32.GetVolumeInformationW(
        ctypes.c_wchar_p(root), None, 0, None, None, None, name, len(name)
    )
    return name.value.lower() if found else ""


def is_fat(filesystem: str) -> bool:
    return filesystem.lower() in FAT_TYPES


def _writable(directory: Path) -> bool:
    """Really try: permissions lie on read-only mounts, network shares and for root."""
    try:
        with tempfile.TemporaryFile(dir=directory, prefix=".casebook-check-"):
            return True
    except OSError:
        return False


def largest_part(bundle_bytes: int, volume_size_mb: int | None) -> int:
    """Bytes of the largest file the export would write."""
    archive = bundle_bytes + ARCHIVE_OVERHEAD
    return archive if volume_size_mb is None else min(archive, volume_size_mb * MEGABYTE)


def preflight(
    directory: Path,
    bundle_bytes: int,
    volume_size_mb: int | None,
    *,
    filesystem: str | None = None,
) -> Preflight:
    """Check `directory` for a bundle of `bundle_bytes`; `filesystem` overrides detection."""
    needed = bundle_bytes + ARCHIVE_OVERHEAD
    if not directory.is_dir():
        return Preflight(directory, needed, None, "", (PreflightProblem.NOT_A_FOLDER,))
    kind = filesystem_type(directory) if filesystem is None else filesystem
    problems: list[PreflightProblem] = []
    proposed = None
    if not _writable(directory):
        problems.append(PreflightProblem.NOT_WRITABLE)
    free = shutil.disk_usage(directory).free
    if free < needed:
        problems.append(PreflightProblem.NOT_ENOUGH_SPACE)
    if is_fat(kind) and largest_part(bundle_bytes, volume_size_mb) > FAT32_MAX_FILE:
        problems.append(PreflightProblem.FILE_TOO_LARGE)
        proposed = PROPOSED_VOLUME_MB
    return Preflight(directory, needed, free, kind, tuple(problems), proposed)


@dataclass(frozen=True)
class ExportPreview:
    """What the review step shows before anything is written."""

    plan: BundlePlan
    total_bytes: int
    completeness: Completeness
    preflight: Preflight
    needs_review: list[Document] = field(default_factory=list)  # chosen, not yet confirmed
    # What the hospital will read: the content check the Overview shows, run again here.
    findings: list[Finding] = field(default_factory=list)
    archive_bytes: int = 0  # the exact size of the archive the seal will write

    @property
    def size(self) -> BundleSize:
        return BundleSize(self.total_bytes, self.archive_bytes)


def preview_export(
    session: BinderSession, request: ExportRequest, directory: Path, today: date
) -> ExportPreview:
    """Plan the bundle, size it (summary PDFs and DICOMDIR are built in memory) and check the
    destination. Read-only: run it on the reader lane."""
    plan = plan_export(session, request, today)
    measured = measure_bundle(plan)
    total = measured.content_bytes
    documents = list_documents(session)
    completeness = assess_completeness(list_slots(session), documents, list_studies(session))
    chosen = request.document_ids
    unconfirmed = [
        d for d in documents if d.needs_review and (chosen is None or d.id in chosen)
    ]  # fmt: skip
    return ExportPreview(
        plan,
        total,
        completeness,
        preflight(directory, total, request.volume_size_mb),
        unconfirmed,
        check_content(session, find_profile(request.profile_id) if request.profile_id else None),
        measured.archive_bytes,
    )


def free_bundle_name(directory: Path, today: date) -> str:
    """`casebook-bundle-2026-11-22`, or `…-2`, `…-3` when an earlier export used the name.

    Never the patient's name: file names travel in clear text through email and cloud folders.
    """
    base = f"{BUNDLE_BASE_NAME}-{today.isoformat()}"
    name, counter = base, 1
    while any(
        not p.name.endswith(".partial") for p in directory.glob(f"{name}.7z*")
    ):  # fmt: skip
        counter += 1
        name = f"{base}-{counter}"
    return name


def cover_sheet_pdf(
    request: ExportRequest, result: ExportResult, today: date, language: str
) -> bytes:
    """The printable cover sheet (password and part hashes) as PDF bytes, in memory only."""
    sheet = CoverSheet(
        recipient=request.recipient,
        created_on=today.isoformat(),
        password=result.password,
        parts=sheet_parts([(p.path.name, p.size, p.sha256) for p in result.bundle.parts]),
        sender=request.sender,
    )
    return render_cover_sheet(sheet, language)


def cover_sheet_pages(pdf: bytes, max_pixels: int = 9_000_000) -> list[Pixels]:
    """The sheet's pages as RGB pixels, for printing (our own PDF: no isolation needed)."""
    return [render_pdf_page(pdf, index, max_pixels) for index in range(pdf_page_count(pdf))]
