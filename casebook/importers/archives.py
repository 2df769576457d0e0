"""Reading .zip archives (hospital download portals hand them out) once, within limits.

An archive is opened once per import and its member list read once, whatever the number of
members (a 20,000-member zip used to be reopened for each). Each member is checked against
`ArchiveLimits` before a byte of it is decompressed: a member that claims more than the limit,
or that would grow more than `max_ratio` times (a "zip bomb": 1.3 MB that unpacks to 1 GB),
is refused with a reason. zipfile itself stops reading at the size a member declares, so a
member cannot grow past what was checked.
"""

from __future__ import annotations

import enum
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

GIB = 1024 * 1024 * 1024


class ArchiveProblem(enum.Enum):
    """Why an archive or one of its members was not read."""

    TOO_LARGE = "too_large"  # unpacks to more than the limit
    SUSPICIOUS_COMPRESSION = "suspicious_compression"  # grows far more than real files do
    PASSWORD_PROTECTED = "password_protected"  # noqa: S105 - a reason, not a password
    TOO_MANY_MEMBERS = "too_many_members"
    DAMAGED = "damaged"


@dataclass(frozen=True)
class ArchiveLimits:
    max_member_bytes: int = 4 * GIB
    max_total_bytes: int = 64 * GIB
    # Real DICOM and documents compress at most ~20×; a bomb reaches 1,000×. Small members
    # (mostly blank padding) may compress more and can do no harm.
    max_ratio: float = 200.0
    ratio_applies_above: int = 1024 * 1024
    max_members: int = 100_000


@dataclass(frozen=True)
class Member:
    """One file inside an archive, as its directory describes it."""

    name: str
    size: int
    compressed_size: int
    problem: ArchiveProblem | None = None


def is_zip(path: Path) -> bool:
    try:
        return zipfile.is_zipfile(path)
    except OSError:
        return False


def _problem(info: zipfile.ZipInfo, limits: ArchiveLimits) -> ArchiveProblem | None:
    if info.flag_bits & 0x1:
        return ArchiveProblem.PASSWORD_PROTECTED
    if info.file_size > limits.max_member_bytes:
        return ArchiveProblem.TOO_LARGE
    if info.file_size > limits.ratio_applies_above and info.file_size > limits.max_ratio * max(
        1, info.compress_size
    ):
        return ArchiveProblem.SUSPICIOUS_COMPRESSION
    return None


class ArchiveReader:
    """An open .zip: `members()` once, then `open(member)` for the members that passed."""

    def __init__(self, path: Path, limits: ArchiveLimits | None = None) -> None:
        self.path = path
        self.limits = limits or ArchiveLimits()
        try:
            self._zip = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError) as error:
            raise ArchiveUnreadable(path, ArchiveProblem.DAMAGED, type(error).__name__) from None
        self._infos = {info.filename: info for info in self._zip.infolist() if not info.is_dir()}

    def members(self) -> Iterator[Member]:
        """Every file member in the archive's order, each with its problem (if any)."""
        if len(self._infos) > self.limits.max_members:
            raise ArchiveUnreadable(
                self.path, ArchiveProblem.TOO_MANY_MEMBERS, str(len(self._infos))
            )
        total = 0
        for name, info in self._infos.items():
            problem = _problem(info, self.limits)
            if problem is None:
                total += info.file_size
                if total > self.limits.max_total_bytes:
                    problem = ArchiveProblem.TOO_LARGE
            yield Member(name, info.file_size, info.compress_size, problem)

    def open(self, name: str) -> IO[bytes]:
        info = self._infos[name]
        problem = _problem(info, self.limits)
        if problem is not None:
            raise ArchiveUnreadable(self.path, problem, name)
        return self._zip.open(info)

    def close(self) -> None:
        self._zip.close()

    def __enter__(self) -> ArchiveReader:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


class ArchiveUnreadable(Exception):
    """An archive (or one member) that is not read, with the reason. Turned into a
    FileRefused by the importer."""

    def __init__(self, path: Path, problem: ArchiveProblem, detail: str = "") -> None:
        super().__init__(f"{path}: {problem.value} {detail}")
        self.path = path
        self.problem = problem
        self.detail = detail
