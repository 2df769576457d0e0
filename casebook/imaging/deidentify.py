"""DICOM de-identification per PS3.15 Annex E: the Basic Application Level Confidentiality
Profile with the Retain Longitudinal Temporal Information with Modified Dates, Retain Patient
Characteristics and Clean Descriptors options.

Table-driven: `resources/deid/table_e1_1.json` holds Table E.1-1 (each attribute's action for
the profile and the options); this module applies it to every element, inside sequences too.
What the table leaves open is settled towards a valid instance: X/Z becomes Z, X/D and X/Z/D
become D, Z/D becomes D when the original had a value. UIDs are replaced by `2.25.` OIDs
derived from a secret of the bundle, so the same original UID gets the same new one in every
instance of a bundle (studies and series still hold together) and a different one in the next
bundle. Dates are moved back by a number of days fixed for the bundle; times are kept. The
pixel data is never touched. Private attributes, curves and overlays go. As a safety net, any
other person name is emptied and any text that shows the patient's identity is cleaned.

The result says what was done: Patient Identity Removed YES, De-identification Method (Code
Sequence) with the profile and option codes of CID 7050, Longitudinal Temporal Information
Modified MODIFIED.
"""

from __future__ import annotations

import datetime
import functools
import hashlib
import io
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from pydicom import dcmread
from pydicom.dataelem import DataElement
from pydicom.dataset import Dataset
from pydicom.errors import InvalidDicomError
from pydicom.sequence import Sequence as DicomSequence
from pydicom.uid import UID

from casebook.core.errors import CasebookError
from casebook.core.identity_facts import IdentityFacts
from casebook.imaging.dicom_reader import quiet_pydicom
from casebook.resources import resource_path

PROFILE_CODES = (
    ("113100", "Basic Application Confidentiality Profile"),
    ("113107", "Retain Longitudinal Temporal Information Modified Dates Option"),
    ("113108", "Retain Patient Characteristics Option"),
    ("113105", "Clean Descriptors Option"),
)
METHOD_TEXT = ("Casebook PS3.15 Basic Profile", "Modified Dates", "Patient Characteristics",
               "Clean Descriptors")  # fmt: skip
TEXT_VRS = frozenset({"LO", "SH", "LT", "ST", "UT", "UC", "PN"})
NUMBER_VRS = frozenset({"US", "SS", "UL", "SL", "FL", "FD", "UV", "SV"})
BYTE_VRS = frozenset({"OB", "OW", "OD", "OF", "OL", "OV", "UN"})
DUMMY_TEXT = "REMOVED"
PIXEL_DATA = 0x7FE00010
SECONDARY_CAPTURE = "1.2.840.10008.5.1.4.1.1.7"
_REPEATING = {0x50000000: 0xFF000000, 0x60003000: 0xFF00FFFF, 0x60004000: 0xFF00FFFF}
_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})")


@dataclass(frozen=True)
class Pseudonym:
    """How one bundle replaces the patient: the same for every instance of the bundle."""

    patient_name: str  # DICOM PN, e.g. "CB-4F7K"
    patient_id: str
    day_shift: int  # days every date moves back (at least 1)
    uid_secret: str  # never written anywhere: it makes the new UIDs unguessable
    identity: IdentityFacts | None = None  # what "clean" removes from free text
    _uids: dict[str, str] = field(default_factory=dict, compare=False, repr=False)

    def uid(self, original: str) -> str:
        """The bundle's UID for `original`: 2.25 and 128 bits of a keyed hash (PS3.5 B.2)."""
        found = self._uids.get(original)
        if found is None:
            digest = hashlib.sha256(f"{self.uid_secret}\x1f{original}".encode()).digest()
            found = f"2.25.{int.from_bytes(digest[:16], 'big')}"
            self._uids[original] = found
        return found


@functools.cache
def confidentiality_table() -> dict[int, tuple[str, str, str, str]]:
    """Tag -> (basic, modified dates, patient characteristics, clean descriptors) actions."""
    raw = json.loads(resource_path("deid", "table_e1_1.json").read_text(encoding="utf-8"))
    table = {}
    for tag, (_keyword, basic, dates, characteristics, descriptors) in raw["attributes"].items():
        if "x" not in tag:
            table[int(tag, 16)] = (basic, dates, characteristics, descriptors)
    return table


def action_for(tag: int) -> str | None:
    """The action with the three options applied; None when the table does not list `tag`."""
    if any(tag & mask == base for base, mask in _REPEATING.items()):
        return "X"
    actions = confidentiality_table().get(tag)
    if actions is None:
        return None
    basic, dates, characteristics, descriptors = actions
    return characteristics or dates or descriptors or basic


def shift_date(value: str, days: int) -> str:
    """A DA, or the date part of a DT, moved back by `days`; the time part kept ("" if bad)."""
    match = _DATE.match(value.strip())
    if not match:
        return ""
    try:
        day = datetime.date(*(int(part) for part in match.groups()))
    except ValueError:
        return ""
    moved = day - datetime.timedelta(days=days)
    return moved.strftime("%Y%m%d") + value.strip()[8:]


class _Deidentifier:
    def __init__(self, pseudonym: Pseudonym) -> None:
        self.pseudonym = pseudonym

    # Values ---------------------------------------------------------------------------------

    def shifted(self, value: str) -> str:
        return shift_date(value, self.pseudonym.day_shift)

    def cleaned_text(self, value: str) -> str:
        identity = self.pseudonym.identity
        if identity is None:
            return value
        spans = identity.find(value)
        for _, start, end in reversed(spans):
            value = value[:start] + value[end:]
        return value.strip()

    def dummy(self, element: DataElement) -> object:
        vr = element.VR
        if element.tag == 0x00100010:
            return self.pseudonym.patient_name
        if element.tag == 0x00100020:
            return self.pseudonym.patient_id
        if vr == "PN":
            return "ANONYMOUS"
        if vr in TEXT_VRS or vr == "CS":
            return DUMMY_TEXT
        if vr == "AE":
            return "CASEBOOK"
        if vr in ("DA", "DT"):
            return self.shifted(str(element.value or "")) or "19000101"
        if vr == "TM":
            return "000000"
        if vr == "AS":
            return "000Y"
        if vr in ("IS", "DS"):
            return "0"
        if vr == "UI":
            return self.uids(element.value)
        if vr in NUMBER_VRS:
            return 0
        if vr in BYTE_VRS:
            return b""
        return None

    def uids(self, value: object) -> object:
        if isinstance(value, str):
            return self.pseudonym.uid(value) if value.strip() else value
        if isinstance(value, Iterable):
            return [self.pseudonym.uid(str(v)) for v in value]
        return value

    # Elements -------------------------------------------------------------------------------

    def apply(self, dataset: Dataset) -> None:
        for tag in list(dataset.keys()):
            element = dataset[tag]
            if element.tag.is_private:
                del dataset[tag]
                continue
            if int(element.tag) == PIXEL_DATA:
                continue
            action = action_for(int(element.tag))
            if action is None:
                self.safety_net(dataset, element)
            else:
                self.act(dataset, element, action)

    def safety_net(self, dataset: Dataset, element: DataElement) -> None:
        """An attribute the table does not name: keep it, unless it names someone."""
        if element.VR == "SQ":
            for item in element.value or []:
                self.apply(item)
        elif element.VR == "PN" and element.value:
            element.value = ""
        elif element.VR in TEXT_VRS and isinstance(element.value, str):
            element.value = self.cleaned_text(element.value)

    def act(self, dataset: Dataset, element: DataElement, action: str) -> None:
        vr = element.VR
        if vr == "SQ" and action != "X":
            for item in element.value or []:
                self.apply(item)
            return
        if action == "X":
            del dataset[element.tag]
        elif action in ("Z", "X/Z") or (action == "Z/D" and element.is_empty):
            element.value = None if vr in BYTE_VRS | NUMBER_VRS else ""
        elif action in ("D", "X/D", "X/Z/D", "Z/D"):
            element.value = self.dummy(element)
        elif action in ("U", "X/Z/U*"):
            if vr == "UI":
                element.value = self.uids(element.value)
            else:
                element.value = ""
        elif action == "C":
            self.clean(element)
        # "K": kept as it is

    def clean(self, element: DataElement) -> None:
        """Replace with a value of similar meaning that does not identify: dates move, text
        loses what shows the patient's identity, a person's name goes."""
        vr = element.VR
        if vr in ("DA", "DT"):
            if isinstance(element.value, str) and element.value:
                element.value = self.shifted(element.value)
            elif element.value:
                element.value = [self.shifted(str(v)) for v in element.value]
        elif vr == "PN":
            element.value = ""
        elif vr in TEXT_VRS and isinstance(element.value, str):
            element.value = self.cleaned_text(element.value)

    def mark(self, dataset: Dataset) -> None:
        dataset.PatientName = self.pseudonym.patient_name
        dataset.PatientID = self.pseudonym.patient_id
        dataset.PatientIdentityRemoved = "YES"
        dataset.DeidentificationMethod = list(METHOD_TEXT)
        codes = []
        for value, meaning in PROFILE_CODES:
            code = Dataset()
            code.CodeValue = value
            code.CodingSchemeDesignator = "DCM"
            code.CodeMeaning = meaning
            codes.append(code)
        dataset.DeidentificationMethodCodeSequence = DicomSequence(codes)
        dataset.LongitudinalTemporalInformationModified = "MODIFIED"


@dataclass
class NotDeidentifiable(CasebookError):
    """An instance Casebook could not de-identify (`reason`, for the log and the message)."""

    reason: str


def deidentify(data: bytes, pseudonym: Pseudonym) -> bytes:
    """The de-identified Part 10 file of the instance in `data` (same transfer syntax)."""
    try:
        return _deidentify(data, pseudonym)
    except (InvalidDicomError, AttributeError, ValueError, TypeError, KeyError, EOFError) as error:
        raise NotDeidentifiable(f"{type(error).__name__}: {error}"[:200]) from None


def _deidentify(data: bytes, pseudonym: Pseudonym) -> bytes:
    with quiet_pydicom():
        dataset = dcmread(io.BytesIO(data), force=True)
    worker = _Deidentifier(pseudonym)
    meta = dataset.file_meta
    for tag in list(meta.keys()):
        if int(tag) in (0x00020016, 0x00020100, 0x00020102):  # source AE title, private info
            del meta[tag]
    if "MediaStorageSOPInstanceUID" in meta:
        meta.MediaStorageSOPInstanceUID = UID(pseudonym.uid(str(meta.MediaStorageSOPInstanceUID)))
    worker.apply(dataset)
    worker.mark(dataset)
    buffer = io.BytesIO()
    with quiet_pydicom():
        dataset.save_as(buffer, enforce_file_format=True)
    return buffer.getvalue()


def burned_in_risk(header: Dataset) -> str:
    """Why the pixels of an instance may show text (a name, a date), or "" when nothing says so:
    BurnedInAnnotation YES, a secondary capture (screenshots, scanned films), ultrasound."""
    if str(header.get("BurnedInAnnotation", "")).strip().upper() == "YES":
        return "burned_in_annotation"
    if str(header.get("SOPClassUID", "")).startswith(SECONDARY_CAPTURE):
        return "secondary_capture"
    modality = str(header.get("Modality", "")).strip().upper()
    if modality in ("US", "IVUS"):
        return "ultrasound"
    if modality in ("OT", "SC", "XC", "DOC"):
        return "secondary_capture"
    image_type = [str(v).upper() for v in header.get("ImageType", []) or []]
    if "SCREEN" in image_type or "SCREENSHOT" in image_type:
        return "screenshot"
    return ""


_RISK_TAGS = ["BurnedInAnnotation", "SOPClassUID", "Modality", "ImageType"]


def burned_in_risk_of(head: bytes) -> str:
    """`burned_in_risk` of an instance from the first bytes of its file ("" if unreadable)."""
    try:
        with quiet_pydicom():
            header = dcmread(
                io.BytesIO(head), force=True, stop_before_pixels=True, specific_tags=_RISK_TAGS
            )
        return burned_in_risk(header)
    except (InvalidDicomError, EOFError, ValueError, OSError, AttributeError, KeyError):
        return ""
