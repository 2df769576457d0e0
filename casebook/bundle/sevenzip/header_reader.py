"""Parses 7z headers into `header.py`'s plain data, refusing anything damaged or implausible.

Every count is bounded before anything is allocated for it, so a damaged or hostile header
costs at most its own size; what the format allows but Casebook never needs (additional
streams, external data, complex coders) is refused as unsupported.
"""

from __future__ import annotations

from dataclasses import dataclass

from casebook.bundle.sevenzip import header as h
from casebook.bundle.sevenzip.encoding import ByteReader, FormatError

MAX_FILES = 10_000_000
MAX_FOLDERS = 1_000_000
MAX_CODERS = 32
MAX_PROPERTIES = 4096


class Unsupported(FormatError):
    """A valid 7z feature this reader does not handle (e.g. BCJ2, external data)."""


@dataclass(frozen=True)
class FileRecord:
    """One entry of the archive with where its data is: folder, offset in its output, CRC."""

    entry: h.Entry
    size: int = 0
    crc: int | None = None
    folder: int | None = None
    offset: int = 0


def _digests(reader: ByteReader, count: int) -> list[int | None]:
    defined = reader.defined_bits(count)
    return [reader.uint32() if is_defined else None for is_defined in defined]


def _pack_info(reader: ByteReader) -> tuple[int, tuple[int, ...]]:
    position = reader.number()
    count = reader.count(MAX_FOLDERS)
    sizes: tuple[int, ...] = ()
    while (kind := reader.byte()) != h.END:
        if kind == h.SIZE:
            sizes = tuple(reader.number() for _ in range(count))
        elif kind == h.CRC:
            _digests(reader, count)  # checked through the unpacked CRCs instead
        else:
            raise FormatError("pack info")
    if len(sizes) != count:
        raise FormatError("pack sizes missing")
    return position, sizes


def _folder(reader: ByteReader) -> tuple[list[h.Coder], list[tuple[int, int]], list[int]]:
    coders = []
    for _ in range(reader.count(MAX_CODERS) or 1):
        flags = reader.byte()
        if flags & 0x80:
            raise Unsupported("alternative methods")
        method = reader.take(flags & 0x0F)
        if flags & 0x10 and (reader.number(), reader.number()) != (1, 1):
            raise Unsupported("complex coder")
        properties = reader.take(reader.count(MAX_PROPERTIES)) if flags & 0x20 else b""
        coders.append(h.Coder(method, properties))
    pairs = [(reader.count(MAX_CODERS), reader.count(MAX_CODERS)) for _ in coders[1:]]
    if any(i >= len(coders) or o >= len(coders) for i, o in pairs):
        raise FormatError("bind pair")
    bound_in = {i for i, _ in pairs}
    packed = [index for index in range(len(coders)) if index not in bound_in]
    if len(packed) != 1:
        raise FormatError("packed streams")
    return coders, pairs, packed


def _unpack_info(reader: ByteReader) -> list[h.Folder]:
    if reader.byte() != h.FOLDER:
        raise FormatError("folder info")
    count = reader.count(MAX_FOLDERS)
    if reader.byte():
        raise Unsupported("external folders")
    shapes = [_folder(reader) for _ in range(count)]
    if reader.byte() != h.UNPACK_SIZES:
        raise FormatError("unpack sizes")
    sizes = [tuple(reader.number() for _ in coders) for coders, _, _ in shapes]
    crcs: list[int | None] = [None] * count
    while (kind := reader.byte()) != h.END:
        if kind != h.CRC:
            raise FormatError("unpack info")
        crcs = _digests(reader, count)
    return [
        h.Folder(tuple(coders), tuple(pairs), tuple(packed), size, crc)
        for (coders, pairs, packed), size, crc in zip(shapes, sizes, crcs, strict=True)
    ]


def _substreams(
    reader: ByteReader, folders: list[h.Folder]
) -> tuple[list[int], list[int], list[int | None]]:
    counts = [1] * len(folders)
    kind = reader.byte()
    if kind == h.UNPACK_STREAMS:
        counts = [reader.count(MAX_FILES) for _ in folders]
        kind = reader.byte()
    sizes: list[int] = []
    for folder, count in zip(folders, counts, strict=True):
        if not count:
            continue
        listed = [reader.number() for _ in range(count - 1)] if kind == h.SIZE else []
        if count > 1 and kind != h.SIZE:
            raise FormatError("substream sizes missing")
        last = folder.unpack_size - sum(listed)
        if last < 0:
            raise FormatError("substream sizes")
        sizes += [*listed, last]
    if kind == h.SIZE:
        kind = reader.byte()
    known = [f.crc if c == 1 else None for f, c in zip(folders, counts, strict=True)]
    unknown = sum(c for crc, c in zip(known, counts, strict=True) if crc is None)
    crcs: list[int | None] = []
    listed_crcs: list[int | None] = [None] * unknown
    while kind != h.END:
        if kind != h.CRC:
            raise FormatError("substreams info")
        listed_crcs = _digests(reader, unknown)
        kind = reader.byte()
    position = 0
    for crc, count in zip(known, counts, strict=True):
        if count == 1 and crc is not None:
            crcs.append(crc)
            continue
        crcs += listed_crcs[position : position + count]
        position += count
    return counts, sizes, crcs


def read_streams_info(reader: ByteReader) -> h.StreamsInfo:
    position = 0
    pack_sizes: tuple[int, ...] = ()
    folders: list[h.Folder] = []
    counts: list[int] = []
    sizes: list[int] = []
    crcs: list[int | None] = []
    kind = reader.byte()
    if kind == h.PACK_INFO:
        position, pack_sizes = _pack_info(reader)
        kind = reader.byte()
    if kind == h.UNPACK_INFO:
        folders = _unpack_info(reader)
        counts = [1] * len(folders)
        sizes = [f.unpack_size for f in folders]
        crcs = [f.crc for f in folders]
        kind = reader.byte()
    if kind == h.SUBSTREAMS:
        counts, sizes, crcs = _substreams(reader, folders)
        kind = reader.byte()
    if kind != h.END or len(pack_sizes) != len(folders):
        raise FormatError("streams info")
    return h.StreamsInfo(
        position, pack_sizes, tuple(folders), tuple(counts), tuple(sizes), tuple(crcs)
    )


def _uints(data: bytes, count: int, width: int) -> list[int | None]:
    reader = ByteReader(data)
    defined = reader.defined_bits(count)
    if reader.byte():
        raise Unsupported("external file data")
    return [int.from_bytes(reader.take(width), "little") if d else None for d in defined]


def _names(data: bytes, count: int) -> list[str]:
    if not data or data[0]:
        raise Unsupported("external names")
    try:
        text = data[1:].decode("utf-16-le")
    except UnicodeDecodeError as error:
        raise FormatError("names") from error
    names = text.split("\0")
    if len(names) != count + 1 or names[-1]:
        raise FormatError("names")
    return names[:-1]


def _files(reader: ByteReader) -> list[h.Entry]:
    count = reader.count(MAX_FILES)
    empty = [False] * count
    empty_file: list[bool] = []
    names: list[str] = [""] * count
    times: list[int | None] = [None] * count
    attributes: list[int | None] = [None] * count
    while (kind := reader.byte()) != h.END:
        data = reader.take(reader.count(1 << 32))
        if kind == h.EMPTY_STREAM:
            empty = ByteReader(data).bits(count)
        elif kind == h.EMPTY_FILE:
            empty_file = ByteReader(data).bits(sum(empty))
        elif kind == h.NAMES:
            names = _names(data, count)
        elif kind == h.MTIME:
            times = _uints(data, count, 8)
        elif kind == h.ATTRIBUTES:
            attributes = _uints(data, count, 4)
        # other properties (creation and access times, anti-items, padding) are not needed
    empty_files = iter(empty_file or [False] * sum(empty))
    entries = []
    for index in range(count):
        is_empty_file = next(empty_files) if empty[index] else False
        attribute = attributes[index]
        directory = empty[index] and not is_empty_file
        if attribute is not None and attribute & h.ATTRIBUTE_DIRECTORY:
            directory = True
        entries.append(h.Entry(names[index], directory, not empty[index], attribute, times[index]))
    return entries


def read_header(data: bytes) -> tuple[h.StreamsInfo | None, list[FileRecord]]:
    """The main streams and every entry (with its size, CRC and place) of a plain header."""
    reader = ByteReader(data)
    if reader.byte() != h.HEADER:
        raise FormatError("header")
    main: h.StreamsInfo | None = None
    entries: list[h.Entry] = []
    kind = reader.byte()
    if kind == h.ARCHIVE_PROPERTIES:
        while reader.byte():
            reader.take(reader.count(1 << 32))
        kind = reader.byte()
    if kind == h.ADDITIONAL_STREAMS:
        raise Unsupported("additional streams")
    if kind == h.MAIN_STREAMS:
        main = read_streams_info(reader)
        kind = reader.byte()
    if kind == h.FILES:
        entries = _files(reader)
        kind = reader.byte()
    if kind != h.END:
        raise FormatError("header end")
    return main, _place(main, entries)


def _place(main: h.StreamsInfo | None, entries: list[h.Entry]) -> list[FileRecord]:
    """Joins the entries that have data with the substreams, in order."""
    slots: list[tuple[int, int, int, int | None]] = []  # folder, offset, size, crc
    if main is not None:
        index = 0
        for folder, count in enumerate(main.substream_counts):
            offset = 0
            for _ in range(count):
                size = main.substream_sizes[index]
                crc = main.substream_crcs[index] if index < len(main.substream_crcs) else None
                slots.append((folder, offset, size, crc))
                offset += size
                index += 1
    with_data = [e for e in entries if e.has_data]
    if len(with_data) != len(slots):
        raise FormatError("files and streams differ")
    places = iter(slots)
    records = []
    for entry in entries:
        if not entry.has_data:
            records.append(FileRecord(entry))
            continue
        folder, offset, size, crc = next(places)
        records.append(FileRecord(entry, size, crc, folder, offset))
    return records


def read_encoded_header(data: bytes) -> h.StreamsInfo | None:
    """The streams info of a packed header, or None when `data` is a plain header."""
    if not data or data[0] != h.ENCODED_HEADER:
        return None
    reader = ByteReader(data)
    reader.byte()
    return read_streams_info(reader)
