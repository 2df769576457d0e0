"""The wording of the case summary PDF in English and Simplified Chinese.

The bundle layer is Qt-free, so these strings live here rather than in Qt's .ts files; the
summary is written for the recipient's language, not the user's interface language.
"""

from __future__ import annotations

from casebook.core.model import RecordKind, SlotStatus

TEXT: dict[str, dict[str, str]] = {
    "en": {
        "title": "Request for a multidisciplinary second opinion",
        "to": "To",
        "from": "From",
        "date": "Date",
        "letter_greeting": "Dear colleagues,",
        "letter_body": (
            "We would be grateful if your multidisciplinary team (MDT) could review the case of "
            "{patient} and give a second opinion. The enclosed package holds the medical "
            "records we have collected, listed below, with imaging as a standard DICOM file-set."
        ),
        "letter_missing": (
            "Some records are not yet available; they are marked below. Please tell us if "
            "anything else would help your review."
        ),
        "letter_close": "With thanks and kind regards,",
        "patient_section": "Patient and diagnosis",
        "patient": "Patient",
        "born": "Date of birth",
        "diagnosis": "Diagnosis in brief",
        "decision_section": "The decision we face",
        "timeline_section": "Timeline",
        "records_section": "Records index",
        "record_kind": "Record",
        "status": "Status",
        "documents": "Files",
        "remarks": "Remarks",
        "requested_on": "requested {date}",
        "requested_from": "from {who}",
        "document_list": "Documents enclosed",
        "doc_date": "Date",
        "doc_title": "Title",
        "doc_file": "File in the package",
        "imaging_section": "Imaging index",
        "study": "Study",
        "series": "Series",
        "images": "Images",
        "imaging_note": "Open DICOMDIR at the root of the package with any DICOM viewer.",
        "key_images": "Key images marked by the family",
        "questions_section": "Questions for the MDT",
        "opinions_section": "Opinions received so far",
        "about_section": "About this summary",
        "about": (
            "This summary was prepared by the patient's family with Casebook, a program that "
            "organises medical records. Casebook gives no medical advice and does not interpret "
            "the records; the documents and images in the package are the originals, unchanged, "
            "and each file's SHA-256 is listed in SHA256SUMS."
        ),
        "page": "Page {n}",
    },
    "zh": {
        "title": "多学科会诊（MDT）第二诊疗意见申请",
        "to": "收件方",
        "from": "发件人",
        "date": "日期",
        "letter_greeting": "尊敬的各位专家：",
        "letter_body": (
            "恳请贵院多学科团队（MDT）审阅患者 {patient} 的病历并给予第二诊疗意见。"
            "随附资料包含我们已收集的病历（见下方目录），影像资料为标准 DICOM 文件集。"
        ),
        "letter_missing": "部分资料尚未取得，已在下方注明。如需其他资料，请告知我们。",
        "letter_close": "衷心感谢！",
        "patient_section": "患者与诊断",
        "patient": "患者",
        "born": "出生日期",
        "diagnosis": "诊断摘要",
        "decision_section": "目前面临的决定",
        "timeline_section": "病程时间线",
        "records_section": "病历资料目录",
        "record_kind": "资料类别",
        "status": "状态",
        "documents": "文件数",
        "remarks": "备注",
        "requested_on": "已于 {date} 申请",
        "requested_from": "向 {who}",
        "document_list": "随附文件",
        "doc_date": "日期",
        "doc_title": "标题",
        "doc_file": "资料包中的文件",
        "imaging_section": "影像资料目录",
        "study": "检查",
        "series": "序列",
        "images": "图像数",
        "imaging_note": "请用任何 DICOM 阅片软件打开资料包根目录下的 DICOMDIR。",
        "key_images": "家属标记的关键图像",
        "questions_section": "希望 MDT 解答的问题",
        "opinions_section": "已获得的意见",
        "about_section": "关于本摘要",
        "about": (
            "本摘要由患者家属使用病历整理软件 Casebook 编制。Casebook 不提供医疗建议，"
            "也不解读病历；资料包中的文件和影像均为原件，未作任何改动，"
            "每个文件的 SHA-256 校验值列于 SHA256SUMS。"
        ),
        "page": "第 {n} 页",
    },
}

SLOT_NAMES: dict[str, dict[RecordKind, str]] = {
    "en": {
        RecordKind.PATHOLOGY: "Pathology",
        RecordKind.IMAGING: "Imaging",
        RecordKind.LABS: "Laboratory results",
        RecordKind.HISTORY: "Medical history",
        RecordKind.PRIOR_TREATMENT: "Prior treatment",
        RecordKind.MOLECULAR: "Molecular / genetic tests",
        RecordKind.OPERATIVE_NOTES: "Operative notes",
        RecordKind.MEDICATIONS: "Medications",
        RecordKind.DIAGNOSIS_PLAN: "Diagnosis and treatment plan",
        RecordKind.DISCHARGE_REFERRAL: "Discharge and referral letters",
        RecordKind.IDENTITY: "Identity documents",
        RecordKind.OTHER: "Other",
    },
    "zh": {
        RecordKind.PATHOLOGY: "病理报告",
        RecordKind.IMAGING: "影像资料",
        RecordKind.LABS: "化验结果",
        RecordKind.HISTORY: "病史",
        RecordKind.PRIOR_TREATMENT: "既往治疗",
        RecordKind.MOLECULAR: "分子/基因检测",
        RecordKind.OPERATIVE_NOTES: "手术记录",
        RecordKind.MEDICATIONS: "用药记录",
        RecordKind.DIAGNOSIS_PLAN: "诊断与治疗方案",
        RecordKind.DISCHARGE_REFERRAL: "出院小结与转诊信",
        RecordKind.IDENTITY: "身份证明",
        RecordKind.OTHER: "其他",
    },
}

STATUS_NAMES: dict[str, dict[SlotStatus, str]] = {
    "en": {
        SlotStatus.MISSING: "Missing",
        SlotStatus.REQUESTED: "Requested",
        SlotStatus.RECEIVED: "Enclosed",
        SlotStatus.NOT_APPLICABLE: "Not applicable",
    },
    "zh": {
        SlotStatus.MISSING: "缺失",
        SlotStatus.REQUESTED: "已申请",
        SlotStatus.RECEIVED: "已附",
        SlotStatus.NOT_APPLICABLE: "不适用",
    },
}
