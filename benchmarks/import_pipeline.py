"""Import and thumbnail speed of a CT series, each figure next to its baseline from the same run.

    python benchmarks/import_pipeline.py                 # 400 slices + the scaling table
    python benchmarks/import_pipeline.py --slices 400 --no-scaling

What is measured (every timing in a fresh child process, on a warm page cache):

  import      `casebook import BINDER FOLDER` of an N-slice CT series (the real command line,
              password on standard input), minus `casebook list BINDER` of the same binder (the
              fixed cost of starting Python, unlocking with the calibrated KDF and reading),
              against `cp -r FOLDER COPY` followed by `sha256sum COPY/*`. The N-slice row
              shows medians of `--repeat` interleaved rounds (5 by default): one round swings
              by ±30 % on a shared 2-core machine, the baseline as much as the import. A
              reference row shows the simplest program that reads the same files and writes
              their bytes through SQLCipher with the binder's settings, in one thread.
  thumbnails  a 128 px thumbnail of every slice, made from the encrypted binder and stored in it
              (`services.imaging.previews`), in a child that first unlocks the binder (its
              unlock-only twin is subtracted), against dcmtk's `dcmj2pnm --scale-x-size 128`
              run once per slice.

Input: the 13 public lung CT slices kept in the repository (TCIA Lung-PET-CT-Dx, CC BY 4.0;
512x512, Implicit VR LE, about 0.5 MB each) from tests/data/dicom, copied round-robin into an
N-slice series with new Study/Series/SOP Instance UIDs: fictional copies of public data, in a
temporary folder that is deleted afterwards. The scaling table uses small synthetic instances
(the same slice cropped to 64x64, ~8 KB) so that it shows the cost per file rather than per
byte.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))  # data_paths: the one place that says where test data is

from data_paths import LUNG_CT as LUNG  # noqa: E402

PASSWORD = "bench horse battery staple 42"
SCALING = (100, 400, 1000, 4000)


def make_series(folder: Path, count: int, crop: int | None = None) -> list[Path]:
    """`count` slices of one series, copied from the public lung CT (optionally cropped)."""
    import pydicom
    from pydicom.uid import generate_uid

    sources = sorted(LUNG.rglob("*.dcm"))
    if not sources:
        raise SystemExit(f"the public lung CT was not found under {LUNG}")
    datasets = [pydicom.dcmread(path) for path in sources]
    if crop is not None:
        for dataset in datasets:
            pixels = dataset.pixel_array[:crop, :crop].copy()
            dataset.Rows, dataset.Columns = pixels.shape
            dataset.PixelData = pixels.tobytes()
    study_uid, series_uid = generate_uid(), generate_uid()
    folder.mkdir(parents=True)
    paths = []
    for number in range(count):
        dataset = datasets[number % len(datasets)]
        dataset.StudyInstanceUID = study_uid
        dataset.SeriesInstanceUID = series_uid
        dataset.SOPInstanceUID = generate_uid()
        dataset.file_meta.MediaStorageSOPInstanceUID = dataset.SOPInstanceUID
        dataset.InstanceNumber = number + 1
        path = folder / f"IM{number:06d}"
        dataset.save_as(path)
        paths.append(path)
    return paths


def _casebook(*args: str | Path, stdin: str = PASSWORD + "\n") -> float:
    """Seconds a fresh `casebook …` process took (it must succeed)."""
    command = [sys.executable, "-m", "casebook", *map(str, args)]
    started = time.perf_counter()
    done = subprocess.run(command, input=stdin, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command[2:])} failed ({done.returncode}):\n{done.stderr}")
    return seconds


def _copy_and_hash(source: Path, target: Path) -> float:
    started = time.perf_counter()
    subprocess.run(["cp", "-r", str(source), str(target)], check=True)
    files = sorted(str(p) for p in target.iterdir())
    subprocess.run(["sha256sum", *files], check=True, stdout=subprocess.DEVNULL)
    seconds = time.perf_counter() - started
    shutil.rmtree(target)
    return seconds


_FLOOR_CHILD = """
import sys, time
from pathlib import Path
from casebook.services.records.batch_writer import MAX_BATCH_BYTES
from casebook.store.blobs import CHUNK_SIZE
from casebook.store.database import connect, transaction
from casebook.store.key_buffer import KeyBuffer
from casebook.store.page_hmac import fastest_page_hmac

target, files = Path(sys.argv[1]), sorted(Path(sys.argv[2]).iterdir())
db = connect(target, KeyBuffer.random(), fastest_page_hmac(), create=True)  # a new binder's
db.execute("CREATE TABLE chunks(id INTEGER PRIMARY KEY, data BLOB)")
db.execute("CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)")  # generation
started = time.perf_counter()
pending = []
def commit():
    with transaction(db):
        for data in pending:
            view = memoryview(data)
            for start in range(0, len(view), CHUNK_SIZE):
                db.execute("INSERT INTO chunks(data) VALUES (?)", [view[start:start + CHUNK_SIZE]])
    pending.clear()
for path in files:
    pending.append(path.read_bytes())
    if sum(map(len, pending)) >= MAX_BATCH_BYTES:
        commit()
commit()
print(time.perf_counter() - started)
"""


def _floor(work: Path, series: Path) -> float:
    """Seconds the simplest program takes to read the series and write its bytes through
    SQLCipher, with the binder's settings (`store.database.connect`: page size, HMAC, WAL, full
    sync) in the import's batches, in one thread: what storing encrypted costs before any of
    Casebook's own work (headers, records, change log, checks)."""
    target = work / "floor.db"
    command = [sys.executable, "-c", _FLOOR_CHILD, str(target), str(series)]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    for leftover in work.glob("floor.db*"):
        leftover.unlink()
    return float(done.stdout.strip())


def measure_import(
    work: Path, series: Path, label: str, repeat: int = 1, *, reference: bool = False
) -> dict[str, Any]:
    """Medians of `repeat` rounds, each: the baseline, an import into a fresh copy of one new
    binder, and a list of that copy — interleaved, so a busy moment of the machine falls on
    both sides rather than on one figure. With `reference`, each round also times `_floor`."""
    empty = work / f"empty-{label}"
    _casebook("new", empty, "--name", "Lung_Dx-A0001", stdin=PASSWORD + "\n" + PASSWORD + "\n")
    names = ("baseline", "import", "list", "net", *(("floor",) if reference else ()))
    rounds: dict[str, list[float]] = {name: [] for name in names}
    binder = work / f"binder-{label}"
    for _ in range(repeat):
        if binder.exists():
            shutil.rmtree(binder)
        shutil.copytree(empty, binder)
        os.sync()  # each side starts with nothing left to write back from the one before
        rounds["baseline"].append(_copy_and_hash(series, work / f"copy-{label}"))
        os.sync()
        rounds["import"].append(_casebook("import", binder, series))
        rounds["list"].append(_casebook("list", binder))
        rounds["net"].append(rounds["import"][-1] - rounds["list"][-1])
        if reference:
            os.sync()
            rounds["floor"].append(_floor(work, series))
    shutil.rmtree(empty)
    medians = {name: statistics.median(values) for name, values in rounds.items()}
    return {**medians, "rounds": rounds, "binder": str(binder)}


_THUMBNAIL_CHILD = """
import sys, time
from pathlib import Path
from casebook.services.binder.session import unlock_binder
from casebook.services.imaging import records
from casebook.services.imaging import previews

binder, password, only_unlock = Path(sys.argv[1]), sys.argv[2], sys.argv[3] == "1"
started = time.perf_counter()
with unlock_binder(binder, password) as session:
    instances = []
    for study in records.list_studies(session):
        for series in records.list_series(session, study.id):
            instances += records.list_instances(session, series.id)
    if not only_unlock:
        if hasattr(previews, "instance_thumbnails"):
            made = previews.instance_thumbnails(session, instances, 128)
            assert all(p.png is not None for p in made), [p.problem for p in made][:3]
        else:
            for instance in instances:
                assert previews.instance_thumbnail(session, instance, 128).png is not None
print(time.perf_counter() - started, len(instances))
"""


def measure_thumbnails(work: Path, paths: list[Path], binder: Path) -> dict[str, float]:
    def child(only_unlock: bool) -> float:
        command = [sys.executable, "-c", _THUMBNAIL_CHILD, str(binder), PASSWORD]
        command.append("1" if only_unlock else "0")
        started = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise SystemExit(f"thumbnail child failed:\n{done.stderr}")
        return time.perf_counter() - started

    dcmj2pnm = shutil.which("dcmj2pnm")
    if dcmj2pnm is None:
        raise SystemExit("dcmtk's dcmj2pnm is needed for the thumbnail baseline")
    out = work / "png"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir()
    started = time.perf_counter()
    for index, path in enumerate(paths):
        subprocess.run(
            [
                dcmj2pnm,
                "--write-png",
                "--scale-x-size",
                "128",
                str(path),
                str(out / f"{index}.png"),
            ],
            check=True,
        )
    baseline = time.perf_counter() - started
    unlock_only = child(True)
    made = child(False)
    return {"baseline": baseline, "made": made, "unlock": unlock_only}


def _row(label: str, seconds: float, baseline_label: str, baseline: float, goal: str) -> None:
    ratio = seconds / baseline if baseline > 0 else float("inf")
    print(
        f"  {label:<40} {seconds:7.2f} s   {baseline_label:<34} {baseline:7.2f} s"
        f"   ×{ratio:.2f}  (goal {goal})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--slices", type=int, default=400)
    parser.add_argument("--no-scaling", action="store_true", help="skip the scaling table")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument(
        "--repeat", type=int, default=5, help="rounds of the main import row (medians shown)"
    )
    args = parser.parse_args()
    figures: dict[str, object] = {"cpus": os.cpu_count()}
    with tempfile.TemporaryDirectory(prefix="casebook-bench-") as temp:
        work = Path(temp)
        paths = make_series(work / "CT", args.slices)
        megabytes = sum(p.stat().st_size for p in paths) / 1e6
        print(
            f"{len(paths)} real-size CT slices (512x512), {megabytes:.0f} MB; {os.cpu_count()} CPUs"
        )
        result = measure_import(work, work / "CT", "ct", args.repeat, reference=True)
        net = result["net"]
        print(
            "import through `casebook import` (start-up and unlock subtracted;"
            f" medians of {args.repeat} rounds)"
        )
        _row(
            "casebook import − casebook list", net, "cp -r + sha256sum", result["baseline"], "≤ 1.5"
        )
        print(
            f"    (casebook import {result['import']:.2f} s, casebook list {result['list']:.2f} s)"
        )
        _row(
            "reference: read + SQLCipher, one thread",
            result["floor"],
            "cp -r + sha256sum",
            result["baseline"],
            "none",
        )
        figures["import"] = {**result, "net": net, "megabytes": megabytes}

        thumbs = measure_thumbnails(work, paths, Path(result["binder"]))
        net_thumbs = thumbs["made"] - thumbs["unlock"]
        print("128 px thumbnails of every slice (made, stored encrypted; unlock subtracted)")
        _row(
            "thumbnails", net_thumbs, "dcmj2pnm --scale-x-size 128 ×N", thumbs["baseline"], "≤ 0.3"
        )
        figures["thumbnails"] = {**thumbs, "net": net_thumbs}

        if not args.no_scaling:
            print("scaling (64x64 synthetic instances from the same slice)")
            print(
                f"  {'slices':>7} {'import s':>9} {'cp+sha s':>9} {'ratio':>6} {'ms/file':>8}"
                f" {'thumbs s':>9} {'dcmj2pnm s':>10} {'ratio':>6}"
            )
            table = []
            for count in SCALING:
                folder = work / f"S{count}"
                make_series(folder, count, crop=64)
                measured = measure_import(work, folder, f"s{count}")
                net = measured["net"]
                ratio = net / measured["baseline"] if measured["baseline"] > 0 else float("inf")
                small = sorted(folder.iterdir())
                thumbs = measure_thumbnails(work, small, Path(measured["binder"]))
                thumbs_net = thumbs["made"] - thumbs["unlock"]
                print(
                    f"  {count:>7} {net:>9.2f} {measured['baseline']:>9.2f} {ratio:>6.2f}"
                    f" {net / count * 1000:>8.2f} {thumbs_net:>9.2f} {thumbs['baseline']:>10.2f}"
                    f" {thumbs_net / thumbs['baseline']:>6.2f}"
                )
                table.append({"slices": count, **measured, "net": net, "thumbnails": thumbs})
                shutil.rmtree(folder)
                shutil.rmtree(measured["binder"])
            figures["scaling"] = table
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2, default=str))


if __name__ == "__main__":
    main()
