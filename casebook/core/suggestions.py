"""Suggesting a slot and a date for a new document from its text and file name.

Only suggestions: the caregiver confirms. The rules are simple keyword scores in English and
Chinese, weighted higher in the file name (people name files "biopsy.pdf"), and a date search
that skips birth dates and prefers dates labelled as the report's or the procedure's.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, replace
from datetime import date

from casebook.core.model import PartialDate, RecordKind
from casebook.core.month_names import MONTH_NUMBERS, MONTH_PATTERN

# Latin keywords match as whole words (case-insensitive); Chinese ones as substrings.
_KEYWORDS: dict[RecordKind, tuple[str, ...]] = {
    RecordKind.PATHOLOGY: (
        "pathology",
        "histology",
        "histopathology",
        "biopsy",
        "immunohistochemistry",
        "ihc",
        "cytology",
        "specimen",
        "microscopic description",
        "病理",
        "活检",
        "免疫组化",
        "组织学",
        "细胞学",
        "标本",
        "镜下所见",
    ),
    RecordKind.IMAGING: (
        "radiology",
        "ct",
        "mri",
        "pet",
        "pet-ct",
        "ultrasound",
        "x-ray",
        "contrast",
        "impression",
        "影像",
        "磁共振",
        "超声",
        "放射科",
        "检查所见",
        "增强扫描",
    ),
    RecordKind.LABS: (
        "laboratory",
        "blood count",
        "haemoglobin",
        "hemoglobin",
        "reference range",
        "cbc",
        "creatinine",
        "platelets",
        "tumour markers",
        "tumor markers",
        "cea",
        "血常规",
        "检验",
        "化验",
        "参考范围",
        "肝功能",
        "肾功能",
        "肿瘤标志物",
    ),
    RecordKind.MOLECULAR: (
        "molecular",
        "genomic",
        "ngs",
        "mutation",
        "egfr",
        "alk",
        "kras",
        "brca",
        "pd-l1",
        "sequencing",
        "variant",
        "基因",
        "分子",
        "突变",
        "测序",
        "靶点",
    ),
    RecordKind.OPERATIVE_NOTES: (
        "operative note",
        "operation note",
        "surgeon",
        "procedure performed",
        "anaesthesia",
        "anesthesia",
        "incision",
        "手术记录",
        "手术经过",
        "麻醉",
        "术中",
    ),
    RecordKind.MEDICATIONS: (
        "medication list",
        "medications",
        "prescription",
        "tablets",
        "dosage",
        "用药",
        "处方",
        "药物清单",
        "服用",
    ),
    RecordKind.DISCHARGE_REFERRAL: (
        "discharge summary",
        "discharge",
        "referral",
        "referred",
        "出院小结",
        "出院记录",
        "出院日期",
        "出院诊断",
        "出院医嘱",
        "转诊",
        "介绍信",
    ),
    RecordKind.PRIOR_TREATMENT: (
        "chemotherapy",
        "cycle",
        "cycles",
        "radiotherapy",
        "regimen",
        "immunotherapy",
        "gy",
        "化疗",
        "放疗",
        "周期",
        "方案",
        "免疫治疗",
        "靶向治疗",
    ),
    RecordKind.DIAGNOSIS_PLAN: (
        "treatment plan",
        "proposed treatment",
        "tumour board",
        "tumor board",
        "mdt",
        "recommendation",
        "治疗方案",
        "治疗计划",
        "多学科",
        "会诊意见",
    ),
    RecordKind.HISTORY: (
        "medical history",
        "history of present illness",
        "past medical history",
        "病史",
        "既往史",
        "现病史",
        "入院记录",
    ),
    RecordKind.IDENTITY: ("passport", "identity card", "id card", "身份证", "护照", "居民身份"),
}
_NAME_WEIGHT = 5
_MINIMUM_SCORE = 2


def _pattern(keyword: str) -> re.Pattern[str]:
    if keyword.isascii():
        return re.compile(rf"(?<![a-z0-9]){re.escape(keyword)}(?![a-z0-9])", re.IGNORECASE)
    return re.compile(re.escape(keyword))


_PATTERNS = {kind: [_pattern(k) for k in words] for kind, words in _KEYWORDS.items()}


@dataclass(frozen=True)
class SlotSuggestion:
    slot: RecordKind
    score: int


def suggest_slot(text: str, file_name: str = "") -> SlotSuggestion | None:
    """The slot whose keywords appear most, or None when nothing is convincing."""
    name = re.sub(r"[_\-.]+", " ", file_name)
    best: SlotSuggestion | None = None
    for kind, patterns in _PATTERNS.items():
        score = sum(
            len(p.findall(text[:200_000])) + _NAME_WEIGHT * len(p.findall(name)) for p in patterns
        )
        if score >= _MINIMUM_SCORE and (best is None or score > best.score):
            best = SlotSuggestion(kind, score)
    return best


_MONTHS = MONTH_NUMBERS
_MONTH_NAMES = MONTH_PATTERN
_DATE_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)"), "ymd"),
    (re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"), "ymd"),
    (re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月(?!\s*\d)"), "ym"),
    (re.compile(r"(?<!\d)(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?!\d)"), "dmy_numeric"),
    (
        re.compile(rf"(?<!\d)(\d{{1,2}})\s+({_MONTH_NAMES})\.?,?\s+(\d{{4}})", re.IGNORECASE),
        "d_month_y",
    ),
    (re.compile(rf"\b({_MONTH_NAMES})\.?\s+(\d{{1,2}}),?\s+(\d{{4}})", re.IGNORECASE), "month_d_y"),
]
_BIRTH = re.compile(r"(date of birth|birth date|d\.?o\.?b|born|出生|生日)", re.IGNORECASE)
_CONTEXT = 40


class DateRole(enum.Enum):
    """What the words just before a date say it is the date of."""

    DISCHARGE = "discharge"
    ADMISSION = "admission"
    REPORT = "report"  # reported, signed out, authorised
    PROCEDURE = "procedure"  # operation, biopsy, procedure
    EXAM = "exam"  # examination, scan
    COLLECTED = "collected"  # specimen collected or received
    OTHER = "other"


# The label nearest the date wins, so "入院日期：… 出院日期：2024年3月10日" is a discharge date.
_ROLE_LABELS: dict[DateRole, re.Pattern[str]] = {
    role: re.compile(pattern, re.IGNORECASE)
    for role, pattern in {
        DateRole.DISCHARGE: r"discharge date|date of discharge|discharged|出院日期|出院时间",
        DateRole.ADMISSION: r"admission date|date of admission|admitted|入院日期|入院时间",
        DateRole.REPORT: (
            r"report date|date of report|reported|sign(?:ed)?[- ]out|signed|authori[sz]ed|"
            r"verified|报告日期|报告时间|签发日期|审核日期|发报告"
        ),
        DateRole.PROCEDURE: (
            r"date of procedure|procedure date|date of (?:surgery|operation)|"
            r"(?:surgery|operation) date|手术日期|手术时间|活检日期"
        ),
        DateRole.EXAM: r"date of (?:exam|examination|scan)|exam date|study date|检查日期|检查时间",
        DateRole.COLLECTED: (
            r"collected|collection date|received|送检日期|采样日期|采集日期|接收日期|收到日期"
        ),
    }.items()
}
_LABELLED = (DateRole.REPORT, DateRole.PROCEDURE, DateRole.EXAM, DateRole.COLLECTED)
"""Without a kind, a date labelled as one of these is the document's own date."""

_ROLES_FOR_KIND: dict[RecordKind, tuple[DateRole, ...]] = {
    RecordKind.DISCHARGE_REFERRAL: (DateRole.DISCHARGE, DateRole.REPORT),
    RecordKind.PATHOLOGY: (DateRole.REPORT, DateRole.COLLECTED, DateRole.PROCEDURE),
    RecordKind.MOLECULAR: (DateRole.REPORT, DateRole.COLLECTED),
    RecordKind.LABS: (DateRole.REPORT, DateRole.COLLECTED),
    RecordKind.IMAGING: (DateRole.EXAM, DateRole.REPORT),
    RecordKind.OPERATIVE_NOTES: (DateRole.PROCEDURE, DateRole.REPORT),
    RecordKind.PRIOR_TREATMENT: (DateRole.DISCHARGE, DateRole.REPORT),
}
"""Which labelled date is a kind of document's own: a discharge summary is dated the day the
patient left, a pathology report the day it was signed out."""


@dataclass(frozen=True)
class FoundDate:
    """A date read in a document's text, with what its label says it is."""

    value: PartialDate
    role: DateRole
    position: int  # where in the text, for reading order


def _build(kind: str, groups: tuple[str, ...]) -> PartialDate | None:
    try:
        if kind == "ymd":
            return PartialDate(int(groups[0]), int(groups[1]), int(groups[2]))
        if kind == "ym":
            return PartialDate(int(groups[0]), int(groups[1]))
        if kind == "dmy_numeric":
            first, second, year = int(groups[0]), int(groups[1]), int(groups[2])
            if first <= 12 and second <= 12 and first != second:
                return None  # 03/04/2024: April or March? Do not guess.
            day, month = (first, second) if first > 12 or first == second else (second, first)
            return PartialDate(year, month, day)
        if kind == "d_month_y":
            return PartialDate(int(groups[2]), _MONTHS[groups[1].lower()], int(groups[0]))
        if kind == "month_d_y":
            return PartialDate(int(groups[2]), _MONTHS[groups[0].lower()], int(groups[1]))
    except ValueError:
        return None
    return None


def _label_before(text: str, position: int) -> str:
    """The words just before a date on its line, after any earlier number (its own label)."""
    line_start = text.rfind("\n", 0, position) + 1
    before = text[max(line_start, position - _CONTEXT) : position]
    return re.split(r"\d", before)[-1]


def _role(label: str) -> DateRole:
    """The role named last (nearest the date) in the words before it."""
    best: tuple[int, DateRole] | None = None
    for role, pattern in _ROLE_LABELS.items():
        for match in pattern.finditer(label):
            if best is None or match.end() > best[0]:
                best = (match.end(), role)
    return best[1] if best else DateRole.OTHER


def dates_in(text: str, today: date) -> list[FoundDate]:
    """Every date the text names that could be the document's (not a birth date, not in the
    future), once each, in reading order; a date found twice keeps its labelled role."""
    found: dict[PartialDate, FoundDate] = {}
    sample = text[:200_000]
    for pattern, kind in _DATE_PATTERNS:
        for match in pattern.finditer(sample):
            value = _build(kind, match.groups())
            if value is None or not 1900 <= value.year <= today.year:
                continue
            if date(value.year, value.month or 1, value.day or 1) > today:
                continue
            before = _label_before(sample, match.start())
            if _BIRTH.search(before):
                continue
            entry = FoundDate(value, _role(before), match.start())
            known = found.get(value)
            if known is None or (known.role is DateRole.OTHER and entry.role is not DateRole.OTHER):
                found[value] = entry if known is None else replace(entry, position=known.position)
    return sorted(found.values(), key=lambda entry: entry.position)


def rank_dates(found: list[FoundDate], kind: RecordKind | None = None) -> list[FoundDate]:
    """Best first: the date whose label fits the kind of document (the discharge date of a
    discharge summary), then any report/procedure date, then the rest in reading order; an
    admission date last, as it is never a document's own date."""
    wanted = _ROLES_FOR_KIND.get(kind, ()) if kind is not None else ()

    def rank(entry: FoundDate) -> tuple[int, int]:
        if entry.role in wanted:
            return (wanted.index(entry.role), entry.position)
        if entry.role in _LABELLED:
            return (len(wanted), entry.position)
        if entry.role is DateRole.ADMISSION:
            return (len(wanted) + 2, entry.position)
        return (len(wanted) + 1, entry.position)

    return sorted(found, key=rank)


def suggest_date(text: str, today: date, kind: RecordKind | None = None) -> PartialDate | None:
    """A date for the document: the one whose label fits its kind (the discharge date of a
    discharge summary, the report date of a pathology report), else any labelled
    report/procedure date, else the first date in the text; never a birth date or the future."""
    ranked = rank_dates(dates_in(text, today), kind)
    return ranked[0].value if ranked else None
