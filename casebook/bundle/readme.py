"""README.TXT: what the bundle is, who sent it and how to reach them, what each folder holds
and what to do with it, how to open and check it — in each language the family chose.

Plain UTF-8 text with a byte-order mark and CRLF line ends, so that Notepad on any Windows shows
the Chinese correctly and every other system ignores both. It names the application and its
version, as IHE XDM asks of the media's README.
"""

from __future__ import annotations

from casebook import __version__
from casebook.bundle.case_facts import ImagingCount
from casebook.bundle.layout import (
    CHECKSUMS_NAME,
    DICOMDIR_NAME,
    INDEX_NAME,
    MANIFEST_NAME,
    PDI_DIR,
    XDM_METADATA_NAME,
    XDM_SUBSET,
    BundleLayout,
)
from casebook.bundle.plan import BundlePlan
from casebook.bundle.summary_pdf import recipient_line, sender_line
from casebook.bundle.words import imaging_count_text
from casebook.texts import Texts, texts_for

INDENT = "    "


def imaging_count(layout: BundleLayout) -> ImagingCount:
    items = [p.item for p in layout.dicom]
    return ImagingCount(
        studies=len({i.study_instance_uid for i in items}),
        series=len({i.series_instance_uid for i in items}),
        instances=len(items),
        frames=sum(max(1, i.frames) for i in items),
    )


def _entry(name: str, text: str) -> list[str]:
    return [f"  {name}", *(f"{INDENT}{line}" for line in text.splitlines())]


def _contents(t: Texts, plan: BundlePlan, layout: BundleLayout) -> list[str]:
    lines = [t.gettext("WHAT IS INSIDE, AND WHAT TO DO WITH IT"), ""]
    summaries = ", ".join(s.path for s in layout.summaries)
    lines += _entry(
        summaries,
        t.gettext(
            "The case summary: the case at a glance, a cover letter, and an index of\n"
            "everything enclosed. Start here."
        ),
    )
    lines += _entry(
        INDEX_NAME,
        t.gettext(
            "A page listing every document and imaging series, with small previews.\n"
            "Open it in any web browser."
        ),
    )
    if layout.documents:
        documents = t.ngettext("{n} document", "{n} documents", len(layout.documents)).format(
            n=len(layout.documents)
        )
        lines += _entry(
            f"{XDM_SUBSET}/",
            t.gettext(
                "The {documents}, exactly as received (DOC00001.PDF and so on; their titles\n"
                "are in the summary and in {index}), and the summaries again. {metadata}\n"
                "describes them for record systems that import IHE XDM media."
            ).format(
                documents=documents,
                index=INDEX_NAME,
                metadata=XDM_METADATA_NAME.rsplit("/", 1)[1],
            ),
        )
    if layout.dicom:
        lines += _entry(
            f"{DICOMDIR_NAME}, DICOM/",
            t.gettext(
                "The imaging ({count}) as a standard DICOM file-set (IHE PDI).\n"
                "Open {dicomdir} with a DICOM viewer, or import it into your PACS."
            ).format(count=imaging_count_text(t, imaging_count(layout)), dicomdir=DICOMDIR_NAME),
        )
    if layout.previews:
        lines += _entry(
            f"{PDI_DIR}/",
            t.gettext("Small preview pictures for {index} (not for diagnosis).").format(
                index=INDEX_NAME
            ),
        )
    lines += _entry(
        f"{CHECKSUMS_NAME}, {MANIFEST_NAME}",
        t.gettext(
            "The SHA-256 checksum of every file, and the same list in machine-readable form."
        ),
    )
    return lines


def _language(t: Texts, plan: BundlePlan, layout: BundleLayout) -> list[str]:
    title = t.gettext("CASE RECORDS FOR A SECOND OPINION")
    sender = sender_line(t, plan) or t.gettext("the patient's family")
    if plan.sender.language.strip():
        sender += " · " + t.gettext("reads: {language}").format(language=plan.sender.language)
    facts = [
        (t.gettext("Patient"), plan.case.patient_name),
        (t.gettext("Age"), "" if plan.patient_age is None else str(plan.patient_age)),
        (t.gettext("For"), recipient_line(t, plan)),
        (t.gettext("Sent by"), sender),
        (t.gettext("Prepared on"), plan.created_on),
        (t.gettext("Made with"), f"Casebook {__version__}"),
    ]
    lines = [title, "=" * min(60, max(20, len(title) * 2)), ""]
    lines += [f"{label}: {value}" for label, value in facts if value]
    lines += [
        "",
        *t.gettext(
            "This package holds the medical records of the patient named above, collected by\n"
            "the family with Casebook and sent to you to ask for a multidisciplinary (MDT)\n"
            "second opinion. Casebook organises records; it does not give medical advice."
        ).splitlines(),
        "",
        *_contents(t, plan, layout),
        "",
        t.gettext("HOW TO OPEN THE ARCHIVE"),
        "",
        *t.gettext(
            "The records arrive as an encrypted 7z archive (AES-256), sometimes split into parts\n"
            "named .7z.001, .7z.002 and so on. Keep all parts in one folder and open the first.\n"
            "The password reaches you separately (by phone or in a separate message).\n"
            "  Windows: 7-Zip (https://www.7-zip.org): right-click the file, 7-Zip, Extract.\n"
            "  macOS:   Keka or The Unarchiver.\n"
            "  Linux:   p7zip or 7-Zip: 7z x FILE.7z.001"
        ).splitlines(),
        "",
        t.gettext("HOW TO CHECK THAT NOTHING WAS CHANGED"),
        "",
        *t.gettext(
            "Compare the SHA-256 of each archive part with the cover sheet sent with the\n"
            "password. After extracting, check every file against SHA256SUMS:\n"
            "  Linux/macOS:  sha256sum -c SHA256SUMS   (macOS: shasum -a 256 -c SHA256SUMS)\n"
            "  Windows:      certutil -hashfile FILE SHA256\n"
            "  PowerShell:   Get-FileHash -Algorithm SHA256 FILE\n"
            "Every file should be reported OK, or show the same value as in SHA256SUMS."
        ).splitlines(),
    ]
    if plan.deidentified:
        lines += ["", t.gettext("WITHOUT THE PATIENT'S IDENTITY"), ""]
        lines += t.gettext(
            "This package was de-identified for you: the patient is named by a pseudonym and an\n"
            "age. The imaging follows the DICOM Basic Application Level Confidentiality Profile\n"
            "(PS3.15), keeping the patient's characteristics; all its dates were moved back by\n"
            "the same number of days, so the intervals between scans are kept. Documents are\n"
            "copies in which the family hid what shows who the patient is, or documents they\n"
            "checked show nothing of it."
        ).splitlines()
    contact = sender_line(t, plan)
    if contact:
        lines += [
            "",
            t.gettext("QUESTIONS ABOUT THIS PACKAGE"),
            "",
            t.gettext("Please contact {sender}.").format(sender=contact),
        ]
    return lines


def render_readme(plan: BundlePlan, layout: BundleLayout) -> bytes:
    """README.TXT in each chosen language, one after the other."""
    lines: list[str] = []
    for index, language in enumerate(plan.languages):
        if index:
            lines += ["", "", "-" * 60, "", ""]
        lines += _language(texts_for(language), plan, layout)
    return ("\ufeff" + "\r\n".join([*lines, ""])).encode("utf-8")
