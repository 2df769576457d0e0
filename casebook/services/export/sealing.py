"""Exporting the sealed bundle for a remote MDT review, and keeping the export log.

The binder supplies the items (their bytes decrypted chunk by chunk, in memory only); the
bundle layer lays them out, writes the summary, seals the 7z and checks it. The generated
password is returned to the caller once and never stored; the export log keeps what was sent,
when, to whom and the hashes of the parts.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from casebook.bundle.archive import SealedBundle, parts_for, seal_bundle, sealed_size
from casebook.bundle.passphrase import generate_passphrase
from casebook.bundle.plan import BundlePlan
from casebook.bundle.tree import build_tree
from casebook.bundle.volumes import ArchivePart
from casebook.core.changes import Changed
from casebook.core.progress import CancelToken, Report
from casebook.services import clock
from casebook.services.binder.session import BinderSession
from casebook.services.clock import timestamp
from casebook.services.export.identity_guard import check_no_identity
from casebook.services.export.planning import plan_export
from casebook.services.export.request import ExportRequest
from casebook.services.redaction.identity import identity_facts

DEFAULT_VOLUME_MB = 20

__all__ = [
    "DEFAULT_VOLUME_MB",
    "BundleSize",
    "ExportRequest",
    "ExportResult",
    "PasswordDelivery",
    "bundle_size",
    "estimate_bundle",
    "export_bundle",
    "measure_bundle",
    "plan_export",
]

PasswordDelivery = Callable[[str, tuple[ArchivePart, ...]], None]
"""Hands the password over (writes it, prints it) once the bundle checked out and before it gets
its final names; raising stops the export with nothing published."""


@dataclass(frozen=True)
class ExportResult:
    bundle: SealedBundle
    password: str  # shown once, printed on the cover sheet, never stored


def bundle_size(plan: BundlePlan) -> int:
    """Bytes of the decrypted tree (the archive is about the same: contents are stored)."""
    return build_tree(plan).total_size


@dataclass(frozen=True)
class BundleSize:
    """What goes in and what the seal will write: the archive's exact size decides the parts."""

    content_bytes: int
    archive_bytes: int

    def parts(self, volume_size_mb: int | None) -> int:
        """How many files (e-mails) the seal makes with parts of at most `volume_size_mb` MB."""
        return parts_for(self.archive_bytes, volume_size_mb)


def measure_bundle(plan: BundlePlan) -> BundleSize:
    """Build the tree as the seal will (summary PDFs in memory) and size its archive."""
    tree = build_tree(plan)
    return BundleSize(tree.total_size, sealed_size(tree))


def estimate_bundle(session: BinderSession, request: ExportRequest, today: date) -> BundleSize:
    """The sizes for what the family chose so far (reader lane; writes nothing)."""
    return measure_bundle(plan_export(session, request, today))


def export_bundle(
    session: BinderSession,
    request: ExportRequest,
    directory: Path,
    name: str,
    report: Report,
    cancel: CancelToken,
    today: date | None = None,
    deliver_password: PasswordDelivery | None = None,
) -> ExportResult:
    """Seal the bundle into `directory` and log the export (without the password).

    `deliver_password`, when given, receives the password and the parts before they are
    published, so a bundle is never published without its password in someone's hands.
    """
    plan = plan_export(session, request, today or clock.today())
    if plan.deidentified:
        check_no_identity(plan, identity_facts(session))
    password = generate_passphrase()

    def before_publish(parts: tuple[ArchivePart, ...]) -> None:
        if deliver_password is not None:
            deliver_password(password, parts)

    bundle = seal_bundle(
        plan,
        directory,
        name,
        password,
        volume_size_mb=request.volume_size_mb,
        report=report,
        cancel=cancel,
        before_publish=before_publish,
        now=clock.utc_now().timestamp(),
    )
    with session.writing(Changed.EXPORTS) as db:
        db.execute(
            """INSERT INTO export_log(exported_at, recipient, destination, parts_json, items_json,
                   profile) VALUES (?, ?, ?, ?, ?, ?)""",
            [
                timestamp(),
                json.dumps(
                    {
                        "institution": request.recipient.institution,
                        "department": request.recipient.department,
                        "contact": request.recipient.contact,
                        "country": request.recipient.country,
                    },
                    ensure_ascii=False,
                ),
                str(directory),
                json.dumps(
                    [
                        {"name": p.path.name, "size": p.size, "sha256": p.sha256}
                        for p in bundle.parts
                    ]
                ),
                json.dumps(
                    {
                        "documents": [item.sha256 for item in plan.documents],
                        "dicom_instances": len(plan.dicom),
                        "summary_language": plan.summary_language,
                        "deidentified": plan.deidentified,
                    }
                ),
                request.profile_id,
            ],
        )
    return ExportResult(bundle, password)
