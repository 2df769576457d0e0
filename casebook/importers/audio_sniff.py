"""Whether a file is a sound file, from its first bytes alone (never its name).

Plain Python, apart from the decoders in `audio`: the app asks it of every file offered for
import without loading PyAV and numpy, which only the worker that reads a recording needs.
"""

from __future__ import annotations

_PHOTO_BRANDS = {b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1"}
_PHOTO_BRANDS |= {b"avif", b"avis", b"mif2"}

SILK_MARKERS = (b"#!SILK_V3", b"\x02#!SILK_V3")


def sniff_audio_type(head: bytes) -> str | None:
    """The media type of a sound file from its first bytes, or None when it is not one.

    A video (perhaps renamed `.m4a`) is claimed too: the worker recognises it by its video
    stream and it is refused with a message saying so.
    """
    if head.startswith(b"#!AMR"):
        return "audio/amr"
    if head.startswith(SILK_MARKERS):
        return "audio/x-silk"  # WeChat's own voice format: recognised, so it can be explained
    if head.startswith(b"OggS"):
        return "audio/ogg"
    if head[:4] == b"RIFF" and head[8:12] == b"WAVE":
        return "audio/wav"
    if head.startswith(b"ID3"):
        return "audio/mpeg"
    if head.startswith(b"fLaC"):
        return "audio/flac"
    if head.startswith(b"\x1a\x45\xdf\xa3"):
        return "audio/webm"
    if len(head) >= 12 and head[4:8] == b"ftyp":
        # Any MP4/3GP/QuickTime file but a HEIF photo: phones name sound and video alike
        # .m4a or .mp4, so the worker decides, and a video gets its own plain message.
        return None if head[8:12] in _PHOTO_BRANDS else "audio/mp4"
    if len(head) >= 2 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0:
        # Raw MPEG audio (mp3) or ADTS (AAC) without a tag: two bytes of sync are what one
        # random file in a thousand starts with, so two whole frame headers in a row are asked
        # for (a scan saved as .bin must not be taken for a recording).
        return _raw_frames_type(head)
    return None


SNIFF_HEAD_BYTES = 4096  # enough for the second frame of raw MPEG audio or ADTS

# Bit rates (kbit/s) by index: MPEG-1 layer II and III; MPEG-2/2.5 layers II and III.
_MPEG1_L3 = (0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320)
_MPEG1_L2 = (0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384)
_MPEG2_L23 = (0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160)
_SAMPLE_RATES = {3: (44100, 48000, 32000), 2: (22050, 24000, 16000), 0: (11025, 12000, 8000)}


def _mpeg_frame_length(header: bytes) -> int | None:
    """The length of the MPEG audio frame (layer II or III) this header starts, if valid."""
    if len(header) < 4 or header[0] != 0xFF or header[1] & 0xE0 != 0xE0:
        return None
    version, layer = (header[1] >> 3) & 3, (header[1] >> 1) & 3
    rate_index, sample_index = header[2] >> 4, (header[2] >> 2) & 3
    if version == 1 or layer not in (1, 2) or rate_index in (0, 15) or sample_index == 3:
        return None
    if version == 3:
        kbps = (_MPEG1_L3 if layer == 1 else _MPEG1_L2)[rate_index]
    else:
        kbps = _MPEG2_L23[rate_index]
    samples = 1152 if version == 3 or layer == 2 else 576
    padding = (header[2] >> 1) & 1
    return samples // 8 * kbps * 1000 // _SAMPLE_RATES[version][sample_index] + padding


def _adts_frame_length(header: bytes) -> int | None:
    """The length of the ADTS (AAC) frame this header starts, if valid."""
    if len(header) < 7 or header[0] != 0xFF or header[1] & 0xF6 != 0xF0:
        return None
    if (header[2] >> 2) & 0xF > 12:  # sampling frequency index
        return None
    length = ((header[3] & 3) << 11) | (header[4] << 3) | (header[5] >> 5)
    return length if length >= 7 else None


def _raw_frames_type(head: bytes) -> str | None:
    for media_type, frame_length in (
        ("audio/aac", _adts_frame_length),
        ("audio/mpeg", _mpeg_frame_length),
    ):
        first = frame_length(head)
        if first is not None and frame_length(head[first:]) is not None:
            return media_type
    return None
