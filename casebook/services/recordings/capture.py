"""Recording in the app: sound reaches the binder second by second, never a plaintext file.

The recorder (in the UI, fed by a microphone or, in tests, a generated source) calls
`append_sound` on the writer lane about once a second; each call is its own committed
transaction (synchronous=FULL), so killing the app loses only the sound not yet handed over.
When recording stops, `finish_recording` turns the segments into one .m4a file (AAC, encoded in
the sound worker) stored like any other. A recording a crash interrupted is finished the same way
by `finish_interrupted` the next time its consultation is shown.
"""

from __future__ import annotations

import io
import threading
import weakref

from casebook.core.changes import Changed
from casebook.core.progress import CancelToken, Progress, Report
from casebook.core.recordings import MAX_DURATION_SECONDS, PcmFormat, Recording
from casebook.services.binder.session import BinderSession
from casebook.services.clock import timestamp
from casebook.services.recordings import worker
from casebook.store import blobs
from casebook.store import recordings as store

ENCODED_MEDIA_TYPE = "audio/mp4"
MAX_PCM_SECONDS = MAX_DURATION_SECONDS

# Recordings this process is recording now, per session: not "interrupted", whatever the
# binder says. The binder's folder lock keeps any other process out.
_active: weakref.WeakKeyDictionary[BinderSession, set[int]] = weakref.WeakKeyDictionary()
_active_lock = threading.Lock()


def _mark_active(session: BinderSession, recording_id: int, active: bool) -> None:
    with _active_lock:
        ids = _active.setdefault(session, set())
        if active:
            ids.add(recording_id)
        else:
            ids.discard(recording_id)


def active_recordings(session: BinderSession) -> frozenset[int]:
    with _active_lock:
        return frozenset(_active.get(session, set()))


def start_recording(
    session: BinderSession, consultation_id: int | None, title: str, pcm_format: PcmFormat
) -> int:
    """A new recording, empty until its first second of sound arrives."""
    with session.writing(Changed.RECORDINGS) as db:
        recording_id = store.begin_recording(db, title, consultation_id, pcm_format, timestamp())
    _mark_active(session, recording_id, True)
    return recording_id


def append_sound(session: BinderSession, recording_id: int, seq: int, pcm: bytes) -> None:
    """Commit one piece of sound. Announces nothing: screens need not re-read every second."""
    if not pcm:
        return
    with session.writing() as db:
        store.append_segment(db, recording_id, seq, pcm)


def _segments_pcm(session: BinderSession, recording_id: int, cancel: CancelToken) -> bytes:
    out = bytearray()
    with session.reading() as db:
        for segment in store.iter_segments(db, recording_id):
            cancel.raise_if_cancelled()
            out += segment
    return bytes(out)


def finish_recording(
    session: BinderSession, recording_id: int, report: Report, cancel: CancelToken
) -> Recording | None:
    """Make the recorded segments one stored .m4a file. Returns None (and removes the row)
    when no sound was recorded. If encoding fails, the segments stay and a later call retries.
    """
    try:
        return _finish(session, recording_id, report, cancel)
    finally:
        _mark_active(session, recording_id, False)


def _finish(
    session: BinderSession, recording_id: int, report: Report, cancel: CancelToken
) -> Recording | None:
    with session.reading() as db:
        pcm_format = store.pcm_format(db, recording_id)
        total = store.segment_bytes(db, recording_id)
    if pcm_format is None:
        return None
    if total == 0:
        with session.writing(Changed.RECORDINGS, ids=[recording_id]) as db:
            db.execute("DELETE FROM recordings WHERE id = ?", [recording_id])
        return None
    report(Progress(0, 3, "collecting"))
    pcm = _segments_pcm(session, recording_id, cancel)
    report(Progress(1, 3, "compressing"))
    encoded = worker.encode(pcm, pcm_format)
    report(Progress(2, 3, "storing"))
    staged = session.stage(io.BytesIO(encoded), cancel)
    with session.writing(Changed.RECORDINGS, ids=[recording_id]) as db:
        blobs.finish_blob(db, staged)
        store.mark_ready(
            db,
            recording_id,
            ENCODED_MEDIA_TYPE,
            staged.size,
            staged.sha256,
            pcm_format.duration_ms(len(pcm)),
            f"recording-{recording_id}.m4a",
        )
        recording = store.get_recording(db, recording_id)
    report(Progress(3, 3, ""))
    return recording


def interrupted_recordings(session: BinderSession) -> list[int]:
    """Recordings a crash left as segments (not the ones being recorded now)."""
    with session.reading() as db:
        unfinished = store.unfinished_ids(db)
    busy = active_recordings(session)
    return [rid for rid in unfinished if rid not in busy]


def finish_interrupted(
    session: BinderSession, report: Report, cancel: CancelToken
) -> list[Recording]:
    """Finish every recording a crash interrupted; returns the ones that held sound."""
    finished = []
    for recording_id in interrupted_recordings(session):
        recording = finish_recording(session, recording_id, report, cancel)
        if recording is not None:
            finished.append(recording)
    return finished
