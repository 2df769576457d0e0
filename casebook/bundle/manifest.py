"""The machine-readable side of a bundle: MANIFEST.JSON and SHA256SUMS."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from casebook.bundle.layout import BundleLayout
from casebook.bundle.plan import BundlePlan

MANIFEST_SCHEMA_VERSION = 2  # 2: XDM layout, derived record states, frames, titles


def render_checksums(files: Sequence[tuple[str, str]]) -> bytes:
    """`sha256sum -c` input: "<hex>  <path>" per (path, sha256), binary-safe, LF endings.

    Layout guarantees no path holds a newline or backslash, which sha256sum would escape.
    """
    lines = [f"{sha256}  {path}\n" for path, sha256 in files]
    return "".join(lines).encode("utf-8")


def parse_checksums(data: bytes) -> dict[str, str]:
    """Path -> SHA-256 from a SHA256SUMS file (text or binary mode markers)."""
    entries: dict[str, str] = {}
    for line in data.decode("utf-8").splitlines():
        if not line.strip():
            continue
        digest, _, rest = line.partition(" ")
        path = rest[1:] if rest[:1] in {" ", "*"} else rest
        entries[path] = digest.lower()
    return entries


def render_manifest(
    plan: BundlePlan, layout: BundleLayout, generated: Sequence[tuple[str, int, str]]
) -> bytes:
    """MANIFEST.JSON: case, recipient, slots, every file with size and SHA-256 (UTF-8 JSON).

    `generated` lists the files the bundle layer wrote (path, size, sha256) other than the
    manifest itself and SHA256SUMS.
    """
    case = plan.case
    manifest: dict[str, Any] = {
        "schema": "casebook-bundle",
        "schema_version": MANIFEST_SCHEMA_VERSION,
        "created_on": plan.created_on,
        "summary_language": plan.summary_language,
        "case": {
            "patient_name": case.patient_name,
            "date_of_birth": case.date_of_birth.iso() if case.date_of_birth else None,
            "diagnosis_summary": case.diagnosis_summary,
        },
        "recipient": {
            "institution": plan.recipient.institution,
            "department": plan.recipient.department,
            "contact": plan.recipient.contact,
            "country": plan.recipient.country,
        },
        "sender": {
            "name": plan.sender.name,
            "relationship": plan.sender.relationship,
            "contact": plan.sender.contact,
            "language": plan.sender.language,
        },
        "records": [
            {
                "kind": slot.kind.value,
                "received": slot.received,
                "documents_held": slot.held,
                "documents_enclosed": slot.enclosed,
                "requested": slot.requested,
                "requested_on": slot.requested_on.iso() if slot.requested_on else None,
                "requested_from": slot.requested_from,
                "not_needed": slot.not_needed,
                "note": slot.note,
            }
            for slot in plan.records
        ],
        "files": [
            {"path": path, "kind": "generated", "size": size, "sha256": sha256}
            for path, size, sha256 in generated
        ],
        "documents": [
            {
                "path": placed.path,
                "title": placed.item.title,
                "slot": placed.item.slot.value,
                "original_name": placed.item.original_name,
                "media_type": placed.item.media_type,
                "language": placed.item.language,
                "document_date": (
                    placed.item.document_date.iso() if placed.item.document_date else None
                ),
                "size": placed.item.size,
                "sha256": placed.item.sha256,
            }
            for placed in layout.documents
        ],
        "dicom": [
            {
                "path": placed.path,
                "study_instance_uid": placed.item.study_instance_uid,
                "series_instance_uid": placed.item.series_instance_uid,
                "sop_instance_uid": placed.item.sop_instance_uid,
                "sop_class_uid": placed.item.sop_class_uid,
                "modality": placed.item.modality,
                "study_date": placed.item.study_date,
                "frames": placed.item.frames,
                "size": placed.item.size,
                "sha256": placed.item.sha256,
            }
            for placed in layout.dicom
        ],
    }
    text = json.dumps(manifest, ensure_ascii=False, indent=2) + "\n"
    return text.encode("utf-8")
