"""`casebook calendar BINDER --out FILE.ics`: upcoming appointments for a phone's calendar.

The same .ics the Appointments page saves (RFC 5545, written by the icalendar library), in
English, Chinese or both. Kept apart from `cli.py`, which registers it with one line.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path

from casebook.app import cli_messages as msg
from casebook.app.secrets_input import SecretReader
from casebook.core.errors import InvalidInput
from casebook.services import clock

BinderCommand = Callable[..., argparse.ArgumentParser]


def _write_atomically(path: Path, data: bytes) -> None:
    """Write beside the target and rename, so a half-written calendar never has its name."""
    partial = path.with_name(path.name + ".partial")
    with partial.open("wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(partial, path)


def _cmd_calendar(args: argparse.Namespace, secrets: SecretReader) -> int:
    from casebook.services.appointments.calendar import export_calendar
    from casebook.services.binder.session import unlock_binder

    t = msg.cli_texts()
    password = secrets.read("password", t.gettext("Binder password: "), args.password_file)
    with unlock_binder(args.binder, password) as session:
        data, count = export_calendar(session, args.language, clock.local_now(), args.appointment)
    if args.appointment is not None and count == 0:
        raise InvalidInput("appointment", f"no appointment with id {args.appointment}")
    try:
        _write_atomically(args.out, data)
    except OSError as error:
        said = t.gettext("could not write {file}: {reason}").format(
            file=args.out, reason=error.strerror
        )
        print(f"casebook: {said}", file=sys.stderr)
        return msg.EXIT_UNAVAILABLE
    if count == 0:
        print(
            t.gettext("No upcoming appointments: wrote an empty calendar to {file}.").format(
                file=args.out
            )
        )
    else:
        said = t.gettext("Wrote {count} appointment(s) to {file}.")
        print(said.format(count=count, file=args.out))
    return msg.EXIT_OK


def add_calendar_command(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], binder_command: BinderCommand
) -> None:
    """Register `calendar` (see `casebook calendar --help`)."""
    from casebook.bundle.printed_words import PRINT_LANGUAGES

    calendar = binder_command(
        sub,
        "calendar",
        "write upcoming appointments to an .ics file for a phone's calendar",
        _cmd_calendar,
    )
    calendar.add_argument("--out", type=Path, required=True, help="the .ics file to write")
    calendar.add_argument("--language", choices=PRINT_LANGUAGES, default="en")
    calendar.add_argument(
        "--appointment", type=int, metavar="ID", help="only this appointment (see list --json)"
    )
