"""Sealing onto a disk that is really full: a small tmpfs, mounted for the test (needs root; CI
runs as root). The disk fills at 20+ points of the write, by another file taking the rest of
the space at that moment, so each ENOSPC comes from the kernel, not from a fake.
"""

from __future__ import annotations

import contextlib
import errno
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

import pytest

from casebook.app.password_handover import PasswordHandover
from casebook.bundle.archive import seal_tree
from casebook.bundle.errors import PasswordNotSaved
from casebook.bundle.plan import BundlePlan
from casebook.bundle.tree import BundleTree, build_tree
from casebook.bundle.verify import verify_bundle
from casebook.bundle.volumes import open_part
from casebook.core.errors import NotEnoughSpace

RUNNING_IN_CI = os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}
DISK_MIB = 8
FILL_POINTS = 20


@pytest.fixture(scope="module")
def tree(plan: BundlePlan) -> BundleTree:
    return build_tree(plan)


@contextlib.contextmanager
def small_disk(folder: Path, mib: int) -> Iterator[Path]:
    """A tmpfs of `mib` MiB mounted on `folder` for the block."""
    if os.geteuid() != 0:
        reason = "mounting a small tmpfs to fill needs root (CI runs as root)"
        if RUNNING_IN_CI:
            pytest.fail(reason, pytrace=False)
        pytest.skip(reason)
    folder.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={mib}m,mode=0700", "tmpfs", str(folder)],
        capture_output=True,
        text=True,
        check=False,
    )
    if mounted.returncode != 0:
        reason = f"cannot mount a tmpfs here: {mounted.stderr.strip()}"
        if RUNNING_IN_CI:
            pytest.fail(reason, pytrace=False)
        pytest.skip(reason)
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=True)


def _fill(path: Path) -> None:
    """Grows `path` until the disk refuses another byte."""
    with open(path, "ab", buffering=0) as filler:
        for block in (1 << 20, 1 << 16, 1 << 12, 1):
            with contextlib.suppress(OSError):
                while True:
                    filler.write(bytes(block))


class _FillsTheDisk:
    """A part file after whose `at`-th byte another file takes all the space that is left."""

    def __init__(self, handle: BinaryIO, written: list[int], at: int, filler: Path) -> None:
        self._handle = handle
        self._written = written
        self._at = at
        self._filler = filler

    def write(self, data: bytes | memoryview) -> int:
        if self._written[0] <= self._at < self._written[0] + len(data):
            _fill(self._filler)
        self._written[0] += len(data)
        return self._handle.write(data)

    def __enter__(self) -> _FillsTheDisk:
        return self

    def __exit__(self, *exc: object) -> None:
        self._handle.close()

    def __getattr__(self, name: str) -> object:
        return getattr(self._handle, name)


@pytest.mark.parametrize("volume_size_mb", [None, 1])
def test_the_disk_filling_up_during_the_write_leaves_nothing(
    tree: BundleTree, tmp_path: Path, volume_size_mb: int | None
) -> None:
    with small_disk(tmp_path / "disk", DISK_MIB) as disk:
        filler = disk / "someone else's download"
        for point in range(FILL_POINTS):
            at = tree.total_size * point // FILL_POINTS
            written = [0]

            def opener(
                path: Path, create: bool, at: int = at, written: list[int] = written
            ) -> BinaryIO:
                handle = open_part(path, create)
                return _FillsTheDisk(handle, written, at, filler)  # type: ignore[return-value]

            with pytest.raises(NotEnoughSpace):
                seal_tree(tree, disk, "usb", "pw", volume_size_mb=volume_size_mb, opener=opener)
            assert [p.name for p in disk.iterdir()] == [filler.name], point
            filler.unlink()


def test_a_disk_too_full_from_the_start_is_said_before_writing(
    tree: BundleTree, tmp_path: Path
) -> None:
    with small_disk(tmp_path / "disk", DISK_MIB) as disk:
        free = os.statvfs(disk).f_bavail * os.statvfs(disk).f_frsize
        (disk / "filler").write_bytes(bytes(free - tree.total_size // 2))
        with pytest.raises(NotEnoughSpace):
            seal_tree(tree, disk, "usb", "pw")
        assert [p.name for p in disk.iterdir()] == ["filler"]
        (disk / "filler").unlink()
        bundle = seal_tree(tree, disk, "usb", "4821-0937-5561-2093-8874-1205")
        assert verify_bundle(bundle.parts[0].path, "4821-0937-5561-2093-8874-1205").file_count


def test_a_password_file_on_a_full_disk_stops_the_export(tree: BundleTree, tmp_path: Path) -> None:
    """Issue 21 item 2: the bundle is published only once its password is safely written."""
    out = tmp_path / "out"
    out.mkdir()
    with small_disk(tmp_path / "disk", 1) as disk:
        _fill(disk / "filler")
        target = disk / "bundle password.txt"
        handover = PasswordHandover(target, as_json=False)
        with pytest.raises(PasswordNotSaved) as raised:
            seal_tree(
                tree, out, "usb", "pw",
                before_publish=lambda parts: handover("4821-0937-5561-2093-8874-1205", parts),
            )  # fmt: skip
        assert raised.value.errno == errno.ENOSPC
        assert not target.exists()
    assert list(out.iterdir()) == []
