"""One data folder: with `--data-dir` (or CASEBOOK_DATA_DIR, which a frozen app started from a
shortcut or a USB stick uses) everything Casebook writes outside binders stays in that folder:
its settings, Qt's own settings, the demo binder. The user's home and XDG folders stay empty.

The app and the command line run in child processes whose HOME, XDG folders (and Windows'
APPDATA) point into an empty temporary "home"; afterwards nothing may have appeared there.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from casebook.app.paths import DATA_DIR_VARIABLE

DRIVER = Path(__file__).with_name("data_folder_driver.py")
REPOSITORY = Path(__file__).resolve().parents[2]


def _fake_home(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    home = tmp_path / "home"
    places = {
        "HOME": home,
        "USERPROFILE": home,
        "XDG_CONFIG_HOME": home / ".config",
        "XDG_DATA_HOME": home / ".local" / "share",
        "XDG_CACHE_HOME": home / ".cache",
        "XDG_STATE_HOME": home / ".local" / "state",
        "APPDATA": home / "AppData" / "Roaming",
        "LOCALAPPDATA": home / "AppData" / "Local",
    }
    home.mkdir()
    environment = {name: str(path) for name, path in places.items()}
    temp = tmp_path / "temp"  # documents opened in other programs go to the temporary folder
    temp.mkdir()
    environment |= {"TMPDIR": str(temp), "QT_QPA_PLATFORM": "offscreen"}
    environment.pop(DATA_DIR_VARIABLE, None)
    return home, environment


def _written(folder: Path) -> list[str]:
    return sorted(str(path.relative_to(folder)) for path in folder.rglob("*"))


def _environment(extra: dict[str, str]) -> dict[str, str]:
    base = {k: v for k, v in os.environ.items() if k != DATA_DIR_VARIABLE}
    return base | extra


@dataclass
class AppRun:
    """One run of the app through its driver: how it ended, its fake home, its data folder."""

    returncode: int
    errors: str
    home: Path
    data: Path


@pytest.fixture(scope="module")
def app_runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, AppRun]:
    """The app with `--data-dir`, with CASEBOOK_DATA_DIR (the frozen app's way: its shortcut
    sets it), and with neither (the control), side by side, each with a fake home of its own."""
    started: dict[str, tuple[subprocess.Popen[str], Path, Path]] = {}
    for how in ("flag", "variable", "none"):
        root = tmp_path_factory.mktemp(f"app-{how}")
        home, extra = _fake_home(root)
        data = root / "Casebook data"
        arguments = ["--demo"]
        if how == "flag":
            arguments = ["--data-dir", str(data), *arguments]
        elif how == "variable":
            extra[DATA_DIR_VARIABLE] = str(data)
        process = subprocess.Popen(
            [sys.executable, str(DRIVER), *arguments],
            cwd=REPOSITORY,
            env=_environment(extra),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        started[how] = (process, home, data)
    runs: dict[str, AppRun] = {}
    try:
        for how, (process, home, data) in started.items():
            _out, errors = process.communicate(timeout=300)
            runs[how] = AppRun(process.returncode, errors, home, data)
    finally:
        for process, _home, _data in started.values():
            if process.poll() is None:
                process.kill()
                process.wait()
    return runs


@pytest.mark.slow
@pytest.mark.parametrize("how", ["flag", "variable"])
def test_the_app_writes_only_inside_its_data_folder(app_runs: dict[str, AppRun], how: str) -> None:
    run = app_runs[how]
    assert run.returncode == 0, run.errors[-3000:]
    assert "Traceback" not in run.errors
    assert _written(run.home) == []
    made = _written(run.data)
    assert "config/settings.ini" in made  # the preferences were saved, here
    assert "config/QtProject.conf" in made  # and Qt's own settings (its file dialog's)
    assert "demo-binder/binder.db" in made
    settings = (run.data / "config" / "settings.ini").read_text(encoding="utf-8")
    assert "demo-binder" in settings  # the binder opened is remembered in the data folder


@pytest.mark.slow
@pytest.mark.skipif(sys.platform != "linux", reason="the control knows the XDG folders only")
def test_without_a_data_folder_the_app_writes_in_the_home_folders(
    app_runs: dict[str, AppRun],
) -> None:
    """The control: the same run without one writes into the (fake) home, so the tests above
    would see a file that escaped their data folder."""
    run = app_runs["none"]
    assert run.returncode == 0, run.errors[-3000:]
    made = _written(run.home)
    assert ".config/Casebook/settings.ini" in made
    assert ".local/share/Casebook/demo-binder/binder.db" in made


@pytest.mark.slow
def test_the_command_line_writes_only_inside_its_data_folder(tmp_path: Path) -> None:
    home, extra = _fake_home(tmp_path)
    data = tmp_path / "Casebook data"
    binder = tmp_path / "binders" / "Demo"
    password = "maple lantern 31 river\n"
    for arguments in (["demo", str(binder)], ["list", str(binder)], ["check", str(binder)]):
        done = subprocess.run(
            [sys.executable, "-m", "casebook", "--data-dir", str(data), *arguments],
            cwd=REPOSITORY,
            env=_environment(extra),
            input=password * 2,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert done.returncode == 0, (arguments, done.stderr[-3000:])
    assert _written(home) == []
