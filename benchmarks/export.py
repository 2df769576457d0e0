"""Sealing a CT series plus documents, against 7-Zip on the same files, in one run.

    python benchmarks/export.py                        # 400 slices + 200 PDFs (~210 MB)
    python benchmarks/export.py --slices 100 --documents 50
    python benchmarks/export.py --scaling 100,400,1000,4000   # one row per size
    python benchmarks/export.py --work /tmp/bench --keep       # keep sources and binder

Inputs are fictional copies of public data: the 13 slices of the public lung CT kept in
tests/data/dicom are cycled into N instances with fresh UIDs and a made-up patient (pydicom),
and PDFs are drawn with reportlab. A binder is built from them (not timed), then each
measurement runs in a fresh child process whose peak RSS comes from wait4():
  plan    - unlock the binder, plan the export and build the bundle's tree (summary PDFs,
            DICOMDIR…): the memory baseline, and the part of sealing that is not the archive
  export  - the same, then `seal_bundle`: read the binder, encrypt, write, fsync, read back and
            check, publish (timed inside the child)
  7zz a   - `7zz a -t7z -mhe=on -mx=0 -p…` of the same source files, then
  7zz t   - `7zz t -p…` of that archive (7-Zip's own read-back check)
The figure to watch is seal / (7zz a + 7zz t); peak RSS of export against plan shows what the
sealing itself costs in memory (unlock included in both).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))  # data_paths: the one place that says where test data is

from data_paths import LUNG_CT  # noqa: E402

BINDER_PASSWORD = "benchmark export lantern 2026"
BUNDLE_PASSWORD = "1234-5678-9012-3456-7890-1234"
MIB = 1024 * 1024
_CPU: list[float] = []


def _make_sources(folder: Path, slices: int, documents: int) -> None:
    import pydicom
    from pydicom.uid import generate_uid
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    originals = sorted(LUNG_CT.rglob("*.dcm"))
    if not originals:
        raise SystemExit(f"public CT missing under {LUNG_CT}")
    ct = folder / "ct"
    ct.mkdir(parents=True)
    study, series = generate_uid(), generate_uid()
    for index in range(slices):
        ds = pydicom.dcmread(originals[index % len(originals)])
        ds.StudyInstanceUID, ds.SeriesInstanceUID = study, series
        ds.SOPInstanceUID = ds.file_meta.MediaStorageSOPInstanceUID = generate_uid()
        ds.InstanceNumber = index + 1
        ds.PatientName, ds.PatientID = "Fictional^Benchmark", "BENCH-0001"
        ds.save_as(ct / f"slice{index:04d}.dcm")
    docs = folder / "documents"
    docs.mkdir()
    for index in range(documents):
        pdf = canvas.Canvas(str(docs / f"report{index:03d}.pdf"), pagesize=A4)
        for page in range(2):
            pdf.setFont("Helvetica", 11)
            for line in range(40):
                pdf.drawString(60, 780 - line * 18, f"Fictional report {index}, page {page + 1}, "
                               f"line {line}: results within the reference range.")  # fmt: skip
            pdf.showPage()
        pdf.save()


def _child(mode: str, work: Path) -> None:
    sys.path.insert(0, str(ROOT))
    from casebook.bundle.plan import Recipient
    from casebook.core.model import Case
    from casebook.core.progress import NEVER_CANCELLED, ignore_progress
    from casebook.services.binder.session import create_binder, unlock_binder
    from casebook.services.export.sealing import ExportRequest, plan_export
    from casebook.services.records.importing import import_paths
    from casebook.store.keyslots import KdfParams

    binder, out = work / "binder", work / "out"
    result: dict[str, object] = {"mode": mode}
    if mode == "build":
        created = create_binder(binder, BINDER_PASSWORD, Case("Fictional Benchmark"),
                                KdfParams.minimum())  # fmt: skip
        with created.session as session:
            summary = import_paths(
                session, [work / "src"], None, ignore_progress, NEVER_CANCELLED,
                accept_other_patients=True,
            )  # fmt: skip
        result["images"] = summary.images_added
        result["documents"] = len(summary.added)
        print(json.dumps(result))
        return
    from datetime import date

    from casebook.bundle.archive import seal_bundle
    from casebook.bundle.tree import build_tree

    started = time.perf_counter()
    with unlock_binder(binder, BINDER_PASSWORD) as session:
        result["unlock"] = time.perf_counter() - started
        mark = time.perf_counter()
        plan = plan_export(session, ExportRequest(Recipient("Benchmark Hospital")), date.today())
        result["plan"] = time.perf_counter() - mark
        # The wizard's preview builds the tree before the seal (its size decides the parts),
        # which also starts the workers that parse the DICOMDIR's headers: so here.
        result["bundle_bytes"] = build_tree(plan).total_size
        mark, cpu = time.perf_counter(), time.process_time()
        tree = build_tree(plan)
        result["tree"] = time.perf_counter() - mark
        result["tree_cpu"] = time.process_time() - cpu
        del tree
        if mode == "export":
            mark, cpu = time.perf_counter(), time.process_time()
            sealed = seal_bundle(plan, out, "bench", BUNDLE_PASSWORD)
            result["seal"] = time.perf_counter() - mark
            result["seal_cpu"] = time.process_time() - cpu
            result["archive_bytes"] = sum(p.size for p in sealed.parts)
    print(json.dumps(result))


def _measure_rss(command: list[str]) -> tuple[float, float, str]:
    """(seconds, peak RSS in MiB, stdout) of a child process, from wait4(); its CPU seconds
    (user + system) are added to `_CPU`."""
    started = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        process = subprocess.Popen(command, stdout=out, stderr=err)
        _pid, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        _CPU.append(usage.ru_utime + usage.ru_stime)
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        if process.returncode != 0:
            raise SystemExit(
                f"{command[:3]} failed ({process.returncode}):\n{err.read()[-2000:]!r}"
            )
        return seconds, usage.ru_maxrss / 1024, out.read().decode()


def _python_child(mode: str, work: Path) -> tuple[float, dict[str, float]]:
    command = [sys.executable, __file__, "--child", mode, "--work", str(work)]
    _wall, peak, stdout = _measure_rss(command)
    return peak, json.loads(stdout.strip().splitlines()[-1])


def _seven_zip(work: Path) -> tuple[float, float, float, float, float]:
    """Seconds and peak RSS of `7zz a` and of `7zz t` on the same sources, and their CPU."""
    seven = shutil.which("7zz") or shutil.which("7z")
    if seven is None:
        raise SystemExit("7-Zip (7zz) is needed for the baseline: apt-get install 7zip")
    archive = work / "out7z" / "bench.7z"
    archive.unlink(missing_ok=True)
    archive.parent.mkdir(exist_ok=True)
    _CPU.clear()
    add_s, add_rss, _ = _measure_rss(
        [seven, "a", "-t7z", "-mhe=on", "-mx=0", f"-p{BUNDLE_PASSWORD}", str(archive),
         str(work / "src" / "ct"), str(work / "src" / "documents")]
    )  # fmt: skip
    test_s, test_rss, _ = _measure_rss([seven, "t", f"-p{BUNDLE_PASSWORD}", str(archive)])
    archive.unlink()
    return add_s, add_rss, test_s, test_rss, sum(_CPU)


def run_size(work: Path, slices: int, documents: int, keep: bool) -> dict[str, float]:
    """One row: build what is missing, then measure plan, export and 7-Zip in fresh children."""
    if not (work / "src").exists():
        _make_sources(work / "src", slices, documents)
    if not (work / "binder").exists():
        _python_child("build", work)
    out = work / "out"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir()
    plan_rss, planned = _python_child("plan", work)
    export_rss, exported = _python_child("export", work)
    add_s, add_rss, test_s, test_rss, seven_cpu = _seven_zip(work)
    if not keep:
        shutil.rmtree(out)
    return {
        "slices": slices,
        "documents": documents,
        "mib": planned["bundle_bytes"] / MIB,
        "plan_rss": plan_rss,
        "export_rss": export_rss,
        "unlock": exported["unlock"],
        "plan": exported["plan"],
        "tree": exported["tree"],
        "seal": exported["seal"],
        "seal_cpu": exported["seal_cpu"],
        "tree_cpu": exported["tree_cpu"],
        "seven_cpu": seven_cpu,
        "seven_add": add_s,
        "seven_test": test_s,
        "seven_rss": max(add_rss, test_rss),
    }


def _print(rows: list[dict[str, float]]) -> None:
    print(f"machine: {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f} at the end")
    print(
        "| slices + PDFs | MiB | seal (s) | of which bundle tree | 7zz a + 7zz t (s) | "
        "seal / 7-Zip | archive only / 7-Zip | CPU s: archive only / 7-Zip | "
        "peak RSS export / plan-only (MiB) | 7zz RSS |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    for row in rows:
        seven = row["seven_add"] + row["seven_test"]
        archive_only = row["seal"] - row["tree"]
        print(
            f"| {int(row['slices'])} + {int(row['documents'])} | {row['mib']:.0f} | "
            f"{row['seal']:.2f} | {row['tree']:.2f} | {row['seven_add']:.2f} + "
            f"{row['seven_test']:.2f} | {row['seal'] / seven:.2f}× | {archive_only / seven:.2f}× | "
            f"{row['seal_cpu'] - row['tree_cpu']:.2f} / {row['seven_cpu']:.2f} | "
            f"{row['export_rss']:.0f} / {row['plan_rss']:.0f} | {row['seven_rss']:.0f} |"
        )
    print(
        "seal = seal_bundle: bundle tree (summary PDFs, DICOMDIR, README, INDEX), read the binder, "
        "encrypt, write, fsync, read back from disk, check, publish; 'archive only' leaves "
        "the tree out. Unlock and plan are outside both figures."
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--slices", type=int, default=400)
    parser.add_argument("--documents", type=int, default=200)
    parser.add_argument("--scaling", help="comma-separated slice counts, documents = slices / 2")
    parser.add_argument("--work", type=Path, help="work folder (default: a temporary one)")
    parser.add_argument("--keep", action="store_true", help="keep sources, binder and bundle")
    parser.add_argument("--child")
    args = parser.parse_args()
    if args.child:
        _child(args.child, args.work)
        return
    sizes = [(args.slices, args.documents)]
    if args.scaling:
        sizes = [(int(s), int(s) // 2) for s in args.scaling.split(",")]
    with tempfile.TemporaryDirectory(prefix="casebook-bench-") as folder:
        base = args.work or Path(folder)
        rows = []
        for slices, documents in sizes:
            work = base / f"{slices}-{documents}"
            work.mkdir(parents=True, exist_ok=True)
            rows.append(run_size(work, slices, documents, args.keep))
            if not args.keep and args.work is None:
                shutil.rmtree(work)
    _print(rows)


if __name__ == "__main__":
    main()
