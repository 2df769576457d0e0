"""Imaging speed against baselines measured in the same run.

    python benchmarks/imaging.py              # 400 slices
    python benchmarks/imaging.py --slices 800

The input is a 400-slice CT series made by copying the 13 public lung CT slices kept in the
repository (TCIA Lung-PET-CT-Dx, CC BY 4.0) with new SOP Instance, Series and Study UIDs:
fictional copies of public data, written to a temporary folder and deleted afterwards.

  import      - scan_media (headers read in the isolated worker) + import_scan into a new
                encrypted binder, versus `cp` of the files + `sha256sum` of the copies
  thumbnails  - instance_thumbnails at 128 px for every slice (decrypt, decode only what a
                thumbnail needs in the worker pool, PNG, store encrypted in one transaction),
                versus dcmtk `dcmj2pnm --scale-x-size 128` per slice
  frames      - read_frame (full 512x512 in Hounsfield units, as the viewer gets it) per slice
  placements  - read_placements: where each slice lies, read again from the stored encrypted
                headers in the worker (what a binder made before schema 4 does once, on first
                view), versus pydicom reading the same headers from the plaintext files
  12-bit JPEG - read_frame of a 12-bit JPEG Extended slice (GDCM in the worker), versus
                dcmtk `dcmdjpeg` of the same file
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))  # data_paths: the one place that says where test data is

from data_paths import LUNG_CT as LUNG  # noqa: E402


def make_series(folder: Path, count: int) -> list[Path]:
    import pydicom
    from pydicom.uid import generate_uid

    sources = sorted(LUNG.rglob("*.dcm"))
    study_uid, series_uid = generate_uid(), generate_uid()
    folder.mkdir(parents=True)
    paths = []
    for number in range(count):
        dataset = pydicom.dcmread(sources[number % len(sources)])
        dataset.StudyInstanceUID = study_uid
        dataset.SeriesInstanceUID = series_uid
        dataset.SOPInstanceUID = generate_uid()
        dataset.file_meta.MediaStorageSOPInstanceUID = dataset.SOPInstanceUID
        dataset.InstanceNumber = number + 1
        dataset.SliceLocation = -number * 1.25
        path = folder / f"IM{number:06d}"
        dataset.save_as(path)
        paths.append(path)
    return paths


def timed(label: str, seconds: float, baseline_label: str, baseline: float | None) -> None:
    if baseline is None:
        print(f"  {label:<44} {seconds:8.2f} s")
        return
    ratio = seconds / baseline if baseline > 0 else float("inf")
    print(f"  {label:<44} {seconds:8.2f} s   {baseline_label:<40} {baseline:8.2f} s   x{ratio:.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--slices", type=int, default=400)
    args = parser.parse_args()

    from casebook.core.model import Case
    from casebook.core.progress import NEVER_CANCELLED, ignore_progress
    from casebook.services.binder.session import create_binder
    from casebook.services.imaging import records as imaging_records
    from casebook.services.imaging.importing import import_scan, scan_media
    from casebook.services.imaging.previews import (
        instance_thumbnail,
        instance_thumbnails,
        read_frame,
    )
    from casebook.services.isolation import shared_worker
    from casebook.store.keyslots import KdfParams

    with tempfile.TemporaryDirectory(prefix="casebook-bench-") as temp:
        work = Path(temp)
        paths = make_series(work / "CT400", args.slices)
        size_mb = sum(p.stat().st_size for p in paths) / 1e6
        print(f"{len(paths)} CT slices, {size_mb:.0f} MB")

        start = time.perf_counter()
        subprocess.run(["cp", "-r", str(work / "CT400"), str(work / "copy")], check=True)
        copies = sorted((work / "copy").iterdir())
        subprocess.run(["sha256sum", *map(str, copies)], check=True, stdout=subprocess.DEVNULL)
        baseline_import = time.perf_counter() - start

        session = create_binder(
            work / "binder", "bench password 123", Case("Bench"), KdfParams.minimum()
        ).session
        pool = shared_worker()  # start the workers outside the timing
        for future in [pool.submit(len, [(b"",)]) for _ in range(pool.size)]:
            future.result()
        start = time.perf_counter()
        scan = scan_media([work / "CT400"], ignore_progress, NEVER_CANCELLED)
        scanned = time.perf_counter() - start
        summary = import_scan(session, scan, ignore_progress, NEVER_CANCELLED)
        imported = time.perf_counter() - start
        assert summary.added == len(paths), summary
        print("import")
        timed(
            "scan + import (encrypted, byte-identical)", imported, "cp + sha256sum", baseline_import
        )
        timed("  of which scan (headers in the worker)", scanned, "", None)

        [study] = imaging_records.list_studies(session)
        [series] = imaging_records.list_series(session, study.id)
        instances = imaging_records.list_instances(session, series.id)
        dcmj2pnm = shutil.which("dcmj2pnm")
        baseline_thumbs: float | None = None
        if dcmj2pnm:
            out = work / "png"
            out.mkdir()
            start = time.perf_counter()
            for index, path in enumerate(paths):
                subprocess.run(
                    [dcmj2pnm, "--write-png", "--scale-x-size", "128", str(path),
                     str(out / f"{index}.png")],
                    check=True,
                )  # fmt: skip
            baseline_thumbs = time.perf_counter() - start
        start = time.perf_counter()
        made_previews = instance_thumbnails(session, instances, 128)
        assert all(preview.png is not None for preview in made_previews)
        made = time.perf_counter() - start
        start = time.perf_counter()
        for instance in instances:
            instance_thumbnail(session, instance, 128)
        cached = time.perf_counter() - start
        print("thumbnails (128 px, every slice)")
        timed("made, stored encrypted", made, "dcmj2pnm --scale-x-size 128", baseline_thumbs)
        if baseline_thumbs is None:
            print("  NOTE: dcmj2pnm not found on PATH; its baseline was skipped")
        timed("read back from the binder (cached)", cached, "", None)

        start = time.perf_counter()
        for instance in instances[:100]:
            read_frame(session, instance, 0)
        per_frame = (time.perf_counter() - start) / min(100, len(instances))
        print("viewer frames (512x512, full resolution)")
        print(f"  read_frame per slice: {per_frame * 1000:.1f} ms (decrypt + decode in the worker)")

        import pydicom

        from casebook.services.imaging.slice_order import read_placements

        start = time.perf_counter()
        for path in paths:
            pydicom.dcmread(path, stop_before_pixels=True)
        baseline_heads = time.perf_counter() - start
        start = time.perf_counter()
        placements = read_placements(session, instances, ignore_progress, NEVER_CANCELLED)
        placed = time.perf_counter() - start
        assert len(placements) == len(instances)
        print("slice placements (older binders, once, on first view)")
        timed("read_placements (encrypted, in the worker)", placed,
              "pydicom headers of the plaintext files", baseline_heads)  # fmt: skip
        session.close()
        twelve_bit_jpeg(work)


def twelve_bit_jpeg(work: Path) -> None:
    """One slice as 12-bit JPEG Extended (dcmcjpeg +ee), decoded 20 times each way."""
    dcmcjpeg, dcmdjpeg = shutil.which("dcmcjpeg"), shutil.which("dcmdjpeg")
    if not (dcmcjpeg and dcmdjpeg):
        print("12-bit JPEG: NOTE: dcmcjpeg/dcmdjpeg not found on PATH; skipped")
        return
    from casebook.imaging.dicom_frames import decode_frame
    from casebook.services.isolation import shared_worker

    source = sorted(LUNG.rglob("*.dcm"))[0]
    jpeg = work / "jpeg12.dcm"
    subprocess.run([dcmcjpeg, "+ee", str(source), str(jpeg)], check=True)
    data = jpeg.read_bytes()
    start = time.perf_counter()
    for _ in range(20):
        subprocess.run([dcmdjpeg, str(jpeg), str(work / "plain.dcm")], check=True)
    baseline = (time.perf_counter() - start) / 20
    pool = shared_worker()
    pool.call(decode_frame, data)  # load GDCM outside the timing
    start = time.perf_counter()
    for _ in range(20):
        pool.call(decode_frame, data)
    decoded = (time.perf_counter() - start) / 20
    print("12-bit JPEG Extended (512x512, per slice)")
    timed("decode_frame (GDCM, in the worker)", decoded, "dcmdjpeg (a process each)", baseline)


if __name__ == "__main__":
    main()
