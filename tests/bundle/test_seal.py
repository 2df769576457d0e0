"""The sealed bundle judged by outside tools: 7-Zip, sha256sum, dcmtk, qpdf and poppler."""

from __future__ import annotations

import errno
import hashlib
import json
import os
import shutil
import stat
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

import pytest

from casebook.bundle.archive import seal_bundle, seal_tree
from casebook.bundle.errors import (
    BundleInvalid,
    BundleProblem,
    BundleWriteFailed,
    PasswordNotSaved,
    SourceChanged,
)
from casebook.bundle.layout import DICOM_COMPONENT, XDM_SUBSET
from casebook.bundle.passphrase import generate_passphrase
from casebook.bundle.plan import BundlePlan
from casebook.bundle.publish import journal_path, sweep
from casebook.bundle.tree import BundleTree, build_tree
from casebook.bundle.verify import verify_bundle
from casebook.bundle.volumes import ArchivePart, open_part
from casebook.core.errors import NotEnoughSpace
from casebook.core.progress import Cancelled, CancelToken, Progress

from .archive_tools import SEVEN_ZIP_TOOLS
from .samples import PATIENT_NAME, sample_dicom_paths

Tool = Callable[..., Path]


def run(*args: object, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(a) for a in args],
        cwd=cwd,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        check=False,
    )


@pytest.fixture(scope="module")
def password() -> str:
    return generate_passphrase()


@pytest.fixture(scope="module")
def sealed(plan: BundlePlan, password: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("single")
    bundle = seal_bundle(plan, out, "bundle", password)
    assert [p.path.name for p in bundle.parts] == ["bundle.7z"]
    return bundle.parts[0].path


@pytest.fixture(scope="module")
def extracted(sealed: Path, password: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    found = shutil.which("7z") or shutil.which("7zz")
    if found is None:
        reason = "outside tool not installed: 7z or 7zz (.ci/run installs it)"
        if os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}:
            pytest.fail(reason, pytrace=False)
        pytest.skip(reason)
    seven = Path(found)
    out = tmp_path_factory.mktemp("extracted")
    result = subprocess.run(
        [str(seven), "x", f"-p{password}", f"-o{out}", str(sealed)],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        check=False,
        preexec_fn=lambda: os.umask(0o022),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def test_extracted_files_and_folders_have_ordinary_modes(extracted: Path) -> None:
    """0644 files and 0755 folders, so colleagues on a shared folder can read them (issue 13)."""
    for path in extracted.rglob("*"):
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode == (0o755 if path.is_dir() else 0o644), (path, oct(mode))


@pytest.mark.parametrize("name", SEVEN_ZIP_TOOLS)
def test_7_zip_and_p7zip_test_the_bundle(
    sealed: Path, password: str, name: str, require_tool: Tool
) -> None:
    result = run(require_tool(name), "t", f"-p{password}", sealed)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Everything is Ok" in result.stdout


def test_listing_without_password_reveals_nothing(sealed: Path, require_tool: Tool) -> None:
    seven = require_tool("7z", "7zz")
    result = run(seven, "l", "-pnot-the-password", sealed)
    listing = result.stdout + result.stderr
    assert result.returncode != 0
    for secret in (PATIENT_NAME, "DICOM", "README", "Pathology", "SHA256SUMS"):
        assert secret not in listing
    assert PATIENT_NAME.encode() not in sealed.read_bytes()


def test_extracted_tree_passes_sha256sum(extracted: Path, require_tool: Tool) -> None:
    result = run(require_tool("sha256sum"), "-c", "--strict", "SHA256SUMS", cwd=extracted)
    assert result.returncode == 0, result.stdout + result.stderr
    listed = len((extracted / "SHA256SUMS").read_text().splitlines())
    files = [p for p in extracted.rglob("*") if p.is_file() and p.name != "SHA256SUMS"]
    assert listed == len(files)


def test_documents_and_dicom_are_byte_identical(extracted: Path, plan: BundlePlan) -> None:
    sources = {hashlib.sha256(p.read_bytes()).hexdigest() for p in sample_dicom_paths()}
    dicom_files = [p for p in (extracted / "DICOM").rglob("*") if p.is_file()]
    assert {hashlib.sha256(p.read_bytes()).hexdigest() for p in dicom_files} == sources
    for path in dicom_files:
        parts = path.relative_to(extracted).parts
        assert len(parts) <= 8
        assert all(DICOM_COMPONENT.match(part) for part in parts)
    documents = [
        p for p in (extracted / XDM_SUBSET).iterdir() if p.name != "METADATA.XML"
    ]  # fmt: skip
    hashes = {hashlib.sha256(p.read_bytes()).hexdigest() for p in documents}
    assert {d.sha256 for d in plan.documents} <= hashes
    assert (extracted / XDM_SUBSET / "DOC00005.PNG").read_bytes().startswith(b"\x89PNG")


def test_dicomdir_is_read_by_dcmtk(extracted: Path, require_tool: Tool) -> None:
    result = run(require_tool("dcmdump"), "DICOMDIR", cwd=extracted)
    assert result.returncode == 0, result.stderr
    records = result.stdout.count('"Directory Record" ')
    leaves = len(sample_dicom_paths())
    assert result.stdout.count('"Directory Record" IMAGE') == 6  # CT, MR: the rest are not
    assert records > leaves
    files = sorted(
        str(p.relative_to(extracted)) for p in (extracted / "DICOM").rglob("*") if p.is_file()
    )
    check = run(require_tool("dcmftest"), *files, cwd=extracted)
    assert check.returncode == 0, check.stdout
    assert check.stdout.count("yes:") == len(files)


@pytest.mark.parametrize("language", ["EN", "ZH"])
def test_summary_pdf_is_valid_embedded_and_extractable(
    extracted: Path, language: str, require_tool: Tool
) -> None:
    pdf = extracted / f"CASE_SUMMARY_{language}.PDF"
    assert run(require_tool("qpdf"), "--check", pdf).returncode == 0
    fonts = run(require_tool("pdffonts"), pdf).stdout.splitlines()[2:]
    assert fonts
    assert all(" yes yes " in line for line in fonts), fonts
    text = run(require_tool("pdftotext"), pdf, "-").stdout
    assert PATIENT_NAME in text
    assert "右肺上叶腺癌" in text
    if language == "EN":
        assert "second opinion" in text
        assert "Missing" in text
        assert "no medical advice" in text
        assert "Timeline" in text
    else:
        assert "第二诊疗意见" in text
        assert "缺失" in text
        assert "不提供医疗建议" in text
        assert "病程时间线" in text


def test_index_is_xhtml_linking_every_file(extracted: Path) -> None:
    import xml.etree.ElementTree as ET
    from urllib.parse import unquote

    root = ET.parse(extracted / "INDEX.HTM").getroot()  # noqa: S314 - our own output
    links = {unquote(a.get("href", "")) for a in root.iter("{http://www.w3.org/1999/xhtml}a")}
    links |= {unquote(i.get("src", "")) for i in root.iter("{http://www.w3.org/1999/xhtml}img")}
    for path in extracted.rglob("*"):
        relative = str(path.relative_to(extracted))
        if not path.is_file() or path.name == "INDEX.HTM":
            continue
        if relative.startswith("DICOM/"):  # each series is one entry, linked to its folder
            assert str(path.parent.relative_to(extracted)) + "/" in links
        else:
            assert relative in links, relative
    readme = (extracted / "README.TXT").read_text(encoding="utf-8-sig")
    for needle in ("sha256sum -c", "certutil", "Get-FileHash", "Keka", "p7zip", "如何打开"):
        assert needle in readme


def test_volumes_are_no_larger_than_asked_and_7z_joins_them(
    plan: BundlePlan, password: str, tmp_path: Path, require_tool: Tool
) -> None:
    bundle = seal_bundle(plan, tmp_path, "mail", password, volume_size_mb=1)
    names = [part.path.name for part in bundle.parts]
    assert names == [f"mail.7z.{i:03d}" for i in range(1, len(names) + 1)]
    assert len(names) > 1
    for part in bundle.parts:
        assert part.path.stat().st_size <= 1_000_000
        assert hashlib.sha256(part.path.read_bytes()).hexdigest() == part.sha256
    assert not list(tmp_path.glob("*.partial"))
    out = tmp_path / "out"
    result = run(require_tool("7z", "7zz"), "x", f"-p{password}", f"-o{out}", bundle.parts[0].path)
    assert result.returncode == 0, result.stdout
    assert run("sha256sum", "-c", "SHA256SUMS", cwd=out).returncode == 0
    verified = verify_bundle(bundle.parts[0].path, password)
    assert [p.sha256 for p in verified.parts] == [p.sha256 for p in bundle.parts]
    assert verified.dicom_references == len(sample_dicom_paths())


@pytest.fixture(scope="module")
def tree(plan: BundlePlan) -> BundleTree:
    return build_tree(plan)


class _FailingFile:
    """A part file that fails like a full disk or a pulled stick after `budget` bytes
    (KeePassXC's FailDevice, at the file-object level)."""

    def __init__(self, handle: BinaryIO, code: int, budget: list[int]) -> None:
        self._handle = handle
        self._code = code
        self._budget = budget

    def write(self, data: bytes) -> int:
        if self._budget[0] < len(data):
            raise OSError(self._code, "injected failure", self._handle.name)
        self._budget[0] -= len(data)
        return self._handle.write(data)

    def __enter__(self) -> _FailingFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self._handle.close()

    def __getattr__(self, name: str) -> object:
        return getattr(self._handle, name)


def _failing_opener(code: int, budget: int) -> Callable[[Path, bool], BinaryIO]:
    left = [budget]

    def opener(path: Path, create: bool) -> BinaryIO:
        return _FailingFile(open_part(path, create), code, left)  # type: ignore[return-value]

    return opener


FILL_LEVELS = 24


@pytest.mark.parametrize(
    ("code", "error"), [(errno.ENOSPC, NotEnoughSpace), (errno.EIO, BundleWriteFailed)]
)
@pytest.mark.parametrize("volume_size_mb", [None, 1])
def test_a_write_failing_at_any_fill_level_leaves_nothing(
    tree: BundleTree,
    tmp_path: Path,
    code: int,
    error: type[Exception],
    volume_size_mb: int | None,
) -> None:
    """The disk fills up (or the stick is pulled) after 0 … 100 % of the archive was written:
    a clear error each time, and nothing left in the folder, not even a partial file."""
    size = tree.total_size + 64 * 1024
    for level in range(FILL_LEVELS + 1):
        budget = size * level // FILL_LEVELS
        out = tmp_path / f"level{level}"
        out.mkdir()
        opener = _failing_opener(code, budget)
        if level == FILL_LEVELS:  # room for the whole archive
            seal_tree(tree, out, "usb", "pw", volume_size_mb=volume_size_mb, opener=opener)
            names = [p.name for p in out.iterdir()]
            assert names
            assert not [n for n in names if n.endswith(".partial")]
            continue
        with pytest.raises(error) as raised:
            seal_tree(tree, out, "usb", "pw", volume_size_mb=volume_size_mb, opener=opener)
        if error is BundleWriteFailed:
            assert getattr(raised.value, "errno", None) == errno.EIO
        assert list(out.iterdir()) == [], level


class _Corrupting:
    """A part file that changes one bit of what it is given: a bad stick, a bad cable."""

    def __init__(self, handle: BinaryIO, at: list[int]) -> None:
        self._handle = handle
        self._at = at

    def write(self, data: bytes | memoryview) -> int:
        block = bytearray(data)
        if 0 <= self._at[0] < len(block):
            block[self._at[0]] ^= 0x04
        self._at[0] -= len(block)
        return self._handle.write(block)

    def __enter__(self) -> _Corrupting:
        return self

    def __exit__(self, *exc: object) -> None:
        self._handle.close()

    def __getattr__(self, name: str) -> object:
        return getattr(self._handle, name)


@pytest.mark.parametrize("fraction", [0.0, 0.001, 0.3, 0.7, 0.9999])
def test_the_read_back_catches_a_bit_changed_on_the_way_to_the_disk(
    tree: BundleTree, tmp_path: Path, fraction: float
) -> None:
    at = [int((tree.total_size + 2000) * fraction) + 40]

    def opener(path: Path, create: bool) -> BinaryIO:
        return _Corrupting(open_part(path, create), at)  # type: ignore[return-value]

    with pytest.raises(BundleInvalid) as raised:
        seal_tree(tree, tmp_path, "bad", "pw", volume_size_mb=1, opener=opener)
    assert raised.value.parts  # which part read back wrong
    assert list(tmp_path.iterdir()) == []


def test_nothing_is_published_when_the_password_cannot_be_handed_over(
    tree: BundleTree, tmp_path: Path
) -> None:
    seen: list[tuple[str, bool]] = []

    def refuse(parts: tuple[ArchivePart, ...]) -> None:
        seen.extend((part.path.name, part.path.exists()) for part in parts)
        raise PasswordNotSaved(tmp_path / "missing" / "pw.txt", errno.ENOENT)

    with pytest.raises(PasswordNotSaved):
        seal_tree(tree, tmp_path, "mail", "pw", volume_size_mb=1, before_publish=refuse)
    assert seen
    assert all(not exists for _, exists in seen)  # told the names before they exist
    assert seen[0][0] == "mail.7z.001"
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("after_reports", [0, 1, 3, 8, 30, 10_000])
def test_cancel_at_any_point_leaves_nothing(
    tree: BundleTree, tmp_path: Path, after_reports: int
) -> None:
    token = CancelToken()
    reports: list[Progress] = []

    def report(progress: Progress) -> None:
        reports.append(progress)
        if len(reports) > after_reports:
            token.cancel()

    try:
        seal_tree(tree, tmp_path, "c", "pw", volume_size_mb=1, report=report, cancel=token)
    except Cancelled:
        assert list(tmp_path.iterdir()) == []
    else:
        assert after_reports >= len(reports)
        assert not [p for p in tmp_path.iterdir() if p.name.endswith(".partial")]


def test_a_killed_runs_leftovers_are_swept_by_the_next_export(
    tree: BundleTree, tmp_path: Path, password: str
) -> None:
    (tmp_path / "usb.7z.001.partial").write_bytes(b"encrypted leftovers")
    (tmp_path / "old.7z.002").write_bytes(b"published half")
    (tmp_path / "old.7z.003.partial").write_bytes(b"not yet renamed")
    journal_path(tmp_path, "old").write_text(
        json.dumps({"parts": ["old.7z.001", "old.7z.002", "old.7z.003"]})
    )
    (tmp_path / "family notes.txt").write_text("not ours: kept")
    bundle = seal_tree(tree, tmp_path, "usb", password)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["family notes.txt", "usb.7z"]
    assert verify_bundle(bundle.parts[0].path, password).file_count == len(tree.entries)


def test_changed_source_bytes_are_refused(plan: BundlePlan, tmp_path: Path) -> None:
    from dataclasses import replace

    def tampered() -> Iterator[bytes]:
        yield b"not the pathology report"

    document = replace(plan.documents[0], open_chunks=tampered)
    broken = replace(plan, documents=(document, *plan.documents[1:]))
    with pytest.raises(SourceChanged) as raised:
        seal_bundle(broken, tmp_path, "x", "pw")
    assert raised.value.item == f"{XDM_SUBSET}/DOC00001.PDF"
    assert list(tmp_path.iterdir()) == []


def test_flipped_byte_in_any_part_fails_verify(
    plan: BundlePlan, password: str, tmp_path: Path
) -> None:
    bundle = seal_bundle(plan, tmp_path, "v", password, volume_size_mb=1)
    assert verify_bundle(bundle.parts[0].path, password).file_count > 10
    for part in bundle.parts:
        for offset in (40, part.size // 2, part.size - 3):
            data = bytearray(part.path.read_bytes())
            data[offset] ^= 0x01
            part.path.write_bytes(bytes(data))
            with pytest.raises(BundleInvalid) as raised:
                verify_bundle(
                    bundle.parts[0].path,
                    password,
                    expected_part_sha256={p.path.name: p.sha256 for p in bundle.parts},
                )
            assert raised.value.problem is not BundleProblem.FILE_UNLISTED
            data[offset] ^= 0x01
            part.path.write_bytes(bytes(data))


def test_flipped_byte_without_cover_sheet_names_the_damage(
    sealed: Path, password: str, tmp_path: Path
) -> None:
    copy = tmp_path / sealed.name
    data = bytearray(sealed.read_bytes())
    data[len(data) // 2] ^= 0x80  # inside the stored payload
    copy.write_bytes(bytes(data))
    with pytest.raises(BundleInvalid) as raised:
        verify_bundle(copy, password)
    assert raised.value.problem in {BundleProblem.CONTENT_DAMAGED, BundleProblem.HASH_MISMATCH}


def test_wrong_password_and_missing_part(sealed: Path, tmp_path: Path) -> None:
    with pytest.raises(BundleInvalid) as raised:
        verify_bundle(sealed, "0000-0000-0000-0000-0000-0000")
    assert raised.value.problem is BundleProblem.WRONG_PASSWORD
    with pytest.raises(BundleInvalid) as missing:
        verify_bundle(tmp_path / "nothing.7z.001", "x")
    assert missing.value.problem is BundleProblem.PART_MISSING


@pytest.mark.skipif(sys.platform == "win32", reason="flock is POSIX")
def test_parts_another_export_is_publishing_are_not_swept(tmp_path: Path) -> None:
    import fcntl

    (tmp_path / "other.7z.001").write_bytes(b"being published")
    journal = journal_path(tmp_path, "other")
    journal.write_text(json.dumps({"parts": ["other.7z.001", "other.7z.002"]}))
    with open(journal, "rb") as held:
        fcntl.flock(held.fileno(), fcntl.LOCK_EX)  # what a publishing export holds
        assert sweep(tmp_path, "mine") == []
    assert journal.exists()
    swept = sweep(tmp_path, "mine")  # its owner died: the lock went with it
    assert sorted(p.name for p in swept) == ["other.7z.001", "other.7z.publishing"]
    assert list(tmp_path.iterdir()) == []
