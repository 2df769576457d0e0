"""README.TXT: what the bundle is, who sent it, how to open and check it, in English and Chinese.

Plain UTF-8 text with a byte-order mark and CRLF line ends, so that Notepad on any Windows shows
the Chinese correctly and every other system ignores both.
"""

from __future__ import annotations

from casebook.bundle.layout import CHECKSUMS_NAME, DICOMDIR_NAME, INDEX_NAME, MANIFEST_NAME
from casebook.bundle.plan import BundlePlan


def _sender_line(plan: BundlePlan, chinese: bool) -> str:
    sender = plan.sender
    if not sender.name:
        return "患者家属" if chinese else "the patient's family"
    parts = [sender.name]
    if sender.relationship:
        parts.append(f"（{sender.relationship}）" if chinese else f"({sender.relationship})")
    if sender.contact:
        parts.append(f"，{sender.contact}" if chinese else f", {sender.contact}")
    return "".join(parts) if chinese else " ".join(parts).replace(" ,", ",")


def _recipient_line(plan: BundlePlan) -> str:
    recipient = plan.recipient
    fields = (recipient.contact, recipient.department, recipient.institution, recipient.country)
    return ", ".join(field for field in fields if field)


def _english(plan: BundlePlan, summaries: list[str]) -> list[str]:
    return [
        "CASE RECORDS FOR A SECOND OPINION",
        "=================================",
        "",
        f"Patient:      {plan.case.patient_name}",
        f"For:          {_recipient_line(plan)}",
        f"Sent by:      {_sender_line(plan, chinese=False)}",
        f"Prepared on:  {plan.created_on}",
        "",
        "This folder holds the medical records of the patient named above, collected by the",
        "family with Casebook and sent to you to request a multidisciplinary (MDT) second",
        "opinion. Casebook organises records; it does not give medical advice.",
        "",
        "WHAT IS INSIDE",
        f"  {', '.join(summaries)}  the case summary and cover letter (start here)",
        f"  {INDEX_NAME}      a list of every file with links; open it in any web browser",
        "  DOCUMENTS/     the documents exactly as received, in folders by kind of record",
        f"  {DICOMDIR_NAME} and DICOM/  the imaging as a standard DICOM file-set: open the",
        "                 DICOMDIR with your DICOM viewer or PACS import",
        f"  {CHECKSUMS_NAME}     the SHA-256 checksum of every file",
        f"  {MANIFEST_NAME}  the same list in machine-readable form",
        "",
        "HOW TO OPEN THE ARCHIVE",
        "  The records arrive as an encrypted 7z archive (AES-256), sometimes split into parts",
        "  named .7z.001, .7z.002 ... Keep all parts in one folder and open the first one.",
        "  The password reaches you separately (by phone or a separate message).",
        "  Windows: 7-Zip (https://www.7-zip.org) - right-click the file, 7-Zip, Extract.",
        "  macOS:   Keka or The Unarchiver.",
        "  Linux:   p7zip or 7-Zip: 7z x FILE.7z.001",
        "",
        "HOW TO CHECK THAT NOTHING WAS CHANGED",
        "  Compare the SHA-256 of each archive part with the cover sheet sent with the",
        "  password. After extracting, check every file against SHA256SUMS:",
        "  Linux/macOS:  sha256sum -c SHA256SUMS   (macOS: shasum -a 256 -c SHA256SUMS)",
        "  Windows:      certutil -hashfile FILE SHA256",
        "  PowerShell:   Get-FileHash -Algorithm SHA256 FILE",
        "  Every file should be reported OK, or show the same value as in SHA256SUMS.",
    ]


def _chinese(plan: BundlePlan, summaries: list[str]) -> list[str]:
    return [
        "第二诊疗意见病历资料",
        "====================",
        "",
        f"患者：      {plan.case.patient_name}",
        f"收件方：    {_recipient_line(plan)}",
        f"发送人：    {_sender_line(plan, chinese=True)}",
        f"整理日期：  {plan.created_on}",
        "",
        "本文件夹包含上述患者的病历资料，由家属使用 Casebook 整理，",
        "发送给贵院以申请多学科会诊（MDT）第二诊疗意见。",
        "Casebook 仅用于整理病历，不提供任何医疗建议。",
        "",
        "内容",
        f"  {', '.join(summaries)}  病例摘要与申请信（请先阅读）",
        f"  {INDEX_NAME}      全部文件的目录与链接，可用任何浏览器打开",
        "  DOCUMENTS/     原样保存的文件，按资料类别分文件夹",
        f"  {DICOMDIR_NAME} 与 DICOM/  标准 DICOM 文件集，请用 DICOM 阅片软件或 PACS 导入 DICOMDIR",
        f"  {CHECKSUMS_NAME}     每个文件的 SHA-256 校验值",
        f"  {MANIFEST_NAME}  机器可读的文件清单",
        "",
        "如何打开压缩包",
        "  资料为加密的 7z 压缩包（AES-256），可能分为 .7z.001、.7z.002 … 多个分卷。",
        "  请将所有分卷放在同一文件夹，打开第一个分卷。密码通过电话或另一渠道单独发送。",
        "  Windows：7-Zip（https://www.7-zip.org），右键文件 → 7-Zip → 解压。",
        "  macOS：Keka 或 The Unarchiver。",
        "  Linux：p7zip 或 7-Zip：7z x 文件名.7z.001",
        "",
        "如何核对文件未被改动",
        "  请将每个分卷的 SHA-256 与随密码一起发送的封面页核对。解压后按 SHA256SUMS 核对：",
        "  Linux/macOS：sha256sum -c SHA256SUMS（macOS：shasum -a 256 -c SHA256SUMS）",
        "  Windows：    certutil -hashfile 文件名 SHA256",
        "  PowerShell： Get-FileHash -Algorithm SHA256 文件名",
        "  每个文件都应显示 OK，或与 SHA256SUMS 中的值相同。",
    ]


def render_readme(plan: BundlePlan, summary_names: list[str]) -> bytes:
    """README.TXT in English, then Chinese."""
    lines = [*_english(plan, summary_names), "", "", *_chinese(plan, summary_names), ""]
    return ("\ufeff" + "\r\n".join(lines)).encode("utf-8")
