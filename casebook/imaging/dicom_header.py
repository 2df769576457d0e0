"""Read who, what and when from a DICOM file's header, without touching its pixels.

Names are decoded with the file's Specific Character Set (GB18030, GBK, UTF-8, ISO 2022…).
Files that declare no character set, or one pydicom does not know, are common from Chinese
hospitals; for those we try UTF-8, then GB18030, before falling back to Latin-1, so that a
patient name shows as 张三 rather than as mojibake.
"""

from __future__ import annotations

import re
from typing import cast

from pydicom.charset import python_encoding
from pydicom.dataelem import DataElement, RawDataElement
from pydicom.dataset import Dataset
from pydicom.multival import MultiValue

from casebook.core.model import PartialDate
from casebook.core.slice_order import SlicePlacement
from casebook.imaging.dicom_reader import quiet_pydicom, read_dataset, transfer_syntax_of
from casebook.imaging.dicom_summary import DicomSummary
from casebook.imaging.errors import DicomProblem, DicomUnreadable
from casebook.imaging.slice_placement import placement_of

_PATIENT_NAME = 0x00100010
_PATIENT_ID = 0x00100020
_PATIENT_BIRTH_DATE = 0x00100030
_PATIENT_SEX = 0x00100040
_STUDY_DATE = 0x00080020
_ACCESSION_NUMBER = 0x00080050
_MODALITY = 0x00080060
_INSTITUTION_NAME = 0x00080080
_STUDY_DESCRIPTION = 0x00081030
_SERIES_DESCRIPTION = 0x0008103E
_SOP_CLASS_UID = 0x00080016
_SOP_INSTANCE_UID = 0x00080018
_STUDY_INSTANCE_UID = 0x0020000D
_SERIES_INSTANCE_UID = 0x0020000E
_SERIES_NUMBER = 0x00200011
_INSTANCE_NUMBER = 0x00200013
_NUMBER_OF_FRAMES = 0x00280008
_ROWS = 0x00280010
_COLUMNS = 0x00280011

_GUESSED_ENCODINGS = ("utf-8", "gb18030")


def read_dicom_summary(data: bytes) -> DicomSummary:
    """Summarise the DICOM file held in `data` (a whole file or at least its header).

    Raises DicomUnreadable when `data` is not DICOM or its header is damaged.
    """
    dataset = read_dataset(data, stop_before_pixels=True)
    guess_encoding = not _declares_known_charset(dataset)
    with quiet_pydicom():
        try:
            return _summarise(dataset, guess_encoding=guess_encoding)
        except DicomUnreadable:
            raise
        except Exception as exc:
            raise DicomUnreadable(DicomProblem.DAMAGED, f"{type(exc).__name__}: {exc}") from exc


def _summarise(dataset: Dataset, *, guess_encoding: bool) -> DicomSummary:
    def text(tag: int) -> str:
        return _text(dataset, tag, guess_encoding=guess_encoding)

    rows = _integer(dataset, _ROWS)
    columns = _integer(dataset, _COLUMNS)
    frames = _integer(dataset, _NUMBER_OF_FRAMES)
    has_image = rows is not None and columns is not None
    syntax = transfer_syntax_of(dataset)
    return DicomSummary(
        patient_name=text(_PATIENT_NAME),
        patient_id=text(_PATIENT_ID),
        patient_birth_date=_partial_date(text(_PATIENT_BIRTH_DATE)),
        patient_sex=text(_PATIENT_SEX),
        study_instance_uid=text(_STUDY_INSTANCE_UID),
        study_date=_partial_date(text(_STUDY_DATE)),
        study_description=text(_STUDY_DESCRIPTION),
        accession_number=text(_ACCESSION_NUMBER),
        modality=text(_MODALITY),
        series_instance_uid=text(_SERIES_INSTANCE_UID),
        series_number=_integer(dataset, _SERIES_NUMBER),
        series_description=text(_SERIES_DESCRIPTION),
        sop_class_uid=text(_SOP_CLASS_UID),
        sop_instance_uid=text(_SOP_INSTANCE_UID),
        instance_number=_integer(dataset, _INSTANCE_NUMBER),
        institution_name=text(_INSTITUTION_NAME),
        specific_character_set=_declared_charsets(dataset),
        transfer_syntax_uid=str(syntax),
        transfer_syntax_name=syntax.name,
        rows=rows,
        columns=columns,
        number_of_frames=(frames or 1) if has_image else 0,
        placement=placement_of(dataset) if has_image else SlicePlacement(),
    )


def _declared_charsets(dataset: Dataset) -> str:
    value = dataset.get("SpecificCharacterSet")
    if value is None:
        return ""
    if isinstance(value, MultiValue):
        return "\\".join(str(term) for term in value)
    return str(value).strip()


def _declares_known_charset(dataset: Dataset) -> bool:
    """True when the file names a character set (other than plain ASCII) pydicom can decode."""
    terms = [term.strip() for term in _declared_charsets(dataset).split("\\")]
    terms = [term for term in terms if term]
    if not terms:
        return False
    if any(term not in python_encoding for term in terms):
        return False
    # "ISO_IR 6" is ASCII only; files that declare it yet carry other bytes are mislabelled.
    return terms != ["ISO_IR 6"]


def _text(dataset: Dataset, tag: int, *, guess_encoding: bool) -> str:
    """A text element's value as one string ("" when absent); multiple values joined by \\."""
    # pydicom's overloads claim a DataElement; an unconverted element is a RawDataElement.
    element = cast("DataElement | RawDataElement | None", dataset.get_item(tag))
    if element is None:
        return ""
    if guess_encoding and isinstance(element, RawDataElement):
        raw = element.value
        if isinstance(raw, bytes) and not raw.isascii():
            return _guess_decode(raw)
    value = dataset[tag].value
    if value is None:
        return ""
    if isinstance(value, MultiValue):
        return "\\".join(str(item) for item in value)
    return str(value).strip()


def _guess_decode(raw: bytes) -> str:
    """Decode bytes of a file with no usable character set: UTF-8, GB18030, else Latin-1."""
    stripped = raw.rstrip(b" \x00")
    for encoding in _GUESSED_ENCODINGS:
        try:
            return stripped.decode(encoding).strip()
        except UnicodeDecodeError:
            continue
    return stripped.decode("latin-1").strip()


def _integer(dataset: Dataset, tag: int) -> int | None:
    """An IS/US element as int, None when absent, empty or not a number."""
    if tag not in dataset:
        return None
    value = dataset[tag].value
    if isinstance(value, MultiValue):
        value = value[0] if value else None
    if value is None or value == "":
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


_DATE_DIGITS = re.compile(r"\d+")


def _partial_date(text: str) -> PartialDate | None:
    """A DA value ("20070404", old-style "2007.04.04", or partial "2007") as a PartialDate."""
    digits = "".join(_DATE_DIGITS.findall(text))
    try:
        if len(digits) == 8:
            return PartialDate(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
        if len(digits) == 6:
            return PartialDate(int(digits[:4]), int(digits[4:6]))
        if len(digits) == 4:
            return PartialDate(int(digits))
    except ValueError:
        return None
    return None


def summarise_head(head: bytes, whole_file: bool) -> DicomSummary | None:
    """`read_dicom_summary` of a file's first bytes; None when the header may go on past
    `head` (the caller then sends more). `whole_file`: `head` is the entire file."""
    try:
        summary = read_dicom_summary(head)
    except DicomUnreadable:
        if not whole_file:
            return None  # perhaps only cut short: the whole header decides
        raise
    if not whole_file and summary.rows is None:
        return None  # cut at an element boundary before Rows, or an object without pixels
    return summary
