"""English month names and their usual abbreviations, as dates are typed and printed ("5 Mar
2024", "March 2024", "Sept. 2023"): one table for reading what the family types and what a
report says."""

from __future__ import annotations

MONTH_NUMBERS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}
"""Lower-case month name or abbreviation → month number (1–12)."""

MONTH_PATTERN = "|".join(sorted(MONTH_NUMBERS, key=len, reverse=True))
"""A regex alternation of every name, longest first (so "march" wins over "mar")."""
