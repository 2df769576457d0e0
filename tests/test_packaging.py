"""The PyInstaller one-folder build and the Debian package made from it, as users get them.

The build (installers/build_linux.sh, about a minute) is made once per test session and shared:
the frozen app passes its self-test and starts its GUI offscreen on a demo binder (through
installers/smoke_test.py, the same script the CI workflow runs on Windows and macOS); the .deb
(installers/linux/make_deb.sh) installs with apt-get, runs from /usr/bin, and is removed leaving
nothing under /usr or /opt. Installing a .deb needs root: CI runs as root; a developer who is not
sees the test skipped with the reason.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from casebook import __version__

ROOT = Path(__file__).resolve().parents[1]
RUNNING_IN_CI = os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}
SELF_TEST_CHECKS = (
    "resources",
    "import modules",
    "DICOM decoders",
    "compressed DICOM",
    "binder create/fill/reopen",
    "PDF page",
    "DICOM thumbnail",
    "sealed bundle",
)
LINUX_ONLY = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="the Linux build is tested here"
)
pytestmark = [pytest.mark.slow, LINUX_ONLY]


@pytest.fixture(scope="session")
def frozen_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """dist/ holding the one-folder app `casebook/`, built once for the whole session."""
    work = tmp_path_factory.mktemp("pyinstaller")
    build = subprocess.run(
        [str(ROOT / "installers" / "build_linux.sh"), str(work / "dist"), str(work / "build")],
        capture_output=True, text=True, timeout=1200, check=False, cwd=ROOT,
        env={**os.environ, "PYTHON": sys.executable, "SKIP_SELF_TEST": "1"},  # smoke test below
    )  # fmt: skip
    assert build.returncode == 0, build.stdout[-2000:] + build.stderr[-4000:]
    return work / "dist"


def _smoke(executable: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "installers" / "smoke_test.py"), str(executable)],
        capture_output=True, text=True, timeout=900, check=False,
    )  # fmt: skip


def test_frozen_app_holds_only_what_it_needs(frozen_build: Path) -> None:
    app = frozen_build / "casebook"
    assert (app / "casebook").is_file()
    # Only the Qt modules the UI uses (QtMultimedia records and plays consultations), and Qt's
    # translations for the languages we ship.
    bindings = {p.name.split(".")[0] for p in (app / "_internal" / "PySide6").glob("Qt*.so")}
    assert bindings == {"QtCore", "QtGui", "QtWidgets", "QtPrintSupport", "QtMultimedia"}
    qt_translations = app / "_internal" / "PySide6" / "Qt" / "translations"
    assert "qtbase_zh_CN.qm" in {p.name for p in qt_translations.iterdir()}
    assert not list(qt_translations.glob("*_de.qm"))
    # Resources where a wheel puts them too: beside the code, found the same way.
    resources = app / "_internal" / "casebook" / "_resources"
    assert (resources / "translations" / "casebook_zh_CN.qm").is_file()
    assert not (app / "_internal" / "resources").exists()


def test_frozen_app_passes_its_self_test_and_starts_its_gui(frozen_build: Path) -> None:
    frozen = frozen_build / "casebook" / "casebook"
    result = _smoke(frozen)
    assert result.returncode == 0, result.stdout + result.stderr[-4000:]
    for check in SELF_TEST_CHECKS:
        assert f"ok    {check}: " in result.stdout
    assert "ok    GUI: started offscreen on the demo binder" in result.stdout
    assert result.stdout.rstrip().endswith("smoke test passed")
    version = subprocess.run([str(frozen), "--version"], capture_output=True, text=True)
    assert version.stdout.strip() == f"casebook {__version__}"
    usage = subprocess.run([str(frozen), "--help"], capture_output=True, text=True)
    assert "exit codes:" in usage.stdout
    assert "72" in usage.stdout


def _files_under(*tops: str) -> set[str]:
    """Every file and link below `tops` (os.walk: a tenth of the time of Path.rglob on /usr)."""
    return {
        os.path.join(folder, name)
        for top in tops
        for folder, folders, files in os.walk(top)
        for name in files + [f for f in folders if os.path.islink(os.path.join(folder, f))]
    }


def _owner(path: str) -> str | None:
    found = subprocess.run(["dpkg", "-S", path], capture_output=True, text=True)
    return found.stdout.split(":", 1)[0] if found.returncode == 0 else None


# Wait for another apt or dpkg (another engineer, unattended upgrades) instead of failing.
APT_WAIT = ("-o", "DPkg::Lock::Timeout=300")
# dpkg's triggers (desktop-file-utils, hicolor-icon-theme) may refresh these caches.
TRIGGER_CACHES = ("/usr/share/applications/mimeinfo.cache", "icon-theme.cache")


def test_deb_installs_runs_and_removes_cleanly(
    frozen_build: Path, tmp_path: Path, require_tool: Callable[..., Path]
) -> None:
    require_tool("dpkg-deb")
    apt_get = require_tool("apt-get")
    if os.geteuid() != 0:
        reason = "installing a .deb needs root (CI runs as root)"
        if RUNNING_IN_CI:
            pytest.fail(reason, pytrace=False)
        pytest.skip(reason)
    assert not Path("/opt/casebook").exists(), "a Casebook package is installed already"
    built = subprocess.run(
        [str(ROOT / "installers" / "linux" / "make_deb.sh"), str(frozen_build), str(tmp_path)],
        capture_output=True, text=True, timeout=900, check=False,
        env={**os.environ, "DEB_COMPRESSION": "zstd", "DEB_LEVEL": "1"},
    )  # fmt: skip
    assert built.returncode == 0, built.stderr
    [deb] = tmp_path.glob("casebook_*.deb")
    assert deb.name == f"casebook_{__version__}_{_dpkg_architecture()}.deb"
    fields = subprocess.run(["dpkg-deb", "--field", str(deb)], capture_output=True, text=True,
                            check=True).stdout  # fmt: skip
    assert "Package: casebook" in fields
    assert "libxcb-cursor0" in fields
    contents = subprocess.run(["dpkg-deb", "--contents", str(deb)], capture_output=True,
                              text=True, check=True).stdout  # fmt: skip
    for path in ("./usr/bin/casebook", "./opt/casebook/casebook",
                 "./usr/share/applications/org.casebook.Casebook.desktop",
                 "./usr/share/metainfo/org.casebook.Casebook.metainfo.xml",
                 "./usr/share/icons/hicolor/256x256/apps/org.casebook.Casebook.png",
                 "./usr/share/doc/casebook/copyright"):  # fmt: skip
        assert path in contents, path
    assert all(" root/root " in line for line in contents.splitlines())

    before = _files_under("/usr", "/opt")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    installed = subprocess.run(
        [str(apt_get), *APT_WAIT, "install", "-y", "-q", str(deb)],
        env=env, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    try:
        assert installed.returncode == 0, installed.stdout[-2000:] + installed.stderr
        owned = subprocess.run(["dpkg", "-L", "casebook"], capture_output=True, text=True,
                               check=True).stdout.split()  # fmt: skip
        assert "/opt/casebook/casebook" in owned
        smoke = _smoke(Path("/usr/bin/casebook"))
        assert smoke.returncode == 0, smoke.stdout + smoke.stderr[-4000:]
        assert "smoke test passed" in smoke.stdout
    finally:
        removed = subprocess.run(
            [str(apt_get), *APT_WAIT, "remove", "--purge", "-y", "-q", "casebook"],
            env=env, capture_output=True, text=True, timeout=600,
        )  # fmt: skip
    assert removed.returncode == 0, removed.stderr
    assert not Path("/opt/casebook").exists()
    assert not Path("/usr/bin/casebook").exists()
    left = [path for path in owned if Path(path).is_file()]
    assert left == []
    new = sorted(_files_under("/usr", "/opt") - before)
    unexplained = [
        p for p in new if not p.endswith(TRIGGER_CACHES) and _owner(p) in (None, "casebook")
    ]
    assert unexplained == [], "left behind under /usr or /opt"


def _dpkg_architecture() -> str:
    return subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True,
                          check=True).stdout.strip()  # fmt: skip
