"""The week-to-week rows of the case at a glance: allergies, current medicines, the next
appointment and key contacts (issue 19), in the reader's language.

Allergies go right under the patient (an emergency room looks there first); the rest follow
the lines of therapy. Long lists end with "… and N more", like the page's other rows.
"""

from __future__ import annotations

from casebook.bundle.case_facts import CareAppointment, CareMedicine, CaseAtAGlance
from casebook.bundle.printed_words import MESSAGES
from casebook.core.medicines import Allergy, AllergyKind, Route, Severity
from casebook.texts import Texts

MAX_MEDICINES = 10
MAX_CONTACTS = 4
MAX_ALLERGIES = 6

Row = tuple[str, list[str], str]  # label, lines, style


def _cut(t: Texts, items: list[str], limit: int) -> list[str]:
    if len(items) <= limit:
        return items
    rest = len(items) - (limit - 1)
    return [*items[: limit - 1], t.gettext("… and {n} more").format(n=rest)]


def _word(t: Texts, key: str) -> str:
    return t.gettext(MESSAGES[key])


def allergy_line(t: Texts, allergy: Allergy) -> str:
    kind = "allergy_allergy" if allergy.kind is AllergyKind.ALLERGY else "allergy_reaction"
    line = f"{allergy.substance} — {_word(t, kind)}"
    if allergy.reaction:
        line += f": {allergy.reaction}"
    if allergy.severity is not Severity.NOT_STATED:
        line += f" ({_word(t, 'severity_' + allergy.severity.value)})"
    return line


def medicine_line(t: Texts, medicine: CareMedicine) -> str:
    """ "Pemetrexed — 500 mg/m², every 3 weeks, into a vein (drip)"."""
    how = [medicine.dose, medicine.frequency]
    if medicine.route is not Route.NOT_STATED:
        how.append(_word(t, f"route_{medicine.route.value}"))
    details = t.pgettext("list separator", ", ").join(part for part in how if part)
    name = medicine.name(t.language)
    return f"{name} — {details}" if details else name


def appointment_line(t: Texts, appointment: CareAppointment) -> str:
    when = appointment.on_date.isoformat()
    if appointment.at_time is not None:
        when += " " + appointment.at_time.strftime("%H:%M")
    kind = _word(t, f"kind_{appointment.kind.value}")
    parts = [f"{when} · {appointment.title} ({kind})"]
    parts += [part for part in (appointment.place, appointment.with_whom) if part]
    return " · ".join(parts)


def allergy_rows(t: Texts, glance: CaseAtAGlance) -> list[Row]:
    """Allergies and serious reactions; "none written down" only where the family keeps the
    medicine list (elsewhere, silence says nothing either way)."""
    care = glance.care
    label = _word(t, "glance_allergies")
    if care.allergies:
        lines = [allergy_line(t, a) for a in care.allergies]
        return [(label, _cut(t, lines, MAX_ALLERGIES), "missing")]
    if care.kept or not glance.in_bundle:
        return [(label, [_word(t, "no_allergies")], "body")]
    return []


def care_rows(t: Texts, glance: CaseAtAGlance) -> list[Row]:
    """Current medicines, the next appointment, key contacts."""
    care = glance.care
    rows: list[Row] = []
    if care.medicines:
        lines = [medicine_line(t, m) for m in care.medicines]
        rows.append((_word(t, "glance_medicines"), _cut(t, lines, MAX_MEDICINES), "body"))
    elif care.kept or not glance.in_bundle:
        rows.append((_word(t, "glance_medicines"), [_word(t, "no_medicines")], "body"))
    if care.next_appointment is not None:
        rows.append((_word(t, "glance_next"), [appointment_line(t, care.next_appointment)], "body"))
    if care.key_contacts:
        lines = [
            " · ".join(part for part in (c.label, c.role, c.phone) if part)
            for c in care.key_contacts
        ]
        rows.append((_word(t, "glance_contacts"), _cut(t, lines, MAX_CONTACTS), "body"))
    return rows
