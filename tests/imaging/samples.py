"""Where the real DICOM inputs live, and edits of real files (made in memory for one test)."""

from __future__ import annotations

import io
import struct

import pydicom
from data_paths import BROKEN, DATA, SMALL_MR, TRANSFER_SYNTAXES, lung_slice_path
from data_paths import LUNG_SERIES as LUNG_CT
from pydicom.dataset import Dataset

__all__ = ["BROKEN", "DATA", "LUNG_CT", "SMALL_MR", "TRANSFER_SYNTAXES"]


def lung_slice(number: int = 32) -> bytes:
    return lung_slice_path(number).read_bytes()


def read(data: bytes) -> Dataset:
    return pydicom.dcmread(io.BytesIO(data))


def write(dataset: Dataset) -> bytes:
    buffer = io.BytesIO()
    dataset.save_as(buffer)
    return buffer.getvalue()


def without_preamble(data: bytes) -> bytes:
    """The file as some PACS write it: no 128-byte preamble and no "DICM"."""
    assert data[128:132] == b"DICM"
    return data[132:]


def without_file_meta(data: bytes) -> bytes:
    """Only the dataset: no preamble, no DICM, no group 0002 (old ACR-NEMA style exports)."""
    group_length = struct.unpack_from("<I", without_preamble(data), 8)[0]
    return data[132 + 12 + group_length :]
