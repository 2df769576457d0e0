"""Sound files with PyAV (FFmpeg's libraries, shipped inside its wheel): probe, decode, encode.

`probe_audio_file` and `decode_pcm` parse files from strangers' phones and run only in the
isolated worker process (`services/recordings/worker.py`); `encode_m4a` turns Casebook's own
PCM into a compact AAC file and runs there too, which keeps FFmpeg out of the app's process.
Every value crossing back is plain (bytes, ints, a dataclass of them).
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import av
import av.error
import numpy as np

from casebook.core.recordings import (
    SAMPLE_BYTES,
    AudioFacts,
    PcmFormat,
    RecordingProblem,
    RecordingRefused,
)
from casebook.importers.audio_sniff import SNIFF_HEAD_BYTES, sniff_audio_type

# Fewer seconds than this below the length a file claims means it was cut off.
TRUNCATION_TOLERANCE_MS = 1500
ENCODED_BITRATE = 48_000
_LAYOUTS = {1: "mono", 2: "stereo"}

# Containers by FFmpeg's demuxer name; the codec refines a few (AMR inside 3GP).
_MEDIA_TYPES = {
    "mp3": "audio/mpeg",
    "amr": "audio/amr",
    "wav": "audio/wav",
    "ogg": "audio/ogg",
    "aac": "audio/aac",
    "flac": "audio/flac",
    "matroska,webm": "audio/webm",
    "mov,mp4,m4a,3gp,3g2,mj2": "audio/mp4",
}

_OPENCORE = {"amrnb": "libopencore_amrnb", "amrwb": "libopencore_amrwb"}


def _is_video(stream: Any) -> bool:
    """A moving picture, not the cover art an mp3 may carry."""
    attached = getattr(av.stream.Disposition, "attached_pic", 0)
    return bool(stream.type == "video" and not (stream.disposition & attached))


def _declared_ms(container: Any, stream: Any) -> int | None:
    if stream.duration is not None and stream.time_base is not None:
        return int(stream.duration * stream.time_base * 1000)
    if container.duration is not None:
        return int(container.duration * 1000 // av.time_base)
    return None


def _media_type(container: Any, codec: str) -> str:
    name = str(container.format.name)
    media_type = _MEDIA_TYPES.get(name, "audio/" + name)
    if media_type == "audio/mp4" and codec.startswith("amr"):
        return "audio/3gpp"
    return media_type


def probe_audio_file(path: str, max_seconds: int) -> AudioFacts:
    """What a sound file holds, checked by decoding it to the end (a cut-off file decodes to
    fewer seconds than it claims). Raises RecordingRefused with the reason."""
    where = Path(path)
    with open(path, "rb") as handle:
        head = handle.read(SNIFF_HEAD_BYTES)
    sniffed = sniff_audio_type(head)
    if sniffed == "audio/x-silk":
        raise RecordingRefused(where, RecordingProblem.WECHAT_SILK)
    try:
        container = av.open(path, mode="r")
    except (av.error.FFmpegError, ValueError) as error:
        problem = RecordingProblem.DAMAGED if sniffed else RecordingProblem.NOT_AUDIO
        raise RecordingRefused(where, problem, detail=str(error)[:120]) from None
    with container:
        if any(_is_video(s) for s in container.streams):
            raise RecordingRefused(where, RecordingProblem.VIDEO)
        if not container.streams.audio:
            raise RecordingRefused(where, RecordingProblem.NOT_AUDIO)
        stream = container.streams.audio[0]
        codec = stream.codec_context.name
        declared = _declared_ms(container, stream)
        if declared is not None and declared > max_seconds * 1000:
            raise RecordingRefused(where, RecordingProblem.TOO_LONG, declared / 1000)
        rate = stream.codec_context.sample_rate or 0
        channels = stream.codec_context.channels or 0
        decoded_ms = _decoded_ms(container, stream, where, max_seconds)
        media_type = _media_type(container, codec)
    if decoded_ms <= 0:
        raise RecordingRefused(where, RecordingProblem.EMPTY)
    if declared is not None and decoded_ms < declared - TRUNCATION_TOLERANCE_MS:
        raise RecordingRefused(where, RecordingProblem.DAMAGED, decoded_ms / 1000, "cut off")
    return AudioFacts(media_type, codec, decoded_ms, rate, channels)


def _decoder(stream: Any) -> Any:
    """The stream's decoder; for AMR the reference one (opencore), which also reads the
    comfort-noise frames phones write during silences."""
    name = _OPENCORE.get(stream.codec_context.name)
    if name is None:
        return stream.codec_context
    try:
        context: Any = av.CodecContext.create(name, "r")
    except (av.error.FFmpegError, ValueError):
        return stream.codec_context
    context.sample_rate = stream.codec_context.sample_rate
    context.layout = "mono"
    return context


def _frames(container: Any, stream: Any, where: Path) -> Iterator[Any]:
    """Every decodable frame; a few unreadable packets are skipped (phones drop the odd one),
    many mean the file is damaged."""
    decoder = _decoder(stream)
    bad = 0
    for packets, packet in enumerate(container.demux(stream), start=1):
        try:
            yield from decoder.decode(packet)
        except av.error.FFmpegError as error:
            bad += 1
            if bad > max(2, packets // 100):
                raise RecordingRefused(
                    where, RecordingProblem.DAMAGED, detail=str(error)[:120]
                ) from None


def _decoded_ms(container: Any, stream: Any, where: Path, max_seconds: int) -> int:
    """How long the sound really lasts: every packet decoded, samples counted."""
    samples = 0
    rate = stream.codec_context.sample_rate or 0
    for frame in _frames(container, stream, where):
        samples += frame.samples
        rate = frame.sample_rate or rate
        if rate and samples > (max_seconds + 1) * rate:
            raise RecordingRefused(where, RecordingProblem.TOO_LONG, samples / rate)
    return samples * 1000 // rate if rate else 0


def decode_pcm(data: bytes, sample_rate: int, channels: int) -> bytes:
    """The whole recording as signed 16-bit PCM at `sample_rate` and `channels`, for playback.

    A damaged tail is tolerated: what decodes is returned (the file was checked on import).
    """
    resampler = av.AudioResampler(format="s16", layout=_LAYOUTS[channels], rate=sample_rate)
    out = bytearray()
    with av.open(io.BytesIO(data), mode="r") as container:
        stream = container.streams.audio[0]
        try:
            for frame in _frames(container, stream, Path("recording")):
                for converted in resampler.resample(frame):
                    out += _packed(converted)
        except RecordingRefused:
            pass  # checked on import; play what decodes
        for converted in resampler.resample(None):
            out += _packed(converted)
    return bytes(out)


def _packed(frame: Any) -> bytes:
    array = frame.to_ndarray()
    return bytes(np.ascontiguousarray(array, dtype="<i2").tobytes())


def encode_m4a(pcm: bytes, sample_rate: int, channels: int) -> bytes:
    """Casebook's own recording (s16 PCM) as AAC in an .m4a file, which every phone, Windows,
    macOS and hospital computer plays."""
    fmt = PcmFormat(sample_rate, channels)
    usable = len(pcm) - len(pcm) % fmt.frame_bytes
    out = io.BytesIO()
    with av.open(out, mode="w", format="ipod") as container:
        stream: Any = container.add_stream("aac", rate=sample_rate)
        stream.codec_context.layout = _LAYOUTS[channels]
        stream.codec_context.bit_rate = ENCODED_BITRATE
        step = sample_rate * fmt.frame_bytes  # one second per frame handed to the encoder
        pts = 0
        for start in range(0, usable, step):
            piece = np.frombuffer(pcm[start : min(start + step, usable)], dtype="<i2")
            frame = av.AudioFrame.from_ndarray(
                piece.reshape(1, -1), format="s16", layout=_LAYOUTS[channels]
            )
            frame.sample_rate = sample_rate
            frame.pts = pts
            pts += len(piece) // channels
            for packet in stream.encode(frame):
                container.mux(packet)
        for packet in stream.encode(None):
            container.mux(packet)
    return out.getvalue()


def pcm_duration_ms(byte_count: int, sample_rate: int, channels: int) -> int:
    return byte_count * 1000 // (sample_rate * channels * SAMPLE_BYTES)
