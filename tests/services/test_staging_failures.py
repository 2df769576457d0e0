"""Content is staged outside a write transaction (a large file never holds the write lock), so
`BinderSession.stage` is where its failures get their meaning: the binder's disk filling up is
"not enough space", while a file that cannot be read (a pulled USB stick, an exchange file cut
short) stays that file's problem for the caller to word. Either way nothing staged is left."""

from __future__ import annotations

import errno
import io
import random

import pytest

from casebook.core.errors import NotEnoughSpace
from casebook.core.progress import NEVER_CANCELLED
from casebook.services.binder.session import BinderSession

SIZE = 3 * 1024 * 1024


class _PulledStick(io.RawIOBase):
    """A stream that reads a little, then fails as a removed USB stick does."""

    def __init__(self) -> None:
        self._given = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        if self._given:
            raise OSError(errno.EIO, "Input/output error")
        self._given = len(buffer)
        buffer[:] = b"\x01" * len(buffer)
        return len(buffer)


def _staging_rows(session: BinderSession) -> int:
    with session.reading() as db:
        return int(db.execute("SELECT count(*) FROM blobs WHERE state = 'staging'").fetchone()[0])


def test_a_full_disk_while_staging_is_not_enough_space(session: BinderSession) -> None:
    db = session.database()
    pages = int(db.execute("PRAGMA page_count").fetchone()[0])
    db.execute(f"PRAGMA max_page_count = {pages + 20}")  # SQLite's own "disk is full" path
    content = io.BytesIO(random.Random(7).randbytes(SIZE))
    with pytest.raises(NotEnoughSpace):
        session.stage(content, NEVER_CANCELLED)
    db.execute(f"PRAGMA max_page_count = {2**30}")
    assert _staging_rows(session) == 0
    staged = session.stage(io.BytesIO(content.getvalue()), NEVER_CANCELLED)
    assert staged.size == SIZE


def test_a_source_that_fails_stays_the_source_s_failure(session: BinderSession) -> None:
    with pytest.raises(OSError, match="Input/output error") as raised:
        session.stage(io.BufferedReader(_PulledStick()), NEVER_CANCELLED)
    assert raised.value.errno == errno.EIO
    assert _staging_rows(session) == 0
