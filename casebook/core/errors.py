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
