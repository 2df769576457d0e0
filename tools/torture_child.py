"""One workload of the crash and I/O-fault tests, run in a child process (see tools/torture.py).

    python tools/torture_child.py SCENARIO WORK_FOLDER

The child does one thing a user does — import, export, back up, change the password,
re-encrypt, exchange with another member of the family, or type a note that autosaves — on the
binder in WORK_FOLDER/binder, through the same services as the app and the CLI. It prints one
line, flushed, each time something is acknowledged as done (what the user would be told; for
the exchange, also each half as it is done), so that the parent can check afterwards that
nothing acknowledged was lost. An expected failure (a full disk) ends with one line
`error CODE MESSAGE`, as the CLI would report it; a bug ends with a traceback.

The parent runs it under tools/fault_inject.c (LD_PRELOAD), which kills it at its Nth file
operation or fails its writes once a byte budget is spent.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

PASSWORD = "torture password one 1"
NEW_PASSWORD = "torture password two 2"
NOTE_TEXT = (
    "The oncologist said the scan shows the tumour has shrunk by about a third. Next CT in "
    "eight weeks; ask about the side effects of the second cycle and the blood counts."
)
NOTE_STEP = 6  # characters typed between two autosaves
EXCHANGE_ACKNOWLEDGED = {"inbox-applied": "applied", "outbox-written": "written"}


def _say(*words: object) -> None:
    print(*words, flush=True)


def run(scenario: str, work: Path) -> None:
    from casebook.core.progress import NEVER_CANCELLED, ignore_progress
    from casebook.store.keyslots import KdfParams

    fast = KdfParams.minimum()
    binder = work / "binder"
    if scenario == "change-password":
        from casebook.services.binder.session import change_password

        change_password(binder, PASSWORD, NEW_PASSWORD, fast)
        _say("changed")
        return
    if scenario == "rekey":
        from casebook.services.binder.rekeying import rekey_binder

        rekeyed = rekey_binder(
            binder, PASSWORD, NEW_PASSWORD, ignore_progress, NEVER_CANCELLED, fast
        )
        _say("rekeyed", rekeyed.recovery_code)
        rekeyed.session.close()
        return

    from casebook.services.binder.session import unlock_binder

    with unlock_binder(binder, PASSWORD) as session:
        if scenario == "import":
            from casebook.services.records.importing import import_paths

            def committed(path: Path, _is_new: bool) -> None:
                _say("added", json.dumps(path.name))

            import_paths(
                session, [work / "source"], None, ignore_progress, NEVER_CANCELLED, committed
            )
        elif scenario == "backup":
            from casebook.services.binder.maintenance import backup_binder

            target = backup_binder(session, work / "backups", ignore_progress, NEVER_CANCELLED)
            _say("backup", json.dumps(str(target)))
        elif scenario == "export":
            from casebook.bundle.plan import Recipient
            from casebook.services.export.sealing import ExportRequest, export_bundle

            request = ExportRequest(recipient=Recipient("Torture Hospital"), volume_size_mb=1)
            (work / "out").mkdir(exist_ok=True)
            # The password is handed over (acknowledged) before the parts get their final
            # names, as the app and the CLI do; a bundle published without it is a finding.
            result = export_bundle(
                session,
                request,
                work / "out",
                "bundle",
                ignore_progress,
                NEVER_CANCELLED,
                deliver_password=lambda password, _parts: _say("password", json.dumps(password)),
            )
            _say("exported", json.dumps([str(p.path) for p in result.bundle.parts]))
        elif scenario == "exchange":
            from casebook.services.sharing.exchange import exchange

            # The exchange's own named points: "inbox-applied" follows the commit of the other
            # member's file, "outbox-written" the rename of this copy's file to its final name.
            def step(point: str) -> None:
                if point in EXCHANGE_ACKNOWLEDGED:
                    _say(EXCHANGE_ACKNOWLEDGED[point])

            summary = exchange(session, work / "folder", ignore_progress, NEVER_CANCELLED, step)
            written = summary.written.path.name if summary.written else ""
            _say("exchanged", len(summary.read), json.dumps(written))
        elif scenario == "autosave":
            from casebook.services.consultations import EntryDraft, list_consultations

            consultation = list_consultations(session)[0]
            draft = EntryDraft(consultation.id, "Family")
            for end in range(NOTE_STEP, len(NOTE_TEXT) + NOTE_STEP, NOTE_STEP):
                draft.save(session, NOTE_TEXT[:end])
                _say("saved", min(end, len(NOTE_TEXT)))
        else:
            raise SystemExit(f"unknown scenario {scenario}")


def main() -> int:
    from casebook.app import cli_messages
    from casebook.core.errors import CasebookError

    scenario, work = sys.argv[1], Path(sys.argv[2])
    try:
        run(scenario, work)
    except CasebookError as error:
        text, code = cli_messages.describe(error)
        _say("error", code, json.dumps(text))
        return code
    _say("finished")
    return 0


if __name__ == "__main__":
    sys.exit(main())
