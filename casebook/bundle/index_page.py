"""INDEX.HTM: a plain XHTML 1.0 Strict page for the hospital, readable in any browser.

The summaries first, then every document by its title (linked to its file), then each imaging
series as one entry with a small preview, its date, modality, description and image count, and
the checksums. Words are in each chosen language (side by side when both); dates are written for
people (2024-03-05). Previews are JPEG files under IHE_PDI/ (IHE PDI's place for web content),
made at sealing time in memory. Every piece of text is escaped; links are percent-encoded
relative paths.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from urllib.parse import quote

from casebook import __version__
from casebook.bundle.layout import (
    CHECKSUMS_NAME,
    DICOMDIR_NAME,
    MANIFEST_NAME,
    README_NAME,
    XDM_METADATA_NAME,
    BundleLayout,
    PlacedDicom,
    original_file,
)
from casebook.bundle.plan import BundlePlan, DocumentItem
from casebook.bundle.words import SLOT_NAMES, instances_text, people_date
from casebook.core.recordings import clock_text
from casebook.texts import N_, texts_for

_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN"
 "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="{lang}" lang="{lang}">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8" />
<title>{title}</title>
<style type="text/css">
body {{ font-family: "Segoe UI", "Noto Sans", "PingFang SC", "Microsoft YaHei", sans-serif;
       max-width: 62em; margin: 2em auto; padding: 0 1em; line-height: 1.5; color: #222; }}
h1 {{ font-size: 1.6em; margin-bottom: 0.2em; }}
h2 {{ font-size: 1.2em; margin-top: 1.8em; border-bottom: 1px solid #ccd; }}
table {{ border-collapse: collapse; width: 100%; }}
th, td {{ text-align: left; padding: 0.35em 0.6em; border-bottom: 1px solid #ddd;
         vertical-align: top; }}
th {{ background: #eef1f4; font-weight: 600; }}
td.preview {{ width: 132px; }}
td.preview img {{ display: block; border: 1px solid #ccc; background: #000; }}
.muted {{ color: #666; }}
.number {{ text-align: right; white-space: nowrap; }}
</style>
</head>
<body>
"""

Words = Callable[[str], str]


def _words(languages: tuple[str, ...]) -> Words:
    """A message in every chosen language, joined (" · ") when there are two."""
    texts = [texts_for(language) for language in languages]

    def words(message: str) -> str:
        found: list[str] = []
        for t in texts:
            text = t.gettext(message)
            if text not in found:
                found.append(text)
        return " · ".join(found)

    return words


def _link(path: str, text: str) -> str:
    return f'<a href="{escape(quote(path), quote=True)}">{escape(text)}</a>'


def _size(size: int) -> str:
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1000 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1000
    raise AssertionError("unreachable")


def _header(words: Words, *messages: str) -> str:
    cells = "".join(f"<th>{escape(words(message))}</th>" for message in messages)
    return f"<tr>{cells}</tr>"


def _kind(words: Words, item: DocumentItem) -> str:
    if item.duration_ms is None:
        return words(SLOT_NAMES[item.slot])
    return words(N_("Recording of a consultation, {time}")).format(
        time=clock_text(item.duration_ms)
    )


def _documents(words: Words, languages: tuple[str, ...], layout: BundleLayout) -> list[str]:
    def translation_words(original: str) -> str:
        return " · ".join(
            dict.fromkeys(
                texts_for(language).gettext("translation of {file}").format(file=original)
                for language in languages
            )
        )

    rows = ["<table>", _header(words, N_("Title"), N_("Date"), N_("Kind"), N_("Size"), N_("File"))]
    for placed in layout.documents:
        item = placed.item
        date = item.document_date.iso() if item.document_date else ""
        original = original_file(layout, item)
        paired = (
            f' <span class="muted">({escape(translation_words(original))})</span>'
            if original
            else ""
        )
        rows.append(
            f"<tr><td>{_link(placed.path, item.title or item.original_name)}{paired}</td>"
            f"<td>{escape(date)}</td><td>{escape(_kind(words, item))}</td>"
            f'<td class="number">{escape(_size(item.size))}</td>'
            f'<td class="muted">{escape(placed.path.rsplit("/", 1)[1])}</td></tr>'
        )
    rows.append("</table>")
    return rows


def _series(layout: BundleLayout) -> dict[str, list[PlacedDicom]]:
    found: dict[str, list[PlacedDicom]] = {}
    for placed in layout.dicom:
        found.setdefault(placed.path.rsplit("/", 1)[0], []).append(placed)
    return found


def _imaging(words: Words, languages: tuple[str, ...], layout: BundleLayout) -> list[str]:
    previews = dict(layout.previews)
    how = words(N_("Open it with a DICOM viewer, or import it into your PACS."))
    preview_text = escape(words(N_("Preview")), quote=True)
    lines = [
        f"<p>{_link(DICOMDIR_NAME, DICOMDIR_NAME)}: {escape(how)}</p>",
        "<table>",
        _header(words, N_("Preview"), N_("Date"), N_("Modality"), N_("Description"), N_("Images")),
    ]
    for folder, instances in _series(layout).items():
        first = instances[0].item
        preview = previews.get(first.series_instance_uid)
        picture = (
            f'<a href="{escape(quote(folder), quote=True)}/">'
            f'<img src="{escape(quote(preview), quote=True)}" width="128" height="128" '
            f'alt="{preview_text}" /></a>'
            if preview
            else ""
        )
        description = " · ".join(
            x
            for x in (
                first.study_description,
                f"#{first.series_number}" if first.series_number else "",
                first.series_description,
            )
            if x.strip()
        )
        frames = sum(max(1, p.item.frames) for p in instances)
        count = " · ".join(
            dict.fromkeys(
                instances_text(texts_for(language), len(instances), frames)
                for language in languages
            )
        )
        lines.append(
            f'<tr><td class="preview">{picture}</td>'
            f"<td>{escape(people_date(first.study_date))}</td>"
            f"<td>{escape(first.modality)}</td>"
            f"<td>{_link(folder + '/', description or folder)}</td>"
            f"<td>{escape(count)}</td></tr>"
        )
    lines.append("</table>")
    return lines


def _summary_title(language: str) -> str:
    return texts_for(language).gettext("Case summary")


def _heading(text: str) -> str:
    return f"<h2>{escape(text)}</h2>"


def render_index(plan: BundlePlan, layout: BundleLayout) -> bytes:
    """INDEX.HTM for the tree described by `layout`."""
    languages = plan.languages
    words = _words(languages)
    colon = texts_for(languages[0]).pgettext("title separator", ": ")
    title = words(N_("Case records")) + colon + plan.case.patient_name
    prepared = " · ".join(
        texts_for(language)
        .gettext("Prepared on {date} for {recipient} with Casebook {version}.")
        .format(date=plan.created_on, recipient=plan.recipient.institution, version=__version__)
        for language in languages
    )
    body = [
        _HEAD.format(title=escape(title), lang="zh-CN" if languages[0] == "zh" else "en"),
        f"<h1>{escape(title)}</h1>",
        f'<p class="muted">{escape(prepared)}</p>',
        _heading(words(N_("Start here"))),
        "<ul>",
        *(
            f"<li>{_link(s.path, s.path)}: {escape(_summary_title(s.language))}</li>"
            for s in layout.summaries
        ),
        f"<li>{_link(README_NAME, README_NAME)}</li>",
        "</ul>",
    ]
    if layout.documents:
        body += [_heading(words(N_("Documents"))), *_documents(words, languages, layout)]
    if layout.dicom:
        body += [_heading(words(N_("Imaging"))), *_imaging(words, languages, layout)]
    summaries_again = ", ".join(
        _link(s.xdm_path, s.xdm_path.rsplit("/", 1)[1]) for s in layout.summaries
    )
    xdm = escape(words(N_("IHE XDM submission set")))
    no_advice = escape(words(N_("Casebook organises records and gives no medical advice.")))
    body += [
        _heading(words(N_("For record systems and checking"))),
        "<ul>",
        f"<li>{_link(XDM_METADATA_NAME, XDM_METADATA_NAME)} ({xdm}; {summaries_again})</li>",
        f"<li>{_link(CHECKSUMS_NAME, CHECKSUMS_NAME)} · {_link(MANIFEST_NAME, MANIFEST_NAME)}</li>",
        "</ul>",
        f'<p class="muted">{no_advice}</p>',
        "</body>",
        "</html>",
        "",
    ]
    return "\n".join(body).encode("utf-8")
