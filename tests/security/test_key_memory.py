"""Issue 21/10: once the binder is locked, its master key is nowhere in Casebook's memory.

A child process unlocks a binder, imports a file, re-encrypts it, backs it up and locks it,
then reads every readable mapping of its own memory (/proc/self/mem) and counts the raw key
and its hex text (the form `PRAGMA key` used to put into a Python string). The child holds
exactly one copy of each as the needle, so "1" means: no copy anywhere else. The same scan
while the binder is still open must find the live key, which proves the scan can see it.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

_CHILD = r"""
import binascii, ctypes, gc, mmap, sys
from pathlib import Path
from casebook.core.model import Case
from casebook.core.progress import NEVER_CANCELLED, ignore_progress
from casebook.services.binder import maintenance
from casebook.services.binder.rekeying import rekey_binder
from casebook.services.binder.session import create_binder, unlock_binder
from casebook.services.records.importing import import_paths
from casebook.store.keyslots import KdfParams


_WINDOW = 1 << 20
_OVERLAP = 64
# The scan reads into one buffer of its own mapping, skipped while scanning and wiped after:
# a bytes object per region would leave copies of the needles in freed heap memory, which the
# next scan would count as the key surviving.
_buffer = mmap.mmap(-1, _WINDOW + _OVERLAP)
_buffer_start = ctypes.addressof(ctypes.c_char.from_buffer(_buffer))


def _count_window(needles, counts, length):
    for index, needle in enumerate(needles):
        found = _buffer.find(needle, 0, length)
        while found != -1 and found < min(length, _WINDOW):
            counts[index] += 1
            found = _buffer.find(needle, found + 1, length)


def count_in_memory(needles):
    counts = [0] * len(needles)
    window = memoryview(_buffer)
    with open("/proc/self/maps") as maps, open("/proc/self/mem", "rb", 0) as memory:
        for line in maps.read().splitlines():
            fields = line.split()
            if "r" not in fields[1] or line.endswith(("[vvar]", "[vsyscall]", "[vvar_vclock]")):
                continue
            start, end = (int(x, 16) for x in fields[0].split("-"))
            if start <= _buffer_start < end:
                continue
            for offset in range(start, end, _WINDOW):
                length = min(_WINDOW + _OVERLAP, end - offset)
                try:
                    memory.seek(offset)
                    read = memory.readinto(window[:length])
                except (OSError, ValueError, OverflowError):
                    break
                _count_window(needles, counts, read or 0)
    window.release()
    _buffer[:] = bytes(len(_buffer))
    return counts

work = Path(sys.argv[1])
fast = KdfParams.minimum()
create_binder(work / "binder", "first password 1", Case("Memory Test"), fast).session.close()
session = unlock_binder(work / "binder", "first password 1")
source = work / "scan.bin"
source.write_bytes(b"memory test " * 10000)
import_paths(session, [source], None, ignore_progress, NEVER_CANCELLED)
old_raw = bytes(session.key().view())
old_hex = binascii.hexlify(old_raw)
session.close()
rekeyed = rekey_binder(
    work / "binder", "first password 1", "second password 2", ignore_progress, NEVER_CANCELLED, fast
)
session = rekeyed.session
maintenance.backup_binder(session, work / "backups", ignore_progress, NEVER_CANCELLED)
maintenance.check_binder(session, ignore_progress, NEVER_CANCELLED)
raw = bytes(session.key().view())
hexed = binascii.hexlify(raw)
print("open", *count_in_memory([raw, hexed]))
session.close()
gc.collect()
print("locked", *count_in_memory([raw, hexed, old_raw, old_hex]))
"""


@pytest.mark.skipif(not Path("/proc/self/mem").exists(), reason="needs Linux /proc/self/mem")
def test_no_copy_of_the_key_survives_locking(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", _CHILD, str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    lines = dict(line.split(" ", 1) for line in result.stdout.strip().splitlines())
    raw_open, _hex_open = map(int, lines["open"].split())
    assert raw_open >= 2, "the scan did not find the live key: it cannot be trusted"
    # Only the child's own needles: the session's buffer was wiped, SQLCipher's copies freed
    # and zeroed, and no Python str or bytes copy was ever made (old key or new key).
    assert list(map(int, lines["locked"].split())) == [1, 1, 1, 1]
