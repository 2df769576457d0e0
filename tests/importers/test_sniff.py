"""Media types are told by content, on real files of every kind the importer meets."""

from __future__ import annotations

import io
import random
import struct
import zipfile
from pathlib import Path

import pillow_heif
import pydicom
import pytest
from data_paths import SMALL_MR
from PIL import Image

from casebook.importers.sniff import SNIFF_BYTES, sniff_media_type, suggested_extension

from .samples import (
    BROKEN,
    DEMO_DOCUMENTS,
    LUNG_CT,
    TRANSFER_SYNTAXES,
    make_pdf,
)


def head_of(data: bytes) -> bytes:
    return data[:SNIFF_BYTES]


def picture_bytes(format_name: str, mode: str = "RGB") -> bytes:
    image = Image.new(mode, (40, 30), "teal" if mode == "RGB" else 128)
    buffer = io.BytesIO()
    image.save(buffer, format=format_name)
    return buffer.getvalue()


def without_file_meta(data: bytes) -> bytes:
    """A real file's dataset alone: no preamble, no DICM, no group 0002 (old PACS exports)."""
    assert data[128:132] == b"DICM"
    # (0002,0000) UL group length, explicit VR: tag 4 + VR 2 + length 2, then the 4-byte value.
    group_length = struct.unpack_from("<I", data, 132 + 8)[0]
    return data[132 + 12 + group_length :]


@pytest.mark.parametrize("path", sorted(TRANSFER_SYNTAXES.glob("*.dcm")), ids=lambda p: p.name)
def test_every_transfer_syntax_is_dicom(path: Path) -> None:
    assert sniff_media_type(head_of(path.read_bytes())) == "application/dicom"


def test_dicom_without_preamble_is_dicom() -> None:
    data = (LUNG_CT / "1-10.dcm").read_bytes()
    stripped = data[132:]  # starts with (0002,0000) UL, explicit VR little endian
    assert stripped[:4] == b"\x02\x00\x00\x00"
    assert sniff_media_type(head_of(stripped)) == "application/dicom"


def test_implicit_dataset_without_meta_is_dicom() -> None:
    bare = without_file_meta((LUNG_CT / "1-10.dcm").read_bytes())
    assert bare[:4] == b"\x08\x00\x05\x00"  # (0008,0005) Specific Character Set, implicit VR
    assert sniff_media_type(head_of(bare)) == "application/dicom"
    # pydicom agrees that these bytes are the dataset.
    dataset = pydicom.dcmread(io.BytesIO(bare), force=True, stop_before_pixels=True)
    assert dataset.Modality == "CT"


def test_explicit_dataset_without_meta_is_dicom() -> None:
    bare = without_file_meta(SMALL_MR.read_bytes())
    assert bare[4:6].isalpha()  # explicit VR
    assert sniff_media_type(head_of(bare)) == "application/dicom"


def test_a_wrong_extension_does_not_matter(tmp_path: Path) -> None:
    misnamed = tmp_path / "scan.jpg"
    misnamed.write_bytes((LUNG_CT / "1-20.dcm").read_bytes())
    with misnamed.open("rb") as handle:
        assert sniff_media_type(handle.read(SNIFF_BYTES)) == "application/dicom"


def test_pdfs() -> None:
    assert sniff_media_type(make_pdf(["hello"])) == "application/pdf"
    demo = (DEMO_DOCUMENTS / "pathology-report.pdf").read_bytes()
    assert sniff_media_type(head_of(demo)) == "application/pdf"
    # Some gateways prepend junk; readers still open such files.
    assert sniff_media_type(b"\r\n\r\n" + make_pdf(["x"])) == "application/pdf"


@pytest.mark.parametrize(
    ("format_name", "mode", "expected"),
    [
        ("JPEG", "RGB", "image/jpeg"),
        ("PNG", "RGB", "image/png"),
        ("TIFF", "RGB", "image/tiff"),
        ("TIFF", "L", "image/tiff"),
        ("GIF", "L", "image/gif"),
    ],
)
def test_pictures(format_name: str, mode: str, expected: str) -> None:
    assert sniff_media_type(picture_bytes(format_name, mode)) == expected


def test_big_endian_tiff() -> None:
    buffer = io.BytesIO()
    Image.new("L", (8, 8)).save(buffer, format="TIFF", tiffinfo={}, big_tiff=False)
    little = buffer.getvalue()
    assert little[:2] == b"II"
    # Motorola order header as written by older scanners: MM, 42 big endian.
    assert sniff_media_type(b"MM\x00*" + little[4:]) == "image/tiff"


def test_heic_and_avif() -> None:
    pillow_heif.register_heif_opener()
    assert sniff_media_type(picture_bytes("HEIF")) == "image/heic"
    assert sniff_media_type(picture_bytes("AVIF")) == "image/avif"


def test_zip() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("DICOMDIR", b"x")
    assert sniff_media_type(buffer.getvalue()) == "application/zip"
    empty = io.BytesIO()
    zipfile.ZipFile(empty, "w").close()
    assert sniff_media_type(empty.getvalue()) == "application/zip"


@pytest.mark.parametrize(
    "data",
    [
        b"Hemoglobin 12.1 g/dL\nWBC 6.2\n",
        "病理诊断：右肺上叶腺癌\r\n免疫组化：TTF-1(+)\n".encode(),
        "病理诊断：右肺上叶腺癌\n".encode("utf-8-sig"),
        "病理诊断：右肺上叶腺癌\n".encode("utf-16"),  # with BOM, as Notepad writes it
        "病理诊断：右肺上叶腺癌\n".encode("utf-16-be").join([b"\xfe\xff", b""]),
        "病理诊断：右肺上叶腺癌，免疫组化\n".encode("gb18030"),
    ],
    ids=["ascii", "utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "gb18030"],
)
def test_text(data: bytes) -> None:
    assert sniff_media_type(data) == "text/plain"


def test_demo_lab_results_are_text() -> None:
    assert sniff_media_type((DEMO_DOCUMENTS / "lab-results.txt").read_bytes()) == "text/plain"


def test_text_cut_inside_a_character_is_still_text() -> None:
    text = ("肺结节 " * 2000).encode()  # 10 bytes a unit: 8192 cuts a character
    head = text[:SNIFF_BYTES]
    with pytest.raises(UnicodeDecodeError):
        head.decode()  # the cut falls inside a 3-byte character
    assert sniff_media_type(head) == "text/plain"


def test_binary_is_octet_stream() -> None:
    noise = random.Random(7).randbytes(SNIFF_BYTES)
    assert sniff_media_type(noise) == "application/octet-stream"
    assert sniff_media_type(b"") == "application/octet-stream"
    assert sniff_media_type(b"MZ\x90\x00\x03\x00\x00\x00") == "application/octet-stream"
    assert sniff_media_type(b"plain words\x00\x01\x02") == "application/octet-stream"
    utf16_without_bom = "病理诊断".encode("utf-16-le")
    assert sniff_media_type(utf16_without_bom * 10) == "application/octet-stream"


def test_broken_fixtures() -> None:
    assert sniff_media_type((BROKEN / "random.dcm").read_bytes()) == "application/octet-stream"
    assert sniff_media_type((BROKEN / "empty.dcm").read_bytes()) == "application/octet-stream"
    # Truncated files still start like what they are; reading them is what fails.
    assert sniff_media_type((BROKEN / "truncated.pdf").read_bytes()) == "application/pdf"
    truncated = (BROKEN / "truncated-in-header.dcm").read_bytes()
    assert sniff_media_type(truncated) == "application/dicom"


def test_group_0008_alone_is_not_enough() -> None:
    # Two bytes that happen to read as group 0008, followed by anything else, are not DICOM.
    assert sniff_media_type(b"\x08\x00" + b"\xff" * 100) == "application/octet-stream"
    assert sniff_media_type(b"\x02\x00\x10\x00XX\x04\x00abcd") == "application/octet-stream"


@pytest.mark.parametrize(
    ("media_type", "extension"),
    [
        ("application/pdf", ".pdf"),
        ("image/jpeg", ".jpg"),
        ("image/png", ".png"),
        ("image/tiff", ".tif"),
        ("image/heic", ".heic"),
        ("image/gif", ".gif"),
        ("application/dicom", ".dcm"),
        ("application/zip", ".zip"),
        ("text/plain", ".txt"),
        ("application/octet-stream", ".bin"),
        ("application/x-unknown", ".bin"),
    ],
)
def test_suggested_extension(media_type: str, extension: str) -> None:
    assert suggested_extension(media_type) == extension
