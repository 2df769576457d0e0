"""Check a built Casebook the way a first user would start it, on any operating system.

    python installers/smoke_test.py PATH/TO/casebook[.exe] [--seconds 5]

1. `casebook self-test` must pass: every module imports, the decoders work, a throwaway binder
   is made, filled and reopened, a PDF and a DICOM image render in the isolated worker, and a
   bundle is sealed and verified (in a temporary folder that must be empty afterwards).
2. The GUI starts on the offscreen platform on a fresh demo binder (`--demo`, in a temporary
   data folder with a Chinese name and a space) and reports the demo binder's unlock screen up
   with its event loop running (and is still running `--seconds` later, when asked).

Standard library only, so it runs beside a frozen build with no virtual environment (the CI
workflow runs it on Linux, Windows and macOS; tests/test_packaging.py runs it here). Exits 0
when both pass and prints what it saw otherwise.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SELF_TEST_TIMEOUT = 600
GUI_START_TIMEOUT = 120


def _environment(temp: Path) -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.update(TMPDIR=str(temp), TEMP=str(temp), TMP=str(temp))
    return env


def check_self_test(executable: Path, work: Path) -> list[str]:
    """Problems found by `casebook self-test` (none when it passed and cleaned up)."""
    temp = work / "tmp"
    temp.mkdir()
    result = subprocess.run(
        [str(executable), "self-test"],
        capture_output=True, text=True, encoding="utf-8", errors="replace",
        timeout=SELF_TEST_TIMEOUT, env=_environment(temp), check=False,
    )  # fmt: skip
    print(result.stdout, end="")
    problems = []
    if result.returncode != 0 or not result.stdout.rstrip().endswith("self-test passed"):
        problems.append(f"self-test failed (exit {result.returncode}):\n{result.stderr[-3000:]}")
    if any(temp.iterdir()):
        problems.append(f"self-test left files behind: {sorted(p.name for p in temp.iterdir())}")
    return problems


def check_gui_starts(executable: Path, work: Path, seconds: float) -> list[str]:
    """Problems found starting the GUI offscreen on a demo binder (none when its window is up).

    The app writes the name of the screen it shows to $CASEBOOK_READY_FILE once its window is
    up and its event loop runs (a file, not standard output: a windowed Windows build has none):
    the demo binder's unlock screen is expected there. `seconds` more must pass without it
    exiting, when asked for.
    """
    data = work / "数据 folder"
    temp = work / "gui tmp"
    temp.mkdir()
    ready = work / "ready"
    env = dict(_environment(temp), CASEBOOK_READY_FILE=str(ready))
    with subprocess.Popen(
        [str(executable), "--data-dir", str(data), "--demo"],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    ) as gui:  # fmt: skip
        try:
            deadline = time.monotonic() + GUI_START_TIMEOUT
            while not ready.exists():
                if gui.poll() is not None:
                    return [f"the GUI exited (code {gui.returncode}) before its window was up"]
                if time.monotonic() > deadline:
                    return [f"no window after {GUI_START_TIMEOUT} s"]
                time.sleep(0.05)
            shown = ready.read_text(encoding="utf-8").strip()
            if shown != "unlock_page":
                return [f"the GUI showed {shown!r}, not the demo binder's unlock screen"]
            if seconds > 0:
                time.sleep(seconds)
            if gui.poll() is not None:
                return [f"the GUI exited on its own (code {gui.returncode})"]
        finally:
            if gui.poll() is None:
                gui.terminate()
            _out, err = gui.communicate(timeout=60)
            if err.strip():
                print(err.decode("utf-8", "replace")[-3000:], file=sys.stderr)
    if not (data / "demo-binder" / "binder.db").is_file():
        return ["the demo binder has no database"]
    print("ok    GUI: started offscreen on the demo binder, its unlock screen up")
    return []


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("executable", type=Path, help="the built casebook (or casebook.exe)")
    parser.add_argument(
        "--seconds", type=float, default=0.0, help="how long the GUI must keep running once up"
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="casebook smoke ") as folder:
        work = Path(folder)
        problems = check_self_test(args.executable, work)
        problems += check_gui_starts(args.executable, work, args.seconds)
    for problem in problems:
        print(f"FAIL  {problem}", file=sys.stderr)
    print("smoke test passed" if not problems else "smoke test FAILED")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
