"""The export wizard's services: choices, preview and preflight, on real small binders."""

from __future__ import annotations

import os
import shutil
import tempfile
from datetime import date
from pathlib import Path

import pytest

from casebook.bundle.plan import Recipient
from casebook.core.model import RecordKind
from casebook.core.progress import NEVER_CANCELLED, ignore_progress
from casebook.resources import resource_path
from casebook.services.binder.session import BinderSession
from casebook.services.export.sealing import ExportRequest, export_bundle
from casebook.services.export.wizard import (
    FAT32_MAX_FILE,
    PROPOSED_VOLUME_MB,
    PreflightProblem,
    cover_sheet_pages,
    cover_sheet_pdf,
    filesystem_of,
    filesystem_type,
    free_bundle_name,
    load_export_choices,
    parse_mounts,
    preflight,
    preview_export,
)
from casebook.services.records.importing import import_paths

from .test_importing import _report_pdf

TODAY = date(2026, 11, 22)
HOSPITAL = Recipient("Example Cancer Centre", "International Patient Office", "", "China")


def _fill(session: BinderSession, tmp_path: Path) -> None:
    pdf = tmp_path / "pathology.pdf"
    _report_pdf(pdf, ["Surgical pathology report", "病理诊断：腺癌"])
    notes = tmp_path / "labs.txt"
    notes.write_text("Haemoglobin 118 g/L")
    import_paths(session, [pdf, notes], None, ignore_progress, NEVER_CANCELLED)
    slices = sorted(resource_path("demo", "ct").glob("*.dcm"))[:3]  # real CT, in the repository
    import_paths(
        session, slices, RecordKind.IMAGING, ignore_progress, NEVER_CANCELLED,
        accept_other_patients=True,
    )  # fmt: skip


def test_choices_list_documents_studies_and_gaps(session: BinderSession, tmp_path: Path) -> None:
    _fill(session, tmp_path)
    choices = load_export_choices(session)
    assert sorted(d.original_name for d in choices.documents) == ["labs.txt", "pathology.pdf"]
    [study] = choices.studies
    assert study.image_count == 3
    assert choices.completeness.missing_slots  # a new binder still misses most records
    assert choices.completeness.studies_without_report == [study]


def test_preview_sizes_the_bundle_and_checks_the_folder(
    session: BinderSession, tmp_path: Path
) -> None:
    _fill(session, tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    preview = preview_export(session, ExportRequest(HOSPITAL, summary_language="en+zh"), out, TODAY)
    item_bytes = sum(d.size for d in preview.plan.documents) + sum(
        i.size for i in preview.plan.dicom
    )
    assert preview.total_bytes > item_bytes  # plus summaries, README, DICOMDIR, checksums
    assert preview.preflight.ok
    assert preview.preflight.free_bytes is not None
    assert preview.preflight.free_bytes >= preview.preflight.needed_bytes
    assert {d.original_name for d in preview.needs_review} <= {"labs.txt", "pathology.pdf"}
    assert list(out.iterdir()) == []  # a preview writes nothing

    only = frozenset({min(d.id for d in load_export_choices(session).documents)})
    chosen = preview_export(
        session, ExportRequest(HOSPITAL, document_ids=only, study_ids=frozenset()), out, TODAY
    )
    assert len(chosen.plan.documents) == 1
    assert chosen.plan.dicom == ()
    assert chosen.total_bytes < preview.total_bytes


def test_preflight_refuses_a_missing_folder_or_a_file(tmp_path: Path) -> None:
    assert preflight(tmp_path / "gone", 1000, None).problems == (PreflightProblem.NOT_A_FOLDER,)
    a_file = tmp_path / "file.txt"
    a_file.write_text("x")
    assert preflight(a_file, 1000, None).problems == (PreflightProblem.NOT_A_FOLDER,)


def test_preflight_counts_free_space(tmp_path: Path) -> None:
    free = shutil.disk_usage(tmp_path).free
    result = preflight(tmp_path, free + 10**9, 20)
    assert PreflightProblem.NOT_ENOUGH_SPACE in result.problems
    assert preflight(tmp_path, 10_000, 20).ok


def _read_only_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError:
        return folder
    # Root ignores permissions: sysfs refuses new files even to root.
    sysfs = Path("/sys")
    try:
        with tempfile.TemporaryFile(dir=sysfs):
            pass
    except OSError:
        return sysfs
    pytest.skip("no folder here refuses writing (running as root without sysfs)")


def test_preflight_reports_a_folder_it_cannot_write(tmp_path: Path) -> None:
    folder = _read_only_folder(tmp_path)
    try:
        assert PreflightProblem.NOT_WRITABLE in preflight(folder, 1000, None).problems
    finally:
        if folder.is_relative_to(tmp_path):
            folder.chmod(0o700)


MOUNTS = """\
/dev/vda / ext4 rw,relatime 0 0
proc /proc proc rw,relatime 0 0
/dev/sdb1 /media/ada/USB\\040STICK vfat rw,nosuid,nodev,relatime,fmask=0022 0 0
/dev/sdc1 /media/ada/BIG exfat rw,relatime 0 0
"""


def test_mount_table_tells_the_filesystem_of_a_folder() -> None:
    mounts = parse_mounts(MOUNTS)
    assert ("/media/ada/USB STICK", "vfat") in mounts
    assert filesystem_of(Path("/media/ada/USB STICK/bundles"), mounts) == "vfat"
    assert filesystem_of(Path("/media/ada/USB STICKER"), mounts) == "ext4"
    assert filesystem_of(Path("/media/ada/BIG"), mounts) == "exfat"
    assert filesystem_of(Path("/home/ada"), mounts) == "ext4"


def test_filesystem_type_of_a_real_folder(tmp_path: Path) -> None:
    kind = filesystem_type(tmp_path)
    if os.path.exists("/proc/self/mounts"):
        assert kind  # Linux always says (ext4, tmpfs, overlay…)


def test_fat32_limit_proposes_email_sized_parts(tmp_path: Path) -> None:
    big = FAT32_MAX_FILE + 1
    on_fat = preflight(tmp_path, big, None, filesystem="vfat")
    assert PreflightProblem.FILE_TOO_LARGE in on_fat.problems
    assert on_fat.proposed_volume_mb == PROPOSED_VOLUME_MB
    in_parts = preflight(tmp_path, big, PROPOSED_VOLUME_MB, filesystem="vfat")
    assert PreflightProblem.FILE_TOO_LARGE not in in_parts.problems
    assert (
        PreflightProblem.FILE_TOO_LARGE
        not in preflight(tmp_path, big, None, filesystem="ext4").problems
    )
    assert preflight(tmp_path, 10_000, None, filesystem="vfat").ok


def test_bundle_names_never_collide(session: BinderSession, tmp_path: Path) -> None:
    _fill(session, tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    name = free_bundle_name(out, TODAY)
    assert name == "casebook-bundle-2026-11-22"
    request = ExportRequest(HOSPITAL)
    result = export_bundle(session, request, out, name, ignore_progress, NEVER_CANCELLED, TODAY)
    assert free_bundle_name(out, TODAY) == "casebook-bundle-2026-11-22-2"
    (out / "casebook-bundle-2026-11-22-2.7z.partial").write_bytes(b"left by a crash")
    assert free_bundle_name(out, TODAY) == "casebook-bundle-2026-11-22-2"

    pdf = cover_sheet_pdf(request, result, TODAY, "en")
    pages = cover_sheet_pages(pdf)
    assert pages
    assert pages[0].shape[2] == 3
    assert result.password.encode() not in b"".join(
        p.path.read_bytes() for p in result.bundle.parts
    )
