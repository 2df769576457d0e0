"""Render casebook.svg to the PNG sizes desktops ask for (run after changing the SVG).

    QT_QPA_PLATFORM=offscreen .venv/bin/python installers/linux/render_icons.py

Writes resources/icons/casebook-<size>.png, casebook.ico (Windows installer), casebook.icns
(macOS bundle) and check.png (the tick in a ticked check box). Uses Qt's SVG renderer and
Pillow, both already installed with Casebook, so no outside tool is needed. The results are
committed; the app does not run this.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICONS = Path(__file__).resolve().parents[2] / "resources" / "icons"


def render(svg: Path, size: int, target: Path) -> None:
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"not a valid SVG: {svg}")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    if not image.save(str(target)):
        raise SystemExit(f"could not write {target}")


def main() -> int:
    _app = QGuiApplication(sys.argv[:1])
    for size in SIZES:
        target = ICONS / f"casebook-{size}.png"
        render(ICONS / "casebook.svg", size, target)
        print(target)
    # The tick of a ticked check box in the app's style sheet (PNG: the frozen app has no SVG).
    render(ICONS / "check.svg", 28, ICONS / "check.png")
    with tempfile.TemporaryDirectory() as temp:
        large = Path(temp) / "casebook-1024.png"
        render(ICONS / "casebook.svg", 1024, large)
        with Image.open(large) as image:
            image.save(ICONS / "casebook.icns")
            image.save(ICONS / "casebook.ico", sizes=[(s, s) for s in SIZES if s <= 256])
    print(ICONS / "casebook.icns", ICONS / "casebook.ico", sep="\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
