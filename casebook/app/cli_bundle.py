"""The bundle's commands: `casebook export` (with the sender and the cover sheet) and
`casebook demo`. Their words are in the language of the system (`cli_messages.cli_texts`).

Kept apart from `cli` so the commands of the bundle and of the binder change independently.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from casebook.app import cli_messages as msg
from casebook.app.file_modes import write_private_bytes
from casebook.app.secrets_input import SecretReader
from casebook.core.errors import InvalidInput
from casebook.core.progress import NEVER_CANCELLED, Report
from casebook.services import clock

if TYPE_CHECKING:
    from casebook.services.export.sealing import ExportRequest, ExportResult

DEMO_HELP = "create a demo binder with a fictional patient, to try Casebook"


def _binder_password(args: argparse.Namespace, secrets: SecretReader) -> str:
    from casebook.app.cli import _password

    return _password(args, secrets)


def _progress() -> Report:
    from casebook.app.cli import _stderr_progress

    return _stderr_progress()


def cmd_export(args: argparse.Namespace, secrets: SecretReader) -> int:
    from casebook.app import bundle_messages
    from casebook.app.password_handover import PasswordHandover, parts_listing
    from casebook.bundle.errors import BundleInvalid, PasswordNotSaved
    from casebook.bundle.plan import Recipient, Sender
    from casebook.services.binder.session import unlock_binder
    from casebook.services.export.sealing import ExportRequest, export_bundle

    t = msg.cli_texts()
    language = bundle_messages.system_language()
    if args.password_out is not None and not args.password_out.parent.is_dir():
        # Said before anything is sealed; a failure while writing it is caught later.
        path = args.password_out.parent
        print(f"casebook: {bundle_messages.text('password_folder_missing', language, path=path)}",
              file=sys.stderr)  # fmt: skip
        return bundle_messages.EXIT_INVALID_INPUT
    cover_sheet = _cover_sheet_target(args)
    request = ExportRequest(
        recipient=Recipient(args.institution, args.department, args.contact, args.country),
        sender=Sender(
            args.sender_name.strip(),
            args.sender_relation.strip(),
            args.sender_contact.strip(),
            args.sender_language.strip(),
        ),
        summary_language=args.summary_language,
        volume_size_mb=args.volume_size,
        profile_id=getattr(args, "profile", "") or "",
    )
    args.out.mkdir(parents=True, exist_ok=True)
    # The password is handed over (written or printed) before the parts get their final names:
    # a bundle whose password nobody has is never published.
    handover = PasswordHandover(
        args.password_out,
        args.json,
        password_line=t.gettext(
            "Password (send it by another channel than the bundle): {password}"
        ),
        json_extra={} if cover_sheet is None else {"cover_sheet": str(cover_sheet)},
    )
    try:
        with unlock_binder(args.binder, _binder_password(args, secrets)) as session:
            result = export_bundle(
                session, request, args.out, args.name, _progress(), NEVER_CANCELLED,
                deliver_password=handover,
            )  # fmt: skip
    except PasswordNotSaved as error:
        text, code = bundle_messages.describe_password_not_saved(error, language)
        print(f"casebook: {text}", file=sys.stderr)
        return code
    except BundleInvalid as error:
        text = bundle_messages.describe_readback_failure(error, language)
        print(f"casebook: {text}", file=sys.stderr)
        return msg.EXIT_PROBLEM_FOUND
    parts = parts_listing(result.bundle.parts)
    if cover_sheet is not None:
        _write_cover_sheet(cover_sheet, request, result, args.summary_language)
    if args.json:
        if not handover.printed_json:
            output: dict[str, object] = {"parts": parts}
            if cover_sheet is not None:
                output["cover_sheet"] = str(cover_sheet)
            print(json.dumps(output, indent=2))
        return msg.EXIT_OK
    print(t.gettext("Bundle written:"))
    for part in parts:
        print(f"  {part['file']}  SHA-256 {part['sha256']}")
    if args.password_out is not None:
        print(
            t.gettext("Password written to {file} (send it by another channel).").format(
                file=args.password_out
            )
        )
    if cover_sheet is not None:
        print(
            t.gettext(
                "Cover sheet written to {file}: print it or send it apart from the bundle."
            ).format(file=cover_sheet)
        )
    return msg.EXIT_OK


def _cover_sheet_target(args: argparse.Namespace) -> Path | None:
    """Where `--cover-sheet` goes: never beside the bundle, since it carries the password."""
    target: Path | None = args.cover_sheet
    if target is None:
        return None
    if target.resolve().parent == args.out.resolve():
        raise InvalidInput("cover_sheet", "it carries the password: keep it out of --out")
    return target


def _write_private(path: Path, data: bytes) -> None:
    """Write a secret (password, cover sheet) readable by its owner only, from the first byte."""
    write_private_bytes(path, data)


def _write_cover_sheet(
    path: Path, request: ExportRequest, result: ExportResult, language: str
) -> None:

    from casebook.services.export.wizard import cover_sheet_pdf

    _write_private(path, cover_sheet_pdf(request, result, clock.today(), language))


def cmd_demo(args: argparse.Namespace, secrets: SecretReader) -> int:
    from casebook.services.demo import create_demo

    t = msg.cli_texts()
    password = secrets.read("password", "New binder password: ", args.password_file, confirm=True)
    created = create_demo(args.binder, language=args.language, password=password, replace=False)
    created.session.close()
    print(
        t.gettext("Created the demo binder at {path} (a fictional patient).").format(
            path=args.binder
        )
    )
    print(
        t.gettext(
            "Recovery code (shown only now; write it down and keep it safe, away from this "
            "computer):"
        )
    )
    print(f"    {created.recovery_code}")
    return msg.EXIT_OK


def add_sender_options(export: argparse.ArgumentParser) -> None:
    """Who sends the bundle (printed on the letter, README.TXT and the cover sheet), and where
    the cover sheet goes."""
    export.add_argument("--sender-name", default="", help="your name")
    export.add_argument("--sender-relation", default="", help="your relation to the patient")
    export.add_argument("--sender-contact", default="", help="your e-mail or phone")
    export.add_argument("--sender-language", default="", help="the language(s) you read")
    export.add_argument(
        "--cover-sheet",
        type=Path,
        metavar="FILE",
        help="write the cover sheet (password and part checksums) as PDF, outside --out",
    )


def add_demo_command(demo: argparse.ArgumentParser) -> None:
    demo.add_argument(
        "--language",
        choices=["en", "zh"],
        default="en",
        help="the demo's language (the patient, the notes, the questions)",
    )
    demo.set_defaults(existing_binder=False)
