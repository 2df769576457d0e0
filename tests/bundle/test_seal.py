"""The sealed bundle judged by outside tools: 7-Zip, sha256sum, dcmtk, qpdf and poppler."""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

import pytest

from casebook.bundle.archive import seal_bundle
from casebook.bundle.errors import (
    BundleInvalid,
    BundleProblem,
    BundleWriteFailed,
    SourceChanged,
)
from casebook.bundle.layout import DICOM_COMPONENT
from casebook.bundle.passphrase import generate_passphrase
from casebook.bundle.plan import BundlePlan
from casebook.bundle.verify import verify_bundle
from casebook.bundle.volumes import open_part
from casebook.core.errors import NotEnoughSpace

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
    result = run(seven, "x", f"-p{password}", f"-o{out}", sealed)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


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
    documents = [p for p in (extracted / "DOCUMENTS").rglob("*") if p.is_file()]
    assert sorted(hashlib.sha256(p.read_bytes()).hexdigest() for p in documents) == sorted(
        d.sha256 for d in plan.documents
    )
    assert (
        extracted / "DOCUMENTS" / "10_DISCHARGE_REFERRAL" / "出院小结 discharge summary.pdf"
    ).exists()


def test_dicomdir_is_read_by_dcmtk(extracted: Path, require_tool: Tool) -> None:
    result = run(require_tool("dcmdump"), "DICOMDIR", cwd=extracted)
    assert result.returncode == 0, result.stderr
    assert result.stdout.count('"Directory Record" IMAGE') == len(sample_dicom_paths())
    assert "StudyID" in result.stdout  # filled although the lung CT's StudyID is empty
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
    else:
        assert "第二诊疗意见" in text
        assert "缺失" in text
        assert "不提供医疗建议" in text
    assert "Timeline" not in text
    assert "病程时间线" not in text


def test_index_is_xhtml_linking_every_file(extracted: Path) -> None:
    import xml.etree.ElementTree as ET
    from urllib.parse import unquote

    root = ET.parse(extracted / "INDEX.HTM").getroot()  # noqa: S314 - our own output
    links = {unquote(a.get("href", "")) for a in root.iter("{http://www.w3.org/1999/xhtml}a")}
    for path in extracted.rglob("*"):
        if path.is_file() and path.name != "INDEX.HTM":
            assert str(path.relative_to(extracted)) in links
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


class _FailingFile:
    """A part file that fails like a full disk or a pulled stick after `budget` bytes."""

    budget = 0

    def __init__(self, handle: BinaryIO, code: int) -> None:
        self._handle = handle
        self._code = code

    def write(self, data: bytes) -> int:
        if _FailingFile.budget < len(data):
            raise OSError(self._code, "injected failure", self._handle.name)
        _FailingFile.budget -= len(data)
        return self._handle.write(data)

    def __getattr__(self, name: str) -> object:
        return getattr(self._handle, name)


@pytest.mark.parametrize(
    ("code", "error"), [(errno.ENOSPC, NotEnoughSpace), (errno.EIO, BundleWriteFailed)]
)
@pytest.mark.parametrize("budget", [100, 1_500_000])
def test_failed_write_leaves_nothing_under_final_name(
    plan: BundlePlan, tmp_path: Path, code: int, error: type[Exception], budget: int
) -> None:
    _FailingFile.budget = budget

    def failing_opener(path: Path, create: bool) -> BinaryIO:
        return _FailingFile(open_part(path, create), code)  # type: ignore[return-value]

    with pytest.raises(error) as raised:
        seal_bundle(plan, tmp_path, "usb", "pw", volume_size_mb=1, opener=failing_opener)
    if error is BundleWriteFailed:
        assert getattr(raised.value, "errno", None) == errno.EIO
    assert list(tmp_path.iterdir()) == []


def test_changed_source_bytes_are_refused(plan: BundlePlan, tmp_path: Path) -> None:
    from dataclasses import replace

    def tampered() -> Iterator[bytes]:
        yield b"not the pathology report"

    document = replace(plan.documents[0], open_chunks=tampered)
    broken = replace(plan, documents=(document, *plan.documents[1:]))
    with pytest.raises(SourceChanged) as raised:
        seal_bundle(broken, tmp_path, "x", "pw")
    assert raised.value.item.startswith("DOCUMENTS/01_PATHOLOGY/")
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
