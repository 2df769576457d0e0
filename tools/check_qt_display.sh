#!/usr/bin/env bash
# Check that Qt can open a window here before `make demo` starts Casebook, so a user sees
# "install these Debian packages" instead of Qt's bare "could not load the Qt platform plugin".
#
#   tools/check_qt_display.sh [PYTHON]      PYTHON defaults to .venv/bin/python
#
# Exit 0: ready (or QT_QPA_PLATFORM=offscreen/minimal/vnc, which need no display).
# Exit 2: no display at all.  Exit 3: system libraries missing and we may not install them.
# As root (with apt-get) the missing packages are installed; set CASEBOOK_NO_APT=1 to prevent it.
set -euo pipefail

PYTHON=${1:-.venv/bin/python}

say() { printf '%s\n' "$*" >&2; }

case "${QT_QPA_PLATFORM:-}" in
    offscreen*|minimal*|vnc*) exit 0 ;;
esac

if [[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" ]]; then
    say "Casebook is a desktop application and needs a display, but neither DISPLAY nor"
    say "WAYLAND_DISPLAY is set (no X11 or Wayland session here)."
    say ""
    say "  - On a desktop: run 'make demo' from a terminal inside your graphical session."
    say "  - Over SSH: connect with 'ssh -X' (X11 forwarding) or use the machine's own desktop."
    say "  - Without any display (e.g. to take screenshots), Qt can render offscreen:"
    say "        QT_QPA_PLATFORM=offscreen .venv/bin/casebook --demo"
    say "    nothing appears on screen then; pages can be grabbed to PNG (QWidget.grab())."
    exit 2
fi

qt_dir=$("$PYTHON" -c 'import os, PySide6; print(os.path.join(os.path.dirname(PySide6.__file__), "Qt"))')
plugins="$qt_dir/plugins"

# The platform plugins Qt will try for this session, with the integrations they load at start.
candidates=()
if [[ -n "${DISPLAY:-}" ]]; then
    candidates+=("$plugins/platforms/libqxcb.so" "$plugins/xcbglintegrations/libqxcb-glx-integration.so")
fi
if [[ -n "${WAYLAND_DISPLAY:-}" ]]; then
    candidates+=("$plugins/platforms/libqwayland.so"
                 "$plugins/wayland-shell-integration/libxdg-shell.so"
                 "$plugins/wayland-graphics-integration-client/libqt-plugin-wayland-egl.so")
fi

# Debian 12 package for each shared library the Qt 6 platform plugins link against (from ldd
# on PySide6 6.12's libqxcb.so / libqwayland.so and their integrations, mapped with dpkg -S).
package_for() {
    case "$1" in
        libxcb-icccm.so.*) echo libxcb-icccm4 ;;
        libxcb-keysyms.so.*) echo libxcb-keysyms1 ;;
        libxcb-cursor.so.*) echo libxcb-cursor0 ;;
        libxcb-image.so.*) echo libxcb-image0 ;;
        libxcb-render-util.so.*) echo libxcb-render-util0 ;;
        libxcb-randr.so.*) echo libxcb-randr0 ;;
        libxcb-render.so.*) echo libxcb-render0 ;;
        libxcb-shape.so.*) echo libxcb-shape0 ;;
        libxcb-shm.so.*) echo libxcb-shm0 ;;
        libxcb-sync.so.*) echo libxcb-sync1 ;;
        libxcb-util.so.*) echo libxcb-util1 ;;
        libxcb-xfixes.so.*) echo libxcb-xfixes0 ;;
        libxcb-xkb.so.*) echo libxcb-xkb1 ;;
        libxcb-glx.so.*) echo libxcb-glx0 ;;
        libxcb-xinerama.so.*) echo libxcb-xinerama0 ;;
        libxcb-xinput.so.*) echo libxcb-xinput0 ;;
        libxcb.so.*) echo libxcb1 ;;
        libX11-xcb.so.*) echo libx11-xcb1 ;;
        libX11.so.*) echo libx11-6 ;;
        libXau.so.*) echo libxau6 ;;
        libXdmcp.so.*) echo libxdmcp6 ;;
        libxkbcommon-x11.so.*) echo libxkbcommon-x11-0 ;;
        libxkbcommon.so.*) echo libxkbcommon0 ;;
        libwayland-client.so.*) echo libwayland-client0 ;;
        libwayland-cursor.so.*) echo libwayland-cursor0 ;;
        libwayland-egl.so.*) echo libwayland-egl1 ;;
        libEGL.so.*) echo libegl1 ;;
        libGL.so.*) echo libgl1 ;;
        libGLX.so.*) echo libglx0 ;;
        libGLdispatch.so.*) echo libglvnd0 ;;
        libOpenGL.so.*) echo libopengl0 ;;
        libfontconfig.so.*) echo libfontconfig1 ;;
        libfreetype.so.*) echo libfreetype6 ;;
        libdbus-1.so.*) echo libdbus-1-3 ;;
        libglib-2.0.so.*|libgthread-2.0.so.*) echo libglib2.0-0 ;;
        libpng16.so.*) echo libpng16-16 ;;
        libgssapi_krb5.so.*) echo libgssapi-krb5-2 ;;
        *) return 1 ;;
    esac
}

find_missing() {
    local plugin
    for plugin in "${candidates[@]}"; do
        [[ -e "$plugin" ]] || continue
        ldd "$plugin" 2>/dev/null | awk '/=> not found/ {print $1}'
    done | sort -u
}

missing=$(find_missing)
[[ -z "$missing" ]] && exit 0

packages=()
unknown=()
for lib in $missing; do
    if pkg=$(package_for "$lib"); then packages+=("$pkg"); else unknown+=("$lib"); fi
done
mapfile -t packages < <(printf '%s\n' "${packages[@]}" | sort -u | sed '/^$/d')

if [[ ${#packages[@]} -gt 0 && $(id -u) -eq 0 && -z "${CASEBOOK_NO_APT:-}" ]] \
        && command -v apt-get >/dev/null; then
    say "Qt needs system libraries that are missing; installing: ${packages[*]}"
    export DEBIAN_FRONTEND=noninteractive
    if ! apt-get install -y --no-install-recommends "${packages[@]}" </dev/null; then
        apt-get update </dev/null
        apt-get install -y --no-install-recommends "${packages[@]}" </dev/null
    fi
    missing=$(find_missing)
    [[ -z "$missing" ]] && exit 0
    say "Still missing after installing: $(echo $missing)"
    exit 3
fi

say "Qt cannot open a window here: its platform plugin needs system libraries that are missing:"
say "    $(echo $missing)"
if [[ ${#packages[@]} -gt 0 ]]; then
    say "Install them (Debian/Ubuntu) with:"
    say "    sudo apt-get install ${packages[*]}"
fi
if [[ ${#unknown[@]} -gt 0 ]]; then
    say "Find the package for the other libraries with: apt-file search ${unknown[*]}"
fi
say "Then run 'make demo' again."
exit 3
