"""Benchmark: reading the text of a 12-megapixel phone photo of an A4 report (OCR).

    python benchmarks/ocr.py [--photos 3]

Prints, for the same generated photos in the same run: the time to import them without OCR
(the baseline: what the family waits for before the photos are in the binder), then the
seconds per page of text recognition (in the isolated OCR worker, after the import, as the app
and `casebook import` do it), the first page separately since it loads the models. The photos
are a bilingual report rendered with Casebook's fonts, tilted 3° and dimmed, saved as 4000 x
3000 JPEGs in a temporary folder deleted afterwards.
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image, ImageDraw, ImageEnhance, ImageFont

from casebook.core.model import Case
from casebook.core.progress import NEVER_CANCELLED, ignore_progress
from casebook.resources import resource_path
from casebook.services.binder.session import create_binder
from casebook.services.records.importing import import_paths
from casebook.services.records.recognition import document_text, recognise_waiting
from casebook.store.keyslots import KdfParams

LINES = (
    "病理诊断报告 Pathology Report",
    "姓名：王芳  Name: Wang Fang     报告日期：2025-03-14",
    "诊断：肺腺癌  Diagnosis: lung adenocarcinoma",
    "免疫组化：TTF-1 阳性，Napsin A 阳性，ALK 阴性",
    "Margins are clear. Ki-67 about 30%. Lymph nodes 0/12.",
    "建议：结合临床，必要时行基因检测 (EGFR, ALK, ROS1)",
)


def photo(number: int) -> bytes:
    """A 12 MP photo (3000 x 4000) of an A4 page with about 30 lines of text."""
    page = Image.new("RGB", (2800, 3960), "white")
    draw = ImageDraw.Draw(page)
    latin = ImageFont.truetype(str(resource_path("fonts", "DejaVuSans.ttf")), 48)
    cjk = ImageFont.truetype(str(resource_path("fonts", "DroidSansFallbackFull.ttf")), 48)
    y = 200
    for row in range(30):
        x = 180
        for ch in f"{row + 1:02d} {LINES[(row + number) % len(LINES)]}":
            font = cjk if ord(ch) > 0x2E80 else latin
            draw.text((x, y), ch, fill="black", font=font)
            x += draw.textlength(ch, font=font)
        y += 115
    shot = page.rotate(3, expand=True, fillcolor=(185, 180, 170)).resize((3000, 4000))
    buffer = io.BytesIO()
    ImageEnhance.Brightness(shot).enhance(0.65).save(buffer, "JPEG", quality=85)
    return buffer.getvalue()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--photos", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="casebook-ocr-bench-") as temp:
        folder = Path(temp) / "photos"
        folder.mkdir()
        for number in range(args.photos):
            (folder / f"IMG_{number:04d}.jpg").write_bytes(photo(number))
        created = create_binder(Path(temp) / "binder", "bench pass 1", Case("Benchmark"),
                                KdfParams.minimum())  # fmt: skip
        with created.session as session:
            started = time.perf_counter()
            import_paths(session, [folder], None, ignore_progress, NEVER_CANCELLED)
            imported = time.perf_counter() - started
            times = []
            for document_id in range(1, args.photos + 1):
                began = time.perf_counter()
                recognise_waiting(session, ignore_progress, NEVER_CANCELLED, only=[document_id])
                times.append(time.perf_counter() - began)
            lines = sum(
                len(document_text(session, d).pages[0].lines) for d in range(1, args.photos + 1)
            )
    print(f"{args.photos} photos of 12 MP (4000 x 3000 JPEG, {lines} lines read in all)")
    print(f"  import without OCR (baseline): {imported:6.2f} s in all, "
          f"{imported / args.photos:5.2f} s per photo")  # fmt: skip
    print(f"  OCR, first page (loads the models): {times[0]:6.2f} s")
    if len(times) > 1:
        rest = times[1:]
        print(f"  OCR, seconds per page after that:  {sum(rest) / len(rest):6.2f} s "
              f"(min {min(rest):.2f}, max {max(rest):.2f})")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
