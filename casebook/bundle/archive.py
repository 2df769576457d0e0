"""Seals a bundle: streams its tree into an AES-256 7z archive, reads it back, publishes it.

Three steps, each safe to interrupt:
1. Write. The binder's chunks are read and checked against their SHA-256 on this thread while
   a second thread computes each file's CRC, encrypts and writes `.partial` volumes (the 7z key
   is derived once). Nothing else is stored (DICOM and PDF are mostly compressed already).
2. Read back. The parts are fsynced and dropped from the page cache, then read once from the
   disk: each part's SHA-256 (for the cover sheet) and one decryption that checks every CRC.
3. Publish. `before_publish` gets the parts as they will be named (the command line saves the
   password there), then the parts get their final names, all or none (see `publish`).
Any failure or cancel deletes the partial files: nothing is ever left under a final name.
"""

from __future__ import annotations

import errno
import shutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath

from casebook.bundle.errors import BundleInvalid, BundleProblem, BundleWriteFailed
from casebook.bundle.handoff import Handoff
from casebook.bundle.item_stream import checked_chunks
from casebook.bundle.plan import BundlePlan
from casebook.bundle.publish import publish, sweep
from casebook.bundle.readback import ArchiveReading, read_archive
from casebook.bundle.sevenzip.coders import KeyRing
from casebook.bundle.sevenzip.writer import SevenZipWriter, WrittenArchive, archive_size, filetime
from casebook.bundle.tree import BundleTree, TreeEntry, build_tree
from casebook.bundle.volumes import (
    ArchivePart,
    PartOpener,
    VolumeWriter,
    count_parts,
    drop_from_cache,
    open_part,
)
from casebook.core.errors import NotEnoughSpace
from casebook.core.progress import NEVER_CANCELLED, CancelToken, Progress, Report, ignore_progress

MEGABYTE = 1_000_000
ARCHIVE_OVERHEAD = 1 << 20  # headers and AES padding, generously
SHARED_PART_MODE = 0o644  # the family copies the parts on; everything else Casebook writes is 0600

BeforePublish = Callable[[tuple[ArchivePart, ...]], None]


@dataclass(frozen=True)
class SealedBundle:
    """The published parts (in order, with SHA-256 read back from disk) and what they hold."""

    parts: tuple[ArchivePart, ...]
    file_count: int
    content_size: int


class _Progress:
    """Writing is the first half of the bar, reading back the second."""

    def __init__(self, report: Report, total: int) -> None:
        self._report = report
        self._total = 2 * total
        self.done = 0
        self.item = ""

    def add(self, count: int) -> None:
        self.done = min(self.done + count, self._total)
        self._report(Progress(self.done, self._total, self.item))


def _check_names_free(directory: Path, name: str) -> None:
    for existing in directory.glob(f"{name}.7z*"):
        raise BundleWriteFailed(existing, errno.EEXIST, "exists")


def _directories(tree: BundleTree) -> list[str]:
    """Every folder of the tree, parents first, so extracted folders get ordinary modes."""
    found: set[str] = set()
    for entry in tree.entries:
        found.update(str(parent) for parent in PurePosixPath(entry.path).parents)
    found.discard(".")
    return sorted(found, key=lambda path: (path.count("/"), path))


def sealed_size(tree: BundleTree) -> int:
    """The exact size of the archive `seal_tree` writes for `tree` (computed, nothing written)."""
    return archive_size(_directories(tree), [(entry.path, entry.size) for entry in tree.entries])


def volume_bytes(volume_size_mb: int | None) -> int | None:
    """The largest part in bytes, as the seal cuts them (MB are 1,000,000 bytes)."""
    return volume_size_mb * MEGABYTE if volume_size_mb else None


def parts_for(archive_bytes: int, volume_size_mb: int | None) -> int:
    """How many files an archive of `archive_bytes` becomes with parts of `volume_size_mb`."""
    return count_parts(archive_bytes, volume_bytes(volume_size_mb))


def _chunks(entry: TreeEntry) -> Iterable[bytes]:
    if entry.data is not None:
        return [entry.data] if entry.data else []
    assert entry.open_chunks is not None
    return checked_chunks(entry.path, entry.open_chunks, entry.size, entry.sha256)


def _write(
    tree: BundleTree,
    volumes: VolumeWriter,
    password: str,
    progress: _Progress,
    cancel: CancelToken,
    mtime: int | None,
) -> WrittenArchive:
    """Step 1: this thread reads and checks the items, a second one encrypts and writes."""
    writer = SevenZipWriter(volumes, password, mtime=mtime)
    for directory in _directories(tree):
        writer.add_directory(directory)

    def consume(step: str | bytes | None) -> None:
        """A name starts a file, bytes continue it, None ends it."""
        if isinstance(step, str):
            writer.begin_file(step)
        elif step is not None:
            writer.write(step)
        else:
            writer.end_file()

    handoff: Handoff[str | bytes | None] = Handoff(consume, name="casebook-seal")
    try:
        for entry in tree.entries:
            cancel.raise_if_cancelled()
            progress.item = entry.path
            handoff.put(entry.path)
            for chunk in _chunks(entry):
                handoff.put(chunk)
                progress.add(len(chunk))
                cancel.raise_if_cancelled()
            handoff.put(None)
        handoff.close()
    except BaseException:
        handoff.abort()
        raise
    return writer.finish()


def _check(tree: BundleTree, written: WrittenArchive, reading: ArchiveReading) -> None:
    """The archive on disk holds exactly the tree: same names, sizes and CRCs as written."""
    crcs = {file.name: file for file in written.files}
    for entry in tree.entries:
        found = reading.files.get(entry.path)
        if found is None:
            raise BundleInvalid(BundleProblem.FILE_MISSING, entry.path)
        wrote = crcs[entry.path]
        if found.size != entry.size or (entry.size and found.crc != wrote.crc):
            raise BundleInvalid(BundleProblem.HASH_MISMATCH, entry.path, found.parts)
    for path in sorted(reading.files.keys() - {entry.path for entry in tree.entries}):
        raise BundleInvalid(BundleProblem.FILE_UNLISTED, path)


def _read_back(
    tree: BundleTree,
    written: WrittenArchive,
    partials: list[Path],
    progress: _Progress,
    cancel: CancelToken,
) -> tuple[ArchivePart, ...]:
    """Step 2: one pass over the parts as the disk has them."""
    drop_from_cache(partials)
    progress.item = ""
    scale = tree.total_size / max(written.size, 1)
    keys = KeyRing(None, {(written.salt, written.cycles_power): written.key})
    reading = read_archive(
        partials, keys, on_bytes=lambda count: progress.add(int(count * scale)), cancel=cancel
    )
    _check(tree, written, reading)
    return reading.parts


def seal_bundle(
    plan: BundlePlan,
    directory: Path,
    name: str,
    password: str,
    *,
    volume_size_mb: int | None = None,
    report: Report = ignore_progress,
    cancel: CancelToken = NEVER_CANCELLED,
    opener: PartOpener = open_part,
    before_publish: BeforePublish | None = None,
    now: float | None = None,
) -> SealedBundle:
    """Writes `directory/name.7z` (or `name.7z.001`… of at most `volume_size_mb` MB each).

    Raises NotEnoughSpace, BundleWriteFailed, SourceChanged, BundleInvalid (the read-back
    differs), Cancelled, or whatever `before_publish` raises; in every case no file is left
    under a final name. `now` (Unix seconds, from the caller's clock) dates every entry; without
    it the entries carry no time.
    """
    return seal_tree(
        build_tree(plan),
        directory,
        name,
        password,
        volume_size_mb=volume_size_mb,
        report=report,
        cancel=cancel,
        opener=opener,
        before_publish=before_publish,
        now=now,
    )


def seal_tree(
    tree: BundleTree,
    directory: Path,
    name: str,
    password: str,
    *,
    volume_size_mb: int | None = None,
    report: Report = ignore_progress,
    cancel: CancelToken = NEVER_CANCELLED,
    opener: PartOpener = open_part,
    before_publish: BeforePublish | None = None,
    now: float | None = None,
) -> SealedBundle:
    """`seal_bundle` for a tree already built (its files in archive order)."""
    sweep(directory, name)
    _check_names_free(directory, name)
    if shutil.disk_usage(directory).free < tree.total_size + ARCHIVE_OVERHEAD:
        raise NotEnoughSpace(directory)
    volume_size = volume_bytes(volume_size_mb)
    progress = _Progress(report, tree.total_size)
    volumes = VolumeWriter(directory, name, volume_size, opener)
    mtime = None if now is None else filetime(now)  # the time comes from the caller's clock
    try:
        written = _write(tree, volumes, password, progress, cancel, mtime)
        volumes.close()
        partials = volumes.partial_paths
        parts = _read_back(tree, written, partials, progress, cancel)
        finals = volumes.final_paths()
        named = tuple(replace(p, path=f) for p, f in zip(parts, finals, strict=True))
        if before_publish is not None:
            before_publish(named)
        publish(partials, finals)
    except OSError as error:
        volumes.discard()
        failed = Path(error.filename) if error.filename else directory
        if error.errno in (errno.ENOSPC, errno.EDQUOT):
            raise NotEnoughSpace(failed) from error
        raise BundleWriteFailed(failed, error.errno, error.strerror or "") from error
    except BaseException:
        volumes.discard()
        raise
    return SealedBundle(named, len(tree.entries), tree.total_size)
