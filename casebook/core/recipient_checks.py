"""The pre-flight findings a destination profile adds: what this reader needs that the binder
does not give yet (a required kind of record, a translation), whether the identity document
matches the case, and, for a de-identified reader, every document and image that may still
show who the patient is.

Pure rules over facts the services layer reads; they extend `core.preflight` (same `Finding`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from casebook.core.model import RecordKind
from casebook.core.preflight import Finding, FindingKind, Place
from casebook.core.profiles import Check, DestinationProfile, Wanted

_CJK = re.compile(r"[\u3400-\u9fff]")
_LATIN = re.compile(r"[A-Za-z]")
MIN_LETTERS = 20  # fewer letters than this: too little text to tell the language


def guess_language(text: str) -> str:
    """ "zh" or "en" from a document's text, "" when there is too little to tell."""
    chinese, latin = len(_CJK.findall(text)), len(_LATIN.findall(text))
    if chinese + latin < MIN_LETTERS:
        return ""
    return "zh" if chinese * 3 >= latin else "en"


@dataclass(frozen=True)
class DocumentFacts:
    """One live document as the profile's rules see it."""

    id: int
    title: str
    slot: RecordKind
    language: str  # as the family set it, else as guessed from its text; "" when unknown
    translation_of: int | None = None
    shows: frozenset[str] = frozenset()  # `Shown` values found in its text
    has_text: bool = False
    redacted: bool = False
    copy_shows: frozenset[str] = frozenset()  # found in the redacted copy's text
    confirmed: bool = False  # the family said it shows no identity
    is_dicom: bool = False


@dataclass(frozen=True)
class BurnedInFacts:
    series_id: int
    description: str
    reason: str


def _translated(
    document: DocumentFacts, documents: Sequence[DocumentFacts], readers: tuple[str, ...]
) -> bool:
    return any(
        other.translation_of == document.id and (not other.language or other.language in readers)
        for other in documents
    )


def profile_findings(
    findings: Sequence[Finding],
    profile: DestinationProfile,
    documents: Sequence[DocumentFacts],
    *,
    has_birth_date: bool,
    burned_in: Sequence[BurnedInFacts] = (),
) -> list[Finding]:
    """`findings` (from `assess_preflight`) as this reader sees them, with the profile's own."""
    added: list[Finding] = []
    kept: list[Finding] = []
    for finding in findings:
        if finding.kind is FindingKind.MISSING_RECORD:
            wanted = profile.wants(RecordKind(str(finding.ref)))
            if wanted is Wanted.REQUIRED:
                added.append(
                    Finding(FindingKind.REQUIRED_RECORD_MISSING, Place.RECORD_KIND, finding.ref)
                )
            elif wanted is Wanted.RECOMMENDED:
                kept.append(finding)
            continue
        kept.append(finding)
    live = [d for d in documents if not d.is_dicom]
    if profile.translations_needed:
        for document in live:
            if (
                document.translation_of is None
                and profile.needs_translation(document.language)
                and not _translated(document, live, profile.reader_languages)
            ):
                added.append(
                    Finding(
                        FindingKind.TRANSLATION_MISSING,
                        Place.DOCUMENT,
                        document.id,
                        document.title,
                        detail=document.language,
                    )
                )
    if Check.IDENTITY_DOCUMENT_MATCHES in profile.checks:
        for document in live:
            if document.slot is not RecordKind.IDENTITY or not document.has_text:
                continue
            missing = [] if "name" in document.shows else ["name"]
            if has_birth_date and "birth_date" not in document.shows:
                missing.append("birth_date")
            if missing:
                added.append(
                    Finding(
                        FindingKind.IDENTITY_DOCUMENT_MISMATCH,
                        Place.DOCUMENT,
                        document.id,
                        document.title,
                        detail=",".join(missing),
                    )
                )
    if not profile.identified:
        added += _identity_findings(live, profile)
        if Check.BURNED_IN_TEXT in profile.checks:
            added += [
                Finding(FindingKind.BURNED_IN_TEXT, Place.SERIES, s.series_id, s.description,
                        detail=s.reason)
                for s in burned_in
            ]  # fmt: skip
    serious = [f for f in added if f.kind in SERIOUS_PROFILE_KINDS]
    return [*serious, *kept, *(f for f in added if f.kind not in SERIOUS_PROFILE_KINDS)]


SERIOUS_PROFILE_KINDS = frozenset(
    {
        FindingKind.REQUIRED_RECORD_MISSING,
        FindingKind.IDENTITY_DOCUMENT_MISMATCH,
        FindingKind.DOCUMENT_SHOWS_IDENTITY,
        FindingKind.BURNED_IN_TEXT,
    }
)


def _identity_findings(
    documents: Sequence[DocumentFacts], profile: DestinationProfile
) -> list[Finding]:
    """Every document a de-identified bundle would leave out until the family acts on it."""
    found = []
    for document in documents:
        if document.slot in profile.not_wanted:
            continue
        if document.redacted:
            if document.copy_shows:
                found.append(
                    Finding(FindingKind.DOCUMENT_SHOWS_IDENTITY, Place.DOCUMENT, document.id,
                            document.title, detail=",".join(sorted(document.copy_shows)))
                )  # fmt: skip
        elif document.shows:
            found.append(
                Finding(FindingKind.DOCUMENT_SHOWS_IDENTITY, Place.DOCUMENT, document.id,
                        document.title, detail=",".join(sorted(document.shows)))
            )  # fmt: skip
        elif not document.confirmed:
            found.append(
                Finding(FindingKind.DOCUMENT_NOT_CHECKED, Place.DOCUMENT, document.id,
                        document.title)
            )  # fmt: skip
    return found
