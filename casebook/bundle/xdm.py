"""METADATA.XML of the IHE XDM submission set: an ebRIM 3.0 SubmitObjectsRequest.

One SubmissionSet (RegistryPackage) and one DocumentEntry (ExtrinsicObject) per document,
linked by HasMember associations (ITI TF-3 §4.2; media layout ITI TF-2 §3.32). Each entry
carries what an importing system files a document by: its MIME type, the SHA-1 and size of the
file beside METADATA.XML (its `URI`), when it was written (`creationTime`, to the precision the
family knows), its language, title, class and type codes (LOINC, from the kind of record) and
the patient (`sourcePatientId`/`sourcePatientInfo`).

Casebook has no assigning authority of its own: identifiers are OIDs under 2.25 (ITU-T X.667)
derived from content, so they are globally unique without registration and the same document
keeps the same `uniqueId` on every export.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import quoteattr

from casebook import __version__
from casebook.bundle.plan import BundlePlan
from casebook.core.model import PartialDate, RecordKind

LCM = "urn:oasis:names:tc:ebxml-regrep:xsd:lcm:3.0"
RIM = "urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0"
LOINC = "2.16.840.1.113883.6.1"
FORMAT_SCHEME = "1.3.6.1.4.1.19376.1.2.3"  # IHE format codes
CONFIDENTIALITY_SCHEME = "2.16.840.1.113883.5.25"
SNOMED = "2.16.840.1.113883.6.96"
HAS_MEMBER = "urn:oasis:names:tc:ebxml-regrep:AssociationType:HasMember"

# ebRIM identifiers of the XDS metadata model (ITI TF-3 §4.2.5).
STABLE_DOCUMENT = "urn:uuid:7edca82f-054d-47f2-a032-9b2a5b5186c1"
SUBMISSION_SET_NODE = "urn:uuid:a54d6aa5-d40d-43f9-88c5-b4633d873bdd"
DOC_CLASS_CODE = "urn:uuid:41a5887f-8865-4c09-adf7-e362475b143a"
DOC_TYPE_CODE = "urn:uuid:f0306f51-975f-434e-a61c-c59651d33983"
DOC_FORMAT_CODE = "urn:uuid:a09d5840-386c-46f2-b5ad-9c3699a4309d"
DOC_CONFIDENTIALITY = "urn:uuid:f4f85eac-e6cb-4883-b524-f2705394840f"
DOC_FACILITY_TYPE = "urn:uuid:f33fb8ac-18af-42cc-ae0e-ed0b0bdb91e1"
DOC_PRACTICE_SETTING = "urn:uuid:cccf5598-8b07-4b77-a05e-ae952c785ead"
DOC_PATIENT_ID = "urn:uuid:58a6f841-87b3-4a3e-92fd-a8ffeff98427"
DOC_UNIQUE_ID = "urn:uuid:2e82c1f6-a085-4c72-9da3-8640a32e42ab"
SET_AUTHOR = "urn:uuid:a7058bb9-b4e4-4307-ba5b-e3f0ab85e12d"
SET_CONTENT_TYPE = "urn:uuid:aa543740-bdda-424e-8c96-df4873be8500"
SET_PATIENT_ID = "urn:uuid:6b5aea1a-874d-4603-a4bc-96a0a7b38446"
SET_UNIQUE_ID = "urn:uuid:96fdda7c-d067-4183-912e-bf5ee74998a8"
SET_SOURCE_ID = "urn:uuid:554ac39e-e3fe-47fe-b233-965d2a147832"


@dataclass(frozen=True)
class Code:
    code: str
    display: str
    scheme: str = LOINC


DOCUMENT_CODES: dict[RecordKind, Code] = {
    RecordKind.PATHOLOGY: Code("11526-1", "Pathology study"),
    RecordKind.IMAGING: Code("18748-4", "Diagnostic imaging study"),
    RecordKind.LABS: Code("11502-2", "Laboratory report"),
    RecordKind.HISTORY: Code("34117-2", "History and physical note"),
    RecordKind.PRIOR_TREATMENT: Code("34133-9", "Summary of episode note"),
    RecordKind.MOLECULAR: Code("51969-4", "Genetic analysis report"),
    RecordKind.OPERATIVE_NOTES: Code("11504-8", "Surgical operation note"),
    RecordKind.MEDICATIONS: Code("56445-0", "Medication summary Document"),
    RecordKind.DIAGNOSIS_PLAN: Code("18776-5", "Plan of care note"),
    RecordKind.DISCHARGE_REFERRAL: Code("34133-9", "Summary of episode note"),
    RecordKind.IDENTITY: Code("51851-4", "Administrative note"),
    RecordKind.OTHER: Code("34109-9", "Note"),
}
"""classCode and typeCode of a document, by the kind of record the family filed it under."""

SUMMARY_CODE = Code("60591-5", "Patient summary Document")
SUBMISSION_CONTENT = Code("57133-1", "Referral note")
FORMAT = Code("urn:ihe:iti:xds:2017:mimeTypeSufficient", "Format from MIME type", FORMAT_SCHEME)
CONFIDENTIALITY = Code("N", "Normal", CONFIDENTIALITY_SCHEME)
FACILITY = Code("22232009", "Hospital", SNOMED)
PRACTICE = Code("394593009", "Medical oncology", SNOMED)


@dataclass(frozen=True)
class XdmDocument:
    """One file of the submission set, described for METADATA.XML."""

    file_name: str  # beside METADATA.XML, e.g. "DOC00001.PDF"
    title: str
    mime_type: str
    size: int
    sha1: str
    code: Code
    creation_time: str = ""  # HL7 DTM: "2024", "202403", "20240317"
    language: str = ""  # BCP 47: "en", "zh-CN"; "und" when not known
    sha256: str = ""  # only for the unique ID (content-derived)


def oid_from(*parts: str) -> str:
    """A globally unique OID for `parts`: 2.25 and a name-based UUID (RFC 4122, version 5)."""
    name = "casebook:" + "\x1f".join(parts)
    return f"2.25.{uuid.uuid5(uuid.NAMESPACE_URL, name).int}"


def creation_time(date: PartialDate | None) -> str:
    return "" if date is None else date.iso().replace("-", "")


def language_code(language: str) -> str:
    """The binder's "en"/"zh" as BCP 47; "und" (undetermined) when not known."""
    codes = {"en": "en", "zh": "zh-CN"}
    return codes.get(language.strip().lower()[:2], "und")


def _slot(name: str, *values: str) -> str:
    items = "".join(f"<rim:Value>{_text(value[:256])}</rim:Value>" for value in values)
    return f'<rim:Slot name="{name}"><rim:ValueList>{items}</rim:ValueList></rim:Slot>'


def _text(value: str) -> str:
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _name(value: str) -> str:
    return f"<rim:Name><rim:LocalizedString value={quoteattr(value[:1024])}/></rim:Name>"


def _classification(scheme: str, target: str, ident: str, code: Code) -> str:
    return (
        f'<rim:Classification id="{ident}" classificationScheme="{scheme}" '
        f"classifiedObject={quoteattr(target)} nodeRepresentation={quoteattr(code.code)}>"
        f"{_slot('codingScheme', code.scheme)}{_name(code.display)}</rim:Classification>"
    )


def _external_id(scheme: str, target: str, ident: str, value: str, label: str) -> str:
    return (
        f'<rim:ExternalIdentifier id="{ident}" identificationScheme="{scheme}" '
        f"registryObject={quoteattr(target)} value={quoteattr(value)}>"
        f"{_name(label)}</rim:ExternalIdentifier>"
    )


def patient_identifiers(plan: BundlePlan) -> tuple[str, list[str]]:
    """(sourcePatientId as CX, sourcePatientInfo as PID fields) for the case's patient."""
    case = plan.case
    birth = case.date_of_birth.iso() if case.date_of_birth else ""
    authority = oid_from("casebook-patient-authority")
    local_id = "CB" + hashlib.sha256(f"{case.patient_name}\x1f{birth}".encode()).hexdigest()[:10]
    cx = f"{local_id.upper()}^^^&{authority}&ISO"
    info = [f"PID-3|{cx}", f"PID-5|{_hl7_escape(case.patient_name)}"]
    if birth:
        info.append(f"PID-7|{birth.replace('-', '')}")
    return cx, info


def _hl7_escape(text: str) -> str:
    """HL7 v2 escapes for a value placed inside a component (|, ^, &, ~ and \\)."""
    swaps = {"\\": "\\E\\", "|": "\\F\\", "^": "\\S\\", "&": "\\T\\", "~": "\\R\\"}
    return "".join(swaps.get(ch, ch) for ch in text)


def _telecom(contact: str) -> str:
    """An XTN for an e-mail address or a telephone number."""
    contact = _hl7_escape(contact.strip())
    if "@" in contact:
        return f"^NET^Internet^{contact}"
    return f"^PRN^PH^^^^^^^^^{contact}"


def _document_entry(index: int, document: XdmDocument, patient: str, info: list[str]) -> str:
    ident = f"Document{index:02d}"
    slots = []
    if document.creation_time:
        slots.append(_slot("creationTime", document.creation_time))
    slots += [
        _slot("hash", document.sha1),
        _slot("languageCode", document.language or "und"),
        _slot("size", str(document.size)),
        _slot("sourcePatientId", patient),
        _slot("sourcePatientInfo", *info),
        _slot("URI", document.file_name),
    ]
    parts = [
        f'<rim:ExtrinsicObject id="{ident}" mimeType={quoteattr(document.mime_type)} '
        f'objectType="{STABLE_DOCUMENT}">',
        *slots,
        _name(document.title),
        _classification(DOC_CLASS_CODE, ident, f"{ident}.class", document.code),
        _classification(DOC_CONFIDENTIALITY, ident, f"{ident}.confidentiality", CONFIDENTIALITY),
        _classification(DOC_FORMAT_CODE, ident, f"{ident}.format", FORMAT),
        _classification(DOC_FACILITY_TYPE, ident, f"{ident}.facility", FACILITY),
        _classification(DOC_PRACTICE_SETTING, ident, f"{ident}.practice", PRACTICE),
        _classification(DOC_TYPE_CODE, ident, f"{ident}.type", document.code),
        _external_id(
            DOC_PATIENT_ID, ident, f"{ident}.patient", patient, "XDSDocumentEntry.patientId"
        ),
        _external_id(
            DOC_UNIQUE_ID,
            ident,
            f"{ident}.unique",
            oid_from("document", document.sha256 or document.sha1),
            "XDSDocumentEntry.uniqueId",
        ),
        "</rim:ExtrinsicObject>",
    ]
    return "\n".join(parts)


def _submission_set(plan: BundlePlan, title: str, patient: str, documents: Sequence[XdmDocument],
                    submission_time: str) -> str:  # fmt: skip
    ident = "SubmissionSet01"
    sender = plan.sender
    author_slots = [_slot("authorPerson", f"^{_hl7_escape(sender.name or 'Casebook')}")]
    if sender.contact.strip():
        author_slots.append(_slot("authorTelecommunication", _telecom(sender.contact)))
    if sender.relationship.strip():
        author_slots.append(_slot("authorRole", _hl7_escape(sender.relationship)))
    recipient = ", ".join(
        x for x in (plan.recipient.department, plan.recipient.institution) if x.strip()
    )
    slots = [_slot("submissionTime", submission_time)]
    if recipient:
        slots.append(_slot("intendedRecipient", _hl7_escape(recipient)))
    unique = oid_from("submission", plan.created_on, *(d.sha1 for d in documents))
    return "\n".join(
        [
            f'<rim:RegistryPackage id="{ident}">',
            *slots,
            _name(title),
            f'<rim:Classification id="{ident}.author" classificationScheme="{SET_AUTHOR}" '
            f'classifiedObject="{ident}" nodeRepresentation="">{"".join(author_slots)}'
            "</rim:Classification>",
            _classification(SET_CONTENT_TYPE, ident, f"{ident}.content", SUBMISSION_CONTENT),
            f'<rim:Classification id="{ident}.node" classifiedObject="{ident}" '
            f'classificationNode="{SUBMISSION_SET_NODE}"/>',
            _external_id(
                SET_UNIQUE_ID, ident, f"{ident}.unique", unique, "XDSSubmissionSet.uniqueId"
            ),
            _external_id(
                SET_SOURCE_ID,
                ident,
                f"{ident}.source",
                oid_from("casebook-source"),
                "XDSSubmissionSet.sourceId",
            ),
            _external_id(
                SET_PATIENT_ID, ident, f"{ident}.patient", patient, "XDSSubmissionSet.patientId"
            ),
            "</rim:RegistryPackage>",
        ]
    )


def render_metadata(
    plan: BundlePlan, documents: Sequence[XdmDocument], title: str, submission_time: str
) -> bytes:
    """METADATA.XML for `documents` (UTF-8). `submission_time` is HL7 DTM (YYYYMMDD…)."""
    patient, info = patient_identifiers(plan)
    entries = [_document_entry(i, d, patient, info) for i, d in enumerate(documents, start=1)]
    associations = [
        f'<rim:Association id="Membership{i:02d}" associationType="{HAS_MEMBER}" '
        f'sourceObject="SubmissionSet01" targetObject="Document{i:02d}">'
        f"{_slot('SubmissionSetStatus', 'Original')}</rim:Association>"
        for i in range(1, len(documents) + 1)
    ]
    body = "\n".join(
        [
            '<?xml version="1.0" encoding="UTF-8"?>',
            f"<!-- Written by Casebook {__version__}: IHE XDM submission set -->",
            f'<lcm:SubmitObjectsRequest xmlns:lcm="{LCM}" xmlns:rim="{RIM}">',
            "<rim:RegistryObjectList>",
            _submission_set(plan, title, patient, documents, submission_time),
            *entries,
            *associations,
            "</rim:RegistryObjectList>",
            "</lcm:SubmitObjectsRequest>",
            "",
        ]
    )
    return body.encode("utf-8")
