"""Casebook installed from its wheel, into a fresh virtual environment outside the checkout, works.

This is the path of `pip install casebook-*.whl`, `pip install .` and `pipx install`: the sdist
and the wheel are built from a copy of the source (as `python -m build` does: the wheel is
built from the sdist), the wheel is installed with its dependencies into a new venv in a
temporary folder, and from a folder that is not the checkout the installed `casebook` passes
its `self-test` and makes a small real export that `verify` accepts. Before issue 12 the wheel
carried no `resources/`: the self-test failed 5 of 7 checks and an export reported a missing
font as a missing binder.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest
from data_paths import DEMO_DOCUMENTS, ROOT, lung_slices

from casebook import __version__
from casebook.resources import REQUIRED_RESOURCES

PASSWORD = "a long wheel password 7"
SHOW_ROOT = "import casebook.resources as r; print(r.resources_root())"
SKIPPED = {".venv", ".git", "build", "dist", ".mypy_cache", ".ruff_cache", ".pytest_cache"}


def _source_copy(target: Path) -> Path:
    """The files a clone has (plus the built .qm when there is one), without caches or venvs."""
    git = shutil.which("git")
    if git and (ROOT / ".git").exists():
        listed = subprocess.run(
            [git, "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            cwd=ROOT, capture_output=True, check=True,
        ).stdout.decode("utf-8").split("\0")  # fmt: skip
        names = [name for name in listed if name and (ROOT / name).is_file()]
    else:
        names = [
            p.relative_to(ROOT).as_posix()
            for p in ROOT.rglob("*")
            if p.is_file() and not (SKIPPED & set(p.relative_to(ROOT).parts))
        ]
    for name in names:
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, target / name)
    return target


def _run(*args: object, cwd: Path, env: dict[str, str], timeout: float = 300) -> str:
    result = subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True,
        timeout=timeout, check=False,
    )  # fmt: skip
    assert result.returncode == 0, f"{args[:3]}…\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return result.stdout


@pytest.mark.slow
def test_the_wheel_installed_in_a_fresh_venv_works(tmp_path: Path) -> None:
    # PYTHONDONTWRITEBYTECODE (CI sets it) is left out: pip installs without compiling the
    # thousands of modules of the dependencies (a third of its time), and the commands below
    # compile only what they import, once, instead of in each of them.
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME", "PYTHONDONTWRITEBYTECODE")
    }
    env.update(QT_QPA_PLATFORM="offscreen", PIP_DISABLE_PIP_VERSION_CHECK="1", PIP_NO_INPUT="1")
    source = _source_copy(tmp_path / "source")
    dist = tmp_path / "dist"
    # The backend from the dev extras (setuptools, as [build-system] asks), not a fresh
    # isolated environment per build: the same files, a minute less.
    _run(sys.executable, "-m", "build", "--no-isolation", "--outdir", dist, source,
         cwd=tmp_path, env=env)  # fmt: skip
    [sdist] = dist.glob("casebook-*.tar.gz")
    [wheel] = dist.glob("casebook-*.whl")

    with tarfile.open(sdist) as archive:
        in_sdist = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    assert {"setup.py", "pyproject.toml", "resources/fonts/DejaVuSans.ttf"} <= in_sdist
    with zipfile.ZipFile(wheel) as archive:
        in_wheel = set(archive.namelist())
    for relative in REQUIRED_RESOURCES:
        assert any(name.startswith(f"casebook/_resources/{relative}") for name in in_wheel)
    assert not any(name.startswith(("resources/", "tests/")) for name in in_wheel)

    venv = tmp_path / "fresh venv"
    # A venv without its own pip (ensurepip alone takes seconds): this pip installs into it.
    _run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=tmp_path, env=env)
    bin_dir = venv / ("Scripts" if os.name == "nt" else "bin")
    _run(sys.executable, "-m", "pip", "--python", bin_dir / "python", "install", "--quiet",
         "--no-compile", wheel, cwd=tmp_path, env=env, timeout=600)  # fmt: skip
    casebook = bin_dir / "casebook"
    elsewhere = tmp_path / "somewhere else"
    elsewhere.mkdir()

    where = _run(bin_dir / "python", "-c", SHOW_ROOT,
                 cwd=elsewhere, env=env)  # fmt: skip
    assert Path(where.strip()).is_relative_to(venv)

    report = _run(casebook, "self-test", cwd=elsewhere, env=env, timeout=600)
    assert report.rstrip().endswith("self-test passed")
    assert f"ok    resources: all found in {venv}" in report

    data = ["--data-dir", tmp_path / "app data"]
    binder = tmp_path / "binder"
    secret = {"input": PASSWORD + "\n"}
    for command in (
        ["new", binder, "--name", "Wheel Test"],
        [
            "import",
            binder,
            DEMO_DOCUMENTS / "pathology-report.pdf",
            *lung_slices(2),
            "--accept-other-patient",
        ],
    ):
        result = subprocess.run(
            [casebook, *data, *command], cwd=elsewhere, env=env, text=True,
            capture_output=True, timeout=300, check=False, **secret,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
    password_file = tmp_path / "bundle password.txt"
    exported = subprocess.run(
        [casebook, *data, "export", binder, "--out", tmp_path / "out", "--password-out",
         password_file, "--summary-language", "en+zh", "--json"],
        cwd=elsewhere, env=env, text=True, capture_output=True, timeout=300, check=False, **secret,
    )  # fmt: skip
    assert exported.returncode == 0, exported.stderr
    [part] = json.loads(exported.stdout)["parts"]
    verified = _run(casebook, "verify", part["file"], "--password-file", password_file,
                    cwd=elsewhere, env=env)  # fmt: skip
    assert "The bundle is intact" in verified
    version = _run(casebook, "--version", cwd=elsewhere, env=env)
    assert version.strip() == f"casebook {__version__}"
