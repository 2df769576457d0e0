"""Where recorded sound comes from: the microphone, or a generated source.

The recorder only knows `AudioSource`: something that, once started, emits signed 16-bit PCM
in its `pcm_format` as it is captured. `MicrophoneSource` reads the computer's microphone with
Qt Multimedia; `GeneratedSource` plays given PCM (or a tone) at the pace of real time, which
drives the recorder in tests and demos on machines without a microphone.
"""

from __future__ import annotations

import math
import struct

from PySide6.QtCore import QElapsedTimer, QIODevice, QObject, QTimer, Signal, Slot

from casebook.core.recordings import SPEECH_FORMAT, PcmFormat

GENERATED_TICK_MS = 100


class AudioSource(QObject):
    """Emits `captured(bytes)` while started; `failed()` if the device stops working."""

    captured = Signal(bytes)
    failed = Signal()

    def __init__(self, pcm_format: PcmFormat, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pcm_format = pcm_format

    def start(self) -> None:
        raise NotImplementedError

    def stop(self) -> None:
        raise NotImplementedError


def tone(seconds: float, pcm_format: PcmFormat = SPEECH_FORMAT, frequency: float = 440.0) -> bytes:
    """A quiet sine tone, mono."""
    rate = pcm_format.sample_rate
    count = int(seconds * rate)
    samples = (int(8000 * math.sin(2 * math.pi * frequency * i / rate)) for i in range(count))
    return struct.pack(f"<{count}h", *samples)


class GeneratedSource(AudioSource):
    """Plays `pcm` (looped) as if a microphone heard it, in real time."""

    def __init__(
        self,
        pcm: bytes | None = None,
        pcm_format: PcmFormat = SPEECH_FORMAT,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(pcm_format, parent)
        self._pcm = pcm if pcm else tone(1.0, pcm_format)
        self._position = 0
        self._sent = 0
        self._clock = QElapsedTimer()
        self._timer = QTimer(self)
        self._timer.setInterval(GENERATED_TICK_MS)
        self._timer.timeout.connect(self._tick)

    def start(self) -> None:
        self._sent = 0
        self._clock.start()
        self._timer.start()

    def stop(self) -> None:
        self._tick()
        self._timer.stop()

    @Slot()
    def _tick(self) -> None:
        if not self._clock.isValid():
            return
        due = self.pcm_format.offset_bytes(int(self._clock.elapsed()))
        wanted = due - self._sent
        if wanted <= 0:
            return
        out = bytearray()
        while len(out) < wanted:
            piece = self._pcm[self._position : self._position + wanted - len(out)]
            out += piece
            self._position = (self._position + len(piece)) % len(self._pcm)
        self._sent += len(out)
        self.captured.emit(bytes(out))


def microphone_available() -> bool:
    """True when Qt Multimedia is installed and the computer has a microphone."""
    try:
        from PySide6.QtMultimedia import QMediaDevices
    except ImportError:
        return False
    return bool(QMediaDevices.audioInputs())


class MicrophoneSource(AudioSource):
    """The default microphone through Qt Multimedia, as 16-bit PCM.

    Asks for 16 kHz mono (speech needs no more); a device that cannot give it records in its
    own rate, mono or stereo, and the recording keeps that format.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        from PySide6.QtMultimedia import QAudioFormat, QMediaDevices

        device = QMediaDevices.defaultAudioInput()
        wanted = QAudioFormat()
        wanted.setSampleRate(SPEECH_FORMAT.sample_rate)
        wanted.setChannelCount(SPEECH_FORMAT.channels)
        wanted.setSampleFormat(QAudioFormat.SampleFormat.Int16)
        if not device.isFormatSupported(wanted):
            wanted = device.preferredFormat()
            wanted.setSampleFormat(QAudioFormat.SampleFormat.Int16)
            wanted.setChannelCount(min(2, max(1, wanted.channelCount())))
        super().__init__(PcmFormat(wanted.sampleRate(), wanted.channelCount()), parent)
        from PySide6.QtMultimedia import QAudioSource

        self._input = QAudioSource(device, wanted, self)
        self._input.stateChanged.connect(self._state_changed)
        self._device: QIODevice | None = None

    def start(self) -> None:
        device = self._input.start()
        self._device = device
        device.readyRead.connect(self._read)

    def stop(self) -> None:
        self._read()
        self._input.stop()
        self._device = None

    @Slot()
    def _read(self) -> None:
        if self._device is not None:
            data = bytes(self._device.readAll().data())
            if data:
                self.captured.emit(data)

    @Slot()
    def _state_changed(self) -> None:
        from PySide6.QtMultimedia import QtAudio

        if self._input.error() not in (QtAudio.Error.NoError, QtAudio.Error.UnderrunError):
            self.failed.emit()
