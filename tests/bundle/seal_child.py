"""A sealing process for `test_seal_kill` that SIGKILLs itself before its N-th step.

`test_seal_kill` forks and calls `seal_until_killed` in the child; as a script it does the same
in a fresh interpreter (KILL_AT 0: run through and print the steps as JSON):

    python tests/bundle/seal_child.py OUT_DIR KILL_AT VOLUME_MB

Steps are the filesystem operations of sealing and publishing, counted as they happen: each
write to a part, each block read back, each fsync, rename, replace, deletion and password
write. Killing before step N is deterministic: the same N stops at the same operation on every
run. The password is handed over the way `casebook export --password-out` does it.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import signal
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from casebook.app.password_handover import PasswordHandover
from casebook.bundle import volumes
from casebook.bundle.archive import seal_tree
from casebook.bundle.layout import BundleLayout
from casebook.bundle.manifest import render_checksums
from casebook.bundle.passphrase import generate_passphrase
from casebook.bundle.tree import BundleTree, TreeEntry

PASSWORD_FILE = "bundle password.txt"
STEPS: list[str] = []
KILL_AT = 0


def step(label: str) -> None:
    STEPS.append(label)
    if len(STEPS) == KILL_AT:
        os.kill(os.getpid(), signal.SIGKILL)


def _counted(label: str, function: Callable[..., Any]) -> Callable[..., Any]:
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        step(label)
        return function(*args, **kwargs)

    return wrapped


class _CountedPart:
    def __init__(self, handle: BinaryIO) -> None:
        self._handle = handle

    def write(self, data: bytes | memoryview) -> int:
        step("write part")
        return self._handle.write(data)

    def __enter__(self) -> _CountedPart:
        return self

    def __exit__(self, *exc: object) -> None:
        self._handle.close()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._handle, name)


def _opener(path: Path, create: bool) -> BinaryIO:
    return _CountedPart(volumes.open_part(path, create))  # type: ignore[return-value]


def _tree() -> BundleTree:
    generator = random.Random(20261202)
    entries = []
    for index, size in enumerate([1200, 0, 700_000, 900_000, 650_000, 30]):
        data = generator.randbytes(size)
        digest = hashlib.sha256(data).hexdigest()

        def chunks(data: bytes = data) -> Iterator[bytes]:
            for start in range(0, len(data), 256 * 1024):
                yield data[start : start + 256 * 1024]

        entries.append(TreeEntry(f"DOCUMENTS/F{index}", size, digest, open_chunks=chunks))
    checksums = render_checksums([(entry.path, entry.sha256) for entry in entries])
    entries.append(
        TreeEntry("SHA256SUMS", len(checksums), hashlib.sha256(checksums).hexdigest(), checksums)
    )
    return BundleTree(BundleLayout((), (), (), ()), tuple(entries))


def seal_until_killed(out: Path, kill_at: int, volume_mb: int) -> list[str]:
    """Seals into `out`, killing this process before step `kill_at`; returns the steps taken
    (only when it was not killed). Instruments this process for good: call it in a child."""
    global KILL_AT
    KILL_AT = kill_at
    for name in ("fsync", "rename", "replace", "unlink"):
        setattr(os, name, _counted(name, getattr(os, name)))
    original_read_all = volumes.PartSet.read_all

    def read_all(
        self: volumes.PartSet, digests: list[str], **options: Any
    ) -> Iterator[tuple[int, bytes | memoryview]]:
        for block in original_read_all(self, digests, **options):
            step("read back")
            yield block

    volumes.PartSet.read_all = read_all  # type: ignore[method-assign]
    password = generate_passphrase()
    handover = PasswordHandover(out / PASSWORD_FILE, as_json=False)

    def deliver(parts: tuple[volumes.ArchivePart, ...]) -> None:
        step("password")
        handover(password, parts)

    sealed = seal_tree(
        _tree(), out, "bundle", password, volume_size_mb=volume_mb or None, opener=_opener,
        before_publish=deliver,
    )  # fmt: skip
    assert sealed.parts
    return STEPS


if __name__ == "__main__":
    steps = seal_until_killed(Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]))
    print(json.dumps(steps))
