"""Verifies a sealed bundle as its recipient would: decrypt, re-hash, cross-check.

Given the single archive or its first part and the password, decrypts everything (streaming,
nothing written to disk), checks each file against SHA256SUMS, that SHA256SUMS lists every file,
and that every file the DICOMDIR references is there. The first problem found is raised as a
`BundleInvalid` naming the part or file; part hashes can also be checked against a cover sheet.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from casebook.bundle.dicomdir import referenced_files
from casebook.bundle.errors import BundleInvalid, BundleProblem
from casebook.bundle.layout import CHECKSUMS_NAME, DICOMDIR_NAME
from casebook.bundle.manifest import parse_checksums
from casebook.bundle.readback import read_archive
from casebook.bundle.volumes import ArchivePart, find_parts, hash_parts
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
            raise BundleInvalid(BundleProblem.PART_HASH_MISMATCH, part.path.name)


def verify_bundle(
    first_part: Path,
    password: str,
    *,
    expected_part_sha256: Mapping[str, str] | None = None,
    report: Report = ignore_progress,
    cancel: CancelToken = NEVER_CANCELLED,
) -> VerifiedBundle:
    """Checks the bundle starting at `first_part`; raises `BundleInvalid` on the first problem.

    `expected_part_sha256` maps part file names to the SHA-256 printed on the cover sheet.
    """
    if not first_part.is_file():
        raise BundleInvalid(BundleProblem.PART_MISSING, first_part.name)
    paths = find_parts(first_part)
    total = sum(path.stat().st_size for path in paths)
    done = 0

    def on_bytes(count: int) -> None:
        nonlocal done
        done += count
        report(Progress(min(done, total), total))

    try:
        reading = read_archive(paths, password, (CHECKSUMS_NAME, DICOMDIR_NAME), on_bytes, cancel)
    except BundleInvalid as error:
        if error.problem is BundleProblem.WRONG_PASSWORD and expected_part_sha256:
            # Encrypted headers hide whether the password or the bytes are wrong: the cover
            # sheet's hashes decide.
            _check_parts(hash_parts(paths), expected_part_sha256)
        raise
    if expected_part_sha256:
        _check_parts(reading.parts, expected_part_sha256)
    checksums = reading.kept.get(CHECKSUMS_NAME)
    if checksums is None:
        raise BundleInvalid(BundleProblem.CHECKSUMS_MISSING, CHECKSUMS_NAME)
    try:
        listed = parse_checksums(checksums)
    except UnicodeDecodeError as error:
        raise BundleInvalid(BundleProblem.CHECKSUMS_MISSING, CHECKSUMS_NAME) from error
    for path, sha256 in sorted(listed.items()):
        found = reading.files.get(path)
        if found is None:
            raise BundleInvalid(BundleProblem.FILE_MISSING, path)
        if found.sha256 != sha256:
            raise BundleInvalid(BundleProblem.HASH_MISMATCH, path, f"expected {sha256}")
    for path in sorted(reading.files.keys() - listed.keys() - {CHECKSUMS_NAME}):
        raise BundleInvalid(BundleProblem.FILE_UNLISTED, path)
    references: list[str] = []
    dicomdir = reading.kept.get(DICOMDIR_NAME)
    if dicomdir is not None:
        try:
            references = referenced_files(dicomdir)
        except Exception as error:  # pydicom raises many types on damaged input
            raise BundleInvalid(
                BundleProblem.DICOMDIR_INVALID, DICOMDIR_NAME, str(error)
            ) from error
        for path in references:
            if path not in reading.files:
                raise BundleInvalid(BundleProblem.FILE_MISSING, path, "referenced by DICOMDIR")
    return VerifiedBundle(reading.parts, len(reading.files), len(references))
