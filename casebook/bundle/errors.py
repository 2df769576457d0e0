"""Expected failures of sealing and verifying a bundle, with fields for the UI to render."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from pathlib import Path

from casebook.core.errors import CasebookError


@dataclass
class SourceChanged(CasebookError):
    """An item's bytes did not match the size or SHA-256 the binder recorded for it."""

    item: str
    expected_sha256: str
    actual_sha256: str
    expected_size: int
    actual_size: int

    def __str__(self) -> str:
        return f"{self.item}: bytes differ from the binder's record"


@dataclass
class BundleWriteFailed(CasebookError):
    """Writing the archive failed (other than a full disk); nothing is left under the final
    name."""

    path: Path
    errno: int | None
    detail: str = ""

    def __str__(self) -> str:
        return f"could not write {self.path}: {self.detail or self.errno}"


@dataclass
class PasswordNotSaved(CasebookError):
    """The bundle's password could not be handed over (written to `path`, or printed when
    `path` is None), so the bundle was not published: nobody would have its password."""

    path: Path | None
    errno: int | None

    def __str__(self) -> str:
        return f"password not saved to {self.path or 'standard output'}: {self.errno}"


class BundleProblem(enum.Enum):
    """What verification found wrong."""

    PART_MISSING = "part_missing"  # a volume of the archive is not there
    PART_INCOMPLETE = "part_incomplete"  # a volume is shorter (or longer) than the archive says
    PART_UNREADABLE = "part_unreadable"  # the system could not read a volume (a failing drive)
    NOT_AN_ARCHIVE = "not_an_archive"  # not a 7z archive at all
    UNSUPPORTED = "unsupported"  # a 7z archive made in a way Casebook cannot check
    WRONG_PASSWORD = "wrong_password"  # noqa: S105 - a problem name, not a password
    CONTENT_DAMAGED = "content_damaged"  # bytes of a part fail the archive's own checksums
    HASH_MISMATCH = "hash_mismatch"  # a file's SHA-256 differs from SHA256SUMS
    FILE_MISSING = "file_missing"  # listed in SHA256SUMS but absent
    REFERENCE_MISSING = "reference_missing"  # referenced by the DICOMDIR but absent
    FILE_UNLISTED = "file_unlisted"  # present but not listed in SHA256SUMS
    CHECKSUMS_MISSING = "checksums_missing"  # no (readable) SHA256SUMS
    DICOMDIR_INVALID = "dicomdir_invalid"  # the DICOMDIR cannot be read
    PART_HASH_MISMATCH = "part_hash_mismatch"  # a part differs from its recorded SHA-256
    INTERRUPTED = "interrupted"  # the export stopped while giving the parts their names


@dataclass
class BundleInvalid(CasebookError):
    """A bundle failed verification.

    `item` is the file inside the bundle concerned (empty when the problem is the archive's
    own structure); `parts` are the archive's files (volumes) that hold the problem, in order.
    """

    problem: BundleProblem
    item: str = ""
    parts: tuple[str, ...] = ()

    def __str__(self) -> str:
        where = ", ".join(self.parts)
        return " ".join(part for part in (self.problem.value, self.item, where) if part)
