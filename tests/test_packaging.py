"""The PyInstaller one-folder build (installers/build_linux.sh) starts and passes its self-test."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SELF_TEST_CHECKS = (
    "import modules",
    "DICOM decoders",
    "compressed DICOM",
    "binder create/fill/reopen",
    "PDF page",
    "DICOM thumbnail",
    "sealed bundle",
)


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux build is tested here")
def test_frozen_app_passes_its_self_test(tmp_path: Path) -> None:
    build = subprocess.run(
        [str(ROOT / "installers" / "build_linux.sh"), str(tmp_path / "dist"),
         str(tmp_path / "build")],
        capture_output=True, text=True, timeout=900, check=False, cwd=ROOT,
        env={**os.environ, "PYTHON": sys.executable},
    )  # fmt: skip
    assert build.returncode == 0, build.stdout[-2000:] + build.stderr[-4000:]
    app = tmp_path / "dist" / "casebook"
    frozen = app / "casebook"
    assert frozen.is_file()

    # Only the Qt modules the UI uses, and Qt's translations for the languages we ship.
    bindings = {p.name.split(".")[0] for p in (app / "_internal" / "PySide6").glob("Qt*.so")}
    assert bindings == {"QtCore", "QtGui", "QtWidgets", "QtPrintSupport"}
    qt_translations = app / "_internal" / "PySide6" / "Qt" / "translations"
    assert "qtbase_zh_CN.qm" in {p.name for p in qt_translations.iterdir()}
    assert not list(qt_translations.glob("*_de.qm"))

    temp = tmp_path / "tmp"
    temp.mkdir()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TMPDIR": str(temp)}
    result = subprocess.run(
        [str(frozen), "self-test"], capture_output=True, text=True, timeout=300, env=env,
        check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr[-4000:]
    assert result.stdout.splitlines()[-1] == "self-test passed"
    for check in SELF_TEST_CHECKS:
        assert f"ok    {check}: " in result.stdout
    assert list(temp.iterdir()) == []  # the throwaway binder is gone

    version = subprocess.run([str(frozen), "--version"], capture_output=True, text=True)
    assert version.stdout.startswith("casebook ")
    usage = subprocess.run([str(frozen), "--help"], capture_output=True, text=True)
    assert "exit codes:" in usage.stdout

    # The frozen GUI starts (offscreen) on a fresh demo binder and stays up until stopped.
    data = tmp_path / "app data"
    with subprocess.Popen(
        [str(frozen), "--data-dir", str(data), "--demo"], env=env,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    ) as gui:  # fmt: skip
        try:
            deadline = time.monotonic() + 60
            while (
                time.monotonic() < deadline
                and not (data / "demo-binder" / "keyslots.json").exists()
            ):
                assert gui.poll() is None, gui.communicate()[1][-3000:]
                time.sleep(0.5)
            time.sleep(3)
            assert gui.poll() is None, "the frozen GUI exited on its own"
        finally:
            gui.terminate()
            gui.communicate(timeout=30)
    assert (data / "demo-binder" / "binder.db").is_file()
