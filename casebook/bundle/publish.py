"""Giving checked parts their final names, all or none, and sweeping what a killed export left.

One part is renamed in one atomic step. Several parts cannot be, so a small journal
(`name.7z.publishing`, listing the final names) is made durable before the first rename and
deleted after the last, and locked meanwhile. While it exists the parts are not a bundle:
`verify` says the export was interrupted, and the next export into the folder deletes every
part it lists (they were never reported as written, and nobody was shown their password) unless
its lock shows another export still publishing them. So a killed export leaves either a whole
published bundle or nothing.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO

from casebook.bundle.volumes import PARTIAL_SUFFIX, volume_number

JOURNAL_SUFFIX = ".publishing"


def journal_path(directory: Path, name: str) -> Path:
    return directory / f"{name}.7z{JOURNAL_SUFFIX}"


def journal_for(part: Path) -> Path:
    """The journal an interrupted export of the bundle `part` belongs to would have left."""
    stem = part.name
    if volume_number(part) is not None:
        stem = stem.rsplit(".", 1)[0]
    stem = stem.removesuffix(".7z")
    return journal_path(part.parent, stem)


def fsync_directory(directory: Path) -> None:
    """Makes renames and deletions in `directory` durable (POSIX; Windows has no such call)."""
    if os.name != "posix":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _try_lock(handle: BinaryIO) -> bool:
    """Locks a journal for this process; False if another process holds it (it is publishing).
    The kernel lets go when a process dies, so a killed export's journal is free at once."""
    if sys.platform == "win32":
        return True  # no flock: two exports publishing into one folder at once are not guarded
    import fcntl

    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _write_journal(journal: Path, finals: Sequence[Path]) -> BinaryIO:
    """Writes the journal durably and returns it open and locked, until publishing is done."""
    temporary = journal.with_name(journal.name + PARTIAL_SUFFIX)
    data = json.dumps({"parts": [path.name for path in finals]}).encode()
    handle = open(temporary, "xb")  # noqa: SIM115 - held open (locked) while publishing
    try:
        _try_lock(handle)
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
        os.replace(temporary, journal)
        fsync_directory(journal.parent)
    except BaseException:
        handle.close()
        raise
    return handle


def _rename_new(source: Path, target: Path) -> None:
    """Renames without replacing: a file that appeared under `target` meanwhile is kept."""
    if target.exists():
        raise FileExistsError(17, "exists", str(target))
    os.rename(source, target)


def publish(partials: Sequence[Path], finals: Sequence[Path]) -> None:
    """Renames checked `.partial` parts to their final names, all or (after a crash) none."""
    directory = finals[0].parent
    if len(finals) == 1:
        _rename_new(partials[0], finals[0])
        fsync_directory(directory)
        return
    journal = journal_path(directory, finals[0].name.rsplit(".7z", 1)[0])
    with _write_journal(journal, finals):
        done: list[tuple[Path, Path]] = []
        try:
            for partial, final in reversed(list(zip(partials, finals, strict=True))):
                _rename_new(partial, final)
                done.append((partial, final))
            fsync_directory(directory)
        except OSError:
            for partial, final in done:  # undo, so the parts can be deleted as partial files
                with contextlib.suppress(OSError):
                    os.rename(final, partial)
            with contextlib.suppress(OSError):
                journal.unlink()
            raise
        journal.unlink()
        fsync_directory(directory)


def _listed(journal: Path, data: bytes) -> list[str]:
    try:
        names = json.loads(data.decode("utf-8"))["parts"]
    except (ValueError, KeyError, TypeError):
        return []
    if not isinstance(names, list):
        return []
    # Only plain names of parts, never a path elsewhere (the journal could be tampered with).
    stem = journal.name.removesuffix(JOURNAL_SUFFIX)
    return [n for n in names if isinstance(n, str) and n.startswith(stem) and "/" not in n]


def sweep(directory: Path, name: str) -> list[Path]:
    """Deletes what interrupted exports left in `directory`: every interrupted publication (its
    journal and the parts it lists) and the partial files of bundle `name`. Returns them."""
    removed: list[Path] = []
    for journal in sorted(directory.glob(f"*.7z{JOURNAL_SUFFIX}")):
        with open(journal, "rb") as handle:
            if not _try_lock(handle):
                continue  # another export is publishing these parts right now
            for listed in _listed(journal, handle.read()):
                for path in (directory / listed, directory / (listed + PARTIAL_SUFFIX)):
                    if path.is_file():
                        path.unlink()
                        removed.append(path)
            journal.unlink()
        removed.append(journal)
    for leftover in sorted(directory.glob(f"{name}.7z*{PARTIAL_SUFFIX}")):
        if leftover.is_file():
            leftover.unlink()
            removed.append(leftover)
    if removed:
        fsync_directory(directory)
    return removed
