"""An export killed with SIGKILL before any one of its filesystem steps leaves either nothing, or
a whole published bundle whose password was saved first; the next export into the folder sweeps
what is left (issue 21 items 2 and 3).

Kill points are deterministic: a forked child counts each write, read-back block, fsync,
rename, replace, deletion and the password hand-over, and kills itself before step N: every
step of publishing, every third one of writing and reading back. `CASEBOOK_TORTURE=1` kills
before every step, for more shapes of bundle.
"""

from __future__ import annotations

import json
import os
import re
import signal
import sys
from pathlib import Path

import pytest

from casebook.bundle.archive import seal_tree
from casebook.bundle.errors import BundleInvalid, BundleProblem, BundleWriteFailed
from casebook.bundle.verify import verify_bundle

from . import seal_child

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="fork and SIGKILL are POSIX")

TORTURE = bool(os.environ.get("CASEBOOK_TORTURE"))
VOLUME_SIZES = [0, 1, 2] if TORTURE else [0, 1]
FILES = 7
FINAL = re.compile(r"^bundle\.7z(\.\d{3})?$")


def _run(out: Path, kill_at: int, volume_mb: int) -> tuple[int, list[str]]:
    """(wait status, steps) of a forked child sealing into `out`."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        code = 1
        try:
            os.close(read_end)
            steps = seal_child.seal_until_killed(out, kill_at, volume_mb)
            os.write(write_end, json.dumps(steps).encode())
            code = 0
        finally:
            os._exit(code)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        data = pipe.read()
    _, status = os.waitpid(pid, 0)
    return status, json.loads(data) if data else []


def _check_after_kill(out: Path, parts_expected: int) -> None:
    names = {path.name for path in out.iterdir()}
    finals = sorted(name for name in names if FINAL.match(name))
    interrupted = any(name.endswith(".publishing") for name in names)
    password_file = out / seal_child.PASSWORD_FILE
    first = out / ("bundle.7z" if parts_expected == 1 else "bundle.7z.001")
    if finals and not interrupted:
        # Published: whole, and its password is where the export said it would be.
        assert len(finals) == parts_expected, names
        password = password_file.read_text(encoding="utf-8").strip()
        assert verify_bundle(first, password).file_count == FILES
        return
    if interrupted and first.exists():
        with pytest.raises(BundleInvalid) as raised:
            verify_bundle(first, "irrelevant")
        assert raised.value.problem is BundleProblem.INTERRUPTED
    # The next export into the folder recognises the leftovers and sweeps them.
    password = "4821-0937-5561-2093-8874-1205"
    sealed = seal_tree(seal_child._tree(), out, "bundle", password, volume_size_mb=None)
    assert verify_bundle(sealed.parts[0].path, password).file_count == FILES
    left = {path.name for path in out.iterdir()} - {seal_child.PASSWORD_FILE}
    assert left == {"bundle.7z"}, left


@pytest.mark.parametrize("volume_mb", VOLUME_SIZES)
def test_a_kill_before_any_step_leaves_a_whole_bundle_with_its_password_or_nothing(
    tmp_path: Path, volume_mb: int
) -> None:
    (tmp_path / "count").mkdir()
    status, steps = _run(tmp_path / "count", 0, volume_mb)
    assert os.waitstatus_to_exitcode(status) == 0
    parts_expected = len([n for n in os.listdir(tmp_path / "count") if FINAL.match(n)])
    assert "password" in steps
    assert steps.index("password") < steps.index("rename")
    publishing = steps.index("password") + 1
    # Every step from the password hand-over on; every third one before (all when torturing).
    points = [n for n in range(1, len(steps) + 1) if TORTURE or n >= publishing or n % 3 == 1]
    for kill_at in points:
        out = tmp_path / f"kill{kill_at:03d}"
        out.mkdir()
        status, _ = _run(out, kill_at, volume_mb)
        assert os.WIFSIGNALED(status), kill_at
        assert os.WTERMSIG(status) == signal.SIGKILL, kill_at
        try:
            _check_after_kill(out, parts_expected)
        except (AssertionError, BundleInvalid, BundleWriteFailed) as error:
            raise AssertionError(f"killed before step {kill_at} ({steps[kill_at - 1]})") from error
