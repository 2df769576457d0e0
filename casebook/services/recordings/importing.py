"""Adding recordings from a phone: checked in the sound worker, kept byte for byte, encrypted.

Each file is its own unit of work, as for documents: it is probed (decoded to the end in the
isolated worker, so a cut-off or disguised file is caught), staged in chunks while hashing and
made visible with its recording row in one small transaction. A refused file never stops the
batch, and identical content already in the binder is reported, not stored twice.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from casebook.core.changes import Changed
from casebook.core.errors import FileProblem, FileRefused
from casebook.core.progress import CancelToken, Progress, Report
from casebook.core.recordings import Recording, RecordingProblem, RecordingRefused
from casebook.importers.audio_sniff import SNIFF_HEAD_BYTES, sniff_audio_type
from casebook.services.binder.session import BinderSession
from casebook.services.clock import timestamp
from casebook.services.isolation import UntrustedFileFailed
from casebook.services.recordings import worker
from casebook.services.records.file_walk import readable_name
from casebook.store import blobs
from casebook.store import recordings as store


@dataclass
class RecordingImportSummary:
    added: list[Recording] = field(default_factory=list)
    duplicates: list[tuple[Path, Recording]] = field(default_factory=list)
    refused: list[RecordingRefused | FileRefused] = field(default_factory=list)


def looks_like_audio(path: Path) -> bool:
    """True when the file's first bytes say it is a sound file (never its name)."""
    try:
        with open(path, "rb") as handle:
            return sniff_audio_type(handle.read(SNIFF_HEAD_BYTES)) is not None
    except OSError:
        return False


def _checked_size(path: Path) -> int:
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise FileRefused(path, FileProblem.VANISHED) from None
    except OSError as error:
        raise FileRefused(path, FileProblem.UNREADABLE, error.strerror or "") from None
    if not stat.S_ISREG(info.st_mode):
        raise FileRefused(path, FileProblem.NOT_A_FILE)
    if info.st_size == 0:
        raise FileRefused(path, FileProblem.EMPTY)
    return info.st_size


def import_recording(
    session: BinderSession,
    path: Path,
    consultation_id: int | None,
    cancel: CancelToken,
    bytes_done: Callable[[int], None] | None = None,
) -> tuple[Recording, bool]:
    """Add one sound file; returns its recording and whether it was new.

    Raises RecordingRefused (not a recording Casebook can keep, with the reason) or
    FileRefused (the file itself could not be read)."""
    size = _checked_size(path)
    try:
        facts = worker.probe(str(path), size)
    except UntrustedFileFailed as failure:
        raise RecordingRefused(path, RecordingProblem.DAMAGED, detail=str(failure)) from None
    name = readable_name(path)
    try:
        with open(path, "rb") as handle:
            staged = session.stage(handle, cancel, bytes_done)
    except FileNotFoundError:
        raise FileRefused(path, FileProblem.VANISHED) from None
    except OSError as error:
        raise FileRefused(path, FileProblem.VANISHED, error.strerror or "") from None
    if staged.size != size:
        with session.writing() as db:
            db.execute("DELETE FROM blobs WHERE id = ?", [staged.blob_id])
        raise FileRefused(path, FileProblem.UNREADABLE, "changed while it was read")
    with session.writing(Changed.RECORDINGS) as db:
        existing = store.find_by_content(db, staged.sha256)
        if existing is not None:
            db.execute("DELETE FROM blobs WHERE id = ? AND state = 'staging'", [staged.blob_id])
            return existing, False
        blobs.finish_blob(db, staged)
        recording_id = store.insert_ready(
            db,
            store.NewRecording(
                title=Path(name).stem or name,
                consultation_id=consultation_id,
                media_type=facts.media_type,
                original_name=name,
                size=staged.size,
                content_sha256=staged.sha256,
                duration_ms=facts.duration_ms,
            ),
            timestamp(),
        )
        recording = store.get_recording(db, recording_id)
    assert recording is not None
    return recording, True


def import_recordings(
    session: BinderSession,
    paths: Sequence[Path],
    consultation_id: int | None,
    report: Report,
    cancel: CancelToken,
    on_file_done: Callable[[Path, bool], None] | None = None,
) -> RecordingImportSummary:
    """Add sound files one by one; a refused file is listed and the batch carries on."""
    sizes = {path: _size_or_zero(path) for path in paths}
    total = sum(sizes.values())
    summary = RecordingImportSummary()
    finished = 0
    for path in paths:
        cancel.raise_if_cancelled()
        name = readable_name(path)
        report(Progress(finished, total, name))

        def within(done: int, base: int = finished, item: str = name) -> None:
            report(Progress(base + done, total, item))

        try:
            recording, is_new = import_recording(session, path, consultation_id, cancel, within)
        except (RecordingRefused, FileRefused) as refusal:
            summary.refused.append(refusal)
        else:
            if is_new:
                summary.added.append(recording)
            else:
                summary.duplicates.append((path, recording))
            if on_file_done is not None:
                on_file_done(path, is_new)
        finished += sizes[path]
    report(Progress(total, total, ""))
    return summary


def _size_or_zero(path: Path) -> int:
    with contextlib.suppress(OSError):
        return path.stat().st_size
    return 0
