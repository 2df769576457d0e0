"""Exporting a binder as a sealed bundle, judged by 7-Zip and our own verify."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from casebook.bundle.plan import Recipient
from casebook.bundle.verify import verify_bundle
from casebook.core.progress import NEVER_CANCELLED, ignore_progress
from casebook.services.binder import BinderSession
from casebook.services.export import ExportRequest, export_bundle, plan_export
from casebook.services.imaging_import import import_scan, scan_media
from casebook.services.importing import import_paths
from casebook.services.isolation import IsolatedWorker

from .conftest import REAL_DICOM
from .test_importing import _report_pdf

HOSPITAL = Recipient(
    "Example Cancer Centre", "International Patient Office", "ipo@example.org", "China"
)


def _fill(session: BinderSession, tmp_path: Path) -> None:
    pdf = tmp_path / "pathology.pdf"
    _report_pdf(pdf, ["Surgical pathology report", "病理诊断：腺癌"])
    notes = tmp_path / "labs.txt"
    notes.write_text("Haemoglobin 118 g/L")
    import_paths(session, [pdf, notes], None, ignore_progress, NEVER_CANCELLED)
    slices = sorted((REAL_DICOM / "lung-ct-Lung_Dx-A0001").rglob("*.dcm"))[:3]
    with IsolatedWorker() as worker:
        scan = scan_media(slices, ignore_progress, NEVER_CANCELLED, worker)
    import_scan(session, scan, ignore_progress, NEVER_CANCELLED)


def test_plan_holds_every_document_and_image(session: BinderSession, tmp_path: Path) -> None:
    _fill(session, tmp_path)
    plan = plan_export(session, ExportRequest(HOSPITAL), date(2026, 11, 22))
    assert sorted(d.original_name for d in plan.documents) == ["labs.txt", "pathology.pdf"]
    assert len(plan.dicom) == 3
    assert {item.study_date for item in plan.dicom} == {"20070404"}
    only_one = ExportRequest(HOSPITAL, document_ids=frozenset({plan_docs_id(session)}))
    assert len(plan_export(session, only_one, date(2026, 11, 22)).documents) == 1


def plan_docs_id(session: BinderSession) -> int:
    return int(session.database().execute("SELECT min(id) FROM documents").fetchone()[0])


def test_export_round_trip_and_log(
    session: BinderSession, tmp_path: Path, require_tool: Callable[..., Path]
) -> None:
    seven_zip = require_tool("7z", "7zz")
    _fill(session, tmp_path)
    out = tmp_path / "USB"
    out.mkdir()
    result = export_bundle(
        session, ExportRequest(HOSPITAL, summary_language="en+zh"), out, "casebook-bundle",
        ignore_progress, NEVER_CANCELLED,
    )  # fmt: skip
    [part] = result.bundle.parts
    assert part.path == out / "casebook-bundle.7z"
    verified = verify_bundle(part.path, result.password)
    assert verified.file_count >= 3 + 2 + 5  # images, documents, generated files
    extracted = tmp_path / "opened"
    subprocess.run(
        [str(seven_zip), "x", f"-p{result.password}", f"-o{extracted}", str(part.path)],
        check=True, capture_output=True,
    )  # fmt: skip
    check = subprocess.run(
        ["sha256sum", "-c", "--strict", "SHA256SUMS"], cwd=extracted, capture_output=True,
        text=True, check=False,
    )  # fmt: skip
    assert check.returncode == 0, check.stdout + check.stderr
    assert (extracted / "DICOMDIR").is_file()
    [log] = session.database().execute("SELECT recipient, parts_json FROM export_log").fetchall()
    assert json.loads(log[0])["institution"] == "Example Cancer Centre"
    assert json.loads(log[1]) == [
        {"name": part.path.name, "size": part.size, "sha256": part.sha256}
    ]
    everything = session.database().execute("SELECT * FROM export_log").fetchall()
    assert result.password not in repr(everything)


def test_email_volumes(session: BinderSession, tmp_path: Path) -> None:
    _fill(session, tmp_path)
    out = tmp_path / "mail"
    out.mkdir()
    result = export_bundle(
        session, ExportRequest(HOSPITAL, volume_size_mb=1), out, "bundle", ignore_progress,
        NEVER_CANCELLED,
    )  # fmt: skip
    assert len(result.bundle.parts) >= 2
    assert all(p.size <= 1_000_000 for p in result.bundle.parts)
    verify_bundle(result.bundle.parts[0].path, result.password)


@pytest.mark.parametrize("language", ["en", "zh"])
def test_summary_language_choice(session: BinderSession, tmp_path: Path, language: str) -> None:
    _fill(session, tmp_path)
    plan = plan_export(session, ExportRequest(HOSPITAL, summary_language=language), date.today())
    assert plan.languages == (language,)


def test_summary_tells_where_we_stand_the_story_and_the_questions(
    session: BinderSession, tmp_path: Path, require_tool: Callable[..., Path]
) -> None:
    from casebook.bundle.tree import build_tree
    from casebook.core.decision_moment import DecisionMoment
    from casebook.core.model import PartialDate
    from casebook.core.timeline import EventKind, TimelineEvent
    from casebook.services import questions, timeline

    pdftotext = require_tool("pdftotext")
    timeline.save_decision_moment(session, DecisionMoment.BEFORE_TREATMENT)
    timeline.save_event(
        session,
        TimelineEvent(
            EventKind.BIOPSY, "Core biopsy of the right upper lobe", PartialDate(2024, 2)
        ),
    )
    questions.add_own_question(session, "Would surgery first change the plan?")
    plan = plan_export(session, ExportRequest(HOSPITAL), date(2026, 11, 22))
    assert "not started" in plan.summary.decision_moment
    assert any("Core biopsy" in line for line in plan.summary.timeline)
    assert any("surgery first" in line for line in plan.summary.questions)
    [pdf] = [e for e in build_tree(plan).entries if e.path.endswith(".PDF")]
    (tmp_path / "summary.pdf").write_bytes(pdf.data)
    text = subprocess.run(
        [str(pdftotext), str(tmp_path / "summary.pdf"), "-"], capture_output=True, text=True,
        check=True,
    ).stdout  # fmt: skip
    assert "Core biopsy" in text
    assert "surgery first" in text


def test_key_images_appear_in_the_summary(
    session: BinderSession, tmp_path: Path, require_tool: Callable[..., Path]
) -> None:
    from casebook.bundle.tree import build_tree
    from casebook.services import imaging_records

    pdfimages = require_tool("pdfimages")
    _fill(session, tmp_path)
    [study] = imaging_records.list_studies(session)
    [series] = imaging_records.list_series(session, study.id)
    key = imaging_records.list_instances(session, series.id)[1]
    imaging_records.set_key_image(session, key.id, True)
    plan = plan_export(session, ExportRequest(HOSPITAL), date(2026, 11, 22))
    [(png, caption)] = plan.summary.key_images
    assert png.startswith(b"\x89PNG")
    assert "2007-04-04" in caption
    [pdf] = [e for e in build_tree(plan).entries if e.path.endswith(".PDF")]
    (tmp_path / "summary.pdf").write_bytes(pdf.data)
    listing = subprocess.run(
        [str(pdfimages), "-list", str(tmp_path / "summary.pdf")], capture_output=True,
        text=True, check=True,
    ).stdout  # fmt: skip
    assert len(listing.strip().splitlines()) == 3  # two header lines and one image
