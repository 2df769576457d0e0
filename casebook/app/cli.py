"""The `casebook` command line: the same services as the app, for scripts, support and tests.

Passwords and codes are never taken from argv (it is visible to other users and lands in shell
history): see `secrets_input`. Expected failures print one line on stderr and exit with the
code listed in `cli_messages.exit_codes_help()`; only a bug prints a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from casebook import __version__
from casebook.app import (
    bundle_messages,
    cli_bundle,
    cli_import,
    cli_recipients,
    cli_search,
    cli_sharing,
)
from casebook.app import cli_messages as msg
from casebook.app.cli_calendar import add_calendar_command
from casebook.app.cli_content import add_content_commands, check_content
from casebook.app.secrets_input import SecretReader
from casebook.app.storage_import import load_storage_without_numpy
from casebook.bundle.errors import BundleInvalid
from casebook.core.errors import (
    BinderUnavailable,
    CasebookError,
    InvalidInput,
    UnavailableReason,
)
from casebook.core.model import Case, PartialDate, RecordKind
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
    return secrets.read("password", msg.gettext("Binder password: "), args.password_file)


def _cmd_new(args: argparse.Namespace, secrets: SecretReader) -> int:
    from casebook.services.binder.session import create_binder

    try:
        birth = PartialDate.parse(args.date_of_birth) if args.date_of_birth else None
    except ValueError:
        raise InvalidInput("date_of_birth", "use YYYY, YYYY-MM or YYYY-MM-DD") from None
    password = secrets.read(
        "password", msg.gettext("New binder password: "), args.password_file, confirm=True
    )
    case = Case(patient_name=args.name, date_of_birth=birth, diagnosis_summary=args.diagnosis)
    created = create_binder(args.binder, password, case)
    created.session.close()
    print(msg.gettext("Created the binder at {folder}.").format(folder=args.binder))
    _print_recovery_code(created.recovery_code)
    return msg.EXIT_OK


def _cmd_import(args: argparse.Namespace, secrets: SecretReader) -> int:
    return cli_import.cmd_import(args, _password(args, secrets), _stderr_progress())


def _cmd_search(args: argparse.Namespace, secrets: SecretReader) -> int:
    return cli_search.cmd_search(args, _password(args, secrets))


def _cmd_list(args: argparse.Namespace, secrets: SecretReader) -> int:
    from casebook.app.listing import collect_listing, format_listing
    from casebook.services.binder.session import unlock_binder

    with unlock_binder(args.binder, _password(args, secrets)) as session:
        listing = collect_listing(session)
    if args.json:
        print(json.dumps(listing, ensure_ascii=False, indent=2))
    else:
        print(format_listing(listing))
    return msg.EXIT_OK


def _cmd_check(args: argparse.Namespace, secrets: SecretReader) -> int:
    from casebook.services.binder.maintenance import check_binder_folder

    if args.content:
        return check_content(args, _password(args, secrets))
    report = check_binder_folder(
        args.binder,
        _password(args, secrets),
        _stderr_progress(),
        NEVER_CANCELLED,
        accept_rollback=args.accept_rollback,
    )
    for swept in report.swept:
        print(msg.gettext("Removed an unfinished backup copy: {folder}").format(folder=swept))
    if report.ok:
        files = report.documents_checked
        stored = msg.cli_texts().ngettext("{n} stored file", "{n} stored files", files)
        print(
            msg.gettext(
                "The binder is healthy: {pages} database pages and {files} checked."
            ).format(pages=report.pages_checked, files=stored.format(n=files))
        )
        return msg.EXIT_OK
    said = msg.gettext("the binder at {folder} is damaged:").format(folder=args.binder)
    print(f"casebook: {said}", file=sys.stderr)
    for problem in report.problems:
        print(f"  {problem}", file=sys.stderr)
    print(msg.backup_advice(), file=sys.stderr)
    # A binder that cannot even be opened is "damaged" (4); damage found inside is a finding (1).
    return msg.EXIT_DAMAGED if report.unopenable else msg.EXIT_PROBLEM_FOUND


def _cmd_backup(args: argparse.Namespace, secrets: SecretReader) -> int:
    from casebook.services.binder.maintenance import backup_binder
    from casebook.services.binder.session import unlock_binder

    with unlock_binder(args.binder, _password(args, secrets)) as session:
        target = backup_binder(session, args.to, _stderr_progress(), NEVER_CANCELLED)
    print(msg.gettext("Backup written and verified: {folder}").format(folder=target))
    return msg.EXIT_OK


def _cmd_change_password(args: argparse.Namespace, secrets: SecretReader) -> int:
    from casebook.services.binder.session import change_password

    old = secrets.read("password", msg.gettext("Current password: "), args.password_file)
    new = secrets.read(
        "new_password", msg.gettext("New password: "), args.new_password_file, confirm=True
    )
    change_password(args.binder, old, new)
    print(msg.gettext("The password was changed. The recovery code still works."))
    return msg.EXIT_OK


def _cmd_recover(args: argparse.Namespace, secrets: SecretReader) -> int:
    from casebook.services.binder.session import recover_binder

    code = secrets.read("recovery_code", msg.gettext("Recovery code: "), args.recovery_code_file)
    new = secrets.read(
        "new_password", msg.gettext("New password: "), args.new_password_file, confirm=True
    )
    recover_binder(args.binder, code, new).close()
    print(
        msg.gettext(
            "The binder is open again with the new password. The recovery code still works."
        )
    )
    return msg.EXIT_OK


def _cmd_rekey(args: argparse.Namespace, secrets: SecretReader) -> int:
    """Re-encrypt with a new master key, new password slot and new recovery code."""
    from casebook.services.binder.rekeying import rekey_binder

    old = secrets.read("password", msg.gettext("Current password: "), args.password_file)
    new = secrets.read(
        "new_password",
        msg.gettext("New password (may be the same): "),
        args.new_password_file,
        confirm=True,
    )
    rekeyed = rekey_binder(args.binder, old, new, _stderr_progress(), NEVER_CANCELLED)
    rekeyed.session.close()
    print(
        msg.gettext("The binder at {folder} was re-encrypted with a new key.").format(
            folder=args.binder
        )
    )
    print(
        msg.gettext(
            "Old copies of keyslots.json, the old password and the old recovery code no longer "
            "open it (old backups keep their own password)."
        )
    )
    _print_recovery_code(rekeyed.recovery_code)
    return msg.EXIT_OK


def _cmd_new_recovery_code(args: argparse.Namespace, secrets: SecretReader) -> int:
    """Replace the recovery code; the old one stops working."""
    from casebook.services.binder.rekeying import replace_recovery_code

    code = replace_recovery_code(args.binder, _password(args, secrets))
    print(msg.gettext("The binder has a new recovery code; the old one no longer opens it."))
    _print_recovery_code(code)
    return msg.EXIT_OK


def _print_recovery_code(code: str) -> None:
    print(
        msg.gettext(
            "Recovery code (shown only now; write it down and keep it safe, away from this "
            "computer):"
        )
    )
    print(f"    {code}")


def _cmd_verify(args: argparse.Namespace, secrets: SecretReader) -> int:
    from casebook.bundle.passphrase import normalize_passphrase
    from casebook.bundle.verify import verify_bundle

    language = bundle_messages.system_language()
    password = secrets.read("password", msg.gettext("Bundle password: "), args.password_file)
    try:
        verified = verify_bundle(
            args.bundle, normalize_passphrase(password), report=_stderr_progress()
        )
    except BundleInvalid as error:
        text, code = bundle_messages.describe_invalid(error, language)
        print(f"casebook: {text}", file=sys.stderr)
        return code
    print(bundle_messages.describe_intact(len(verified.parts), verified.file_count, language))
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
        epilog=msg.exit_codes_help(),
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
    imp.add_argument("--slot", choices=[kind.value for kind in RecordKind], help="file them here")
    imp.add_argument(
        "--accept-other-patient",
        action="store_true",
        help="add DICOM images even when their patient name or birth date does not match the "
        "case (without it they are left out and the exit code is 7)",
    )
    cli_import.add_consultation_option(imp)

    cli_search.add_search_options(
        _binder_command(sub, "search", cli_search.SEARCH_HELP, _cmd_search)
    )

    lst = _binder_command(sub, "list", "show the case, slots, documents and imaging", _cmd_list)
    lst.add_argument("--json", action="store_true", help="machine-readable output")

    check = _binder_command(
        sub, "check", "check the binder for damage (re-hashes every file)", _cmd_check
    )
    check.add_argument(
        "--accept-rollback",
        action="store_true",
        help="keep working with a binder that is older than its last known state "
        "(after you put an older copy back on purpose)",
    )
    check.add_argument(
        "--content",
        action="store_true",
        help="instead, list what the hospital would find contradictory or missing",
    )
    check.add_argument("--json", action="store_true", help="with --content: machine-readable")
    add_content_commands(sub, _binder_command)
    add_calendar_command(sub, _binder_command)

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

    _add_key_commands(sub)

    export = _binder_command(
        sub, "export", "write the sealed bundle for the hospital", cli_bundle.cmd_export
    )
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
    cli_bundle.add_sender_options(export)
    cli_recipients.add_recipient_commands(sub)

    cli_bundle.add_demo_command(
        _binder_command(sub, "demo", cli_bundle.DEMO_HELP, cli_bundle.cmd_demo)
    )

    cli_sharing.add_sharing_commands(sub, _binder_command)

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


def _add_key_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """`rekey` and `new-recovery-code`: new keys when a password or a laptop may be known."""
    rekey = _binder_command(
        sub,
        "rekey",
        "re-encrypt the binder with a new key, a new password and a new recovery code",
        _cmd_rekey,
    )
    rekey.add_argument("--new-password-file", type=Path)
    _binder_command(
        sub,
        "new-recovery-code",
        "make a new recovery code (the old one stops working)",
        _cmd_new_recovery_code,
    )


def _require_binder(folder: Path) -> None:
    """Say "no binder here" before asking for a password that could not help."""
    from casebook.services.binder.session import is_binder

    if not folder.is_dir():
        raise BinderUnavailable(folder, UnavailableReason.MISSING)
    if not is_binder(folder):
        raise BinderUnavailable(folder, UnavailableReason.NOT_A_BINDER)


def run_command(args: argparse.Namespace) -> int:
    """Run a parsed subcommand, turning expected failures into one line and an exit code."""
    handler: Command = args.handler
    load_storage_without_numpy()
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
        interrupted = msg.cli_texts().gettext("interrupted")
        print(f"casebook: {interrupted}", file=sys.stderr)
        return msg.EXIT_CANCELLED


def parse(argv: Sequence[str]) -> argparse.Namespace:
    return build_parser().parse_args(list(argv))
