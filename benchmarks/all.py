"""Every Casebook benchmark, one after the other: what `make bench` runs (issue 15).

    python benchmarks/all.py            # the full figures (an hour or more on 2 cores)
    python benchmarks/all.py --quick    # a smoke run of every script (a few minutes)

Each script prints its figures next to a baseline measured in the same run, in fresh child
processes; this only runs them in turn and stops at the first that fails.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

# (script, full arguments, quick arguments), one per row of the README's figures table.
SCRIPTS: tuple[tuple[str, list[str], list[str]], ...] = (
    ("startup.py", [], ["--quick"]),
    ("big_binder.py", [], ["--quick"]),
    ("gui_stalls.py", [], ["--quick"]),
    ("page_switch.py", [], ["--quick"]),
    ("import_pipeline.py", [], ["--slices", "100", "--no-scaling", "--repeat", "1"]),
    ("export.py", ["--scaling", "100,400,1000,4000"], ["--slices", "100", "--documents", "50"]),
    ("bundle_memory.py", ["--mib", "256,1024"], ["--mib", "64"]),
    ("run.py", [], ["--quick"]),
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a smoke run of every script")
    parser.add_argument("--only", help="comma-separated script names to run")
    args = parser.parse_args(argv)
    wanted = set(args.only.split(",")) if args.only else None
    for script, full, quick in SCRIPTS:
        if wanted is not None and script not in wanted:
            continue
        command = [sys.executable, str(HERE / script), *(quick if args.quick else full)]
        print(f"\n=== {' '.join([script, *command[2:]])}", flush=True)
        if subprocess.run(command, check=False).returncode != 0:
            print(f"{script} failed", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
