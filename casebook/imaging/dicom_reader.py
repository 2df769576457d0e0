"""Parse DICOM bytes held in memory into a pydicom Dataset, or say clearly why not.

Files from discs come with and without the 128-byte preamble. Without it pydicom must be
forced, and forcing parses almost anything, so a forced read is only accepted when it starts
like DICOM and yields at least one identifying UID. pydicom's warnings about sloppy but
readable files are silenced here: they say nothing the user can act on.
"""

from __future__ import annotations

import io
import threading
import warnings
from collections.abc import Iterator
from contextlib import contextmanager

import pydicom
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

# warnings.catch_warnings() swaps a process-wide filter list; two threads doing it at once can
# leave "ignore" installed for good. One lock keeps our own save/restore pairs nested.
_WARNINGS_LOCK = threading.RLock()


@contextmanager
def quiet_pydicom() -> Iterator[None]:
    """Run pydicom with its warnings about non-conformant values silenced."""
    with _WARNINGS_LOCK, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        yield


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
    with quiet_pydicom():
        try:
            dataset = pydicom.dcmread(
                io.BytesIO(data), stop_before_pixels=stop_before_pixels, force=not with_preamble
            )
            # The element structure is parsed now; values are converted when first used.
            identified = any(dataset.get(tag) is not None for tag in _IDENTIFYING_TAGS)
        except Exception as exc:  # noqa: BLE001 - any parser failure on untrusted bytes is damage
            problem = DicomProblem.DAMAGED if with_preamble else DicomProblem.NOT_DICOM
            raise DicomUnreadable(problem, f"{type(exc).__name__}: {exc}") from exc
    if not identified and not dataset.file_meta.get("TransferSyntaxUID"):
        problem = DicomProblem.DAMAGED if with_preamble else DicomProblem.NOT_DICOM
        raise DicomUnreadable(problem, "no identifying UIDs")
    return dataset


def transfer_syntax_of(dataset: Dataset) -> UID:
    """The dataset's transfer syntax: from its file meta, else from how it was encoded."""
    declared = dataset.file_meta.get("TransferSyntaxUID")
    if declared:
        return UID(str(declared))
    implicit_vr, little_endian = dataset.original_encoding
    if implicit_vr:
        return ImplicitVRLittleEndian
    return ExplicitVRLittleEndian if little_endian else ExplicitVRBigEndian
