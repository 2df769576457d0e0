"""Casebook's 7z writer judged by 7-Zip (7zz), Debian's p7zip-full (7z, 7za) and py7zr, and
Casebook's 7z reader judged on what 7-Zip writes: the two must agree byte for byte.

Each archive holds what a bundle can hold: empty files, Chinese and long names, nested folders,
sizes around the format's number-length boundaries, a file larger than the I/O chunks, volumes.
"""

from __future__ import annotations

import hashlib
import random
import shutil
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from casebook.bundle.sevenzip.coders import KeyRing
from casebook.bundle.sevenzip.reader import (
    ContentReader,
    FileSink,
    WrongPassword,
    read_index,
)
from casebook.bundle.volumes import PartSet

from .archive_tools import SEVEN_ZIP_TOOLS, Member, crc_text, listing, run, write_archive

Tool = Callable[..., Path]
PASSWORD = "4821-0937-5561-2093-8874-1205"
LONG_NAME = "出院小结与病理报告" * 8 + " discharge summary.pdf"  # 240 bytes in UTF-8 + ASCII


def _members() -> list[Member]:
    generator = random.Random(20261202)
    return [
        Member("DOCUMENTS", None),
        Member("DOCUMENTS/10_DISCHARGE", None),
        Member("DOCUMENTS/空 folder", None),
        Member("README.TXT", "Casebook bundle\n病历资料\n".encode()),
        Member("EMPTY.TXT", b""),
        Member(f"DOCUMENTS/10_DISCHARGE/{LONG_NAME}", generator.randbytes(3 * 65536 + 7)),
        Member("DOCUMENTS/10_DISCHARGE/one byte", b"x"),
        Member("DOCUMENTS/127", generator.randbytes(127)),
        Member("DOCUMENTS/128", generator.randbytes(128)),
        Member("DOCUMENTS/16384", generator.randbytes(16384)),
        Member("DOCUMENTS/zero again", b""),
        Member("DICOM/PA000001/ST000001/SE000001/IM000001", generator.randbytes(200_001)),
    ]


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    [path], _ = write_archive(tmp_path_factory.mktemp("a"), "judged", _members(), PASSWORD)
    return path


@pytest.mark.parametrize("name", SEVEN_ZIP_TOOLS)
def test_every_tool_lists_the_names_sizes_crcs_and_ordinary_modes(
    archive: Path, name: str, require_tool: Tool
) -> None:
    result = run(require_tool(name), "l", "-slt", f"-p{PASSWORD}", archive)
    assert result.returncode == 0, result.stdout + result.stderr
    entries = listing(result.stdout)
    for member in _members():
        entry = entries[member.name]
        if member.data is None:
            assert entry["Attributes"].startswith("D"), entry
            assert entry["Attributes"].endswith("drwxr-xr-x"), entry
            continue
        assert int(entry["Size"]) == len(member.data)
        assert entry["Attributes"].endswith("-rw-r--r--"), entry
        if member.data:
            assert entry["CRC"] == crc_text(member.data)
            assert entry["Method"] == "Copy 7zAES:19"
    assert len(entries) == len(_members())


@pytest.mark.parametrize("name", SEVEN_ZIP_TOOLS)
def test_every_tool_tests_and_extracts_the_same_bytes(
    archive: Path, name: str, tmp_path: Path, require_tool: Tool
) -> None:
    tool = require_tool(name)
    tested = run(tool, "t", f"-p{PASSWORD}", archive)
    assert tested.returncode == 0, tested.stdout + tested.stderr
    assert "Everything is Ok" in tested.stdout
    out = tmp_path / "out"
    extracted = run(tool, "x", f"-p{PASSWORD}", f"-o{out}", archive, umask=0o022)
    assert extracted.returncode == 0, extracted.stdout + extracted.stderr
    for member in _members():
        path = out / member.name
        mode = stat.S_IMODE(path.stat().st_mode)
        if member.data is None:
            assert path.is_dir()
            assert mode == 0o755
        else:
            assert path.read_bytes() == member.data
            assert mode == 0o644


@pytest.mark.parametrize("name", SEVEN_ZIP_TOOLS)
def test_every_tool_refuses_a_wrong_password_and_shows_no_names(
    archive: Path, name: str, require_tool: Tool
) -> None:
    tool = require_tool(name)
    for command in ("l", "t"):
        result = run(tool, command, "-p0000-0000-0000-0000-0000-0000", archive)
        assert result.returncode != 0
        shown = result.stdout + result.stderr
        assert "Wrong password" in shown
        assert "README" not in shown
        assert "DOCUMENTS" not in shown
    raw = archive.read_bytes()
    for member in _members():
        assert member.name.encode("utf-16-le") not in raw
        assert member.name.encode() not in raw


def test_py7zr_an_independent_implementation_agrees(archive: Path, tmp_path: Path) -> None:
    py7zr = pytest.importorskip("py7zr")
    with py7zr.SevenZipFile(archive, password=PASSWORD) as opened:
        assert sorted(opened.getnames()) == sorted(m.name for m in _members())
        assert opened.testzip() is None
    with py7zr.SevenZipFile(archive, password=PASSWORD) as opened:
        opened.extractall(tmp_path)
    for member in _members():
        if member.data is not None:
            assert (tmp_path / member.name).read_bytes() == member.data


@pytest.mark.parametrize("name", SEVEN_ZIP_TOOLS)
def test_volumes_are_joined_by_every_tool(name: str, tmp_path: Path, require_tool: Tool) -> None:
    members = _members()
    paths, written = write_archive(tmp_path, "mail", members, PASSWORD, volume_size=65536)
    assert [p.name for p in paths] == [f"mail.7z.{i:03d}" for i in range(1, len(paths) + 1)]
    assert all(p.stat().st_size == 65536 for p in paths[:-1])
    assert sum(p.stat().st_size for p in paths) == written.size
    out = tmp_path / "out"
    result = run(require_tool(name), "x", f"-p{PASSWORD}", f"-o{out}", paths[0])
    assert result.returncode == 0, result.stdout + result.stderr
    for member in members:
        if member.data is not None:
            assert (out / member.name).read_bytes() == member.data


@pytest.mark.parametrize("password", ["密码 with spaces", "emoji 🙂 and ünïcode", "x" * 120])
def test_passwords_beyond_ascii_open_in_7_zip(
    password: str, tmp_path: Path, require_tool: Tool
) -> None:
    """The key derivation hashes UTF-16LE, surrogate pairs included, as 7-Zip does."""
    data = b"same bytes either way"
    [path], _ = write_archive(tmp_path, "p", [Member("A.TXT", data)], password)
    result = run(require_tool("7zz"), "x", f"-p{password}", "-so", path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.encode() == data


def test_many_small_files(tmp_path: Path, require_tool: Tool) -> None:
    members = [
        Member(f"DICOM/F{i // 500:03d}/IM{i:05d}", str(i).encode() * (i % 7)) for i in range(3000)
    ]
    [path], _ = write_archive(tmp_path, "many", members, PASSWORD)
    result = run(require_tool("7zz"), "t", f"-p{PASSWORD}", path)
    assert result.returncode == 0, result.stdout
    assert "Files: 3000" in result.stdout
    out = tmp_path / "out"
    assert run(require_tool("7z"), "x", f"-p{PASSWORD}", f"-o{out}", path).returncode == 0
    for member in members[::97]:
        assert (out / member.name).read_bytes() == member.data


class _Hashing(FileSink):
    def __init__(self, found: dict[str, str], name: str) -> None:
        self._found = found
        self._name = name
        self._hash = hashlib.sha256()

    def write(self, data: bytes | memoryview) -> None:
        self._hash.update(data)

    def close(self) -> None:
        self._found[self._name] = self._hash.hexdigest()


def _read_with_casebook(paths: list[Path], password: str) -> dict[str, str]:
    parts = PartSet(paths)
    keys = KeyRing(password)
    index = read_index(parts.read_at, parts.size, keys)
    found: dict[str, str] = {}
    content = ContentReader(index, keys, lambda record: _Hashing(found, record.entry.name))
    for offset, block in parts.read_all([]):
        content.feed(offset, block)
    content.finish()
    return found


@pytest.mark.parametrize(
    "options", [["-mhe=on", "-mx=0"], ["-mhe=on", "-mx=1"], ["-mhe=on", "-m0=lzma", "-mx=3"]]
)
def test_casebook_reads_what_7_zip_writes(
    options: list[str], tmp_path: Path, require_tool: Tool
) -> None:
    source = tmp_path / "src"
    for member in _members():
        if member.data is None:
            (source / member.name).mkdir(parents=True, exist_ok=True)
        else:
            (source / member.name).parent.mkdir(parents=True, exist_ok=True)
            (source / member.name).write_bytes(member.data)
    archive = tmp_path / "seven.7z"
    made = run(
        require_tool("7zz"), "a", "-t7z", *options, f"-p{PASSWORD}", archive, ".", cwd=source
    )
    assert made.returncode == 0, made.stdout + made.stderr
    found = _read_with_casebook([archive], PASSWORD)
    for member in _members():
        if member.data is not None:
            assert found[member.name] == hashlib.sha256(member.data).hexdigest()
    with pytest.raises(WrongPassword):
        _read_with_casebook([archive], "not it")
    shutil.rmtree(source)


def test_archives_sealed_by_earlier_casebook_versions_still_read(tmp_path: Path) -> None:
    """Bundles sent before Casebook had its own writer were made by py7zr (Copy + AES,
    encrypted headers); the reader of `verify` opens them too."""
    py7zr = pytest.importorskip("py7zr")
    archive = tmp_path / "earlier.7z"
    filters = [{"id": py7zr.FILTER_COPY}, {"id": py7zr.FILTER_CRYPTO_AES256_SHA256}]
    with py7zr.SevenZipFile(
        archive, "w", filters=filters, password=PASSWORD, header_encryption=True
    ) as made:
        for member in _members():
            if member.data is not None:
                made.writestr(member.data, member.name)
    found = _read_with_casebook([archive], PASSWORD)
    for member in _members():
        if member.data:
            assert found[member.name] == hashlib.sha256(member.data).hexdigest()
