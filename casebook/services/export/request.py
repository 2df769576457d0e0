"""What the family chose for one export, in the wizard or on the command line."""

from __future__ import annotations

from dataclasses import dataclass, field

from casebook.bundle.plan import Recipient, Sender


@dataclass(frozen=True)
class ExportRequest:
    """The recipient, the sender, the summary's languages, the delivery and the selection."""

    recipient: Recipient
    sender: Sender = field(default_factory=Sender)
    summary_language: str = "en"
    volume_size_mb: int | None = None  # None: one file (USB); a number: email-sized parts
    document_ids: frozenset[int] | None = None  # None: every document
    study_ids: frozenset[int] | None = None  # None: every imaging study
    profile_id: str = ""  # a destination profile (`casebook profiles`); "" for none
