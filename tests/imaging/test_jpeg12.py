"""12-bit JPEG Extended, as on real discs: made by dcmtk from a real 12-bit CT slice, refused by
pylibjpeg and Pillow, decoded by GDCM in the worker exactly as dcmtk decodes it, and tried
only after the decoders used before."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pydicom
import pytest
from made_dicom import twelve_bit_jpeg
from pydicom.pixels import pixel_array
from pydicom.uid import JPEG2000, JPEGBaseline8Bit, JPEGExtended12Bit

from casebook.imaging.dicom_frames import decode_frame
from casebook.imaging.pixel_decoders import TWELVE_BIT_JPEG, plugins_for
from casebook.imaging.thumbnail import available_decoders, dicom_thumbnail
from casebook.services.isolation import shared_worker

Tool = Callable[..., Path]


@pytest.fixture
def disc_jpeg(tmp_path: Path, require_tool: Tool) -> Path:
    return twelve_bit_jpeg(require_tool("dcmcjpeg"), tmp_path / "CT12BIT")


def _dcmtk_values(require_tool: Tool, path: Path, tmp_path: Path) -> np.ndarray:
    """The slice as dcmtk decodes it, in Hounsfield units."""
    out = tmp_path / "dcmtk.dcm"
    subprocess.run([str(require_tool("dcmdjpeg")), str(path), str(out)], check=True, timeout=60)
    dataset = pydicom.dcmread(out)
    assert dataset.file_meta.TransferSyntaxUID == "1.2.840.10008.1.2.1"
    slope, intercept = float(dataset.RescaleSlope), float(dataset.RescaleIntercept)
    return dataset.pixel_array.astype(np.float32) * slope + intercept


def test_the_other_decoders_refuse_what_real_discs_carry(disc_jpeg: Path) -> None:
    dataset = pydicom.dcmread(disc_jpeg)
    with pytest.raises(RuntimeError, match="misplaced marker segment"):
        pixel_array(dataset, decoding_plugin="pylibjpeg")
    with pytest.raises(RuntimeError, match="12-bit"):
        pixel_array(dataset, decoding_plugin="pillow")


def test_viewer_and_thumbnail_decode_it_in_the_worker_as_dcmtk_does(
    disc_jpeg: Path, require_tool: Tool, tmp_path: Path
) -> None:
    data = disc_jpeg.read_bytes()
    frame = shared_worker().call(decode_frame, data)
    expected = _dcmtk_values(require_tool, disc_jpeg, tmp_path)
    assert frame.values.shape == (512, 512)
    assert np.array_equal(frame.values, expected)
    assert frame.values.min() <= -1000  # air outside the body
    thumbnail = shared_worker().call(dicom_thumbnail, data, 128)
    assert thumbnail.shape == (128, 128)
    assert float(thumbnail.std()) > 30


def test_a_clean_12_bit_stream_still_goes_to_pylibjpeg_first(
    tmp_path: Path, require_tool: Tool
) -> None:
    clean = twelve_bit_jpeg(require_tool("dcmcjpeg"), tmp_path / "CLEAN", bent_scan_header=False)
    by_pylibjpeg = pixel_array(pydicom.dcmread(clean), decoding_plugin="pylibjpeg")
    frame = decode_frame(clean.read_bytes())
    assert np.array_equal(frame.values, by_pylibjpeg.astype(np.float32) - 1024.0)
    assert plugins_for(JPEGExtended12Bit)[:2] == ["pylibjpeg", "pillow"]
    assert plugins_for(JPEGExtended12Bit)[-1] == TWELVE_BIT_JPEG
    for syntax in (JPEGBaseline8Bit, JPEG2000):
        assert plugins_for(syntax)[0] == "pylibjpeg"
        assert plugins_for(syntax)[-1] == "gdcm"  # the fallback, for streams others refuse


def test_the_self_test_asks_for_the_12_bit_decoder() -> None:
    assert available_decoders()["JPEGExtended12Bit (12-bit samples)"] is True
