"""The PyInstaller one-folder build starts and passes its own self-test."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux build is tested here")
def test_frozen_app_passes_its_self_test(tmp_path: Path) -> None:
    pyinstaller = shutil.which("pyinstaller", path=str(Path(sys.executable).parent))
    assert pyinstaller, "PyInstaller is a dev dependency: pip install -e '.[dev]'"
    build = subprocess.run(
        [pyinstaller, "--noconfirm", "--log-level", "WARN", "--distpath", str(tmp_path / "dist"),
         "--workpath", str(tmp_path / "build"), str(ROOT / "installers" / "casebook.spec")],
        capture_output=True, text=True, timeout=900, check=False, cwd=ROOT,
    )  # fmt: skip
    assert build.returncode == 0, build.stderr[-4000:]
    frozen = tmp_path / "dist" / "casebook" / "casebook"
    assert frozen.is_file()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TMPDIR": str(tmp_path)}
    result = subprocess.run(
        [str(frozen), "self-test"], capture_output=True, text=True, timeout=300, env=env,
        check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr[-4000:]
    assert "self-test passed" in result.stdout
    for check in ("import modules", "DICOM decoders", "binder create/fill/reopen", "PDF page",
                  "DICOM thumbnail", "sealed bundle"):  # fmt: skip
        assert f"ok    {check}" in result.stdout
    version = subprocess.run(
        [str(frozen), "--version"], capture_output=True, text=True, check=False
    )
    assert version.stdout.startswith("casebook ")
