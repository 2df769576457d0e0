"""The printed comparison, judged by outside tools: qpdf, pdffonts, pdftotext, pdftoppm."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

from core.opinion_samples import dr_chen, dr_mueller, fudan_mdt
from PIL import Image

from casebook.core.opinions import FieldValue, Mark, OpinionField
from casebook.services.binder.session import BinderSession
from casebook.services.opinions import opinions
from casebook.services.opinions.comparison_pdf import (
    print_comparison,
    render_comparison_pdf,
)

Tool = Callable[..., Path]


def run(tool: Path, *arguments: str) -> str:
    result = subprocess.run(
        [str(tool), *arguments], capture_output=True, text=True, check=True, timeout=60
    )
    return result.stdout


def three_opinions(session: BinderSession) -> list[int]:
    return [opinions.save_opinion(session, o) for o in (dr_chen(), dr_mueller(), fudan_mdt())]


def test_the_printed_table(session: BinderSession, tmp_path: Path, require_tool: Tool) -> None:
    qpdf, pdffonts = require_tool("qpdf"), require_tool("pdffonts")
    pdftotext, pdftoppm = require_tool("pdftotext"), require_tool("pdftoppm")
    ids = three_opinions(session)
    opinions.set_mark(session, ids, OpinionField.STAGE, Mark.DIFFER)
    target = tmp_path / "comparison.pdf"
    assert print_comparison(session, ids, target) == target
    assert not (tmp_path / "comparison.pdf.partial").exists()

    assert "No syntax or stream encoding errors" in run(qpdf, "--check", str(target))
    fonts = run(pdffonts, str(target)).splitlines()[2:]
    assert fonts, "no fonts listed"
    for line in fonts:
        assert line.split()[-5] == "yes", f"font not embedded: {line}"  # the "emb" column

    text = run(pdftotext, "-layout", str(target), "-")
    for expected in (
        "Opinions side by side",
        "Dr Wei Chen",
        "Dr Anna Müller",
        "胰腺肿瘤MDT",
        "复旦大学附属肿瘤医院",
        "Team (MDT)",
        "Sequence and timing",
        "≠ Different",
        "= Same",
        "Only one says",
        "confirmed by the family",
        "Not stated",
        "Page 1 of",
    ):
        assert expected in text, expected
    assert "right." in text  # "…it does not judge which is right."

    run(pdftoppm, "-r", "60", "-png", "-f", "1", "-l", "1", str(target), str(tmp_path / "page"))
    (picture,) = tmp_path.glob("page*.png")
    with Image.open(picture) as image:
        assert image.width > image.height  # landscape
        assert image.getextrema() != ((255, 255), (255, 255), (255, 255))  # something drawn


def test_long_text_wraps_and_repeats_the_header(
    session: BinderSession, tmp_path: Path, require_tool: Tool
) -> None:
    pdftotext = require_tool("pdftotext")
    chen, mueller = dr_chen(), dr_mueller()
    # Longer than a page: the row continues on the next page instead of failing.
    chen.fields[OpinionField.REASONING] = FieldValue("The vein contact matters. " * 300)
    mueller.fields[OpinionField.REASONING] = FieldValue("手术前需要再次评估血管受累情况。" * 30)
    ids = [opinions.save_opinion(session, o) for o in (chen, mueller)]
    data = render_comparison_pdf(
        opinions.load_comparison(session, ids), patient_name="测试 Patient", printed_on="2025-02-01"
    )
    target = tmp_path / "long.pdf"
    target.write_bytes(data)
    pages = run(pdftotext, "-layout", str(target), "-").split("\f")
    pages = [p for p in pages if p.strip()]
    assert len(pages) >= 4
    for number, page in enumerate(pages, start=1):
        assert "Same or different?" in page  # the header row on every page
        assert f"Page {number} of {len(pages)}" in page


def test_chinese_headings(session: BinderSession, tmp_path: Path, require_tool: Tool) -> None:
    pdftotext = require_tool("pdftotext")
    ids = three_opinions(session)
    data = render_comparison_pdf(
        opinions.load_comparison(session, ids[:2]),
        patient_name="",
        printed_on="2025-02-01",
        language="zh",
    )
    target = tmp_path / "zh.pdf"
    target.write_bytes(data)
    text = run(pdftotext, str(target), "-")
    for expected in ("多方意见对照", "相同还是不同", "诊断", "分期", "第 1 页"):
        assert expected in text, expected
