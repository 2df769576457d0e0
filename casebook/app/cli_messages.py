"""One clear line for each expected failure on the command line, and its exit code."""

from __future__ import annotations

from casebook.bundle.errors import BundleInvalid, BundleWriteFailed, SourceChanged
from casebook.core.errors import (
    BinderDamaged,
    BinderUnavailable,
    CasebookError,
    FileProblem,
    FileRefused,
    InvalidInput,
    NotEnoughSpace,
    UnavailableReason,
    WrongPassword,
)

EXIT_OK = 0
EXIT_PROBLEM_FOUND = 1  # check or verify found damage
EXIT_USAGE = 2
EXIT_WRONG_PASSWORD = 3
EXIT_DAMAGED = 4
EXIT_UNAVAILABLE = 5
EXIT_NO_SPACE = 6
EXIT_INVALID_INPUT = 7
EXIT_CANCELLED = 130
EXIT_BUG = 70

EXIT_CODES_HELP = """exit codes:
  0   success
  1   check or verify found a problem
  2   wrong usage (unknown option, missing argument)
  3   wrong password or recovery code
  4   the binder is damaged
  5   the binder is missing, in use by another Casebook, read-only or too new
      (or, for the app itself, no display to show it on)
  6   not enough disk space
  7   invalid input (an empty name, a short password, an unreadable password file)
  70  internal error (a bug: please report it)
  130 interrupted"""

_UNAVAILABLE = {
    UnavailableReason.MISSING: "no binder was found at {path}",
    UnavailableReason.NOT_A_BINDER: "{path} is not a Casebook binder",
    UnavailableReason.IN_USE: "the binder at {path} is open in another Casebook window",
    UnavailableReason.READ_ONLY: "the binder at {path} cannot be written (read-only disk?)",
    UnavailableReason.ALREADY_EXISTS: "{path} already exists and is not empty",
    UnavailableReason.TOO_NEW: "the binder at {path} was made by a newer Casebook; update first",
}

FILE_PROBLEMS = {
    FileProblem.EMPTY: "the file is empty",
    FileProblem.UNREADABLE: "the file could not be read",
    FileProblem.VANISHED: "the file disappeared while it was being added",
    FileProblem.NOT_A_FILE: "not a normal file",
    FileProblem.PART_OF_BINDER: "this file belongs to the binder itself",
}


def describe(error: CasebookError) -> tuple[str, int]:
    """The message (without the program name) and the exit code for an expected failure."""
    if isinstance(error, WrongPassword):
        return "the password or recovery code is not right", EXIT_WRONG_PASSWORD
    if isinstance(error, BinderDamaged):
        detail = "; ".join(error.details[:3])
        return f"the binder at {error.path} is damaged: {detail}", EXIT_DAMAGED
    if isinstance(error, BinderUnavailable):
        return _UNAVAILABLE[error.reason].format(path=error.path), EXIT_UNAVAILABLE
    if isinstance(error, NotEnoughSpace):
        return f"not enough disk space at {error.path}", EXIT_NO_SPACE
    if isinstance(error, InvalidInput):
        return f"{error.field_name.replace('_', ' ')}: {error.problem}", EXIT_INVALID_INPUT
    if isinstance(error, FileRefused):
        return f"{error.path}: {FILE_PROBLEMS[error.problem]}", EXIT_INVALID_INPUT
    if isinstance(error, BundleInvalid):
        return f"the bundle failed verification: {error}", EXIT_PROBLEM_FOUND
    if isinstance(error, BundleWriteFailed | SourceChanged):
        return f"the bundle could not be written: {error}", EXIT_UNAVAILABLE
    return str(error), EXIT_INVALID_INPUT
