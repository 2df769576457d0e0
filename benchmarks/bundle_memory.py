"""Peak memory and speed of sealing large bundles, against baselines measured in the same run.

    python benchmarks/bundle_memory.py                      # 256 and 1024 MiB in 8 MiB items
    python benchmarks/bundle_memory.py --mib 256,1024,4096  # a scaling table
    python benchmarks/bundle_memory.py --large-item-mib 4300 --mib 0   # one file over 4 GiB

Each measurement runs in a fresh child process, so its peak RSS (from wait4) is its own:
  plan   - import the bundle layer and build the tree (items are generated, never held): the
           memory baseline
  seal   - the same, then `seal_tree` to one archive: encrypt, write, fsync, read back from
           disk, check, publish
  7zz    - `7zz a -t7z -mhe=on -mx=0 -p…` of the same bytes written to files first (not timed),
           then `7zz t` of that archive
Memory must stay flat however large the bundle: the seal column should not grow with size.
With --large-item-mib, one item larger than 4 GiB is sealed and then tested by `7zz t`
(sizes past 32 bits in the 7z headers). Inputs are pseudo-random bytes, never patient data.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHUNK = 1 << 20
ITEM = 8 << 20  # 8 MiB per item: a multi-frame study or a big scan
PASSWORD = "1234-5678-9012-3456-7890-1234"
_BLOCKS = [random.Random(seed).randbytes(CHUNK) for seed in range(16)]


def _item_bytes(index: int, size: int) -> Iterator[bytes]:
    """Deterministic, incompressible chunks that differ between items and within one."""
    for number in range(-(-size // CHUNK)):
        block = _BLOCKS[(index * 7 + number) % len(_BLOCKS)]
        yield block[: min(CHUNK, size - number * CHUNK)]


def _sizes(total_mib: int, large_mib: int) -> list[int]:
    if large_mib:
        return [large_mib << 20]
    return [ITEM] * max(1, (total_mib << 20) // ITEM)


def _tree(total_mib: int, large_mib: int):  # type: ignore[no-untyped-def]
    sys.path.insert(0, str(ROOT))
    from casebook.bundle.plan import BundlePlan, DocumentItem, Recipient
    from casebook.bundle.tree import build_tree
    from casebook.core.model import Case, RecordKind

    items = []
    for index, size in enumerate(_sizes(total_mib, large_mib)):
        digest = hashlib.sha256()
        for chunk in _item_bytes(index, size):
            digest.update(chunk)
        items.append(
            DocumentItem(
                title=f"Scan {index:04d}",
                slot=RecordKind.IMAGING,
                original_name=f"scan{index}.bin",
                media_type="application/octet-stream",
                size=size,
                sha256=digest.hexdigest(),
                open_chunks=lambda index=index, size=size: _item_bytes(index, size),
            )
        )
    plan = BundlePlan(
        case=Case("Benchmark Patient"),
        recipient=Recipient("Benchmark Hospital"),
        summary_language="en",
        created_on="2025-01-01",
        documents=tuple(items),
    )
    return build_tree(plan)


def _child(mode: str, total_mib: int, large_mib: int, out: Path) -> None:
    tree = _tree(total_mib, large_mib)
    result: dict[str, object] = {"mode": mode}
    if mode == "seal":
        from casebook.bundle.archive import seal_tree

        started, cpu = time.perf_counter(), time.process_time()
        sealed = seal_tree(tree, out, "bench", PASSWORD)
        result["seconds"] = time.perf_counter() - started
        result["cpu"] = time.process_time() - cpu
        result["archive"] = str(sealed.parts[0].path)
    print(json.dumps(result))


def _measure(command: list[str]) -> tuple[float, float, float, str]:
    """(wall seconds, CPU seconds, peak RSS MiB, stdout) of a child, from wait4()."""
    started = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        process = subprocess.Popen(command, stdout=out, stderr=err)
        _pid, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        out.seek(0)
        err.seek(0)
        if os.waitstatus_to_exitcode(status) != 0:
            raise SystemExit(f"{command[:3]} failed:\n{err.read()[-2000:]!r}")
        cpu = usage.ru_utime + usage.ru_stime
        return seconds, cpu, usage.ru_maxrss / 1024, out.read().decode()


def _python(
    mode: str, total_mib: int, large_mib: int, out: Path
) -> tuple[float, dict[str, object]]:
    command = [sys.executable, __file__, "--child", mode, "--mib", str(total_mib),
               "--large-item-mib", str(large_mib), "--out", str(out)]  # fmt: skip
    _wall, _cpu, peak, stdout = _measure(command)
    return peak, json.loads(stdout.strip().splitlines()[-1])


def _seven_zip(total_mib: int, large_mib: int, work: Path) -> tuple[float, float, float]:
    """Seconds of `7zz a` + `7zz t`, their CPU seconds, and the larger peak RSS."""
    seven = shutil.which("7zz") or shutil.which("7z")
    if seven is None:
        raise SystemExit("7-Zip (7zz) is needed for the baseline: apt-get install 7zip")
    source = work / "src"
    source.mkdir()
    for index, size in enumerate(_sizes(total_mib, large_mib)):
        with open(source / f"scan{index}.bin", "wb") as handle:
            for chunk in _item_bytes(index, size):
                handle.write(chunk)
    archive = work / "b.7z"
    add = _measure([seven, "a", "-t7z", "-mhe=on", "-mx=0", f"-p{PASSWORD}", str(archive),
                    str(source)])  # fmt: skip
    test = _measure([seven, "t", f"-p{PASSWORD}", str(archive)])
    shutil.rmtree(source)
    archive.unlink()
    return add[0] + test[0], add[1] + test[1], max(add[2], test[2])


def _row(total_mib: int, large_mib: int, work: Path) -> dict[str, float]:
    out = work / "out"
    out.mkdir()
    plan_rss, _ = _python("plan", total_mib, large_mib, out)
    seal_rss, sealed = _python("seal", total_mib, large_mib, out)
    row = {
        "mib": float(large_mib or total_mib),
        "plan_rss": plan_rss,
        "seal_rss": seal_rss,
        "seal": float(sealed["seconds"]),  # type: ignore[arg-type]
        "seal_cpu": float(sealed["cpu"]),  # type: ignore[arg-type]
    }
    if large_mib:
        seven = shutil.which("7zz") or shutil.which("7z")
        assert seven is not None
        tested = subprocess.run([seven, "t", f"-p{PASSWORD}", str(sealed["archive"])],
                                capture_output=True, text=True, check=False)  # fmt: skip
        row["seven_judged_ok"] = float("Everything is Ok" in tested.stdout)
    shutil.rmtree(out)
    row["seven"], row["seven_cpu"], row["seven_rss"] = _seven_zip(total_mib, large_mib, work)
    return row


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mib", default="256,1024", help="bundle sizes, comma-separated")
    parser.add_argument("--large-item-mib", type=int, default=0)
    parser.add_argument("--child")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    if args.child:
        _child(args.child, int(args.mib), args.large_item_mib, args.out)
        return
    rows = []
    with tempfile.TemporaryDirectory(dir=Path.cwd(), prefix="casebook-bench-") as folder:
        for total in [int(m) for m in args.mib.split(",") if int(m)]:
            work = Path(folder) / str(total)
            work.mkdir()
            rows.append(_row(total, 0, work))
        if args.large_item_mib:
            work = Path(folder) / "large"
            work.mkdir()
            rows.append(_row(0, args.large_item_mib, work))
    print(f"machine: {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f} at the end")
    print("| MiB | seal (s) | 7zz a + 7zz t (s) | seal / 7-Zip | CPU s: seal / 7-Zip | "
          "peak RSS seal / plan-only / 7zz (MiB) |")  # fmt: skip
    print("|---|---|---|---|---|---|")
    for row in rows:
        label = f"{row['mib']:.0f}" + (" (one file)" if "seven_judged_ok" in row else "")
        ratio = row["seal"] / row["seven"]
        print(
            f"| {label} | {row['seal']:.1f} | {row['seven']:.1f} | {ratio:.2f}× | "
            f"{row['seal_cpu']:.1f} / {row['seven_cpu']:.1f} | "
            f"{row['seal_rss']:.0f} / {row['plan_rss']:.0f} / {row['seven_rss']:.0f} |"
        )
        if "seven_judged_ok" in row:
            verdict = "Everything is Ok" if row["seven_judged_ok"] else "FAILED"
            print(f"7zz t of Casebook's archive with one {row['mib']:.0f} MiB file: {verdict}")


if __name__ == "__main__":
    main()
