"""The words for every expected failure, in one place, for the app and the command line alike.

A `CasebookError` carries fields, not sentences. Each kind is worded here once, as one or two
short sentences a tired caregiver can act on, from the catalogue of generated texts
(`casebook.texts`, gettext): the command line renders them in the system's language, the app in
the language of its interface, so both say the same thing. Where an error names a file or a
binder, the sentence says it by its name; the command line puts the full path in front
(`casebook: /media/usb/binder: …`), the app does not need to.

    describe(error, texts_for("zh"))     # the error in Chinese
    registered_kinds()                   # every kind that has words (a test walks them all)

Plain Python: no Qt, so the command line does not load it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from casebook.bundle.errors import (
    BundleInvalid,
    BundleWriteFailed,
    PasswordNotSaved,
    SourceChanged,
)
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
    ShareProblem,
    UnavailableReason,
    WrongPassword,
)
from casebook.core.profiles import ProfileInvalid
from casebook.core.recordings import RecordingProblem, RecordingRefused
from casebook.imaging.deidentify import NotDeidentifiable
from casebook.imaging.errors import DicomProblem, DicomUnreadable
from casebook.importers.pdf_errors import PdfPasswordProtected, PdfUnreadable
from casebook.importers.picture import PictureUnreadable
from casebook.services.export.identity_guard import IdentityWouldLeak
from casebook.services.records.outside_copies import CopyFailed
from casebook.services.records.previews import UnsupportedPreview
from casebook.services.redaction.copies import CannotRedact
from casebook.services.workers.errors import IsolationFailure, UntrustedFileFailed
from casebook.texts import N_, Texts

E = TypeVar("E", bound=CasebookError)
Describer = Callable[[Any, Texts], str]

_REGISTRY: dict[type[CasebookError], Describer] = {}

INSIDE_CASEBOOK = N_("This did not work because of a problem inside Casebook.")
"""For what is not an expected failure: a bug, which the crash report describes."""


def words_for(kind: type[E]) -> Callable[[Callable[[E, Texts], str]], Callable[[E, Texts], str]]:
    """Registers the function that words errors of `kind` (and of its subclasses)."""

    def register(describer: Callable[[E, Texts], str]) -> Callable[[E, Texts], str]:
        _REGISTRY[kind] = describer
        return describer

    return register


def registered_kinds() -> frozenset[type[CasebookError]]:
    return frozenset(_REGISTRY) | frozenset(_FIXED)


def describe(error: BaseException, texts: Texts) -> str:
    """The words for `error` in the language of `texts`; a bug gets the neutral line."""
    for kind in type(error).__mro__:
        describer = _REGISTRY.get(kind)
        if describer is not None:
            return describer(error, texts)
        sentence = _FIXED.get(kind)
        if sentence is not None:
            return texts.gettext(sentence)
    return texts.gettext(INSIDE_CASEBOOK)


# Failures worded by one fixed sentence ----------------------------------------------------

_FIXED: dict[type[CasebookError], str] = {
    WrongPassword: N_("The password or recovery code is not right. Please try again."),
    BinderRolledBack: N_(
        "This binder is older than the last time it was used: its data file was replaced "
        "by an earlier copy, so recent changes are missing. Open your most recent backup "
        "instead. If you put this older copy back on purpose, you can keep working with it."
    ),
    BinderDamaged: N_(
        "The binder's files are damaged. Open your most recent backup, or use "
        "“Check binder” to see what is wrong."
    ),
    NotEnoughSpace: N_("The disk is full. Free some space and try again."),
    PdfUnreadable: N_(
        "This PDF is damaged and cannot be shown. Ask for the file again, or add a scan or "
        "a photo of the paper."
    ),
    PictureUnreadable: N_(
        "This picture is damaged or of a kind Casebook cannot show. Take the photo again, "
        "or save it as JPEG or PNG."
    ),
    NotDeidentifiable: N_(
        "Casebook could not remove the patient's name from one of the images, so the bundle "
        "without identity was not made. Make a bundle with identity, or remove that series."
    ),
    PasswordNotSaved: N_(
        "The bundle's password could not be saved, so the bundle was not kept: nobody "
        "could have opened it. Check the drive and try again."
    ),
    NotShared: N_("This binder is not shared with anyone yet. Invite a family member first."),
}
"""Kinds whose words need none of the error's fields."""


# The binder ---------------------------------------------------------------------------------

_UNAVAILABLE = {
    UnavailableReason.MISSING: N_("The binder folder cannot be found. Was it moved?"),
    UnavailableReason.NOT_A_BINDER: N_("This folder is not a Casebook binder."),
    UnavailableReason.IN_USE: N_(
        "This binder is already open in another Casebook window. Close it there first."
    ),
    UnavailableReason.READ_ONLY: N_(
        "Casebook cannot write to this folder. Check the disk is not read-only."
    ),
    UnavailableReason.ALREADY_EXISTS: N_(
        "A binder or other files are already in that folder. Choose another place."
    ),
    UnavailableReason.TOO_NEW: N_(
        "This binder was made by a newer Casebook. Please update Casebook to open it."
    ),
    UnavailableReason.IO_ERROR: N_(
        "The disk could not be written or read. It may be full, removed or failing."
    ),
}


def unavailable_words(reason: UnavailableReason, texts: Texts) -> str:
    return texts.gettext(_UNAVAILABLE[reason])


@words_for(BinderUnavailable)
def _unavailable(error: BinderUnavailable, texts: Texts) -> str:
    return unavailable_words(error.reason, texts)


@words_for(CannotWrite)
def _cannot_write(error: CannotWrite, texts: Texts) -> str:
    if error.full:
        text = texts.gettext("The disk for {file} is full. Free some space and try again.")
    else:
        text = texts.gettext(
            "Casebook could not write {file}. Check that the folder still exists (a USB stick "
            "still plugged in) and is not read-only."
        )
    return text.format(file=error.path.name)


@words_for(InvalidInput)
def _invalid(error: InvalidInput, texts: Texts) -> str:
    field = error.field_name.replace("_", " ")
    return texts.gettext("Please check “{field}”: {problem}.").format(
        field=field, problem=error.problem
    )


@words_for(ProfileInvalid)
def _profile(error: ProfileInvalid, texts: Texts) -> str:
    return texts.gettext(
        "The description of the hospital “{profile}” cannot be used ({field}: {problem}). "
        "Choose another hospital, or install Casebook again."
    ).format(profile=error.profile, field=error.field_name, problem=error.problem)


# Files offered for import -------------------------------------------------------------------

_FILE_PROBLEMS = {
    FileProblem.EMPTY: N_("the file is empty"),
    FileProblem.UNREADABLE: N_("the file could not be read"),
    FileProblem.VANISHED: N_("the file disappeared while it was being added"),
    FileProblem.NOT_A_FILE: N_("this is not a normal file"),
    FileProblem.PART_OF_BINDER: N_("this file belongs to the binder itself"),
    FileProblem.LINK_LOOP: N_("a shortcut that leads round in a circle; it was skipped"),
    FileProblem.ARCHIVE_TOO_LARGE: N_("inside the .zip file, this file is too large"),
    FileProblem.ARCHIVE_BOMB: N_(
        "inside the .zip file, this file would unpack to far more than it should "
        "(the .zip may be damaged or harmful)"
    ),
    FileProblem.ARCHIVE_LOCKED: N_("inside the .zip file, this file needs a password"),
    FileProblem.ARCHIVE_DAMAGED: N_("the .zip file is damaged and cannot be read"),
}


def file_problem_words(problem: FileProblem, texts: Texts) -> str:
    """Why one file of a batch was refused, as a clause after its name."""
    return texts.gettext(_FILE_PROBLEMS[problem])


@words_for(FileRefused)
def _file_refused(error: FileRefused, texts: Texts) -> str:
    return file_problem_words(error.problem, texts)


@words_for(PdfPasswordProtected)
def _pdf_password(error: PdfPasswordProtected, texts: Texts) -> str:
    if error.password_given:
        return texts.gettext("That password does not open this PDF. Please try again.")
    return texts.gettext("This PDF is locked with a password. Type the password to open it.")


_ISOLATION = {
    IsolationFailure.CRASHED: N_(
        "This file could not be read safely: reading it stopped the reader. The file may be "
        "damaged. Everything else carries on."
    ),
    IsolationFailure.TIMED_OUT: N_(
        "This file could not be read safely: reading it took far too long. The file may be "
        "damaged. Everything else carries on."
    ),
    IsolationFailure.OUT_OF_MEMORY: N_(
        "This file could not be read safely: it needed far more memory than a real file "
        "does. The file may be damaged. Everything else carries on."
    ),
    IsolationFailure.FAILED: N_(
        "This file could not be read safely. The file may be damaged. Everything else carries on."
    ),
}


@words_for(UntrustedFileFailed)
def _untrusted(error: UntrustedFileFailed, texts: Texts) -> str:
    return texts.gettext(_ISOLATION[error.failure])


@words_for(UnsupportedPreview)
def _no_preview(error: UnsupportedPreview, texts: Texts) -> str:
    return texts.gettext(
        "Casebook cannot show a file of this kind ({kind}). It is kept in the binder and goes "
        "into the bundle as it is."
    ).format(kind=error.media_type)


@words_for(CannotRedact)
def _cannot_redact(error: CannotRedact, texts: Texts) -> str:
    return texts.gettext(
        "Only PDFs and pictures can be blacked out in Casebook; this file is {kind}."
    ).format(kind=error.media_type)


@words_for(CopyFailed)
def _copy_failed(error: CopyFailed, texts: Texts) -> str:
    return texts.gettext("The copy could not be written to {folder}. Choose another place.").format(
        folder=error.path.parent
    )


# Recordings ---------------------------------------------------------------------------------

_RECORDING_PROBLEMS = {
    RecordingProblem.NOT_AUDIO: N_("This is not a sound recording Casebook can read."),
    RecordingProblem.VIDEO: N_(
        "This is a video, not a sound recording. Save only its sound (for example as "
        ".m4a) and add that."
    ),
    RecordingProblem.DAMAGED: N_(
        "The recording is damaged or cut off and cannot be played. Copy it from the phone again."
    ),
    RecordingProblem.TOO_LONG: N_(
        "The recording lasts {hours} hours. Casebook keeps recordings of up to 3 hours: "
        "cut it into parts first."
    ),
    RecordingProblem.EMPTY: N_("The recording holds no sound."),
    RecordingProblem.WECHAT_SILK: N_(
        "This is a WeChat voice message in WeChat's own format, which Casebook cannot play."
    ),
}


@words_for(RecordingRefused)
def _recording(error: RecordingRefused, texts: Texts) -> str:
    """Why a sound file cannot be kept as a recording, and what to do."""
    if error.problem is RecordingProblem.DAMAGED and error.seconds >= 1:
        seconds = round(error.seconds)
        return texts.ngettext(
            "The recording is damaged or cut off: only its first {count} second can be played. "
            "Copy it from the phone again.",
            "The recording is damaged or cut off: only its first {count} seconds can be "
            "played. Copy it from the phone again.",
            seconds,
        ).format(count=seconds)
    return texts.gettext(_RECORDING_PROBLEMS[error.problem]).format(
        hours=f"{error.seconds / 3600:.1f}"
    )


# Imaging ------------------------------------------------------------------------------------

_DICOM_PROBLEMS = {
    DicomProblem.UNSUPPORTED_COMPRESSION: N_(
        "This image is stored with a compression Casebook cannot show ({detail})."
    ),
    DicomProblem.NO_PIXELS: N_("This file holds no picture (for example a report)."),
    DicomProblem.DAMAGED: N_("This image is damaged and cannot be shown."),
    DicomProblem.NOT_DICOM: N_("This file is not a DICOM image."),
}


@words_for(DicomUnreadable)
def _dicom(error: DicomUnreadable, texts: Texts) -> str:
    """In words a caregiver can pass on to the hospital."""
    detail = error.detail.split(" (")[0] if error.detail else ""
    return texts.gettext(_DICOM_PROBLEMS[error.problem]).format(detail=detail)


# The bundle ---------------------------------------------------------------------------------


@words_for(BundleWriteFailed)
def _bundle_write(error: BundleWriteFailed, texts: Texts) -> str:
    return texts.gettext(
        "The bundle could not be written to {path}. Was the USB stick removed? "
        "Nothing was left behind; check the drive and try again."
    ).format(path=error.path.parent)


def _bundle_difference(error: CasebookError, texts: Texts) -> str:
    return texts.gettext(
        "The check after writing found a difference, so the bundle was deleted. "
        "Try again, or choose another drive; use “Check binder” if it happens again."
    )


words_for(SourceChanged)(_bundle_difference)


@words_for(BundleInvalid)
def _bundle_invalid(error: BundleInvalid, texts: Texts) -> str:
    """Said by `casebook verify` of a bundle, and by the export when its own check fails."""
    return texts.gettext(
        "The bundle did not pass its check ({detail}). A bundle Casebook had just written is "
        "deleted: try again, or choose another drive. A bundle you received: ask for it again."
    ).format(detail=error)


@words_for(IdentityWouldLeak)
def _identity(error: IdentityWouldLeak, texts: Texts) -> str:
    return texts.gettext(
        "Some files still show the patient's identity ({files}), so the bundle without "
        "identity was not made. Black out or remove those files, or make a bundle with "
        "identity."
    ).format(files=", ".join(error.paths))


# Sharing ------------------------------------------------------------------------------------

_INVITATION_PROBLEMS = {
    InvitationProblem.NOT_AN_INVITATION: N_("This file is not an invitation to a family binder."),
    InvitationProblem.WRONG_CODE: N_(
        "The code does not open this invitation. Check the code (letters and digits; "
        "small or capital letters do not matter), or ask for a new invitation."
    ),
    InvitationProblem.EXPIRED: N_(
        "This invitation has expired. Ask your family member to make a new one."
    ),
    InvitationProblem.TOO_NEW: N_(
        "This invitation was made by a newer Casebook. Please update Casebook first."
    ),
}


def invitation_words(problem: InvitationProblem, texts: Texts) -> str:
    return texts.gettext(_INVITATION_PROBLEMS[problem])


@words_for(InvitationRefused)
def _invitation(error: InvitationRefused, texts: Texts) -> str:
    return invitation_words(error.problem, texts)


_REFUSED = {
    ShareProblem.NOT_AN_EXCHANGE_FILE: N_("It is not an exchange file from Casebook."),
    ShareProblem.TOO_NEW: N_("It was made by a newer Casebook. Please update Casebook."),
    ShareProblem.ALTERED: N_(
        "It was changed or damaged on the way, or not made with this family's key. "
        "Nothing was taken from it."
    ),
    ShareProblem.OTHER_FAMILY: N_("It belongs to another family's binder."),
    ShareProblem.REPLAYED: N_(
        "It is older than a file already read from the same computer. Nothing is missing."
    ),
    ShareProblem.OLD_KEY: N_(
        "It was made before a member was removed. Its news will come again in a newer file."
    ),
    ShareProblem.NOT_FOR_YOU: N_(
        "It was made with a new family key this computer has not received. If you were "
        "not removed from the family, it will arrive with a later exchange."
    ),
    ShareProblem.FROM_REMOVED: N_("It was made by someone who was removed from the family."),
    ShareProblem.INVITATION_USED: N_(
        "It was made from an invitation that had already been used on another computer."
    ),
    ShareProblem.UNKNOWN_SENDER: N_("It was not made by a member of this family."),
}


def refused_words(problem: ShareProblem, texts: Texts) -> str:
    """Why an exchange file was not read (said after its name)."""
    return texts.gettext(_REFUSED[problem])


@words_for(ExchangeRefused)
def _exchange(error: ExchangeRefused, texts: Texts) -> str:
    return refused_words(error.problem, texts)
