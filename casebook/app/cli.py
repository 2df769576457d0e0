"""The `casebook` command line: the same services as the app, for scripts, support and tests.

Passwords and codes are never taken from argv (it is visible to other users and lands in shell
history): see `secrets_input`. Expected failures print one line on stderr and exit with the
code listed in `cli_messages.EXIT_CODES_HELP`; only a bug prints a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from casebook import __version__
from casebook.app import cli_messages as msg
from casebook.app.secrets_input import SecretReader
from casebook.core.errors import (
    BinderUnavailable,
    CasebookError,
    InvalidInput,
    UnavailableReason,
)
from casebook.core.model import Case, PartialDate, SlotKind
from casebook.core.progress import NEVER_CANCELLED, Cancelled, Progress, Report, ignore_progress

Command = Callable[[argparse.Namespace, SecretReader], int]


def _stderr_progress() -> Report:
    """Progress on stderr when a person is watching; silent in scripts."""
    if not sys.stderr.isatty():
        return ignore_progress

    def show(progress: Progress) -> None:
        fraction = progress.fraction
        percent = f"{fraction * 100:5.1f}%" if fraction is not None else "     "
        sys.stderr.write(f"\r{percent} {progress.item[:60]:<60}")
        sys.stderr.flush()

    return show


def _password(args: argparse.Namespace, secrets: SecretReader) -> str:
    return secrets.read("password", "Binder password: ", args.password_file)


def _cmd_new(args: argparse.Namespace, secrets: SecretReader) -> int:
    from casebook.services.binder import create_binder

    try:
        birth = PartialDate.parse(args.date_of_birth) if args.date_of_birth else None
    except ValueError:
        raise InvalidInput("date_of_birth", "use YYYY, YYYY-MM or YYYY-MM-DD") from None
    password = secrets.read("password", "New binder password: ", args.password_file, confirm=True)
    case = Case(patient_name=args.name, date_of_birth=birth, diagnosis_summary=args.diagnosis)
    created = create_binder(args.binder, password, case)
    created.session.close()
    print(f"Created the binder at {args.binder}.")
    print(
        "Recovery code (shown only now; write it down and keep it safe, away from this computer):"
    )
    print(f"    {created.recovery_code}")
    return msg.EXIT_OK


def _cmd_import(args: argparse.Namespace, secrets: SecretReader) -> int:
    from casebook.services.binder import unlock_binder
    from casebook.services.importing import import_paths

    slot = SlotKind(args.slot) if args.slot else None
    with unlock_binder(args.binder, _password(args, secrets)) as session:

        def committed(path: Path, is_new: bool) -> None:
            print(f"{'added' if is_new else 'already there'}: {path}", flush=True)

        summary = import_paths(
            session, args.paths, slot, _stderr_progress(), NEVER_CANCELLED, committed
        )
    for refusal in summary.refused:
        print(f"refused: {refusal.path}: {msg.FILE_PROBLEMS[refusal.problem]}", flush=True)
    added = len(summary.added) + summary.images_added
    already = len(summary.duplicates) + summary.images_already_there
    print(f"{added} added, {already} already there, {len(summary.refused)} refused")
    return msg.EXIT_OK


def _cmd_list(args: argparse.Namespace, secrets: SecretReader) -> int:
    from casebook.app.listing import collect_listing, format_listing
    from casebook.services.binder import unlock_binder

    with unlock_binder(args.binder, _password(args, secrets)) as session:
        listing = collect_listing(session)
    if args.json:
        print(json.dumps(listing, ensure_ascii=False, indent=2))
    else:
        print(format_listing(listing))
    return msg.EXIT_OK


def _cmd_check(args: argparse.Namespace, secrets: SecretReader) -> int:
    from casebook.services.maintenance import check_binder_folder

    report = check_binder_folder(
        args.binder, _password(args, secrets), _stderr_progress(), NEVER_CANCELLED
    )
    if report.ok:
        print(
            f"The binder is healthy: {report.pages_checked} pages and "
            f"{report.documents_checked} stored files checked."
        )
        return msg.EXIT_OK
    print(f"casebook: the binder at {args.binder} is damaged:", file=sys.stderr)
    for problem in report.problems:
        print(f"  {problem}", file=sys.stderr)
    print("Restore your most recent backup (see 'casebook backup').", file=sys.stderr)
    return msg.EXIT_PROBLEM_FOUND


def _cmd_backup(args: argparse.Namespace, secrets: SecretReader) -> int:
    from casebook.services.binder import unlock_binder
    from casebook.services.maintenance import backup_binder

    with unlock_binder(args.binder, _password(args, secrets)) as session:
        target = backup_binder(session, args.to, _stderr_progress(), NEVER_CANCELLED)
    print(f"Backup written and verified: {target}")
    return msg.EXIT_OK


def _cmd_change_password(args: argparse.Namespace, secrets: SecretReader) -> int:
    from casebook.services.binder import change_password

    old = secrets.read("password", "Current password: ", args.password_file)
    new = secrets.read("new_password", "New password: ", args.new_password_file, confirm=True)
    change_password(args.binder, old, new)
    print("The password was changed. The recovery code still works.")
    return msg.EXIT_OK


def _cmd_recover(args: argparse.Namespace, secrets: SecretReader) -> int:
    from casebook.services.binder import recover_binder

    code = secrets.read("recovery_code", "Recovery code: ", args.recovery_code_file)
    new = secrets.read("new_password", "New password: ", args.new_password_file, confirm=True)
    recover_binder(args.binder, code, new).close()
    print("The binder is open again with the new password. The recovery code still works.")
    return msg.EXIT_OK


def _cmd_export(args: argparse.Namespace, secrets: SecretReader) -> int:
    from casebook.bundle.plan import Recipient
    from casebook.services.binder import unlock_binder
    from casebook.services.export import ExportRequest, export_bundle

    summary_language = {"en": "en", "zh": "zh", "en+zh": "en+zh"}[args.summary_language]
    request = ExportRequest(
        recipient=Recipient(args.institution, args.department, args.contact, args.country),
        summary_language=summary_language,
        volume_size_mb=args.volume_size,
    )
    args.out.mkdir(parents=True, exist_ok=True)
    with unlock_binder(args.binder, _password(args, secrets)) as session:
        result = export_bundle(
            session, request, args.out, args.name, _stderr_progress(), NEVER_CANCELLED
        )
    parts = [{"file": str(p.path), "size": p.size, "sha256": p.sha256} for p in result.bundle.parts]
    if args.password_out is not None:
        args.password_out.write_text(result.password + "\n", encoding="utf-8")
        args.password_out.chmod(0o600)
    if args.json:
        output: dict[str, object] = {"parts": parts}
        if args.password_out is None:
            output["password"] = result.password
        print(json.dumps(output, indent=2))
        return msg.EXIT_OK
    print("Bundle written:")
    for part in parts:
        print(f"  {part['file']}  SHA-256 {part['sha256']}")
    if args.password_out is None:
        print(f"Password (send it by another channel than the bundle): {result.password}")
    else:
        print(f"Password written to {args.password_out} (send it by another channel).")
    return msg.EXIT_OK


def _cmd_verify(args: argparse.Namespace, secrets: SecretReader) -> int:
    from casebook.bundle.verify import verify_bundle

    password = secrets.read("password", "Bundle password: ", args.password_file)
    verified = verify_bundle(args.bundle, password, report=_stderr_progress())
    print(
        f"The bundle is intact: {len(verified.parts)} part(s), {verified.file_count} files, "
        "every SHA-256 and DICOMDIR reference checked."
    )
    return msg.EXIT_OK


def _cmd_self_test(args: argparse.Namespace, secrets: SecretReader) -> int:
    from casebook.app.self_test import run_self_test

    return run_self_test()


def _binder_command(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
    name: str,
    help_text: str,
    handler: Command,
) -> argparse.ArgumentParser:
    # No abbreviations: "--password SECRET" must not silently mean "--password-file SECRET".
    parser = sub.add_parser(name, help=help_text, description=help_text, allow_abbrev=False)
    parser.add_argument("binder", type=Path, help="the binder folder")
    parser.add_argument(
        "--password-file", type=Path, help="read the password from the first line of this file"
    )
    parser.set_defaults(handler=handler, existing_binder=name != "new")
    return parser


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="casebook",
        description=(
            "Casebook: an encrypted case binder for preparing a cancer second-opinion "
            "request. Without a command, the app opens. Passwords are read from "
            "--password-file, or one line of standard input, or a prompt; never from the "
            "command line."
        ),
        epilog=msg.EXIT_CODES_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        allow_abbrev=False,
    )
    parser.add_argument("--version", action="version", version=f"casebook {__version__}")
    parser.add_argument("--demo", action="store_true", help="open the app on a fresh demo binder")
    parser.add_argument("--data-dir", type=Path, help="keep Casebook's own files in this folder")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    new = _binder_command(sub, "new", "create a new binder and print its recovery code", _cmd_new)
    new.add_argument("--name", required=True, help="the patient's name")
    new.add_argument("--date-of-birth", help="YYYY, YYYY-MM or YYYY-MM-DD")
    new.add_argument("--diagnosis", default="", help="the diagnosis in a few words")

    imp = _binder_command(sub, "import", "add files and folders to a binder", _cmd_import)
    imp.add_argument("paths", type=Path, nargs="+", help="files or folders")
    imp.add_argument("--slot", choices=[kind.value for kind in SlotKind], help="file them here")

    lst = _binder_command(sub, "list", "show the case, slots, documents and imaging", _cmd_list)
    lst.add_argument("--json", action="store_true", help="machine-readable output")

    _binder_command(sub, "check", "check the binder for damage (re-hashes every file)", _cmd_check)

    backup = _binder_command(sub, "backup", "write a verified backup binder", _cmd_backup)
    backup.add_argument("--to", type=Path, required=True, help="folder to put the backup in")

    change = _binder_command(
        sub, "change-password", "change the password (old, then new)", _cmd_change_password
    )
    change.add_argument("--new-password-file", type=Path)

    recover = _binder_command(
        sub, "recover", "open with the recovery code and set a new password", _cmd_recover
    )
    recover.add_argument("--recovery-code-file", type=Path)
    recover.add_argument("--new-password-file", type=Path)

    export = _binder_command(sub, "export", "write the sealed bundle for the hospital", _cmd_export)
    export.add_argument("--out", type=Path, required=True, help="folder for the bundle")
    export.add_argument("--name", default="casebook-bundle", help="file name without .7z")
    export.add_argument("--volume-size", type=int, metavar="MB", help="split for email")
    export.add_argument("--summary-language", choices=["en", "zh", "en+zh"], default="en")
    export.add_argument("--password-out", type=Path, help="write the generated password here")
    export.add_argument("--json", action="store_true")
    export.add_argument("--institution", default="", help="the receiving hospital")
    export.add_argument("--department", default="")
    export.add_argument("--contact", default="")
    export.add_argument("--country", default="")

    verify = sub.add_parser(
        "verify",
        help="decrypt a bundle and check every hash",
        description="verify a bundle",
        allow_abbrev=False,
    )
    verify.add_argument("bundle", type=Path, help="the .7z file or its first part (.7z.001)")
    verify.add_argument("--password-file", type=Path)
    verify.set_defaults(handler=_cmd_verify)

    selftest = sub.add_parser("self-test", help="check that this installation works")
    selftest.set_defaults(handler=_cmd_self_test)
    return parser


def _require_binder(folder: Path) -> None:
    """Say "no binder here" before asking for a password that could not help."""
    from casebook.services.binder import is_binder

    if not folder.is_dir():
        raise BinderUnavailable(folder, UnavailableReason.MISSING)
    if not is_binder(folder):
        raise BinderUnavailable(folder, UnavailableReason.NOT_A_BINDER)


def run_command(args: argparse.Namespace) -> int:
    """Run a parsed subcommand, turning expected failures into one line and an exit code."""
    handler: Command = args.handler
    try:
        if getattr(args, "existing_binder", False):
            _require_binder(args.binder)
        return handler(args, SecretReader())
    except CasebookError as error:
        text, code = msg.describe(error)
        print(f"casebook: {text}", file=sys.stderr)
        return code
    except Cancelled:
        return msg.EXIT_CANCELLED
    except KeyboardInterrupt:
        print("casebook: interrupted", file=sys.stderr)
        return msg.EXIT_CANCELLED


def parse(argv: Sequence[str]) -> argparse.Namespace:
    return build_parser().parse_args(list(argv))
