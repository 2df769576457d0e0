"""Sound files as phones write them, probed, decoded and encoded with PyAV (FFmpeg), with
ffprobe as the outside judge of what Casebook encodes."""

from __future__ import annotations

from pathlib import Path

import pytest
from phone_recordings import (
    FindTool,
    cut_off_m4a,
    ffprobe_seconds,
    long_mp3,
    phone_formats,
    speech_wav,
    tone_pcm,
    video_named_m4a,
    wav_seconds,
)

from casebook.core.recordings import RecordingProblem, RecordingRefused
from casebook.importers.audio import decode_pcm, encode_m4a, probe_audio_file
from casebook.importers.audio_sniff import sniff_audio_type

LIMIT = 3 * 3600

EXPECTED = {
    "m4a": ("audio/mp4", "aac"),
    "mp3": ("audio/mpeg", "mp3"),
    "opus": ("audio/ogg", "opus"),
    "ogg": ("audio/ogg", "opus"),
    "amr": ("audio/amr", "amrnb"),
    "wav": ("audio/wav", "pcm_s16le"),
}


def test_every_phone_format_is_read_to_its_real_length(
    require_tool: FindTool, tmp_path: Path
) -> None:
    spoken = wav_seconds(speech_wav(require_tool, tmp_path))
    assert spoken > 4
    for key, path in phone_formats(require_tool, tmp_path).items():
        assert sniff_audio_type(path.read_bytes()[:64]) == EXPECTED[key][0], key
        facts = probe_audio_file(str(path), LIMIT)
        assert facts.media_type == EXPECTED[key][0], key
        assert facts.codec.startswith(EXPECTED[key][1]), (key, facts.codec)
        # Encoders pad a little (AAC priming, AMR's 20 ms frames); never more than 0.15 s.
        assert abs(facts.duration_ms / 1000 - spoken) < 0.15, (key, facts.duration_ms, spoken)


def test_decoding_gives_pcm_of_the_asked_format_and_length(
    require_tool: FindTool, tmp_path: Path
) -> None:
    formats = phone_formats(require_tool, tmp_path)
    spoken = wav_seconds(formats["wav"])
    for key in ("m4a", "amr", "opus"):
        pcm = decode_pcm(formats[key].read_bytes(), 16000, 1)
        assert abs(len(pcm) / 32000 - spoken) < 0.15, key
        stereo = decode_pcm(formats[key].read_bytes(), 48000, 2)
        assert abs(len(stereo) / (48000 * 4) - spoken) < 0.15, key
    # Not silence: speech has energy.
    samples = memoryview(decode_pcm(formats["m4a"].read_bytes(), 16000, 1)).cast("h")
    assert max(abs(s) for s in samples) > 3000


def test_casebooks_own_recording_is_an_m4a_that_ffprobe_reads(
    require_tool: FindTool, tmp_path: Path
) -> None:
    pcm = tone_pcm(7.5)
    encoded = encode_m4a(pcm, 16000, 1)
    assert len(encoded) < len(pcm) / 4  # compressed
    target = tmp_path / "recorded.m4a"
    target.write_bytes(encoded)
    codec, seconds = ffprobe_seconds(require_tool, target)
    assert codec == "aac"
    assert abs(seconds - 7.5) < 0.1
    assert abs(probe_audio_file(str(target), LIMIT).duration_ms - 7500) < 100


def test_a_video_named_m4a_is_refused_as_a_video(require_tool: FindTool, tmp_path: Path) -> None:
    video = video_named_m4a(require_tool, tmp_path)
    assert sniff_audio_type(video.read_bytes()[:64]) == "audio/mp4"  # it looks like one
    with pytest.raises(RecordingRefused) as refused:
        probe_audio_file(str(video), LIMIT)
    assert refused.value.problem is RecordingProblem.VIDEO


@pytest.mark.parametrize("index_first", [True, False])
def test_a_cut_off_m4a_is_refused_as_damaged(
    require_tool: FindTool, tmp_path: Path, index_first: bool
) -> None:
    cut = cut_off_m4a(require_tool, tmp_path, index_first=index_first)
    with pytest.raises(RecordingRefused) as refused:
        probe_audio_file(str(cut), LIMIT)
    assert refused.value.problem is RecordingProblem.DAMAGED
    if index_first:  # what could be played is said
        assert 0.5 < refused.value.seconds < wav_seconds(speech_wav(require_tool, tmp_path))


def test_a_four_hour_recording_is_refused_from_its_header(
    require_tool: FindTool, tmp_path: Path
) -> None:
    long = long_mp3(require_tool, tmp_path, hours=4)
    with pytest.raises(RecordingRefused) as refused:
        probe_audio_file(str(long), LIMIT)
    assert refused.value.problem is RecordingProblem.TOO_LONG
    assert refused.value.seconds == pytest.approx(4 * 3600, rel=0.01)


def test_a_wechat_silk_file_and_other_bytes_are_explained(tmp_path: Path) -> None:
    silk = tmp_path / "msg_1234.silk"
    silk.write_bytes(b"\x02#!SILK_V3" + bytes(range(256)) * 8)
    with pytest.raises(RecordingRefused) as refused:
        probe_audio_file(str(silk), LIMIT)
    assert refused.value.problem is RecordingProblem.WECHAT_SILK
    text = tmp_path / "notes.m4a"
    text.write_text("not a recording at all\n" * 50)
    assert sniff_audio_type(text.read_bytes()[:64]) is None
    with pytest.raises(RecordingRefused) as refused:
        probe_audio_file(str(text), LIMIT)
    assert refused.value.problem is RecordingProblem.NOT_AUDIO


def test_photos_are_not_taken_for_sound() -> None:
    heic_head = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic"
    assert sniff_audio_type(heic_head) is None
    assert sniff_audio_type(b"\xff\xd8\xff\xe0\x00\x10JFIF") is None
    assert sniff_audio_type(b"%PDF-1.7\n") is None


def test_untagged_mp3_and_adts_are_known_by_two_frames_and_random_bytes_are_not(
    require_tool: FindTool, tmp_path: Path
) -> None:
    """Raw MPEG audio and ADTS (no ID3 tag, as some recorders write them) are recognised by two
    whole frame headers in a row; a scan whose first bytes happen to be a frame sync (FF FD…,
    one file in a thousand) stays a document."""
    import subprocess

    ffmpeg = require_tool("ffmpeg")
    wav = speech_wav(require_tool, tmp_path)
    raw = {"audio/mpeg": tmp_path / "raw.mp3", "audio/aac": tmp_path / "raw.aac"}
    for media_type, target in raw.items():
        codec = ["-c:a", "libmp3lame", "-id3v2_version", "0", "-write_xing", "0", "-f", "mp3"]
        if media_type == "audio/aac":
            codec = ["-c:a", "aac", "-f", "adts"]
        subprocess.run(
            [str(ffmpeg), "-hide_banner", "-loglevel", "error", "-y", "-i", str(wav), *codec,
             str(target)],
            check=True, capture_output=True,
        )  # fmt: skip
        head = target.read_bytes()[:4096]
        assert head[0] == 0xFF  # no tag: the frames themselves are all there is to go by
        assert sniff_audio_type(head) == media_type
    scan = bytes.fromhex("fffddf8e") + bytes(range(256)) * 16  # the start of a real test's .bin
    assert sniff_audio_type(scan) is None
