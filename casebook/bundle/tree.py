"""The decrypted tree of a bundle as an ordered list of entries, built from a plan.

Generated files (README, index, summary PDFs, XDM metadata, DICOMDIR, previews, manifest,
checksums) are small and made in memory; documents and DICOM instances stay as `open_chunks`
sources until sealing streams them. Documents are read once here for the SHA-1 XDM asks for
(their SHA-256 is checked on the way), and each DICOM instance's header for the DICOMDIR;
sealing re-checks every item's bytes against the binder's record while streaming.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

from casebook.bundle.dicomdir import build_dicomdir
from casebook.bundle.errors import SourceChanged
from casebook.bundle.index_page import render_index
from casebook.bundle.layout import (
    CHECKSUMS_NAME,
    DICOMDIR_NAME,
    INDEX_NAME,
    MANIFEST_NAME,
    README_NAME,
    XDM_METADATA_NAME,
    BundleLayout,
    PlacedDocument,
    lay_out,
    readable_title,
)
from casebook.bundle.manifest import render_checksums, render_manifest
from casebook.bundle.plan import BundlePlan, OpenChunks
from casebook.bundle.readme import render_readme
from casebook.bundle.summary_pdf import render_summary
from casebook.bundle.xdm import (
    DOCUMENT_CODES,
    SUMMARY_CODE,
    XdmDocument,
    creation_time,
    language_code,
    render_metadata,
)
from casebook.texts import texts_for


@dataclass(frozen=True)
class TreeEntry:
    """One file of the tree: generated `data`, or an item's `open_chunks`."""

    path: str
    size: int
    sha256: str
    data: bytes | None = None
    open_chunks: OpenChunks | None = None


@dataclass(frozen=True)
class BundleTree:
    layout: BundleLayout
    entries: tuple[TreeEntry, ...]

    @property
    def total_size(self) -> int:
        return sum(entry.size for entry in self.entries)


def _generated(path: str, data: bytes) -> TreeEntry:
    return TreeEntry(path, len(data), hashlib.sha256(data).hexdigest(), data=data)


def _sha1_of(placed: PlacedDocument) -> str:
    """The document's SHA-1 for XDM, its SHA-256 and size checked against the binder's."""
    sha1, sha256, size = hashlib.sha1(usedforsecurity=False), hashlib.sha256(), 0
    for chunk in placed.item.open_chunks():
        sha1.update(chunk)
        sha256.update(chunk)
        size += len(chunk)
    if size != placed.item.size or sha256.hexdigest() != placed.item.sha256.lower():
        raise SourceChanged(
            placed.path, placed.item.sha256, sha256.hexdigest(), placed.item.size, size
        )
    return sha1.hexdigest()


def _xdm_documents(
    plan: BundlePlan, layout: BundleLayout, summaries: Sequence[tuple[str, bytes]]
) -> list[XdmDocument]:
    documents = [
        XdmDocument(
            file_name=placed.path.rsplit("/", 1)[1],
            title=readable_title(placed.item),
            mime_type=placed.item.media_type or "application/octet-stream",
            size=placed.item.size,
            sha1=_sha1_of(placed),
            code=DOCUMENT_CODES[placed.item.slot],
            creation_time=creation_time(placed.item.document_date),
            language=language_code(placed.item.language),
            sha256=placed.item.sha256,
        )
        for placed in layout.documents
    ]
    for (language, pdf), placed in zip(summaries, layout.summaries, strict=True):
        title = texts_for(language).gettext("Case summary")
        documents.append(
            XdmDocument(
                file_name=placed.xdm_path.rsplit("/", 1)[1],
                title=f"{title}: {plan.case.patient_name}",
                mime_type="application/pdf",
                size=len(pdf),
                sha1=hashlib.sha1(pdf, usedforsecurity=False).hexdigest(),
                code=SUMMARY_CODE,
                creation_time=plan.created_on.replace("-", ""),
                language=language_code(language),
                sha256=hashlib.sha256(pdf).hexdigest(),
            )
        )
    return documents


def build_tree(plan: BundlePlan) -> BundleTree:
    """Every file of the bundle in archive order: what a reader needs first comes first."""
    layout = lay_out(plan)
    summaries = [(s.language, render_summary(plan, layout, s.language)) for s in layout.summaries]
    generated = [
        _generated(README_NAME, render_readme(plan, layout)),
        _generated(INDEX_NAME, render_index(plan, layout)),
    ]
    generated += [_generated(s.path, pdf) for s, (_, pdf) in zip(layout.summaries, summaries,
                                                                   strict=True)]  # fmt: skip
    if layout.dicom:
        generated.append(_generated(DICOMDIR_NAME, build_dicomdir(layout.dicom, plan.isolation)))
    previews = {p.series_instance_uid: p.jpeg for p in plan.previews}
    generated += [_generated(path, previews[uid]) for uid, path in layout.previews]
    title = (
        texts_for(plan.languages[0])
        .gettext("Request for a second opinion: {patient}")
        .format(patient=plan.case.patient_name)
    )
    metadata = render_metadata(
        plan, _xdm_documents(plan, layout, summaries), title, plan.created_on.replace("-", "")
    )
    generated.append(_generated(XDM_METADATA_NAME, metadata))
    generated += [_generated(s.xdm_path, pdf) for s, (_, pdf) in zip(layout.summaries, summaries,
                                                                       strict=True)]  # fmt: skip
    manifest = _generated(
        MANIFEST_NAME,
        render_manifest(plan, layout, [(e.path, e.size, e.sha256) for e in generated]),
    )
    generated.append(manifest)
    items = [
        TreeEntry(p.path, p.item.size, p.item.sha256, open_chunks=p.item.open_chunks)
        for p in layout.documents
    ]
    items += [
        TreeEntry(p.path, p.item.size, p.item.sha256, open_chunks=p.item.open_chunks)
        for p in layout.dicom
    ]
    listed = [*generated, *items]
    checksums = _generated(CHECKSUMS_NAME, render_checksums([(e.path, e.sha256) for e in listed]))
    return BundleTree(layout, (*listed, checksums))
