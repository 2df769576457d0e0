"""PDF pages are counted, rendered within a pixel budget and read as text, from memory."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import pytest
from reportlab.lib.pdfencrypt import StandardEncryption

from casebook.importers.pdf_pages import (
    PdfPasswordProtected,
    PdfUnreadable,
    extract_pdf_text,
    pdf_page_count,
    render_pdf_page,
)

from .samples import BROKEN, DEMO_DOCUMENTS, make_pdf


def test_page_count_and_text(two_page_pdf: bytes) -> None:
    assert pdf_page_count(two_page_pdf) == 2
    text = extract_pdf_text(two_page_pdf)
    first, second = text.split("\f")
    assert "Pathology report page one" in first
    assert "immunohistochemistry" in second


def test_text_stops_at_max_pages() -> None:
    data = make_pdf([f"page number {n}" for n in range(5)])
    text = extract_pdf_text(data, max_pages=2)
    assert "page number 1" in text
    assert "page number 2" not in text


def test_demo_document_text() -> None:
    data = (DEMO_DOCUMENTS / "pathology-report.pdf").read_bytes()
    assert "Surgical Pathology Report" in extract_pdf_text(data)


def test_render_a4_is_rgb_at_the_capped_scale(two_page_pdf: bytes) -> None:
    pixels = render_pdf_page(two_page_pdf, 0)
    assert pixels.dtype == np.uint8
    assert pixels.ndim == 3
    assert pixels.shape[2] == 3
    height, width = pixels.shape[:2]
    assert height * width <= 4_000_000
    assert width / height == pytest.approx(595.27 / 841.89, rel=0.01)
    # The red square fills the lower left quarter; the top right is white paper.
    assert tuple(pixels[height - 5, 5]) == pytest.approx((204, 26, 26), abs=3)
    assert tuple(pixels[5, width - 5]) == (255, 255, 255)


def test_small_max_pixels_gives_a_small_render(two_page_pdf: bytes) -> None:
    pixels = render_pdf_page(two_page_pdf, 1, max_pixels=40_000)
    assert pixels.shape[0] * pixels.shape[1] <= 40_000
    assert pixels.shape[0] > 200  # sqrt(40000 / (595*842)) * 842 ≈ 231


def test_huge_page_renders_within_budget() -> None:
    data = make_pdf(["a poster"], pagesize=(5000, 5000))
    pixels = render_pdf_page(data)
    assert pixels.shape == (2000, 2000, 3)  # 5000 pt × 0.4 = 2000 px, 4 MP
    small = render_pdf_page(data, max_pixels=250_000)
    assert small.shape == (500, 500, 3)
    assert tuple(small[-5, 5]) == pytest.approx((204, 26, 26), abs=3)


def test_tiny_page_is_not_blown_up() -> None:
    data = make_pdf(["x"], pagesize=(72, 36))  # one inch by half an inch
    assert render_pdf_page(data).shape == (150, 300, 3)  # capped at 300 dpi


def test_page_index_out_of_range(two_page_pdf: bytes) -> None:
    with pytest.raises(IndexError):
        render_pdf_page(two_page_pdf, 2)


def test_password_protected_pdf(password_pdf: bytes) -> None:
    with pytest.raises(PdfPasswordProtected) as caught:
        pdf_page_count(password_pdf)
    assert caught.value.password_given is False
    with pytest.raises(PdfPasswordProtected) as caught:
        render_pdf_page(password_pdf, password="wrong")
    assert caught.value.password_given is True
    with pytest.raises(PdfPasswordProtected):
        extract_pdf_text(password_pdf)
    assert "Confidential discharge letter" in extract_pdf_text(password_pdf, password="tulip-42")


def test_aes256_pdf_made_by_qpdf(
    tmp_path: Path, two_page_pdf: bytes, require_tool: Callable[..., Path]
) -> None:
    qpdf = require_tool("qpdf")
    plain = tmp_path / "plain.pdf"  # not patient data: generated text
    plain.write_bytes(two_page_pdf)
    locked = tmp_path / "locked.pdf"
    subprocess.run(
        [qpdf, "--encrypt", "user-pw", "owner-pw", "256", "--", plain, locked], check=True
    )
    data = locked.read_bytes()
    with pytest.raises(PdfPasswordProtected):
        render_pdf_page(data)
    assert pdf_page_count(data, password="user-pw") == 2
    assert "immunohistochemistry" in extract_pdf_text(data, password="user-pw")


def test_owner_password_only_opens_freely() -> None:
    data = make_pdf(["printable"], encrypt=StandardEncryption("", ownerPassword="owner"))
    assert "printable" in extract_pdf_text(data)


@pytest.mark.parametrize("name", ["truncated.pdf", "empty.dcm", "random.dcm"])
def test_broken_files_are_unreadable(name: str) -> None:
    data = (BROKEN / name).read_bytes()
    with pytest.raises(PdfUnreadable):
        pdf_page_count(data)
    with pytest.raises(PdfUnreadable):
        render_pdf_page(data)


def test_parallel_renders_agree(two_page_pdf: bytes) -> None:
    expected = render_pdf_page(two_page_pdf, 1, max_pixels=100_000)
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(
            pool.map(lambda _: render_pdf_page(two_page_pdf, 1, max_pixels=100_000), range(12))
        )
    for pixels in results:
        assert np.array_equal(pixels, expected)
