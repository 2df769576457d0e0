"""Writing a sharing file outside the binder, so that its failures are told apart from the
binder's: a missing or read-only folder or a full USB stick is `CannotWrite(path)`, never
"the binder cannot be found"."""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from casebook.core.errors import CannotWrite


class _Guarded:
    """A binary file whose OS errors become `CannotWrite` (not a storage error of the binder)."""

    def __init__(self, handle: BinaryIO, path: Path) -> None:
        self._handle = handle
        self._path = path

    def _failed(self, error: OSError) -> CannotWrite:
        return CannotWrite(self._path, error.errno in (errno.ENOSPC, errno.EDQUOT))

    def write(self, data: bytes) -> int:
        try:
            return self._handle.write(data)
        except OSError as error:
            raise self._failed(error) from None

    def finish(self) -> None:
        try:
            self._handle.flush()
            os.fsync(self._handle.fileno())
        except OSError as error:
            raise self._failed(error) from None


@contextlib.contextmanager
def partial_file(target: Path) -> Iterator[_Guarded]:
    """`target.partial`, flushed to disk and renamed to `target` when the block succeeds;
    removed when it fails."""
    partial = target.with_name(target.name + ".partial")
    try:
        handle = open(partial, "wb")  # noqa: SIM115 - closed below, on every path
    except OSError as error:
        raise CannotWrite(target, error.errno in (errno.ENOSPC, errno.EDQUOT)) from None
    try:
        with handle:
            guarded = _Guarded(handle, target)
            yield guarded
            guarded.finish()
        try:
            os.replace(partial, target)
        except OSError as error:
            raise CannotWrite(target) from error
    except BaseException:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise
