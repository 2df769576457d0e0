"""What is never a medical record, and .zip archives read once within limits."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from casebook.importers.archives import (
    ArchiveLimits,
    ArchiveProblem,
    ArchiveReader,
    ArchiveUnreadable,
)
from casebook.importers.furniture import Furniture, furniture_by_content, furniture_by_name


@pytest.mark.parametrize(
    ("name", "on_disc", "at_root", "kind"),
    [
        ("VIEWER.EXE", False, False, Furniture.PROGRAM),
        ("dcmview.dll", False, False, Furniture.PROGRAM),
        ("AUTORUN.INF", False, False, Furniture.AUTORUN),
        ("DICOMDIR", True, True, Furniture.DISC_INDEX),
        ("INDEX.HTM", True, True, Furniture.WEB_PAGE),
        ("INDEX.HTM", False, False, None),  # a web page the family saved is theirs
        ("README.TXT", True, True, Furniture.DISC_README),
        ("README.TXT", True, False, None),  # deeper on the disc: could be a report
        (".DS_Store", False, False, Furniture.SYSTEM_FILE),
        ("Thumbs.db", False, False, Furniture.SYSTEM_FILE),
        ("._IMG_0001.JPG", False, False, Furniture.SYSTEM_FILE),
        ("~$pathology.docx", False, False, Furniture.LOCK_FILE),
        (".~lock.letter.odt#", False, False, Furniture.LOCK_FILE),
        ("pathology report.pdf", True, True, None),
        ("IM000001", True, False, None),
    ],
)
def test_furniture_by_name(name: str, on_disc: bool, at_root: bool, kind: Furniture | None) -> None:
    assert furniture_by_name(name, on_disc=on_disc, at_disc_root=at_root) is kind


def test_programs_are_known_by_their_first_bytes() -> None:
    assert furniture_by_content(b"MZ\x90\x00") is Furniture.PROGRAM
    assert furniture_by_content(b"\x7fELF\x02") is Furniture.PROGRAM
    assert furniture_by_content(b"\xcf\xfa\xed\xfe") is Furniture.PROGRAM
    assert furniture_by_content(b"%PDF-1.7") is None
    assert furniture_by_content(bytes(128) + b"DICM") is None


def test_members_are_checked_before_anything_is_unpacked(tmp_path: Path) -> None:
    archive = tmp_path / "a.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zipped:
        zipped.writestr("report.txt", "Pathology report " * 100)
        zipped.writestr("zeros.bin", bytes(50 * 1024 * 1024))
        zipped.writestr("big.bin", bytes(3 * 1024 * 1024), compress_type=zipfile.ZIP_STORED)
    limits = ArchiveLimits(max_member_bytes=2 * 1024 * 1024)
    with ArchiveReader(archive, limits) as reader:
        problems = {member.name: member.problem for member in reader.members()}
        assert problems == {
            "report.txt": None,
            "zeros.bin": ArchiveProblem.TOO_LARGE,
            "big.bin": ArchiveProblem.TOO_LARGE,
        }
        with reader.open("report.txt") as stream:
            assert stream.read().startswith(b"Pathology report")
        with pytest.raises(ArchiveUnreadable) as refused:
            reader.open("zeros.bin")
        assert refused.value.problem is ArchiveProblem.TOO_LARGE
    with ArchiveReader(archive) as reader:  # default limits: the ratio gives the bomb away
        problems = {member.name: member.problem for member in reader.members()}
        assert problems["zeros.bin"] is ArchiveProblem.SUSPICIOUS_COMPRESSION
        assert problems["big.bin"] is None


def test_password_protected_members_and_too_many_members(tmp_path: Path) -> None:
    archive = tmp_path / "locked.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("a.txt", "x")
        zipped.writestr("b.txt", "y")
    data = bytearray(archive.read_bytes())
    # Set the "encrypted" flag of the first member in its local and central headers, as a
    # password-protected zip has it.
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        position = data.find(signature)
        data[position + offset] |= 0x1
    archive.write_bytes(bytes(data))
    with ArchiveReader(archive) as reader:
        problems = [member.problem for member in reader.members()]
    assert problems == [ArchiveProblem.PASSWORD_PROTECTED, None]
    with (
        ArchiveReader(archive, ArchiveLimits(max_members=1)) as reader,
        pytest.raises(ArchiveUnreadable) as refused,
    ):
        list(reader.members())
    assert refused.value.problem is ArchiveProblem.TOO_MANY_MEMBERS
    (tmp_path / "not.zip").write_bytes(b"PK\x03\x04 but then nothing")
    with pytest.raises(ArchiveUnreadable) as damaged:
        ArchiveReader(tmp_path / "not.zip")
    assert damaged.value.problem is ArchiveProblem.DAMAGED
