"""The CI workflow for Linux, Windows and macOS passes actionlint, and does what issue 12 asks.

The workflow cannot run here (no Windows, no Mac, no GitHub), so it is checked in three ways:
actionlint (with shellcheck for its shell steps) finds mistakes in the file itself; the scripts
it calls are the ones tested here (installers/smoke_test.py in test_packaging.py, the tarball
and .deb scripts in test_installers.py and test_packaging.py); and the steps issue 12 names are
present for each system.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
WORKFLOW = ROOT / ".github" / "workflows" / "build.yml"
Tool = Callable[..., Path]


@pytest.fixture
def actionlint(require_tool: Tool) -> Path:
    """actionlint from the dev extras (beside this Python), else from PATH."""
    beside = Path(sys.executable).parent / (
        "actionlint.exe" if sys.platform == "win32" else "actionlint"
    )
    return beside if beside.is_file() else require_tool("actionlint")


def _lint(actionlint: Path, workflow: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(actionlint), "-no-color", str(workflow)],
        capture_output=True, text=True, cwd=ROOT, check=False, timeout=120,
    )  # fmt: skip


def test_the_workflow_passes_actionlint_and_shellcheck(
    actionlint: Path, require_tool: Tool
) -> None:
    require_tool("shellcheck")  # actionlint checks the `run:` scripts with it when it is there
    result = _lint(actionlint, WORKFLOW)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ""


def test_actionlint_would_catch_a_mistake(actionlint: Path, tmp_path: Path) -> None:
    broken = tmp_path / ".github" / "workflows" / "build.yml"
    broken.parent.mkdir(parents=True)
    text = WORKFLOW.read_text(encoding="utf-8")
    broken.write_text(text.replace("runs-on: ${{ matrix.os }}", "runs-on: ${{ matrix.oss }}", 1))
    result = _lint(actionlint, broken)
    assert result.returncode == 1
    assert "matrix.oss" in result.stdout


def test_each_system_builds_checks_and_keeps_its_installer() -> None:
    text = WORKFLOW.read_text(encoding="utf-8")
    assert "os: [ubuntu-24.04, windows-2022, macos-14]" in text
    for needed in (
        "QT_QPA_PLATFORM: offscreen",
        "-m pytest",
        "installers/casebook.spec",
        "installers/smoke_test.py",  # frozen self-test + GUI on the demo binder
        "installers/linux/make_tarball.sh",
        "installers/linux/make_deb.sh",
        "apt-get install -y -q ./dist/installers/casebook_*.deb",
        "installers\\windows\\casebook.iss",
        "installers/macos/make_dmg.sh",
        "actions/upload-artifact@",
    ):
        assert needed in text, needed


def test_the_shell_scripts_pass_shellcheck(require_tool: Tool) -> None:
    shellcheck = require_tool("shellcheck")
    scripts = [
        ROOT / ".ci" / "run",
        ROOT / "installers" / "build_linux.sh",
        *sorted((ROOT / "installers").glob("*/*.sh")),
    ]
    assert len(scripts) >= 6
    result = subprocess.run([str(shellcheck), *map(str, scripts)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout
