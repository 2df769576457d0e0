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

SCENARIOS = ("import", "export", "backup", "change-password", "rekey", "exchange", "autosave")
TWO_PASSWORDS = ("change-password", "rekey")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # data_paths: the one place that says where test data is
from data_paths import DICOM as _DICOM_FOLDER  # noqa: E402

DICOM = sorted(_DICOM_FOLDER.rglob("*.dcm"))
EXCHANGE_DICOM = DICOM[:8]  # images carried in an exchange file: a few keep each run short
SENDER_PASSWORD = "torture password of the sender 3"
# Wei's exchange file is written in segments of 64 KiB, one file operation each: a file of a
# few MiB puts some 50 of the workload's kill points inside the writing of it.
WEI_SCAN_BYTES = 3 * 1024 * 1024 + 11


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
        """Every whole line. A last line without its newline was cut by the kill (the child
        prints unbuffered, word by word, and a kill counted on another thread — a checkpoint,
        the generation record — can land between two words): it was not said."""
        said = stdout[: stdout.rfind("\n") + 1]
        return cls([line.split(" ", 1) for line in said.splitlines() if line.strip()])

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
    """The work folder a run starts from: `binder` (+ `source` for imports; + `sender` and
    `folder` for the exchange)."""
    from casebook.core.consultations import Consultation
    from casebook.core.model import Case
    from casebook.core.progress import NEVER_CANCELLED, ignore_progress
    from casebook.services.binder.session import create_binder
    from casebook.services.consultations import create_consultation
    from casebook.services.records.importing import import_paths
    from casebook.store.keyslots import KdfParams

    generator = random.Random(f"casebook torture {scenario}")
    if scenario == "exchange":
        _prepare_exchange(base, generator)
        return
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


def _import_random(session: Any, folder: Path, sizes: dict[str, int], seed: random.Random) -> None:
    """Import files of random bytes, named and sized as given (random bytes: no compression)."""
    from casebook.core.progress import NEVER_CANCELLED, ignore_progress
    from casebook.services.records.importing import import_paths

    folder.mkdir()
    for name, size in sizes.items():
        (folder / name).write_bytes(seed.randbytes(size))
    import_paths(session, [folder], None, ignore_progress, NEVER_CANCELLED)
    shutil.rmtree(folder)


def _letters(seed: random.Random, *names: str) -> dict[str, int]:
    return {name: seed.randint(20_000, 200_000) for name in names}


def _prepare_exchange(base: Path, generator: random.Random) -> None:
    """Two members of one family: `sender` (Li) made the binder and invited Wei, whose copy is
    `binder`. Since then Li renamed a document both hold, added letters, DICOM images and
    questions, and left an exchange file for Wei in `folder`; Wei added a letter, a larger file
    and a question of their own, so that Wei's exchange has a file to write after reading Li's."""
    import dataclasses

    from casebook.core.model import Case, DocumentEdit
    from casebook.core.progress import NEVER_CANCELLED, ignore_progress
    from casebook.services.binder.session import create_binder
    from casebook.services.questions import questions
    from casebook.services.records import documents as records
    from casebook.services.records.importing import import_paths
    from casebook.services.sharing.invitations import invite, join
    from casebook.services.sharing.outbox import write_outbox
    from casebook.store.keyslots import KdfParams

    fast = KdfParams.minimum()
    created = create_binder(base / "sender", SENDER_PASSWORD, Case("Torture Patient"), fast)
    with created.session as sender:
        earlier = _letters(generator, "referral.bin", "biopsy.bin")
        _import_random(sender, base / "earlier", earlier, generator)
        invitation = base / "Wei.invitation"
        made = invite(sender, "Wei", "Li", invitation, ignore_progress, NEVER_CANCELLED, kdf=fast)
        joined = join(
            made.path,
            made.code,
            base / "binder",
            PASSWORD,
            ignore_progress,
            NEVER_CANCELLED,
            kdf=fast,
        )
        invitation.unlink()
        referral = next(d for d in records.list_documents(sender) if d.title == "referral")
        renamed = dataclasses.replace(DocumentEdit.of(referral), title="referral from Dr Chen")
        records.edit_document(sender, referral.id, renamed)
        later = _letters(generator, *(f"letter {i:02d}.bin" for i in range(4)))
        _import_random(sender, base / "later", later, generator)
        # The test images name another patient; here the family has said they are the same.
        imported = import_paths(
            sender,
            EXCHANGE_DICOM,
            None,
            ignore_progress,
            NEVER_CANCELLED,
            accept_other_patients=True,
        )
        if imported.images_added != len(EXCHANGE_DICOM):
            raise RuntimeError(f"the sender stored {imported.images_added} DICOM images")
        questions.add_own_question(sender, "Is the tumour board this week or next?")
        questions.add_own_question(sender, "Which scans should we bring on a disc?")
        (base / "folder").mkdir()
        outgoing = write_outbox(sender, base / "folder", ignore_progress, NEVER_CANCELLED)
        if outgoing is None:
            raise RuntimeError("the sender wrote no exchange file")
    with joined.session as receiver:
        own = {**_letters(generator, "wei notes 00.bin"), "wei scan.bin": WEI_SCAN_BYTES}
        _import_random(receiver, base / "own", own, generator)
        questions.add_own_question(receiver, "Can Wei come along to the next appointment?")


@dataclass(frozen=True)
class ExchangeView:
    """What an exchange changes, as the family sees it."""

    documents: dict[str, tuple[str, str]]  # original name -> (title, SHA-256 of the bytes)
    questions: frozenset[str]
    images: int  # DICOM images stored


def _exchange_view(session: Any) -> ExchangeView:
    from casebook.services.questions import questions
    from casebook.services.records import documents as records

    with session.reading() as db:
        images = db.execute("SELECT count(*) FROM imaging_instances").fetchone()[0]
    documents = {
        doc.original_name: (
            doc.title,
            hashlib.sha256(records.read_document_bytes(session, doc.id)).hexdigest(),
        )
        for doc in records.list_documents(session)
    }
    texts = frozenset(q.text for q in questions.list_questions(session))
    return ExchangeView(documents, texts, images)


def _exchange_facts(base: Path) -> dict[str, object]:
    """Wei's copy before the exchange, and after it: Li's view with Wei's own additions (Wei
    changed nothing of Li's, and no image is in both), worked out without exchanging."""
    from casebook.services.binder.session import unlock_binder

    with unlock_binder(base / "binder", PASSWORD) as session:
        before = _exchange_view(session)
    with unlock_binder(base / "sender", SENDER_PASSWORD) as session:
        sender = _exchange_view(session)
    after = ExchangeView(
        {**before.documents, **sender.documents},
        before.questions | sender.questions,
        before.images + sender.images,
    )
    [incoming] = [p.name for p in (base / "folder").iterdir()]
    return {"before": before, "after": after, "incoming": incoming}


def _document_hashes(session: Any) -> dict[str, str]:
    from casebook.services.records import documents as records

    return {
        doc.original_name: hashlib.sha256(records.read_document_bytes(session, doc.id)).hexdigest()
        for doc in records.list_documents(session)
    }


def baseline_facts(scenario: str, base: Path) -> dict[str, object]:
    """What the untouched baseline holds (documents by name and hash; for the exchange, what
    the copy shows before and must show after)."""
    from casebook.services.binder.session import unlock_binder

    if scenario == "exchange":
        return _exchange_facts(base)

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
    if scenario == "exchange":
        problems += _outgoing_rules(work, acked, facts)
    return problems


def _scenario_rules(
    scenario: str, work: Path, session: Any, acked: Acknowledged, facts: dict[str, object]
) -> list[Violation]:
    problems: list[Violation] = []
    if scenario == "exchange":
        return _incoming_rules(session, acked, facts)
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


def _incoming_rules(session: Any, acked: Acknowledged, facts: dict[str, object]) -> list[Violation]:
    """The other member's file is taken whole or not at all: the copy shows exactly what it
    showed before or exactly what it shows after, and its tables agree with its change log."""
    from casebook.store.sharing.consistency import disagreements

    problems: list[Violation] = []
    with session.reading() as db:
        differ = disagreements(db)
    if differ:
        problems.append(Violation("log", f"tables and change log differ: {differ[:3]}"))
    shown = _exchange_view(session)
    if shown not in (facts["before"], facts["after"]):
        problems.append(Violation("half-done", "the copy is neither before nor after the file"))
    elif acked.said("applied") and shown != facts["after"]:
        problems.append(Violation("acknowledged", "the applied exchange file is not in the copy"))
    return problems


def _outgoing_rules(work: Path, acked: Acknowledged, facts: dict[str, object]) -> list[Violation]:
    """Every exchange file under a final name is taken whole by the other member (an
    acknowledged one must be there), and the next exchange completes what was interrupted:
    both copies then show the same, and no `.partial` is left."""
    from casebook.core.progress import NEVER_CANCELLED, ignore_progress
    from casebook.services.binder.session import unlock_binder
    from casebook.services.sharing.exchange import exchange
    from casebook.services.sharing.inbox import read_inbox

    problems: list[Violation] = []
    folder = work / "folder"
    written = [
        p.name
        for p in folder.iterdir()
        if p.name != facts["incoming"] and not p.name.endswith(".partial")
    ]
    if acked.said("written") and not written:
        problems.append(Violation("acknowledged", "the acknowledged exchange file is missing"))
    with unlock_binder(work / "sender", SENDER_PASSWORD) as sender:
        inbox = read_inbox(sender, folder, ignore_progress, NEVER_CANCELLED)
        for refused in inbox.refused:
            why = refused.problem.name
            problems.append(Violation("final name", f"{refused.path.name} is refused: {why}"))
        if inbox.read and _exchange_view(sender) != facts["after"]:
            problems.append(Violation("final name", f"{written} lacks part of the news"))
    with unlock_binder(work / "binder", PASSWORD) as session:
        exchange(session, folder, ignore_progress, NEVER_CANCELLED)
        if _exchange_view(session) != facts["after"]:
            problems.append(Violation("completed", "the next exchange leaves the copy short"))
    left = [p.name for p in folder.iterdir() if p.name.endswith(".partial")]
    if left:
        problems.append(Violation("swept", f"unfinished exchange files not swept: {left}"))
    with unlock_binder(work / "sender", SENDER_PASSWORD) as sender:
        inbox = read_inbox(sender, folder, ignore_progress, NEVER_CANCELLED)
        if inbox.refused or _exchange_view(sender) != facts["after"]:
            problems.append(Violation("completed", "the sender lacks news after the next exchange"))
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
