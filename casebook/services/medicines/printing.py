"""The current medicine list on one A4 page, in English, Chinese or both side by side.

Allergies and serious past reactions come first (an emergency room reads the top of the page),
then one row per current medicine. The type shrinks until the list fits; if it still does not,
the page says how many were left off. The footer says plainly that Casebook does not check
doses or interactions. Returned as bytes; written only where the family asks.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm

from casebook.bundle.pdf_fonts import register_fonts
from casebook.bundle.printed_words import languages_of, word, words
from casebook.bundle.sheet_style import (
    ALERT,
    MARGIN,
    MUTED,
    draw,
    fitted_table,
    new_canvas,
    paragraph,
    style,
)
from casebook.core.contacts import Contact
from casebook.core.medicines import Allergy, AllergyKind, Medicine, MedicineDetails, Route, Severity
from casebook.core.model import Case
from casebook.core.pdf_writing import one_pdf_at_a_time
from casebook.services import clock
from casebook.services.binder.session import BinderSession
from casebook.services.medicines.medicines import lexicon_entry, load_medicine_list
from casebook.services.records.documents import load_case


def generic_name(details: MedicineDetails, lexicon_key: str, language: str) -> str:
    """The generic name in `language` where the lexicon knows the medicine, else as written."""
    entry = lexicon_entry(lexicon_key) if lexicon_key else None
    return entry.name_in(language) if entry else details.name


def medicine_name(details: MedicineDetails, lexicon_key: str, languages: Sequence[str]) -> str:
    """The medicine's generic name in each language where the lexicon knows it, with the
    brand: "Osimertinib 奥希替尼 (Tagrisso)"."""
    names = [generic_name(details, lexicon_key, code) for code in languages]
    text = " ".join(dict.fromkeys(name for name in names if name))
    brand = details.brand_name.strip()
    if brand and brand.casefold() not in text.casefold():
        text += f" ({brand})"
    return text


def route_words(route: Route, languages: Sequence[str]) -> str:
    if route is Route.NOT_STATED:
        return ""
    return words(f"route_{route.value}", languages)


def allergy_line(allergy: Allergy, languages: Sequence[str]) -> str:
    """ "Penicillin — allergy: rash (moderate)"."""
    kind = "allergy_allergy" if allergy.kind is AllergyKind.ALLERGY else "allergy_reaction"
    line = f"{allergy.substance} — {words(kind, languages)}"
    if allergy.reaction:
        line += f": {allergy.reaction}"
    if allergy.severity is not Severity.NOT_STATED:
        line += f" ({words('severity_' + allergy.severity.value, languages)})"
    return line


@dataclass(frozen=True)
class MedicineSheet:
    pdf: bytes
    printed: int
    left_out: int


@one_pdf_at_a_time
def render_medicine_sheet(
    case: Case,
    medicines: Sequence[Medicine],
    allergies: Sequence[Allergy],
    contacts: Sequence[Contact],
    language: str,
    today: date,
) -> MedicineSheet:
    """One page: heading, patient, allergies, the current medicines, the footer."""
    languages = languages_of(language)
    register_fonts()
    page = landscape(A4)
    width, height = page
    inner = width - 2 * MARGIN
    buffer = io.BytesIO()
    title = words("medicines_title", languages)
    canvas = new_canvas(buffer, page, title)
    y = draw(canvas, paragraph(title, style(20, bold=True)), MARGIN, height - MARGIN, inner)
    facts = [f"{words('patient', languages)}: {case.patient_name}"]
    if case.date_of_birth is not None:
        facts.append(word("born", languages[0]).format(date=case.date_of_birth.iso()))
    facts.append(word("printed_on", languages[0]).format(date=today.isoformat()))
    y = draw(
        canvas, paragraph(" · ".join(facts), style(11, color=MUTED)), MARGIN, y - 1 * mm, inner
    )

    y -= 4 * mm
    y = draw(
        canvas, paragraph(words("allergies_title", languages), style(13, bold=True, color=ALERT)),
        MARGIN, y, inner,
    )  # fmt: skip
    lines = [allergy_line(a, languages) for a in allergies] or [
        words("no_allergies", languages, " ")
    ]
    for line in lines:
        y = draw(canvas, paragraph("• " + line, style(11)), MARGIN + 2 * mm, y - 0.5 * mm, inner)

    footer = [word("medicines_footer", code) for code in languages]
    footer_height = 7 * mm + 4.2 * mm * len(footer) * 2
    y -= 5 * mm
    current = [m for m in medicines if m.is_current]
    by_id = {c.id: c for c in contacts}
    header = [
        words(key, languages, "\n")
        for key in ("col_medicine", "col_dose", "col_frequency", "col_route", "col_since",
                    "col_purpose", "col_prescriber")
    ]  # fmt: skip
    rows = []
    for medicine in current:
        details = medicine.current
        prescriber = by_id.get(details.prescriber_id) if details.prescriber_id else None
        rows.append(
            [
                medicine_name(details, medicine.lexicon_key, languages),
                details.dose,
                details.frequency,
                route_words(details.route, languages),
                details.started_on.iso() if details.started_on else "",
                details.purpose,
                prescriber.label if prescriber else "",
            ]
        )
    left_out = 0
    if rows:
        shares = (0.25, 0.1, 0.13, 0.12, 0.09, 0.14, 0.17)
        made, left_out = fitted_table(
            header, rows, [inner * share for share in shares], y - MARGIN - footer_height
        )
        y = draw(canvas, made, MARGIN, y, inner)
    else:
        y = draw(
            canvas, paragraph(words("no_medicines", languages, " "), style(11)), MARGIN, y, inner
        )
    if left_out:
        note = " ".join(word("more_not_shown", code).format(count=left_out) for code in languages)
        draw(canvas, paragraph(note, style(10, bold=True)), MARGIN, y - 2 * mm, inner)
    footer_y = MARGIN + 4.2 * mm * len(footer) * 2
    for line in footer:
        footer_y = draw(canvas, paragraph(line, style(9, color=MUTED)), MARGIN, footer_y, inner)
    canvas.showPage()
    canvas.save()
    return MedicineSheet(buffer.getvalue(), len(rows) - left_out, left_out)


def build_medicine_sheet(
    session: BinderSession, language: str, today: date | None = None
) -> MedicineSheet:
    """The current list of this binder, printed in `language` ("en", "zh" or "en+zh")."""
    listing = load_medicine_list(session)
    return render_medicine_sheet(
        load_case(session),
        listing.current,
        listing.allergies,
        listing.contacts,
        language,
        today or clock.today(),
    )
