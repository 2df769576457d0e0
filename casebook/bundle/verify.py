"""Verifies a sealed bundle as its recipient would: decrypt, re-hash, cross-check.

Given the single archive or any of its parts and the password, decrypts everything in one pass
(streaming, nothing written to disk), checks the archive's own CRCs, each file against
SHA256SUMS, that SHA256SUMS lists every file, and that every file the DICOMDIR references is
there. The first problem found is raised as a `BundleInvalid` naming the file and the parts
concerned; part hashes can also be checked against a cover sheet.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from casebook.bundle.dicomdir import referenced_files
from casebook.bundle.errors import BundleInvalid, BundleProblem
from casebook.bundle.layout import CHECKSUMS_NAME, DICOMDIR_NAME
from casebook.bundle.manifest import parse_checksums
from casebook.bundle.publish import journal_for
from casebook.bundle.readback import ArchiveReading, read_archive
from casebook.bundle.sevenzip.coders import KeyRing
from casebook.bundle.volumes import (
    ArchivePart,
    find_parts,
    hash_parts,
    volume_number,
    volume_path,
)
from casebook.core.progress import NEVER_CANCELLED, CancelToken, Progress, Report, ignore_progress


@dataclass(frozen=True)
class VerifiedBundle:
    parts: tuple[ArchivePart, ...]
    file_count: int
    dicom_references: int


def _check_parts(parts: tuple[ArchivePart, ...], expected: Mapping[str, str]) -> None:
    for part in parts:
        wanted = expected.get(part.path.name)
        if wanted is not None and wanted.lower() != part.sha256:
            raise BundleInvalid(BundleProblem.PART_HASH_MISMATCH, "", (part.path.name,))


def _parts_of(given: Path) -> list[Path]:
    first = given if volume_number(given) is None else volume_path(given, 1)
    if not first.is_file():
        raise BundleInvalid(BundleProblem.PART_MISSING, "", (first.name,))
    if journal_for(first).exists():
        raise BundleInvalid(BundleProblem.INTERRUPTED, "", (first.name,))
    return find_parts(first)


def _check_listing(reading: ArchiveReading) -> None:
    checksums = reading.kept.get(CHECKSUMS_NAME)
    if checksums is None:
        raise BundleInvalid(BundleProblem.CHECKSUMS_MISSING, CHECKSUMS_NAME)
    try:
        listed = parse_checksums(checksums)
    except (UnicodeDecodeError, ValueError) as error:
        raise BundleInvalid(BundleProblem.CHECKSUMS_MISSING, CHECKSUMS_NAME) from error
    for path, sha256 in sorted(listed.items()):
        found = reading.files.get(path)
        if found is None:
            raise BundleInvalid(BundleProblem.FILE_MISSING, path)
        if found.sha256 != sha256.lower():
            raise BundleInvalid(BundleProblem.HASH_MISMATCH, path, found.parts)
    for path in sorted(reading.files.keys() - listed.keys() - {CHECKSUMS_NAME}):
        raise BundleInvalid(BundleProblem.FILE_UNLISTED, path, reading.files[path].parts)


def _check_dicomdir(reading: ArchiveReading) -> int:
    dicomdir = reading.kept.get(DICOMDIR_NAME)
    if dicomdir is None:
        return 0
    try:
        references = referenced_files(dicomdir)
    except Exception as error:  # pydicom raises many types on damaged input
        raise BundleInvalid(BundleProblem.DICOMDIR_INVALID, DICOMDIR_NAME) from error
    for path in references:
        if path not in reading.files:
            raise BundleInvalid(BundleProblem.REFERENCE_MISSING, path)
    return len(references)


def verify_bundle(
    first_part: Path,
    password: str,
    *,
    expected_part_sha256: Mapping[str, str] | None = None,
    report: Report = ignore_progress,
    cancel: CancelToken = NEVER_CANCELLED,
) -> VerifiedBundle:
    """Checks the bundle `first_part` belongs to; raises `BundleInvalid` on the first problem.

    `expected_part_sha256` maps part file names to the SHA-256 printed on the cover sheet.
    """
    paths = _parts_of(first_part)
    total = sum(path.stat().st_size for path in paths)
    done = 0

    def on_bytes(count: int) -> None:
        nonlocal done
        done += count
        report(Progress(min(done, total), total))

    try:
        reading = read_archive(
            paths,
            KeyRing(password),
            keep=(CHECKSUMS_NAME, DICOMDIR_NAME),
            hash_files=True,
            on_bytes=on_bytes,
            cancel=cancel,
        )
    except BundleInvalid as error:
        if expected_part_sha256 and error.problem in (
            BundleProblem.WRONG_PASSWORD,
            BundleProblem.CONTENT_DAMAGED,
        ):
            # The cover sheet's hashes say exactly which part changed.
            _check_parts(hash_parts(paths), expected_part_sha256)
        raise
    if expected_part_sha256:
        _check_parts(reading.parts, expected_part_sha256)
    _check_listing(reading)
    references = _check_dicomdir(reading)
    return VerifiedBundle(reading.parts, len(reading.files), references)
