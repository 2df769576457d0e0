"""The workloads of tools/torture.py: how each baseline is made and what must hold afterwards.

After a kill (or a full disk) in the middle of a workload, the binder must open with exactly
one valid password, `check` must pass, nothing the child acknowledged may be missing, nothing
half-done may be visible, and nothing may stand under a final name that does not verify.
Each broken rule is returned as a `Violation`; `item` names the issue-21 item it belongs to
("" for the ones this tool was written to keep), so findings owned elsewhere stay visible
without hiding the others.
"""

from __future__ import annotations

import hashlib
import json
import random
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from torture_child import NEW_PASSWORD, NOTE_TEXT, PASSWORD

SCENARIOS = ("import", "export", "backup", "change-password", "rekey", "autosave")
TWO_PASSWORDS = ("change-password", "rekey")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # data_paths: the one place that says where test data is
from data_paths import DICOM as _DICOM_FOLDER  # noqa: E402

DICOM = sorted(_DICOM_FOLDER.rglob("*.dcm"))


@dataclass(frozen=True)
class Violation:
    rule: str
    detail: str
    item: str = ""  # "" : kept by this tool; "2/3": bundle publishing (the sealing work)


@dataclass
class Acknowledged:
    """What the child said was done before it died."""

    lines: list[list[str]] = field(default_factory=list)

    @classmethod
    def parse(cls, stdout: str) -> Acknowledged:
        return cls([line.split(" ", 1) for line in stdout.splitlines() if line.strip()])

    def values(self, word: str) -> list[str]:
        return [parts[1] if len(parts) > 1 else "" for parts in self.lines if parts[0] == word]

    def said(self, word: str) -> bool:
        return any(parts[0] == word for parts in self.lines)


def _write_sources(folder: Path, generator: random.Random, big_mib: int) -> None:
    folder.mkdir(parents=True)
    for index in range(6):
        size = generator.randint(20_000, 200_000)
        (folder / f"letter {index:02d}.bin").write_bytes(generator.randbytes(size))
    if big_mib:
        # Larger than one staging transaction (16 MiB): a kill can land between batches.
        (folder / "scan archive.bin").write_bytes(generator.randbytes(big_mib * 1024 * 1024 + 7))
    for path in DICOM:
        shutil.copyfile(path, folder / path.name)


def prepare(scenario: str, base: Path, big_mib: int = 17) -> None:
    """The work folder a run starts from: `binder` (+ `source` for imports)."""
    from casebook.core.consultations import Consultation
    from casebook.core.model import Case
    from casebook.core.progress import NEVER_CANCELLED, ignore_progress
    from casebook.services.binder.session import create_binder
    from casebook.services.consultations import create_consultation
    from casebook.services.records.importing import import_paths
    from casebook.store.keyslots import KdfParams

    generator = random.Random(f"casebook torture {scenario}")
    created = create_binder(base / "binder", PASSWORD, Case("Torture Patient"), KdfParams.minimum())
    with created.session as session:
        if scenario == "import":
            _write_sources(base / "source", generator, big_mib)
        else:
            content = base / "content"
            _write_sources(content, generator, 0)
            import_paths(session, [content], None, ignore_progress, NEVER_CANCELLED)
            shutil.rmtree(content)
        if scenario == "autosave":
            create_consultation(session, Consultation(0, "Oncology follow-up"))


def _document_hashes(session: Any) -> dict[str, str]:
    from casebook.services.records import documents as records

    return {
        doc.original_name: hashlib.sha256(records.read_document_bytes(session, doc.id)).hexdigest()
        for doc in records.list_documents(session)
    }


def baseline_facts(base: Path) -> dict[str, object]:
    """What the untouched baseline holds (documents by name and hash)."""
    from casebook.services.binder.session import unlock_binder

    with unlock_binder(base / "binder", PASSWORD) as session:
        return {"documents": _document_hashes(session)}


def _opens(folder: Path, password: str, keep: bool = False) -> tuple[Any, str]:
    """(the open session if `keep`, else True) or (False, why it failed: "" = wrong password)."""
    from casebook.core.errors import CasebookError, WrongPassword
    from casebook.services.binder.session import unlock_binder

    try:
        session = unlock_binder(folder, password)
    except WrongPassword:
        return False, ""
    except CasebookError as error:
        return False, f"{type(error).__name__}: {error}"
    if keep:
        return session, ""
    session.close()
    return True, ""


def verify(
    scenario: str, work: Path, acked: Acknowledged, facts: dict[str, object]
) -> list[Violation]:
    """Every rule that must hold for `work` after the child ended (killed or not)."""
    from casebook.core.progress import NEVER_CANCELLED, ignore_progress
    from casebook.services.binder import maintenance

    binder = work / "binder"
    candidates = [PASSWORD, NEW_PASSWORD] if scenario in TWO_PASSWORDS else [PASSWORD]
    # One at a time: an open session holds the folder lock.
    results = {password: _opens(binder, password) for password in candidates}
    problems = [Violation("opens", f"{detail}") for _ok, detail in results.values() if detail]
    valid = [password for password, (ok, _) in results.items() if ok]
    if len(valid) != 1:
        return [*problems, Violation("one password", f"{len(valid)} passwords open the binder")]
    password = valid[0]
    session, detail = _opens(binder, password, keep=True)
    if not session:
        return [*problems, Violation("opens", f"opened once, then not: {detail}")]
    if (acked.said("changed") or acked.said("rekeyed")) and password != NEW_PASSWORD:
        problems.append(Violation("acknowledged", "the new password was confirmed but fails"))
    leftovers = {p.name for p in binder.iterdir()} - {"binder.db", "keyslots.json", "binder.lock"}
    leftovers -= {"binder.db-wal", "binder.db-shm"}
    if leftovers:
        problems.append(Violation("half-done", f"left in the binder folder: {sorted(leftovers)}"))
    with session:
        report = maintenance.check_binder(session, ignore_progress, NEVER_CANCELLED)
        if not report.ok:
            problems.append(Violation("check", "; ".join(report.problems[:3])))
        with session.reading() as db:
            staging = db.execute("SELECT count(*) FROM blobs WHERE state = 'staging'").fetchone()[0]
        if staging:
            problems.append(Violation("half-done", f"{staging} staging blobs visible"))
        problems += _scenario_rules(scenario, work, session, acked, facts)
    if scenario == "backup":
        problems += _backup_rules(work, acked, password)
    if scenario == "export":
        problems += _export_rules(work, acked)
    return problems


def _scenario_rules(
    scenario: str, work: Path, session: Any, acked: Acknowledged, facts: dict[str, object]
) -> list[Violation]:
    problems: list[Violation] = []
    documents = _document_hashes(session)
    if scenario == "import":
        source = work / "source"
        for name, digest in documents.items():
            if hashlib.sha256((source / name).read_bytes()).hexdigest() != digest:
                problems.append(Violation("half-done", f"{name} stored with other bytes"))
        added = {json.loads(value) for value in acked.values("added")}
        dicom_names = {path.name for path in DICOM}
        missing = {name for name in added - dicom_names if name not in documents}
        if missing:
            problems.append(Violation("acknowledged", f"lost after 'added': {sorted(missing)}"))
        with session.reading() as db:
            images = db.execute("SELECT count(*) FROM imaging_instances").fetchone()[0]
        if images < len(added & dicom_names):
            problems.append(Violation("acknowledged", "an acknowledged DICOM image is missing"))
    elif documents != facts["documents"]:
        problems.append(Violation("content", "the documents differ from before the workload"))
    if scenario == "autosave":
        from casebook.services.consultations import list_consultations, list_entries

        consultation = list_consultations(session)[0]
        entries = list_entries(session, consultation.id)
        saved = max((int(value) for value in acked.values("saved")), default=0)
        if len(entries) > 1:
            problems.append(Violation("half-done", f"{len(entries)} entries for one draft"))
        text = entries[0].text if entries else ""
        if not NOTE_TEXT.startswith(text) or len(text) < saved:
            problems.append(Violation("acknowledged", f"note has {len(text)} of {saved} saved"))
    return problems


def _backup_rules(work: Path, acked: Acknowledged, password: str) -> list[Violation]:
    from casebook.core.progress import NEVER_CANCELLED, ignore_progress
    from casebook.services.binder import maintenance
    from casebook.services.binder.session import unlock_binder

    problems: list[Violation] = []
    backups = work / "backups"
    finished = (
        [p for p in backups.iterdir() if not p.name.endswith(".partial")]
        if backups.exists()
        else []
    )
    for folder in finished:
        ok, detail = _opens(folder, password)
        if not ok:
            problems.append(Violation("final name", f"backup {folder.name} does not open {detail}"))
            continue
        with unlock_binder(folder, password) as copy:
            if not maintenance.check_binder(copy, ignore_progress, NEVER_CANCELLED).ok:
                problems.append(Violation("final name", f"backup {folder.name} fails check"))
    for value in acked.values("backup"):
        if not Path(json.loads(value)).is_dir():
            problems.append(Violation("acknowledged", "the acknowledged backup is missing"))
    # Item 5: the next backup sweeps what the killed one left.
    with unlock_binder(work / "binder", password) as session:
        maintenance.backup_binder(session, backups, ignore_progress, NEVER_CANCELLED)
    left = [p.name for p in backups.iterdir() if p.name.endswith(".partial")]
    if left:
        problems.append(Violation("swept", f"unfinished backups not swept: {left}"))
    return problems


def _export_rules(work: Path, acked: Acknowledged) -> list[Violation]:
    from casebook.bundle.verify import verify_bundle
    from casebook.core.errors import CasebookError

    out = work / "out"
    if not out.exists():
        return []
    final = sorted(p for p in out.iterdir() if not p.name.endswith(".partial"))
    if not final:
        return []
    passwords = [json.loads(value) for value in acked.values("password")]
    if not passwords:
        names = [p.name for p in final]
        return [Violation("final name", f"published without a password: {names}", "2/3")]
    first = next((p for p in final if p.name.endswith((".7z", ".7z.001"))), None)
    if first is None:
        return [Violation("final name", f"later parts without the first: {final}", "2/3")]
    try:
        verify_bundle(first, passwords[0])
    except CasebookError as error:
        return [Violation("final name", f"{first.name} fails verify: {error}", "2/3")]
    return []


def copy_work(base: Path, target: Path) -> None:
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(base, target)
