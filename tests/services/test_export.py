"""Exporting a binder as a sealed bundle: what the plan reads from the binder at sealing time,
judged by 7-Zip, sha256sum, poppler and our own verify."""

from __future__ import annotations

import dataclasses
import io
import json
import subprocess
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from PIL import Image

from casebook.bundle.layout import lay_out
from casebook.bundle.plan import Recipient
from casebook.bundle.tree import build_tree
from casebook.bundle.verify import verify_bundle
from casebook.core.model import DocumentEdit, PartialDate, RecordKind, SlotStatement
from casebook.core.opinions import FieldValue, Opinion, OpinionField
from casebook.core.progress import NEVER_CANCELLED, ignore_progress
from casebook.resources import resource_path
from casebook.services.binder.session import BinderSession
from casebook.services.export.sealing import ExportRequest, export_bundle, plan_export
from casebook.services.opinions import opinions as opinion_service
from casebook.services.records import documents as records
from casebook.services.records.importing import import_paths

from .test_importing import _report_pdf

HOSPITAL = Recipient(
    "Example Cancer Centre", "International Patient Office", "ipo@example.org", "China"
)
TODAY = date(2026, 11, 22)
Tool = Callable[..., Path]


def _fill(session: BinderSession, tmp_path: Path) -> None:
    """A PDF, a text file, a PNG photo without extension and three real CT slices."""
    pdf = tmp_path / "pathology.pdf"
    _report_pdf(pdf, ["Surgical pathology report", "病理诊断：腺癌"])
    notes = tmp_path / "labs.txt"
    notes.write_text("Haemoglobin 118 g/L")
    photo = tmp_path / "IM000061"  # as a hospital CD names its pictures
    buffer = io.BytesIO()
    Image.new("RGB", (80, 60), (230, 220, 200)).save(buffer, format="PNG")
    photo.write_bytes(buffer.getvalue())
    import_paths(session, [pdf, notes, photo], None, ignore_progress, NEVER_CANCELLED)
    slices = sorted(resource_path("demo", "ct").glob("*.dcm"))[:3]
    import_paths(
        session, slices, RecordKind.IMAGING, ignore_progress, NEVER_CANCELLED,
        accept_other_patients=True,  # the demo's CT carries the demo patient's name
    )  # fmt: skip


def _run(tool: Path, *args: object, cwd: Path | None = None) -> str:
    result = subprocess.run(
        [str(tool), *map(str, args)], capture_output=True, text=True, cwd=cwd, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def test_plan_holds_every_document_and_image(session: BinderSession, tmp_path: Path) -> None:
    _fill(session, tmp_path)
    plan = plan_export(session, ExportRequest(HOSPITAL), TODAY)
    assert sorted(d.original_name for d in plan.documents) == [
        "IM000061", "labs.txt", "pathology.pdf",
    ]  # fmt: skip
    assert len(plan.dicom) == 3
    assert {item.study_date for item in plan.dicom} == {"20070404"}
    assert [len(p.jpeg) > 0 and p.jpeg[:3] == b"\xff\xd8\xff" for p in plan.previews] == [True]
    one = min(d.id for d in records.list_documents(session))
    only_one = ExportRequest(HOSPITAL, document_ids=frozenset({one}), study_ids=frozenset())
    chosen = plan_export(session, only_one, TODAY)
    assert (len(chosen.documents), len(chosen.dicom), chosen.previews) == (1, 0, ())


def test_a_picture_without_extension_goes_out_named_by_its_type(
    session: BinderSession, tmp_path: Path
) -> None:
    _fill(session, tmp_path)
    plan = plan_export(session, ExportRequest(HOSPITAL), TODAY)
    names = {p.item.original_name: p.path for p in lay_out(plan).documents}
    assert names["IM000061"].endswith(".PNG")
    assert names["labs.txt"].endswith(".TXT")


def test_record_states_are_derived_from_what_the_binder_holds(
    session: BinderSession, tmp_path: Path
) -> None:
    _fill(session, tmp_path)
    records.set_slot_statement(
        session, RecordKind.LABS, SlotStatement.REQUESTED, PartialDate(2026, 10, 1), "City lab"
    )
    text = next(d for d in records.list_documents(session) if d.original_name == "labs.txt")
    edit = dataclasses.replace(DocumentEdit.of(text), slot=RecordKind.LABS)
    records.edit_document(session, text.id, edit)
    states = {s.kind: s for s in plan_export(session, ExportRequest(HOSPITAL), TODAY).records}
    assert states[RecordKind.HISTORY].missing
    assert not states[RecordKind.HISTORY].received
    assert states[RecordKind.LABS].received
    assert states[RecordKind.LABS].enclosed == 1
    assert states[RecordKind.LABS].requested_from == "City lab"  # the statement stays beside
    assert states[RecordKind.IMAGING].held == 3


def test_export_round_trip_and_log(
    session: BinderSession, tmp_path: Path, require_tool: Tool
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
    verified = verify_bundle(part.path, result.password)
    assert verified.file_count >= 3 + 3 + 8
    extracted = tmp_path / "opened"
    _run(seven_zip, "x", f"-p{result.password}", f"-o{extracted}", part.path)
    _run(require_tool("sha256sum"), "-c", "--strict", "SHA256SUMS", cwd=extracted)
    assert (extracted / "DICOMDIR").is_file()
    assert (extracted / "IHE_XDM" / "SUBSET01" / "METADATA.XML").is_file()
    with session.reading() as db:
        [log] = db.execute("SELECT recipient, parts_json FROM export_log").fetchall()
        everything = db.execute("SELECT * FROM export_log").fetchall()
    assert json.loads(log[0])["institution"] == "Example Cancer Centre"
    assert json.loads(log[1]) == [
        {"name": part.path.name, "size": part.size, "sha256": part.sha256}
    ]
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
    plan = plan_export(session, ExportRequest(HOSPITAL, summary_language=language), TODAY)
    assert plan.languages == (language,)


def test_summary_tells_where_we_stand_the_story_and_the_questions(
    session: BinderSession, tmp_path: Path, require_tool: Tool
) -> None:
    from casebook.core.decision_moment import DecisionMoment
    from casebook.core.timeline import EventKind, TimelineEvent
    from casebook.services import timeline
    from casebook.services.questions import questions

    pdftotext = require_tool("pdftotext")
    timeline.save_decision_moment(session, DecisionMoment.BEFORE_TREATMENT)
    timeline.save_event(
        session,
        TimelineEvent(
            EventKind.BIOPSY, "Core biopsy of the right upper lobe", PartialDate(2024, 2)
        ),
    )
    questions.add_own_question(session, "Would surgery first change the plan?")
    questions.add_from_bank(session, "stage_confirmed", "en")
    plan = plan_export(session, ExportRequest(HOSPITAL, summary_language="zh"), TODAY)
    assert plan.summary.decision_moment is DecisionMoment.BEFORE_TREATMENT
    assert [e.event.title for e in plan.summary.timeline] == ["Core biopsy of the right upper lobe"]
    [bank, own] = sorted(plan.summary.questions, key=lambda q: not q.translations)
    assert bank.in_language("zh") != bank.text  # a bank question is shown in Chinese
    assert own.in_language("zh") == "Would surgery first change the plan?"  # their own words
    [pdf] = [e for e in build_tree(plan).entries if e.path == "CASE_SUMMARY_ZH.PDF"]
    (tmp_path / "summary.pdf").write_bytes(pdf.data or b"")
    text = _run(pdftotext, tmp_path / "summary.pdf", "-")
    assert "Core biopsy" in text
    assert "活检" in text
    assert "已提出治疗方案，尚未开始治疗。" in text
    assert bank.in_language("zh") in text.replace("\n", "")


def test_differences_between_opinions_become_questions_in_each_language(
    session: BinderSession,
) -> None:
    ids = [
        opinion_service.save_opinion(
            session,
            Opinion(
                name,
                fields={
                    OpinionField.STAGE: FieldValue(stage),
                    OpinionField.DIAGNOSIS: FieldValue("Adenocarcinoma"),
                },
            ),
        )
        for name, stage in (("Dr Chen", "IIIA"), ("Dr Wang", "IIIB"))
    ]
    plan = plan_export(session, ExportRequest(HOSPITAL), TODAY)
    [follow_up] = plan.summary.follow_ups
    assert "give different stages (IIIA and IIIB)" in follow_up.in_language("en")
    assert "给出的分期不同（IIIA、IIIB）" in follow_up.in_language("zh")
    assert [s.stage for s in plan.summary.glance.stages] == ["IIIA", "IIIB"]  # type: ignore[union-attr]
    # Once the family adds it to their list (in English), it is one of their questions,
    # still shown in Chinese to a Chinese reader, and no longer listed twice.
    opinion_service.add_follow_up_questions(session, ids)
    again = plan_export(session, ExportRequest(HOSPITAL), TODAY)
    assert again.summary.follow_ups == ()
    [asked] = [q for q in again.summary.questions if "IIIA" in q.text]
    assert "给出的分期不同（IIIA、IIIB）" in asked.in_language("zh")


def test_key_images_appear_in_the_summary(
    session: BinderSession, tmp_path: Path, require_tool: Tool
) -> None:
    from casebook.services.imaging import records as imaging_records

    pdfimages = require_tool("pdfimages")
    _fill(session, tmp_path)
    [study] = imaging_records.list_studies(session)
    [series] = imaging_records.list_series(session, study.id)
    key = imaging_records.list_instances(session, series.id)[1]
    imaging_records.set_key_image(session, key.id, True)
    plan = plan_export(session, ExportRequest(HOSPITAL), TODAY)
    [image] = plan.summary.key_images
    assert image.png.startswith(b"\x89PNG")
    assert image.study_date == "2007-04-04"
    [pdf] = [e for e in build_tree(plan).entries if e.path == "CASE_SUMMARY_EN.PDF"]
    (tmp_path / "summary.pdf").write_bytes(pdf.data or b"")
    listing = _run(pdfimages, "-list", tmp_path / "summary.pdf")
    assert len(listing.strip().splitlines()) == 3  # two header lines and one image
