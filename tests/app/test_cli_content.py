"""`casebook remove`, `--restore`, `empty-trash` and `check --content`, run as a user would."""

from __future__ import annotations

import json
from pathlib import Path

from casebook.app import cli_messages as msg

from .conftest import PASSWORD, Run
from .test_cli import DEMO_DOCS, LUNG
from .test_cli_bundle import CHINESE

ANSWER = PASSWORD + "\n"


def _listing(run_casebook: Run, binder: Path) -> dict[str, object]:
    result = run_casebook("list", binder, "--json", stdin=ANSWER)
    assert result.returncode == 0, result.stderr
    return dict(json.loads(result.stdout))


def test_remove_restore_and_empty_the_trash(binder: Path, run_casebook: Run) -> None:
    slices = sorted(LUNG.rglob("*.dcm"))[:3]
    added = run_casebook(
        "import", binder, DEMO_DOCS, *slices, "--accept-other-patient", stdin=ANSWER
    )
    assert added.returncode == 0, added.stderr
    listing = _listing(run_casebook, binder)
    [study] = listing["imaging_studies"]  # type: ignore[misc]
    study_uid, series_uid = study["study_uid"], study["series"][0]["series_uid"]
    document_id = listing["documents"][0]["id"]  # type: ignore[index]

    removed = run_casebook("remove", binder, "--study", study_uid, stdin=ANSWER)
    assert removed.returncode == 0, removed.stderr
    assert removed.stdout == f"Moved the study {study_uid} to the trash.\n"
    after = _listing(run_casebook, binder)
    assert after["imaging_studies"] == []
    statuses = {s["kind"]: s["status"] for s in after["slots"]}  # type: ignore[union-attr]
    assert statuses["imaging"] == "missing"

    restored = run_casebook("remove", binder, "--study", study_uid, "--restore", stdin=ANSWER)
    assert restored.returncode == 0, restored.stderr
    assert len(_listing(run_casebook, binder)["imaging_studies"]) == 1  # type: ignore[arg-type]
    twice = run_casebook("remove", binder, "--study", study_uid, "--restore", stdin=ANSWER)
    assert twice.returncode == 0
    assert "nothing changed" in twice.stdout

    assert run_casebook("remove", binder, "--series", series_uid, stdin=ANSWER).returncode == 0
    doc = run_casebook("remove", binder, "--document", str(document_id), stdin=ANSWER)
    assert doc.returncode == 0, doc.stderr
    emptied = run_casebook("empty-trash", binder, stdin=ANSWER)
    assert emptied.returncode == 0, emptied.stderr
    assert "1 document(s) and 3 image(s)" in emptied.stdout
    final = _listing(run_casebook, binder)
    assert final["imaging_studies"] == []
    assert document_id not in [d["id"] for d in final["documents"]]  # type: ignore[union-attr]

    unknown = run_casebook("remove", binder, "--series", "1.2.3.4", stdin=ANSWER)
    assert unknown.returncode == msg.EXIT_INVALID_INPUT
    assert "no series with UID 1.2.3.4" in unknown.stderr


def test_check_content_lists_what_the_hospital_would_find(binder: Path, run_casebook: Run) -> None:
    slices = sorted(LUNG.rglob("*.dcm"))[:2]
    run_casebook("import", binder, DEMO_DOCS, stdin=ANSWER)
    accepted = run_casebook("import", binder, *slices, "--accept-other-patient", stdin=ANSWER)
    assert accepted.returncode == 0, accepted.stderr
    result = run_casebook("check", binder, "--content", stdin=ANSWER)
    assert result.returncode == msg.EXIT_PROBLEM_FOUND, result.stderr
    lines = result.stdout.splitlines()
    assert any("Imaging of another patient?" in line and "Lung_Dx-A0001" in line for line in lines)
    assert "Medical history: still missing." in lines
    as_json = run_casebook("check", binder, "--content", "--json", stdin=ANSWER)
    assert as_json.returncode == msg.EXIT_PROBLEM_FOUND
    findings = json.loads(as_json.stdout)
    kinds = {f["kind"] for f in findings}
    assert {"other_patient_imaging", "missing_record", "study_without_report"} <= kinds
    assert len(findings) == len(lines)
    chinese = run_casebook("check", binder, "--content", stdin=ANSWER, env=CHINESE)
    assert "病史：仍然缺少。" in chinese.stdout.splitlines()
    assert len(chinese.stdout.splitlines()) == len(lines)
    healthy = run_casebook("check", binder, stdin=ANSWER)  # the damage check still works
    assert healthy.returncode == 0, healthy.stderr
