"""Render what the hospital reads from a bundle of the demo binder, for looking at it.

    .venv/bin/python tools/render_bundle_pages.py [OUT_DIR]

Writes the case summary's first page ("case at a glance") and its letter page in English and
Chinese (pdftoppm), INDEX.HTM as a browser shows it (headless Chromium, Debian's `chromium`)
and a cover sheet for 30 parts, as PNG files (default docs/screenshots/bundle). The demo binder
is fictional and lives in a temporary folder that is deleted afterwards.
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

from casebook.bundle.cover_sheet import CoverSheet, SheetPart, render_cover_sheet
from casebook.bundle.plan import Recipient, Sender
from casebook.bundle.tree import build_tree
from casebook.services.demo import create_demo_binder
from casebook.services.export.planning import plan_export
from casebook.services.export.request import ExportRequest

HOSPITAL = Recipient("Example University Hospital", "Thoracic Oncology MDT", "Dr. A. Reviewer",
                     "Germany")  # fmt: skip
SENDERS = {
    "en": Sender("Jun Lin", "son", "jun@example.org", "English, Chinese"),
    "zh": Sender("林军", "儿子", "jun@example.org", "中文、English"),
}


def _tree(language: str, summary: str, folder: Path) -> Path:
    """The demo binder in `language`, planned for `summary` languages, written out plain."""
    session, _ = create_demo_binder(folder / "binder", language=language)
    with session:
        request = ExportRequest(HOSPITAL, SENDERS[language], summary)
        tree = build_tree(plan_export(session, request, date(2026, 11, 22)))
        out = folder / "tree"
        for entry in tree.entries:
            target = out / entry.path
            target.parent.mkdir(parents=True, exist_ok=True)
            chunks = entry.open_chunks() if entry.open_chunks is not None else [entry.data or b""]
            target.write_bytes(b"".join(chunks))
    return out


def _page(pdf: Path, page: int, target: Path) -> None:
    stem = target.with_suffix("")
    subprocess.run(["pdftoppm", "-png", "-r", "90", "-f", str(page), "-l", str(page),
                    "-singlefile", str(pdf), str(stem)], check=True)  # fmt: skip
    print(target)


def _browser(page: Path, target: Path) -> None:
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        print("chromium not found: INDEX.HTM not rendered", file=sys.stderr)
        return
    subprocess.run(
        [browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
         f"--screenshot={target}", "--window-size=1280,960", page.as_uri()],
        check=True, capture_output=True,
    )  # fmt: skip
    print(target)


def _cover_sheet(target: Path, work: Path) -> None:
    parts = tuple(
        SheetPart(f"casebook-bundle-2026-11-22.7z.{i:03d}", 20_000_000,
                  hashlib.sha256(b"part %d" % i).hexdigest())
        for i in range(1, 31)
    )  # fmt: skip
    sheet = CoverSheet(HOSPITAL, "2026-11-22", "0417-2298-6630-1954-7781-0362", parts,
                       SENDERS["en"])  # fmt: skip
    pdf = work / "cover.pdf"
    pdf.write_bytes(render_cover_sheet(sheet, "en"))
    _page(pdf, 1, target)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", type=Path, default=Path("docs/screenshots/bundle"))
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="casebook-bundle-pages-") as temp:
        work = Path(temp)
        english = _tree("en", "en+zh", work / "en")
        chinese = _tree("zh", "zh", work / "zh")
        _page(english / "CASE_SUMMARY_EN.PDF", 1, args.out / "summary_en_glance.png")
        _page(english / "CASE_SUMMARY_EN.PDF", 2, args.out / "summary_en_letter.png")
        _page(chinese / "CASE_SUMMARY_ZH.PDF", 1, args.out / "summary_zh_glance.png")
        _page(chinese / "CASE_SUMMARY_ZH.PDF", 2, args.out / "summary_zh_letter.png")
        _browser(english / "INDEX.HTM", args.out / "index_htm.png")
        _browser(chinese / "INDEX.HTM", args.out / "zh_index_htm.png")
        _cover_sheet(args.out / "cover_sheet_30_parts.png", work)
    return 0


if __name__ == "__main__":
    sys.exit(main())
