"""`verify_bundle` names what is wrong: which part is missing, short or damaged, a wrong password
apart from damage, an export that never finished. Where a damaged file lies is worked out from
7-Zip's own listing of the archive, not from Casebook's reader.
"""

from __future__ import annotations

import dataclasses
import mmap
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from casebook.bundle.archive import SealedBundle, seal_bundle
from casebook.bundle.errors import BundleInvalid, BundleProblem
from casebook.bundle.passphrase import generate_passphrase
from casebook.bundle.plan import BundlePlan
from casebook.bundle.publish import journal_path
from casebook.bundle.verify import verify_bundle

from .archive_tools import listing, run
from .samples import DEMO_CT, dicom_item

Tool = Callable[..., Path]


@pytest.fixture(scope="module")
def password() -> str:
    return generate_passphrase()


@pytest.fixture(scope="module")
def sealed(
    plan: BundlePlan, password: str, tmp_path_factory: pytest.TempPathFactory
) -> SealedBundle:
    # Three more CT slices than the sample plan holds: enough for four 1 MB parts.
    extra = tuple(dicom_item(path) for path in sorted(DEMO_CT.glob("*.dcm"))[3:6])
    larger = dataclasses.replace(plan, dicom=plan.dicom + extra)
    bundle = seal_bundle(larger, tmp_path_factory.mktemp("v"), "v", password, volume_size_mb=1)
    assert len(bundle.parts) >= 4
    return bundle


@pytest.fixture
def copy(sealed: SealedBundle, tmp_path: Path) -> list[Path]:
    """A fresh copy of the parts for a test to damage."""
    return [Path(shutil.copy(part.path, tmp_path / part.path.name)) for part in sealed.parts]


def _problem(first: Path, password: str) -> BundleInvalid:
    with pytest.raises(BundleInvalid) as raised:
        verify_bundle(first, password)
    return raised.value


def _flip(path: Path, offset: int) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= 0x10
    path.write_bytes(bytes(data))


def test_an_intact_bundle_verifies_from_any_part(copy: list[Path], password: str) -> None:
    assert verify_bundle(copy[0], password).file_count > 10
    assert len(verify_bundle(copy[2], password).parts) == len(copy)


@pytest.mark.parametrize("missing", [[1], [-1], [1, 2], [0]])
def test_a_missing_part_is_named(copy: list[Path], password: str, missing: list[int]) -> None:
    for index in missing:
        copy[index].unlink()
    problem = _problem(copy[0], password)
    assert problem.problem is BundleProblem.PART_MISSING
    assert problem.parts == tuple(sorted(copy[index].name for index in missing))


def test_a_short_part_is_named(copy: list[Path], password: str) -> None:
    data = copy[1].read_bytes()
    copy[1].write_bytes(data[: len(data) // 2])
    problem = _problem(copy[0], password)
    assert problem.problem is BundleProblem.PART_INCOMPLETE
    assert problem.parts == (copy[1].name,)


@pytest.mark.parametrize("longer", [-1, 1])
def test_a_part_longer_than_the_archive_says_is_named(
    copy: list[Path], password: str, longer: int
) -> None:
    """Bytes added to the last part lie after the archive's end, where nothing reads them;
    7-Zip warns of them. A longer middle part shifts every byte after it."""
    with copy[longer].open("ab") as part:
        part.write(b"added after sealing")
    problem = _problem(copy[0], password)
    assert problem.problem is BundleProblem.PART_INCOMPLETE
    assert problem.parts == (copy[longer].name,)


def test_a_wrong_password_is_not_called_damage(copy: list[Path]) -> None:
    problem = _problem(copy[0], "0000-0000-0000-0000-0000-0000")
    assert problem.problem is BundleProblem.WRONG_PASSWORD


def _file_ranges(first: Path, password: str, seven: Path) -> list[tuple[str, int, int]]:
    """Each stored file's byte range in the joined archive, from 7-Zip's listing (stored files
    follow the 32-byte start header in listing order)."""
    result = run(seven, "l", "-slt", f"-p{password}", first)
    assert result.returncode == 0, result.stdout
    ranges = []
    offset = 32
    for path, fields in listing(result.stdout).items():
        size = int(fields.get("Size") or 0)
        if size and not fields["Attributes"].startswith("D"):
            ranges.append((path, offset, offset + size))
            offset += size
    return ranges


def test_a_flipped_byte_in_part_3_names_part_3_and_the_file(
    copy: list[Path], password: str, sealed: SealedBundle, require_tool: Tool
) -> None:
    volume = copy[0].stat().st_size
    part3_start, part3_end = 2 * volume, 3 * volume
    ranges = _file_ranges(copy[0], password, require_tool("7zz"))
    inside = [r for r in ranges if part3_start + 16 <= r[1] and r[2] <= part3_end - 16]
    assert inside, "the sample bundle should hold a file wholly inside part 3"
    path, start, end = inside[0]
    _flip(copy[2], (start + end) // 2 - part3_start)
    problem = _problem(copy[0], password)
    assert problem.problem is BundleProblem.CONTENT_DAMAGED
    assert problem.parts == (copy[2].name,)
    assert problem.item == path


def test_any_flipped_byte_is_found_and_placed(copy: list[Path], password: str) -> None:
    """Flips spread over every part, headers included: always damage (never a wrong password
    or a listing problem), and always in a part that holds the flipped byte."""
    for index, part in enumerate(copy):
        size = part.stat().st_size
        for offset in sorted({0, 7, 9, 20, size // 3, size // 2, size - 40, size - 1}):
            if offset >= size:
                continue
            original = part.read_bytes()
            _flip(part, offset)
            problem = _problem(copy[0], password)
            part.write_bytes(original)
            assert problem.problem is BundleProblem.CONTENT_DAMAGED, (index, offset, problem)
            assert part.name in problem.parts, (index, offset, problem)
            assert len(problem.parts) <= 2


def test_the_cover_sheet_hashes_name_the_changed_part(
    copy: list[Path], password: str, sealed: SealedBundle
) -> None:
    _flip(copy[3], 100)
    with pytest.raises(BundleInvalid) as raised:
        verify_bundle(
            copy[0], password, expected_part_sha256={p.path.name: p.sha256 for p in sealed.parts}
        )
    assert raised.value.problem is BundleProblem.PART_HASH_MISMATCH
    assert raised.value.parts == (copy[3].name,)


def test_an_interrupted_export_is_said_so(copy: list[Path], password: str) -> None:
    journal_path(copy[0].parent, "v").write_text('{"parts": []}')
    problem = _problem(copy[0], password)
    assert problem.problem is BundleProblem.INTERRUPTED


def test_not_an_archive_and_too_short(tmp_path: Path, password: str) -> None:
    (tmp_path / "x.7z").write_bytes(b"%PDF-1.7 not an archive at all" * 10)
    assert _problem(tmp_path / "x.7z", password).problem is BundleProblem.NOT_AN_ARCHIVE
    (tmp_path / "y.7z.001").write_bytes(b"7z")
    problem = _problem(tmp_path / "y.7z.001", password)
    assert problem.problem is BundleProblem.PART_INCOMPLETE
    assert problem.parts == ("y.7z.001",)


def test_a_part_the_drive_cannot_read_is_named(
    copy: list[Path], password: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A failing USB stick: reading part 2 fails with an I/O error (injected at the system
    call the read-back uses, FailDevice-style, since no failing drive is at hand)."""
    import errno
    import os

    from casebook.bundle import volumes

    real_readv = os.readv
    failing = str(copy[1].resolve())

    def readv(fd: int, buffers: list[mmap.mmap]) -> int:
        if os.path.realpath(f"/proc/self/fd/{fd}") == failing:
            raise OSError(errno.EIO, "Input/output error")
        return real_readv(fd, buffers)

    monkeypatch.setattr(volumes.os, "readv", readv)
    problem = _problem(copy[0], password)
    assert problem.problem is BundleProblem.PART_UNREADABLE
    assert problem.parts == (copy[1].name,)
