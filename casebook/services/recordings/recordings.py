"""Reading and organising recordings: lists, playback in memory, note marks, the bundle choice.

Playback never writes sound to disk: the stored file is read from the binder into memory,
decoded to PCM in the sound worker and handed to the player.
"""

from __future__ import annotations

from dataclasses import dataclass

from casebook.core.changes import Changed
from casebook.core.recordings import NoteMark, PcmFormat, Recording
from casebook.services.binder.session import BinderSession
from casebook.services.clock import timestamp
from casebook.store import recordings as store
from casebook.store.blobs import read_blob


def list_recordings(session: BinderSession, consultation_id: int | None = None) -> list[Recording]:
    with session.reading() as db:
        return store.list_recordings(db, consultation_id)


def get_recording(session: BinderSession, recording_id: int) -> Recording:
    with session.reading() as db:
        recording = store.get_recording(db, recording_id)
    if recording is None:
        raise KeyError(recording_id)
    return recording


def note_marks(session: BinderSession, recording_id: int) -> list[NoteMark]:
    with session.reading() as db:
        return store.marks_of(db, recording_id)


def mark_note(session: BinderSession, entry_id: int, recording_id: int, offset_ms: int) -> None:
    """Remember that a note entry was begun `offset_ms` into a recording."""
    with session.writing(Changed.RECORDINGS, ids=[recording_id]) as db:
        store.set_mark(db, entry_id, recording_id, offset_ms)


def include_in_bundle(session: BinderSession, recording_id: int, included: bool) -> None:
    with session.writing(Changed.RECORDINGS, ids=[recording_id]) as db:
        store.set_included(db, recording_id, included)


def rename_recording(session: BinderSession, recording_id: int, title: str) -> None:
    with session.writing(Changed.RECORDINGS, ids=[recording_id]) as db:
        store.rename(db, recording_id, title.strip())


def move_to_trash(session: BinderSession, recording_id: int) -> None:
    with session.writing(Changed.RECORDINGS, ids=[recording_id]) as db:
        store.move_to_trash(db, recording_id, timestamp())


def restore_from_trash(session: BinderSession, recording_id: int) -> None:
    with session.writing(Changed.RECORDINGS, ids=[recording_id]) as db:
        store.restore(db, recording_id)


def recording_bytes(session: BinderSession, recording: Recording) -> bytes:
    """The stored file, decrypted in memory."""
    if recording.content_sha256 is None:
        raise KeyError(recording.id)
    with session.reading() as db:
        return read_blob(db, recording.content_sha256)


@dataclass(frozen=True)
class Playback:
    """A recording ready to play: its sound as PCM in memory and the notes marked on it."""

    recording: Recording
    pcm: bytes
    pcm_format: PcmFormat
    marks: tuple[NoteMark, ...]

    @property
    def duration_ms(self) -> int:
        return self.pcm_format.duration_ms(len(self.pcm))


def load_playback(session: BinderSession, recording_id: int, pcm_format: PcmFormat) -> Playback:
    """Decode a stored recording for the player (in the sound worker, never to disk)."""
    from casebook.services.recordings import worker  # the sound worker's pool: only for the player

    recording = get_recording(session, recording_id)
    data = recording_bytes(session, recording)
    pcm = worker.decode(data, pcm_format)
    return Playback(recording, pcm, pcm_format, tuple(note_marks(session, recording_id)))
