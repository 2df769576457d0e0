"""Every attribute of a DICOM file as plain rows, for the viewer's tag panel.

Parsed in the isolated worker, without the pixel data; binary values are shown by size only.
Nested sequences become indented rows. No Qt.
"""

from __future__ import annotations

from dataclasses import dataclass

from pydicom.dataelem import DataElement
from pydicom.dataset import Dataset

from casebook.imaging.dicom_reader import quiet_pydicom, read_dataset

MAX_ROWS = 5000
MAX_VALUE_CHARS = 160
_BINARY_VRS = {"OB", "OD", "OF", "OL", "OV", "OW", "UN"}


@dataclass(frozen=True)
class TagRow:
    """One line of the tag panel: `depth` 0 for top-level attributes, more inside sequences."""

    depth: int
    tag: str  # "(0010,0010)"
    name: str  # "Patient's Name", or "Item 1" for a sequence item
    vr: str
    value: str


def dicom_tag_rows(data: bytes) -> list[TagRow]:
    """The file meta and dataset attributes of the DICOM file in `data` (raises DicomUnreadable)."""
    dataset = read_dataset(data, stop_before_pixels=True)
    rows: list[TagRow] = []
    with quiet_pydicom():
        _add_elements(rows, dataset.file_meta, 0)
        _add_elements(rows, dataset, 0)
    return rows[:MAX_ROWS]


def _add_elements(rows: list[TagRow], dataset: Dataset, depth: int) -> None:
    for element in dataset:
        if len(rows) >= MAX_ROWS:
            return
        tag = f"({element.tag.group:04X},{element.tag.element:04X})"
        name = element.name if element.name else "Private"
        if element.VR == "SQ":
            items = list(element.value or [])
            rows.append(TagRow(depth, tag, name, "SQ", f"{len(items)} item(s)"))
            for number, item in enumerate(items, start=1):
                rows.append(TagRow(depth + 1, "", f"Item {number}", "", ""))
                _add_elements(rows, item, depth + 2)
            continue
        rows.append(TagRow(depth, tag, name, str(element.VR), _value_text(element)))


def _value_text(element: DataElement) -> str:
    try:
        value = element.value
    except Exception as exc:  # a value pydicom cannot convert: say so, keep the list
        return f"(unreadable: {type(exc).__name__})"
    if value is None:
        return ""
    if element.VR in _BINARY_VRS or isinstance(value, bytes | bytearray):
        if isinstance(value, bytes | bytearray):
            return f"({len(value)} bytes)"
        return "(binary)"
    text = str(value).replace("\r", " ").replace("\n", " ")
    return text if len(text) <= MAX_VALUE_CHARS else text[: MAX_VALUE_CHARS - 1] + "…"
