"""One clear line for each expected failure on the command line, and its exit code.

The words are in the language of the system (LANGUAGE, LC_ALL, LC_MESSAGES, LANG; Windows' UI
language), from the catalogue of generated texts (`casebook.texts`): Chinese on a Chinese
system, English otherwise.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from casebook.bundle.errors import BundleInvalid, BundleWriteFailed, SourceChanged
from casebook.core.errors import (
    BinderDamaged,
    BinderRolledBack,
    BinderUnavailable,
    CannotWrite,
    CasebookError,
    ExchangeRefused,
    FileProblem,
    FileRefused,
    InvalidInput,
    InvitationProblem,
    InvitationRefused,
    NotEnoughSpace,
    NotShared,
    WrongPassword,
)
from casebook.importers.furniture import Furniture
from casebook.resources import InstallationBroken
from casebook.texts import N_, Texts, system_language, texts_for

if TYPE_CHECKING:
    from casebook.services.records.importing import HeldBackPatient

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
EXIT_BROKEN_INSTALLATION = 72  # Casebook's own files are missing: reinstall (binders untouched)

_EXIT_CODES = N_(
    """exit codes:
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
  72  Casebook itself is installed incompletely (its own files are missing):
      install it again; binders are not affected
  130 interrupted"""
)

_FURNITURE = {
    Furniture.PROGRAM: N_("programs"),
    Furniture.AUTORUN: N_("autorun files"),
    Furniture.DISC_INDEX: N_("the disc's index (DICOMDIR)"),
    Furniture.WEB_PAGE: N_("the disc's web pages"),
    Furniture.DISC_README: N_("the disc's read-me"),
    Furniture.SYSTEM_FILE: N_("system files (.DS_Store, Thumbs.db)"),
    Furniture.LOCK_FILE: N_("lock files"),
}


def cli_texts() -> Texts:
    """The command line's words, in the language of the system."""
    return texts_for(system_language())


def gettext(message: str) -> str:
    """`message` in the command line's language (the system's: English or Chinese)."""
    return cli_texts().gettext(message)


def exit_codes_help() -> str:
    return cli_texts().gettext(_EXIT_CODES)


def file_problem(problem: FileProblem) -> str:
    """Why a file was refused, in the words of the error registry."""
    from casebook.services.error_words import file_problem_words

    return file_problem_words(problem, cli_texts())


def broken_installation_paragraphs(error: InstallationBroken) -> tuple[str, str]:
    """English, then Chinese: Casebook needs reinstalling, and binders are not affected.

    In both languages because the Chinese catalogue may be among the missing files.
    """
    missing = ", ".join(error.missing)
    english = (
        f"Casebook is not installed completely. Some of its own files are missing "
        f"({missing}; looked in {error.root}). Your binders are not affected. "
        "Please install Casebook again."
    )
    chinese = (
        f"Casebook 没有完整安装，缺少程序自带的文件（{missing}；查找位置：{error.root}）。"
        "您的病历夹不受影响。请重新安装 Casebook。"
    )
    return english, chinese


def broken_installation_text(error: InstallationBroken) -> str:
    """The two paragraphs as the command line prints them."""
    english, chinese = broken_installation_paragraphs(error)
    return f"casebook: {english}\ncasebook: {chinese}"


def furniture(kind: Furniture) -> str:
    """What a skipped piece of disc furniture is, in the command line's language."""
    return cli_texts().gettext(_FURNITURE[kind])


def held_back_patient(patient: HeldBackPatient) -> str:
    """ "ZHANG^WEI (ID 12345), born 1961-05-12: 40 images — a different date of birth"."""
    t = cli_texts()
    name = patient.name.replace("^", " ").strip() or t.gettext("(no name)")
    text = name + (
        t.gettext(" (ID {id})").format(id=patient.patient_id) if patient.patient_id else ""
    )
    if patient.birth_date is not None:
        text += t.gettext(", born {date}").format(date=patient.birth_date.iso())
    count = patient.image_count
    text += ": " + t.ngettext("{n} image", "{n} images", count).format(n=count)
    reasons = []
    if patient.check.birth_date_differs:
        reasons.append(t.gettext("a different date of birth"))
    if patient.check.name_differs:
        reasons.append(t.gettext("a different name"))
    return text + " — " + t.gettext(" and ").join(reasons)


BACKUP_ADVICE = N_(
    "Open your most recent backup instead (a folder named 'Casebook backup <date>', "
    "made by 'casebook backup' or the app's File menu)."
)

_ACCEPT_ROLLBACK = N_(
    "If you put this older copy back on purpose, run "
    "'casebook check {path} --accept-rollback' to keep working with it."
)


def backup_advice() -> str:
    return cli_texts().gettext(BACKUP_ADVICE)


_EXIT_CODES_BY_KIND: tuple[tuple[type[CasebookError], int], ...] = (
    (WrongPassword, EXIT_WRONG_PASSWORD),
    (BinderRolledBack, EXIT_DAMAGED),
    (BinderDamaged, EXIT_DAMAGED),
    (BinderUnavailable, EXIT_UNAVAILABLE),
    (NotEnoughSpace, EXIT_NO_SPACE),
    (InvalidInput, EXIT_INVALID_INPUT),
    (FileRefused, EXIT_INVALID_INPUT),
    (BundleInvalid, EXIT_PROBLEM_FOUND),
    (BundleWriteFailed, EXIT_UNAVAILABLE),
    (SourceChanged, EXIT_UNAVAILABLE),
    (CannotWrite, EXIT_UNAVAILABLE),
    (NotShared, EXIT_INVALID_INPUT),
    (ExchangeRefused, EXIT_PROBLEM_FOUND),
)


def exit_code(error: CasebookError) -> int:
    """The exit code the command line ends with for `error`."""
    if isinstance(error, InvitationRefused):
        wrong_code = error.problem is InvitationProblem.WRONG_CODE
        return EXIT_WRONG_PASSWORD if wrong_code else EXIT_INVALID_INPUT
    if isinstance(error, CannotWrite) and error.full:
        return EXIT_NO_SPACE  # an exchange file or invitation on a full disk (a USB stick)
    return next((code for kind, code in _EXIT_CODES_BY_KIND if isinstance(error, kind)),
                EXIT_INVALID_INPUT)  # fmt: skip


def describe(error: CasebookError) -> tuple[str, int]:
    """The message (without the program name) and the exit code for an expected failure.

    The words are the error registry's, which the app shows too; the command line puts the
    path the error concerns in front, and adds what to run where the app has a button.
    """
    from casebook.services.error_words import describe as words

    t = cli_texts()
    text = words(error, t)
    if isinstance(error, BinderRolledBack):
        text += " " + t.gettext(_ACCEPT_ROLLBACK).format(path=error.path)
    if isinstance(error, BinderRolledBack | BinderDamaged):
        text += " " + backup_advice()
    if isinstance(error, BinderDamaged) and error.details:
        text += " (" + "; ".join(error.details[:3]) + ")"
    path = getattr(error, "path", None)
    if isinstance(error, BundleWriteFailed):
        path = None  # its words name the folder already
    return (f"{path}: {text}" if path else text), exit_code(error)
