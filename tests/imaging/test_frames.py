"""Full-resolution frames and window/level on real DICOM."""

from __future__ import annotations

import numpy as np
import pytest
from pydicom.pixels import set_pixel_data

from casebook.imaging.dicom_frames import (
    PRESET_WINDOWS,
    Window,
    WindowPreset,
    apply_window,
    decode_frame,
    presets_for,
)
from casebook.imaging.errors import DicomProblem, DicomUnreadable
from casebook.imaging.tag_list import dicom_tag_rows

from .samples import BROKEN, TRANSFER_SYNTAXES, lung_slice, read, write


def test_lung_ct_frame_is_in_hounsfield_units_with_the_files_window() -> None:
    frame = decode_frame(lung_slice(32))
    assert frame.values.shape == (512, 512)
    assert frame.values.dtype == np.float32
    assert frame.values.min() <= -1000  # air
    assert frame.automatic == Window(-600.0, 1600.0)
    assert frame.position == pytest.approx(-279.0)  # its Slice Location
    assert frame.modality == "CT"
    assert not frame.is_colour


def test_presets_window_the_same_frame_differently() -> None:
    frame = decode_frame(lung_slice(32))
    lung = apply_window(frame, PRESET_WINDOWS[WindowPreset.LUNG])
    bone = apply_window(frame, PRESET_WINDOWS[WindowPreset.BONE])
    assert lung.dtype == np.uint8
    assert lung.mean() > bone.mean() + 20
    inverted = apply_window(frame, PRESET_WINDOWS[WindowPreset.LUNG], invert=True)
    assert np.array_equal(inverted, 255 - lung)
    assert presets_for("CT") == list(WindowPreset)
    assert presets_for("MR") == [WindowPreset.AUTOMATIC]


def test_window_bounds_follow_the_standard() -> None:
    assert Window(40.0, 400.0).bounds() == (-160.0, 239.0)


def test_all_nine_syntaxes_decode_to_the_same_frame() -> None:
    frames = [decode_frame(path.read_bytes()) for path in sorted(TRANSFER_SYNTAXES.glob("*.dcm"))]
    assert len(frames) == 9
    for frame in frames:
        assert np.array_equal(frame.values, frames[0].values)


def test_multi_frame_picks_the_frame() -> None:
    slices = [read(lung_slice(number)) for number in (10, 30, 50)]
    dataset = slices[0]
    set_pixel_data(dataset, np.stack([s.pixel_array for s in slices]), "MONOCHROME2", 12)
    data = write(dataset)
    last = decode_frame(data, 2)
    assert (last.frame_index, last.frame_count) == (2, 3)
    assert np.array_equal(last.values, decode_frame(lung_slice(50)).values)
    assert decode_frame(data, 99).frame_index == 2  # clamped


def test_broken_file_is_damaged() -> None:
    with pytest.raises(DicomUnreadable) as caught:
        decode_frame((BROKEN / "truncated-in-pixels.dcm").read_bytes())
    assert caught.value.problem is DicomProblem.DAMAGED


def test_tag_rows_without_pixel_data() -> None:
    rows = dicom_tag_rows(lung_slice(32))
    by_tag = {row.tag: row for row in rows}
    assert by_tag["(0010,0010)"].value == "Lung_Dx-A0001"
    assert by_tag["(0002,0010)"].value == "1.2.840.10008.1.2"
    assert "(7FE0,0010)" not in by_tag
    assert all(len(row.value) <= 160 for row in rows)
