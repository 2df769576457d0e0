"""Seals a bundle: streams its tree into an AES-256 7z archive with encrypted headers.

Memory stays flat: each item is pulled chunk by chunk through `ItemStream` into py7zr's
`writef`, stored without compression (DICOM and PDF are mostly compressed already, and storing
is fast), encrypted, and cut into volumes by `VolumeWriter`. Writing is safe: parts are written
as `.partial`, fsynced, dropped from the page cache, read back and decrypted, every file's
SHA-256 compared with the tree, and only then renamed to their final names. Any failure deletes
the partial files, so nothing is ever left under a final name.
"""

from __future__ import annotations

import errno
import io
import os
import shutil
from dataclasses import dataclass, replace
from pathlib import Path

import py7zr
from py7zr import FILTER_COPY, FILTER_CRYPTO_AES256_SHA256

from casebook.bundle.errors import BundleInvalid, BundleProblem, BundleWriteFailed
from casebook.bundle.item_stream import ItemStream
from casebook.bundle.plan import BundlePlan
from casebook.bundle.readback import read_archive
from casebook.bundle.tree import BundleTree, TreeEntry, build_tree
from casebook.bundle.volumes import (
    PARTIAL_SUFFIX,
    ArchivePart,
    PartOpener,
    VolumeWriter,
    open_part,
)
from casebook.core.errors import NotEnoughSpace
from casebook.core.progress import NEVER_CANCELLED, CancelToken, Progress, Report, ignore_progress

FILTERS = [{"id": FILTER_COPY}, {"id": FILTER_CRYPTO_AES256_SHA256}]
WRITE_BLOCK = 1 << 20
MEGABYTE = 1_000_000
ARCHIVE_OVERHEAD = 1 << 20  # headers and AES padding, generously


@dataclass(frozen=True)
class SealedBundle:
    """The published parts (in order, with SHA-256 read back from disk) and what they hold."""

    parts: tuple[ArchivePart, ...]
    file_count: int
    content_size: int


class _Progress:
    def __init__(self, report: Report, total: int) -> None:
        self._report = report
        self._total = total
        self.done = 0
        self.item = ""

    def add(self, count: int) -> None:
        self.done += count
        self._report(Progress(self.done, self._total, self.item))


def _check_names_free(directory: Path, name: str) -> None:
    for existing in directory.glob(f"{name}.7z*"):
        if existing.name.endswith(PARTIAL_SUFFIX):
            existing.unlink()  # left by an earlier failed run; encrypted, safe to delete
        else:
            raise BundleWriteFailed(existing, errno.EEXIST, "exists")


def _write_entries(
    zf: py7zr.SevenZipFile, tree: BundleTree, progress: _Progress, cancel: CancelToken
) -> None:
    for entry in tree.entries:
        cancel.raise_if_cancelled()
        progress.item = entry.path
        source: io.BufferedIOBase
        if entry.data is not None:
            source = io.BytesIO(entry.data)
            progress.add(entry.size)
        else:
            assert entry.open_chunks is not None
            source = ItemStream(
                entry.path, entry.open_chunks, entry.size, entry.sha256, progress.add
            )
        zf.writef(source, entry.path)  # type: ignore[arg-type]  # a BufferedIOBase


def _drop_from_cache(paths: list[Path]) -> None:
    """Best effort: make the read-back come from the disk, not from memory."""
    advise = getattr(os, "posix_fadvise", None)
    if advise is None:
        return
    for path in paths:
        with open(path, "rb") as handle:
            advise(handle.fileno(), 0, 0, os.POSIX_FADV_DONTNEED)


def _check_written(
    tree: BundleTree, paths: list[Path], password: str, progress: _Progress, cancel: CancelToken
) -> tuple[ArchivePart, ...]:
    progress.item = ""
    reading = read_archive(paths, password, (), progress.add, cancel)
    expected: dict[str, TreeEntry] = {entry.path: entry for entry in tree.entries}
    for path, entry in expected.items():
        found = reading.files.get(path)
        if found is None:
            raise BundleInvalid(BundleProblem.FILE_MISSING, path)
        if found.sha256 != entry.sha256 or found.size != entry.size:
            raise BundleInvalid(BundleProblem.HASH_MISMATCH, path)
    for path in reading.files.keys() - expected.keys():
        raise BundleInvalid(BundleProblem.FILE_UNLISTED, path)
    return reading.parts


def _fsync_directory(directory: Path) -> None:
    if os.name == "posix":
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _publish(partials: list[Path], finals: list[Path]) -> None:
    """Renames the checked parts, last part first, so the first part appears last."""
    done: list[tuple[Path, Path]] = []
    try:
        for partial, final in reversed(list(zip(partials, finals, strict=True))):
            os.rename(partial, final)
            done.append((partial, final))
    except OSError:
        for partial, final in done:
            os.rename(final, partial)
        raise
    _fsync_directory(finals[0].parent)


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
) -> SealedBundle:
    """Writes `directory/name.7z` (or `name.7z.001`… of at most `volume_size_mb` MB each).

    Raises NotEnoughSpace, BundleWriteFailed, SourceChanged, BundleInvalid (the read-back
    differs) or Cancelled; in every case no file is left under a final name.
    """
    tree = build_tree(plan)
    _check_names_free(directory, name)
    if shutil.disk_usage(directory).free < tree.total_size + ARCHIVE_OVERHEAD:
        raise NotEnoughSpace(directory)
    volume_size = volume_size_mb * MEGABYTE if volume_size_mb else None
    progress = _Progress(report, 2 * tree.total_size)
    writer = VolumeWriter(directory, name, volume_size, opener)
    try:
        zf = py7zr.SevenZipFile(
            writer,  # type: ignore[arg-type]  # any io.IOBase works
            "w",
            filters=FILTERS,
            password=password,
            header_encryption=True,
            blocksize=WRITE_BLOCK,
        )
        _write_entries(zf, tree, progress, cancel)
        zf.close()
        writer.close()
        partials = writer.partial_paths
        _drop_from_cache(partials)
        parts = _check_written(tree, partials, password, progress, cancel)
        finals = writer.final_paths()
        _publish(partials, finals)
    except OSError as error:
        writer.discard()
        failed = Path(error.filename) if error.filename else directory
        if error.errno in (errno.ENOSPC, errno.EDQUOT):
            raise NotEnoughSpace(failed) from error
        raise BundleWriteFailed(failed, error.errno, error.strerror or "") from error
    except BaseException:
        writer.discard()
        raise
    published = tuple(replace(part, path=final) for part, final in zip(parts, finals, strict=True))
    return SealedBundle(published, len(tree.entries), tree.total_size)
