"""Peak memory and speed of sealing a large bundle, against baselines measured in the same run.

    python benchmarks/bundle_memory.py            # ~1 GiB of DICOM-sized items
    python benchmarks/bundle_memory.py --mib 2048 # the issue's 2 GB case

Each measurement runs in a fresh child process so its peak RSS (ru_maxrss) is its own:
  baseline  - import the bundle layer and build the plan (items are generated, not held)
  seal      - seal_bundle to one archive (write, fsync, read back and decrypt, rename)
  7z        - `7z a -t7z -mhe=on -mx=0` of the same bytes from files (time only)
Inputs are pseudo-random bytes produced on the fly from a seed (never patient data); the
7z baseline writes them to a temporary folder first and deletes it afterwards.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

CHUNK = 1 << 20
ITEM = 8 << 20  # 8 MiB per item: a multi-frame study or a big scan


def _item_bytes(seed: int, size: int) -> Iterator[bytes]:
    generator = random.Random(seed)
    left = size
    while left > 0:
        count = min(CHUNK, left)
        yield generator.randbytes(count)
        left -= count


def _plan(total_mib: int):  # type: ignore[no-untyped-def]
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from casebook.bundle.plan import BundlePlan, DocumentItem, Recipient
    from casebook.core.model import Case, SlotKind

    items = []
    for index in range(max(1, (total_mib << 20) // ITEM)):
        digest = hashlib.sha256()
        for chunk in _item_bytes(index, ITEM):
            digest.update(chunk)
        items.append(
            DocumentItem(
                title=f"Scan {index:04d}",
                slot=SlotKind.IMAGING,
                original_name=f"scan{index}.bin",
                media_type="application/octet-stream",
                size=ITEM,
                sha256=digest.hexdigest(),
                open_chunks=lambda index=index: _item_bytes(index, ITEM),
            )
        )
    return BundlePlan(
        case=Case("Benchmark Patient"),
        recipient=Recipient("Benchmark Hospital"),
        summary_language="en",
        created_on="2025-01-01",
        documents=tuple(items),
    )


def _child(mode: str, total_mib: int, out: Path) -> None:
    plan = _plan(total_mib)
    started = time.perf_counter()
    if mode == "seal":
        from casebook.bundle.archive import seal_bundle

        seal_bundle(plan, out, "bench", "1234-5678-9012-3456-7890-1234")
    elapsed = time.perf_counter() - started
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"mode": mode, "seconds": elapsed, "peak_rss_mib": peak_mib}))


def _run_child(mode: str, total_mib: int, out: Path) -> dict[str, float]:
    result = subprocess.run(
        [sys.executable, __file__, "--child", mode, "--mib", str(total_mib), "--out", str(out)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def _seven_zip_baseline(total_mib: int, work: Path) -> float | None:
    seven = shutil.which("7z") or shutil.which("7zz")
    if seven is None:
        return None
    source = work / "src"
    source.mkdir()
    for index in range(max(1, (total_mib << 20) // ITEM)):
        with open(source / f"scan{index}.bin", "wb") as handle:
            for chunk in _item_bytes(index, ITEM):
                handle.write(chunk)
    started = time.perf_counter()
    subprocess.run(
        [seven, "a", "-t7z", "-mhe=on", "-mx=0", "-pbench", str(work / "b.7z"), str(source)],
        capture_output=True,
        check=True,
    )
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mib", type=int, default=1024)
    parser.add_argument("--child")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    if args.child:
        _child(args.child, args.mib, args.out)
        return
    with tempfile.TemporaryDirectory(dir=Path.cwd()) as folder:
        work = Path(folder)
        baseline = _run_child("baseline", args.mib, work)
        seal = _run_child("seal", args.mib, work)
        (work / "bench.7z").unlink()
        seven = _seven_zip_baseline(args.mib, work)
    print(f"input: {args.mib} MiB in {ITEM >> 20} MiB items")
    print(f"baseline peak RSS: {baseline['peak_rss_mib']:.0f} MiB")
    seal_line = f"seal peak RSS:     {seal['peak_rss_mib']:.0f} MiB"
    print(f"{seal_line} ({seal['seconds']:.1f} s including the read-back check)")
    if seven is not None:
        print(f"7z a -mhe=on -mx=0 of the same files: {seven:.1f} s")


if __name__ == "__main__":
    main()
