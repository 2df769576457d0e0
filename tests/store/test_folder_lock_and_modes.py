"""The binder folder's lock and file modes, as they behave on every operating system.

The lock is the operating system's own (flock here and on macOS, msvcrt on Windows, through
filelock): it must keep a second process out, and must die with a killed process so that a
crash never locks a family out of their binder. What the folder module writes is owner-only
(0600) whatever the umask. Folders with Chinese names and spaces are the normal case.
"""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from casebook.core.errors import BinderUnavailable, UnavailableReason
from casebook.store.binder_folder import BinderFolder, FolderLock, open_private, write_atomically

_HOLD_THE_LOCK = """
import sys, time
from pathlib import Path
from casebook.store.binder_folder import BinderFolder, FolderLock
lock = FolderLock(BinderFolder(Path(sys.argv[1])))
lock.acquire()
print("locked", flush=True)
time.sleep(600)
"""


@pytest.fixture
def folder(tmp_path: Path) -> BinderFolder:
    path = tmp_path / "病历 资料 Wang Fang" / "Casebook binder 2026-11-22"
    path.mkdir(parents=True)
    return BinderFolder(path)


@pytest.fixture
def holder(folder: BinderFolder) -> Iterator[subprocess.Popen[str]]:
    """Another process (another Casebook) holding the binder's lock."""
    with subprocess.Popen(
        [sys.executable, "-c", _HOLD_THE_LOCK, str(folder.path)],
        stdout=subprocess.PIPE, text=True,
    ) as process:  # fmt: skip
        assert process.stdout is not None
        assert process.stdout.readline().strip() == "locked"
        try:
            yield process
        finally:
            process.kill()
            process.wait(timeout=30)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_second_process_is_kept_out(folder: BinderFolder, holder: subprocess.Popen[str]) -> None:
    with pytest.raises(BinderUnavailable) as refused:
        FolderLock(folder).acquire()
    assert refused.value.reason is UnavailableReason.IN_USE
    assert refused.value.path == folder.path


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="kill -9 is a POSIX signal")
def test_a_killed_casebook_leaves_no_lock_behind(
    folder: BinderFolder, holder: subprocess.Popen[str]
) -> None:
    holder.send_signal(signal.SIGKILL)
    holder.wait(timeout=30)
    assert folder.lock_file.exists()  # the file stays; the operating system's lock went
    lock = FolderLock(folder)
    lock.acquire()
    lock.release()


def test_the_same_process_can_lock_unlock_and_lock_again(folder: BinderFolder) -> None:
    first = FolderLock(folder)
    first.acquire()
    with pytest.raises(BinderUnavailable):
        FolderLock(folder).acquire()  # a second window of the same app
    first.release()
    second = FolderLock(folder)
    second.acquire()
    second.release()


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_lock_and_key_slots_are_owner_only_whatever_the_umask(folder: BinderFolder) -> None:
    previous = os.umask(0)  # the most permissive: modes must come from the code, not the umask
    try:
        lock = FolderLock(folder)
        lock.acquire()
        lock.release()
        write_atomically(folder.keyslots, b'{"slots": []}')
        (folder.path / "notes.txt").write_bytes(b"")  # what umask 0 gives: world-writable
        existing = folder.path / "existing.txt"
        existing.write_bytes(b"old")
        existing.chmod(0o644)
        with open_private(existing) as handle:
            assert _mode(existing) == 0o600  # narrowed before a byte is written
            handle.write(b"new")
    finally:
        os.umask(previous)
    assert _mode(folder.path / "notes.txt") == 0o666
    assert _mode(folder.lock_file) == 0o600
    assert _mode(folder.keyslots) == 0o600
    assert folder.keyslots.read_bytes() == b'{"slots": []}'
    assert existing.read_bytes() == b"new"
    assert not list(folder.path.glob("*.partial"))
