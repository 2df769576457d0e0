"""INDEX.HTM: a plain XHTML 1.0 Strict page linking every file, readable in any browser.

Every piece of text is escaped; links are percent-encoded relative paths.
"""

from __future__ import annotations

from html import escape
from urllib.parse import quote

from casebook.bundle.layout import (
    CHECKSUMS_NAME,
    DICOMDIR_NAME,
    MANIFEST_NAME,
    README_NAME,
    BundleLayout,
    slot_folder,
)
from casebook.bundle.plan import BundlePlan

_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN"
 "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en" lang="en">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8" />
<title>{title}</title>
<style type="text/css">
body {{ font-family: sans-serif; max-width: 60em; margin: 2em auto; padding: 0 1em;
       line-height: 1.5; color: #222; }}
table {{ border-collapse: collapse; width: 100%; }}
th, td {{ text-align: left; padding: 0.3em 0.6em; border-bottom: 1px solid #ddd;
         vertical-align: top; }}
.muted {{ color: #666; }}
</style>
</head>
<body>
"""


def _link(path: str, text: str) -> str:
    return f'<a href="{escape(quote(path), quote=True)}">{escape(text)}</a>'


def _documents_table(layout: BundleLayout) -> list[str]:
    rows = [
        "<table>",
        "<tr><th>Document 文件</th><th>Date 日期</th><th>Folder 类别</th><th>Size 大小</th></tr>",
    ]
    for placed in layout.documents:
        item = placed.item
        date = item.document_date.iso() if item.document_date else ""
        rows.append(
            f"<tr><td>{_link(placed.path, item.title or item.original_name)}</td>"
            f"<td>{escape(date)}</td><td>{escape(slot_folder(item.slot))}</td>"
            f"<td>{item.size:,} B</td></tr>"
        )
    rows.append("</table>")
    return rows


def _imaging_list(layout: BundleLayout) -> list[str]:
    lines = [
        f"<p>{_link(DICOMDIR_NAME, DICOMDIR_NAME)} — open with a DICOM viewer "
        "(请用 DICOM 阅片软件打开).</p>",
        "<table>",
        "<tr><th>Study 检查</th><th>Series 序列</th><th>Images 图像</th></tr>",
    ]
    series: dict[tuple[str, str], list[str]] = {}
    labels: dict[tuple[str, str], tuple[str, str]] = {}
    for placed in layout.dicom:
        item = placed.item
        key = (item.study_instance_uid, item.series_instance_uid)
        series.setdefault(key, []).append(placed.path)
        study = " ".join(p for p in (item.study_date, item.study_description) if p)
        serie = " ".join(
            p for p in (item.modality, item.series_number, item.series_description) if p
        )
        labels.setdefault(key, (study, serie))
    for key, paths in series.items():
        study, serie = labels[key]
        links = " ".join(_link(path, path.rsplit("/", 1)[1]) for path in paths)
        lines.append(f"<tr><td>{escape(study)}</td><td>{escape(serie)}</td><td>{links}</td></tr>")
    lines.append("</table>")
    return lines


def render_index(plan: BundlePlan, layout: BundleLayout) -> bytes:
    """INDEX.HTM for the tree described by `layout`."""
    title = f"Case records — {plan.case.patient_name}"
    body = [
        _HEAD.format(title=escape(title)),
        f"<h1>{escape(title)}</h1>",
        f'<p class="muted">Prepared on {escape(plan.created_on)} for '
        f"{escape(plan.recipient.institution)}. 病历资料目录。</p>",
        "<h2>Summary 病例摘要</h2>",
        "<ul>",
        *(f"<li>{_link(path, path)}</li>" for _lang, path in layout.summaries),
        f"<li>{_link(README_NAME, README_NAME)}</li>",
        "</ul>",
    ]
    if layout.documents:
        body += ["<h2>Documents 文件</h2>", *_documents_table(layout)]
    if layout.dicom:
        body += ["<h2>Imaging 影像</h2>", *_imaging_list(layout)]
    body += [
        "<h2>Checking 校验</h2>",
        f"<p>{_link(CHECKSUMS_NAME, CHECKSUMS_NAME)} · {_link(MANIFEST_NAME, MANIFEST_NAME)}</p>",
        '<p class="muted">Casebook organises records and gives no medical advice. '
        "Casebook 仅整理病历，不提供医疗建议。</p>",
        "</body>",
        "</html>",
        "",
    ]
    return "\n".join(body).encode("utf-8")
