"""Destination profiles: who receives a bundle, and what that reader needs from it.

A profile decides the languages of the generated texts, whether the bundle names the patient
or goes out de-identified, which kinds of record are required, recommended or not wanted,
whether documents in another language need a translation, the size of e-mail parts, and the
checks that must pass before sealing. Profiles are data (`resources/profiles/catalogue.json`,
and any file a hospital adds), parsed here into plain values; the pre-flight and the export
read them, so a new reader needs no code.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from casebook.core.errors import CasebookError
from casebook.core.model import RecordKind

SUMMARY_LANGUAGES = ("en", "zh", "en+zh")
READER_LANGUAGES = ("en", "zh")
TEXT_FIELDS = ("title", "description")
FALLBACK_LANGUAGE = "en"
_ID = re.compile(r"^[a-z0-9][a-z0-9-]{1,40}$")


class Wanted(enum.Enum):
    """How much a reader wants a kind of record."""

    REQUIRED = "required"  # missing: a serious pre-flight finding
    RECOMMENDED = "recommended"  # missing: an ordinary one
    NOT_WANTED = "not_wanted"  # left out of the bundle unless the family picks it


class Check(enum.Enum):
    """Checks a profile asks for before sealing (stable identifiers used in profile files)."""

    IDENTITY_DOCUMENT_MATCHES = "identity_document_matches"  # name and birth date on the ID
    IMAGING_SAME_PATIENT = "imaging_same_patient"  # every study names the case's patient
    BURNED_IN_TEXT = "burned_in_text"  # images that may show the name in their pixels


@dataclass
class ProfileInvalid(CasebookError):
    """A profile file that cannot be used: `profile` (its id or file), `field`, `problem`."""

    profile: str
    field_name: str
    problem: str

    def __str__(self) -> str:
        return f"profile {self.profile}: {self.field_name}: {self.problem}"


@dataclass(frozen=True)
class DestinationProfile:
    """One kind of reader. `texts` maps field -> language ("en", "zh_CN") -> text."""

    id: str
    texts: Mapping[str, Mapping[str, str]]
    summary_language: str = "en"  # of the generated texts: "en", "zh" or "en+zh"
    reader_languages: tuple[str, ...] = ("en",)  # the languages the reader can read
    identified: bool = True  # False: de-identified (pseudonym, age, DICOM per PS3.15)
    wanted: Mapping[RecordKind, Wanted] = field(default_factory=dict)
    translations_needed: bool = False  # documents in another language need a translation
    part_size_mb: int | None = None  # None: one file
    checks: frozenset[Check] = frozenset()
    use_redacted_copies: bool = True  # send the family's redacted copy where there is one

    def text(self, name: str, language: str) -> str:
        """`title` or `description` in `language` ("en", "zh", "zh_CN"), else in English."""
        versions = self.texts.get(name, {})
        for code, value in versions.items():
            if code == language or code.split("_")[0] == language.split("_")[0]:
                return value
        return versions.get(FALLBACK_LANGUAGE, self.id)

    def wants(self, kind: RecordKind) -> Wanted | None:
        return self.wanted.get(kind)

    @property
    def required(self) -> frozenset[RecordKind]:
        return frozenset(k for k, w in self.wanted.items() if w is Wanted.REQUIRED)

    @property
    def not_wanted(self) -> frozenset[RecordKind]:
        return frozenset(k for k, w in self.wanted.items() if w is Wanted.NOT_WANTED)

    def needs_translation(self, language: str) -> bool:
        """A document in `language` ("en", "zh"; "" when unknown) needs a translation."""
        return self.translations_needed and bool(language) and language not in self.reader_languages


def _fail(profile: str, name: str, problem: str) -> ProfileInvalid:
    return ProfileInvalid(profile, name, problem)


def _kinds(profile: str, name: str, values: Any) -> list[RecordKind]:
    if not isinstance(values, list):
        raise _fail(profile, name, "a list of record kinds")
    kinds = []
    for value in values:
        try:
            kinds.append(RecordKind(value))
        except ValueError:
            raise _fail(profile, name, f"unknown record kind {value!r}") from None
    return kinds


def _texts(profile: str, raw: Mapping[str, Any]) -> dict[str, dict[str, str]]:
    texts: dict[str, dict[str, str]] = {}
    for name in TEXT_FIELDS:
        versions = raw.get(name)
        if not isinstance(versions, dict) or not all(
            isinstance(v, str) and v.strip() for v in versions.values()
        ):
            raise _fail(profile, name, 'texts by language, e.g. {"en": …, "zh_CN": …}')
        if FALLBACK_LANGUAGE not in versions:
            raise _fail(profile, name, "an English (en) text is needed")
        texts[name] = {str(k): str(v) for k, v in versions.items()}
    return texts


def parse_profile(raw: Mapping[str, Any]) -> DestinationProfile:
    """One profile from its JSON form (see resources/profiles/catalogue.json)."""
    ident = raw.get("id")
    if not isinstance(ident, str) or not _ID.match(ident):
        raise _fail(str(ident), "id", "lower-case letters, digits and dashes")
    summary = raw.get("summary_language", "en")
    if summary not in SUMMARY_LANGUAGES:
        raise _fail(ident, "summary_language", f"one of {', '.join(SUMMARY_LANGUAGES)}")
    readers = raw.get("reader_languages", summary.split("+"))
    if not isinstance(readers, list) or not set(readers) <= set(READER_LANGUAGES) or not readers:
        raise _fail(ident, "reader_languages", f"a list of {', '.join(READER_LANGUAGES)}")
    identity = raw.get("identity", "identified")
    if identity not in ("identified", "deidentified"):
        raise _fail(ident, "identity", "identified or deidentified")
    records = raw.get("records", {})
    if not isinstance(records, dict):
        raise _fail(ident, "records", "required / recommended / not_wanted lists")
    wanted: dict[RecordKind, Wanted] = {}
    for level in Wanted:
        for kind in _kinds(ident, f"records.{level.value}", records.get(level.value, [])):
            if kind in wanted:
                raise _fail(ident, "records", f"{kind.value} is listed twice")
            wanted[kind] = level
    part = raw.get("part_size_mb")
    if part is not None and (not isinstance(part, int) or not 1 <= part <= 100_000):
        raise _fail(ident, "part_size_mb", "a whole number of megabytes, or null for one file")
    checks = raw.get("checks", [])
    try:
        chosen = frozenset(Check(value) for value in checks)
    except (TypeError, ValueError):
        known = ", ".join(c.value for c in Check)
        raise _fail(ident, "checks", f"a list of {known}") from None
    return DestinationProfile(
        id=ident,
        texts=_texts(ident, raw),
        summary_language=summary,
        reader_languages=tuple(readers),
        identified=identity == "identified",
        wanted=wanted,
        translations_needed=bool(raw.get("translations_needed", False)),
        part_size_mb=part,
        checks=chosen,
        use_redacted_copies=bool(raw.get("use_redacted_copies", True)),
    )


def parse_catalogue(raw: Mapping[str, Any], source: str) -> list[DestinationProfile]:
    """Every profile of one file (`source` names it in errors)."""
    if raw.get("format") != "casebook-destination-profiles":
        raise _fail(source, "format", "casebook-destination-profiles")
    entries = raw.get("profiles")
    if not isinstance(entries, list) or not entries:
        raise _fail(source, "profiles", "a list of profiles")
    return [parse_profile(entry) for entry in entries]


def merged(*catalogues: Iterable[DestinationProfile]) -> list[DestinationProfile]:
    """Profiles in order of first appearance; a later profile with the same id replaces the
    earlier one in place (a hospital may refine a shipped profile)."""
    found: dict[str, DestinationProfile] = {}
    for catalogue in catalogues:
        for profile in catalogue:
            found[profile.id] = profile
    return list(found.values())
