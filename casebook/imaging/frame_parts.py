"""One frame of a large uncompressed DICOM file, without the rest of it.

A long ultrasound loop or an X-ray angiography run can be gigabytes; the viewer shows one
frame and a thumbnail needs one. `native_frame_layout` reads only the file's header (its first
bytes) and says where each frame's pixels lie; the app then decrypts just that frame's bytes
from the binder, and `decode_frame_part` / `thumbnail_png_of_part` decode it. Compressed
(encapsulated) pixel data has no fixed layout: such files are read whole.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Literal

import pydicom
from PIL import Image
from pydicom.dataset import Dataset
from pydicom.uid import ExplicitVRBigEndian, ExplicitVRLittleEndian, ImplicitVRLittleEndian

from casebook.imaging.dicom_frames import DecodedFrame, decode_dataset_frame
from casebook.imaging.dicom_reader import has_preamble, quiet_pydicom, read_dataset
from casebook.imaging.errors import DicomProblem, DicomUnreadable
from casebook.imaging.thumbnail import _first_int, thumbnail_of_dataset

_NATIVE = (ImplicitVRLittleEndian, ExplicitVRLittleEndian, ExplicitVRBigEndian)
_PIXEL_DATA = 0x7FE00010
_UNDEFINED = 0xFFFFFFFF


@dataclass(frozen=True)
class FrameLayout:
    """Where the pixels of an uncompressed file lie: frame i is `frame_length` bytes at
    `value_offset + i * frame_length`; the header is the first `header_length` bytes."""

    header_length: int
    value_offset: int
    frame_length: int
    frames: int


def native_frame_layout(head: bytes) -> FrameLayout | None:
    """The layout of the file whose first bytes are `head`, or None when its pixel data is
    compressed, absent or not reached within `head`."""
    stream = io.BytesIO(head)
    with quiet_pydicom():
        try:
            dataset = pydicom.dcmread(stream, stop_before_pixels=True, force=not has_preamble(head))
        except Exception:
            return None
        position = stream.tell()
    syntax = dataset.file_meta.get("TransferSyntaxUID")
    if syntax not in _NATIVE or position + 12 > len(head):
        return None
    order: Literal["big", "little"] = "big" if syntax == ExplicitVRBigEndian else "little"
    group, element = (int.from_bytes(head[position + i : position + i + 2], order) for i in (0, 2))
    if (group << 16 | element) != _PIXEL_DATA:
        return None
    if syntax == ImplicitVRLittleEndian:
        length, value_offset = (
            int.from_bytes(head[position + 4 : position + 8], order),
            position + 8,
        )
    else:
        length, value_offset = (
            int.from_bytes(head[position + 8 : position + 12], order),
            position + 12,
        )
    rows, columns = _first_int(dataset.get("Rows")) or 0, _first_int(dataset.get("Columns")) or 0
    samples = _first_int(dataset.get("SamplesPerPixel")) or 1
    allocated = _first_int(dataset.get("BitsAllocated")) or 0
    frames = max(1, _first_int(dataset.get("NumberOfFrames")) or 1)
    if length == _UNDEFINED or allocated % 8 or not (rows and columns and allocated):
        return None
    frame_length = rows * columns * samples * allocated // 8
    if frame_length * frames > length:
        return None
    return FrameLayout(position, value_offset, frame_length, frames)


def _single_frame(header: bytes, layout: FrameLayout, frame_bytes: bytes) -> Dataset:
    if len(frame_bytes) != layout.frame_length:
        raise DicomUnreadable(DicomProblem.DAMAGED, "frame cut short")
    dataset = read_dataset(header[: layout.header_length], stop_before_pixels=True)
    dataset.PixelData = frame_bytes
    dataset["PixelData"].VR = "OB" if (_first_int(dataset.get("BitsAllocated")) or 8) <= 8 else "OW"
    if "NumberOfFrames" in dataset:
        dataset.NumberOfFrames = 1
    return dataset


def decode_frame_part(
    header: bytes, layout: FrameLayout, frame_bytes: bytes, frame: int
) -> DecodedFrame:
    """`decode_frame` of frame `frame`, given only the header and that frame's bytes."""
    dataset = _single_frame(header, layout, frame_bytes)
    return decode_dataset_frame(dataset, frame, only_frame_of=layout.frames)


def thumbnail_png_of_part(
    header: bytes, layout: FrameLayout, frame_bytes: bytes, size: int
) -> bytes:
    """The thumbnail (PNG) of a file, given only its header and its middle frame's bytes."""
    dataset = _single_frame(header, layout, frame_bytes)
    pixels = thumbnail_of_dataset(dataset, size, only_frame_of=layout.frames)
    buffer = io.BytesIO()
    Image.fromarray(pixels).save(buffer, format="PNG")
    return buffer.getvalue()
