"""Who receives the bundle, on the command line: `casebook profiles [--json]` lists the
destination profiles, and `--profile ID` on `export` and `check --content` applies one.

Kept apart from `cli.py`, which registers it with one line.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from casebook.app import cli_bundle
from casebook.app import cli_messages as msg
from casebook.app.secrets_input import SecretReader
from casebook.core.profiles import DestinationProfile


def _folders(args: argparse.Namespace) -> list[Path]:
    folder: Path | None = getattr(args, "profiles_dir", None)
    return [] if folder is None else [folder]


def profile_as_json(profile: DestinationProfile) -> dict[str, Any]:
    return {
        "id": profile.id,
        "title": dict(profile.texts["title"]),
        "description": dict(profile.texts["description"]),
        "summary_language": profile.summary_language,
        "reader_languages": list(profile.reader_languages),
        "identity": "identified" if profile.identified else "deidentified",
        "records": {
            level: sorted(k.value for k, w in profile.wanted.items() if w.value == level)
            for level in ("required", "recommended", "not_wanted")
        },
        "translations_needed": profile.translations_needed,
        "part_size_mb": profile.part_size_mb,
        "checks": sorted(c.value for c in profile.checks),
        "use_redacted_copies": profile.use_redacted_copies,
    }


def _cmd_profiles(args: argparse.Namespace, secrets: SecretReader) -> int:
    from casebook.services.export.profiles import load_profiles
    from casebook.texts import system_language

    profiles = load_profiles(_folders(args))
    if args.json:
        print(json.dumps([profile_as_json(p) for p in profiles], ensure_ascii=False, indent=2))
        return msg.EXIT_OK
    language = system_language()
    t = msg.cli_texts()
    for profile in profiles:
        identity = t.gettext("identified") if profile.identified else t.gettext("de-identified")
        print(f"{profile.id:<16} {profile.text('title', language)} ({identity})")
    return msg.EXIT_OK


def _cmd_export(args: argparse.Namespace, secrets: SecretReader) -> int:
    """`export` with a profile: its languages and part size unless given on the line."""
    if args.profile:
        from casebook.services.export.profiles import find_profile

        profile = find_profile(args.profile, _folders(args))
        if args.summary_language is None:
            args.summary_language = profile.summary_language
        if args.volume_size is None:
            args.volume_size = profile.part_size_mb
    if args.summary_language is None:
        args.summary_language = "en"
    return cli_bundle.cmd_export(args, secrets)


def _profile_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--profile", default="", metavar="ID", help="a destination profile (see `profiles`)"
    )
    parser.add_argument(
        "--profiles-dir", type=Path, metavar="FOLDER", help="more profiles (JSON files) here"
    )


def add_recipient_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register `profiles`, and `--profile` on `export` and `check` (already registered)."""
    profiles = sub.add_parser(
        "profiles",
        help="list the destination profiles (who receives a bundle) with their ids",
        description="list the destination profiles (who receives a bundle) with their ids",
        allow_abbrev=False,
    )
    profiles.add_argument("--json", action="store_true", help="machine-readable output")
    profiles.add_argument("--profiles-dir", type=Path, metavar="FOLDER")
    profiles.set_defaults(handler=_cmd_profiles)
    export = sub.choices["export"]
    _profile_options(export)
    export.set_defaults(handler=_cmd_export, summary_language=None)
    _profile_options(sub.choices["check"])
