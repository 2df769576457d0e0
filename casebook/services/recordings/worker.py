"""The isolated worker that reads and writes sound for Casebook (PyAV, i.e. FFmpeg's decoders).

Sound files come from strangers' phones and FFmpeg is a large C library, so probing and
decoding run in their own worker process with memory and time limits, like PDFs and DICOM. It is
a worker of its own so that a long decode (a two-hour recording) never holds up the PDF text or
DICOM headers of an import running beside it.
"""

from __future__ import annotations

import atexit
import threading

from casebook.core.recordings import MAX_DURATION_SECONDS, AudioFacts, PcmFormat
from casebook.services.isolation import IsolatedWorker
from casebook.services.workers.by_name import ByName

# Decoding a whole three-hour recording to 16 kHz PCM takes ~350 MB, and FFmpeg buffers more.
MEMORY_LIMIT_MB = 3072
# FFmpeg decodes phone speech at several hundred times real time even on a slow laptop; the
# fixed part covers starting the worker.
BASE_TIMEOUT_S = 30.0
SECONDS_PER_MB = 4.0

# The decoders, named: only the worker loads PyAV and numpy (see workers.by_name).
_AUDIO = "casebook.importers.audio"
_probe_audio_file: ByName[AudioFacts] = ByName(_AUDIO, "probe_audio_file")
_decode_pcm: ByName[bytes] = ByName(_AUDIO, "decode_pcm")
_encode_m4a: ByName[bytes] = ByName(_AUDIO, "encode_m4a")

_worker: IsolatedWorker | None = None
_lock = threading.Lock()


def audio_worker() -> IsolatedWorker:
    """The app-wide sound worker (started on first use)."""
    global _worker
    with _lock:
        if _worker is None:
            _worker = IsolatedWorker(memory_limit_mb=MEMORY_LIMIT_MB)
            atexit.register(_worker.close)
        return _worker


def _timeout(size: int) -> float:
    return BASE_TIMEOUT_S + SECONDS_PER_MB * size / 1e6


def probe(path: str, size: int) -> AudioFacts:
    """Facts about a sound file, or RecordingRefused (UntrustedFileFailed if it broke the
    worker)."""
    return audio_worker().call(
        _probe_audio_file, path, MAX_DURATION_SECONDS, timeout=_timeout(size)
    )


def decode(data: bytes, pcm: PcmFormat) -> bytes:
    """A stored recording as PCM in `pcm`'s format, for playback."""
    return audio_worker().call(
        _decode_pcm, data, pcm.sample_rate, pcm.channels, timeout=_timeout(len(data))
    )


def encode(pcm_bytes: bytes, pcm: PcmFormat) -> bytes:
    """Casebook's own PCM as an .m4a file (AAC)."""
    seconds = len(pcm_bytes) / pcm.bytes_per_second
    return audio_worker().call(
        _encode_m4a,
        pcm_bytes,
        pcm.sample_rate,
        pcm.channels,
        timeout=BASE_TIMEOUT_S + seconds / 20,
    )
