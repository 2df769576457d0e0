"""Where an image lies, read from real headers: kept at import, read again from a stored file's
head for older binders; frames of an enhanced image put in order; cine's frame time."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from made_dicom import enhanced_multi_frame
from pydicom.pixels import set_pixel_data

from casebook.imaging.dicom_frames import cine_frame_time, decode_frame
from casebook.imaging.dicom_header import read_dicom_summary
from casebook.imaging.errors import DicomUnreadable
from casebook.imaging.slice_placement import placement_of, read_placement

from .samples import SMALL_MR, lung_slice, read, write


def test_the_lung_ct_slice_says_where_it_lies_and_when() -> None:
    placement = read_dicom_summary(lung_slice(32)).placement
    assert placement.position == pytest.approx((-228.036842, -93.0631599, -279.0))
    assert placement.orientation == (1.0, 0.0, 0.0, 0.0, 1.0, 0.0)
    assert placement.normal == pytest.approx((0.0, 0.0, 1.0))
    assert placement.acquired == "20070404190047.000000"
    assert placement.frame_order is None


def test_acquisition_datetime_wins_and_odd_values_place_nothing() -> None:
    dataset = read(lung_slice(32))
    dataset.AcquisitionDateTime = "20070404190112.25+0800"
    assert placement_of(dataset).acquired == "20070404190112.250000"
    del dataset.AcquisitionDateTime
    del dataset.AcquisitionDate
    assert placement_of(dataset).acquired == "00000000190047.000000"
    dataset.ImageOrientationPatient = [1, 0, 0, 1, 0, 0]  # parallel cosines: no plane
    dataset.ImagePositionPatient = [0, 0]  # two numbers where three belong
    placement = placement_of(dataset)
    assert (placement.position, placement.orientation) == (None, None)


def test_a_head_read_from_the_binder_places_the_image_or_asks_for_more() -> None:
    data = SMALL_MR.read_bytes()
    whole = read_placement(data, True)
    assert whole is not None
    assert whole == read_dicom_summary(data).placement
    assert whole.position is not None
    assert read_placement(data[:600], False) is None  # cut inside the header: read more
    with pytest.raises(DicomUnreadable):
        read_placement(data[:600], True)


def test_enhanced_frames_are_put_in_order_along_the_body(tmp_path: Path) -> None:
    path = enhanced_multi_frame(tmp_path / "enhanced.dcm")
    summary = read_dicom_summary(path.read_bytes())
    # Frames hold slices 30, 10, 50; slice 10 lies highest: read from the head down.
    assert summary.placement.frame_order == (1, 0, 2)
    assert summary.placement.position is not None
    assert summary.placement.position[2] == pytest.approx(-169.0)
    heights = []
    for frame in summary.placement.frame_order:
        heights.append(decode_frame(path.read_bytes(), frame).position)
    assert heights == sorted(heights, reverse=True)  # type: ignore[type-var]


@pytest.mark.parametrize(
    ("tags", "milliseconds"),
    [
        ({}, None),
        ({"FrameTime": "40"}, 40.0),
        ({"CineRate": 25}, 40.0),
        ({"FrameTime": "66.7", "RecommendedDisplayFrameRate": 12}, pytest.approx(83.333, 1e-3)),
        ({"FrameTimeVector": ["0", "50", "50"]}, 50.0),
        ({"FrameTime": "0.001"}, 10.0),  # no faster than 100 frames a second
    ],
)
def test_cine_plays_at_the_rate_the_file_states(
    tags: dict[str, object], milliseconds: float | None
) -> None:
    slices = [read(lung_slice(number)) for number in (10, 30, 50)]
    dataset = slices[0]
    set_pixel_data(dataset, np.stack([s.pixel_array for s in slices]), "MONOCHROME2", 12)
    for keyword, value in tags.items():
        setattr(dataset, keyword, value)
    assert cine_frame_time(dataset) == milliseconds
    assert decode_frame(write(dataset), 1).frame_time_ms == milliseconds
