"""Where played sound goes: the speakers through Qt Multimedia, from memory.

The PCM of a recording (decoded in the sound worker) sits in a buffer in memory and is fed to
a `QAudioSink`; nothing is written to disk. On a computer without speakers `SilentOutput`
keeps the same clock, so the timeline, the marks and the jumps still work and the player says
why nothing is heard.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QElapsedTimer, QIODevice, QObject

from casebook.core.recordings import PcmFormat


class AudioOutput(QObject):
    """Plays PCM from a position; `position_ms()` is where playback is now."""

    audible = True

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pcm_format = PcmFormat(16000, 1)
        self._length_ms = 0
        self._start_ms = 0
        self.playing = False

    def load(self, pcm: bytes, pcm_format: PcmFormat) -> None:
        self.pcm_format = pcm_format
        self._length_ms = pcm_format.duration_ms(len(pcm))
        self._start_ms = 0

    @property
    def length_ms(self) -> int:
        return self._length_ms

    def play_from(self, ms: int) -> None:
        raise NotImplementedError

    def pause(self) -> None:
        self._start_ms = self.position_ms()
        self.playing = False

    def position_ms(self) -> int:
        return min(self._length_ms, self._start_ms + (self._played_ms() if self.playing else 0))

    def _played_ms(self) -> int:
        raise NotImplementedError

    @property
    def at_end(self) -> bool:
        return self.position_ms() >= self._length_ms


def preferred_pcm_format() -> PcmFormat:
    """What the speakers take best (decoding to it avoids resampling while playing)."""
    try:
        from PySide6.QtMultimedia import QMediaDevices
    except ImportError:
        return PcmFormat(16000, 1)
    device = QMediaDevices.defaultAudioOutput()
    if device.isNull():
        return PcmFormat(16000, 1)
    preferred = device.preferredFormat()
    return PcmFormat(preferred.sampleRate() or 48000, min(2, max(1, preferred.channelCount())))


def speakers_available() -> bool:
    try:
        from PySide6.QtMultimedia import QMediaDevices
    except ImportError:
        return False
    return not QMediaDevices.defaultAudioOutput().isNull()


class SilentOutput(AudioOutput):
    """No speakers: the clock runs, nothing is heard."""

    audible = False

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._clock = QElapsedTimer()

    def play_from(self, ms: int) -> None:
        self._start_ms = max(0, min(ms, self.length_ms))
        self._clock.start()
        self.playing = True

    def _played_ms(self) -> int:
        return int(self._clock.elapsed())


class SpeakerOutput(AudioOutput):
    """The default speakers, through Qt Multimedia's QAudioSink, fed from memory."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._data = QByteArray()
        self._buffer = QBuffer(self)
        self._sink: object | None = None

    def load(self, pcm: bytes, pcm_format: PcmFormat) -> None:
        from PySide6.QtMultimedia import QAudioFormat, QAudioSink, QMediaDevices

        super().load(pcm, pcm_format)
        self._stop_sink()
        self._data = QByteArray(pcm)
        self._buffer.close()
        self._buffer.setData(self._data)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        wanted = QAudioFormat()
        wanted.setSampleRate(pcm_format.sample_rate)
        wanted.setChannelCount(pcm_format.channels)
        wanted.setSampleFormat(QAudioFormat.SampleFormat.Int16)
        self._sink = QAudioSink(QMediaDevices.defaultAudioOutput(), wanted, self)

    def _stop_sink(self) -> None:
        from PySide6.QtMultimedia import QAudioSink

        if isinstance(self._sink, QAudioSink):
            self._sink.stop()

    def play_from(self, ms: int) -> None:
        from PySide6.QtMultimedia import QAudioSink

        if not isinstance(self._sink, QAudioSink):
            return
        self._sink.stop()
        self._start_ms = max(0, min(ms, self.length_ms))
        self._buffer.seek(self.pcm_format.offset_bytes(self._start_ms))
        self._sink.start(self._buffer)
        self.playing = True

    def pause(self) -> None:
        super().pause()
        self._stop_sink()

    def _played_ms(self) -> int:
        from PySide6.QtMultimedia import QAudioSink

        if not isinstance(self._sink, QAudioSink):
            return 0
        return int(self._sink.processedUSecs() // 1000)


def make_output(parent: QObject | None = None) -> AudioOutput:
    return SpeakerOutput(parent) if speakers_available() else SilentOutput(parent)
