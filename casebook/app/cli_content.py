"""Command-line access to what the binder holds: removing and restoring records, emptying the
trash, and the content check ("what the hospital will read").

Kept apart from `cli.py` so that each group of commands reads on its own; `cli.py` registers
them with `add_content_commands`.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable

from casebook.app import cli_messages as msg
from casebook.app.secrets_input import SecretReader
from casebook.bundle.words import SLOT_NAMES
from casebook.core.errors import InvalidInput
from casebook.core.model import RecordKind
from casebook.core.preflight import Finding, FindingKind, Place
from casebook.texts import N_, Texts

Command = Callable[[argparse.Namespace, SecretReader], int]
BinderCommand = Callable[..., argparse.ArgumentParser]

_FINDING_TEXT = {
    FindingKind.OTHER_PATIENT_IMAGING: N_(
        "Imaging of another patient? The study “{name}” is for “{detail}”."
    ),
    FindingKind.INCOMPLETE_SERIES: N_(
        "The series “{name}” is incomplete: {count} of {expected} images."
    ),
    FindingKind.REQUESTED_BUT_HOLDS_FILES: N_(
        "{ref}: marked as requested, and {count} file(s) have arrived. Is it complete?"
    ),
    FindingKind.NOT_NEEDED_BUT_HOLDS_FILES: N_(
        "{ref}: marked as not needed, yet holds {count} file(s)."
    ),
    FindingKind.MISSING_RECORD: N_("{ref}: still missing."),
    FindingKind.UNCONFIRMED_DOCUMENT: N_(
        "Document {ref} “{name}”: its record kind and date were guessed; please confirm them."
    ),
    FindingKind.UNDATED_DOCUMENT: N_("Document {ref} “{name}” has no date."),
    FindingKind.STUDY_WITHOUT_REPORT: N_("Study “{name}”: no report is linked to it."),
    FindingKind.REQUIRED_RECORD_MISSING: N_("{ref}: this reader requires it, still missing."),
    FindingKind.TRANSLATION_MISSING: N_(
        "Document {ref} “{name}” is in {detail}: this reader needs a translation."
    ),
    FindingKind.IDENTITY_DOCUMENT_MISMATCH: N_(
        "Identity document {ref} “{name}” does not show the case's {detail}."
    ),
    FindingKind.DOCUMENT_SHOWS_IDENTITY: N_(
        "Document {ref} “{name}” shows the patient's {detail}: hide it (redact) or leave "
        "the document out."
    ),
    FindingKind.DOCUMENT_NOT_CHECKED: N_(
        "Document {ref} “{name}”: look at it, hide what shows the patient, or confirm it "
        "shows nothing (until then it is left out)."
    ),
    FindingKind.BURNED_IN_TEXT: N_(
        "Series “{name}”: its pictures may show text ({detail}). Please look at them."
    ),
}


def finding_line(finding: Finding, texts: Texts | None = None) -> str:
    """One finding in the words of the command line's language (record kinds by their names)."""
    t = texts or msg.cli_texts()
    ref: object = finding.ref
    if finding.place is Place.RECORD_KIND:
        ref = t.gettext(SLOT_NAMES[RecordKind(str(finding.ref))])
    return t.gettext(_FINDING_TEXT[finding.kind]).format(
        ref=ref,
        name=finding.name,
        count=finding.count,
        expected=finding.expected,
        detail=finding.detail,
    )


def check_content(args: argparse.Namespace, password: str) -> int:
    """`casebook check BINDER --content`: one line per finding; exit 1 when there are any."""
    from casebook.services.binder.session import unlock_binder
    from casebook.services.preflight import check_content as run_check

    profile = None
    if getattr(args, "profile", ""):
        from casebook.services.export.profiles import find_profile

        folders = [args.profiles_dir] if getattr(args, "profiles_dir", None) else []
        profile = find_profile(args.profile, folders)
    with unlock_binder(args.binder, password) as session:
        findings = run_check(session, profile)
    t = msg.cli_texts()
    if args.json:
        print(
            json.dumps(
                [
                    {
                        "kind": f.kind.value,
                        "place": f.place.value,
                        "ref": f.ref,
                        "name": f.name,
                        "count": f.count,
                        "expected": f.expected,
                        "detail": f.detail,
                        "text": finding_line(f, t),
                    }
                    for f in findings
                ],
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        for finding in findings:
            print(finding_line(finding, t))
        if not findings:
            print(
                t.gettext("Nothing to look at: what the hospital will read agrees with the binder.")
            )
    return msg.EXIT_PROBLEM_FOUND if findings else msg.EXIT_OK


def _cmd_remove(args: argparse.Namespace, secrets: SecretReader) -> int:
    from casebook.services.binder.session import unlock_binder
    from casebook.services.imaging import records as imaging
    from casebook.services.records import documents as records

    t = msg.cli_texts()
    password = secrets.read("password", t.gettext("Binder password: "), args.password_file)
    with unlock_binder(args.binder, password) as session:
        if args.document is not None:
            if args.restore:
                records.restore_from_trash(session, args.document)
            else:
                records.move_to_trash(session, args.document)
            what = t.gettext("document {id}").format(id=args.document)
        else:
            level = "study" if args.study else "series"
            uid = args.study or args.series
            what = (
                t.gettext("the study {uid}") if args.study else t.gettext("the series {uid}")
            ).format(uid=uid)
            found = (imaging.find_study if args.study else imaging.find_series)(session, uid)
            if found is None:
                raise InvalidInput(level, f"no {level} with UID {uid} in this binder")
            if args.restore:
                changed = imaging.restore_imaging(session, level, found)
            elif level == "study":
                changed = imaging.remove_study(session, found)
            else:
                changed = imaging.remove_series(session, [found])
            if not changed:
                said = (
                    N_("{what} was not in the trash: nothing changed.")
                    if args.restore
                    else N_("{what} was already in the trash: nothing changed.")
                )
                print(_sentence(t.gettext(said).format(what=what)))
                return msg.EXIT_OK
    said = N_("Brought back {what}.") if args.restore else N_("Moved {what} to the trash.")
    print(_sentence(t.gettext(said).format(what=what)))
    return msg.EXIT_OK


def _sentence(text: str) -> str:
    """`text` with a capital first letter (an English sentence may begin with "the study")."""
    return text[:1].upper() + text[1:]


def _cmd_empty_trash(args: argparse.Namespace, secrets: SecretReader) -> int:
    from casebook.services.binder.session import unlock_binder
    from casebook.services.records import documents as records

    t = msg.cli_texts()
    password = secrets.read("password", t.gettext("Binder password: "), args.password_file)
    with unlock_binder(args.binder, password) as session:
        emptied = records.empty_trash(session)
    print(
        t.gettext(
            "The trash was emptied: {documents} document(s) and {images} image(s) deleted for good."
        ).format(documents=emptied.documents, images=emptied.images)
    )
    return msg.EXIT_OK


def add_content_commands(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], binder_command: BinderCommand
) -> None:
    """Register `remove` and `empty-trash` (see `casebook COMMAND --help`)."""
    remove = binder_command(
        sub,
        "remove",
        "move a document, a study or a series to the trash (or bring it back with --restore)",
        _cmd_remove,
    )
    which = remove.add_mutually_exclusive_group(required=True)
    which.add_argument("--document", type=int, metavar="ID", help="a document id (see list)")
    which.add_argument("--study", metavar="UID", help="a Study Instance UID (see list --json)")
    which.add_argument("--series", metavar="UID", help="a Series Instance UID (see list --json)")
    remove.add_argument("--restore", action="store_true", help="bring it back from the trash")
    binder_command(
        sub,
        "empty-trash",
        "delete what is in the trash for good (documents and imaging)",
        _cmd_empty_trash,
    )
