"""Recordings made in the tests, as phones write them: speech from a synthesiser (espeak-ng),
converted by real encoders (ffmpeg; sox with opencore for AMR) into each phone format, and the
bad files the import must explain (a video named .m4a, cut-off m4a files, a four-hour file).

Nothing here is stored in the repository: every file is made in a test's temporary folder.
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

SPOKEN = (
    "Doctor Li says the scan shows the tumour is smaller. "
    "The next CT is in six weeks. Please bring the pathology report."
)

FindTool = Callable[..., Path]


def _run(*args: object) -> None:
    subprocess.run([str(a) for a in args], check=True, capture_output=True, timeout=300)


def speech_wav(require_tool: FindTool, folder: Path, text: str = SPOKEN) -> Path:
    """Speech from espeak-ng as a WAV file (22.05 kHz mono)."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / "speech.wav"
    if not target.exists():
        _run(require_tool("espeak-ng"), "-w", target, text)
    return target


def wav_seconds(wav: Path) -> float:
    """The length of a plain 16-bit mono WAV (what espeak-ng writes), from its header."""
    data = wav.read_bytes()
    rate = int.from_bytes(data[24:28], "little")
    size = int.from_bytes(data[40:44], "little")
    return size / (rate * 2)


def phone_formats(require_tool: FindTool, folder: Path) -> dict[str, Path]:
    """The same speech as each phone format: iPhone/Android m4a (AAC), mp3, AMR (old Android
    and WeChat exports), Ogg Opus (WhatsApp, Telegram), WAV and AMR inside 3GP."""
    ffmpeg = require_tool("ffmpeg")
    sox = require_tool("sox")
    wav = speech_wav(require_tool, folder)
    out = {
        "m4a": folder / "voice-memo.m4a",
        "mp3": folder / "recording.mp3",
        "opus": folder / "whatsapp-voice.opus",
        "ogg": folder / "telegram-voice.ogg",
        "amr": folder / "wechat-voice.amr",
        "wav": wav,
    }
    for key, codec in (("m4a", "aac"), ("mp3", "libmp3lame"), ("opus", "libopus")):
        _run(ffmpeg, "-hide_banner", "-loglevel", "error", "-y", "-i", wav, "-c:a", codec, out[key])
    _run(ffmpeg, "-hide_banner", "-loglevel", "error", "-y", "-i", wav, "-c:a", "libopus",
         "-f", "ogg", out["ogg"])  # fmt: skip
    _run(sox, wav, "-r", "8000", "-c", "1", "-t", "amr-nb", out["amr"])
    return out


def video_named_m4a(require_tool: FindTool, folder: Path) -> Path:
    """A short video with sound, saved under an audio name."""
    target = folder / "consultation.m4a"
    _run(require_tool("ffmpeg"), "-hide_banner", "-loglevel", "error", "-y",
         "-f", "lavfi", "-i", "testsrc=size=160x120:rate=10",
         "-i", speech_wav(require_tool, folder), "-shortest", "-c:v", "mpeg4", "-c:a", "aac",
         "-f", "mp4", target)  # fmt: skip
    return target


def cut_off_m4a(require_tool: FindTool, folder: Path, *, index_first: bool) -> Path:
    """An m4a whose copy stopped half-way. With `index_first` (faststart) the index survives
    and claims the full length; otherwise the index at the end is lost."""
    whole = folder / f"whole-{index_first}.m4a"
    flags = ["-movflags", "+faststart"] if index_first else []
    _run(require_tool("ffmpeg"), "-hide_banner", "-loglevel", "error", "-y",
         "-i", speech_wav(require_tool, folder), "-c:a", "aac", *flags, whole)  # fmt: skip
    data = whole.read_bytes()
    target = folder / f"cut-off-{'faststart' if index_first else 'plain'}.m4a"
    target.write_bytes(data[: len(data) * 2 // 5])
    return target


def long_mp3(require_tool: FindTool, folder: Path, hours: float) -> Path:
    """A long quiet recording, made quickly: one minute encoded, then copied end to end."""
    ffmpeg = require_tool("ffmpeg")
    minute = folder / "minute.mp3"
    _run(ffmpeg, "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi",
         "-i", "sine=frequency=300:sample_rate=8000:duration=60",
         "-c:a", "libmp3lame", "-b:a", "8k", minute)  # fmt: skip
    listing = folder / "parts.txt"
    listing.write_text("".join(f"file '{minute}'\n" for _ in range(round(hours * 60))))
    target = folder / f"left-recording-{hours:g}h.mp3"
    _run(ffmpeg, "-hide_banner", "-loglevel", "error", "-y", "-f", "concat", "-safe", "0",
         "-i", listing, "-c", "copy", target)  # fmt: skip
    return target


def tone_pcm(seconds: float, rate: int = 16000, frequency: float = 440.0) -> bytes:
    """A sine tone as signed 16-bit mono PCM."""
    import numpy as np

    t = np.arange(int(seconds * rate)) / rate
    return (np.sin(2 * np.pi * frequency * t) * 12000).astype("<i2").tobytes()


def ffprobe_seconds(require_tool: FindTool, path: Path) -> tuple[str, float]:
    """(codec, duration) as ffprobe reads a file: an outside judge of what Casebook wrote."""
    result = subprocess.run(
        [str(require_tool("ffprobe")), "-v", "error", "-select_streams", "a:0",
         "-show_entries", "stream=codec_name:format=duration", "-of", "default=nw=1", str(path)],
        check=True, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    fields = dict(line.split("=", 1) for line in result.stdout.split())
    return fields["codec_name"], float(fields["duration"])
