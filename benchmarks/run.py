"""Casebook benchmarks: each figure is printed next to a baseline measured in the same run.

    python benchmarks/run.py            # 2 GiB import (needs ~5 GiB free in the work folder)
    python benchmarks/run.py --quick    # 200 MiB smoke run

Figures:
  (a) peak RSS of a child process importing one large file into a binder, against a child that
      only unlocks the same binder and reads it (goal, issue 15: import peak RSS ≤ 150 MB);
  (b) import throughput, against plain hashlib.sha256 of the same file (and a plain copy);
  (c) unlock time with the calibrated Argon2id parameters, against KdfParams.minimum().

The input is pseudo-random bytes generated in a temporary folder (never patient data) and
deleted afterwards with the binders. Measurements that touch the binder run in fresh child
processes so that each peak RSS belongs to one job only.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

MIB = 1024 * 1024
PASSWORD = "benchmark horse battery staple"
CHUNK = 4 * MIB
RSS_GOAL_MB = 150.0


# ---------------------------------------------------------------- child side (one job each)


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def _high_water_mb() -> float:
    """Peak RSS since the last reset_high_water() (VmHWM), in MiB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return _peak_rss_mb()


def _reset_high_water() -> None:
    """Start a new peak-RSS window (Linux ≥ 4.0: writing 5 to clear_refs resets VmHWM)."""
    Path("/proc/self/clear_refs").write_text("5")


def _child_open(folder: Path, _file: Path) -> dict[str, Any]:
    """Baseline for (a): the same imports and unlock as the import child, but no import."""
    from casebook.services.binder.session import unlock_binder
    from casebook.services.records import importing  # noqa: F401 - same modules loaded as the import child
    from casebook.services.records.documents import list_documents

    with unlock_binder(folder, PASSWORD) as session:
        count = len(list_documents(session))
    return {"documents": count}


def _child_import(folder: Path, file: Path) -> dict[str, Any]:
    from casebook.core.progress import NEVER_CANCELLED, ignore_progress
    from casebook.services.binder.session import unlock_binder
    from casebook.services.records.importing import import_paths

    with unlock_binder(folder, PASSWORD) as session:
        session.database()
        _reset_high_water()  # Argon2id's memory at unlock is not the import's
        started = time.perf_counter()
        summary = import_paths(session, [file], None, ignore_progress, NEVER_CANCELLED)
        seconds = time.perf_counter() - started
        import_phase_mb = _high_water_mb()
    if len(summary.added) != 1:
        raise SystemExit(f"import did not add the file: {summary}")
    added = summary.added[0]
    return {
        "seconds": seconds,
        "size": added.size,
        "sha256": added.content_sha256,
        "import_phase_rss_mb": import_phase_mb,
    }


def _child_hash(_folder: Path, file: Path) -> dict[str, Any]:
    digest = hashlib.sha256()
    started = time.perf_counter()
    with open(file, "rb") as stream:
        while chunk := stream.read(1 * MIB):
            digest.update(chunk)
    return {"seconds": time.perf_counter() - started, "sha256": digest.hexdigest()}


def _child_copy(folder: Path, file: Path) -> dict[str, Any]:
    target = folder.parent / "plain-copy.bin"
    started = time.perf_counter()
    with open(file, "rb") as source, open(target, "wb") as sink:
        shutil.copyfileobj(source, sink, 1 * MIB)
        sink.flush()
        os.fsync(sink.fileno())
    seconds = time.perf_counter() - started
    target.unlink()
    return {"seconds": seconds}


CHILD_JOBS: dict[str, Callable[[Path, Path], dict[str, Any]]] = {
    "open": _child_open,
    "import": _child_import,
    "hash": _child_hash,
    "copy": _child_copy,
}


def run_child(job: str, folder: Path, file: Path) -> None:
    result = CHILD_JOBS[job](folder, file)
    result["peak_rss_mb"] = _peak_rss_mb()
    print(json.dumps(result))


# ---------------------------------------------------------------- parent side


def in_child(job: str, folder: Path, file: Path) -> dict[str, Any]:
    """Run one job in a fresh interpreter and return what it measured."""
    command = [sys.executable, __file__, "--child", job, str(folder), str(file)]
    completed = subprocess.run(command, capture_output=True, text=True, check=False)
    if completed.returncode != 0:
        raise SystemExit(f"benchmark child '{job}' failed:\n{completed.stderr}")
    result: dict[str, Any] = json.loads(completed.stdout.strip().splitlines()[-1])
    return result


def write_random_file(path: Path, size: int, seed: int = 20240202) -> None:
    """Pseudo-random (incompressible, non-patient) bytes, written chunk by chunk."""
    generator = random.Random(seed)
    with open(path, "wb") as sink:
        remaining = size
        while remaining > 0:
            block = min(CHUNK, remaining)
            sink.write(generator.randbytes(block))
            remaining -= block
        sink.flush()
        os.fsync(sink.fileno())


def make_binder(folder: Path, kdf: Any) -> None:
    from casebook.core.model import Case
    from casebook.services.binder.session import create_binder

    created = create_binder(folder, PASSWORD, Case(patient_name="Benchmark Only"), kdf=kdf)
    created.session.close()


def time_unlocks(folder: Path, repeats: int) -> float:
    from casebook.services.binder.session import unlock_binder

    timings = []
    for _ in range(repeats):
        started = time.perf_counter()
        session = unlock_binder(folder, PASSWORD)
        timings.append(time.perf_counter() - started)
        session.close()
    return statistics.median(timings)


@dataclass
class Row:
    figure: str
    measured: str
    baseline: str
    note: str = ""


def print_table(rows: list[Row]) -> None:
    headers = Row("figure", "measured", "baseline (same run)", "")
    widths = [max(len(getattr(r, f)) for r in [headers, *rows]) for f in ("figure", "measured")]
    for row in [headers, *rows]:
        line = f"{row.figure:<{widths[0]}}  {row.measured:>{widths[1]}}   {row.baseline}"
        print(line + (f"   [{row.note}]" if row.note else ""))


def benchmark(size_mib: int, workdir: Path | None, unlock_repeats: int) -> int:
    from casebook.store.keyslots import KdfParams, calibrate_kdf

    size = size_mib * MIB
    scratch = Path(tempfile.mkdtemp(prefix="casebook-bench-", dir=workdir))
    try:
        free = shutil.disk_usage(scratch).free
        if free < 2.6 * size:
            raise SystemExit(f"need ~{2.6 * size / MIB:.0f} MiB free in {scratch}")
        print(f"Casebook benchmarks: {size_mib} MiB file, Python {platform.python_version()},")
        print(f"{os.cpu_count()} CPUs, scratch folder {scratch} (deleted afterwards)\n")

        source = scratch / "random.bin"
        print(f"· writing {size_mib} MiB of pseudo-random bytes …", flush=True)
        write_random_file(source, size)

        binder = scratch / "rss-binder"
        make_binder(binder, KdfParams.minimum())
        print("· baseline children: unlock only, sha256, plain copy …", flush=True)
        opened = in_child("open", binder, source)
        hashed = in_child("hash", binder, source)
        copied = in_child("copy", binder, source)
        print("· importing into the binder in a child process …", flush=True)
        imported = in_child("import", binder, source)
        if imported["sha256"] != hashed["sha256"] or imported["size"] != size:
            raise SystemExit("the imported document does not match the file")

        print("· calibrating Argon2id and timing unlocks …\n", flush=True)
        calibrated = calibrate_kdf()
        calibrated_binder = scratch / "calibrated-binder"
        minimum_binder = scratch / "minimum-binder"
        make_binder(calibrated_binder, calibrated)
        make_binder(minimum_binder, KdfParams.minimum())
        unlock_calibrated = time_unlocks(calibrated_binder, unlock_repeats)
        unlock_minimum = time_unlocks(minimum_binder, unlock_repeats)

        mb = size / 1e6
        import_rate = mb / imported["seconds"]
        minimum = KdfParams.minimum()
        rss = imported["peak_rss_mb"]
        goal_met = rss * MIB / 1e6 <= RSS_GOAL_MB
        rows = [
            Row(
                f"(a) peak RSS, import {size_mib} MiB file",
                f"{rss:.0f} MiB",
                f"{opened['peak_rss_mb']:.0f} MiB: child that only unlocks and reads the binder",
                f"goal ≤ {RSS_GOAL_MB:.0f} MB: {'met' if goal_met else 'MISSED'}",
            ),
            Row(
                "    peak RSS during the import step alone",
                f"{imported['import_phase_rss_mb']:.0f} MiB",
                "(same child, peak reset after unlock, so Argon2id's memory is not counted)",
            ),
            Row(
                "(b) import throughput",
                f"{import_rate:.0f} MB/s",
                f"{mb / hashed['seconds']:.0f} MB/s: hashlib.sha256 of the same file",
                f"{imported['seconds']:.1f} s for {mb:.0f} MB",
            ),
            Row(
                "",
                "",
                f"{mb / copied['seconds']:.0f} MB/s: plain copy of the file with fsync",
            ),
            Row(
                "(c) unlock time, calibrated Argon2id",
                f"{unlock_calibrated:.2f} s",
                f"{unlock_minimum:.2f} s: KdfParams.minimum() "
                f"(m={minimum.memory_kib // 1024} MiB, t={minimum.iterations}, "
                f"p={minimum.parallelism})",
                f"calibrated m={calibrated.memory_kib // 1024} MiB, t={calibrated.iterations}, "
                f"p={calibrated.parallelism}; median of {unlock_repeats}",
            ),
        ]
        print_table(rows)
        return 0 if goal_met else 1
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smoke run with a 200 MiB file")
    parser.add_argument("--size-mib", type=int, help="size of the imported file (default 2048)")
    parser.add_argument("--workdir", type=Path, help="where the scratch folder goes (default TMP)")
    parser.add_argument("--unlock-repeats", type=int, default=3)
    parser.add_argument(
        "--child", nargs=3, metavar=("JOB", "FOLDER", "FILE"), help=argparse.SUPPRESS
    )
    arguments = parser.parse_args(argv)
    if arguments.child:
        job, folder, file = arguments.child
        run_child(job, Path(folder), Path(file))
        return 0
    size_mib = arguments.size_mib or (200 if arguments.quick else 2048)
    return benchmark(size_mib, arguments.workdir, arguments.unlock_repeats)


if __name__ == "__main__":
    sys.exit(main())
