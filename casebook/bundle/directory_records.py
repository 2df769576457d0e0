"""The directory records of a DICOMDIR, each key taken from the files the record points to.

PS3.3 Annex F: a PATIENT, STUDY and SERIES record above each instance's own record, whose type
depends on the SOP class (PS3.3 Table F.4-1): IMAGE for images (segmentations included), SR
DOCUMENT, KEY OBJECT DOC, PRESENTATION, ENCAP DOC, RT DOSE / STRUCTURE SET / PLAN / TREAT
RECORD, WAVEFORM, REGISTRATION, FIDUCIAL… each with the keys Annex F.5 requires of it.

A key's value is the first non-empty one among the files below the record, in bundle order.
Where no file has one, a Type 2 key is written empty; a Type 1 key (which may not be empty) gets
a value derived from what the files do say — a study's date and time from its series or
content dates, an ID from a hash of the UID, a number from the position — so the same binder
gives the same DICOMDIR on every export. The files themselves are never changed.
"""

from __future__ import annotations

import copy
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

import pydicom.uid as sop
from pydicom.datadict import dictionary_VR, tag_for_keyword
from pydicom.dataelem import DataElement
from pydicom.dataset import Dataset

UNKNOWN_DATE = "19000101"  # a Type 1 date no file gives: the DICOM convention for "unknown"
UNKNOWN_TIME = "000000"
UNLABELLED = "UNLABELLED"


@dataclass(frozen=True)
class Key:
    """One key of a record type: its keyword and its type in PS3.3 F.5 ("1", "2", "1C", "3")."""

    keyword: str
    type: str


def _keys(*pairs: str) -> tuple[Key, ...]:
    """`_keys("InstanceNumber:1", …)` -> Key tuples (compact tables below)."""
    return tuple(Key(*pair.split(":")) for pair in pairs)


_CONTENT_ID = _keys(
    "InstanceNumber:1", "ContentDate:1", "ContentTime:1", "ContentLabel:1",
    "ContentDescription:2", "ContentCreatorName:2",
)  # fmt: skip
_CONTENT = _keys("InstanceNumber:1", "ContentDate:1", "ContentTime:1")

LEAF_KEYS: dict[str, tuple[Key, ...]] = {
    # Number of Frames is not a key of F.5.4, but a reader counts frames from it.
    "IMAGE": _keys("InstanceNumber:1", "NumberOfFrames:3"),
    "RT DOSE": _keys("InstanceNumber:1", "DoseSummationType:1", "NumberOfFrames:3"),
    "RT STRUCTURE SET": _keys(
        "InstanceNumber:1", "StructureSetLabel:1", "StructureSetDate:2", "StructureSetTime:2"
    ),
    "RT PLAN": _keys("InstanceNumber:1", "RTPlanLabel:1", "RTPlanDate:2", "RTPlanTime:2"),
    "RT TREAT RECORD": _keys("InstanceNumber:1", "TreatmentDate:2", "TreatmentTime:2"),
    "PRESENTATION": _keys(
        "PresentationCreationDate:1",
        "PresentationCreationTime:1",
        "InstanceNumber:1",
        "ContentLabel:1",
        "ContentDescription:2",
        "ContentCreatorName:2",
        "ReferencedSeriesSequence:1C",
    ),
    "WAVEFORM": _CONTENT,
    "RAW DATA": _CONTENT,
    "SR DOCUMENT": _keys(
        "InstanceNumber:1",
        "CompletionFlag:1",
        "VerificationFlag:1",
        "ContentDate:1",
        "ContentTime:1",
        "VerificationDateTime:1C",
        "ConceptNameCodeSequence:1",
    ),
    "KEY OBJECT DOC": _keys(
        "InstanceNumber:1", "ContentDate:1", "ContentTime:1", "ConceptNameCodeSequence:1"
    ),
    "ENCAP DOC": _keys(
        "ContentDate:2",
        "ContentTime:2",
        "InstanceNumber:1",
        "DocumentTitle:2",
        "HL7InstanceIdentifier:1C",
        "ConceptNameCodeSequence:2",
        "MIMETypeOfEncapsulatedDocument:1",
    ),
    "REGISTRATION": _CONTENT_ID,
    "FIDUCIAL": _CONTENT_ID,
    "VALUE MAP": _CONTENT_ID,
    "SURFACE": _CONTENT_ID,
    "TRACT": _CONTENT_ID,
    "STEREOMETRIC": (),
}

RECORD_TYPES: dict[str, str] = {
    **dict.fromkeys((sop.RTDoseStorage,), "RT DOSE"),
    **dict.fromkeys((sop.RTStructureSetStorage,), "RT STRUCTURE SET"),
    **dict.fromkeys((sop.RTPlanStorage, sop.RTIonPlanStorage), "RT PLAN"),
    **dict.fromkeys(
        (
            sop.RTBeamsTreatmentRecordStorage,
            sop.RTBrachyTreatmentRecordStorage,
            sop.RTTreatmentSummaryRecordStorage,
            sop.RTIonBeamsTreatmentRecordStorage,
        ),
        "RT TREAT RECORD",
    ),
    **dict.fromkeys(
        (
            sop.GrayscaleSoftcopyPresentationStateStorage,
            sop.ColorSoftcopyPresentationStateStorage,
            sop.PseudoColorSoftcopyPresentationStateStorage,
            sop.BlendingSoftcopyPresentationStateStorage,
            sop.XAXRFGrayscaleSoftcopyPresentationStateStorage,
            sop.BasicStructuredDisplayStorage,
        ),
        "PRESENTATION",
    ),
    **dict.fromkeys(
        (
            sop.TwelveLeadECGWaveformStorage,
            sop.GeneralECGWaveformStorage,
            sop.AmbulatoryECGWaveformStorage,
            sop.HemodynamicWaveformStorage,
            sop.CardiacElectrophysiologyWaveformStorage,
            sop.BasicVoiceAudioWaveformStorage,
            sop.ArterialPulseWaveformStorage,
            sop.RespiratoryWaveformStorage,
            sop.GeneralAudioWaveformStorage,
        ),
        "WAVEFORM",
    ),
    **dict.fromkeys(
        (
            sop.BasicTextSRStorage,
            sop.EnhancedSRStorage,
            sop.ComprehensiveSRStorage,
            sop.Comprehensive3DSRStorage,
            sop.ExtensibleSRStorage,
            sop.MammographyCADSRStorage,
            sop.ChestCADSRStorage,
            sop.ColonCADSRStorage,
            sop.XRayRadiationDoseSRStorage,
            sop.RadiopharmaceuticalRadiationDoseSRStorage,
            sop.PatientRadiationDoseSRStorage,
            sop.ProcedureLogStorage,
            sop.AcquisitionContextSRStorage,
            sop.SimplifiedAdultEchoSRStorage,
        ),
        "SR DOCUMENT",
    ),
    sop.KeyObjectSelectionDocumentStorage: "KEY OBJECT DOC",
    **dict.fromkeys(
        (
            sop.EncapsulatedPDFStorage,
            sop.EncapsulatedCDAStorage,
            sop.EncapsulatedSTLStorage,
            sop.EncapsulatedOBJStorage,
            sop.EncapsulatedMTLStorage,
        ),
        "ENCAP DOC",
    ),
    **dict.fromkeys(
        (sop.SpatialRegistrationStorage, sop.DeformableSpatialRegistrationStorage),
        "REGISTRATION",
    ),
    sop.SpatialFiducialsStorage: "FIDUCIAL",
    sop.RealWorldValueMappingStorage: "VALUE MAP",
    sop.RawDataStorage: "RAW DATA",
    sop.SurfaceSegmentationStorage: "SURFACE",
    sop.TractographyResultsStorage: "TRACT",
    sop.StereometricRelationshipStorage: "STEREOMETRIC",
}
"""Table F.4-1, for the SOP classes a patient's media may carry; everything else is an
IMAGE record (Segmentation Storage included: PS3.3 files it under IMAGE)."""


def record_type(sop_class_uid: str) -> str:
    return RECORD_TYPES.get(sop_class_uid.strip(), "IMAGE")


def _has_value(element: DataElement | None) -> bool:
    if element is None:
        return False
    if element.VR == "SQ":
        return len(element.value) > 0
    return element.VM > 0 and str(element.value).strip() != ""


def first_element(headers: Sequence[Dataset], keyword: str) -> DataElement | None:
    """The first non-empty `keyword` element among `headers` (a copy), else None."""
    tag = tag_for_keyword(keyword)
    for header in headers:
        if tag is not None and tag in header:
            element = header[tag]
            if _has_value(element):
                return copy.deepcopy(element)
    return None


def first_text(headers: Sequence[Dataset], keyword: str) -> str:
    element = first_element(headers, keyword)
    return "" if element is None else str(element.value).strip()


def _digest(*parts: str, length: int = 8) -> str:
    joined = "\x1f".join(parts).encode("utf-8", "surrogateescape")
    return hashlib.sha256(joined).hexdigest()[:length].upper()


def new_record(kind: str, headers: Sequence[Dataset]) -> Dataset:
    """An empty record of `kind` with the files' character set (PS3.3 F.5: 1C)."""
    record = Dataset()
    record.OffsetOfTheNextDirectoryRecord = 0
    record.RecordInUseFlag = 0xFFFF
    record.OffsetOfReferencedLowerLevelDirectoryEntity = 0
    record.DirectoryRecordType = kind
    charset = first_element(headers, "SpecificCharacterSet")
    if charset is not None:
        record.add(charset)
    return record


def put(record: Dataset, keyword: str, element: DataElement | None, fallback: str | None) -> None:
    """Writes `element`, else `fallback` (derived, for Type 1), else an empty value (Type 2)."""
    if element is not None:
        record.add(element)
        return
    tag = tag_for_keyword(keyword)
    assert tag is not None, keyword
    vr = dictionary_VR(tag)
    if fallback is not None:
        record.add_new(tag, vr, fallback)
    elif vr == "SQ":
        record.add_new(tag, vr, [])
    else:
        record.add_new(tag, vr, None)


def patient_record(headers: Sequence[Dataset]) -> Dataset:
    record = new_record("PATIENT", headers)
    name = first_element(headers, "PatientName")
    put(record, "PatientName", name, None)
    derived_id = "CB" + _digest(
        str(name.value) if name else "", first_text(headers, "PatientBirthDate")
    )
    put(record, "PatientID", first_element(headers, "PatientID"), derived_id)
    birth_date = first_element(headers, "PatientBirthDate")  # Type 3: when the files say
    if birth_date is not None:
        record.add(birth_date)
    return record


_DATE_SOURCES = (
    ("SeriesDate", "SeriesTime"),
    ("AcquisitionDate", "AcquisitionTime"),
    ("ContentDate", "ContentTime"),
    ("InstanceCreationDate", "InstanceCreationTime"),
)


def study_date_time(headers: Sequence[Dataset]) -> tuple[str, str]:
    """The study's date and time: its own, else the earliest date (and its time) the files
    give for their series, acquisition, content or creation; else "unknown"."""
    date = first_text(headers, "StudyDate")
    time = first_text(headers, "StudyTime")
    if date and time:
        return date, time
    found: list[tuple[str, str]] = []
    for header in headers:
        for date_key, time_key in _DATE_SOURCES:
            value = str(header.get(date_key, "") or "").strip()
            if value:
                found.append((value, str(header.get(time_key, "") or "").strip()))
    earliest = min(found) if found else ("", "")
    return date or earliest[0] or UNKNOWN_DATE, time or earliest[1] or UNKNOWN_TIME


def study_record(headers: Sequence[Dataset], study_uid: str) -> Dataset:
    record = new_record("STUDY", headers)
    date, time = study_date_time(headers)
    put(record, "StudyDate", first_element(headers, "StudyDate"), date)
    put(record, "StudyTime", first_element(headers, "StudyTime"), time)
    put(record, "StudyDescription", first_element(headers, "StudyDescription"), None)
    put(record, "StudyInstanceUID", first_element(headers, "StudyInstanceUID"), study_uid)
    put(record, "StudyID", first_element(headers, "StudyID"), "CB" + _digest(study_uid))
    put(record, "AccessionNumber", first_element(headers, "AccessionNumber"), None)
    return record


def series_record(headers: Sequence[Dataset], series_uid: str, position: int) -> Dataset:
    record = new_record("SERIES", headers)
    put(record, "Modality", first_element(headers, "Modality"), "OT")
    put(record, "SeriesInstanceUID", first_element(headers, "SeriesInstanceUID"), series_uid)
    put(record, "SeriesNumber", first_element(headers, "SeriesNumber"), str(position))
    description = first_element(headers, "SeriesDescription")  # not a key, but viewers show it
    if description is not None:
        record.add(description)
    return record


def _leaf_fallback(keyword: str, header: Dataset, study: Dataset, position: int) -> str | None:
    """A derived value for a Type 1 leaf key the file lacks (None: write it empty)."""
    if keyword == "InstanceNumber":
        return str(position)
    if keyword in ("ContentDate", "PresentationCreationDate"):
        return first_text([header], "ContentDate") or str(study.StudyDate)
    if keyword in ("ContentTime", "PresentationCreationTime"):
        return first_text([header], "ContentTime") or str(study.StudyTime)
    if keyword in ("ContentLabel", "StructureSetLabel", "RTPlanLabel"):
        return UNLABELLED
    if keyword == "CompletionFlag":
        return "PARTIAL"  # the cautious reading of a report that does not say
    if keyword == "VerificationFlag":
        return "UNVERIFIED"
    if keyword == "DoseSummationType":
        return "PLAN"
    if keyword == "MIMETypeOfEncapsulatedDocument":
        return "application/pdf"
    return None


def latest_verification(header: Dataset) -> DataElement | None:
    """SR: the most recent Verification DateTime of the Verifying Observer Sequence, which the
    record carries when the report is VERIFIED (F.5.18, 1C)."""
    if first_text([header], "VerificationFlag") != "VERIFIED":
        return None
    times = [
        str(item.get("VerificationDateTime", "") or "").strip()
        for item in header.get("VerifyingObserverSequence", None) or []
    ]
    times = [t for t in times if t]
    if not times:
        return None
    return DataElement(0x0040A030, "DT", max(times))  # Verification DateTime


def leaf_record(header: Dataset, file_id: Sequence[str], study: Dataset, position: int) -> Dataset:
    """The instance's own record: its type from the SOP class, its keys from its header."""
    meta = getattr(header, "file_meta", Dataset())
    sop_class = str(meta.get("MediaStorageSOPClassUID", "") or header.get("SOPClassUID", ""))
    kind = record_type(sop_class)
    record = new_record(kind, [header])
    record.ReferencedFileID = list(file_id)
    record.ReferencedSOPClassUIDInFile = sop_class
    record.ReferencedSOPInstanceUIDInFile = str(
        meta.get("MediaStorageSOPInstanceUID", "") or header.get("SOPInstanceUID", "")
    )
    record.ReferencedTransferSyntaxUIDInFile = str(
        meta.get("TransferSyntaxUID", "") or sop.ImplicitVRLittleEndian
    )
    for key in LEAF_KEYS.get(kind, ()):
        element = first_element([header], key.keyword)
        if key.keyword == "VerificationDateTime":
            element = element or latest_verification(header)
        if key.type in ("1C", "3"):
            if element is not None:
                record.add(element)
            continue
        fallback = _leaf_fallback(key.keyword, header, study, position) if key.type == "1" else None
        put(record, key.keyword, element, fallback)
    return record
