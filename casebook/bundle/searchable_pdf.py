"""A photographed page as a searchable PDF: the picture, with the text read from it laid over
it invisibly, where each line was read — what a hospital's PDF reader searches and copies.

When the family corrected the text, their text is laid over the page instead (line by line from
the top, since a correction has no positions). The PDF is made deterministically (same picture
and text, same bytes), so the bundle can record its size and SHA-256 when planning and write it
again when sealing. It decodes an untrusted picture, so it runs in an isolated worker process.
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from typing import Any

from PIL import Image, ImageOps
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from casebook.bundle.pdf_fonts import CJK, LATIN, register_fonts, split_runs
from casebook.core.pdf_writing import one_pdf_at_a_time

PAGE_WIDTH_PT = 595.0  # A4's width; the height follows the picture
MAX_SIDE_PX = 3000  # pictures are embedded at up to this size (enough to read and print)
JPEG_QUALITY = 85


def _picture(data: bytes) -> Image.Image:
    try:
        import pillow_heif

        pillow_heif.register_heif_opener()
    except ImportError:  # pragma: no cover - a dependency of Casebook
        pass
    image = ImageOps.exif_transpose(Image.open(io.BytesIO(data)))
    image = image.convert("RGB")
    image.thumbnail((MAX_SIDE_PX, MAX_SIDE_PX))
    return image


def _text_width(text: str, size: float) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return float(
        sum(stringWidth(run, CJK if cjk else LATIN, size) for run, cjk in split_runs(text))
    )


def _draw_line(
    canvas: Canvas, text: str, box: Sequence[Sequence[float]], scale: float, height: float
) -> None:
    """Invisible text across the line's box (in PDF points, y up). Drawn level even when the
    photo's line is slightly tilted: PDF readers search and copy level text reliably, and the
    box's width and height still place it over the line."""
    corners = [(float(x), float(y)) for x, y in box[:4]]
    line_height = math.dist(corners[0], corners[3]) * scale
    left = min(x for x, _y in corners) * scale
    right = max(x for x, _y in corners) * scale
    bottom = max(y for _x, y in corners) * scale
    if line_height <= 0 or right <= left or not text.strip():
        return
    size = max(1.0, line_height * 0.8)
    natural = _text_width(text, size)
    text_object = canvas.beginText(left, height - bottom + line_height * 0.2)
    text_object.setTextRenderMode(3)  # invisible: searchable and selectable, not drawn
    text_object.setHorizScale(100.0 * (right - left) / natural if natural else 100.0)
    for run, cjk in split_runs(text):
        text_object.setFont(CJK if cjk else LATIN, size)
        text_object.textOut(run)
    canvas.drawText(text_object)


@one_pdf_at_a_time
def make_searchable_pdf(
    data: bytes,
    lines: list[dict[str, Any]],
    source_width: int,
    corrected_text: str | None,
    title: str,
) -> bytes:
    """One page: the picture filling it, and the text over it (see the module's docstring).
    `lines` are in the pixels of the picture as shown, `source_width` pixels wide."""
    register_fonts()
    picture = _picture(data)
    width = PAGE_WIDTH_PT
    height = width * picture.height / picture.width
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(width, height), invariant=True, pageCompression=1)
    canvas.setTitle(title)
    canvas.setCreator("Casebook")
    jpeg = io.BytesIO()
    picture.save(jpeg, "JPEG", quality=JPEG_QUALITY, optimize=True)
    jpeg.seek(0)
    canvas.drawImage(ImageReader(jpeg), 0, 0, width=width, height=height)
    scale = width / (source_width or picture.width)
    if corrected_text is not None:
        size = 10.0
        for number, text in enumerate(corrected_text.splitlines()):
            top = 24 + number * size * 1.3
            left, right = 24 / scale, (width - 24) / scale
            upper, lower = top / scale, (top + size) / scale
            box = [[left, upper], [right, upper], [right, lower], [left, lower]]
            _draw_line(canvas, text, box, scale, height)
    else:
        for line in lines:
            _draw_line(canvas, str(line["text"]), line["box"], scale, height)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
