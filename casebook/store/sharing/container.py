"""The file that carries changes and stored files between copies (exchange file, invitation).

    "CBSHARE1" | header length (4 bytes) | header (JSON, plain) | segment*
    segment = length (4 bytes) | AES-256-GCM ciphertext of up to 64 KiB (see crypto.py)

The header says what the file is and how to find its key (family, sender, key generation, salt
— or, for an invitation, the Argon2id parameters); it holds nothing about the patient. The
encrypted body is a stream of frames: "J" + length + JSON (changes, what the sender holds…),
"B" + SHA-256 + size + the bytes of one stored file, "E" at the end. Everything is streamed:
memory stays flat whatever the size of the files carried.

A reader sees a frame's content before the whole file is authenticated; callers keep what they
read aside (stored files in "staging") and take it only after `finish()` confirmed the last
segment.
"""

from __future__ import annotations

import json
import struct
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, BinaryIO, Protocol

from casebook.store.sharing.crypto import SegmentCipher, Unauthentic

MAGIC = b"CBSHARE1"
SEGMENT_BYTES = 64 * 1024
_TAG_BYTES = 16
_MAX_HEADER = 1024 * 1024
_MAX_JSON = 256 * 1024 * 1024


class Writable(Protocol):
    def write(self, data: bytes, /) -> int: ...


class NotAContainer(Exception):
    """The file is not one of Casebook's sharing files (or its header is unreadable)."""


@dataclass(frozen=True)
class Header:
    fields: dict[str, Any]
    raw: bytes  # authenticated by every segment


def read_header(stream: BinaryIO) -> Header:
    if stream.read(len(MAGIC)) != MAGIC:
        raise NotAContainer
    length_bytes = stream.read(4)
    if len(length_bytes) != 4:
        raise NotAContainer
    (length,) = struct.unpack(">I", length_bytes)
    if length > _MAX_HEADER:
        raise NotAContainer
    raw = stream.read(length)
    try:
        fields = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise NotAContainer from None
    if not isinstance(fields, dict):
        raise NotAContainer
    return Header(fields, raw)


class ContainerWriter:
    """Writes the header, then frames, sealing full segments as they fill."""

    def __init__(self, out: Writable, header: dict[str, Any], file_key: bytes, salt: bytes) -> None:
        raw = json.dumps(header, sort_keys=True, ensure_ascii=False).encode("utf-8")
        out.write(MAGIC + struct.pack(">I", len(raw)) + raw)
        self._out = out
        self._cipher = SegmentCipher(file_key, salt, raw)
        self._buffer = bytearray()
        self._index = 0

    def _push(self, data: bytes) -> None:
        self._buffer += data
        while len(self._buffer) > SEGMENT_BYTES:  # keep one back: the last must be flagged
            self._seal(bytes(self._buffer[:SEGMENT_BYTES]), last=False)
            del self._buffer[:SEGMENT_BYTES]

    def _seal(self, plaintext: bytes, *, last: bool) -> None:
        sealed = self._cipher.seal(self._index, plaintext, last=last)
        self._out.write(struct.pack(">I", len(sealed)) + sealed)
        self._index += 1

    def write_json(self, value: Any) -> None:
        data = json.dumps(value, ensure_ascii=False, sort_keys=True).encode("utf-8")
        self._push(b"J" + struct.pack(">Q", len(data)) + data)

    def write_blob(self, sha256: str, size: int, chunks: Iterator[bytes]) -> None:
        self._push(b"B" + bytes.fromhex(sha256) + struct.pack(">Q", size))
        written = 0
        for chunk in chunks:
            written += len(chunk)
            self._push(chunk)
        if written != size:
            raise ValueError("stored file changed size while being written")

    def finish(self) -> None:
        self._push(b"E")
        self._seal(bytes(self._buffer), last=True)
        self._buffer.clear()


class _Plain:
    """The decrypted body, read segment by segment."""

    def __init__(self, stream: BinaryIO, cipher: SegmentCipher) -> None:
        self._stream = stream
        self._cipher = cipher
        self._buffer = b""
        self._offset = 0
        self._index = 0
        self.ended = False

    def _next_segment(self) -> None:
        if self.ended:
            raise Unauthentic  # reading past the last segment
        length_bytes = self._stream.read(4)
        if len(length_bytes) != 4:
            raise Unauthentic  # cut short
        (length,) = struct.unpack(">I", length_bytes)
        if not _TAG_BYTES <= length <= SEGMENT_BYTES + _TAG_BYTES:
            raise Unauthentic
        sealed = self._stream.read(length)
        if len(sealed) != length:
            raise Unauthentic
        # The last segment is the one the file ends with; try it as "last" only then.
        at_end = self._stream.read(1) == b""
        if not at_end:
            self._stream.seek(-1, 1)
        self._buffer = self._cipher.open(self._index, sealed, last=at_end)
        self._offset = 0
        self._index += 1
        self.ended = at_end

    def read(self, size: int) -> bytes:
        parts: list[bytes] = []
        while size > 0:
            if self._offset >= len(self._buffer):
                self._next_segment()
                continue
            piece = self._buffer[self._offset : self._offset + size]
            self._offset += len(piece)
            size -= len(piece)
            parts.append(piece)
        return b"".join(parts)

    def exhausted(self) -> bool:
        return self.ended and self._offset >= len(self._buffer)


class BlobReader:
    """The bytes of one stored file inside the body (read it to the end before moving on)."""

    def __init__(self, plain: _Plain, size: int) -> None:
        self._plain = plain
        self._left = size

    def read(self, size: int = -1) -> bytes:
        if self._left <= 0:
            return b""
        wanted = self._left if size < 0 else min(size, self._left)
        data = self._plain.read(wanted)
        self._left -= len(data)
        return data


@dataclass(frozen=True)
class JsonFrame:
    value: Any


@dataclass(frozen=True)
class BlobFrame:
    sha256: str
    size: int
    reader: BlobReader


class ContainerReader:
    """Reads frames; raises Unauthentic as soon as a segment fails, and at `finish()` unless
    the body ended exactly with its last segment."""

    def __init__(self, stream: BinaryIO, header: Header, file_key: bytes, salt: bytes) -> None:
        self._plain = _Plain(stream, SegmentCipher(file_key, salt, header.raw))

    def frames(self) -> Iterator[JsonFrame | BlobFrame]:
        while True:
            kind = self._plain.read(1)
            if kind == b"E":
                if not self._plain.exhausted():
                    raise Unauthentic
                return
            if kind == b"J":
                (length,) = struct.unpack(">Q", self._plain.read(8))
                if length > _MAX_JSON:
                    raise Unauthentic
                try:
                    yield JsonFrame(json.loads(self._plain.read(length).decode("utf-8")))
                except (UnicodeDecodeError, ValueError):
                    raise Unauthentic from None
            elif kind == b"B":
                digest = self._plain.read(32).hex()
                (size,) = struct.unpack(">Q", self._plain.read(8))
                reader = BlobReader(self._plain, size)
                yield BlobFrame(digest, size, reader)
                while reader.read(1024 * 1024):
                    pass  # the caller did not want it: skip to the next frame
            else:
                raise Unauthentic
