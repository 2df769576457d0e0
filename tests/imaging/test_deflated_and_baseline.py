"""The two transfer syntaxes the shared set lacks: Deflated Explicit VR and JPEG Baseline.

Both are made here from a real MR slice (tests/data/dicom/dcm_qa_ts/In/5.dcm, BSD-2): the deflated
copy by pydicom's own writer, the baseline copy by encapsulating a JPEG that Pillow encodes
from the slice's pixels.
"""

from __future__ import annotations

import io

import numpy as np
import pydicom
from data_paths import TRANSFER_SYNTAXES
from PIL import Image
from pydicom.encaps import encapsulate
from pydicom.uid import DeflatedExplicitVRLittleEndian, JPEGBaseline8Bit

from casebook.imaging.dicom_header import read_dicom_summary
from casebook.imaging.thumbnail import dicom_thumbnail

SOURCE = TRANSFER_SYNTAXES / "5.dcm"


def _as_bytes(dataset: pydicom.Dataset) -> bytes:
    buffer = io.BytesIO()
    dataset.save_as(buffer, enforce_file_format=True)
    return buffer.getvalue()


def test_deflated_explicit_vr_decodes_like_the_original() -> None:
    original = pydicom.dcmread(SOURCE)
    deflated = pydicom.dcmread(SOURCE)
    deflated.decompress()  # the shared slice is JPEG Lossless; deflate its raw pixels instead
    deflated.file_meta.TransferSyntaxUID = DeflatedExplicitVRLittleEndian
    data = _as_bytes(deflated)
    assert read_dicom_summary(data).transfer_syntax_uid == DeflatedExplicitVRLittleEndian
    assert np.array_equal(dicom_thumbnail(data, 64), dicom_thumbnail(_as_bytes(original), 64))


def test_jpeg_baseline_decodes() -> None:
    dataset = pydicom.dcmread(SOURCE)
    pixels = dataset.pixel_array.astype(np.float64)
    eight_bit = (255 * (pixels - pixels.min()) / (pixels.max() - pixels.min())).astype(np.uint8)
    jpeg = io.BytesIO()
    Image.fromarray(eight_bit).save(jpeg, format="JPEG", quality=90)
    dataset.PixelData = encapsulate([jpeg.getvalue()])
    dataset["PixelData"].VR = "OB"
    dataset.BitsAllocated, dataset.BitsStored, dataset.HighBit = 8, 8, 7
    dataset.PixelRepresentation = 0
    for keyword in ("RescaleSlope", "RescaleIntercept", "WindowCenter", "WindowWidth",
                    "SmallestImagePixelValue", "LargestImagePixelValue"):  # fmt: skip
        if keyword in dataset:
            del dataset[keyword]
    dataset.file_meta.TransferSyntaxUID = JPEGBaseline8Bit
    thumbnail = dicom_thumbnail(_as_bytes(dataset), 64)
    assert thumbnail.shape == (64, 64)
    assert float(thumbnail.std()) > 20  # an image, not a flat placeholder
