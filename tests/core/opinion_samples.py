"""Three fictional opinions on one case (English and Chinese), used by the opinion tests."""

from __future__ import annotations

from casebook.core.model import PartialDate
from casebook.core.opinions import (
    NOT_STATED,
    FieldValue,
    Opinion,
    OpinionField,
    SourceKind,
    TreatmentIntent,
)

F = OpinionField


def _fields(values: dict[OpinionField, str | FieldValue]) -> dict[OpinionField, FieldValue]:
    return {k: v if isinstance(v, FieldValue) else FieldValue(v) for k, v in values.items()}


def dr_chen() -> Opinion:
    return Opinion(
        source_name="Dr Wei Chen",
        institution="Ruijin Hospital, Shanghai",
        country="China",
        given_on=PartialDate(2025, 1, 10),
        fields=_fields(
            {
                F.DIAGNOSIS: "Pancreatic ductal adenocarcinoma",
                F.SUBTYPE: NOT_STATED,
                F.STAGE: "Borderline resectable (cT3 N1 M0)",
                F.MOLECULAR_FINDINGS: "KRAS G12D; germline BRCA not yet tested",
                F.TREATMENT_INTENT: TreatmentIntent.CURATIVE.value,
                F.RECOMMENDED_PLAN: "Chemotherapy (mFOLFIRINOX), then surgery",
                F.SEQUENCE_TIMING: "chemotherapy first",
                F.ALTERNATIVES: "Chemoradiotherapy before surgery",
                F.EXPECTED_BENEFITS: "A better chance that surgery removes all of the tumour",
                F.MAIN_RISKS: "Tiredness, nerve tingling, low blood counts",
                F.WHAT_WOULD_CHANGE: "Growth of the tumour on the CT after two months",
                F.TESTS_REQUESTED: "Germline BRCA testing",
                F.FOLLOW_UP: "CT scan every two months",
                F.REASONING: "The tumour touches the vein; chemotherapy may shrink it first.",
                F.FAMILY_NOTES: "他说话很耐心，解释得很清楚。",
            }
        ),
    )


def dr_mueller() -> Opinion:
    return Opinion(
        source_name="Dr Anna Müller",
        institution="Heidelberg University Hospital",
        country="Germany",
        given_on=PartialDate(2025, 1, 24),
        fields=_fields(
            {
                F.DIAGNOSIS: "pancreatic ductal  adenocarcinoma.",
                F.STAGE: "Resectable (cT2 N0 M0)",
                F.TREATMENT_INTENT: TreatmentIntent.CURATIVE.value,
                F.RECOMMENDED_PLAN: "Surgery (Whipple procedure), then chemotherapy",
                F.SEQUENCE_TIMING: "surgery first",
                F.CLINICAL_TRIALS: "PREOPANC-3 trial",
                F.MAIN_RISKS: "Complications of surgery; slow recovery",
                F.FOLLOW_UP: "CT scan every three months",
                F.REASONING: "The vein contact is minimal on the latest images.",
            }
        ),
    )


def fudan_mdt() -> Opinion:
    return Opinion(
        source_name="胰腺肿瘤MDT",
        source_kind=SourceKind.MDT,
        institution="复旦大学附属肿瘤医院",
        country="China",
        given_on=PartialDate(2025, 2),
        fields=_fields(
            {
                F.DIAGNOSIS: "Pancreatic ductal adenocarcinoma",
                F.STAGE: "交界可切除 (borderline resectable)",
                F.TREATMENT_INTENT: TreatmentIntent.CURATIVE.value,
                F.RECOMMENDED_PLAN: "新辅助化疗后评估手术 (chemotherapy, then surgery)",
                F.SEQUENCE_TIMING: "chemotherapy first",
                F.TESTS_REQUESTED: "PET-CT",
            }
        ),
    )
