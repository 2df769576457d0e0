"""Reading a disc's DICOMDIR: which files it says are on the disc."""

from __future__ import annotations

import io
import struct

from pydicom import dcmread
from pydicom.errors import BytesLengthException, InvalidDicomError

from casebook.imaging.dicom_reader import quiet_pydicom
from casebook.imaging.errors import DicomProblem, DicomUnreadable

MEDIA_STORAGE_DIRECTORY = "1.2.840.10008.1.3.10"


def read_dicomdir_references(data: bytes) -> list[str]:
    """The referenced file IDs as relative paths with '/' (e.g. "DICOM/ST000001/IM000001").

    A hospital's DICOMDIR is sometimes wrong; the caller compares these with what is really
    on the disc rather than trusting them.
    """
    references: list[str] = []
    with quiet_pydicom():  # values are converted lazily, so the whole walk stays quiet
        try:
            dataset = dcmread(io.BytesIO(data), force=True)
            records = dataset.get("DirectoryRecordSequence")
            if records is None:
                raise DicomUnreadable(DicomProblem.NOT_DICOM, "no directory records")
            for record in records:
                file_id = record.get("ReferencedFileID")
                if file_id is None:
                    continue
                parts = [str(p) for p in file_id] if not isinstance(file_id, str) else [file_id]
                references.append("/".join(part.strip() for part in parts))
        # Found by tools/fuzz.py: NotImplementedError (an unknown value representation),
        # struct.error (a value shorter than its type) and BytesLengthException (a value whose
        # length is not a multiple of its type's size), inside the directory records.
        except (
            InvalidDicomError,
            ValueError,
            EOFError,
            OSError,
            TypeError,
            NotImplementedError,
            struct.error,
            BytesLengthException,
        ) as error:
            raise DicomUnreadable(DicomProblem.DAMAGED, type(error).__name__) from None
    return references
