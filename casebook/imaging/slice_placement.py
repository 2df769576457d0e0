"""Where an image lies, read from its header: what the viewer needs to put slices in order.

Kept at import with the other header facts (`dicom_header`), and read again from a stored
file's first bytes for images imported before Casebook kept it (`read_placement`, in the
worker). Multi-frame images (enhanced CT and MR) say where each frame lies in their per-frame
functional groups; their frames are put in order here, once. The rule itself is in
`casebook.core.slice_order`. No Qt.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pydicom.dataset import Dataset
from pydicom.multival import MultiValue

from casebook.core.slice_order import SlicePlacement, Vector, frame_order
from casebook.imaging.dicom_reader import quiet_pydicom, read_dataset
from casebook.imaging.errors import DicomUnreadable

_DIGITS = re.compile(r"\d+")


def placement_of(dataset: Dataset) -> SlicePlacement:
    """The placement of the image in `dataset` (its header is enough); unknowns are None."""
    with quiet_pydicom():
        try:
            return _placement(dataset)
        except Exception:  # a damaged value says nothing about the place: order by number
            return SlicePlacement(acquired=_safe_acquired(dataset))


def read_placement(head: bytes, whole_file: bool) -> SlicePlacement | None:
    """`placement_of` the file whose first bytes are `head`; None when the header may go on
    past `head` (the caller reads more). `whole_file`: `head` is the entire file."""
    try:
        dataset = read_dataset(head, stop_before_pixels=True)
    except DicomUnreadable:
        if whole_file:
            raise
        return None
    if not whole_file and "Rows" not in dataset:
        return None  # cut before the image's own attributes
    return placement_of(dataset)


def _placement(dataset: Dataset) -> SlicePlacement:
    position = _vector(dataset.get("ImagePositionPatient"))
    orientation = _orientation(dataset.get("ImageOrientationPatient"))
    acquired = _acquired(dataset)
    groups = dataset.get("PerFrameFunctionalGroupsSequence")
    if not groups or len(groups) < 2:
        if position is None and groups:
            position = _frame_position(groups[0])
            orientation = orientation or _frame_orientation(dataset, groups[0])
        return SlicePlacement(position, orientation, acquired)
    positions = [_frame_position(item) for item in groups]
    orientations = [_frame_orientation(dataset, item) for item in groups]
    normals = [SlicePlacement(orientation=o).normal if o else None for o in orientations]
    order = frame_order(positions, normals)
    first = order[0] if order else 0
    return SlicePlacement(
        positions[first] if positions[first] is not None else position,
        orientations[first] or orientation,
        acquired,
        order,
    )


def _frame_position(item: Dataset) -> Vector | None:
    plane = item.get("PlanePositionSequence")
    return _vector(plane[0].get("ImagePositionPatient")) if plane else None


def _frame_orientation(
    dataset: Dataset, item: Dataset
) -> tuple[float, float, float, float, float, float] | None:
    """A frame's cosines: in its own functional group, else the shared one, else top level."""
    for source in (item, _shared(dataset)):
        plane = source.get("PlaneOrientationSequence") if source is not None else None
        if plane:
            found = _orientation(plane[0].get("ImageOrientationPatient"))
            if found is not None:
                return found
    return _orientation(dataset.get("ImageOrientationPatient"))


def _shared(dataset: Dataset) -> Dataset | None:
    shared = dataset.get("SharedFunctionalGroupsSequence")
    return shared[0] if shared else None


def _floats(value: object, count: int) -> list[float] | None:
    if not isinstance(value, MultiValue | list | tuple) or len(value) != count:
        return None
    try:
        numbers = [float(item) for item in value]
    except (TypeError, ValueError):
        return None
    return numbers if all(abs(n) < 1e7 for n in numbers) else None  # also refuses nan, inf


def _vector(value: object) -> Vector | None:
    numbers = _floats(value, 3)
    return (numbers[0], numbers[1], numbers[2]) if numbers else None


def _orientation(value: object) -> tuple[float, float, float, float, float, float] | None:
    numbers = _floats(value, 6)
    if numbers is None or SlicePlacement(orientation=_six(numbers)).normal is None:
        return None  # zero or parallel cosines: no plane
    return _six(numbers)


def _six(numbers: Sequence[float]) -> tuple[float, float, float, float, float, float]:
    return (numbers[0], numbers[1], numbers[2], numbers[3], numbers[4], numbers[5])


def _acquired(dataset: Dataset) -> str:
    """ "YYYYMMDDHHMMSS.ffffff" from Acquisition DateTime, else Acquisition Date and Time;
    zeros for an unknown date, "" when no time is given."""
    combined = str(dataset.get("AcquisitionDateTime", "") or "").strip()
    if len(_digits(combined)) >= 12:
        date, time = combined[:8], combined[8:]
    else:
        date = str(dataset.get("AcquisitionDate", "") or "").strip()
        time = str(dataset.get("AcquisitionTime", "") or "").strip()
    return _sortable(date, time)


def _safe_acquired(dataset: Dataset) -> str:
    try:
        return _acquired(dataset)
    except Exception:
        return ""


def _digits(text: str) -> str:
    return "".join(_DIGITS.findall(text))


def _sortable(date: str, time: str) -> str:
    """Fixed-width text that sorts in time order ("" when there is no time)."""
    whole, _, fraction = re.split(r"[+-]", time, maxsplit=1)[0].partition(".")  # no UTC offset
    clock = _digits(whole)
    if not clock:
        return ""
    day = _digits(date)
    day = day if len(day) == 8 else "0" * 8
    return f"{day}{clock[:6].ljust(6, '0')}.{_digits(fraction)[:6].ljust(6, '0')}"
