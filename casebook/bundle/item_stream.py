"""A read-only file object over an item's chunk iterator, for py7zr's `writef`.

py7zr asks a file object for its size (seek to the end and back) and then reads it in blocks;
this one pretends the seek, pulls chunks on demand, keeps at most one chunk in memory, hashes
what passes and refuses bytes that differ from the binder's record (size or SHA-256).
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Callable, Iterator

from casebook.bundle.errors import SourceChanged
from casebook.bundle.plan import OpenChunks


class ItemStream(io.BufferedIOBase):
    def __init__(
        self,
        name: str,
        open_chunks: OpenChunks,
        size: int,
        sha256: str,
        on_read: Callable[[int], None],
    ) -> None:
        super().__init__()
        self._name = name
        self._open_chunks = open_chunks
        self._chunks: Iterator[bytes] | None = None
        self._size = size
        self._sha256 = sha256.lower()
        self._on_read = on_read
        self._pending = b""
        self._position = 0
        self._reported_position: int | None = None
        self._hash = hashlib.sha256()
        self._done = False

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._position if self._reported_position is None else self._reported_position

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        """Only what py7zr's size probe needs: to the end, and back to where reading is."""
        if whence == io.SEEK_END and offset == 0:
            self._reported_position = self._size
        elif whence == io.SEEK_SET and offset == self._position:
            self._reported_position = None
        else:
            raise io.UnsupportedOperation("an item stream only reads forward")
        return self.tell()

    def _changed(self) -> SourceChanged:
        return SourceChanged(
            self._name, self._sha256, self._hash.hexdigest(), self._size, self._position
        )

    def _next_chunk(self) -> bytes:
        if self._chunks is None:
            self._chunks = iter(self._open_chunks())
        for chunk in self._chunks:
            if chunk:
                return bytes(chunk)
        return b""

    def read(self, size: int | None = -1) -> bytes:
        if size is None or size < 0:
            raise io.UnsupportedOperation("an item stream is read in blocks")
        pieces = [self._pending]
        gathered = len(self._pending)
        while gathered < size:
            chunk = self._next_chunk()
            if not chunk:
                break
            pieces.append(chunk)
            gathered += len(chunk)
        joined = b"".join(pieces)
        data, self._pending = joined[:size], joined[size:]
        self._hash.update(data)
        self._position += len(data)
        if self._position > self._size:
            raise self._changed()
        if not data and not self._done:
            self._done = True
            if self._position != self._size or self._hash.hexdigest() != self._sha256:
                raise self._changed()
        self._on_read(len(data))
        return data
