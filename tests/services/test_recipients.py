"""Destination profiles end to end: each identified profile sealed and judged by 7-Zip, dcmdump and
pdftotext; a de-identified bundle judged by grep, dcmdump, pdftotext and
dciodvfy; a redacted copy judged by pdftotext and pdfimages; translations in the pre-flight and
beside their originals."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable
from datetime import date
from pathlib import Path

import numpy as np
import pytest
from data_paths import lung_slices
from PIL import Image
from pydicom import dcmread

from casebook.bundle.plan import Recipient
from casebook.core.model import Case, DocumentEdit, PartialDate, RecordKind
from casebook.core.preflight import FindingKind
from casebook.core.progress import NEVER_CANCELLED, ignore_progress
from casebook.services.binder.session import BinderSession, create_binder
from casebook.services.export.profiles import find_profile
from casebook.services.export.sealing import ExportRequest, export_bundle, plan_export
from casebook.services.preflight import check_content
from casebook.services.records import documents as records
from casebook.services.records.importing import import_paths
from casebook.services.redaction import copies
from casebook.services.redaction.identity import save_identity_facts

from .conftest import FAST, PASSWORD
from .test_importing import _report_pdf

Tool = Callable[..., Path]
TODAY = date(2026, 11, 22)
FRIEND = Recipient("Dr Lee (a friend)", country="Canada")
CANARY_GIVEN, CANARY_FAMILY = "Qzxvnorth", "Canarybell"
CANARY_ID = "Q48213377Z"
CANARY_BIRTH = PartialDate(1957, 2, 13)
NEEDLES = [CANARY_GIVEN, CANARY_FAMILY, CANARY_ID, "19570213", "1957-02-13"]


@pytest.fixture
def canary(tmp_path: Path) -> BinderSession:
    case = Case(f"{CANARY_GIVEN} {CANARY_FAMILY}", CANARY_BIRTH, "Lung adenocarcinoma")
    created = create_binder(tmp_path / "binder", PASSWORD, case, FAST)
    yield created.session
    created.session.close()


def _canary_slices(folder: Path) -> list[Path]:
    """Three real CT slices labelled with the canary everywhere a hospital writes a name."""
    folder.mkdir()
    made = []
    for source in lung_slices(3):
        dataset = dcmread(source)
        dataset.PatientName = f"{CANARY_FAMILY.upper()}^{CANARY_GIVEN.upper()}"
        dataset.PatientID = CANARY_ID
        dataset.PatientBirthDate = "19570213"
        dataset.StudyDescription = f"CT chest for {CANARY_GIVEN} {CANARY_FAMILY}"
        dataset.OperatorsName = f"{CANARY_FAMILY}^{CANARY_GIVEN}"
        dataset.OtherPatientIDs = CANARY_ID
        block = dataset.private_block(0x0011, "CASEBOOK TEST", create=True)
        block.add_new(0x01, "LO", f"{CANARY_GIVEN} {CANARY_FAMILY}")
        target = folder / source.name
        dataset.save_as(target)
        made.append(target)
    return made


def _fill(session: BinderSession, tmp_path: Path) -> dict[str, int]:
    report = tmp_path / "pathology.pdf"
    _report_pdf(
        report,
        [
            "Surgical pathology report",
            f"Patient: {CANARY_GIVEN} {CANARY_FAMILY}",
            f"Born 1957-02-13   ID {CANARY_ID}",
            "Tel 13912345678",
            "Diagnosis: invasive adenocarcinoma of the lung",
        ],
    )
    letter = tmp_path / "letter.pdf"
    _report_pdf(letter, [f"Dear colleague, about {CANARY_GIVEN} {CANARY_FAMILY}"])
    photo = tmp_path / "wound.png"
    Image.new("RGB", (120, 90), (200, 160, 150)).save(photo)
    import_paths(session, [report, letter, photo], None, ignore_progress, NEVER_CANCELLED)
    slices = _canary_slices(tmp_path / "disc")
    import_paths(session, slices, RecordKind.IMAGING, ignore_progress, NEVER_CANCELLED)
    save_identity_facts(session, [("id_number", CANARY_ID)])
    return {d.original_name: d.id for d in records.list_documents(session)}


def _run(tool: Path, *args: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(tool), *map(str, args)], capture_output=True, text=True, check=False)


def _extract(require_tool: Tool, part: Path, password: str, target: Path) -> list[Path]:
    seven = require_tool("7zz", "7z")
    result = _run(seven, "x", f"-p{password}", f"-o{target}", part)
    assert result.returncode == 0, result.stdout + result.stderr
    return sorted(p for p in target.rglob("*") if p.is_file())


def _errors(tool: Path, path: Path) -> list[str]:
    """dciodvfy's errors with UIDs blanked (de-identification changes them)."""
    text = _run(tool, path).stderr
    return sorted(re.sub(r"[0-9]+(\.[0-9]+)+", "UID", line)
                  for line in text.splitlines() if line.startswith("Error"))  # fmt: skip


@pytest.mark.slow
def test_a_deidentified_bundle_holds_no_trace_of_the_patient(
    canary: BinderSession, tmp_path: Path, require_tool: Tool
) -> None:
    ids = _fill(canary, tmp_path)
    findings = check_content(canary, find_profile("deidentified"))
    flagged = {(f.kind, f.ref) for f in findings}
    assert (FindingKind.DOCUMENT_SHOWS_IDENTITY, ids["pathology.pdf"]) in flagged
    assert (FindingKind.DOCUMENT_NOT_CHECKED, ids["wound.png"]) in flagged
    # The family hides what Casebook proposes on the report, and checks the photo.
    proposed = copies.propose(canary, ids["pathology.pdf"])
    assert {box.reason for box in proposed} >= {"name", "birth_date", "id_number", "phone"}
    copies.make_redacted_copy(canary, ids["pathology.pdf"], proposed)
    copies.confirm_shows_no_identity(canary, ids["wound.png"], True)
    flagged = {(f.kind, f.ref) for f in check_content(canary, find_profile("deidentified"))}
    assert (FindingKind.DOCUMENT_SHOWS_IDENTITY, ids["pathology.pdf"]) not in flagged
    assert (FindingKind.DOCUMENT_SHOWS_IDENTITY, ids["letter.pdf"]) in flagged

    request = ExportRequest(FRIEND, summary_language="en+zh", profile_id="deidentified")
    (tmp_path / "out").mkdir()
    result = export_bundle(
        canary, request, tmp_path / "out", "bundle", ignore_progress, NEVER_CANCELLED, TODAY
    )
    files = _extract(require_tool, result.bundle.parts[0].path, result.password, tmp_path / "x")
    names = [str(p.relative_to(tmp_path / "x")) for p in files]
    dicom = [p for p in files if "/DICOM/" in str(p)]
    pdfs = [p for p in files if p.suffix == ".PDF"]
    assert len(dicom) == 3
    assert "IHE_XDM/SUBSET01/DOC00001.PDF" in names
    assert "IHE_XDM/SUBSET01/DOC00002.PNG" in names
    # Two documents and the two summaries: the letter that names the patient stayed home.
    assert len([n for n in names if n.startswith("IHE_XDM/SUBSET01/DOC")]) == 4

    grep = require_tool("grep")
    for needle in NEEDLES:
        found = _run(grep, "-a", "-r", "-i", "-l", "-F", needle, tmp_path / "x")
        assert found.returncode == 1, f"{needle} found in {found.stdout}"
    dcmdump = require_tool("dcmdump")
    for path in [*dicom, tmp_path / "x" / "DICOMDIR"]:
        dumped = _run(dcmdump, "+P", "all", path).stdout + _run(dcmdump, path).stdout
        assert not any(n.lower() in dumped.lower() for n in NEEDLES), path
    for path in dicom:
        dumped = _run(dcmdump, path).stdout
        assert "(0012,0062) CS [YES]" in dumped
        assert "113100" in dumped
        assert "113107" in dumped
    pdftotext = require_tool("pdftotext")
    texts = {p.name: _run(pdftotext, p, "-").stdout for p in pdfs}
    for name, text in texts.items():
        assert not any(n.lower() in text.lower() for n in NEEDLES), name
    assert "adenocarcinoma" in texts["DOC00001.PDF"]
    assert "CB-" in texts["CASE_SUMMARY_EN.PDF"]
    assert "69" in texts["CASE_SUMMARY_EN.PDF"]

    # Pixels unchanged, studies and series still one, dciodvfy finds nothing new.
    originals = {int(dcmread(p).InstanceNumber): p for p in _canary_slices(tmp_path / "again")}
    dciodvfy = require_tool("dciodvfy")
    uids = set()
    for path in dicom:
        out = dcmread(path)
        source = dcmread(originals[int(out.InstanceNumber)])
        assert out.PixelData == source.PixelData
        assert out.StudyInstanceUID != source.StudyInstanceUID
        uids.add((out.StudyInstanceUID, out.SeriesInstanceUID))
        new = set(_errors(dciodvfy, path)) - set(
            _errors(dciodvfy, originals[int(out.InstanceNumber)])
        )
        assert not new, new
    assert len(uids) == 1


def test_a_redacted_copy_loses_the_hidden_text_and_pixels(
    canary: BinderSession, tmp_path: Path, require_tool: Tool
) -> None:
    ids = _fill(canary, tmp_path)
    report = ids["pathology.pdf"]
    original = records.read_document_bytes(canary, report)
    boxes = copies.propose(canary, report)
    copies.make_redacted_copy(canary, report, boxes)
    assert records.read_document_bytes(canary, report) == original  # untouched
    request = ExportRequest(
        Recipient("City Hospital"), document_ids=frozenset({report}), study_ids=frozenset(),
        profile_id="china-mdt",
    )  # fmt: skip
    (tmp_path / "out").mkdir()
    result = export_bundle(
        canary, request, tmp_path / "out", "bundle", ignore_progress, NEVER_CANCELLED, TODAY
    )
    files = _extract(require_tool, result.bundle.parts[0].path, result.password, tmp_path / "x")
    exported = next(p for p in files if p.name == "DOC00001.PDF")
    text = _run(require_tool("pdftotext"), "-layout", exported, "-").stdout
    assert "adenocarcinoma" in text
    assert "Surgical pathology report" in text
    assert not any(n in text for n in (CANARY_GIVEN, CANARY_FAMILY, CANARY_ID, "1957-02-13"))
    assert "13912345678" not in text
    images = tmp_path / "images"
    images.mkdir()
    pdfimages = require_tool("pdfimages")
    assert _run(pdfimages, "-png", exported, images / "page").returncode == 0
    [page_image] = sorted(images.glob("*.png"))
    pixels = np.asarray(Image.open(page_image).convert("L"))
    height, width = pixels.shape
    for box in boxes:
        inner = pixels[
            int(box.top * height) + 3 : int(box.bottom * height) - 3,
            int(box.left * width) + 3 : int(box.right * width) - 3,
        ]
        assert inner.size, box
        assert inner.max() < 40, box  # black: the text beneath is gone
    # Outside the boxes the page still shows its words.
    assert pixels.min() < 60
    assert np.mean(pixels) > 200


def test_translations_are_asked_for_and_sit_beside_their_originals(
    canary: BinderSession, tmp_path: Path
) -> None:
    chinese = tmp_path / "病理报告.pdf"
    _report_pdf(
        chinese, ["病理诊断：浸润性腺癌", "免疫组化：TTF-1 阳性，Napsin A 阳性，CK7 阳性"] * 3
    )
    english = tmp_path / "pathology-en.pdf"
    _report_pdf(english, ["Pathology report (translation)", "Invasive adenocarcinoma"] * 3)
    labs = tmp_path / "labs.pdf"
    _report_pdf(labs, ["Full blood count and tumour markers, all within range"] * 2)
    import_paths(canary, [labs, chinese, english], None, ignore_progress, NEVER_CANCELLED)
    ids = {d.original_name: d for d in records.list_documents(canary)}
    abroad = find_profile("abroad-english")
    missing = [
        f for f in check_content(canary, abroad) if f.kind is FindingKind.TRANSLATION_MISSING
    ]
    assert [(f.ref, f.detail) for f in missing] == [(ids["病理报告.pdf"].id, "zh")]
    assert not any(f.kind is FindingKind.TRANSLATION_MISSING
                   for f in check_content(canary, find_profile("china-mdt")))  # fmt: skip
    translation = ids["pathology-en.pdf"]
    edit = DocumentEdit.of(translation)
    records.edit_document(
        canary, translation.id,
        DocumentEdit(edit.title, edit.slot, edit.document_date, edit.institution, edit.author,
                     "en", edit.notes, ids["病理报告.pdf"].id, edit.needs_review),
    )  # fmt: skip
    assert not any(f.kind is FindingKind.TRANSLATION_MISSING for f in check_content(canary, abroad))
    plan = plan_export(canary, ExportRequest(FRIEND, profile_id="abroad-english"), TODAY)
    order = [item.original_name for item in plan.documents]
    assert order.index("pathology-en.pdf") == order.index("病理报告.pdf") + 1
    from casebook.bundle.index_page import render_index
    from casebook.bundle.layout import lay_out

    layout = lay_out(plan)
    original = next(p for p in layout.documents if p.item.original_name == "病理报告.pdf")
    index = render_index(plan, layout).decode()
    assert f"translation of {original.path.rsplit('/', 1)[1]}" in index


def test_profiles_are_data_and_a_hospital_can_add_its_own(tmp_path: Path) -> None:
    from casebook.core.profiles import ProfileInvalid
    from casebook.services.export.profiles import load_profiles

    shipped = load_profiles()
    assert [p.id for p in shipped] == ["china-mdt", "abroad-english", "deidentified", "own-copy"]
    for profile in shipped:
        assert profile.text("title", "en") != profile.text("title", "zh_CN")
    assert not find_profile("deidentified").identified
    own = tmp_path / "profiles"
    own.mkdir()
    (own / "city.json").write_text(
        '{"format": "casebook-destination-profiles", "profiles": [{"id": "city-hospital",'
        ' "title": {"en": "City Hospital"}, "description": {"en": "Our partner"},'
        ' "summary_language": "en", "records": {"required": ["pathology"]}, "part_size_mb": 8}]}',
        encoding="utf-8",
    )
    added = find_profile("city-hospital", [own])
    assert (added.part_size_mb, added.required) == (8, frozenset({RecordKind.PATHOLOGY}))
    broken = '[{"id": "x1", "records": {"required": ["lungs"]}}]'
    (own / "broken.json").write_text(
        '{"format": "casebook-destination-profiles", "profiles": ' + broken + "}"
    )
    with pytest.raises(ProfileInvalid):
        load_profiles([own])


@pytest.mark.slow
@pytest.mark.parametrize(
    ("profile_id", "redacted"),
    [("china-mdt", True), ("abroad-english", True), ("own-copy", False)],
)
def test_each_identified_profile_seals_what_its_reader_needs(
    canary: BinderSession, tmp_path: Path, require_tool: Tool, profile_id: str, redacted: bool
) -> None:
    """Sealed, opened with 7-Zip and read with dcmdump and pdftotext: the patient is named, the
    summaries are in the profile's languages, and the family's redacted copy goes where the
    profile asks for redacted copies (the original, byte for byte, where it does not)."""
    ids = _fill(canary, tmp_path)
    copies.make_redacted_copy(
        canary, ids["pathology.pdf"], copies.propose(canary, ids["pathology.pdf"])
    )
    profile = find_profile(profile_id)
    request = ExportRequest(
        FRIEND, summary_language=profile.summary_language, profile_id=profile_id
    )
    (tmp_path / "out").mkdir()
    result = export_bundle(
        canary, request, tmp_path / "out", "bundle", ignore_progress, NEVER_CANCELLED, TODAY
    )
    files = _extract(require_tool, result.bundle.parts[0].path, result.password, tmp_path / "x")
    dicom = [p for p in files if "/DICOM/" in str(p)]
    assert len(dicom) == 3
    dcmdump = require_tool("dcmdump")
    for path in dicom:
        assert f"{CANARY_FAMILY.upper()}^{CANARY_GIVEN.upper()}" in _run(dcmdump, path).stdout
    summaries = sorted(p.name for p in files if p.name.startswith("CASE_SUMMARY_"))
    languages = profile.summary_language.split("+")
    assert summaries == sorted(f"CASE_SUMMARY_{lang.upper()}.PDF" for lang in languages)
    pdftotext = require_tool("pdftotext")
    texts = {p: _run(pdftotext, p, "-").stdout for p in files if p.suffix == ".PDF"}
    for path, text in texts.items():
        if path.name.startswith("CASE_SUMMARY_"):
            assert CANARY_FAMILY in text, path.name  # identified: the hospital registers the case
    if "zh" in languages:
        chinese = next(t for p, t in texts.items() if p.name == "CASE_SUMMARY_ZH.PDF")
        assert re.search(r"[\u4e00-\u9fff]{8}", chinese)
    original = (tmp_path / "pathology.pdf").read_bytes()  # the report as the hospital gave it
    sent_as_is = [p for p in files if p.suffix == ".PDF" and p.read_bytes() == original]
    assert len(sent_as_is) == (0 if redacted else 1)
    if redacted:  # the copy with the boxes burnt in, its text layer without the hidden words
        [report] = [t for t in texts.values() if "invasive adenocarcinoma" in t]
        assert CANARY_ID not in report
