"""A clear sentence instead of Qt's bare "could not load the Qt platform plugin" on Linux.

Checked before Qt starts: is there a display at all, and can the X11 plugin load its system
libraries? (`tools/check_qt_display.sh`, used by `make demo`, also installs them.)

Run on every start of the app, so what only a missing display or an X11 session needs (the
command line's messages, `ldd`) is imported only there.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

_HEADLESS_PLATFORMS = ("offscreen", "minimal", "vnc")


def _xcb_plugin() -> Path | None:
    try:
        import PySide6

        root = Path(PySide6.__file__).parent
    except ImportError:
        return None
    plugin = root / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    return plugin if plugin.exists() else None


def missing_xcb_libraries() -> list[str]:
    """Shared libraries the Qt X11 plugin needs but this system lacks (via ldd)."""
    import shutil
    import subprocess

    plugin = _xcb_plugin()
    ldd = shutil.which("ldd")
    if plugin is None or ldd is None:
        return []
    result = subprocess.run([ldd, str(plugin)], capture_output=True, text=True, check=False)
    return sorted(
        line.split("=>")[0].strip() for line in result.stdout.splitlines() if "not found" in line
    )


def explain_missing_display() -> str | None:
    """None when the GUI can start; otherwise what to do, in plain words."""
    if not sys.platform.startswith("linux"):
        return None
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform.startswith(_HEADLESS_PLATFORMS):
        return None
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        from casebook.app.cli_messages import cli_texts

        return cli_texts().gettext(
            "Casebook is a desktop application and needs a display, but no X11 or Wayland "
            "session was found (DISPLAY and WAYLAND_DISPLAY are unset). Start it from your "
            "desktop, or with QT_QPA_PLATFORM=offscreen for screenshots."
        )
    if os.environ.get("DISPLAY") and not platform.startswith("wayland"):
        missing = missing_xcb_libraries()
        if missing:
            from casebook.app.cli_messages import cli_texts

            said = cli_texts().gettext(
                "Qt's X11 support needs system libraries that are not installed: "
                "{libraries}. On Debian/Ubuntu install them as root (tools/check_qt_display.sh "
                "in the source names the packages), e.g. apt-get install libxcb-icccm4 "
                "libxcb-keysyms1."
            )
            return said.format(libraries=", ".join(missing))
    return None
