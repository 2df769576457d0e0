"""Running the real `casebook` command in a child process."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from binder_copies import BinderCopies

from casebook.core.model import Case
from casebook.services.binder.session import create_binder
from casebook.store.keyslots import KdfParams

PASSWORD = "correct horse battery"

Run = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def run_casebook(tmp_path: Path) -> Run:
    """`run_casebook("list", binder, stdin="pw\\n")` → the finished process (text mode)."""
    data_dir = tmp_path / "app-data"

    def run(
        *args: object, stdin: str = "", timeout: float = 120, env: dict[str, str] | None = None
    ) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})}
        return subprocess.run(
            [sys.executable, "-m", "casebook", "--data-dir", str(data_dir), *map(str, args)],
            input=stdin,
            capture_output=True,
            text=True,
            timeout=timeout,
            env=env,
            check=False,
        )

    return run


def make_binder(folder: Path, patient: str = "Wang Fang") -> Path:
    """A new binder at the cheapest key-derivation cost, made through the service `new` calls.

    `casebook new` calibrates Argon2id to about 0.75 s a slot on the machine it runs on, and every
    later command pays that again to unlock: across the command-line tests, minutes of CPU that
    test nothing. The tests of `new` itself still run the command; the others start from this.
    """
    create_binder(folder, PASSWORD, Case(patient), KdfParams.minimum()).session.close()
    return folder


@pytest.fixture
def binder(tmp_path: Path, binder_copies: BinderCopies) -> Path:
    """`make_binder`'s binder, as a copy of one made once per test process."""
    folder = tmp_path / "binder"
    binder_copies.copy(folder, PASSWORD, Case("Wang Fang"), KdfParams.minimum())
    return folder
