"""Installer files: the Linux menu entry and AppStream metadata validate, the tarball installs.

The tarball script is run on a small stand-in for the one-folder build (the real build is tested
in test_packaging.py and takes minutes); what is checked here is the packing and installing.
"""

from __future__ import annotations

import os
import stat
import subprocess
import tarfile
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

from casebook import __version__

ROOT = Path(__file__).resolve().parents[1]
APP_ID = "org.casebook.Casebook"
DESKTOP = ROOT / "resources" / "linux" / f"{APP_ID}.desktop"
METAINFO = ROOT / "resources" / "linux" / f"{APP_ID}.metainfo.xml"
ICONS = ROOT / "resources" / "icons"


def test_desktop_file_passes_desktop_file_validate(require_tool: Callable[..., Path]) -> None:
    validator = require_tool("desktop-file-validate")
    result = subprocess.run(
        [str(validator), str(DESKTOP)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == ""  # not even a hint


def test_metainfo_is_well_formed_and_matches_the_desktop_file() -> None:
    component = ET.parse(METAINFO).getroot()  # noqa: S314 - our own file, not untrusted input
    assert component.tag == "component"
    assert component.get("type") == "desktop-application"
    assert component.findtext("id") == APP_ID
    assert component.findtext("launchable") == DESKTOP.name
    releases = [release.get("version") for release in component.iter("release")]
    assert releases[0] == __version__
    assert f"Icon={APP_ID}" in DESKTOP.read_text(encoding="utf-8").splitlines()


def test_metainfo_passes_appstreamcli(require_tool: Callable[..., Path]) -> None:
    appstreamcli = require_tool("appstreamcli")
    result = subprocess.run(
        [str(appstreamcli), "validate", "--no-net", str(METAINFO)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_icons_exist_in_every_size_the_installer_copies() -> None:
    install = (ROOT / "installers" / "linux" / "install.sh").read_text(encoding="utf-8")
    sizes = install.split("sizes=(", 1)[1].split(")", 1)[0].split()
    for size in sizes:
        png = ICONS / f"casebook-{size}.png"
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        width = int.from_bytes(png.read_bytes()[16:20], "big")
        assert width == int(size)
    assert (ICONS / "casebook.svg").read_text(encoding="utf-8").lstrip().startswith("<?xml")


def _stand_in_build(dist: Path) -> None:
    """A one-folder 'build' with an executable that answers like the frozen app's self-test."""
    app = dist / "casebook"
    (app / "_internal").mkdir(parents=True)
    (app / "_internal" / "library.txt").write_text("stand-in\n", encoding="utf-8")
    executable = app / "casebook"
    executable.write_text('#!/bin/sh\necho "self-test ok"\n', encoding="utf-8")
    executable.chmod(executable.stat().st_mode | stat.S_IXUSR)


def test_tarball_packs_the_build_and_installs_into_a_prefix(
    tmp_path: Path, require_tool: Callable[..., Path]
) -> None:
    dist = tmp_path / "dist"
    _stand_in_build(dist)
    packed = subprocess.run(
        [str(ROOT / "installers" / "linux" / "make_tarball.sh"), str(dist), str(tmp_path / "out")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert packed.returncode == 0, packed.stderr
    arch = os.uname().machine
    tarball = tmp_path / "out" / f"casebook-{__version__}-linux-{arch}.tar.gz"
    assert tarball.is_file()
    top = f"casebook-{__version__}"
    with tarfile.open(tarball) as archive:
        members = {member.name: member for member in archive.getmembers()}
        assert all(name == top or name.startswith(f"{top}/") for name in members)
        assert members[f"{top}/casebook/casebook"].mode & stat.S_IXUSR
        assert members[f"{top}/install.sh"].mode & stat.S_IXUSR
        assert {member.uid for member in members.values()} == {0}
        archive.extractall(tmp_path / "unpacked", filter="data")

    prefix = tmp_path / "prefix"
    installer = tmp_path / "unpacked" / top / "install.sh"
    installed = subprocess.run(
        [str(installer), "--prefix", str(prefix)], capture_output=True, text=True, check=False
    )
    assert installed.returncode == 0, installed.stderr
    ran = subprocess.run(
        [str(prefix / "bin" / "casebook")], capture_output=True, text=True, check=True
    )
    assert ran.stdout.strip() == "self-test ok"
    entry = prefix / "share" / "applications" / f"{APP_ID}.desktop"
    assert f"Exec={prefix}/bin/casebook" in entry.read_text(encoding="utf-8").splitlines()
    validator = require_tool("desktop-file-validate")
    checked = subprocess.run([str(validator), str(entry)], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stdout
    assert (prefix / "share" / "icons" / "hicolor" / "48x48" / "apps" / f"{APP_ID}.png").is_file()
    assert (prefix / "share" / "metainfo" / f"{APP_ID}.metainfo.xml").is_file()

    removed = subprocess.run(
        [str(installer), "--uninstall", "--prefix", str(prefix)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert removed.returncode == 0, removed.stderr
    assert not (prefix / "bin" / "casebook").exists()
    assert not entry.exists()
    assert not (prefix / "lib" / "casebook").exists()


def test_windows_and_macos_scripts_name_the_same_version_and_files() -> None:
    iss = (ROOT / "installers" / "windows" / "casebook.iss").read_text(encoding="utf-8")
    assert f'#define AppVersion "{__version__}"' in iss
    for needed in ("resources\\icons\\casebook.ico", "dist\\casebook\\*", "LICENSE"):
        assert needed in iss
    assert (ICONS / "casebook.ico").read_bytes()[:4] == b"\x00\x00\x01\x00"
    assert (ICONS / "casebook.icns").read_bytes()[:4] == b"icns"
    for readme in ("windows", "macos"):
        text = (ROOT / "installers" / readme / "README.md").read_text(encoding="utf-8")
        assert "**Not built or run here.**" in text
