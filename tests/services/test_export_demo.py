"""A bundle sealed from the demo binder, as the hospital receives it, judged by outside tools:
7-Zip opens it; dcmdump and dciodvfy read the DICOMDIR against the files' own keys; the XDM
metadata passes the ebXML schemas and its hashes match; pdffonts finds every font embedded; a
Chinese-only summary carries none of Casebook's English; INDEX.HTM shows each series with a
JPEG preview that exists only inside the archive."""

from __future__ import annotations

import hashlib
import io
import re
import subprocess
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from bundle.dicom_dump import directory_records, file_keys
from bundle.test_pages import english_fragments
from data_paths import XDS_SCHEMAS
from lxml import etree
from PIL import Image

from casebook.bundle.plan import Recipient, Sender
from casebook.core.model import RecordKind
from casebook.core.progress import NEVER_CANCELLED, ignore_progress
from casebook.services.demo import create_demo_binder
from casebook.services.export.sealing import ExportRequest, export_bundle
from casebook.services.records.importing import import_paths
from casebook.store.keyslots import KdfParams

SCHEMAS = XDS_SCHEMAS
RIM = {"rim": "urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0"}
HOSPITAL = Recipient("Example University Hospital", "Thoracic MDT", "Dr. A. Reviewer", "Germany")
SENDER = Sender("Jun Lin", "son", "jun@example.org", "English, 中文")
Tool = Callable[..., Path]


def _tool(*names: str) -> Path:
    from conftest import find_tool

    return find_tool(*names)


def _sealed_demo(folder: Path, language: str, summary: str) -> Path:
    """The demo binder in `language`, sealed with `summary` languages and extracted by 7-Zip."""
    session, _ = create_demo_binder(folder / "binder", KdfParams.minimum(), language=language)
    with session:
        photo = folder / "IM000061"  # a picture from a CD, without extension
        buffer = io.BytesIO()
        Image.new("RGB", (90, 60), (220, 210, 190)).save(buffer, format="PNG")
        photo.write_bytes(buffer.getvalue())
        import_paths(session, [photo], RecordKind.OTHER, ignore_progress, NEVER_CANCELLED)
        out = folder / "out"
        out.mkdir()
        result = export_bundle(
            session, ExportRequest(HOSPITAL, SENDER, summary), out, "bundle", ignore_progress,
            NEVER_CANCELLED, today=date(2026, 11, 22),
        )  # fmt: skip
    [part] = result.bundle.parts
    extracted = folder / "extracted"
    subprocess.run(
        [str(_tool("7z", "7zz")), "x", f"-p{result.password}", f"-o{extracted}", str(part.path)],
        check=True, capture_output=True,
    )  # fmt: skip
    return extracted


@pytest.fixture(scope="module")
def bilingual(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _sealed_demo(tmp_path_factory.mktemp("demo-en"), "en", "en+zh")


@pytest.fixture(scope="module")
def chinese(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _sealed_demo(tmp_path_factory.mktemp("demo-zh"), "zh", "zh")


def test_the_dicomdir_speaks_for_the_files(bilingual: Path, require_tool: Tool) -> None:
    dcmdump = require_tool("dcmdump")
    records = directory_records(dcmdump, bilingual / "DICOMDIR")
    [study] = [r for r in records if r.kind == "STUDY"]
    leaves = [r for r in records if "ReferencedFileID" in r.keys]
    assert len(leaves) == 6
    assert {r.kind for r in leaves} == {"IMAGE"}
    for leaf in leaves:
        own = file_keys(dcmdump, bilingual / leaf.keys["ReferencedFileID"].replace("\\", "/"))
        assert study.keys["StudyTime"] == own["StudyTime"] == "185824"
        assert study.keys["StudyDate"] == own["StudyDate"]
        assert own["StudyID"] == ""
        assert re.fullmatch(r"CB[0-9A-F]{8}", study.keys["StudyID"])
        assert leaf.keys["InstanceNumber"] == own["InstanceNumber"]
    check = subprocess.run(
        [str(require_tool("dciodvfy")), "DICOMDIR"], cwd=bilingual, capture_output=True,
        text=True, check=False,
    )  # fmt: skip
    assert [line for line in (check.stdout + check.stderr).splitlines()
            if line.startswith("Error")] == []  # fmt: skip


def test_xdm_metadata_is_valid_and_every_hash_matches(bilingual: Path) -> None:
    subset = bilingual / "IHE_XDM" / "SUBSET01"
    metadata = etree.parse(str(subset / "METADATA.XML"))
    schema = etree.XMLSchema(etree.parse(str(SCHEMAS / "lcm.xsd")))
    assert schema.validate(metadata), schema.error_log
    entries = metadata.getroot().xpath("//rim:ExtrinsicObject", namespaces=RIM)
    uris = set()
    for entry in entries:

        def slot(name: str, entry: etree._Element = entry) -> str:
            return str(entry.xpath(f"rim:Slot[@name='{name}']//rim:Value/text()",
                                   namespaces=RIM)[0])  # fmt: skip

        data = (subset / slot("URI")).read_bytes()
        assert slot("hash") == hashlib.sha1(data, usedforsecurity=False).hexdigest()
        assert slot("size") == str(len(data))
        uris.add(slot("URI"))
    assert uris == {p.name for p in subset.iterdir()} - {"METADATA.XML"}
    picture = next(p for p in subset.iterdir() if p.suffix == ".PNG")
    assert picture.read_bytes().startswith(b"\x89PNG")  # the CD picture, named by its type


def test_every_pdf_casebook_made_embeds_its_fonts(
    bilingual: Path, chinese: Path, require_tool: Tool
) -> None:
    pdffonts = require_tool("pdffonts")
    summaries = [*bilingual.glob("CASE_SUMMARY_*.PDF"), *chinese.glob("CASE_SUMMARY_*.PDF")]
    assert len(summaries) == 3
    for pdf in summaries:
        fonts = subprocess.run([str(pdffonts), str(pdf)], capture_output=True, text=True,
                               check=True).stdout.splitlines()[2:]  # fmt: skip
        assert fonts, pdf
        assert all(line.split()[-5] == "yes" for line in fonts), (pdf, fonts)


def test_a_chinese_only_summary_has_no_english_from_casebook(
    chinese: Path, require_tool: Tool
) -> None:
    text = subprocess.run(
        [str(require_tool("pdftotext")), str(chinese / "CASE_SUMMARY_ZH.PDF"), "-"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    flat = re.sub(r"\s+", " ", text)
    for needle in ("病例一览", "林梅（演示）", "一线系统治疗", "二线系统治疗", "病程时间线",
                   "已获得的意见", "给出的分期不同"):  # fmt: skip
        assert needle in flat, needle
    assert sorted(f for f in english_fragments() if f in flat) == []
    readme = (chinese / "README.TXT").read_text(encoding="utf-8-sig")
    assert "第二诊疗意见病历资料" in readme
    assert "WHAT IS INSIDE" not in readme


def test_index_shows_each_series_with_a_jpeg_preview(bilingual: Path) -> None:
    index = (bilingual / "INDEX.HTM").read_text(encoding="utf-8")
    sources = re.findall(r'<img src="([^"]+)"', index)
    assert sources == ["IHE_PDI/SE000001.JPG"]
    preview = bilingual / sources[0]
    with Image.open(preview) as picture:
        assert picture.format == "JPEG"
        assert picture.size == (128, 128)
    assert "2007-04-04" in index
    assert "6 images · 6 幅图像" in index
    readme = (bilingual / "README.TXT").read_text(encoding="utf-8-sig")
    assert "Jun Lin, son, jun@example.org" in readme
    assert "English, 中文" in readme


_CHILD = """
import sys
from datetime import date
from pathlib import Path
from casebook.bundle.plan import Recipient
from casebook.core.progress import NEVER_CANCELLED, ignore_progress
from casebook.services.demo import create_demo_binder
from casebook.services.export.sealing import ExportRequest, export_bundle
from casebook.store.keyslots import KdfParams

work = Path(sys.argv[1])
session, _ = create_demo_binder(work / "binder", KdfParams.minimum())
with session:
    (work / "out").mkdir()
    export_bundle(session, ExportRequest(Recipient("H"), summary_language="en+zh"),
                  work / "out", "bundle", ignore_progress, NEVER_CANCELLED)
print("done")
"""


def test_sealing_writes_nothing_but_the_sealed_parts(tmp_path: Path) -> None:
    """Previews, key images, summaries and the DICOMDIR are made in memory: apart from the
    binder and the encrypted bundle, no file appears, not even in the temporary folder."""
    import os
    import sys

    work, temp = tmp_path / "work", tmp_path / "temp"
    work.mkdir()
    temp.mkdir()
    env = {**os.environ, "TMPDIR": str(temp), "TEMP": str(temp), "TMP": str(temp)}
    result = subprocess.run(
        [sys.executable, "-c", _CHILD, str(work)], capture_output=True, text=True, env=env,
        timeout=300, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "done" in result.stdout
    outside = [p for p in work.rglob("*") if p.is_file() and "binder" not in p.parts]
    assert [p.name for p in outside] == ["bundle.7z"]
    for path in [*outside, *(p for p in temp.rglob("*") if p.is_file())]:
        data = path.read_bytes()
        for secret in (b"Mei Lin", "林梅".encode(), b"\xff\xd8\xff\xe0", b"JFIF"):
            assert secret not in data, path
