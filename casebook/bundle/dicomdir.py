"""Writes the DICOMDIR of a bundle's file-set from the items' metadata (PS3.3 F, PS3.10).

Records are built from the plan, never by rewriting the instances: the originals stay byte-
identical. Real exports often leave Type 1 attributes empty (an empty StudyID, no StudyTime);
a DICOMDIR record must still carry a value, so such gaps get neutral, valid stand-ins here
only: the original files are not changed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from io import BytesIO

from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.filebase import DicomBytesIO
from pydicom.filewriter import write_data_element, write_dataset, write_file_meta_info
from pydicom.uid import UID, ExplicitVRLittleEndian, MediaStorageDirectoryStorage, generate_uid

from casebook.bundle.layout import PlacedDicom

FILE_SET_ID = "CASEBOOK"
IMPLEMENTATION_UID = UID("1.2.826.0.1.3680043.8.498.1")  # pydicom's root, as pydicom itself uses
_UNKNOWN_DATE = "19000101"
_DATE = re.compile(r"^\d{8}$")
_TIME = re.compile(r"^\d{2}(\d{2}(\d{2}(\.\d{1,6})?)?)?$")
_INTEGER = re.compile(r"^[+-]?\d{1,12}$")
_SEQUENCE_ITEM_HEADER = 8  # item tag + item length
_SEQUENCE_HEADER = 12  # explicit VR LE: tag, VR, reserved, length


def _text(value: str, limit: int) -> str:
    """An SH/LO/CS-safe value: no backslash or control characters, within the VR's limit."""
    cleaned = "".join(ch for ch in value if ch.isprintable() and ch != "\\").strip()
    return cleaned[:limit]


def _integer(value: str, fallback: int) -> str:
    value = value.strip()
    return value if _INTEGER.match(value) else str(fallback)


def _record(kind: str) -> Dataset:
    record = Dataset()
    record.OffsetOfTheNextDirectoryRecord = 0
    record.RecordInUseFlag = 0xFFFF
    record.OffsetOfReferencedLowerLevelDirectoryEntity = 0
    record.DirectoryRecordType = kind
    return record


def _patient_record(item: PlacedDicom, number: int) -> Dataset:
    record = _record("PATIENT")
    record.SpecificCharacterSet = "ISO_IR 192"
    patient_id = _text(item.item.patient_id, 64) or f"UNKNOWN{number}"
    record.PatientID = patient_id
    record.PatientName = _text(item.item.patient_name, 64)
    if _DATE.match(item.item.patient_birth_date.strip()):
        record.PatientBirthDate = item.item.patient_birth_date.strip()
    if item.item.patient_sex.strip() in {"M", "F", "O"}:
        record.PatientSex = item.item.patient_sex.strip()
    return record


def _study_record(item: PlacedDicom, number: int) -> Dataset:
    record = _record("STUDY")
    record.SpecificCharacterSet = "ISO_IR 192"
    date = item.item.study_date.strip()
    time = item.item.study_time.strip()
    record.StudyDate = date if _DATE.match(date) else _UNKNOWN_DATE
    record.StudyTime = time if _TIME.match(time) else "000000"
    record.StudyDescription = _text(item.item.study_description, 64)
    record.StudyInstanceUID = item.item.study_instance_uid
    record.StudyID = _text(item.item.study_id, 16) or f"S{number}"
    record.AccessionNumber = _text(item.item.accession_number, 16)
    return record


def _series_record(item: PlacedDicom, number: int) -> Dataset:
    record = _record("SERIES")
    record.SpecificCharacterSet = "ISO_IR 192"
    record.Modality = _text(item.item.modality, 16).upper() or "OT"
    record.SeriesInstanceUID = item.item.series_instance_uid
    record.SeriesNumber = _integer(item.item.series_number, number)
    if item.item.series_description.strip():
        record.SeriesDescription = _text(item.item.series_description, 64)
    return record


def _image_record(item: PlacedDicom, number: int) -> Dataset:
    record = _record("IMAGE")
    record.ReferencedFileID = item.path.split("/")
    record.ReferencedSOPClassUIDInFile = item.item.sop_class_uid
    record.ReferencedSOPInstanceUIDInFile = item.item.sop_instance_uid
    record.ReferencedTransferSyntaxUIDInFile = item.item.transfer_syntax_uid
    record.InstanceNumber = _integer(item.item.instance_number, number)
    return record


class _Node:
    """A directory record and its children, in the order they will be written."""

    def __init__(self, record: Dataset | None) -> None:
        self.record = record
        self.children: list[_Node] = []
        self.offset = 0

    def walk(self) -> list[_Node]:
        nodes: list[_Node] = []
        for child in self.children:
            nodes.append(child)
            nodes.extend(child.walk())
        return nodes


def _build_tree(placed: Sequence[PlacedDicom]) -> _Node:
    root = _Node(None)
    index: dict[tuple[str, ...], _Node] = {}
    for item in placed:
        parts = item.path.split("/")  # DICOM / PA / ST / SE / IM
        parent = root
        makers = (_patient_record, _study_record, _series_record)
        for depth, make in enumerate(makers, start=2):
            key = tuple(parts[:depth])
            node = index.get(key)
            if node is None:
                node = _Node(make(item, len(parent.children) + 1))
                index[key] = node
                parent.children.append(node)
            parent = node
        parent.children.append(_Node(_image_record(item, len(parent.children) + 1)))
    return root


def _encoded_length(record: Dataset) -> int:
    buffer = DicomBytesIO()
    buffer.is_little_endian = True
    buffer.is_implicit_VR = False
    write_dataset(buffer, record)
    return len(buffer.getvalue())


def _link(node: _Node) -> None:
    """Sets each record's next-sibling and first-child offsets, depth first."""
    for position, child in enumerate(node.children):
        assert child.record is not None
        following = node.children[position + 1] if position + 1 < len(node.children) else None
        child.record.OffsetOfTheNextDirectoryRecord = following.offset if following else 0
        first = child.children[0].offset if child.children else 0
        child.record.OffsetOfReferencedLowerLevelDirectoryEntity = first
        _link(child)


def build_dicomdir(placed: Sequence[PlacedDicom]) -> bytes:
    """The DICOMDIR file (Explicit VR Little Endian) listing every placed instance."""
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = MediaStorageDirectoryStorage
    meta.MediaStorageSOPInstanceUID = generate_uid()
    meta.TransferSyntaxUID = ExplicitVRLittleEndian
    meta.ImplementationClassUID = IMPLEMENTATION_UID
    meta.ImplementationVersionName = "CASEBOOK"

    root = _build_tree(placed)
    nodes = root.walk()
    head = Dataset()
    head.FileSetID = FILE_SET_ID
    head.OffsetOfTheFirstDirectoryRecordOfTheRootDirectoryEntity = 0
    head.OffsetOfTheLastDirectoryRecordOfTheRootDirectoryEntity = 0
    head.FileSetConsistencyFlag = 0

    fp = DicomBytesIO()
    fp.is_little_endian = True
    fp.is_implicit_VR = False
    fp.write(b"\x00" * 128 + b"DICM")
    write_file_meta_info(fp, meta, enforce_standard=True)
    write_dataset(fp, head[:0x00041200])
    offsets_at = fp.tell()
    write_dataset(fp, head[0x00041200:0x00041220])

    offset = fp.tell() + _SEQUENCE_HEADER
    for node in nodes:  # offsets do not depend on the values written into the UL fields
        node.offset = offset
        assert node.record is not None
        offset += _SEQUENCE_ITEM_HEADER + _encoded_length(node.record)
    _link(root)
    if root.children:
        head.OffsetOfTheFirstDirectoryRecordOfTheRootDirectoryEntity = root.children[0].offset
        head.OffsetOfTheLastDirectoryRecordOfTheRootDirectoryEntity = root.children[-1].offset
    head.DirectoryRecordSequence = [node.record for node in nodes]
    write_dataset(fp, head[0x00041220:])
    fp.seek(offsets_at)
    write_data_element(fp, head["OffsetOfTheFirstDirectoryRecordOfTheRootDirectoryEntity"])
    write_data_element(fp, head["OffsetOfTheLastDirectoryRecordOfTheRootDirectoryEntity"])
    return bytes(fp.getvalue())


def referenced_files(dicomdir: bytes) -> list[str]:
    """The file IDs (POSIX paths) a DICOMDIR's IMAGE and other leaf records reference."""
    from pydicom import dcmread

    dataset = dcmread(BytesIO(dicomdir), force=False)
    found = []
    for record in dataset.DirectoryRecordSequence:
        if "ReferencedFileID" in record:
            value = record.ReferencedFileID
            parts = [value] if isinstance(value, str) else list(value)
            found.append("/".join(parts))
    return found
