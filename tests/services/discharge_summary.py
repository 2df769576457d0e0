"""A real-looking bilingual discharge summary, written as a PDF with reportlab for the tests.

Everything in it is invented (patient, hospital, doctors). It is laid out as Chinese hospitals
often print them: a header, the stay, the diagnosis, the course, then "出院带药 / Discharge
medications" one medicine to a line, mixing English and Chinese, with the allergies and the
follow-up below.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

from casebook.bundle.pdf_fonts import LATIN, markup, register_fonts
from casebook.bundle.sheet_style import style

MEDICINE_LINES = (
    "1. Osimertinib (Tagrisso) 80 mg by mouth once daily",
    "2. 地塞米松 4mg 口服 每日两次，连用3天",
    "3. Ondansetron 8 mg orally every 8 hours as needed for nausea",
    "4. 泮托拉唑 40mg 口服 每日一次",
    "5. 低分子肝素 4000IU 皮下注射 每日一次",
)


def write_discharge_summary(path: Path, lines: tuple[str, ...] = MEDICINE_LINES) -> Path:
    register_fonts()
    body = style(10.5)
    heading = style(14, bold=True)
    story: list[object] = []

    def add(text: str, chosen: object = body) -> None:
        story.append(Paragraph(markup(text), chosen))

    add("江滨市第一人民医院（虚构）Riverside First People's Hospital (fictional)", heading)
    add("出院小结 Discharge Summary", heading)
    story.append(Spacer(1, 3 * mm))
    add("姓名 Name: 林梅 Lin Mei (test)    性别 Sex: 女 F    年龄 Age: 63")
    add("住院号 Inpatient no.: 2026-118842    科室 Department: 肿瘤内科 Medical Oncology")
    add("入院日期 Admitted: 2026-10-12    出院日期 Discharged: 2026-10-19")
    story.append(Spacer(1, 3 * mm))
    add("出院诊断 Discharge diagnosis:", heading)
    add("右肺上叶腺癌 IV期，EGFR 19外显子缺失 / Adenocarcinoma of the right upper lobe, "
        "stage IV, EGFR exon 19 deletion")  # fmt: skip
    add("住院经过 Hospital course:", heading)
    add("Admitted for dyspnoea; pleural effusion drained. Targeted therapy started on "
        "2026-10-14 and tolerated well. 患者一般情况好转。")  # fmt: skip
    story.append(Spacer(1, 3 * mm))
    add("出院带药 Discharge medications:", heading)
    for line in lines:
        add(line)
    story.append(Spacer(1, 3 * mm))
    add("过敏史 Allergies: 青霉素（皮疹）penicillin (rash)")
    add("出院医嘱 Follow-up: 2周后肿瘤内科门诊复查 / Oncology clinic in 2 weeks, "
        "CT chest in 6 weeks.")  # fmt: skip
    add("主治医师 Attending: 王医生 Dr. Wang (fictional)")
    document = SimpleDocTemplate(
        str(path), pagesize=A4, title="出院小结 Discharge Summary", author="Test",
        initialFontName=LATIN, invariant=True,
    )  # fmt: skip
    document.build(story)
    return path
