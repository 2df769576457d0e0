"""Parse DICOM bytes held in memory into a pydicom Dataset, or say clearly why not.

Files from discs come with and without the 128-byte preamble. Without it pydicom must be
forced, and forcing parses almost anything, so a forced read is only accepted when it starts
like DICOM and yields at least one identifying UID. pydicom's warnings about sloppy but
readable files are silenced here: they say nothing the user can act on.
"""

from __future__ import annotations

import io
import logging
import threading
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from typing import cast

import pydicom
from pydicom.dataelem import DataElement, RawDataElement
from pydicom.dataset import Dataset
from pydicom.uid import (
    UID,
    ExplicitVRBigEndian,
    ExplicitVRLittleEndian,
    ImplicitVRLittleEndian,
)

from casebook.imaging.errors import DicomProblem, DicomUnreadable

# Any one of these makes a forced read believable: random bytes do not parse into them.
_IDENTIFYING_TAGS = (
    0x00080016,  # SOP Class UID
    0x00080018,  # SOP Instance UID
    0x0020000D,  # Study Instance UID
    0x0020000E,  # Series Instance UID
)

_UNDEFINED_LENGTH = 0xFFFFFFFF
# pydicom's words when a file ends inside an undefined-length item (e.g. compressed pixels);
# it then drops what it read instead of raising.
_ENDED_EARLY = "End of file reached"

# warnings.catch_warnings() swaps a process-wide filter list; two threads doing it at once can
# leave "ignore" installed for good. One lock keeps our own save/restore pairs nested.
_QUIET_LOCK = threading.RLock()
_PYDICOM_LOGGER = logging.getLogger("pydicom")


@contextmanager
def quiet_pydicom() -> Iterator[list[str]]:
    """Run pydicom with its warnings and log messages silenced; yields the warnings' texts.

    pydicom both warns and logs about non-conformant values, quoting them ("Invalid value for
    VR PN: ..."): that could put a patient's name into a log file, and tells the user nothing.
    A few warnings do matter (a file that ends early); the caller can look for those.
    """
    with _QUIET_LOCK, warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        was_disabled = _PYDICOM_LOGGER.disabled
        _PYDICOM_LOGGER.disabled = True
        heard: list[str] = []
        try:
            yield heard
        finally:
            _PYDICOM_LOGGER.disabled = was_disabled
            heard.extend(str(warning.message) for warning in caught)


def has_preamble(data: bytes) -> bool:
    """True when `data` has the standard 128-byte preamble followed by "DICM"."""
    return data[128:132] == b"DICM"


def read_dataset(data: bytes, *, stop_before_pixels: bool) -> Dataset:
    """Parse `data` (a whole DICOM file, or its head when `stop_before_pixels`)."""
    if not data:
        raise DicomUnreadable(DicomProblem.NOT_DICOM, "empty")
    with_preamble = has_preamble(data)
    if not with_preamble and int.from_bytes(data[:2], "little") not in (0x0002, 0x0008):
        raise DicomUnreadable(DicomProblem.NOT_DICOM, "no DICM marker")
    with quiet_pydicom() as heard:
        try:
            dataset = pydicom.dcmread(
                io.BytesIO(data), stop_before_pixels=stop_before_pixels, force=not with_preamble
            )
            # The element structure is parsed now; values are converted when first used.
            identified = any(dataset.get(tag) is not None for tag in _IDENTIFYING_TAGS)
            truncated = _last_element_is_cut(dataset)
        except Exception as exc:
            problem = DicomProblem.DAMAGED if with_preamble else DicomProblem.NOT_DICOM
            raise DicomUnreadable(problem, f"{type(exc).__name__}: {exc}") from exc
    if truncated or any(_ENDED_EARLY in message for message in heard):
        raise DicomUnreadable(DicomProblem.DAMAGED, "truncated")
    if not identified and not dataset.file_meta.get("TransferSyntaxUID"):
        problem = DicomProblem.DAMAGED if with_preamble else DicomProblem.NOT_DICOM
        raise DicomUnreadable(problem, "no identifying UIDs")
    return dataset


def _last_element_is_cut(dataset: Dataset) -> bool:
    """True when the file ends inside the value of its last element.

    pydicom reads a cut file without complaint and hands back the short value; the declared
    length still says how long it should have been.
    """
    tags = list(dataset.keys())
    if not tags:
        return False
    # pydicom's overloads claim a DataElement; an unconverted element is a RawDataElement.
    last = cast("DataElement | RawDataElement | None", dataset.get_item(max(tags)))
    if not isinstance(last, RawDataElement) or last.length == _UNDEFINED_LENGTH:
        return False
    value = last.value
    return isinstance(value, bytes) and len(value) < last.length


def transfer_syntax_of(dataset: Dataset) -> UID:
    """The dataset's transfer syntax: from its file meta, else from how it was encoded."""
    declared = dataset.file_meta.get("TransferSyntaxUID")
    if declared:
        return UID(str(declared))
    implicit_vr, little_endian = dataset.original_encoding
    if implicit_vr:
        return ImplicitVRLittleEndian
    return ExplicitVRLittleEndian if little_endian else ExplicitVRBigEndian
