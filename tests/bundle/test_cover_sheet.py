"""The cover sheet PDF, judged by qpdf, pdffonts, pdfinfo and pdftotext (English, Chinese and
both): every part's hash on it, one page per language up to 30 parts."""

from __future__ import annotations

import hashlib
import re
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from casebook.bundle.cover_sheet import CoverSheet, SheetPart, group_hash, render_cover_sheet
from casebook.bundle.passphrase import generate_passphrase
from casebook.bundle.plan import Recipient, Sender

Tool = Callable[..., Path]


def parts(count: int) -> tuple[SheetPart, ...]:
    return tuple(
        SheetPart(
            f"casebook-bundle-2026-11-22.7z.{i:03d}",
            20_000_000,
            hashlib.sha256(b"%d" % i).hexdigest(),
        )
        for i in range(1, count + 1)
    )


def sheet(password: str, count: int = 3) -> CoverSheet:
    return CoverSheet(
        recipient=Recipient("Example Cancer Centre", "International Patient Office", "", "China"),
        created_on="2026-11-22",
        password=password,
        parts=parts(count),
        sender=Sender("Li Wei", "son", "+44 7700 900123"),
    )


def run(tool: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(tool), *args], capture_output=True, text=True, check=False)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", ["Bundle password and checksums", "certutil -hashfile", "Get-FileHash"]),
        ("zh", ["资料包密码与校验值", "请通过与资料包不同的渠道发送密码"]),
        ("en+zh", ["Bundle password and checksums", "资料包密码与校验值"]),
    ],
)
@pytest.mark.parametrize("count", [3, 30])
def test_sheet_carries_password_and_every_part_hash_on_one_page_per_language(
    tmp_path: Path, require_tool: Tool, language: str, expected: list[str], count: int
) -> None:
    password = generate_passphrase()
    pdf = tmp_path / f"sheet-{language}.pdf"
    pdf.write_bytes(render_cover_sheet(sheet(password, count), language))
    check = run(require_tool("qpdf"), "--check", str(pdf))
    assert check.returncode == 0, check.stdout + check.stderr
    fonts = run(require_tool("pdffonts"), str(pdf)).stdout.splitlines()[2:]
    assert fonts
    assert all(line.split()[-5] == "yes" for line in fonts), fonts  # every font embedded
    pages = re.search(r"^Pages:\s+(\d+)$", run(require_tool("pdfinfo"), str(pdf)).stdout, re.M)
    assert pages is not None
    assert int(pages.group(1)) == len(language.split("+"))
    text = run(require_tool("pdftotext"), str(pdf), "-").stdout
    assert text.count(password) == len(language.split("+"))
    for part in parts(count):
        assert part.name in text
        for line in group_hash(part.sha256):  # each hash whole, in its two lines of four groups
            assert text.count(line) == len(language.split("+")), line
    for phrase in expected:
        assert phrase in text
    assert "Example Cancer Centre" in text


def test_hash_groups_read_in_eights() -> None:
    digest = hashlib.sha256(b"x").hexdigest()
    lines = group_hash(digest)
    assert len(lines) == 2
    assert all(len(group) == 8 for line in lines for group in line.split())
    assert "".join(lines).replace(" ", "") == digest


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="language"):
        render_cover_sheet(sheet("1234-5678-9012-3456-7890-1234"), "fr")
