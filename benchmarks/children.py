"""What the benchmark scripts share: fresh child processes, the code they run, medians, tables.

Every figure is measured in a fresh child process. `--code DIR` (in each script) runs the
children against another checkout of Casebook — e.g. `git archive` of the commit before a
change, unpacked with its built `.qm` — so "before" and "after" come from one run on one
machine; by default they run this checkout.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve().parent
PASSWORD = "bench horse battery staple 42"
PYCACHE = Path(tempfile.gettempdir()) / "casebook-bench-pycache"


def child_env(code: Path | None, **extra: str) -> dict[str, str]:
    """The environment of a child: the offscreen Qt platform unless a display is set, and the
    chosen checkout first on the import path (before the editable install's finder)."""
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    # An installed Casebook runs from compiled bytecode (wheels and the frozen build carry it):
    # cache it outside the checkout, even where the shell asks Python not to write any.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(PYCACHE)
    if code is not None:
        env["PYTHONPATH"] = os.pathsep.join([str(code), *filter(None, [env.get("PYTHONPATH", "")])])
        # `python -c` and `-m` put the working folder (this checkout) first on the import
        # path, before $PYTHONPATH: without this, the children would run this code instead.
        env["PYTHONSAFEPATH"] = "1"
    env.update(extra)
    return env


def run_python(
    code: Path | None, args: Sequence[str | Path], *, stdin: str | None = None, timeout: int = 3600
) -> str:
    """Run `python ARGS` in a fresh child; its standard output (it must succeed)."""
    command = [sys.executable, *map(str, args)]
    done = subprocess.run(
        command,
        input=stdin,
        capture_output=True,
        text=True,
        check=False,
        env=child_env(code),
        timeout=timeout,
    )
    if done.returncode != 0:
        what = " ".join(command[1:3])
        raise SystemExit(f"child {what} failed ({done.returncode}):\n{done.stderr}")
    return done.stdout


def run_json(code: Path | None, args: Sequence[str | Path], **kwargs: Any) -> dict[str, Any]:
    """Run a child that prints one JSON object on its last line."""
    out = run_python(code, args, **kwargs)
    return dict(json.loads(out.strip().splitlines()[-1]))


def driver(code: Path | None, *args: str | Path, timeout: int = 600) -> dict[str, Any]:
    """Run one scenario of `gui_driver.py` in a fresh child."""
    return run_json(code, [HERE / "gui_driver.py", *args], timeout=timeout)


def time_until_ready(command: Sequence[str | Path], ready: Path, env: dict[str, str]) -> float:
    """Seconds from starting `command` until it writes `ready`; the process is then stopped."""
    ready.unlink(missing_ok=True)
    started = time.perf_counter()
    with subprocess.Popen(
        [str(part) for part in command],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    ) as process:
        while not ready.exists():
            if process.poll() is not None:
                raise SystemExit(f"{command} ended before it was ready:\n{process.stderr.read()}")
            time.sleep(0.001)
        seconds = time.perf_counter() - started
        process.terminate()
        process.communicate(timeout=60)
    return seconds


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def load_average() -> str:
    try:
        return ", ".join(f"{value:.1f}" for value in os.getloadavg())
    except OSError:
        return "?"


def script_arguments(doc: str | None, quick: str) -> argparse.ArgumentParser:
    """The options the GUI and start-up scripts share: `--quick` (what it makes smaller is
    `quick`), `--code` (another checkout for the children) and `--json` (the figures, too)."""
    parser = argparse.ArgumentParser(description=(doc or "").splitlines()[0])
    parser.add_argument("--quick", action="store_true", help=quick)
    parser.add_argument("--code", type=Path, help="run the children against this checkout")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    return parser


def titled(title: str, code: Path | None) -> str:
    """A script's heading, naming the checkout its children ran when not this one."""
    return title + (f" (code: {code})" if code else "")


def keep_figures(path: Path | None, figures: Any) -> None:
    """Write the figures as JSON where `--json` asked for them (nowhere without it)."""
    if path is not None:
        path.write_text(json.dumps(figures, indent=2, default=str))


def header(title: str) -> None:
    print(f"\n{title}\n  ({os.cpu_count()} CPUs, load average {load_average()})", flush=True)


def row(label: str, figure: str, baseline: str, ratio: str, goal: str) -> None:
    print(f"  {label:<46} {figure:>10}   {baseline:<44} {ratio:>8}   goal {goal}", flush=True)
