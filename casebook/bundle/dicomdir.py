"""Writes the DICOMDIR of a bundle's file-set (PS3.3 Annex F, PS3.10).

The records are built from the instances' own headers (see `directory_records`), read from the
bytes the bundle carries; the originals stay byte-identical. The DICOMDIR's own SOP Instance UID
is derived from the instances it lists, so exporting the same binder twice gives the same file.
"""

from __future__ import annotations

from collections.abc import Sequence
from io import BytesIO

from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.filebase import DicomBytesIO
from pydicom.filewriter import write_data_element, write_dataset, write_file_meta_info
from pydicom.uid import UID, ExplicitVRLittleEndian, MediaStorageDirectoryStorage, generate_uid

from casebook.bundle.directory_records import (
    leaf_record,
    patient_record,
    series_record,
    study_record,
)
from casebook.bundle.instance_header import quiet_pydicom, read_header
from casebook.bundle.layout import PlacedDicom

FILE_SET_ID = "CASEBOOK"
IMPLEMENTATION_UID = UID("1.2.826.0.1.3680043.8.498.1")  # pydicom's root, as pydicom itself uses
UID_PREFIX = "1.2.826.0.1.3680043.8.498."
_SEQUENCE_ITEM_HEADER = 8  # item tag + item length
_SEQUENCE_HEADER = 12  # explicit VR LE: tag, VR, reserved, length


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


def _groups(placed: Sequence[PlacedDicom], depth: int) -> dict[tuple[str, ...], list[int]]:
    """Indexes of the placed instances under each folder `depth` components deep."""
    groups: dict[tuple[str, ...], list[int]] = {}
    for index, item in enumerate(placed):
        groups.setdefault(tuple(item.path.split("/")[:depth]), []).append(index)
    return groups


def _build_tree(placed: Sequence[PlacedDicom], headers: Sequence[Dataset]) -> _Node:
    """PATIENT, STUDY and SERIES nodes from the folders, one leaf per instance."""
    patients, studies, series = _groups(placed, 2), _groups(placed, 3), _groups(placed, 4)
    root = _Node(None)
    nodes: dict[tuple[str, ...], _Node] = {}
    study_records: dict[tuple[str, ...], Dataset] = {}
    for index, item in enumerate(placed):
        parts = tuple(item.path.split("/"))  # DICOM / PA / ST / SE / IM
        pa, st, se = parts[:2], parts[:3], parts[:4]
        if pa not in nodes:
            nodes[pa] = _Node(patient_record([headers[i] for i in patients[pa]]))
            root.children.append(nodes[pa])
        if st not in nodes:
            study_records[st] = study_record(
                [headers[i] for i in studies[st]], item.item.study_instance_uid
            )
            nodes[st] = _Node(study_records[st])
            nodes[pa].children.append(nodes[st])
        if se not in nodes:
            position = len(nodes[st].children) + 1
            record = series_record(
                [headers[i] for i in series[se]], item.item.series_instance_uid, position
            )
            nodes[se] = _Node(record)
            nodes[st].children.append(nodes[se])
        position = len(nodes[se].children) + 1
        leaf = leaf_record(headers[index], parts, study_records[st], position)
        nodes[se].children.append(_Node(leaf))
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


def read_headers(placed: Sequence[PlacedDicom]) -> list[Dataset]:
    """Every placed instance's header, read from its bytes (in memory)."""
    return [read_header(item.item.open_chunks) for item in placed]


def build_dicomdir(
    placed: Sequence[PlacedDicom], headers: Sequence[Dataset] | None = None
) -> bytes:
    """The DICOMDIR file (Explicit VR Little Endian) listing every placed instance.

    `headers` are the instances' headers in the same order (read here when not given).
    """
    with quiet_pydicom():
        return _build(placed, read_headers(placed) if headers is None else headers)


def _build(placed: Sequence[PlacedDicom], headers: Sequence[Dataset]) -> bytes:
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = MediaStorageDirectoryStorage
    meta.MediaStorageSOPInstanceUID = generate_uid(
        UID_PREFIX,
        entropy_srcs=[FILE_SET_ID, *(f"{p.path}={p.item.sop_instance_uid}" for p in placed)],
    )
    meta.TransferSyntaxUID = ExplicitVRLittleEndian
    meta.ImplementationClassUID = IMPLEMENTATION_UID
    meta.ImplementationVersionName = "CASEBOOK"

    root = _build_tree(placed, headers)
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
