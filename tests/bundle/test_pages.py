"""The pages a hospital reads, judged by poppler (pdffonts, pdftotext, pdfinfo) and parsed as
XML: the summary in the reader's language with the case at a glance first, README.TXT and
INDEX.HTM."""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from urllib.parse import unquote

import pytest

from casebook import __version__
from casebook.bundle.glance import render_glance_pdf
from casebook.bundle.plan import BundlePlan, SeriesPreview
from casebook.texts import catalogue_path
from casebook.texts.po_file import parse_po

from .conftest import write_tree
from .samples import sample_plan

Tool = Callable[..., Path]
XHTML = "{http://www.w3.org/1999/xhtml}"


def run(tool: Path, *args: object) -> str:
    result = subprocess.run(
        [str(tool), *(str(a) for a in args)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def squeezed(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def english_fragments() -> set[str]:
    """Every piece of English the catalogue translates, cut at its placeholders (10+ chars)."""
    fragments = set()
    for entry in parse_po(Path(catalogue_path("zh")).read_text(encoding="utf-8")):
        for text in (entry.msgid, entry.msgid_plural or ""):
            for piece in re.split(r"\{\w+\}", text):
                piece = squeezed(piece).strip(" .,:;()")
                if len(piece) >= 10 and piece != squeezed(entry.msgstr.get(0, "")):
                    fragments.add(piece)
    return fragments


@pytest.fixture(scope="module")
def chinese_tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_tree(sample_plan("zh"), tmp_path_factory.mktemp("zh"))


def test_every_pdf_embeds_every_font(
    tree_folder: Path, chinese_tree: Path, tmp_path: Path, require_tool: Tool
) -> None:
    pdffonts = require_tool("pdffonts")
    glance = tmp_path / "glance.pdf"
    glance.write_bytes(render_glance_pdf(sample_plan().summary.glance, "en+zh"))  # type: ignore[arg-type]
    made_by_casebook = ["CASE_SUMMARY_*.PDF", "IHE_XDM/SUBSET01/DOC0000[67].PDF"]
    pdfs = [p for pattern in made_by_casebook for p in tree_folder.glob(pattern)]
    pdfs += [*chinese_tree.glob("CASE_SUMMARY_*.PDF"), glance]
    assert len(pdfs) == 6
    for pdf in pdfs:
        fonts = run(pdffonts, pdf).splitlines()[2:]
        assert fonts, pdf
        assert all(line.split()[-5] == "yes" for line in fonts), (pdf, fonts)
        assert not any("Helvetica" in line for line in fonts), (pdf, fonts)


def test_a_chinese_summary_holds_no_english_words_of_casebook(
    chinese_tree: Path, require_tool: Tool
) -> None:
    text = squeezed(run(require_tool("pdftotext"), chinese_tree / "CASE_SUMMARY_ZH.PDF", "-"))
    for needle in ("病例一览", "多学科会诊", "病程时间线", "病历资料目录", "影像资料目录",
                   "希望 MDT 解答的问题", "已获得的意见", "关于本摘要", "一线系统治疗",
                   "部分缓解", "还能手术吗？"):  # fmt: skip
        assert needle in text
    leaked = sorted(f for f in english_fragments() if f in text)
    assert leaked == []
    assert not (chinese_tree / "CASE_SUMMARY_EN.PDF").exists()


def test_the_first_page_is_the_case_at_a_glance(tree_folder: Path, require_tool: Tool) -> None:
    pdftotext = require_tool("pdftotext")
    for language, words in (
        ("EN", ["Case at a glance", "Stage as stated", "IIIA (as stated by Dr. A. Surgeon",
                "Our question to the MDT", "Line 1 of systemic therapy", "Still missing",
                "Medical history", "mei@example.org", "9 images, 23 frames"]),
        ("ZH", ["病例一览", "分期（按原文记载）", "各线治疗", "尚缺资料", "病史",
                "mei@example.org"]),
    ):  # fmt: skip
        pdf = tree_folder / f"CASE_SUMMARY_{language}.PDF"
        first = squeezed(run(pdftotext, "-f", "1", "-l", "1", pdf, "-"))
        second = squeezed(run(pdftotext, "-f", "2", "-l", "2", pdf, "-"))
        for word in words[:-1]:
            assert word in first, (language, word)
        assert words[-1] in first
        assert ("Dear colleagues" in second) or ("尊敬的各位专家" in second)


def test_the_glance_stays_on_one_page_however_much_there_is(
    tmp_path: Path, require_tool: Tool
) -> None:
    glance = sample_plan().summary.glance
    assert glance is not None
    crowded = replace(
        glance,
        diagnosis="Adenocarcinoma " * 80,
        questions=glance.questions * 20,
        lines_of_therapy=glance.lines_of_therapy * 30,
        stages=glance.stages * 10,
    )
    for language in ("en", "zh"):
        pdf = tmp_path / f"{language}.pdf"
        pdf.write_bytes(render_glance_pdf(crowded, language))
        info = run(require_tool("pdfinfo"), pdf)
        assert re.search(r"^Pages:\s+1$", info, re.MULTILINE), info
        text = run(require_tool("pdftotext"), pdf, "-")
        assert re.search(r"and 1[0-9] more|另有 1[0-9] 项", text), text


def test_readme_names_the_application_the_sender_and_each_folder(tree_folder: Path) -> None:
    readme = (tree_folder / "README.TXT").read_bytes()
    assert readme.startswith(b"\xef\xbb\xbf")
    assert b"\r\n" in readme
    text = readme.decode("utf-8-sig")
    for needle in (f"Casebook {__version__}", "Mei Chen, daughter, mei@example.org", "2025-01-31",
                   "IHE_XDM/SUBSET01/", "DICOMDIR, DICOM/", "INDEX.HTM",
                   "sha256sum -c", "certutil", "Get-FileHash", "Keka", "p7zip",
                   "Please contact Mei Chen",
                   # the Chinese half, since both languages were chosen
                   "第二诊疗意见病历资料", "内容及使用方法", "如何打开压缩包",
                   "请联系 Mei Chen"):  # fmt: skip
        assert needle in text, needle
    assert "7 studies, 7 series, 9 images, 23 frames" in text
    assert "7 项检查、7 个序列、9 幅图像，23 帧" in text


def test_readme_in_one_language_only(chinese_tree: Path) -> None:
    text = (chinese_tree / "README.TXT").read_text(encoding="utf-8-sig")
    assert "第二诊疗意见病历资料" in text
    assert "CASE RECORDS FOR A SECOND OPINION" not in text


def test_index_lists_each_series_once_with_preview_date_and_count(
    plan: BundlePlan, tmp_path: Path
) -> None:
    previews = tuple(
        SeriesPreview(uid, b"\xff\xd8\xff" + uid.encode())
        for uid in dict.fromkeys(i.series_instance_uid for i in plan.dicom)
    )
    folder = write_tree(replace(plan, previews=previews), tmp_path)
    root = ET.parse(folder / "INDEX.HTM").getroot()  # noqa: S314 - our own output
    links = {unquote(a.get("href", "")) for a in root.iter(f"{XHTML}a")}
    for path in folder.rglob("*"):
        relative = str(path.relative_to(folder))
        skipped = relative.startswith(("DICOM/", "IHE_PDI/")) or path.name == "INDEX.HTM"
        if path.is_file() and not skipped:
            assert relative in links, relative
    images = [img.get("src", "") for img in root.iter(f"{XHTML}img")]
    assert len(images) == len(previews)  # one entry per series
    assert all((folder / unquote(src)).is_file() for src in images)
    rows = ["".join(tr.itertext()) for tr in root.iter(f"{XHTML}tr")]
    dose = next(r for r in rows if "RTDOSE" in r)
    assert "2003-08-05" in dose  # a date for people, not 20030805
    assert "1 image, 15 frames" in dose
    assert "1 幅图像，15 帧" in dose
    ct = next(r for r in rows if "2007-04-04" in r)
    assert "3 images" in ct
