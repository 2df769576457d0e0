"""Writes the DICOMDIR of a bundle's file-set (PS3.3 Annex F, PS3.10).

The records are built from the instances' own headers (see `directory_records`), read from the
bytes the bundle carries; the originals stay byte-identical. The DICOMDIR's own SOP Instance UID
is derived from the instances it lists, so exporting the same binder twice gives the same file.

Reading the headers and writing the records both run in the plan's isolation, a worker
process in the app (see `instance_header` for why): the app sends each file's first bytes and
receives the DICOMDIR.
"""

from __future__ import annotations

import struct
from collections import deque
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from io import BytesIO

from pydicom import dcmread
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
from casebook.bundle.instance_header import (
    FIRST_HEAD_BYTES,
    HEAD_GROWTH,
    quiet_pydicom,
    read_head,
    record_headers,
)
from casebook.bundle.layout import PlacedDicom
from casebook.bundle.plan import Isolation

FILE_SET_ID = "CASEBOOK"
IMPLEMENTATION_UID = UID("1.2.826.0.1.3680043.8.498.1")  # pydicom's root, as pydicom itself uses
UID_PREFIX = "1.2.826.0.1.3680043.8.498."
_SEQUENCE_ITEM_HEADER = 8  # item tag + item length
_SEQUENCE_HEADER = 12  # explicit VR LE: tag, VR, reserved, length
_SEQUENCE_TAG = struct.pack("<HH", 0x0004, 0x1220)  # Directory Record Sequence
_ITEM_TAG = struct.pack("<HH", 0xFFFE, 0xE000)
_NEXT_TAG = struct.pack("<HH", 0x0004, 0x1400)  # Offset of the Next Directory Record
_LOWER_TAG = struct.pack("<HH", 0x0004, 0x1420)  # … of Referenced Lower-Level Directory Entity
_NEXT_AT = 8  # where its value is: after the tag, VR and length of the record's first element
_LOWER_AT = 12 + 10 + 8  # … after the first (UL) and second (Record In-use Flag, US) elements
HEADS_PER_ROUND_TRIP = 256
HEAD_BYTES_PER_ROUND_TRIP = 32 * 1024 * 1024
BASE_SECONDS = 60.0  # the worker's time limit for writing the DICOMDIR, which grows by
SECONDS_PER_RECORD = 0.01  # this much per instance (50,000 instances: 9 minutes)


@dataclass(frozen=True)
class DirectoryEntry:
    """Where one instance sits in the file-set, as the worker is told it (no content)."""

    path: str  # DICOM/PA…/ST…/SE…/IM…
    study_instance_uid: str
    series_instance_uid: str
    sop_instance_uid: str

    @classmethod
    def of(cls, placed: PlacedDicom) -> DirectoryEntry:
        item = placed.item
        return cls(
            placed.path,
            item.study_instance_uid,
            item.series_instance_uid,
            item.sop_instance_uid,
        )


class _Node:
    """A directory record and its children, in the order they will be written."""

    def __init__(self, record: Dataset | None) -> None:
        self.record = record
        self.children: list[_Node] = []
        self.offset = 0
        self.encoded = bytearray()  # the record's bytes, once written

    def walk(self) -> list[_Node]:
        nodes: list[_Node] = []
        for child in self.children:
            nodes.append(child)
            nodes.extend(child.walk())
        return nodes


def _groups(entries: Sequence[DirectoryEntry], depth: int) -> dict[tuple[str, ...], list[int]]:
    """Indexes of the instances under each folder `depth` components deep."""
    groups: dict[tuple[str, ...], list[int]] = {}
    for index, item in enumerate(entries):
        groups.setdefault(tuple(item.path.split("/")[:depth]), []).append(index)
    return groups


def _build_tree(entries: Sequence[DirectoryEntry], headers: Sequence[Dataset]) -> _Node:
    """PATIENT, STUDY and SERIES nodes from the folders, one leaf per instance."""
    patients, studies, series = _groups(entries, 2), _groups(entries, 3), _groups(entries, 4)
    root = _Node(None)
    nodes: dict[tuple[str, ...], _Node] = {}
    study_records: dict[tuple[str, ...], Dataset] = {}
    for index, item in enumerate(entries):
        parts = tuple(item.path.split("/"))  # DICOM / PA / ST / SE / IM
        pa, st, se = parts[:2], parts[:3], parts[:4]
        if pa not in nodes:
            nodes[pa] = _Node(patient_record([headers[i] for i in patients[pa]]))
            root.children.append(nodes[pa])
        if st not in nodes:
            study_records[st] = study_record(
                [headers[i] for i in studies[st]], item.study_instance_uid
            )
            nodes[st] = _Node(study_records[st])
            nodes[pa].children.append(nodes[st])
        if se not in nodes:
            position = len(nodes[st].children) + 1
            record = series_record(
                [headers[i] for i in series[se]], item.series_instance_uid, position
            )
            nodes[se] = _Node(record)
            nodes[st].children.append(nodes[se])
        position = len(nodes[se].children) + 1
        leaf = leaf_record(headers[index], parts, study_records[st], position)
        nodes[se].children.append(_Node(leaf))
    return root


def _encoded(record: Dataset) -> bytearray:
    """The record as it is written into the sequence (Explicit VR Little Endian)."""
    buffer = DicomBytesIO()
    buffer.is_little_endian = True
    buffer.is_implicit_VR = False
    write_dataset(buffer, record)
    return bytearray(buffer.getvalue())


def _link(node: _Node) -> None:
    """Writes each record's next-sibling and first-child offsets into its encoded bytes, depth
    first. Every record begins with both offsets (their tags are the lowest it has), so they
    sit at the same places in each; the rest of a record does not depend on their values."""
    for position, child in enumerate(node.children):
        following = node.children[position + 1] if position + 1 < len(node.children) else None
        first = child.children[0].offset if child.children else 0
        encoded = child.encoded
        assert encoded[_NEXT_AT - 8 : _NEXT_AT - 4] == _NEXT_TAG, "record begins elsewhere"
        assert encoded[_LOWER_AT - 8 : _LOWER_AT - 4] == _LOWER_TAG, "record begins elsewhere"
        struct.pack_into("<I", encoded, _NEXT_AT, following.offset if following else 0)
        struct.pack_into("<I", encoded, _LOWER_AT, first)
        _link(child)


def _heads_in_round_trips(
    placed: Sequence[PlacedDicom], indexes: Sequence[int], size: int, per_trip: int
) -> Iterator[tuple[list[int], list[tuple[bytes, bool]]]]:
    """The first `size` bytes of the instances at `indexes`, a round trip's worth at a time."""
    batch: list[int] = []
    heads: list[tuple[bytes, bool]] = []
    held = 0
    for index in indexes:
        head = read_head(placed[index].item.open_chunks, size)
        batch.append(index)
        heads.append(head)
        held += len(head[0])
        if len(batch) >= per_trip or held >= HEAD_BYTES_PER_ROUND_TRIP:
            yield batch, heads
            batch, heads, held = [], [], 0
    if batch:
        yield batch, heads


def read_record_headers(placed: Sequence[PlacedDicom], isolation: Isolation) -> list[bytes]:
    """Every placed instance's record attributes (`instance_header.record_header`), parsed in
    `isolation` from its first bytes, read again longer for the headers that run past them.

    The round trips go to all of the isolation's workers at once, each batch read from the
    binder while the ones before it are parsed; no more than one batch per worker is held."""
    found: list[bytes | None] = [None] * len(placed)
    waiting = list(range(len(placed)))
    size = FIRST_HEAD_BYTES
    with ThreadPoolExecutor(isolation.size, "casebook-dicomdir") as threads:
        while waiting:
            per_trip = min(HEADS_PER_ROUND_TRIP, -(-len(waiting) // isolation.size))
            pending: deque[tuple[list[int], Future[list[bytes | None]]]] = deque()
            trips = _heads_in_round_trips(placed, waiting, size, per_trip)
            for batch, heads in trips:
                if len(pending) >= isolation.size:
                    _keep(found, *pending.popleft())
                pending.append((batch, threads.submit(isolation.call, record_headers, heads)))
            while pending:
                _keep(found, *pending.popleft())
            waiting = [index for index in waiting if found[index] is None]
            size *= HEAD_GROWTH  # a complete head always gives a header: the loop ends
    return [header for header in found if header is not None]


def _keep(found: list[bytes | None], batch: list[int], parsed: Future[list[bytes | None]]) -> None:
    for index, header in zip(batch, parsed.result(), strict=True):
        found[index] = header


def build_dicomdir(placed: Sequence[PlacedDicom], isolation: Isolation) -> bytes:
    """The DICOMDIR file (Explicit VR Little Endian) listing every placed instance."""
    headers = read_record_headers(placed, isolation)
    entries = [DirectoryEntry.of(item) for item in placed]
    timeout = BASE_SECONDS + SECONDS_PER_RECORD * len(entries)
    return isolation.call(dicomdir_from_headers, entries, headers, timeout=timeout)


def dicomdir_from_headers(entries: Sequence[DirectoryEntry], headers: Sequence[bytes]) -> bytes:
    """The DICOMDIR of `entries`, whose record attributes `headers` are (in the same order)."""
    with quiet_pydicom():
        datasets = [dcmread(BytesIO(header), force=True) for header in headers]
        return _build(entries, datasets)


def _build(entries: Sequence[DirectoryEntry], headers: Sequence[Dataset]) -> bytes:
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = MediaStorageDirectoryStorage
    meta.MediaStorageSOPInstanceUID = generate_uid(
        UID_PREFIX,
        entropy_srcs=[FILE_SET_ID, *(f"{p.path}={p.sop_instance_uid}" for p in entries)],
    )
    meta.TransferSyntaxUID = ExplicitVRLittleEndian
    meta.ImplementationClassUID = IMPLEMENTATION_UID
    meta.ImplementationVersionName = "CASEBOOK"

    root = _build_tree(entries, headers)
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

    # Each record is encoded once, with both offsets 0, and the offsets written in after.
    offset = fp.tell() + _SEQUENCE_HEADER
    for node in nodes:
        assert node.record is not None
        node.encoded = _encoded(node.record)
        node.offset = offset
        offset += _SEQUENCE_ITEM_HEADER + len(node.encoded)
    _link(root)
    if root.children:
        head.OffsetOfTheFirstDirectoryRecordOfTheRootDirectoryEntity = root.children[0].offset
        head.OffsetOfTheLastDirectoryRecordOfTheRootDirectoryEntity = root.children[-1].offset
    # The Directory Record Sequence, as pydicom writes one: explicit lengths throughout.
    items_length = offset - (fp.tell() + _SEQUENCE_HEADER)
    fp.write(_SEQUENCE_TAG + b"SQ\x00\x00" + struct.pack("<I", items_length))
    for node in nodes:
        fp.write(_ITEM_TAG + struct.pack("<I", len(node.encoded)))
        fp.write(node.encoded)
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
