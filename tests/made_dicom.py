"""DICOM files made at test time from the real ones in tests/data (nothing here is stored).

- `twelve_bit_jpeg`: a real 12-bit CT slice compressed by dcmtk as JPEG Extended (Process 4,
  1.2.840.10008.1.2.4.51), optionally with the scan header real discs carry that pylibjpeg
  refuses ("A misplaced marker segment…": spectral selection end 0 instead of 63, which the IJG
  library in dcmtk and GDCM decodes with a warning).
- `enhanced_multi_frame`: real CT slices as the frames of one enhanced CT image whose
  per-frame functional groups say where each frame lies, stored out of order.
- `renumbered`: real CT slices whose instance numbers no longer follow their places.
"""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

import numpy as np
import pydicom
from data_paths import lung_slice_path
from pydicom.dataset import Dataset
from pydicom.pixels import set_pixel_data
from pydicom.sequence import Sequence
from pydicom.uid import generate_uid

ENHANCED_CT = "1.2.840.10008.5.1.4.1.1.2.1"
_SOS = b"\xff\xda"


def twelve_bit_jpeg(dcmcjpeg: Path, out: Path, *, bent_scan_header: bool = True) -> Path:
    """Slice 1-32 of the lung CT as 12-bit JPEG Extended, made by `dcmcjpeg +ee`."""
    source = lung_slice_path(32)
    subprocess.run([str(dcmcjpeg), "+ee", str(source), str(out)], check=True, timeout=60)
    dataset = pydicom.dcmread(out)
    assert str(dataset.file_meta.TransferSyntaxUID) == "1.2.840.10008.1.2.4.51"
    assert dataset.BitsStored == 12
    if bent_scan_header:
        data = bytearray(out.read_bytes())
        start = data.index(_SOS)
        length = int.from_bytes(data[start + 2 : start + 4], "big")
        spectral_end = start + 2 + length - 2  # Ss, Se, Ah/Al end the scan header
        assert data[spectral_end] == 63
        data[spectral_end] = 0
        out.write_bytes(bytes(data))
    return out


def enhanced_multi_frame(out: Path, slices: tuple[int, ...] = (30, 10, 50)) -> Path:
    """Lung CT slices `slices` as the frames of one enhanced CT image, in that order, each
    frame's position in its own functional group (slice 10 lies highest, 50 lowest)."""
    sources = [pydicom.dcmread(lung_slice_path(number)) for number in slices]
    dataset = sources[0]
    set_pixel_data(dataset, np.stack([s.pixel_array for s in sources]), "MONOCHROME2", 12)
    dataset.SOPClassUID = ENHANCED_CT
    dataset.file_meta.MediaStorageSOPClassUID = ENHANCED_CT
    orientation = dataset.ImageOrientationPatient
    groups = Sequence([_frame_group(source) for source in sources])
    for keyword in ("ImagePositionPatient", "ImageOrientationPatient", "SliceLocation"):
        delattr(dataset, keyword)
    dataset.PerFrameFunctionalGroupsSequence = groups
    shared = Dataset()
    plane = Dataset()
    plane.ImageOrientationPatient = orientation
    shared.PlaneOrientationSequence = Sequence([plane])
    dataset.SharedFunctionalGroupsSequence = Sequence([shared])
    return save(dataset, out)


def _frame_group(source: Dataset) -> Dataset:
    position = Dataset()
    position.ImagePositionPatient = source.ImagePositionPatient
    group = Dataset()
    group.PlanePositionSequence = Sequence([position])
    return group


def save(dataset: Dataset, path: Path) -> Path:
    """Write `dataset` as a new instance (its own SOP Instance UID)."""
    dataset.SOPInstanceUID = generate_uid()
    dataset.file_meta.MediaStorageSOPInstanceUID = dataset.SOPInstanceUID
    buffer = io.BytesIO()
    dataset.save_as(buffer)
    path.write_bytes(buffer.getvalue())
    return path


def renumbered(folder: Path, numbers: list[int]) -> list[Path]:
    """Lung CT slices 1-01, 1-02… given the instance numbers `numbers` (as a PACS that
    renumbered them would): their places along the body no longer follow their numbers."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for file_number, instance_number in enumerate(numbers, 1):
        dataset = pydicom.dcmread(lung_slice_path(file_number))
        dataset.InstanceNumber = instance_number
        path = folder / f"IM{file_number:06d}"
        dataset.save_as(path)
        paths.append(path)
    return paths
