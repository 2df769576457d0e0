"""The reading order of a series: by place along the slice normal, then instance number, then
acquisition time — on the real positions of the lung CT and the fMRI series, and on the
cases that break a naive sort (another plane, passes over the same places, no positions)."""

from __future__ import annotations

import random

from data_paths import MR_SERIES, lung_slices

from casebook.core.slice_order import OrderFacts, SlicePlacement, frame_order, reading_order
from casebook.imaging.dicom_header import read_dicom_summary

AXIAL = (1.0, 0.0, 0.0, 0.0, 1.0, 0.0)  # normal +z (towards the head)
CORONAL = (1.0, 0.0, 0.0, 0.0, 0.0, -1.0)


def _axial(z: float, acquired: str = "") -> SlicePlacement:
    return SlicePlacement((-200.0, -90.0, z), AXIAL, acquired)


def _numbers(items: list[OrderFacts]) -> list[int | None]:
    return [items[i].instance_number for i in reading_order(items)]


def test_real_series_read_in_the_order_the_scanner_numbered_them_whatever_order_they_come() -> None:
    for files in (lung_slices(), sorted(MR_SERIES.glob("*.dcm"))):
        summaries = [read_dicom_summary(path.read_bytes()) for path in files]
        random.Random(14).shuffle(summaries)
        facts = [
            OrderFacts(s.placement, s.instance_number, filed) for filed, s in enumerate(summaries)
        ]
        numbers = _numbers(facts)
        assert numbers == sorted(n for n in numbers if n is not None)


def test_positions_decide_when_instance_numbers_are_out_of_step() -> None:
    # The lung CT runs from z = -124 downwards as its numbers rise; a PACS renumbered two.
    summaries = [read_dicom_summary(path.read_bytes()) for path in lung_slices(6)]
    numbers = [1, 2, 5, 4, 3, 6]
    facts = [
        OrderFacts(s.placement, number, filed)
        for filed, (s, number) in enumerate(zip(summaries, numbers, strict=True))
    ]
    order = reading_order(facts)
    assert order == [0, 1, 2, 3, 4, 5]  # the files' own places, head to feet
    heights = [summaries[i].placement.position[2] for i in order]  # type: ignore[index]
    assert heights == sorted(heights, reverse=True)


def test_direction_follows_the_numbers_and_ties_fall_back_to_number_then_time() -> None:
    up = [OrderFacts(_axial(z), n, n) for n, z in ((3, 10.0), (1, 0.0), (2, 5.0))]
    assert _numbers(up) == [1, 2, 3]
    down = [OrderFacts(_axial(z), n, n) for n, z in ((3, 0.0), (1, 10.0), (2, 5.0))]
    assert _numbers(down) == [1, 2, 3]
    unnumbered = [OrderFacts(_axial(z), None, filed) for filed, z in enumerate((5.0, 0.0, 10.0))]
    assert reading_order(unnumbered) == [1, 0, 2]  # along the normal
    tied = [
        OrderFacts(_axial(0.0, "20240305101010.000000"), None, 0),
        OrderFacts(_axial(0.0, "20240305101009.500000"), None, 1),
        OrderFacts(_axial(5.0), None, 2),
    ]
    assert reading_order(tied) == [1, 0, 2]


def test_without_positions_numbers_then_acquisition_time_then_filing() -> None:
    items = [
        OrderFacts(SlicePlacement(acquired="20240305101012.000000"), None, 0),
        OrderFacts(None, 2, 1),  # not read yet: by its number
        OrderFacts(SlicePlacement(acquired="20240305101011.000000"), None, 2),
        OrderFacts(SlicePlacement(), 1, 3),
        OrderFacts(SlicePlacement(), None, 4),
    ]
    assert reading_order(items) == [3, 1, 2, 0, 4]


def test_a_localizer_in_another_plane_follows_the_placed_slices() -> None:
    items = [
        OrderFacts(SlicePlacement((0.0, 0.0, 300.0), CORONAL), 1, 0),
        *(OrderFacts(_axial(z), n, n) for n, z in ((2, 20.0), (3, 10.0), (4, 0.0))),
    ]
    assert _numbers(items) == [2, 3, 4, 1]


def test_passes_over_the_same_places_are_read_one_after_the_other() -> None:
    # Three time points over the same four places, numbered pass by pass.
    items = [
        OrderFacts(_axial(z), 4 * time + place + 1, 4 * time + place)
        for time in range(3)
        for place, z in enumerate((0.0, 5.0, 10.0, 15.0))
    ]
    random.Random(3).shuffle(items)
    assert _numbers(items) == list(range(1, 13))
    # Places imaged unevenly (an overlap) are not passes: the same place stays together.
    overlap = [OrderFacts(_axial(z), n, n) for n, z in enumerate((0.0, 5.0, 5.0, 10.0), 1)]
    assert _numbers(overlap) == [1, 2, 3, 4]


def test_frames_of_one_image_in_order_along_the_normal() -> None:
    normal = (0.0, 0.0, 1.0)
    positions = [(0.0, 0.0, -269.0), (0.0, 0.0, -169.0), (0.0, 0.0, -369.0)]
    assert frame_order(positions, [normal] * 3) == (1, 0, 2)
    in_order = [(0.0, 0.0, -169.0), (0.0, 0.0, -269.0), (0.0, 0.0, -369.0)]
    assert frame_order(in_order, [normal] * 3) is None
    assert frame_order([None, None], [normal, normal]) is None
    assert frame_order([(0.0, 0.0, 1.0), None], [normal, None]) is None
