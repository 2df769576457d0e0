"""Tell what kind of file a user offered from its first bytes, never from its name.

Hospital discs and phone exports carry wrong or missing extensions (DICOM files named
`IM0001` or `.jpg`, PDFs saved as `.dat`), so the importer decides by content. Only the
first `SNIFF_BYTES` bytes are needed; passing fewer still works, with less certainty.
"""

from __future__ import annotations

import codecs
import struct

SNIFF_BYTES = 8192
"""How many leading bytes `sniff_media_type` looks at; read at least this many when you can."""

OCTET_STREAM = "application/octet-stream"

_EXTENSIONS = {
    "application/pdf": ".pdf",
    "image/jpeg": ".jpg",
    "image/png": ".png",
    "image/tiff": ".tif",
    "image/heic": ".heic",
    "image/avif": ".avif",
    "image/gif": ".gif",
    "application/dicom": ".dcm",
    "application/zip": ".zip",
    "text/plain": ".txt",
    # Recordings (see importers/audio.py): named by type when they go into a bundle.
    "audio/mp4": ".m4a",
    "audio/3gpp": ".3gp",
    "audio/mpeg": ".mp3",
    "audio/amr": ".amr",
    "audio/wav": ".wav",
    "audio/ogg": ".ogg",
    "audio/aac": ".aac",
    "audio/flac": ".flac",
    "audio/webm": ".webm",
    OCTET_STREAM: ".bin",
}

# ISO-BMFF brands (ftyp box) of HEIF images as phones write them.
_HEIF_BRANDS = {b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"hevm", b"hevs", b"mif1"}
_HEIF_BRANDS |= {b"msf1", b"mif2"}
_AVIF_BRANDS = {b"avif", b"avis"}

# Every two-letter DICOM value representation; explicit VR elements start with one of these.
_VRS = frozenset(
    b"AE AS AT CS DA DS DT FD FL IS LO LT OB OD OF OL OV PN SH SL SQ SS ST SV TM UC UI UL UN "
    b"UR US UT UV".split()
)
# Explicit VRs whose length field is 4 bytes after 2 reserved bytes (PS3.5 7.1.2).
_LONG_VRS = frozenset(b"OB OD OF OL OV SQ SV UC UN UR UT UV".split())
_UNDEFINED_LENGTH = 0xFFFFFFFF
# Header elements are short; a larger length at the start of a file means it is not DICOM.
_MAX_HEADER_VALUE = 1 << 16


def sniff_media_type(head: bytes) -> str:
    """Return the media type of a file whose first bytes are `head`.

    One of application/pdf, image/jpeg, image/png, image/tiff, image/heic, image/avif,
    image/gif, application/dicom, application/zip, text/plain, else application/octet-stream
    (also for an empty `head`).
    """
    if not head:
        return OCTET_STREAM
    # DICOM first: its 128-byte preamble is free-form and may itself look like TIFF or text.
    if head[128:132] == b"DICM":
        return "application/dicom"
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head[:4] in (b"II*\x00", b"MM\x00*", b"II+\x00", b"MM\x00+"):
        return "image/tiff"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "image/gif"
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")):
        return "application/zip"
    heif = _sniff_heif(head)
    if heif:
        return heif
    # Readers accept junk before the header (mail gateways, some scanners prepend some).
    if head.find(b"%PDF-", 0, 1024) >= 0:
        return "application/pdf"
    if looks_like_bare_dicom(head):
        return "application/dicom"
    if _looks_like_text(head):
        return "text/plain"
    return OCTET_STREAM


def suggested_extension(media_type: str) -> str:
    """File name extension (with its dot) to use when writing a file of `media_type` out."""
    return _EXTENSIONS.get(media_type, ".bin")


def _sniff_heif(head: bytes) -> str | None:
    """HEIC/AVIF: an ISO-BMFF `ftyp` box whose major or compatible brands name HEIF."""
    if len(head) < 16 or head[4:8] != b"ftyp":
        return None
    box_size = int.from_bytes(head[:4], "big")
    if box_size < 16 or box_size > 4096:
        return None
    box = head[8 : min(box_size, len(head))]
    brands = {box[0:4]} | {box[i : i + 4] for i in range(8, len(box) - 3, 4)}
    if brands & _AVIF_BRANDS:
        return "image/avif"
    if brands & _HEIF_BRANDS:
        return "image/heic"
    return None


def looks_like_bare_dicom(head: bytes) -> bool:
    """True when `head` starts with DICOM data elements but no 128-byte preamble.

    Old PACS exports and some discs write the dataset straight away. We accept it when the
    first element is in group 0002 (file meta) or 0008 (identifying), in explicit or implicit
    VR little endian, and the elements that follow within `head` parse with rising tags.
    """
    if len(head) < 8:
        return False
    group = struct.unpack_from("<H", head, 0)[0]
    if group not in (0x0002, 0x0008):
        return False
    return _count_plausible_elements(head, explicit=True) >= 2 or (
        _count_plausible_elements(head, explicit=False) >= 2
    )


def _count_plausible_elements(head: bytes, *, explicit: bool) -> int:
    """How many elements from offset 0 parse as DICOM (rising tags, known VRs, even lengths).

    Stops at the first implausible one: a file meta group (always explicit VR) may be
    followed by an implicit VR dataset, and two good elements are already convincing.
    An element cut off by the end of `head` counts if its header is plausible.
    """
    offset = 0
    previous_tag = -1
    parsed = 0
    while parsed < 6 and offset + 8 <= len(head):
        group, element = struct.unpack_from("<HH", head, offset)
        tag = (group << 16) | element
        if tag <= previous_tag:
            break
        if explicit:
            vr = head[offset + 4 : offset + 6]
            if vr not in _VRS:
                break
            if vr in _LONG_VRS:
                if offset + 12 > len(head) or head[offset + 6 : offset + 8] != b"\x00\x00":
                    break
                length = struct.unpack_from("<I", head, offset + 8)[0]
                value_offset = offset + 12
            else:
                length = struct.unpack_from("<H", head, offset + 6)[0]
                value_offset = offset + 8
        else:
            length = struct.unpack_from("<I", head, offset + 4)[0]
            value_offset = offset + 8
        if length == _UNDEFINED_LENGTH:
            return parsed + 1  # a sequence: walking into it is not worth it here
        if length > _MAX_HEADER_VALUE or length % 2:
            break  # DICOM values have even lengths; header values are short
        parsed += 1
        offset = value_offset + length
        previous_tag = tag
    if parsed == 1 and offset >= len(head):
        return 2  # `head` held one whole element and nothing else: as much as can be seen
    return parsed


_TEXT_CONTROLS_ALLOWED = frozenset("\t\n\r\f\x1a")


def _looks_like_text(head: bytes) -> bool:
    """Valid UTF-8, UTF-16 with a byte-order mark, or GB18030, without control characters."""
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encodings = ["utf-16"]
    else:
        encodings = ["utf-8-sig", "gb18030"]
    for encoding in encodings:
        decoder = codecs.getincrementaldecoder(encoding)("strict")
        try:
            # final=False: `head` may end in the middle of a multi-byte character.
            text = decoder.decode(head, final=False)
        except UnicodeDecodeError:
            continue
        if text and not any(_is_control(ch) for ch in text):
            return True
    return False


def _is_control(ch: str) -> bool:
    code = ord(ch)
    is_c0_or_del = code < 0x20 or code == 0x7F
    return (is_c0_or_del and ch not in _TEXT_CONTROLS_ALLOWED) or 0x80 <= code < 0xA0
