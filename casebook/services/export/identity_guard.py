"""The last look before a de-identified bundle is sealed: no file may show who the patient is.

Every file of the bundle's tree is read as its reader would: text files as text, PDFs through
their text layer, DICOM through every value of every element (sequences too), pictures by
their metadata. A file that shows the patient's name, ID number or birth date stops the export
with `IdentityWouldLeak` naming it; nothing is written.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass

from pydicom import dcmread
from pydicom.dataset import Dataset

from casebook.bundle.plan import BundlePlan
from casebook.bundle.tree import build_tree
from casebook.core.errors import CasebookError
from casebook.core.identity_facts import IdentityFacts
from casebook.imaging.dicom_reader import quiet_pydicom
from casebook.importers.pdf_pages import extract_pdf_text


@dataclass
class IdentityWouldLeak(CasebookError):
    """Files of a de-identified bundle that still show the patient's identity (`paths`, inside
    the bundle) and what they show (`shown`: "name", "id_number", "birth_date"…)."""

    paths: list[str]
    shown: list[str]

    def __str__(self) -> str:
        return f"identity found in {', '.join(self.paths)} ({', '.join(self.shown)})"


def _dicom_values(dataset: Dataset) -> Iterator[str]:
    for element in dataset.iterall():
        if element.VR in ("OB", "OW", "OF", "OD", "OL", "OV", "UN", "SQ"):
            continue
        value = element.value
        if isinstance(value, bytes):
            yield value.decode("latin-1", "replace")
        elif value is not None:
            yield str(value)


def readable_text(path: str, data: bytes) -> str:
    """What a reader of this file could see as text."""
    if data.startswith(b"%PDF"):
        try:
            return extract_pdf_text(data, max_pages=2000)
        except CasebookError:
            return data.decode("latin-1", "replace")
    if len(data) > 132 and data[128:132] == b"DICM":
        with quiet_pydicom():
            dataset = dcmread(io.BytesIO(data), force=True, stop_before_pixels=True)
        return "\n".join([*_dicom_values(dataset.file_meta), *_dicom_values(dataset)])
    return data.decode("utf-8", "replace")


def identity_leaks(plan: BundlePlan, facts: IdentityFacts) -> list[tuple[str, frozenset[str]]]:
    """(path, what it shows) for every file of the bundle that shows the identity."""
    found = []
    for entry in build_tree(plan).entries:
        if entry.data is not None:
            data = entry.data
        elif entry.open_chunks is not None:
            data = b"".join(entry.open_chunks())
        else:
            continue
        shown = facts.shown_in(readable_text(entry.path, data))
        if shown:
            found.append((entry.path, frozenset(s.value for s in shown)))
    return found


def check_no_identity(plan: BundlePlan, facts: IdentityFacts) -> None:
    leaks = identity_leaks(plan, facts)
    if leaks:
        raise IdentityWouldLeak(
            [path for path, _ in leaks], sorted({s for _, shown in leaks for s in shown})
        )
