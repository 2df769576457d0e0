"""The DICOM header reader, as the file workers run it (see `workers.by_name`)."""

from __future__ import annotations

from casebook.imaging.dicom_summary import DicomSummary
from casebook.services.workers.by_name import ByName

HEADER_MODULE = "casebook.imaging.dicom_header"

# `dicom_header.summarise_head(head, whole_file)`: the summary, or None when the header may go
# on past `head` (the caller sends more); raises DicomUnreadable.
summarise_head: ByName[DicomSummary | None] = ByName(HEADER_MODULE, "summarise_head")
