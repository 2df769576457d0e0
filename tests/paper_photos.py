"""Photographs of paper reports, made in the tests: a bilingual pathology report rendered with
the fonts Casebook ships, then photographed badly — rotated a few degrees or a quarter turn,
dimmed, JPEG-compressed, saved as HEIC or TIFF. Nothing here is stored in the repository."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image, ImageDraw, ImageEnhance, ImageFont

from casebook.resources import resource_path

REPORT_LINES = (
    "病理诊断报告 Pathology Report",
    "姓名：王芳  Name: Wang Fang",
    "报告日期：2025-03-14",
    "诊断：肺腺癌  Diagnosis: lung adenocarcinoma",
    "免疫组化：TTF-1 阳性，Napsin A 阳性",
    "Margins are clear. Ki-67 about 30%.",
)
# An A4 page photographed and passed on by a chat app (about 2 megapixels: WeChat and WhatsApp
# send photos near 1,600 pixels on the long side), the copy a family most often holds. A
# 12-megapixel original read the same in the tests at over half as much time again per photo;
# the reading of huge pictures has its own test (a panorama of 100 megapixels).
AS_SENT_BY_A_CHAT_APP = (1240, 1754)


def _fonts(size: int) -> tuple[ImageFont.FreeTypeFont, ImageFont.FreeTypeFont]:
    latin = ImageFont.truetype(str(resource_path("fonts", "DejaVuSans.ttf")), size)
    cjk = ImageFont.truetype(str(resource_path("fonts", "DroidSansFallbackFull.ttf")), size)
    return latin, cjk


def report_page(
    lines: tuple[str, ...] = REPORT_LINES, size: tuple[int, int] = AS_SENT_BY_A_CHAT_APP
) -> Image.Image:
    """The report as a clean white page, its type a little larger than 12-point (a fiftieth of
    the page's width), as a phone at arm's length sees it."""
    page = Image.new("RGB", size, "white")
    draw = ImageDraw.Draw(page)
    latin, cjk = _fonts(size[0] // 48)
    y = size[1] // 14
    for line in lines:
        x = size[0] // 12
        for ch in line:
            font = cjk if ord(ch) > 0x2E80 else latin
            draw.text((x, y), ch, fill="black", font=font)
            x += draw.textlength(ch, font=font)
        y += size[0] // 16
    return page


def photographed(
    page: Image.Image, *, tilt: float = 0.0, quarter_turns: int = 0, brightness: float = 1.0
) -> Image.Image:
    """The page as a phone sees it: tilted on a grey desk, turned, dimmed."""
    photo = page.rotate(
        tilt, expand=True, fillcolor=(190, 188, 180), resample=Image.Resampling.BICUBIC
    )
    if quarter_turns:
        photo = photo.rotate(90 * quarter_turns, expand=True)
    return ImageEnhance.Brightness(photo).enhance(brightness)


def encoded(image: Image.Image, kind: str, quality: int = 72) -> bytes:
    buffer = io.BytesIO()
    if kind == "heic":
        import pillow_heif

        pillow_heif.register_heif_opener()
        image.save(buffer, "HEIF", quality=quality)
    elif kind == "tiff":
        image.save(buffer, "TIFF", compression="tiff_lzw")
    elif kind == "png":
        image.save(buffer, "PNG")
    else:
        image.save(buffer, "JPEG", quality=quality)
    return buffer.getvalue()


def save(folder: Path, name: str, data: bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(data)
    return path
