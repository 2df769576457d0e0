"""Reads the header of a DICOM instance from its chunks, for the DICOMDIR's directory records.

Every key of a directory record comes from the file it points to, so the header is read from
the same bytes the bundle carries (decrypted chunk by chunk, in memory), not from the binder's
index. Only the attributes a record can use are kept, and reading stops before the pixel data,
so a 500 MB multi-frame costs its header. The files were parsed in the isolated worker when
they were imported; this second reading touches only tags named below.
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
from pydicom.dataset import Dataset
from pydicom.errors import InvalidDicomError

from casebook.bundle.plan import OpenChunks

LOOKBACK = 1 << 20  # bytes kept behind the reading position, for pydicom's small seeks back

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


class _ChunkReader(io.RawIOBase):
    """A forward-reading file over `open_chunks` that allows short seeks back."""

    name = "<instance>"  # pydicom records where a dataset came from

    def __init__(self, chunks: Iterator[bytes]) -> None:
        super().__init__()
        self._chunks = chunks
        self._window = bytearray()  # bytes [self._start, self._start + len(self._window))
        self._start = 0
        self._position = 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._position

    def _fill(self, end: int) -> None:
        while self._start + len(self._window) < end:
            chunk = next(self._chunks, b"")
            if not chunk:
                return
            self._window += chunk
        surplus = self._position - self._start - LOOKBACK
        if surplus > 0:
            del self._window[:surplus]
            self._start += surplus

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        if whence == io.SEEK_CUR:
            offset += self._position
        elif whence == io.SEEK_END:
            raise io.UnsupportedOperation("the length of a streamed instance is not known")
        if offset < self._start:
            raise io.UnsupportedOperation("too far back for a streamed instance")
        self._position = offset
        return offset

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        self._fill(self._position + len(buffer))
        begin = self._position - self._start
        data = self._window[begin : begin + len(buffer)]
        buffer[: len(data)] = data
        self._position += len(data)
        return len(data)


def read_header(open_chunks: OpenChunks) -> Dataset:
    """The record-relevant attributes of one instance (raises HeaderUnreadable)."""
    reader = io.BufferedReader(_ChunkReader(iter(open_chunks())), buffer_size=64 * 1024)
    with quiet_pydicom():
        try:
            return dcmread(reader, force=True, stop_before_pixels=True, specific_tags=_TAGS)
        except (InvalidDicomError, EOFError, ValueError, OSError) as error:
            raise HeaderUnreadable(type(error).__name__) from error
