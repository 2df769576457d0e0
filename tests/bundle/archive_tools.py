"""Helpers for the 7z tests: write an archive with our writer, ask 7-Zip and p7zip about it."""

from __future__ import annotations

import os
import subprocess
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from casebook.bundle.publish import publish
from casebook.bundle.sevenzip.writer import SevenZipWriter, WrittenArchive, filetime
from casebook.bundle.volumes import VolumeWriter

# 7-Zip's own command, and Debian's p7zip-full commands (7z, 7za)
SEVEN_ZIP_TOOLS = ("7zz", "7z", "7za")


def run(
    *args: object, cwd: Path | None = None, umask: int | None = None
) -> subprocess.CompletedProcess[str]:
    """Runs a tool with no input; `umask` for extractions whose file modes are checked."""

    def set_umask() -> None:
        if umask is not None:
            os.umask(umask)

    return subprocess.run(
        [str(a) for a in args],
        cwd=cwd,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        check=False,
        preexec_fn=set_umask if umask is not None else None,
    )


@dataclass(frozen=True)
class Member:
    """A file (`data`) or a folder (`data` None) to put in a test archive."""

    name: str
    data: bytes | None = b""


def write_archive(
    directory: Path,
    name: str,
    members: Sequence[Member],
    password: str,
    *,
    volume_size: int | None = None,
    chunk: int = 65536,
) -> tuple[list[Path], WrittenArchive]:
    """Writes `members` with Casebook's writer and publishes the parts; returns their paths."""
    volumes = VolumeWriter(directory, name, volume_size)
    writer = SevenZipWriter(volumes, password, mtime=filetime(1_700_000_000))
    for member in members:
        if member.data is None:
            writer.add_directory(member.name)
            continue
        writer.begin_file(member.name)
        for start in range(0, len(member.data), chunk):
            writer.write(member.data[start : start + chunk])
        writer.end_file()
    written = writer.finish()
    volumes.close()
    publish(volumes.partial_paths, volumes.final_paths())
    return volumes.final_paths(), written


def listing(output: str) -> dict[str, dict[str, str]]:
    """`7z l -slt` output → {path: {field: value}} for every entry after the archive's own."""
    entries: dict[str, dict[str, str]] = {}
    blocks = output.split("----------", 1)[-1].split("\n\n")
    for block in blocks:
        fields = dict(line.split(" = ", 1) for line in block.strip().splitlines() if " = " in line)
        if "Path" in fields:
            entries[fields["Path"]] = fields
    return entries


def crc_text(data: bytes) -> str:
    return f"{zlib.crc32(data) & 0xFFFFFFFF:08X}"
