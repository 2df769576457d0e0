"""Names in the decrypted tree (IHE XDM and PDI), and the passphrase."""

from __future__ import annotations

import math
from dataclasses import replace

from casebook.bundle.layout import DICOM_COMPONENT, XDM_SUBSET, lay_out
from casebook.bundle.passphrase import (
    PASSPHRASE_BITS,
    generate_passphrase,
    normalize_passphrase,
)
from casebook.bundle.plan import BundlePlan, SeriesPreview
from casebook.core.model import RecordKind

from .samples import document_item, make_png


def test_documents_are_numbered_and_named_by_their_detected_type(plan: BundlePlan) -> None:
    png = make_png()
    documents = (
        document_item("Photo of a letter", RecordKind.OTHER, "IM000061", png, "image/png",
                      extension=".png"),
        document_item("Same title", RecordKind.LABS, "a.PDF", b"%PDF-1.4 x", "application/pdf",
                      extension=".pdf"),
        document_item("Same title", RecordKind.LABS, "b.pdf", b"%PDF-1.4 y", "application/pdf",
                      extension=".pdf"),
        document_item("Unknown kind", RecordKind.OTHER, "notes.odt", b"PK..", "application/zip"),
        document_item("No clue at all", RecordKind.OTHER, "blob", b"\x00\x01", ""),
    )  # fmt: skip
    layout = lay_out(replace(plan, documents=documents))
    assert [p.path for p in layout.documents] == [
        f"{XDM_SUBSET}/DOC00001.PNG",
        f"{XDM_SUBSET}/DOC00002.PDF",
        f"{XDM_SUBSET}/DOC00003.PDF",
        f"{XDM_SUBSET}/DOC00004.ODT",  # no detected extension: the original one
        f"{XDM_SUBSET}/DOC00005.BIN",
    ]
    # The summaries follow the documents in the submission set and also sit at the root.
    assert [(s.path, s.xdm_path) for s in layout.summaries] == [
        ("CASE_SUMMARY_EN.PDF", f"{XDM_SUBSET}/DOC00006.PDF"),
        ("CASE_SUMMARY_ZH.PDF", f"{XDM_SUBSET}/DOC00007.PDF"),
    ]


def test_dicom_paths_follow_the_media_rules(plan: BundlePlan) -> None:
    placed = lay_out(plan).dicom
    assert len({p.path for p in placed}) == len(plan.dicom)
    for item in placed:
        components = item.path.split("/")
        assert len(components) == 5  # DICOM/PA/ST/SE/IM: at most 8 levels below the root
        assert all(DICOM_COMPONENT.match(c) for c in components)


def test_a_series_preview_is_named_after_its_dicom_folder(plan: BundlePlan) -> None:
    first = plan.dicom[0]
    with_preview = replace(plan, previews=(SeriesPreview(first.series_instance_uid, b"jpeg"),))
    layout = lay_out(with_preview)
    series_folder = layout.dicom[0].path.split("/")[3]
    assert layout.previews == ((first.series_instance_uid, f"IHE_PDI/{series_folder}.JPG"),)


def test_passphrase_has_enough_entropy_and_reads_as_digits() -> None:
    assert PASSPHRASE_BITS >= 77
    assert math.isclose(PASSPHRASE_BITS, 24 * math.log2(10))
    seen = {generate_passphrase() for _ in range(200)}
    assert len(seen) == 200
    for password in seen:
        groups = password.split("-")
        assert len(groups) == 6
        assert all(len(g) == 4 and g.isdigit() for g in groups)
    password = next(iter(seen))
    assert normalize_passphrase(password.replace("-", " ")) == password
    assert normalize_passphrase(password.replace("-", "")) == password
    full_width = password.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    assert normalize_passphrase(full_width) == password
    assert normalize_passphrase(" other ") == "other"
