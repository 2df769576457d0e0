"""Thumbnails decode every transfer syntax on real files and look like what a viewer shows."""

from __future__ import annotations

import numpy as np
import pytest
from pydicom.encaps import encapsulate
from pydicom.pixels import set_pixel_data
from pydicom.uid import ExplicitVRLittleEndian

from casebook.imaging.errors import DicomProblem, DicomUnreadable
from casebook.imaging.thumbnail import available_decoders, dicom_thumbnail

from .samples import (
    BROKEN,
    SMALL_MR,
    TRANSFER_SYNTAXES,
    lung_slice,
    read,
    without_file_meta,
    without_preamble,
    write,
)

SYNTAX_FILES = sorted(TRANSFER_SYNTAXES.glob("*.dcm"))


def test_decoders_for_every_common_syntax_are_installed() -> None:
    decoders = available_decoders()
    assert all(decoders.values()), [name for name, ok in decoders.items() if not ok]
    for keyword in ("RLELossless", "JPEGLosslessSV1", "JPEGLSLossless", "JPEG2000Lossless"):
        assert decoders[keyword]


def test_all_nine_transfer_syntaxes_give_the_same_picture() -> None:
    assert len(SYNTAX_FILES) == 9
    thumbnails = {path.name: dicom_thumbnail(path.read_bytes()) for path in SYNTAX_FILES}
    reference = thumbnails["1.dcm"]
    assert reference.shape == (256, 256)
    assert reference.dtype == np.uint8
    assert reference.std() > 20
    for name, pixels in thumbnails.items():
        # Every syntax in the set is lossless: the pictures are identical, not just alike.
        assert np.array_equal(pixels, reference), name


@pytest.mark.parametrize("name", ["5.dcm", "9.dcm"])
def test_copied_fixtures_decode(name: str) -> None:
    copied = (TRANSFER_SYNTAXES / name).read_bytes()
    original = dicom_thumbnail((TRANSFER_SYNTAXES / "1.dcm").read_bytes())
    assert np.array_equal(dicom_thumbnail(copied), original)


def test_lung_ct_thumbnail_shows_anatomy() -> None:
    pixels = dicom_thumbnail(lung_slice(32))
    assert pixels.shape == (256, 256)
    assert pixels.std() > 40
    # The file's window is the lung window (C -600, W 1600): air outside the body (-1000 HU)
    # is dark grey (~64), the mediastinum and bone near white.
    assert 50 < pixels[5, 5] < 80
    assert pixels[128, 128] > 200
    assert 30 < np.median(pixels) < 160


def test_size_limits_the_longer_side_without_enlarging() -> None:
    assert dicom_thumbnail(lung_slice(32), size=64).shape == (64, 64)
    assert dicom_thumbnail(lung_slice(32), size=1024).shape == (512, 512)
    assert dicom_thumbnail(SMALL_MR.read_bytes()).shape == (64, 64)


def test_files_without_preamble_or_meta_give_the_same_picture() -> None:
    data = lung_slice(30)  # any kept slice
    expected = dicom_thumbnail(data)
    assert np.array_equal(dicom_thumbnail(without_preamble(data)), expected)
    assert np.array_equal(dicom_thumbnail(without_file_meta(data)), expected)


def test_monochrome1_is_inverted() -> None:
    dataset = read(lung_slice(32))
    dataset.PhotometricInterpretation = "MONOCHROME1"
    inverted = dicom_thumbnail(write(dataset)).astype(int)
    expected = 255 - dicom_thumbnail(lung_slice(32)).astype(int)
    assert np.abs(inverted - expected).max() <= 1  # resampling rounds either way


def test_without_window_percentiles_are_used() -> None:
    dataset = read(lung_slice(32))
    del dataset.WindowCenter
    del dataset.WindowWidth
    pixels = dicom_thumbnail(write(dataset))
    assert pixels.std() > 40
    assert pixels.min() == 0
    assert pixels.max() == 255


def test_rescale_is_applied() -> None:
    """Shifting stored values and the intercept together must not change the picture."""
    dataset = read(lung_slice(32))
    stored = dataset.pixel_array.astype(np.uint16)
    set_pixel_data(dataset, stored + 100, "MONOCHROME2", 12)
    dataset.RescaleIntercept = -1124
    assert np.array_equal(dicom_thumbnail(write(dataset)), dicom_thumbnail(lung_slice(32)))


def test_multi_frame_shows_the_middle_frame() -> None:
    slices = [read(lung_slice(number)) for number in (10, 30, 50)]
    volume = np.stack([dataset.pixel_array for dataset in slices])
    dataset = slices[0]
    set_pixel_data(dataset, volume, "MONOCHROME2", 12)
    assert dataset.NumberOfFrames == 3
    data = write(dataset)
    assert np.array_equal(dicom_thumbnail(data), dicom_thumbnail(lung_slice(30)))


def test_non_square_pixels_keep_the_physical_aspect() -> None:
    dataset = read(lung_slice(32))
    dataset.PixelSpacing = [1.0, 0.5]  # rows 1 mm apart, columns 0.5 mm: half as wide
    assert dicom_thumbnail(write(dataset)).shape == (256, 128)


def test_colour_image() -> None:
    grey = read(lung_slice(32)).pixel_array
    rgb = np.zeros((*grey.shape, 3), dtype=np.uint8)
    rgb[..., 0] = 200  # a red overlay picture, as secondary captures carry
    rgb[100:200, 100:400, 1] = 255
    dataset = read(lung_slice(32))
    del dataset.WindowCenter
    del dataset.WindowWidth
    set_pixel_data(dataset, rgb, "RGB", 8)
    pixels = dicom_thumbnail(write(dataset))
    assert pixels.shape == (256, 256, 3)
    assert tuple(pixels[10, 10]) == (200, 0, 0)
    assert tuple(pixels[75, 125]) == (200, 255, 0)


def test_unsupported_compression_is_named() -> None:
    dataset = read(lung_slice(32))
    dataset.file_meta.TransferSyntaxUID = "1.2.840.10008.1.2.4.100"  # MPEG2 video
    dataset.PixelData = encapsulate([dataset.PixelData])  # stands in for a video stream
    with pytest.raises(DicomUnreadable) as caught:
        dicom_thumbnail(write(dataset))
    assert caught.value.problem is DicomProblem.UNSUPPORTED_COMPRESSION
    assert "MPEG2" in caught.value.detail


def test_no_pixel_data() -> None:
    dataset = read(lung_slice(32))
    del dataset.PixelData
    with pytest.raises(DicomUnreadable) as caught:
        dicom_thumbnail(write(dataset))
    assert caught.value.problem is DicomProblem.NO_PIXELS


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("truncated-in-pixels.dcm", DicomProblem.DAMAGED),
        ("truncated-in-header.dcm", DicomProblem.DAMAGED),
        ("empty.dcm", DicomProblem.NOT_DICOM),
        ("random.dcm", DicomProblem.NOT_DICOM),
        ("truncated.pdf", DicomProblem.NOT_DICOM),
    ],
)
def test_broken_files(name: str, problem: DicomProblem) -> None:
    with pytest.raises(DicomUnreadable) as caught:
        dicom_thumbnail((BROKEN / name).read_bytes())
    assert caught.value.problem is problem


def test_compressed_pixels_cut_short_are_damaged() -> None:
    data = (TRANSFER_SYNTAXES / "9.dcm").read_bytes()
    with pytest.raises(DicomUnreadable) as caught:
        dicom_thumbnail(data[: len(data) - 60_000])
    assert caught.value.problem is DicomProblem.DAMAGED


def test_corrupt_compressed_stream_is_damaged() -> None:
    data = bytearray((TRANSFER_SYNTAXES / "5.dcm").read_bytes())
    stream = data.index(b"\xff\xd8\xff", 1000)  # start of the JPEG Lossless codestream
    data[stream : stream + 64] = bytes(64)  # its markers overwritten: no frame header left
    with pytest.raises(DicomUnreadable) as caught:
        dicom_thumbnail(bytes(data))
    assert caught.value.problem is DicomProblem.DAMAGED


def test_explicit_little_endian_rewrite_matches() -> None:
    dataset = read(lung_slice(32))
    dataset.file_meta.TransferSyntaxUID = ExplicitVRLittleEndian
    assert np.array_equal(dicom_thumbnail(write(dataset)), dicom_thumbnail(lung_slice(32)))


def _close(a: np.ndarray, b: np.ndarray, tolerance: float) -> bool:
    """Alike to the eye: on average within `tolerance` grey levels, and closely correlated."""
    if a.shape != b.shape:
        return False
    difference = float(np.abs(a.astype(int) - b.astype(int)).mean())
    correlation = float(np.corrcoef(a.ravel().astype(float), b.ravel().astype(float))[0, 1])
    return difference <= tolerance and correlation >= 0.97


def test_a_small_thumbnail_decodes_only_what_it_needs_and_looks_the_same() -> None:
    from PIL import Image

    from casebook.imaging.dicom_reader import transfer_syntax_of
    from casebook.imaging.thumbnail import _reduced_frame

    data = lung_slice(32)
    dataset = read(data)
    reduced = _reduced_frame(dataset, transfer_syntax_of(dataset), 0, 1, 128)
    assert reduced is not None
    assert reduced.shape == (256, 256)  # every second row and column
    assert np.array_equal(reduced, dataset.pixel_array[::2, ::2])
    full = Image.fromarray(dicom_thumbnail(data, 256)).resize((128, 128), Image.Resampling.LANCZOS)
    assert _close(dicom_thumbnail(data, 128), np.asarray(full), 4.0)


def test_reduced_decoding_of_every_syntax_stays_faithful() -> None:
    """At 64 px the 384 px slice is read strided (uncompressed), at a lower JPEG 2000
    resolution level (9.dcm) or in full (the others); all look alike."""
    from casebook.imaging.dicom_reader import transfer_syntax_of
    from casebook.imaging.thumbnail import _reduced_frame

    pictures = {path.name: dicom_thumbnail(path.read_bytes(), 64) for path in SYNTAX_FILES}
    reference = pictures["5.dcm"]  # JPEG Lossless: always decoded in full
    for name, picture in pictures.items():
        assert _close(picture, reference, 7.0), name  # a noisy MR: the most a stride shows
    j2k = read((TRANSFER_SYNTAXES / "9.dcm").read_bytes())
    reduced = _reduced_frame(j2k, transfer_syntax_of(j2k), 0, 1, 64)
    assert reduced is not None
    assert reduced.shape == (192, 192)  # one resolution level less


def test_signed_pixels_with_fewer_stored_bits_are_sign_extended() -> None:
    from casebook.imaging.dicom_reader import transfer_syntax_of
    from casebook.imaging.thumbnail import _reduced_frame

    dataset = read(lung_slice(32))
    values = np.minimum(dataset.pixel_array.astype(np.int16) - 1024, 2047)  # air is negative
    stored = (values.astype(np.uint16) & 0x0FFF) | 0xA000  # 12 bits stored, junk above
    dataset.PixelData = stored.tobytes()
    dataset.BitsStored, dataset.HighBit, dataset.PixelRepresentation = 12, 11, 1
    dataset = read(write(dataset))
    reduced = _reduced_frame(dataset, transfer_syntax_of(dataset), 0, 1, 64)
    assert reduced is not None
    assert np.array_equal(reduced, values[::4, ::4])
