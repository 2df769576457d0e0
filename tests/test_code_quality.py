"""The code-quality gates run as part of the suite, so `make test` alone says whether a change is
ready: ruff (lint and format), mypy --strict and the import-linter layer contracts, all configured
in pyproject.toml. Each failure shows the tool's own output.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent  # the tools come from the same virtual environment

GATES = {
    "ruff check": ["ruff", "check", "--no-cache", "--output-format=concise", "."],
    "ruff format": ["ruff", "format", "--check", "--no-cache", "."],
    "mypy --strict": ["mypy"],
    "import contracts": ["lint-imports", "--no-cache"],
}


@pytest.mark.slow
@pytest.mark.parametrize("gate", list(GATES))
def test_gate_passes(gate: str) -> None:
    program, *arguments = GATES[gate]
    executable = BIN / program
    assert executable.exists(), f"{program} is missing: run `make test` to install '.[dev]'"
    result = subprocess.run(
        [str(executable), *arguments],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    if result.returncode != 0:
        output = (result.stdout + result.stderr).strip()
        pytest.fail(f"{gate} failed (exit {result.returncode}):\n{output}", pytrace=False)


def test_ui_tests_set_up_the_binder_through_services() -> None:
    """A UI test that writes SQL tests a binder no user can make, and breaks with the schema."""
    raw = re.compile(r"\.database\(\)|\.execute\(\s*[\"'](INSERT|UPDATE|DELETE|SELECT)", re.I)
    offenders = [
        f"{path.relative_to(REPO)}:{number}"
        for path in sorted((REPO / "tests" / "ui").rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if raw.search(line)
    ]
    assert offenders == []
