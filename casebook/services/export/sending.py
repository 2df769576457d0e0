"""Words the family sends with the bundle: the suggested subject line of each e-mail.

They are read by the hospital, so they are in the summary's language(s), from the catalogue of
generated texts, and say which part is which without naming the patient (subject lines travel
in clear text through every mail server on the way).
"""

from __future__ import annotations

from datetime import date

from casebook.texts import texts_for


def email_subjects(part_count: int, created_on: date, language: str) -> list[str]:
    """One subject line per e-mail, in order: "…, 2026-11-22 — part 3 of 13"."""
    lines = []
    for number in range(1, part_count + 1):
        halves = []
        for code in language.split("+"):
            _ = texts_for(code).gettext
            subject = _("Medical records for a second opinion, {date}").format(
                date=created_on.isoformat()
            )
            if part_count > 1:
                subject += _(" — part {number} of {count}").format(number=number, count=part_count)
            halves.append(subject)
        lines.append(" / ".join(halves))
    return lines
