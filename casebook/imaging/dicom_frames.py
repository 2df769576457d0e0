"""Full-resolution frames of a DICOM image for the viewer, and window/level.

`decode_frame` runs in the isolated worker: it parses the file, decodes one frame and maps the
stored values to modality units (Hounsfield units for CT). Windowing (`apply_window`) happens
later, in memory, so dragging the contrast or choosing a preset never re-reads the file.
The conversions are the thumbnail's (same rescale, same automatic window). No Qt.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
from pydicom.dataset import Dataset
from pydicom.multival import MultiValue
from pydicom.pixels.processing import apply_color_lut
from pydicom.pixels.utils import pixel_array

from casebook.imaging.dicom_reader import quiet_pydicom, read_dataset, transfer_syntax_of
from casebook.imaging.errors import DicomProblem, DicomUnreadable
from casebook.imaging.thumbnail import (
    _column_to_row_spacing,
    _decoder_available,
    _first_float,
    _first_int,
    _full_range_8bit,
    _modality_values,
    _window,
)

Pixels = npt.NDArray[np.uint8]
MAX_PIXELS = 16_000_000  # larger images (mammograms at full size) are shown at reduced size
_PIXEL_DATA_TAGS = (0x7FE00010, 0x7FE00008, 0x7FE00009)


@dataclass(frozen=True)
class Window:
    """A linear VOI window in modality units: `center` (level) and `width`."""

    center: float
    width: float

    def bounds(self) -> tuple[float, float]:
        """The values shown as black and as white (PS3.3 C.11.2.1.2.1, linear)."""
        width = max(1.0, self.width)
        low = self.center - 0.5 - (width - 1.0) / 2.0
        return low, low + width - 1.0


class WindowPreset(enum.Enum):
    """Standard CT windows; AUTOMATIC is the file's own window, else the image's range."""

    AUTOMATIC = "automatic"
    LUNG = "lung"
    MEDIASTINUM = "mediastinum"
    ABDOMEN = "abdomen"
    BONE = "bone"
    BRAIN = "brain"


PRESET_WINDOWS: dict[WindowPreset, Window] = {
    WindowPreset.LUNG: Window(-600.0, 1500.0),
    WindowPreset.MEDIASTINUM: Window(50.0, 350.0),
    WindowPreset.ABDOMEN: Window(40.0, 400.0),
    WindowPreset.BONE: Window(500.0, 2000.0),
    WindowPreset.BRAIN: Window(40.0, 80.0),
}


def presets_for(modality: str) -> list[WindowPreset]:
    """CT values are Hounsfield units, so fixed windows mean the same on every scanner; MR and
    PET values have no fixed scale, so only the automatic window makes sense for them."""
    if modality.strip().upper() == "CT":
        return list(WindowPreset)
    return [WindowPreset.AUTOMATIC]


@dataclass(frozen=True)
class DecodedFrame:
    """One decoded frame: grey values in modality units (float32, h×w) or RGB (uint8, h×w×3)."""

    values: npt.NDArray[Any]
    frame_index: int
    frame_count: int
    automatic: Window  # for grey images; unused for colour
    monochrome1: bool  # stored with 0 = white
    column_spacing_ratio: float  # displayed width of a column relative to a row's height
    position: float | None  # slice position in mm, when the file says
    modality: str
    frame_time_ms: float | None = None  # how long to show each frame in cine, when it says

    @property
    def is_colour(self) -> bool:
        return self.values.ndim == 3

    @property
    def size_bytes(self) -> int:
        return int(self.values.nbytes)


def decode_frame(data: bytes, frame: int = 0) -> DecodedFrame:
    """Decode frame `frame` (0-based) of the DICOM file in `data`.

    Raises DicomUnreadable saying why when there is no picture (no pixel data, a compression
    no installed decoder reads, damaged data).
    """
    return decode_dataset_frame(read_dataset(data, stop_before_pixels=False), frame)


def decode_dataset_frame(
    dataset: Dataset, frame: int = 0, *, only_frame_of: int | None = None
) -> DecodedFrame:
    """`decode_frame` of a parsed dataset. `only_frame_of`: the dataset's pixel data holds just
    frame `frame` of that many (read alone from a large file, see `frame_parts`)."""
    if not any(tag in dataset for tag in _PIXEL_DATA_TAGS):
        raise DicomUnreadable(DicomProblem.NO_PIXELS, str(dataset.get("SOPClassUID", "")))
    syntax = transfer_syntax_of(dataset)
    if "TransferSyntaxUID" not in dataset.file_meta:
        dataset.file_meta.TransferSyntaxUID = syntax
    if not _decoder_available(syntax):
        raise DicomUnreadable(DicomProblem.UNSUPPORTED_COMPRESSION, f"{syntax.name} ({syntax})")
    with quiet_pydicom():
        try:
            frames = only_frame_of or max(1, _first_int(dataset.get("NumberOfFrames")) or 1)
            index = min(max(0, frame), frames - 1)
            pixel_index = index if frames > 1 and only_frame_of is None else None
            stored = pixel_array(dataset, index=pixel_index)
            stored = _reduced(stored)
            photometric = str(dataset.get("PhotometricInterpretation", "MONOCHROME2")).strip()
            automatic = Window(0.0, 256.0)
            if photometric == "PALETTE COLOR":
                values: npt.NDArray[Any] = _full_range_8bit(apply_color_lut(stored, dataset), 16)
            elif stored.ndim == 3:
                bits = _first_int(dataset.get("BitsStored")) or 8
                values = _full_range_8bit(stored, bits)
            else:
                values = _modality_values(stored, dataset, index)
                low, high = _window(values, dataset, index)
                automatic = Window((low + high) / 2.0 + 0.5, max(1.0, high - low + 1.0))
            position = _slice_position(dataset, index)
        except DicomUnreadable:
            raise
        except Exception as exc:
            raise DicomUnreadable(
                DicomProblem.DAMAGED, f"{syntax.name}: {type(exc).__name__}: {exc}"
            ) from exc
    return DecodedFrame(
        values=np.ascontiguousarray(values),
        frame_index=index,
        frame_count=frames,
        automatic=automatic,
        monochrome1=photometric == "MONOCHROME1",
        column_spacing_ratio=_column_to_row_spacing(dataset),
        position=position,
        modality=str(dataset.get("Modality", "")),
        frame_time_ms=cine_frame_time(dataset) if frames > 1 else None,
    )


def _reduced(stored: npt.NDArray[Any]) -> npt.NDArray[Any]:
    """Keep every n-th row and column of a huge image so the viewer stays light."""
    rows, columns = stored.shape[:2]
    step = 1
    while (rows // step) * (columns // step) > MAX_PIXELS:
        step += 1
    return stored[::step, ::step] if step > 1 else stored


def apply_window(frame: DecodedFrame, window: Window | None, invert: bool = False) -> Pixels:
    """8-bit pixels for the screen: grey windowed with `window` (None: automatic), or RGB."""
    if frame.is_colour:
        rgb = np.asarray(frame.values, dtype=np.uint8)
        return np.ascontiguousarray(255 - rgb if invert else rgb)
    low, high = (window or frame.automatic).bounds()
    scale = np.float32(255.0 / max(high - low, 1e-6))
    grey = np.clip((frame.values - np.float32(low)) * scale, 0.0, 255.0)
    result = grey.astype(np.uint8)
    if frame.monochrome1 != invert:
        result = 255 - result
    return np.ascontiguousarray(result)


MIN_FRAME_TIME_MS = 10.0  # 100 frames a second: faster than any screen shows
MAX_FRAME_TIME_MS = 2000.0


def cine_frame_time(dataset: Dataset) -> float | None:
    """Milliseconds per frame for playing a multi-frame image as its maker meant: from
    Recommended Display Frame Rate, else Cine Rate (frames a second), else Frame Time, else
    the mean of Frame Time Vector; None when the file says nothing usable."""
    with quiet_pydicom():
        for keyword in ("RecommendedDisplayFrameRate", "CineRate"):
            rate = _first_float(dataset.get(keyword))
            if rate is not None and rate > 0:
                return _clamped(1000.0 / rate)
        frame_time = _first_float(dataset.get("FrameTime"))
        if frame_time is not None and frame_time > 0:
            return _clamped(frame_time)
        vector = _floats(dataset.get("FrameTimeVector"))
        steps = [step for step in (vector or [])[1:] if step > 0]  # the first is 0 by rule
        if steps:
            return _clamped(sum(steps) / len(steps))
    return None


def _clamped(milliseconds: float) -> float:
    return min(MAX_FRAME_TIME_MS, max(MIN_FRAME_TIME_MS, milliseconds))


def _slice_position(dataset: Dataset, index: int) -> float | None:
    """Slice Location, else Image Position (Patient) projected on the slice normal."""
    location = dataset.get("SliceLocation")
    if location is not None and location != "":
        try:
            return float(location)
        except (TypeError, ValueError):
            pass
    position = _floats(dataset.get("ImagePositionPatient"))
    orientation = _floats(dataset.get("ImageOrientationPatient"))
    groups = dataset.get("PerFrameFunctionalGroupsSequence")
    if position is None and groups and index < len(groups):
        plane = groups[index].get("PlanePositionSequence")
        position = _floats(plane[0].get("ImagePositionPatient")) if plane else None
    if position is None or len(position) != 3:
        return None
    if orientation is None or len(orientation) != 6:
        return position[2]
    normal = np.cross(np.array(orientation[:3]), np.array(orientation[3:]))
    return float(np.dot(normal, np.array(position)))


def _floats(value: object) -> list[float] | None:
    if not isinstance(value, MultiValue | list | tuple):
        return None
    try:
        return [float(item) for item in value]
    except (TypeError, ValueError):
        return None
