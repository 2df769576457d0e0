#!/usr/bin/env bash
# Install (or remove) Casebook from the unpacked tarball, for one user or system-wide.
#   ./install.sh                      into ~/.local (no root needed)
#   sudo ./install.sh --prefix /usr/local
#   ./install.sh --uninstall [--prefix DIR]
# Puts the one-folder app in PREFIX/lib/casebook, a `casebook` link in PREFIX/bin, the menu entry
# in PREFIX/share/applications, the icons in PREFIX/share/icons/hicolor and the AppStream
# metadata in PREFIX/share/metainfo. Casebook keeps binders where the user saves them; removing
# the program never touches them.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
prefix="${HOME}/.local"
action=install
while [[ $# -gt 0 ]]; do
    case "$1" in
        --prefix) prefix="$2"; shift 2 ;;
        --uninstall) action=uninstall; shift ;;
        *) echo "usage: $0 [--prefix DIR] [--uninstall]" >&2; exit 2 ;;
    esac
done
id=org.casebook.Casebook
sizes=(16 24 32 48 64 128 256 512)

if [[ $action == uninstall ]]; then
    rm -rf "$prefix/lib/casebook"
    rm -f "$prefix/bin/casebook" "$prefix/share/applications/$id.desktop" \
        "$prefix/share/metainfo/$id.metainfo.xml" "$prefix/share/icons/hicolor/scalable/apps/$id.svg"
    for size in "${sizes[@]}"; do
        rm -f "$prefix/share/icons/hicolor/${size}x${size}/apps/$id.png"
    done
    echo "Casebook removed from $prefix (binders are kept where you saved them)."
    exit 0
fi

mkdir -p "$prefix/lib" "$prefix/bin" "$prefix/share/applications" "$prefix/share/metainfo"
rm -rf "$prefix/lib/casebook"
cp -a "$here/casebook" "$prefix/lib/casebook"
ln -sfn "$prefix/lib/casebook/casebook" "$prefix/bin/casebook"
# The menu entry names the installed program by its full path: ~/.local/bin may not be on PATH.
sed -e "s|^Exec=casebook|Exec=$prefix/bin/casebook|" \
    -e "s|^TryExec=casebook|TryExec=$prefix/bin/casebook|" \
    "$here/share/$id.desktop" > "$prefix/share/applications/$id.desktop"
cp "$here/share/$id.metainfo.xml" "$prefix/share/metainfo/"
for size in "${sizes[@]}"; do
    mkdir -p "$prefix/share/icons/hicolor/${size}x${size}/apps"
    cp "$here/share/icons/casebook-$size.png" "$prefix/share/icons/hicolor/${size}x${size}/apps/$id.png"
done
mkdir -p "$prefix/share/icons/hicolor/scalable/apps"
cp "$here/share/icons/casebook.svg" "$prefix/share/icons/hicolor/scalable/apps/$id.svg"
# Refresh the desktop's caches where the tools exist (they are optional).
if command -v update-desktop-database >/dev/null; then
    update-desktop-database -q "$prefix/share/applications" || true
fi
if command -v gtk-update-icon-cache >/dev/null; then
    gtk-update-icon-cache -q -t "$prefix/share/icons/hicolor" || true
fi
echo "Casebook installed in $prefix: start it from the menu or with $prefix/bin/casebook"
