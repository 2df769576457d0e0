"""The standing crash and I/O-fault tests of issue 21, reduced to about a minute each.

They run tools/torture.py exactly as it is run for the full counts (>= 1,000 kill points, >= 20
fill levels per workload; figures in the README), on fewer points: SIGKILL at counted file
operations during import, export, backup, change-password, rekey, an exchange between two
members' copies and note autosave; a disk that fills after N bytes (every write fails with
ENOSPC from then on); and, as root, a real size-limited tmpfs left with a chosen amount of
free space.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

RUNNING_IN_CI = os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}
TORTURE = Path(__file__).resolve().parents[2] / "tools" / "torture.py"
# The exchange fills a disk too (tools/torture.py does it by default); left out here to keep
# this test's time: its kill points stay.
FAULT_SCENARIOS = ("import", "export", "backup", "rekey")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform != "linux", reason="LD_PRELOAD fault injection is Linux-only"),
]


def _torture(*args: str) -> dict[str, Any]:
    if shutil.which("cc") is None:  # builds tools/fault_inject.c; .ci/run installs gcc
        reason = "outside tool not installed: cc (.ci/run installs gcc)"
        if RUNNING_IN_CI:
            pytest.fail(reason, pytrace=False)
        pytest.skip(reason)
    result = subprocess.run(
        [
            sys.executable,
            str(TORTURE),
            "--json",
            "--big-mib",
            "0",
            *args,
        ],
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert result.returncode in (0, 1), result.stderr[-3000:]
    summary: dict[str, Any] = json.loads(result.stdout)
    return summary


def _violations(summary: dict[str, Any], *, item: str | None) -> list[dict[str, str]]:
    found = [
        violation
        for modes in summary["results"].values()
        for tally in modes.values()
        for violation in tally["violations"]
    ]
    # Findings for other items of issue 21 (e.g. bundle publishing, 2 and 3) are reported by
    # the tool and in the README; these tests hold the rules this work keeps.
    return [v for v in found if (item is None and not v["item"]) or v["item"] == item]


def _is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


@pytest.fixture(scope="module")
def torture_run() -> dict[str, Any]:
    """One run of the tool for all three tests: each workload is prepared and counted once."""
    real_disk = ["--tmpfs", "2"] if _is_root() else []
    fill = [f"--fill={scenario}" for scenario in FAULT_SCENARIOS]
    return _torture("--points", "8", "--disk-full", "3", *real_disk, *fill)


def test_kill_9_at_counted_points_keeps_every_binder_whole(torture_run: dict[str, Any]) -> None:
    """Opens with exactly one password, checks, loses nothing acknowledged, shows nothing
    half-done, and every backup under a final name opens and checks."""
    assert _violations(torture_run, item=None) == []
    results = torture_run["results"]
    assert set(results) == {
        "import",
        "export",
        "backup",
        "change-password",
        "rekey",
        "exchange",
        "autosave",
    }
    killed = sum(modes["kill"]["killed"] for modes in results.values())
    assert killed >= 10, "the kill points must land inside the workloads"


def test_a_disk_that_fills_up_loses_nothing_and_says_so(torture_run: dict[str, Any]) -> None:
    """A byte budget per workload: writes fail with ENOSPC once it is spent."""
    assert _violations(torture_run, item=None) == []
    for scenario in FAULT_SCENARIOS:
        tally = torture_run["results"][scenario]["disk-full"]
        assert tally["runs"] == 3
        assert tally["disk_full"] >= 2, f"{scenario}: the full disk must be met and reported"


def test_a_really_full_disk_loses_nothing_and_says_so(torture_run: dict[str, Any]) -> None:
    """A size-limited tmpfs, pre-filled to leave little or no space."""
    if not _is_root():
        reason = "mounting a size-limited tmpfs needs root (CI runs as root)"
        if RUNNING_IN_CI:
            pytest.fail(reason, pytrace=False)
        pytest.skip(reason)
    assert _violations(torture_run, item=None) == []
    full = sum(torture_run["results"][s]["tmpfs"]["disk_full"] for s in FAULT_SCENARIOS)
    assert full >= 4
