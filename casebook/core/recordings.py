"""Recordings of consultations, as plain data: what a recording is, why one is refused, and the
arithmetic of PCM audio that the recorder and the player share.

A recording is either brought from a phone (an m4a, mp3, amr, wav, ogg/opus file kept byte for
byte) or made in Casebook during a consultation: then its sound reaches the binder second by
second as raw PCM segments while it is recorded, and becomes one compressed file when it stops
(or, after a crash, the next time the binder is opened).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from pathlib import Path

from casebook.core.errors import CasebookError

# A consultation is rarely longer than an hour or two; longer files are almost always a
# phone left recording, and would need gigabytes of memory to play back.
MAX_DURATION_SECONDS = 3 * 60 * 60
SAMPLE_BYTES = 2  # signed 16-bit little-endian PCM throughout
# Where a jump to a note starts playing: a little before the note was begun, so the sentence
# that prompted it is heard from its start.
NOTE_LEAD_IN_MS = 5000


class RecordingOrigin(enum.Enum):
    IMPORTED = "imported"  # a file from a phone or a computer
    RECORDED = "recorded"  # recorded in Casebook


class RecordingState(enum.Enum):
    RECORDING = "recording"  # segments arriving (or interrupted: not yet made into a file)
    READY = "ready"


class RecordingProblem(enum.Enum):
    """Why an audio file was refused; the rest of a batch carries on."""

    NOT_AUDIO = "not_audio"  # no sound in it, or not a media file at all
    VIDEO = "video"  # a video (perhaps renamed .m4a): the family should trim it to sound
    DAMAGED = "damaged"  # cut off or corrupt: fewer seconds can be played than it claims
    TOO_LONG = "too_long"  # longer than MAX_DURATION_SECONDS
    EMPTY = "empty"  # no sound at all (zero length)
    WECHAT_SILK = "wechat_silk"  # WeChat's own voice format (SILK), which no player here reads


@dataclass
class RecordingRefused(CasebookError):
    """An audio file cannot be kept as a recording. `seconds` is what it claims to last (for
    TOO_LONG), or what could be played of it (for DAMAGED)."""

    path: Path
    problem: RecordingProblem
    seconds: float = 0.0
    detail: str = ""

    def __str__(self) -> str:
        return f"{self.path}: {self.problem.value} {self.detail}".rstrip()


@dataclass(frozen=True)
class PcmFormat:
    """Signed 16-bit interleaved PCM."""

    sample_rate: int
    channels: int

    @property
    def bytes_per_second(self) -> int:
        return self.sample_rate * self.channels * SAMPLE_BYTES

    @property
    def frame_bytes(self) -> int:
        return self.channels * SAMPLE_BYTES

    def duration_ms(self, byte_count: int) -> int:
        return byte_count * 1000 // self.bytes_per_second

    def offset_bytes(self, ms: int) -> int:
        """The byte offset of `ms` into the PCM, on a frame boundary."""
        frames = max(0, ms) * self.sample_rate // 1000
        return frames * self.frame_bytes


SPEECH_FORMAT = PcmFormat(16000, 1)  # what the recorder asks for; speech needs no more


@dataclass(frozen=True)
class AudioFacts:
    """What the isolated worker found in an audio file."""

    media_type: str  # "audio/mp4", "audio/mpeg", "audio/amr", "audio/wav", "audio/ogg"…
    codec: str  # "aac", "mp3", "amr_nb", "opus"…
    duration_ms: int
    sample_rate: int
    channels: int


@dataclass(frozen=True)
class Recording:
    id: int
    title: str
    consultation_id: int | None
    origin: RecordingOrigin
    state: RecordingState
    media_type: str = ""
    original_name: str = ""
    size: int = 0
    content_sha256: str | None = None
    duration_ms: int = 0
    started_at: str = ""  # when recording began (recorded) or when it was added (imported)
    added_at: str = ""
    include_in_bundle: bool = False
    consultation_title: str = ""

    @property
    def is_ready(self) -> bool:
        return self.state is RecordingState.READY


@dataclass(frozen=True)
class NoteMark:
    """A note entry written while a recording ran, at `offset_ms` into it."""

    entry_id: int
    recording_id: int
    offset_ms: int
    text: str = ""
    author: str = ""


def play_from_ms(mark: NoteMark) -> int:
    """Where clicking a note starts playback."""
    return max(0, mark.offset_ms - NOTE_LEAD_IN_MS)


def clock_text(ms: int) -> str:
    """0:07, 12:30, 1:02:03: the way a player shows time."""
    seconds = max(0, ms) // 1000
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{seconds:02d}"
    return f"{minutes}:{seconds:02d}"
