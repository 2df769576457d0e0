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


class BundleProblem(enum.Enum):
    """What verification found wrong."""

    PART_MISSING = "part_missing"  # a volume of the archive is not there
    NOT_AN_ARCHIVE = "not_an_archive"  # not a 7z archive, or its headers are damaged
    WRONG_PASSWORD = "wrong_password"  # noqa: S105 - a problem name, not a password
    CONTENT_DAMAGED = "content_damaged"  # the archive's own checksums fail while extracting
    HASH_MISMATCH = "hash_mismatch"  # a file's SHA-256 differs from SHA256SUMS
    FILE_MISSING = "file_missing"  # listed in SHA256SUMS (or DICOMDIR) but absent
    FILE_UNLISTED = "file_unlisted"  # present but not listed in SHA256SUMS
    CHECKSUMS_MISSING = "checksums_missing"  # no (readable) SHA256SUMS
    DICOMDIR_INVALID = "dicomdir_invalid"  # the DICOMDIR cannot be read
    PART_HASH_MISMATCH = "part_hash_mismatch"  # a part differs from its recorded SHA-256


@dataclass
class BundleInvalid(CasebookError):
    """A bundle failed verification; `item` names the archive part or file concerned."""

    problem: BundleProblem
    item: str
    detail: str = ""

    def __str__(self) -> str:
        text = f"{self.problem.value}: {self.item}"
        return f"{text} ({self.detail})" if self.detail else text
