"""What the demo binder says, in English and in Simplified Chinese.

A fictional patient and her fictional doctors and hospitals; only the CT slices are real
(public research images, see resources/demo/ct). The story is written to fill every page: a
timeline with two lines of therapy, questions (some from the question bank, one in the family's
own words), a consultation with notes, two opinions that differ on the stage and the plan, and
the decision the family took. Medical content is plausible, not advice.
"""

from __future__ import annotations

from dataclasses import dataclass

from casebook.core.decision_moment import DecisionMoment
from casebook.core.model import PartialDate, RecordKind
from casebook.core.opinions import OpinionField, TreatmentIntent
from casebook.core.timeline import EventKind, Response, StopReason


@dataclass(frozen=True)
class DemoDocument:
    file_name: str
    slot: RecordKind
    title: str
    document_date: PartialDate
    institution: str
    author: str


@dataclass(frozen=True)
class DemoEvent:
    kind: EventKind
    title: str
    start: PartialDate
    end: PartialDate | None = None
    regimen: str = ""
    cycles: int | None = None
    response: Response = Response.NOT_RECORDED
    stopped: StopReason = StopReason.NOT_STOPPED


@dataclass(frozen=True)
class DemoOpinion:
    source: str
    institution: str
    given_on: PartialDate
    fields: dict[OpinionField, str]


@dataclass(frozen=True)
class DemoContent:
    language: str
    patient_name: str
    diagnosis: str
    documents: tuple[DemoDocument, ...]
    requested_from: str
    events: tuple[DemoEvent, ...]
    bank_questions: tuple[str, ...]  # keys of resources/questions/bank.json
    own_question: str
    consultation_title: str
    consultation_doctor: str
    consultation_institution: str
    attendees: tuple[str, ...]
    answer: str  # to the first bank question
    notes: tuple[str, ...]
    opinions: tuple[DemoOpinion, DemoOpinion]
    decision: str
    decision_reasons: str
    decision_participants: str
    revisit_if: str
    goals: str


RIVERSIDE = "Riverside General Hospital (fictional)"
LAKESIDE = "Lakeside Oncology Clinic (fictional)"
RIVERSIDE_ZH = "河畔综合医院（虚构）"
LAKESIDE_ZH = "湖滨肿瘤诊所（虚构）"
MOMENT = DecisionMoment.OPTIONS_UNCLEAR

ENGLISH = DemoContent(
    language="en",
    patient_name="Mei Lin (demo)",
    diagnosis="Lung adenocarcinoma, right upper lobe (fictional demo case)",
    documents=(
        DemoDocument("pathology-report.pdf", RecordKind.PATHOLOGY,
                     "Surgical pathology report (biopsy)", PartialDate(2024, 2, 9), RIVERSIDE,
                     "Dr. B. Sample"),
        DemoDocument("lab-results.txt", RecordKind.LABS, "Blood tests and tumour markers",
                     PartialDate(2024, 2, 20), RIVERSIDE, "Dr. D. Imaginary"),
        DemoDocument("referral-letter.pdf", RecordKind.DISCHARGE_REFERRAL,
                     "Referral for a second opinion", PartialDate(2024, 3, 1), LAKESIDE,
                     "Dr. C. Placeholder"),
    ),
    requested_from="Riverside General Hospital, pathology (fictional)",
    events=(
        DemoEvent(EventKind.FIRST_SYMPTOMS, "Cough for six weeks", PartialDate(2023, 12)),
        DemoEvent(EventKind.IMAGING, "CT of the chest", PartialDate(2024, 1, 22)),
        DemoEvent(EventKind.BIOPSY, "Bronchoscopic biopsy, right upper lobe",
                  PartialDate(2024, 2, 9)),
        DemoEvent(EventKind.STAGING, "Stage IIIA as stated by Riverside", PartialDate(2024, 2)),
        DemoEvent(EventKind.SYSTEMIC_THERAPY, "Carboplatin and pemetrexed",
                  PartialDate(2024, 3), PartialDate(2024, 6), cycles=4,
                  response=Response.PARTIAL, stopped=StopReason.COMPLETED),
        DemoEvent(EventKind.RADIOTHERAPY, "Chest radiotherapy", PartialDate(2024, 4),
                  PartialDate(2024, 5), response=Response.PARTIAL,
                  stopped=StopReason.COMPLETED),
        DemoEvent(EventKind.SYSTEMIC_THERAPY, "Durvalumab maintenance", PartialDate(2024, 7)),
        DemoEvent(EventKind.CONSULTATION, "Oncology review at Lakeside",
                  PartialDate(2026, 10, 20)),
    ),
    bank_questions=("stage_confirmed", "risks_benefits", "clinical_trials"),
    own_question="Should the new spot on the liver be biopsied before any change of treatment?",
    consultation_title="Oncology review",
    consultation_doctor="Dr. C. Placeholder",
    consultation_institution=LAKESIDE,
    attendees=("Mei Lin", "Jun Lin (son)"),
    answer="The stage was IIIA at diagnosis; the new liver spot may change it. A PET-CT is "
    "booked.",
    notes=(
        "Continue durvalumab for now; rescan in eight weeks.",
        "PET-CT booked for 2026-11-05.",
    ),
    opinions=(
        DemoOpinion("Dr. C. Placeholder", LAKESIDE, PartialDate(2026, 10),
                    {OpinionField.DIAGNOSIS: "Lung adenocarcinoma",
                     OpinionField.STAGE: "IIIA",
                     OpinionField.TREATMENT_INTENT: TreatmentIntent.CONTROL.value,
                     OpinionField.RECOMMENDED_PLAN: "Continue durvalumab and rescan in 8 weeks",
                     OpinionField.TESTS_REQUESTED: "PET-CT"}),
        DemoOpinion("Riverside tumour board", RIVERSIDE, PartialDate(2026, 11),
                    {OpinionField.DIAGNOSIS: "Lung adenocarcinoma",
                     OpinionField.STAGE: "IVA if the liver spot is confirmed",
                     OpinionField.TREATMENT_INTENT: TreatmentIntent.CONTROL.value,
                     OpinionField.RECOMMENDED_PLAN:
                         "Biopsy the liver spot first, then decide on second-line treatment",
                     OpinionField.TESTS_REQUESTED: "Liver biopsy and molecular tests"}),
    ),
    decision="Ask an MDT for a second opinion before changing treatment",
    decision_reasons="The two opinions differ on the stage and on what to do first.",
    decision_participants="Mei, Jun",
    revisit_if="The PET-CT or a biopsy gives a clear answer.",
    goals="Mei wants to keep looking after her granddaughter two days a week, and to avoid long "
    "stays in hospital. She would accept a harder treatment if it gives her more good time.",
)  # fmt: skip

CHINESE = DemoContent(
    language="zh",
    patient_name="林梅（演示）",
    diagnosis="右肺上叶肺腺癌（虚构的演示病例）",
    documents=(
        DemoDocument("pathology-report.pdf", RecordKind.PATHOLOGY, "病理报告（活检）",
                     PartialDate(2024, 2, 9), RIVERSIDE_ZH, "B. Sample 医生"),
        DemoDocument("lab-results.txt", RecordKind.LABS, "血液检查和肿瘤标志物",
                     PartialDate(2024, 2, 20), RIVERSIDE_ZH, "D. Imaginary 医生"),
        DemoDocument("referral-letter.pdf", RecordKind.DISCHARGE_REFERRAL, "第二诊疗意见转诊信",
                     PartialDate(2024, 3, 1), LAKESIDE_ZH, "C. Placeholder 医生"),
    ),
    requested_from="河畔综合医院病理科（虚构）",
    events=(
        DemoEvent(EventKind.FIRST_SYMPTOMS, "咳嗽六周", PartialDate(2023, 12)),
        DemoEvent(EventKind.IMAGING, "胸部 CT", PartialDate(2024, 1, 22)),
        DemoEvent(EventKind.BIOPSY, "支气管镜活检（右肺上叶）", PartialDate(2024, 2, 9)),
        DemoEvent(EventKind.STAGING, "河畔医院所述分期：IIIA 期", PartialDate(2024, 2)),
        DemoEvent(EventKind.SYSTEMIC_THERAPY, "卡铂 + 培美曲塞", PartialDate(2024, 3),
                  PartialDate(2024, 6), cycles=4, response=Response.PARTIAL,
                  stopped=StopReason.COMPLETED),
        DemoEvent(EventKind.RADIOTHERAPY, "胸部放疗", PartialDate(2024, 4), PartialDate(2024, 5),
                  response=Response.PARTIAL, stopped=StopReason.COMPLETED),
        DemoEvent(EventKind.SYSTEMIC_THERAPY, "度伐利尤单抗维持治疗", PartialDate(2024, 7)),
        DemoEvent(EventKind.CONSULTATION, "湖滨诊所肿瘤科复诊", PartialDate(2026, 10, 20)),
    ),
    bank_questions=("stage_confirmed", "risks_benefits", "clinical_trials"),
    own_question="在改变治疗之前，肝脏上新发现的小病灶需要先做活检吗？",
    consultation_title="肿瘤科复诊",
    consultation_doctor="C. Placeholder 医生",
    consultation_institution=LAKESIDE_ZH,
    attendees=("林梅", "林军（儿子）"),
    answer="确诊时为 IIIA 期；肝脏新病灶可能改变分期。已预约 PET-CT。",
    notes=("暂时继续度伐利尤单抗；八周后复查。", "PET-CT 已预约在 2026-11-05。"),
    opinions=(
        DemoOpinion("C. Placeholder 医生", LAKESIDE_ZH, PartialDate(2026, 10),
                    {OpinionField.DIAGNOSIS: "肺腺癌",
                     OpinionField.STAGE: "IIIA 期",
                     OpinionField.TREATMENT_INTENT: TreatmentIntent.CONTROL.value,
                     OpinionField.RECOMMENDED_PLAN: "继续度伐利尤单抗，8 周后复查",
                     OpinionField.TESTS_REQUESTED: "PET-CT"}),
        DemoOpinion("河畔医院 MDT", RIVERSIDE_ZH, PartialDate(2026, 11),
                    {OpinionField.DIAGNOSIS: "肺腺癌",
                     OpinionField.STAGE: "如肝脏病灶证实，则为 IVA 期",
                     OpinionField.TREATMENT_INTENT: TreatmentIntent.CONTROL.value,
                     OpinionField.RECOMMENDED_PLAN: "先做肝脏病灶活检，再决定二线治疗",
                     OpinionField.TESTS_REQUESTED: "肝脏活检和分子检测"}),
    ),
    decision="在改变治疗前，请 MDT 给出第二诊疗意见",
    decision_reasons="两位医生对分期和先做什么意见不同。",
    decision_participants="林梅、林军",
    revisit_if="PET-CT 或活检给出明确结果时。",
    goals="林梅希望每周还能照看孙女两天，尽量不长期住院。如果能换来更多状态好的日子，她愿意接受更辛苦一些的治疗。",
)  # fmt: skip

CONTENT = {"en": ENGLISH, "zh": CHINESE}
