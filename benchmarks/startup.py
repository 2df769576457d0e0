"""Start-up and unlock, each figure next to its baseline from the same run (issue 15).

    python benchmarks/startup.py                # 5 launches of each, 3 unlocks
    python benchmarks/startup.py --quick        # 2 and 1
    python benchmarks/startup.py --code /tmp/casebook-before   # the same, for older code

launch      `python -m casebook --data-dir FRESH` until the app writes $CASEBOOK_READY_FILE
            (its first window is up and its event loop runs), against a minimal PySide6
            window that writes its ready file the same way (`gui_driver.py minimal-window`);
            launches of the two alternate, median of each. Goal ≤ 1.5×. Each is launched
            again for its CPU time (user + system) until ready, which the load of other
            jobs on the machine moves far less than the wall-clock figure.
unlock      the real main window on the unlock screen of a demo binder (a fictional patient:
            three documents, a CT series, timeline, questions, opinions) protected by the
            Argon2id parameters calibrated on this machine; after the password has been typed
            (`--typing`, default 2 s, the time a person takes), Enter is pressed and the clock
            runs until the workspace is up with the Overview's data painted. Baseline: the
            calibrated key derivation alone, timed in another fresh child. Goal: KDF + ≤ 0.3 s.

Qt runs on the offscreen platform unless $DISPLAY (or $QT_QPA_PLATFORM) says otherwise; both
sides of each comparison run on the same one.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from children import (
    HERE,
    PASSWORD,
    child_env,
    driver,
    header,
    median,
    row,
    run_json,
    script_arguments,
    time_until_ready,
    titled,
)

_MAKE_DEMO = """
import json, sys
from pathlib import Path
from casebook.services.demo import create_demo
from casebook.store.keyslots import calibrate_kdf
params = calibrate_kdf()
created = create_demo(Path(sys.argv[1]), params, password=sys.argv[2])
created.session.close()
print(json.dumps({"memory_kib": params.memory_kib, "iterations": params.iterations,
                  "parallelism": params.parallelism}))
"""

_TIME_KDF = """
import json, sys, time
from pathlib import Path
from casebook.store.binder_folder import BinderFolder
from casebook.store.keyslots import PASSWORD_SLOT, unwrap_master_key
slots = BinderFolder(Path(sys.argv[1])).read_keyslots()
started = time.perf_counter()
unwrap_master_key(slots.slot_of_type(PASSWORD_SLOT), slots.binder_id, sys.argv[2])
print(json.dumps({"kdf_s": time.perf_counter() - started}))
"""


def make_demo_binder(code: Path | None, folder: Path) -> dict[str, Any]:
    """A demo binder (fictional patient) with the KDF calibrated on this machine."""
    return run_json(code, ["-c", _MAKE_DEMO, folder, PASSWORD])


def time_kdf(code: Path | None, binder: Path) -> float:
    return float(run_json(code, ["-c", _TIME_KDF, binder, PASSWORD])["kdf_s"])


def cpu_until_ready(command: list[str | Path], ready: Path, env: dict[str, str]) -> float:
    """CPU seconds (user + system) the child used until it wrote `ready` and was stopped:
    what the launch costs the machine, which the load of other jobs moves far less than
    the wall-clock time (a slight overcount: the child runs on until it is stopped)."""
    ready.unlink(missing_ok=True)
    process = subprocess.Popen(
        [str(part) for part in command], env=env, stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    while not ready.exists():
        if process.poll() is not None:
            raise SystemExit(f"{command} ended before it was ready")
        time.sleep(0.001)
    process.terminate()
    _pid, _status, usage = os.wait4(process.pid, 0)
    process.returncode = 0  # reaped here
    return float(usage.ru_utime + usage.ru_stime)


def measure_launch(code: Path | None, work: Path, repeats: int) -> dict[str, Any]:
    ready = work / "ready"
    env = child_env(code, CASEBOOK_READY_FILE=str(ready))
    app, minimal, app_cpu, minimal_cpu = [], [], [], []
    for attempt in range(-1, repeats):  # -1: a warm-up of each (bytecode, page cache), not kept
        data_dir = work / f"data-{attempt}"
        casebook: list[str | Path] = [sys.executable, "-m", "casebook", "--data-dir", data_dir]
        bare: list[str | Path] = [sys.executable, HERE / "gui_driver.py", "minimal-window", ready]
        casebook_s = time_until_ready(casebook, ready, env)
        minimal_s = time_until_ready(bare, ready, env)
        casebook[-1] = work / f"data-cpu-{attempt}"
        casebook_cpu = cpu_until_ready(casebook, ready, env)
        minimal_cpu_s = cpu_until_ready(bare, ready, env)
        if attempt >= 0:
            app.append(casebook_s)
            minimal.append(minimal_s)
            app_cpu.append(casebook_cpu)
            minimal_cpu.append(minimal_cpu_s)
    return {
        "casebook_s": app,
        "minimal_s": minimal,
        "casebook_cpu_s": app_cpu,
        "minimal_cpu_s": minimal_cpu,
    }


def measure_unlock(
    code: Path | None, binder: Path, work: Path, repeats: int, typing: float
) -> dict[str, Any]:
    runs, kdf = [], []
    for attempt in range(repeats):
        kdf.append(time_kdf(code, binder))
        runs.append(
            driver(code, "unlock", binder, PASSWORD, work / f"u{attempt}", "--typing", str(typing))
        )
    return {"runs": runs, "kdf_s": kdf}


def report(launch: dict[str, Any], unlock: dict[str, Any], kdf_params: dict[str, Any]) -> None:
    casebook, minimal = median(launch["casebook_s"]), median(launch["minimal_s"])
    row("figure", "measured", "baseline (same run)", "ratio", "")
    row(
        "launch to first window (median)",
        f"{casebook:.2f} s",
        f"minimal PySide6 window {minimal:.2f} s",
        f"×{casebook / minimal:.2f}",
        "≤ ×1.5",
    )
    if "casebook_cpu_s" in launch:
        cpu, bare_cpu = median(launch["casebook_cpu_s"]), median(launch["minimal_cpu_s"])
        row(
            "  CPU time of the launch (median)",
            f"{cpu:.2f} s",
            f"minimal PySide6 window {bare_cpu:.2f} s",
            f"×{cpu / bare_cpu:.2f}",
            "",
        )
    shown = median([run["enter_to_overview_s"] for run in unlock["runs"]])
    kdf = median(unlock["kdf_s"])
    stall = max(run["stall_during_unlock_s"] for run in unlock["runs"])
    row(
        "unlock: Enter to workspace + Overview painted",
        f"{shown:.2f} s",
        f"calibrated KDF alone {kdf:.2f} s",
        f"+{shown - kdf:.2f} s",
        "KDF + ≤ 0.3 s",
    )
    row("  longest event-loop stall meanwhile", f"{stall * 1000:.0f} ms", "", "", "≤ 50 ms")
    for number, run in enumerate(unlock["runs"], start=1):
        late = sorted(run.get("late_during_unlock", []), key=lambda item: -item[1])
        if late:
            gaps = ", ".join(f"{gap * 1000:.0f} ms at {at:.2f} s" for at, gap in late[:3])
            print(f"    unlock {number}: gaps over 30 ms after Enter: {gaps}")
    print(
        f"  (Argon2id m={kdf_params['memory_kib'] // 1024} MiB, t={kdf_params['iterations']},"
        f" p={kdf_params['parallelism']}; launches: casebook "
        + ", ".join(f"{s:.2f}" for s in launch["casebook_s"])
        + " s, minimal "
        + ", ".join(f"{s:.2f}" for s in launch["minimal_s"])
        + " s; unlocks "
        + ", ".join(f"{run['enter_to_overview_s']:.2f}" for run in unlock["runs"])
        + " s)"
    )


def main(argv: list[str] | None = None) -> int:
    parser = script_arguments(__doc__, "fewer repeats (a smoke run)")
    parser.add_argument("--repeats", type=int, help="launches of each (default 5; quick 2)")
    parser.add_argument("--unlocks", type=int, help="unlocks (default 3; quick 1)")
    parser.add_argument("--typing", type=float, default=2.0, help="seconds before Enter")
    args = parser.parse_args(argv)
    repeats = args.repeats or (2 if args.quick else 5)
    unlocks = args.unlocks or (1 if args.quick else 3)
    header(titled("Start-up and unlock", args.code))
    with tempfile.TemporaryDirectory(prefix="casebook-bench-startup-") as temp:
        work = Path(temp)
        binder = work / "demo-binder"
        kdf_params = make_demo_binder(args.code, binder)
        launch = measure_launch(args.code, work, repeats)
        unlock = measure_unlock(args.code, binder, work, unlocks, args.typing)
    report(launch, unlock, kdf_params)
    if args.json:
        args.json.write_text(json.dumps({"launch": launch, "unlock": unlock}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
