"""Plain, translated words for imaging: why files were skipped, why an image cannot be shown."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from casebook.core.model import PartialDate
from casebook.services.imaging.importing import SkipReason
from casebook.services.imaging.previews import WindowPreset
from casebook.ui.common.error_messages import failure_message
from casebook.ui.common.labels import format_partial_date


def _tr(text: str) -> str:
    return QCoreApplication.translate("ImagingTexts", text)


def skip_reason_label(reason: SkipReason) -> str:
    texts = {
        SkipReason.PROGRAM: _tr("programs and autorun files (the disc's own viewer)"),
        SkipReason.WEB_PAGE: _tr("web pages"),
        SkipReason.PICTURE: _tr("pictures (JPEG, PNG) — these are not the original images"),
        SkipReason.DOCUMENT: _tr("documents (PDF, text) — add them on the Records page"),
        SkipReason.DICOM_INDEX: _tr("the disc's index (DICOMDIR)"),
        SkipReason.UNREADABLE: _tr("damaged or unreadable files"),
        SkipReason.OTHER: _tr("other files"),
    }
    return texts[reason]


def preset_label(preset: WindowPreset) -> str:
    texts = {
        WindowPreset.AUTOMATIC: _tr("Automatic"),
        WindowPreset.LUNG: _tr("Lung"),
        WindowPreset.MEDIASTINUM: _tr("Mediastinum"),
        WindowPreset.ABDOMEN: _tr("Abdomen"),
        WindowPreset.BONE: _tr("Bone"),
        WindowPreset.BRAIN: _tr("Brain"),
    }
    return texts[preset]


def describe_image_failure(error: BaseException) -> str:
    """Why an image cannot be shown, in words a caregiver can pass on to the hospital."""
    return failure_message(error)


def date_text(date: PartialDate | None) -> str:
    return format_partial_date(date, _tr("No date"))


def _counted(count: int, one: str, many: str) -> str:
    return (one if count == 1 else many).format(count=count)


def image_count(count: int) -> str:
    return _counted(count, _tr("{count} image"), _tr("{count} images"))


def file_count(count: int) -> str:
    return _counted(count, _tr("{count} file"), _tr("{count} files"))


def study_count(count: int) -> str:
    return _counted(count, _tr("{count} study"), _tr("{count} studies"))


def series_count(count: int) -> str:
    return _counted(count, _tr("{count} series"), _tr("{count} series"))


def picture_count(count: int) -> str:
    return _counted(count, _tr("{count} picture"), _tr("{count} pictures"))
