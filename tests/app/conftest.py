"""Running the real `casebook` command in a child process."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

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


@pytest.fixture
def binder(tmp_path: Path, run_casebook: Run) -> Path:
    folder = tmp_path / "binder"
    result = run_casebook("new", folder, "--name", "Wang Fang", stdin=PASSWORD + "\n")
    assert result.returncode == 0, result.stderr
    return folder
