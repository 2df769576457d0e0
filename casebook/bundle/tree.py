"""The decrypted tree of a bundle as an ordered list of entries, built from a plan.

Generated files (README, index, summary PDFs, manifest, DICOMDIR, checksums) are small and made
in memory; documents and DICOM instances stay as `open_chunks` sources until sealing streams
them. Checksums and the manifest use the hashes the binder recorded; sealing re-checks each
item's bytes against them while streaming.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from casebook.bundle.dicomdir import build_dicomdir
from casebook.bundle.index_page import render_index
from casebook.bundle.layout import (
    CHECKSUMS_NAME,
    DICOMDIR_NAME,
    INDEX_NAME,
    MANIFEST_NAME,
    README_NAME,
    BundleLayout,
    lay_out,
)
from casebook.bundle.manifest import render_checksums, render_manifest
from casebook.bundle.plan import BundlePlan, OpenChunks
from casebook.bundle.readme import render_readme
from casebook.bundle.summary_pdf import render_summary


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


def build_tree(plan: BundlePlan) -> BundleTree:
    """Every file of the bundle in archive order: what a reader needs first comes first."""
    layout = lay_out(plan)
    generated = [_generated(README_NAME, render_readme(plan, [p for _, p in layout.summaries]))]
    generated.append(_generated(INDEX_NAME, render_index(plan, layout)))
    for language, path in layout.summaries:
        generated.append(_generated(path, render_summary(plan, layout, language)))
    if layout.dicom:
        generated.append(_generated(DICOMDIR_NAME, build_dicomdir(layout.dicom)))
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
