"""Exporting a 400-slice CT plus 200 documents, against 7-Zip on the same files, in one run.

    python benchmarks/export.py                 # 400 slices + 200 PDFs (~210 MB)
    python benchmarks/export.py --slices 100 --documents 50

Inputs are fictional copies of public data: the 64 slices of the public lung CT in
../shared/data/dicom are cycled into 400 instances with fresh UIDs and a made-up patient (pydicom),
and 200 PDFs are drawn with reportlab. They live in a temporary folder that is deleted afterwards.
A binder is built from them (not timed against anything), then each measurement runs in a fresh
child process whose peak RSS comes from wait4():
  unlock  - open the binder and plan the export (the baseline of the export child)
  export  - services.export.export_bundle to one file: stream, encrypt, fsync, read back, verify,
            rename, log
  7z      - `7z a -t7z -mhe=on -mx=0 -p…` of the same source files (no read-back check)
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
LUNG_CT = ROOT.parent / "shared" / "data" / "dicom" / "lung-ct-Lung_Dx-A0001"
BINDER_PASSWORD = "benchmark export lantern 2026"
BUNDLE_PASSWORD = "1234-5678-9012-3456-7890-1234"


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


def _child(mode: str, binder: Path, sources: Path, out: Path) -> None:
    sys.path.insert(0, str(ROOT))
    from casebook.bundle.plan import Recipient
    from casebook.core.model import Case
    from casebook.core.progress import NEVER_CANCELLED, ignore_progress
    from casebook.services.binder import create_binder, unlock_binder
    from casebook.services.export import ExportRequest, bundle_size, export_bundle, plan_export
    from casebook.services.importing import import_paths
    from casebook.store.keyslots import KdfParams

    started = time.perf_counter()
    result: dict[str, object] = {"mode": mode}
    if mode == "build":
        created = create_binder(binder, BINDER_PASSWORD, Case("Fictional Benchmark"),
                                KdfParams.minimum())  # fmt: skip
        with created.session as session:
            summary = import_paths(session, [sources], None, ignore_progress, NEVER_CANCELLED)
        result["images"] = summary.images_added
        result["documents"] = len(summary.added)
    else:
        request = ExportRequest(Recipient("Benchmark Hospital"))
        with unlock_binder(binder, BINDER_PASSWORD) as session:
            if mode == "unlock":
                from datetime import date

                result["bundle_bytes"] = bundle_size(plan_export(session, request, date.today()))
            else:
                exported = export_bundle(session, request, out, "bench", ignore_progress,
                                         NEVER_CANCELLED)  # fmt: skip
                result["archive_bytes"] = sum(p.size for p in exported.bundle.parts)
    result["seconds"] = time.perf_counter() - started
    print(json.dumps(result))


def _measure(command: list[str]) -> tuple[float, float, str]:
    """(seconds, peak RSS in MiB, stdout) of a child process, from wait4()."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None
    assert process.stderr is not None
    stdout = process.stdout.read().decode()
    stderr = process.stderr.read().decode()
    _pid, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"{command[:3]} failed ({process.returncode}):\n{stderr[-2000:]}")
    return time.perf_counter() - started, usage.ru_maxrss / 1024, stdout


def _python_child(mode: str, work: Path) -> tuple[float, float, dict[str, object]]:
    command = [sys.executable, __file__, "--child", mode, "--work", str(work)]
    wall, peak, stdout = _measure(command)
    return wall, peak, json.loads(stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--slices", type=int, default=400)
    parser.add_argument("--documents", type=int, default=200)
    parser.add_argument("--child")
    parser.add_argument("--work", type=Path)
    args = parser.parse_args()
    if args.child:
        work = args.work
        _child(args.child, work / "binder", work / "src", work / "out")
        return
    seven = shutil.which("7z") or shutil.which("7zz")
    with tempfile.TemporaryDirectory(prefix="casebook-bench-") as folder:
        work = Path(folder)
        (work / "out").mkdir()
        (work / "out7z").mkdir()
        _make_sources(work / "src", args.slices, args.documents)
        source_bytes = sum(p.stat().st_size for p in (work / "src").rglob("*") if p.is_file())
        build_s, build_rss, built = _python_child("build", work)
        unlock_s, unlock_rss, planned = _python_child("unlock", work)
        export_s, export_rss, exported = _python_child("export", work)
        seven_result = None
        if seven is not None:
            seven_result = _measure(
                [seven, "a", "-t7z", "-mhe=on", "-mx=0", f"-p{BUNDLE_PASSWORD}",
                 str(work / "out7z" / "bench.7z"), str(work / "src" / "ct"),
                 str(work / "src" / "documents")]
            )  # fmt: skip
            seven_bytes = (work / "out7z" / "bench.7z").stat().st_size
    mib = 1024 * 1024
    print(f"input: {built['images']} CT slices + {built['documents']} PDFs, "
          f"{source_bytes / mib:.1f} MiB of files")  # fmt: skip
    print(f"binder build (import, not compared): {build_s:.1f} s, peak RSS {build_rss:.0f} MiB")
    print(f"unlock + plan (baseline):  {unlock_s:6.1f} s   peak RSS {unlock_rss:6.0f} MiB   "
          f"bundle {int(planned['bundle_bytes']) / mib:.1f} MiB")  # fmt: skip
    archive_mib = int(exported["archive_bytes"]) / mib
    print(f"Casebook export:           {export_s:6.1f} s   peak RSS {export_rss:6.0f} MiB   "
          f"archive {archive_mib:.1f} MiB, with the read-back check")  # fmt: skip
    if seven_result is not None:
        seconds, peak, _out = seven_result
        print(f"7z a -mhe=on -mx=0:        {seconds:6.1f} s   peak RSS {peak:6.0f} MiB   "
              f"archive {seven_bytes / mib:.1f} MiB")  # fmt: skip
    else:
        print("7z not installed: no baseline")


if __name__ == "__main__":
    main()
