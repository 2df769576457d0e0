"""Benchmark: what the safety measures of issue 21 cost, each next to its baseline.

    python benchmarks/key_memory.py [--mib 256] [--commits 400]

1. Import throughput of one pseudo-random file with SQLCipher's `cipher_memory_security` ON
   (every allocation SQLite frees is overwritten) versus OFF, in fresh child processes.
2. The generation counter: small write transactions per second through `database.transaction`
   (which bumps the counter) versus the same INSERT in a bare BEGIN/COMMIT, same connection.
3. Recording the generation in keyslots.json (HKDF + HMAC + an atomic, fsynced file write)
   versus one committed write transaction (what it piggybacks on).
4. Re-encryption (`sqlcipher_export` into a verified copy) versus a backup (`VACUUM INTO` and
   its check) of the same binder.

The inputs are generated in a temporary folder that is deleted afterwards; no patient data.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PASSWORD = "benchmark horse battery staple"

_IMPORT_CHILD = """
import sys, time
from pathlib import Path
import casebook.store.database as database
from casebook.core.model import Case
from casebook.core.progress import NEVER_CANCELLED, ignore_progress
from casebook.services.binder.session import create_binder
from casebook.services.records.importing import import_paths
from casebook.store.keyslots import KdfParams

database.MEMORY_SECURITY = sys.argv[4] == "on"
work, source = Path(sys.argv[1]), Path(sys.argv[2])
created = create_binder(work, sys.argv[3], Case("Benchmark"), KdfParams.minimum())
started = time.perf_counter()
with created.session as session:
    import_paths(session, [source], None, ignore_progress, NEVER_CANCELLED)
print(f"{time.perf_counter() - started:.3f}")
"""


def _import_seconds(work: Path, source: Path, security: str) -> float:
    result = subprocess.run(
        [sys.executable, "-c", _IMPORT_CHILD, str(work), str(source), PASSWORD, security],
        capture_output=True,
        text=True,
        check=True,
    )
    return float(result.stdout.strip())


def _commit_rates(folder: Path, commits: int) -> tuple[float, float]:
    from casebook.core.model import Case
    from casebook.services.binder.session import create_binder
    from casebook.store.database import transaction
    from casebook.store.keyslots import KdfParams

    created = create_binder(folder, PASSWORD, Case("Benchmark"), KdfParams.minimum())
    with created.session as session:
        db = session.database()
        db.execute("CREATE TABLE bench (id INTEGER PRIMARY KEY, text TEXT)")
        # Alternating rounds, so that warm-up and other jobs on the machine hit both alike.
        bare_s = counted_s = 0.0
        rounds = 8
        for _round in range(rounds):
            started = time.perf_counter()
            for index in range(commits // rounds):
                db.conn.execute("BEGIN IMMEDIATE")
                db.execute("INSERT INTO bench(text) VALUES (?)", [f"note {index}"])
                db.conn.execute("COMMIT")
            bare_s += time.perf_counter() - started
            started = time.perf_counter()
            for index in range(commits // rounds):
                with transaction(db):
                    db.execute("INSERT INTO bench(text) VALUES (?)", [f"note {index}"])
            counted_s += time.perf_counter() - started
        bare = commits / bare_s
        counted = commits / counted_s
        started = time.perf_counter()
        for _ in range(50):
            session.record_generation()
        record_ms = (time.perf_counter() - started) / 50 * 1000
    print(f"  one committed write transaction:       {1000 / counted:6.2f} ms")
    print(f"  recording the generation in keyslots:  {record_ms:6.2f} ms")
    return bare, counted


def _rekey_vs_backup(folder: Path, source: Path) -> tuple[float, float]:
    from casebook.core.model import Case
    from casebook.core.progress import NEVER_CANCELLED, ignore_progress
    from casebook.services.binder import maintenance
    from casebook.services.binder.rekeying import rekey_binder
    from casebook.services.binder.session import create_binder
    from casebook.services.records.importing import import_paths
    from casebook.store.keyslots import KdfParams

    fast = KdfParams.minimum()
    created = create_binder(folder / "binder", PASSWORD, Case("Benchmark"), fast)
    with created.session as session:
        import_paths(session, [source], None, ignore_progress, NEVER_CANCELLED)
        started = time.perf_counter()
        maintenance.backup_binder(session, folder / "backups", ignore_progress, NEVER_CANCELLED)
        backup = time.perf_counter() - started
    started = time.perf_counter()
    rekeyed = rekey_binder(
        folder / "binder", PASSWORD, PASSWORD, ignore_progress, NEVER_CANCELLED, fast
    )
    rekey = time.perf_counter() - started
    rekeyed.session.close()
    return rekey, backup


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mib", type=int, default=256, help="size of the imported file")
    parser.add_argument("--commits", type=int, default=400, help="small write transactions")
    parser.add_argument("--repeat", type=int, default=3, help="imports per setting")
    parser.add_argument("--workdir", type=Path, default=None)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=args.workdir) as temporary:
        work = Path(temporary)
        source = work / "input.bin"
        with open(source, "wb") as handle:
            for _ in range(args.mib):
                handle.write(os.urandom(1024 * 1024))
        size_mb = args.mib * 1024 * 1024 / 1e6
        print(f"1. cipher_memory_security, importing {args.mib} MiB ({args.repeat} runs each):")
        times: dict[str, list[float]] = {"off": [], "on": []}
        for run in range(args.repeat):  # alternating, so machine load hits both alike
            for mode in ("off", "on"):
                times[mode].append(_import_seconds(work / f"{mode}{run}", source, mode))
        off, on = statistics.median(times["off"]), statistics.median(times["on"])
        print(f"  OFF (baseline): {size_mb / off:6.1f} MB/s (median)")
        print(f"  ON:             {size_mb / on:6.1f} MB/s (median; {on / off:.2f}x the time)")
        print(f"2. generation counter, {args.commits} small write transactions:")
        bare, counted = _commit_rates(work / "commits", args.commits)
        print(f"  bare BEGIN/INSERT/COMMIT (baseline): {bare:7.1f} commits/s")
        print(f"  with the generation bump:            {counted:7.1f} commits/s")
        print("3. re-encryption of the same binder:")
        rekey, backup = _rekey_vs_backup(work / "rekey", source)
        print(f"  backup, VACUUM INTO + check (baseline): {backup:6.2f} s")
        print(f"  re-encryption + check:                  {rekey:6.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
