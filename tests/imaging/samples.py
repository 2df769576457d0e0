"""Where the real DICOM inputs live, and edits of real files (made in memory for one test)."""

from __future__ import annotations

import io
import struct
from pathlib import Path

import pydicom
from pydicom.dataset import Dataset

TESTS = Path(__file__).resolve().parents[1]
DATA = TESTS / "data"
BROKEN = DATA / "broken"
SMALL_MR = DATA / "dicom" / "dcm_qa_nih" / "axial_epi_fmri_sequential_i_to_s-00001.dcm"
SHARED_DICOM = TESTS.parents[1] / "shared" / "data" / "dicom"
TRANSFER_SYNTAXES = SHARED_DICOM / "transfer-syntaxes-dcm_qa_ts" / "In"
LUNG_CT = (
    SHARED_DICOM / "lung-ct-Lung_Dx-A0001" / "04-04-2007-NA-Chest-07990" / "2.000000-5mm-40805"
)


def lung_slice(number: int = 32) -> bytes:
    return (LUNG_CT / f"1-{number:02d}.dcm").read_bytes()


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
