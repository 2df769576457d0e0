"""The header of a DICOM instance, for the DICOMDIR's directory records, read in a worker.

Every key of a directory record comes from the file it points to, so the header is read from
the same bytes the bundle carries (decrypted in memory), not from the binder's index. The
parsing runs where the app's isolation puts it (`plan.Isolation`: the worker pool that parsed
the files at import): pydicom's hundred-odd Python objects per header then never reach the
app's process, where the cycle collector on the GUI thread walked them for 20–40 ms during a
seal (issue 15), and a stranger's file is parsed where parsing belongs.

Only the first bytes of each file travel (`read_head`): 16 KiB, enough for most headers, and
sixteen times more for the few whose header runs past them (`record_headers` says which), up
to the whole file. The worker keeps only the attributes a record can use, stops before the
pixel data, and sends them back re-encoded as a small Part 10 file of their own.
"""

from __future__ import annotations

import io
import logging
import threading
import warnings
from collections.abc import Iterator
from contextlib import contextmanager

from pydicom import dcmread
from pydicom.datadict import tag_for_keyword
from pydicom.errors import InvalidDicomError
from pydicom.filebase import DicomBytesIO

from casebook.bundle.plan import OpenChunks, RangeReadable

FIRST_HEAD_BYTES = 16 * 1024
HEAD_GROWTH = 16  # a head too short is read again this many times longer

RECORD_KEYWORDS = (
    "SpecificCharacterSet",
    "SOPClassUID",
    "SOPInstanceUID",
    # patient
    "PatientName",
    "PatientID",
    "PatientBirthDate",
    "PatientSex",
    # study
    "StudyDate",
    "StudyTime",
    "StudyDescription",
    "StudyInstanceUID",
    "StudyID",
    "AccessionNumber",
    # series
    "Modality",
    "SeriesInstanceUID",
    "SeriesNumber",
    "SeriesDescription",
    "SeriesDate",
    "SeriesTime",
    # instance-level keys of the record types in use
    "InstanceNumber",
    "ImageType",
    "NumberOfFrames",
    "Rows",
    "Columns",
    "ContentDate",
    "ContentTime",
    "AcquisitionDate",
    "AcquisitionTime",
    "InstanceCreationDate",
    "InstanceCreationTime",
    "ContentLabel",
    "ContentDescription",
    "ContentCreatorName",
    "PresentationCreationDate",
    "PresentationCreationTime",
    "ReferencedSeriesSequence",
    "CompletionFlag",
    "VerificationFlag",
    "VerificationDateTime",
    "VerifyingObserverSequence",
    "ConceptNameCodeSequence",
    "DocumentTitle",
    "MIMETypeOfEncapsulatedDocument",
    "HL7InstanceIdentifier",
    "DoseSummationType",
    "StructureSetLabel",
    "StructureSetDate",
    "StructureSetTime",
    "RTPlanLabel",
    "RTPlanDate",
    "RTPlanTime",
    "TreatmentDate",
    "TreatmentTime",
)
_TAGS = [tag for tag in map(tag_for_keyword, RECORD_KEYWORDS) if tag is not None]
_QUIET_LOCK = threading.RLock()
_PYDICOM_LOGGER = logging.getLogger("pydicom")


@contextmanager
def quiet_pydicom() -> Iterator[None]:
    """pydicom without its warnings and log lines, which quote values such as patient names:
    nothing patient-identifying may reach a log. (The importer keeps its own, which also
    collects the warnings; adapters do not import each other.)"""
    with _QUIET_LOCK, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        was_disabled = _PYDICOM_LOGGER.disabled
        _PYDICOM_LOGGER.disabled = True
        try:
            yield
        finally:
            _PYDICOM_LOGGER.disabled = was_disabled


class HeaderUnreadable(Exception):
    """The bytes do not start like a DICOM file (never raised for files the binder accepted)."""


def read_head(content: OpenChunks, size: int) -> tuple[bytes, bool]:
    """The first `size` bytes of an instance, and whether they are all of it.

    Stored content hands over just those bytes (`RangeReadable`: the pages that hold them);
    anything else is read chunk by chunk until there are enough."""
    if isinstance(content, RangeReadable):
        data = content.read_range(0, size + 1)
    else:
        collected = bytearray()
        chunks = content()
        for chunk in chunks:
            collected += chunk
            if len(collected) > size:
                break
        if hasattr(chunks, "close"):
            chunks.close()
        data = bytes(collected)
    return data[:size], len(data) <= size


class _Head(io.BytesIO):
    """The first bytes of a file; notes when pydicom asks for more than they hold."""

    def __init__(self, head: bytes, complete: bool) -> None:
        super().__init__(head)
        self._size = len(head)
        self._complete = complete
        self.ran_out = False
        self.name = "<instance>"  # pydicom records where a dataset came from

    def read(self, size: int | None = -1) -> bytes:
        if not self._complete and (size is None or size < 0 or self.tell() + size > self._size):
            self.ran_out = True
        return super().read(size)


def record_header(head: bytes, complete: bool) -> bytes | None:
    """The record attributes of the instance `head` begins, as a small Part 10 file in the
    instance's own encoding; None when its header runs past `head` (then `complete` is False).

    Raises HeaderUnreadable for bytes that do not start like a DICOM file."""
    source = _Head(head, complete)
    with quiet_pydicom():
        try:
            dataset = dcmread(source, force=True, stop_before_pixels=True, specific_tags=_TAGS)
        except (InvalidDicomError, EOFError, ValueError, OSError) as error:
            if source.ran_out:
                return None
            raise HeaderUnreadable(type(error).__name__) from error
        if source.ran_out:
            return None
        encoded = DicomBytesIO()
        dataset.save_as(encoded, enforce_file_format=False)
    return bytes(encoded.getvalue())


def record_headers(heads: list[tuple[bytes, bool]]) -> list[bytes | None]:
    """`record_header` of each (head, complete): one round trip to the worker for many."""
    return [record_header(head, complete) for head, complete in heads]
