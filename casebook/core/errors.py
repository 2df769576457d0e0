"""Expected failures, classified where they happen and carrying fields, not sentences.

The UI turns these into translated messages; anything that is not a `CasebookError` is a bug
and goes to the crash dialog.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from pathlib import Path


def _rebuild_error(cls: type[CasebookError], state: dict[str, object]) -> CasebookError:
    error = cls.__new__(cls)
    error.__dict__.update(state)
    return error


class CasebookError(Exception):
    """Base class of every expected failure."""

    def __reduce__(self) -> tuple[object, ...]:
        # Dataclass exceptions do not pickle by default; they must cross from the worker
        # process that parses untrusted files back to the app.
        return (_rebuild_error, (type(self), dict(self.__dict__)))


class WrongPassword(CasebookError):
    """The password or recovery code does not open this binder."""


@dataclass
class BinderDamaged(CasebookError):
    """The binder's files are damaged; `details` lists what the checks found."""

    path: Path
    details: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        return f"binder damaged at {self.path}: {'; '.join(self.details) or 'unknown damage'}"


@dataclass
class BinderRolledBack(CasebookError):
    """binder.db is older than the state last recorded in keyslots.json.

    An older binder.db, or a `-wal` file from an earlier moment, was put back (a sync tool, a
    restore of one file, a crash with the journal deleted): recent work would be missing.
    """

    path: Path
    found_generation: int
    known_generation: int

    def __str__(self) -> str:
        return (
            f"binder at {self.path} rolled back: generation {self.found_generation}, "
            f"last known {self.known_generation}"
        )


@dataclass
class NotEnoughSpace(CasebookError):
    """The disk holding `path` is full."""

    path: Path

    def __str__(self) -> str:
        return f"not enough disk space at {self.path}"


class UnavailableReason(enum.Enum):
    """Why a binder cannot be used right now."""

    MISSING = "missing"
    NOT_A_BINDER = "not_a_binder"
    IN_USE = "in_use"
    READ_ONLY = "read_only"
    ALREADY_EXISTS = "already_exists"
    TOO_NEW = "too_new"
    IO_ERROR = "io_error"  # the disk failed a read or write: full, removed or failing


@dataclass
class BinderUnavailable(CasebookError):
    """The binder is missing, locked by another Casebook, read-only or of a newer version."""

    path: Path
    reason: UnavailableReason

    def __str__(self) -> str:
        return f"binder unavailable at {self.path}: {self.reason.value}"


class FileProblem(enum.Enum):
    """Why a file offered for import was refused."""

    EMPTY = "empty"
    UNREADABLE = "unreadable"
    VANISHED = "vanished"
    NOT_A_FILE = "not_a_file"
    PART_OF_BINDER = "part_of_binder"
    LINK_LOOP = "link_loop"  # a shortcut (symbolic link) that leads round in a circle
    ARCHIVE_TOO_LARGE = "archive_too_large"  # a .zip member that unpacks to more than the limit
    ARCHIVE_BOMB = "archive_bomb"  # a .zip member that would grow far more than real files do
    ARCHIVE_LOCKED = "archive_locked"  # a .zip member protected by a password
    ARCHIVE_DAMAGED = "archive_damaged"  # a .zip that cannot be read


@dataclass
class FileRefused(CasebookError):
    """A file offered for import cannot be taken; the rest of the batch carries on."""

    path: Path
    problem: FileProblem
    detail: str = ""

    def __str__(self) -> str:
        return f"{self.path}: {self.problem.value} {self.detail}".rstrip()


@dataclass
class InvalidInput(CasebookError):
    """A value typed by the user is not acceptable (e.g. an empty patient name)."""

    field_name: str
    problem: str

    def __str__(self) -> str:
        return f"{self.field_name}: {self.problem}"


class ShareProblem(enum.Enum):
    """Why an exchange file from another copy of the binder was not read."""

    NOT_AN_EXCHANGE_FILE = "not_an_exchange_file"
    TOO_NEW = "too_new"  # written by a newer Casebook
    ALTERED = "altered"  # changed, cut short or not made with the family's key
    OTHER_FAMILY = "other_family"  # made by another family's binder
    REPLAYED = "replayed"  # older than a file from the same copy already read
    OLD_KEY = "old_key"  # made with the family key from before someone was removed
    NOT_FOR_YOU = "not_for_you"  # made with a family key this copy was not given
    FROM_REMOVED = "from_removed"  # made by a member who was removed
    INVITATION_USED = "invitation_used"  # a second copy made from one invitation
    UNKNOWN_SENDER = "unknown_sender"  # not made by a member of this family


@dataclass
class ExchangeRefused(CasebookError):
    """An exchange file was refused; nothing it holds was taken."""

    path: Path
    problem: ShareProblem
    sender: str = ""  # the member's name, where known

    def __str__(self) -> str:
        return f"{self.path}: {self.problem.value}"


class InvitationProblem(enum.Enum):
    NOT_AN_INVITATION = "not_an_invitation"
    WRONG_CODE = "wrong_code"  # or the file was altered: the two cannot be told apart
    EXPIRED = "expired"
    TOO_NEW = "too_new"


@dataclass
class InvitationRefused(CasebookError):
    """An invitation file cannot be used to join."""

    path: Path
    problem: InvitationProblem

    def __str__(self) -> str:
        return f"{self.path}: {self.problem.value}"


@dataclass
class NotShared(CasebookError):
    """The binder is not shared with anyone yet (nothing to exchange)."""

    path: Path

    def __str__(self) -> str:
        return f"{self.path}: not shared yet"


@dataclass
class CannotWrite(CasebookError):
    """A file Casebook writes outside the binder (an exchange file, an invitation) could not
    be written: the folder is missing or read-only, or the disk is full."""

    path: Path
    full: bool = False

    def __str__(self) -> str:
        return f"cannot write {self.path}{' (disk full)' if self.full else ''}"
