"""Sharing a binder from the command line: `invite`, `join`, `exchange`, `members`.

The same services as the app's sharing windows, for scripts and for the tests. Codes and
passwords are never taken from argv: the invitation code is printed once or written to a file
readable by its owner only; `join` reads it from `--code-file`.
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from casebook.app import cli_messages as msg
from casebook.app.file_modes import write_private_bytes
from casebook.app.secrets_input import SecretReader
from casebook.core.errors import InvalidInput, ShareProblem
from casebook.core.progress import NEVER_CANCELLED, Report

Command = Callable[[argparse.Namespace, SecretReader], int]
AddBinderCommand = Callable[..., argparse.ArgumentParser]


def refused_reason(problem: ShareProblem) -> str:
    from casebook.services.error_words import refused_words

    return refused_words(problem, msg.cli_texts())


def _password(args: argparse.Namespace, secrets: SecretReader) -> str:
    from casebook.app.cli import _password as binder_password

    return binder_password(args, secrets)


def _progress() -> Report:
    from casebook.app.cli import _stderr_progress

    return _stderr_progress()


def cmd_invite(args: argparse.Namespace, secrets: SecretReader) -> int:
    from datetime import timedelta

    from casebook.services.binder.session import unlock_binder
    from casebook.services.sharing.invitations import invite
    from casebook.services.sharing.members import load_sharing

    t = msg.cli_texts()
    if args.code_out is not None and args.code_out.resolve() == args.out.resolve():
        raise InvalidInput("code_out", "keep the code apart from the invitation")
    with unlock_binder(args.binder, _password(args, secrets)) as session:
        mine = args.your_name or load_sharing(session).my_name or t.gettext("Family member")
        made = invite(
            session,
            args.name,
            mine,
            args.out,
            _progress(),
            NEVER_CANCELLED,
            lifetime=timedelta(days=args.days),
        )
    print(t.gettext("Invitation written to {file}.").format(file=made.path))
    print(t.gettext("It works once, until {date}.").format(date=made.expires_at.date()))
    if args.code_out is not None:
        write_private_bytes(args.code_out, (made.code + "\n").encode("utf-8"))
        print(
            t.gettext("Code written to {file} (send it by another channel).").format(
                file=args.code_out
            )
        )
    else:
        print(t.gettext("Code (shown only now; send it by another channel than the file):"))
        print(f"    {made.code}")
    return msg.EXIT_OK


def cmd_join(args: argparse.Namespace, secrets: SecretReader) -> int:
    from casebook.services.sharing.invitations import join

    t = msg.cli_texts()
    code = secrets.read("code", "Invitation code: ", args.code_file)
    password = secrets.read(
        "new_password", "New binder password: ", args.new_password_file, confirm=True
    )
    joined = join(args.invitation, code, args.to, password, _progress(), NEVER_CANCELLED)
    joined.session.close()
    print(
        t.gettext("Joined: your own copy of the family's binder is at {path}.").format(path=args.to)
    )
    print(
        t.gettext(
            "Recovery code (shown only now; write it down and keep it safe, away from this "
            "computer):"
        )
    )
    print(f"    {joined.recovery_code}")
    return msg.EXIT_OK


def cmd_exchange(args: argparse.Namespace, secrets: SecretReader) -> int:
    from casebook.services.binder.session import unlock_binder
    from casebook.services.sharing.exchange import exchange

    t = msg.cli_texts()
    with unlock_binder(args.binder, _password(args, secrets)) as session:
        summary = exchange(session, args.folder, _progress(), NEVER_CANCELLED)
    totals: dict[str, Counter[str]] = {}
    for read in summary.read:
        for news in read.news:
            counts = totals.setdefault(news.author, Counter())
            counts["added"] += news.added
            counts["changed"] += news.changed
            counts["deleted"] += news.deleted
    print(
        t.ngettext("Read {n} file.", "Read {n} files.", len(summary.read)).format(
            n=len(summary.read)
        )
    )
    for author, counts in sorted(totals.items()):
        name = summary.names.get(author) or author[:8]
        print(
            "  "
            + t.gettext("{name}: {added} added, {changed} changed, {deleted} deleted").format(
                name=name, **counts
            )
        )
    for refusal in summary.refused:
        print(
            t.gettext("Refused {file}: {reason}").format(
                file=refusal.path.name, reason=refused_reason(refusal.problem)
            )
        )
    if summary.two_versions:
        print(
            t.ngettext(
                "{n} field has two versions: choose one in the app.",
                "{n} fields have two versions: choose in the app.",
                summary.two_versions,
            ).format(n=summary.two_versions)
        )
    if summary.removed_me:
        print(t.gettext("This copy was removed from the family: nothing was written."))
    elif summary.written is not None:
        print(t.gettext("Wrote {file}.").format(file=summary.written.path.name))
    else:
        print(t.gettext("Nothing new to write."))
    return msg.EXIT_PROBLEM_FOUND if summary.refused else msg.EXIT_OK


def cmd_members(args: argparse.Namespace, secrets: SecretReader) -> int:
    from casebook.services.binder.session import unlock_binder
    from casebook.services.sharing.members import load_sharing, remove_member

    t = msg.cli_texts()
    with unlock_binder(args.binder, _password(args, secrets)) as session:
        if args.remove:
            sharing = load_sharing(session)
            people = [(m.uid, m.name) for m in sharing.members if not m.is_me]
            people += [(i.uid, i.name) for i in sharing.invitations]
            matches = [uid for uid, name in people if args.remove in (uid, name)]
            if len(matches) != 1:
                raise InvalidInput("remove", "no single member by that name or id")
            remove_member(session, matches[0])
        sharing = load_sharing(session)
    for member in sharing.members:
        state = t.gettext("removed") if member.removed else t.gettext("member")
        me = t.gettext(" (this copy)") if member.is_me else ""
        print(f"{member.uid}  {member.name} — {member.computer} — {state}{me}")
    for invitation in sharing.invitations:
        state = t.gettext("invitation expired") if invitation.expired else t.gettext("invited")
        print(f"{invitation.uid}  {invitation.name} — {state}")
    return msg.EXIT_OK


def add_sharing_commands(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], binder_command: AddBinderCommand
) -> None:
    """Register the sharing commands (cli.py calls this with its own binder-command helper)."""
    invite = binder_command(sub, "invite", "write an invitation for a family member", cmd_invite)
    invite.add_argument("--out", type=Path, required=True, help="the invitation file to write")
    invite.add_argument("--code-out", type=Path, help="write the code here (owner-only)")
    invite.add_argument("--name", default="Family member", help="who is invited")
    invite.add_argument("--your-name", default="", help="your name, as the family sees it")
    invite.add_argument("--days", type=int, default=7, help="days until it expires")

    exchange = binder_command(
        sub, "exchange", "read the family's news from a folder and leave yours", cmd_exchange
    )
    exchange.add_argument("--folder", type=Path, required=True, help="the shared folder")

    members = binder_command(sub, "members", "list the family members", cmd_members)
    members.add_argument("--remove", metavar="NAME-OR-ID", help="remove this member")

    join = sub.add_parser(
        "join",
        help="make your own copy of a family's binder from an invitation",
        description="make your own copy of a family's binder from an invitation",
        allow_abbrev=False,
    )
    join.add_argument("invitation", type=Path, help="the invitation file")
    join.add_argument("--to", type=Path, required=True, help="the new binder folder")
    join.add_argument("--code-file", type=Path, help="read the code from this file")
    join.add_argument("--new-password-file", type=Path, help="read the new password here")
    join.set_defaults(handler=cmd_join)
