"""Expected failures when reading DICOM, with fields the UI turns into translated text."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from casebook.core.errors import CasebookError


class DicomProblem(enum.Enum):
    """Why a DICOM file could not be read or shown."""

    NOT_DICOM = "not_dicom"  # the bytes are not a DICOM dataset at all
    DAMAGED = "damaged"  # a DICOM file, but truncated or corrupt
    NO_PIXELS = "no_pixels"  # a valid DICOM object without an image (report, SR, DICOMDIR)
    UNSUPPORTED_COMPRESSION = "unsupported_compression"  # no decoder for its transfer syntax


@dataclass
class DicomUnreadable(CasebookError):
    """A DICOM file cannot be read or its image cannot be decoded.

    `detail` is technical (the transfer syntax, the parser's message) and free of patient data.
    """

    problem: DicomProblem
    detail: str = ""

    def __str__(self) -> str:
        return f"DICOM {self.problem.value}: {self.detail}".rstrip(": ")
