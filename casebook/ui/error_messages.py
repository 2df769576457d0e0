"""Plain, translated sentences for expected failures (`CasebookError` carries only fields)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

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


def _tr(text: str) -> str:
    return QCoreApplication.translate("ErrorMessages", text)


def describe_unavailable(reason: UnavailableReason) -> str:
    texts = {
        UnavailableReason.MISSING: _tr("The binder folder cannot be found. Was it moved?"),
        UnavailableReason.NOT_A_BINDER: _tr("This folder is not a Casebook binder."),
        UnavailableReason.IN_USE: _tr(
            "This binder is already open in another Casebook window. Close it there first."
        ),
        UnavailableReason.READ_ONLY: _tr(
            "Casebook cannot write to this folder. Check the disk is not read-only."
        ),
        UnavailableReason.ALREADY_EXISTS: _tr(
            "A binder or other files are already in that folder. Choose another place."
        ),
        UnavailableReason.TOO_NEW: _tr(
            "This binder was made by a newer Casebook. Please update Casebook to open it."
        ),
    }
    return texts[reason]


def describe_file_problem(problem: FileProblem) -> str:
    texts = {
        FileProblem.EMPTY: _tr("the file is empty"),
        FileProblem.UNREADABLE: _tr("the file could not be read"),
        FileProblem.VANISHED: _tr("the file disappeared while it was being added"),
        FileProblem.NOT_A_FILE: _tr("this is not a normal file"),
        FileProblem.PART_OF_BINDER: _tr("this file belongs to the binder itself"),
    }
    return texts[problem]


def describe_error(error: CasebookError) -> str:
    """One or two short sentences a tired reader can act on."""
    if isinstance(error, WrongPassword):
        return _tr("That password is not right. Please try again.")
    if isinstance(error, BinderUnavailable):
        return describe_unavailable(error.reason)
    if isinstance(error, BinderDamaged):
        return _tr(
            "The binder's files are damaged. Open your most recent backup, or use "
            "“Check binder” to see what is wrong."
        )
    if isinstance(error, NotEnoughSpace):
        return _tr("The disk is full. Free some space and try again.")
    if isinstance(error, FileRefused):
        return describe_file_problem(error.problem)
    if isinstance(error, InvalidInput):
        return _tr("Please check the field “{field}”.").format(field=error.field_name)
    return _tr("The action could not be completed.")


def failure_message(error: BaseException) -> str:
    """Text for a failed background job: the plain reason, or a neutral line for a bug."""
    if isinstance(error, CasebookError):
        return describe_error(error)
    return _tr("This did not work because of a problem inside Casebook.")
