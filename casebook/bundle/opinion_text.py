"""The opinions section of the summary in the reader's language: who said what, where the
compared opinions agree or differ, and the questions those differences raise.

It reports and never weighs. The family's own notes and each doctor's reasoning (always worded
differently) are not listed as differences. The questions the differences raise are made by
`core.opinion_questions` in each language (the services layer puts them in the summary).
"""

from __future__ import annotations

from collections.abc import Sequence

from casebook.bundle.words import FIELD_TITLES, field_value_text, listed
from casebook.core.opinions import Comparison, Mark, Opinion, OpinionField
from casebook.texts import Texts

PRIVATE_FIELDS = frozenset({OpinionField.FAMILY_NOTES, OpinionField.REASONING})
PLAN_LIMIT = 160
VALUE_LIMIT = 100


def shortened(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def opinion_line(t: Texts, opinion: Opinion) -> str:
    """ "Opinion from Dr Chen, City Hospital, 2024-03. Recommended plan: …"."""
    source = t.pgettext("list separator", ", ").join(
        x
        for x in (
            opinion.source_name,
            opinion.institution,
            opinion.country,
            opinion.given_on.iso() if opinion.given_on else "",
        )
        if x
    )
    plan = opinion.value(OpinionField.RECOMMENDED_PLAN)
    if plan.says:
        return t.gettext("Opinion from {source}. Recommended plan: {plan}").format(
            source=source, plan=shortened(plan.text, PLAN_LIMIT)
        )
    return t.gettext("Opinion from {source}.").format(source=source)


def comparison_lines(t: Texts, comparison: Comparison) -> list[str]:
    """Where the compared opinions say the same, and what each says where they differ."""
    lines = []
    names = listed(t, [o.label for o in comparison.opinions])
    agree = [t.gettext(FIELD_TITLES[r.field]) for r in comparison.rows if r.mark is Mark.AGREE]
    if agree:
        lines.append(
            t.gettext("{names} say the same on: {fields}.").format(
                names=names, fields=t.pgettext("list separator", ", ").join(agree)
            )
        )
    for row in comparison.rows:
        if row.mark is not Mark.DIFFER or row.field in PRIVATE_FIELDS:
            continue
        said = t.pgettext("detail separator", "; ").join(
            t.gettext("{label}: {value}").format(
                label=o.label, value=shortened(field_value_text(t, row.field, v), VALUE_LIMIT)
            )
            for o, v in zip(comparison.opinions, row.values, strict=True)
            if v.says
        )
        lines.append(
            t.gettext("{field} differs. {said}").format(
                field=t.gettext(FIELD_TITLES[row.field]), said=said
            )
        )
    return lines


def opinion_lines(
    t: Texts, opinions: Sequence[Opinion], comparison: Comparison | None
) -> list[str]:
    lines = [opinion_line(t, o) for o in opinions]
    if comparison is not None:
        lines += comparison_lines(t, comparison)
    return lines
