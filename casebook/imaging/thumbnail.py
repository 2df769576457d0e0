"""Turn a DICOM file into a small 8-bit picture a person can recognise, as a numpy array.

The steps are the ones a viewer applies: decode the (middle) frame, map stored values to
modality units (rescale), window them (the file's own window, else robust percentiles),
invert MONOCHROME1, and shrink keeping the physical aspect ratio. No Qt: the UI wraps the
array in a QImage.

Only what the thumbnail needs is decoded when the image is at least twice its size: every
n-th row and column of uncompressed pixels (a strided view, no copy of the frame), JPEG 2000
at a reduced resolution level and baseline JPEG with DCT scaling (both through Pillow). The
picture keeps at least twice the thumbnail's resolution before the final high-quality
resize, and any file the fast paths do not cover is decoded in full.
"""

from __future__ import annotations

import io
from typing import Any

import numpy as np
import numpy.typing as npt
from PIL import Image
from pydicom.dataset import Dataset
from pydicom.encaps import get_frame
from pydicom.multival import MultiValue
from pydicom.pixels.processing import apply_color_lut, apply_modality_lut, apply_voi_lut
from pydicom.pixels.utils import pixel_array
from pydicom.uid import (
    JPEG2000,
    UID,
    DeflatedExplicitVRLittleEndian,
    ExplicitVRBigEndian,
    ExplicitVRLittleEndian,
    ImplicitVRLittleEndian,
    JPEG2000Lossless,
    JPEGBaseline8Bit,
    JPEGExtended12Bit,
)

from casebook.imaging.dicom_reader import quiet_pydicom, read_dataset, transfer_syntax_of
from casebook.imaging.errors import DicomProblem, DicomUnreadable
from casebook.imaging.pixel_decoders import (
    COMPRESSED_SYNTAXES,
    TWELVE_BIT_JPEG,
    decoder_available,
    plugins_for,
)

Pixels = npt.NDArray[np.uint8]

DEFAULT_SIZE = 256
_PERCENTILES = (0.5, 99.5)
_PIXEL_DATA_TAGS = (0x7FE00010, 0x7FE00008, 0x7FE00009)  # Pixel, Float, Double Float Pixel Data

_KNOWN_SYNTAXES = (
    ImplicitVRLittleEndian,
    ExplicitVRLittleEndian,
    ExplicitVRBigEndian,
    DeflatedExplicitVRLittleEndian,
    *COMPRESSED_SYNTAXES,
)


def available_decoders() -> dict[str, bool]:
    """For each transfer syntax we expect on discs (by pydicom keyword): can we decode it?
    And can 12-bit JPEG Extended be decoded (GDCM: Pillow and pylibjpeg may not)?"""
    found = {str(uid.keyword): _decoder_available(uid) for uid in _KNOWN_SYNTAXES}
    found["JPEGExtended12Bit (12-bit samples)"] = TWELVE_BIT_JPEG in plugins_for(JPEGExtended12Bit)
    return found


def dicom_thumbnail(data: bytes, size: int = DEFAULT_SIZE) -> Pixels:
    """A uint8 picture of the DICOM file in `data`: (h, w) grey or (h, w, 3) RGB.

    The longer side is at most `size` (images are not enlarged). Multi-frame files show their
    middle frame. Raises DicomUnreadable saying why when there is no picture to show.
    """
    if size < 1:
        raise ValueError("size must be positive")
    return thumbnail_of_dataset(read_dataset(data, stop_before_pixels=False), size)


def thumbnail_of_dataset(
    dataset: Dataset, size: int = DEFAULT_SIZE, *, only_frame_of: int | None = None
) -> Pixels:
    """`dicom_thumbnail` of a parsed dataset. `only_frame_of`: its pixel data holds just the
    middle frame of that many (read alone from a large file, see `frame_parts`)."""
    if not any(tag in dataset for tag in _PIXEL_DATA_TAGS):
        raise DicomUnreadable(DicomProblem.NO_PIXELS, str(dataset.get("SOPClassUID", "")))
    syntax = transfer_syntax_of(dataset)
    if "TransferSyntaxUID" not in dataset.file_meta:
        dataset.file_meta.TransferSyntaxUID = syntax  # bare files: pydicom needs it to decode
    if not _decoder_available(syntax):
        raise DicomUnreadable(DicomProblem.UNSUPPORTED_COMPRESSION, f"{syntax.name} ({syntax})")
    with quiet_pydicom():
        try:
            frames = only_frame_of or max(1, _first_int(dataset.get("NumberOfFrames")) or 1)
            index = frames // 2
            pixel_index, pixel_frames = (0, 1) if only_frame_of else (index, frames)
            stored = _reduced_frame(dataset, syntax, pixel_index, pixel_frames, size)
            if stored is None:
                stored = pixel_array(dataset, index=pixel_index if pixel_frames > 1 else None)
            picture = _to_8bit(stored, dataset, index)
        except DicomUnreadable:
            raise
        except Exception as exc:
            raise DicomUnreadable(
                DicomProblem.DAMAGED, f"{syntax.name}: {type(exc).__name__}: {exc}"
            ) from exc
    return _shrink(picture, dataset, size)


def dicom_thumbnail_png(data: bytes, size: int = DEFAULT_SIZE) -> bytes:
    """`dicom_thumbnail` as PNG bytes (made in the worker: less to send back, less to do here)."""
    buffer = io.BytesIO()
    Image.fromarray(dicom_thumbnail(data, size)).save(buffer, format="PNG")
    return buffer.getvalue()


def _step(rows: int, columns: int, size: int) -> int:
    """Keep every n-th pixel, leaving at least twice the thumbnail's resolution."""
    return max(1, min(rows, columns) // (2 * size))


def _reduced_frame(
    dataset: Dataset, syntax: UID, index: int, frames: int, size: int
) -> npt.NDArray[Any] | None:
    """The frame at a reduced resolution when a cheap way exists, else None (decode in full)."""
    rows, columns = _first_int(dataset.get("Rows")) or 0, _first_int(dataset.get("Columns")) or 0
    step = _step(rows, columns, size)
    if step < 2 or int(dataset.get("SamplesPerPixel", 1)) != 1:
        return None
    photometric = str(dataset.get("PhotometricInterpretation", "")).strip()
    if photometric not in ("MONOCHROME1", "MONOCHROME2"):
        return None
    try:
        if syntax in _NATIVE_SYNTAXES:
            return _strided_native(dataset, syntax, index, rows, columns, step)
        if syntax in (JPEG2000Lossless, JPEG2000, JPEGBaseline8Bit):
            return _pillow_reduced(dataset, syntax, index, frames, step)
    except Exception:  # anything unexpected: the full decoder decides
        return None
    return None


_NATIVE_SYNTAXES = frozenset({ImplicitVRLittleEndian, ExplicitVRLittleEndian, ExplicitVRBigEndian})


def _strided_native(
    dataset: Dataset, syntax: UID, index: int, rows: int, columns: int, step: int
) -> npt.NDArray[Any] | None:
    allocated = _first_int(dataset.get("BitsAllocated")) or 0
    stored_bits = _first_int(dataset.get("BitsStored")) or allocated
    signed = (_first_int(dataset.get("PixelRepresentation")) or 0) == 1
    if allocated not in (8, 16) or not 1 <= stored_bits <= allocated:
        return None
    order = ">" if syntax == ExplicitVRBigEndian else "<"
    dtype = np.dtype(f"{order}{'i' if signed else 'u'}{allocated // 8}")
    count = rows * columns
    raw = dataset.get("PixelData")
    if not isinstance(raw, bytes | bytearray) or len(raw) < (index + 1) * count * dtype.itemsize:
        return None
    frame = np.frombuffer(raw, dtype, count, index * count * dtype.itemsize).reshape(rows, columns)
    picked = np.ascontiguousarray(frame[::step, ::step]).astype(dtype.newbyteorder("="))
    if stored_bits < allocated:  # the bits above Bits Stored are not part of the value
        shift = allocated - stored_bits
        # Signed values are sign-extended from their top stored bit.
        picked = (picked << shift) >> shift if signed else picked & ((1 << stored_bits) - 1)
    return picked


def _pillow_reduced(
    dataset: Dataset, syntax: UID, index: int, frames: int, step: int
) -> npt.NDArray[Any] | None:
    """JPEG 2000 at a lower resolution level, or baseline JPEG with DCT scaling."""
    if syntax != JPEGBaseline8Bit and (_first_int(dataset.get("PixelRepresentation")) or 0):
        return None  # Pillow reads signed JPEG 2000 samples as unsigned
    fragment = get_frame(dataset.PixelData, index, number_of_frames=frames)
    image = Image.open(io.BytesIO(fragment))
    levels = min(5, step.bit_length() - 1)
    if syntax == JPEGBaseline8Bit:
        if image.mode != "L":
            return None
        image.draft("L", (image.width >> levels, image.height >> levels))
    else:
        image.reduce = levels  # type: ignore[assignment]  # the JPEG 2000 plugin's property
    image.load()
    return np.asarray(image)


def _decoder_available(syntax: UID) -> bool:
    return decoder_available(syntax)


def _to_8bit(stored: npt.NDArray[Any], dataset: Dataset, index: int) -> Pixels:
    """Map one decoded frame to displayable 8-bit grey or RGB."""
    photometric = str(dataset.get("PhotometricInterpretation", "MONOCHROME2")).strip()
    if photometric == "PALETTE COLOR":
        return _full_range_8bit(apply_color_lut(stored, dataset), 16)
    if stored.ndim == 3:  # RGB (pydicom has already converted YBR to RGB)
        return _full_range_8bit(stored, _first_int(dataset.get("BitsStored")) or 8)
    values = _modality_values(stored, dataset, index)
    low, high = _window(values, dataset, index)
    if high <= low:
        high = low + 1.0
    grey = np.clip((values - low) * (255.0 / (high - low)), 0.0, 255.0)
    result = np.rint(grey).astype(np.uint8)
    if photometric == "MONOCHROME1":  # 0 is white in MONOCHROME1
        result = 255 - result
    return result


def _full_range_8bit(rgb: npt.NDArray[Any], bits: int) -> Pixels:
    if rgb.dtype == np.uint8:
        return np.ascontiguousarray(rgb, dtype=np.uint8)
    scaled = rgb.astype(np.float32) * (255.0 / float((1 << max(1, min(bits, 16))) - 1))
    result: Pixels = np.clip(np.rint(scaled), 0, 255).astype(np.uint8)
    return result


def _modality_values(stored: npt.NDArray[Any], dataset: Dataset, index: int) -> npt.NDArray[Any]:
    """Stored values → modality units (e.g. Hounsfield) via rescale, also in functional groups."""
    if "ModalityLUTSequence" in dataset:
        return apply_modality_lut(stored, dataset).astype(np.float32)
    slope = _frame_value(dataset, index, "PixelValueTransformationSequence", "RescaleSlope")
    intercept = _frame_value(dataset, index, "PixelValueTransformationSequence", "RescaleIntercept")
    values = stored.astype(np.float32)
    if slope is not None and slope != 1.0:
        values *= np.float32(slope)
    if intercept:
        values += np.float32(intercept)
    return values


def _window(values: npt.NDArray[Any], dataset: Dataset, index: int) -> tuple[float, float]:
    """The file's VOI window (first one), else the 0.5–99.5 percentile range of the frame."""
    center = _frame_value(dataset, index, "FrameVOILUTSequence", "WindowCenter")
    width = _frame_value(dataset, index, "FrameVOILUTSequence", "WindowWidth")
    if center is not None and width is not None and width >= 1.0:
        # PS3.3 C.11.2.1.2.1, linear function: the ramp runs from c - 0.5 - (w-1)/2.
        low = center - 0.5 - (width - 1.0) / 2.0
        return low, low + width - 1.0
    if "VOILUTSequence" in dataset:
        values = apply_voi_lut(values, dataset, index=0, prefer_lut=True).astype(np.float32)
    finite = values[np.isfinite(values)]
    if finite.size == 0:
        return 0.0, 1.0
    sample = finite[:: max(1, finite.size // 262_144)]  # percentiles of ~256k values suffice
    low, high = np.percentile(sample, _PERCENTILES)
    return float(low), float(high)


def _frame_value(dataset: Dataset, index: int, macro: str, keyword: str) -> float | None:
    """A numeric attribute at the top level, else in the per-frame or shared functional groups.

    Enhanced multi-frame objects (enhanced CT/MR, most modern scanners) keep rescale and
    window settings in functional group macros instead of the top-level dataset.
    """
    value = _first_float(dataset.get(keyword))
    if value is not None:
        return value
    for groups_keyword, item_index in (
        ("PerFrameFunctionalGroupsSequence", index),
        ("SharedFunctionalGroupsSequence", 0),
    ):
        groups = dataset.get(groups_keyword)
        if not groups or item_index >= len(groups):
            continue
        macro_items = groups[item_index].get(macro)
        if macro_items:
            value = _first_float(macro_items[0].get(keyword))
            if value is not None:
                return value
    return None


def _first_float(value: object) -> float | None:
    if isinstance(value, MultiValue | list | tuple):
        value = value[0] if len(value) else None
    if value is None or value == "":
        return None
    try:
        result = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return result if np.isfinite(result) else None


def _first_int(value: object) -> int | None:
    number = _first_float(value)
    return int(number) if number is not None else None


def _shrink(picture: Pixels, dataset: Dataset, size: int) -> Pixels:
    """Fit into size×size keeping the physical aspect (pixels need not be square)."""
    rows, columns = picture.shape[:2]
    display_width = columns * _column_to_row_spacing(dataset)
    scale = min(1.0, size / max(rows, display_width))
    height = max(1, round(rows * scale))
    width = max(1, round(display_width * scale))
    if (height, width) == (rows, columns):
        return picture
    image = Image.fromarray(picture)
    resized = image.resize((width, height), Image.Resampling.LANCZOS, reducing_gap=2.0)
    return np.asarray(resized, dtype=np.uint8)


def _column_to_row_spacing(dataset: Dataset) -> float:
    """Horizontal / vertical pixel size, from Pixel Spacing or Pixel Aspect Ratio; 1 if unknown."""
    for keyword, horizontal, vertical in (("PixelSpacing", 1, 0), ("PixelAspectRatio", 1, 0)):
        value = dataset.get(keyword)
        if isinstance(value, MultiValue) and len(value) == 2:
            try:
                ratio = float(value[horizontal]) / float(value[vertical])
            except (TypeError, ValueError, ZeroDivisionError):
                continue
            if 0.1 <= ratio <= 10.0:
                return ratio
    return 1.0
