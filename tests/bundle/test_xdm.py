"""IHE XDM: METADATA.XML validated against the ebXML RegRep 3.0 schemas (tests/data/xds), and
every DocumentEntry checked against the file it describes (SHA-1, size, MIME type by `file`)."""

from __future__ import annotations

import hashlib
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from data_paths import XDS_SCHEMAS
from lxml import etree

from casebook.bundle.layout import XDM_METADATA_NAME, XDM_SUBSET
from casebook.bundle.plan import BundlePlan
from casebook.bundle.xdm import DOC_CLASS_CODE, DOC_TYPE_CODE, DOCUMENT_CODES, SUMMARY_CODE

SCHEMAS = XDS_SCHEMAS
RIM = "urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0"
NS = {"rim": RIM, "lcm": "urn:oasis:names:tc:ebxml-regrep:xsd:lcm:3.0"}
Tool = Callable[..., Path]


@pytest.fixture(scope="module")
def metadata(tree_folder: Path) -> etree._ElementTree:
    return etree.parse(str(tree_folder / XDM_METADATA_NAME))


def _slot(entry: etree._Element, name: str) -> list[str]:
    return [
        v.text or "" for v in entry.xpath(f"rim:Slot[@name='{name}']//rim:Value", namespaces=NS)
    ]


def _code(entry: etree._Element, scheme: str) -> str:
    [classification] = entry.xpath(f"rim:Classification[@classificationScheme='{scheme}']",
                                   namespaces=NS)  # fmt: skip
    return str(classification.get("nodeRepresentation"))


def test_metadata_is_valid_ebrim(metadata: etree._ElementTree) -> None:
    schema = etree.XMLSchema(etree.parse(str(SCHEMAS / "lcm.xsd")))
    assert schema.validate(metadata), schema.error_log
    root = metadata.getroot()
    assert root.tag == "{urn:oasis:names:tc:ebxml-regrep:xsd:lcm:3.0}SubmitObjectsRequest"
    assert len(root.xpath("//rim:RegistryPackage", namespaces=NS)) == 1
    members = root.xpath("//rim:Association", namespaces=NS)
    entries = root.xpath("//rim:ExtrinsicObject", namespaces=NS)
    assert {m.get("targetObject") for m in members} == {e.get("id") for e in entries}


def test_every_document_is_described_by_its_hash_size_and_type(
    metadata: etree._ElementTree, tree_folder: Path, plan: BundlePlan, require_tool: Tool
) -> None:
    file_tool = require_tool("file")
    subset = tree_folder / XDM_SUBSET
    entries = metadata.getroot().xpath("//rim:ExtrinsicObject", namespaces=NS)
    described = {}
    for entry in entries:
        [uri] = _slot(entry, "URI")
        path = subset / uri
        data = path.read_bytes()
        assert _slot(entry, "hash") == [hashlib.sha1(data, usedforsecurity=False).hexdigest()]
        assert _slot(entry, "size") == [str(len(data))]
        detected = subprocess.run(
            [str(file_tool), "--brief", "--mime-type", str(path)], capture_output=True,
            text=True, check=True,
        ).stdout.strip()  # fmt: skip
        assert entry.get("mimeType") == detected
        assert _slot(entry, "sourcePatientId")[0].endswith("&ISO")
        assert f"PID-5|{plan.case.patient_name}" in _slot(entry, "sourcePatientInfo")
        described[uri] = entry
    on_disk = {p.name for p in subset.iterdir() if p.name != "METADATA.XML"}
    assert set(described) == on_disk
    assert len(described) == len(plan.documents) + len(plan.languages)


def test_entries_carry_title_dates_language_and_codes_from_the_record(
    metadata: etree._ElementTree, plan: BundlePlan
) -> None:
    entries = metadata.getroot().xpath("//rim:ExtrinsicObject", namespaces=NS)
    by_uri = {_slot(e, "URI")[0]: e for e in entries}
    pathology = by_uri["DOC00001.PDF"]
    [title] = pathology.xpath("rim:Name/rim:LocalizedString/@value", namespaces=NS)
    assert title == "2024-03-17 Pathology report"
    assert _slot(pathology, "creationTime") == ["20240317"]
    assert _slot(pathology, "languageCode") == ["en"]
    assert _code(pathology, DOC_CLASS_CODE) == DOCUMENT_CODES[plan.documents[0].slot].code
    assert _code(pathology, DOC_TYPE_CODE) == "11526-1"
    discharge = by_uri["DOC00003.PDF"]
    assert _slot(discharge, "languageCode") == ["zh-CN"]
    assert _slot(discharge, "creationTime") == []  # not known: left out, not invented
    photo = by_uri["DOC00005.PNG"]
    assert photo.get("mimeType") == "image/png"
    assert _slot(photo, "creationTime") == ["202405"]  # known to the month
    assert _slot(photo, "languageCode") == ["und"]
    summary_zh = by_uri["DOC00007.PDF"]
    assert _code(summary_zh, DOC_TYPE_CODE) == SUMMARY_CODE.code
    assert _slot(summary_zh, "languageCode") == ["zh-CN"]
