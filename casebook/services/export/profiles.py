"""The destination profiles Casebook knows: the shipped catalogue, then any a hospital added.

Shipped as data (`resources/profiles/catalogue.json`) in English and Simplified Chinese. A
hospital's own profiles are files of the same format in a folder the caller names (the app's
data folder `profiles/`, or `--profiles-dir` on the command line); a profile there with a
shipped id replaces the shipped one.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from casebook.core.profiles import DestinationProfile, ProfileInvalid, merged, parse_catalogue
from casebook.resources import resource_path

DEFAULT_PROFILE_ID = "china-mdt"
PROFILES_DIRNAME = "profiles"


def shipped_profiles() -> list[DestinationProfile]:
    path = resource_path("profiles", "catalogue.json")
    return parse_catalogue(json.loads(path.read_text(encoding="utf-8")), path.name)


def _folder_profiles(folder: Path) -> list[DestinationProfile]:
    found: list[DestinationProfile] = []
    if not folder.is_dir():
        return found
    for path in sorted(folder.glob("*.json")):
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
            raise ProfileInvalid(path.name, "file", str(error)[:120]) from None
        if not isinstance(raw, dict):
            raise ProfileInvalid(path.name, "file", "a JSON object")
        found += parse_catalogue(raw, path.name)
    return found


def load_profiles(extra_folders: Sequence[Path] = ()) -> list[DestinationProfile]:
    """Every profile, shipped ones first (raises ProfileInvalid for a broken file)."""
    return merged(shipped_profiles(), *(_folder_profiles(folder) for folder in extra_folders))


def find_profile(profile_id: str, extra_folders: Sequence[Path] = ()) -> DestinationProfile:
    """The profile with `profile_id` (ProfileInvalid when there is none)."""
    for profile in load_profiles(extra_folders):
        if profile.id == profile_id:
            return profile
    raise ProfileInvalid(profile_id, "id", "no profile with this id (see `casebook profiles`)")
