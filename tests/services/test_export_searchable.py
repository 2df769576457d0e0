"""A photographed report travels as the original photo plus a searchable PDF of it, which
poppler's pdftotext reads in both languages and qpdf finds sound; the family's correction is
what the PDF carries once they made one."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from paper_photos import encoded, photographed, report_page, save

from casebook.bundle.plan import Recipient
from casebook.core.progress import NEVER_CANCELLED, ignore_progress
from casebook.services.binder.session import BinderSession
from casebook.services.export.sealing import ExportRequest, export_bundle
from casebook.services.records import documents as records
from casebook.services.records.importing import import_paths
from casebook.services.records.recognition import correct_text, recognise_waiting

pytestmark = pytest.mark.slow
Tool = Callable[..., Path]


def _seal_and_open(session: BinderSession, tmp_path: Path, seven_zip: Path, name: str) -> Path:
    out = tmp_path / f"out-{name}"
    out.mkdir()
    result = export_bundle(
        session, ExportRequest(Recipient("Example Cancer Centre")), out, name, ignore_progress,
        NEVER_CANCELLED,
    )  # fmt: skip
    opened = tmp_path / f"opened-{name}"
    subprocess.run(
        [seven_zip, "x", f"-p{result.password}", f"-o{opened}", result.bundle.parts[0].path],
        check=True, capture_output=True,
    )  # fmt: skip
    return opened / "IHE_XDM" / "SUBSET01"


def _text(pdftotext: Path, pdf: Path) -> str:
    out = subprocess.run([pdftotext, pdf, "-"], check=True, capture_output=True, text=True)
    return out.stdout


def test_a_photo_goes_out_with_a_searchable_pdf_of_it(
    tmp_path: Path, session: BinderSession, require_tool: Tool
) -> None:
    seven_zip, pdftotext = require_tool("7z", "7zz"), require_tool("pdftotext")
    qpdf, pdfimages = require_tool("qpdf"), require_tool("pdfimages")
    photo = encoded(photographed(report_page(), tilt=2.5, brightness=0.7), "jpeg", 70)
    import_paths(
        session, [save(tmp_path, "IMG_7.jpg", photo)], None, ignore_progress, NEVER_CANCELLED
    )
    recognise_waiting(session, ignore_progress, NEVER_CANCELLED)
    [document] = records.list_documents(session)

    subset = _seal_and_open(session, tmp_path, seven_zip, "first")
    assert (subset / "DOC00001.JPG").read_bytes() == photo  # the original, byte for byte
    pdf = subset / "DOC00002.PDF"
    text = _text(pdftotext, pdf)
    assert "adenocarcinoma" in text
    assert "肺腺癌" in "".join(text.split())
    subprocess.run([qpdf, "--check", pdf], check=True, capture_output=True)
    images = subprocess.run([pdfimages, "-list", pdf], check=True, capture_output=True, text=True)
    assert len(images.stdout.strip().splitlines()) == 3  # header, rule, the one photo
    summary = _text(pdftotext, subset.parent.parent / "CASE_SUMMARY_EN.PDF")
    assert "(searchable PDF)" in summary

    correct_text(session, document.id, "Pathology report, checked by the family: 肺腺癌")
    second = _seal_and_open(session, tmp_path, seven_zip, "second")
    again = _text(pdftotext, second / "DOC00002.PDF")
    assert "checked by the family" in again
