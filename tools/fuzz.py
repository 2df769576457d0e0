"""Fuzz Casebook's readers of hostile files and report crashes, hangs and memory blow-ups.

    python tools/fuzz.py                          # 100,000 inputs per family (about an hour)
    python tools/fuzz.py --inputs 300 --json      # the short run `make test` does
    python tools/fuzz.py --family pdf --replay 4711   # run one input again, in this process

Families: the DICOM header reader, the DICOMDIR reader, the PDF and picture paths, the
key-slot parser and the bundle reader (tools/fuzz_targets.py). Input N of a family is a seed
file with a few mutations chosen from N, so every finding can be replayed. Inputs run in a
worker process per family with the isolated worker's memory limit (RLIMIT_AS) and no core
dumps; the parent restarts it after a crash and kills it when one input takes longer than
--hang-seconds. Counted: inputs that crashed the process, hung, ran out of memory, or raised
something other than Casebook's expected errors. For the key-slot parser and the bundle
reader, which run in the main process, every one of those would be a failure of the app;
exit status 1 then.
"""

from __future__ import annotations

import argparse
import json
import os
import selectors
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fuzz_targets import FAMILIES, MAIN_PROCESS, make_seed_folder

TOOLS = Path(__file__).resolve().parent
WORKER = TOOLS / "fuzz_targets.py"
MEMORY_LIMIT_MB = 2048  # casebook.services.isolation.DEFAULT_MEMORY_LIMIT_MB
STARTUP_SECONDS = 120.0


@dataclass
class FamilyTally:
    inputs: int = 0
    ok: int = 0
    unchanged: int = 0  # accepted, but the input was its seed: the mutations changed nothing
    expected: int = 0
    unexpected: int = 0
    crashes: int = 0
    hangs: int = 0
    memory: int = 0
    restarts: int = 0
    seconds: float = 0.0
    findings: list[tuple[int, str, str]] = field(default_factory=list)

    def record(self, index: int, kind: str, detail: str = "") -> None:
        setattr(self, kind, getattr(self, kind) + 1)
        if kind not in ("ok", "unchanged", "expected") and len(self.findings) < 50:
            self.findings.append((index, kind, detail))


class Worker:
    """One worker process for a family, fed input numbers, answering one line per input."""

    def __init__(self, family: str, seeds: Path) -> None:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONDONTWRITEBYTECODE": "1"}
        self.process = subprocess.Popen(
            [sys.executable, str(WORKER), family, str(seeds), str(MEMORY_LIMIT_MB)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            env=env,
        )
        self._selector = selectors.DefaultSelector()
        assert self.process.stdout is not None
        self._selector.register(self.process.stdout, selectors.EVENT_READ)
        if self.read_line(STARTUP_SECONDS) != "ready":
            raise RuntimeError(f"the {family} fuzz worker did not start")

    def send(self, index: int) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(f"{index}\n")
        self.process.stdin.flush()

    def read_line(self, timeout: float) -> str | None:
        """The next line, or None when the worker died or stayed silent for `timeout`."""
        if not self._selector.select(timeout):
            return None
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        return line.strip() if line else None

    def stop(self) -> int | None:
        self.process.kill()
        self.process.wait()
        return self.process.returncode


def fuzz_family(
    family: str, seeds: Path, count: int, start: int, hang_seconds: float
) -> FamilyTally:
    tally = FamilyTally()
    started = time.perf_counter()
    worker = Worker(family, seeds)
    index = start
    end = start + count
    while index < end:
        try:
            worker.send(index)
        except (BrokenPipeError, OSError):
            line = None
        else:
            line = worker.read_line(hang_seconds)
        tally.inputs += 1
        if line is None:
            alive = worker.process.poll() is None
            code = worker.stop()
            if alive:
                tally.record(index, "hangs", f"no answer within {hang_seconds:.0f} s")
            else:
                tally.record(index, "crashes", f"worker died (exit {code})")
            tally.restarts += 1
            worker = Worker(family, seeds)
        else:
            answered, kind, detail = json.loads(line)
            assert answered == index
            tally.record(index, kind, detail)
        index += 1
    worker.stop()
    tally.seconds = time.perf_counter() - started
    return tally


def replay(family: str, index: int, seeds: Path) -> int:
    from fuzz_targets import load_seeds, mutate, target

    data = mutate(load_seeds(seeds, family), index, family)
    print(f"input {index} of {family}: {len(data)} bytes")
    print(repr(target(family, seeds)(data))[:500])
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=int, default=100_000, help="inputs per family")
    parser.add_argument("--start", type=int, default=0, help="first input number")
    parser.add_argument("--family", action="append", choices=FAMILIES)
    parser.add_argument("--hang-seconds", type=float, default=10.0)
    parser.add_argument("--seeds", type=Path, help="reuse a seed folder")
    parser.add_argument("--replay", type=int, help="run this one input in this process")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    families = args.family or list(FAMILIES)
    with tempfile.TemporaryDirectory(prefix="casebook-fuzz-") as temporary:
        seeds = args.seeds or Path(temporary)
        if not any(seeds.glob("*.seed")):
            make_seed_folder(seeds)
        if args.replay is not None:
            return replay(families[0], args.replay, seeds)
        tallies = {
            family: fuzz_family(family, seeds, args.inputs, args.start, args.hang_seconds)
            for family in families
        }
    failed = any(
        t.unexpected + t.crashes + t.hangs + t.memory
        for family, t in tallies.items()
        if family in MAIN_PROCESS
    )
    if args.json:
        print(json.dumps({family: vars(t) for family, t in tallies.items()}, indent=1))
        return 1 if failed else 0
    header = f"{'family':<14}{'inputs':>8}{'ok':>8}{'same':>6}{'refused':>9}{'other':>7}"
    print(f"{header}{'crash':>7}{'hang':>6}{'memory':>8}{'seconds':>9}")
    for family, t in tallies.items():
        counts = f"{t.inputs:>8}{t.ok:>8}{t.unchanged:>6}{t.expected:>9}{t.unexpected:>7}"
        print(f"{family:<14}{counts}{t.crashes:>7}{t.hangs:>6}{t.memory:>8}{t.seconds:>9.0f}")
    for family, t in tallies.items():
        for index, kind, detail in t.findings[:10]:
            print(f"  {family} input {index}: {kind}: {detail}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
