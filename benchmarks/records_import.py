"""Benchmark: importing 200 mixed documents (PDF reports and phone-style photos).

    python benchmarks/records_import.py [--count 200]

Prints the import's wall time and peak RSS (a fresh child process, so the figure is the
import's own) next to the baseline measured in the same run: `cp` of the same files into a
folder, then `sha256sum` of them, also timed as child processes. The inputs are generated
(reportlab PDFs with invented text, Pillow JPEG photos of noise and shapes) in a temporary
folder that is deleted afterwards.
"""

from __future__ import annotations

import argparse
import io
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PASSWORD = "benchmark horse battery staple"

_CHILD = """
import resource, sys, time
from pathlib import Path
from casebook.core.model import Case
from casebook.core.progress import NEVER_CANCELLED, ignore_progress
from casebook.services.binder.session import create_binder
from casebook.services.records.importing import import_paths
from casebook.store.keyslots import KdfParams

if __name__ == "__main__":
    work, source = Path(sys.argv[1]), Path(sys.argv[2])
    created = create_binder(work / "binder", sys.argv[3], Case("Benchmark"), KdfParams.minimum())
    started = time.perf_counter()
    with created.session as session:
        summary = import_paths(session, [source], None, ignore_progress, NEVER_CANCELLED)
    elapsed = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{elapsed:.3f} {peak:.1f} {len(summary.added)} {len(summary.refused)}")
"""


def _make_inputs(folder: Path, count: int, seed: int = 7) -> int:
    from PIL import Image, ImageDraw
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    generator = random.Random(seed)
    total = 0
    for index in range(count):
        if index % 2 == 0:
            path = folder / f"report {index:03d}.pdf"
            page = canvas.Canvas(str(path), pagesize=A4)
            for page_number in range(generator.randint(1, 4)):
                for line in range(40):
                    words = " ".join(
                        generator.choice(["biopsy", "report", "haemoglobin", "CT", "stage",
                                          "adenocarcinoma", "lymph", "node", "cycle", "dose"])
                        for _ in range(10)
                    )  # fmt: skip
                    page.drawString(60, 800 - line * 18, f"{page_number}.{line} {words}")
                page.showPage()
            page.save()
        else:
            path = folder / f"photo {index:03d}.jpg"
            image = Image.effect_noise((2000, 1500), generator.randint(20, 80)).convert("RGB")
            draw = ImageDraw.Draw(image)
            for _ in range(20):
                x, y = generator.randint(0, 1900), generator.randint(0, 1400)
                draw.rectangle((x, y, x + 100, y + 60), fill=(255, 255, 255))
            buffer = io.BytesIO()
            image.save(buffer, format="JPEG", quality=85)
            path.write_bytes(buffer.getvalue())
        total += path.stat().st_size
    return total


def _timed(command: list[str]) -> tuple[float, float]:
    """Wall time and peak RSS (MiB) of a child command, via /usr/bin/time when present."""
    time_tool = shutil.which("time") or "/usr/bin/time"
    if Path(time_tool).exists():
        started = time.perf_counter()
        result = subprocess.run(
            [time_tool, "-f", "%M", *command], capture_output=True, text=True, check=True
        )
        elapsed = time.perf_counter() - started
        return elapsed, int(result.stderr.strip().splitlines()[-1]) / 1024
    started = time.perf_counter()
    subprocess.run(command, capture_output=True, check=True)
    return time.perf_counter() - started, float("nan")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="casebook-bench-records-") as temp:
        work = Path(temp)
        source = work / "source"
        source.mkdir()
        print(f"· generating {args.count} documents …", flush=True)
        total = _make_inputs(source, args.count)
        copy = work / "copy"
        copy.mkdir()
        cp_time, cp_rss = _timed(["cp", "-r", str(source), str(copy)])
        files = sorted(str(p) for p in source.iterdir())
        sha_time, sha_rss = _timed(["sha256sum", *files])
        result = subprocess.run(
            [sys.executable, "-c", _CHILD, str(work), str(source), PASSWORD],
            capture_output=True, text=True, check=True,
        )  # fmt: skip
        elapsed, peak, added, refused = result.stdout.split()
    megabytes = total / 1e6
    print(f"\n{args.count} files, {megabytes:.0f} MB (half PDF reports, half 3 MP photos)\n")
    print(f"{'figure':<34}{'measured':>12}   baseline (same run)")
    print(
        f"{'import wall time':<34}{float(elapsed):>10.1f} s   "
        f"cp {cp_time:.1f} s + sha256sum {sha_time:.1f} s = {cp_time + sha_time:.1f} s"
    )
    print(
        f"{'import peak RSS':<34}{float(peak):>9.0f} MiB   "
        f"cp {cp_rss:.0f} MiB, sha256sum {sha_rss:.0f} MiB"
    )
    print(f"{'documents added / refused':<34}{added:>8} / {refused}")
    print(
        "\nThe import also sniffs each file's kind, extracts PDF text in the isolated worker "
        "process and suggests a slot and date; cp and sha256sum do none of that."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
