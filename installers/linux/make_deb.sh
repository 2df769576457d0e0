#!/usr/bin/env bash
# Pack the one-folder Linux build into a Debian package, casebook_<version>_<arch>.deb.
#   installers/build_linux.sh                                 (first: builds dist/casebook)
#   installers/linux/make_deb.sh [DIST_DIR] [OUT_DIR]         (defaults: dist, dist)
#   DEB_COMPRESSION=zstd DEB_LEVEL=1 installers/linux/make_deb.sh …   (fastest, for tests: an
#   uncompressed package writes and reads three times the bytes and took twice as long)
# Install with `sudo apt-get install ./casebook_<version>_<arch>.deb` (apt fetches the few
# system libraries Qt needs), remove with `sudo apt-get remove casebook`. The package holds:
#   /opt/casebook/                         the app (PyInstaller one-folder build)
#   /usr/bin/casebook                      a launcher, so `casebook` works from any terminal
#   /usr/share/applications/…desktop       the menu entry
#   /usr/share/icons/hicolor/…/apps/…      the icon, 16–512 px and scalable
#   /usr/share/metainfo/…metainfo.xml      AppStream metadata for software centres
#   /usr/share/doc/casebook/copyright      the licence (GPL-3.0-or-later) and the bundled parts
# The desktop database and icon cache are refreshed by dpkg's own triggers, so the package needs
# no maintainer scripts, and removing it leaves nothing under /opt or /usr. Binders are never
# touched. Built with dpkg-deb only (no debhelper), owned by root, with fixed timestamps.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
dist=$(realpath -m "${1:-dist}")
out=$(realpath -m "${2:-$dist}")
app="$dist/casebook"
if [[ ! -x "$app/casebook" ]]; then
    echo "make_deb: no built app in $app (run installers/build_linux.sh first)" >&2
    exit 1
fi
command -v dpkg-deb >/dev/null || { echo "make_deb: dpkg-deb is needed (Debian/Ubuntu)" >&2; exit 1; }
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' "$root/pyproject.toml" | head -n 1)
arch=$(dpkg --print-architecture)
id=org.casebook.Casebook
sizes=(16 24 32 48 64 128 256 512)
compression=${DEB_COMPRESSION:-xz}
level=${DEB_LEVEL:-6}

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
pkg="$stage/casebook_${version}_${arch}"
mkdir -p "$pkg/DEBIAN" "$pkg/opt" "$pkg/usr/bin" "$pkg/usr/share/applications" \
    "$pkg/usr/share/metainfo" "$pkg/usr/share/doc/casebook"
cp -a "$app" "$pkg/opt/casebook"
cat > "$pkg/usr/bin/casebook" <<'LAUNCHER'
#!/bin/sh
# Casebook's launcher: the app itself lives in /opt/casebook.
exec /opt/casebook/casebook "$@"
LAUNCHER
cp "$root/resources/linux/$id.desktop" "$pkg/usr/share/applications/"
cp "$root/resources/linux/$id.metainfo.xml" "$pkg/usr/share/metainfo/"
for size in "${sizes[@]}"; do
    mkdir -p "$pkg/usr/share/icons/hicolor/${size}x${size}/apps"
    cp "$root/resources/icons/casebook-$size.png" "$pkg/usr/share/icons/hicolor/${size}x${size}/apps/$id.png"
done
mkdir -p "$pkg/usr/share/icons/hicolor/scalable/apps"
cp "$root/resources/icons/casebook.svg" "$pkg/usr/share/icons/hicolor/scalable/apps/$id.svg"
{
    echo "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/"
    echo "Upstream-Name: Casebook"
    echo "Comment: /opt/casebook holds a PyInstaller build: Python, Qt (PySide6, LGPL-3.0)"
    echo " and the Python libraries listed in Casebook's README, each under its own licence"
    echo " (the licence files travel beside them in /opt/casebook/_internal)."
    echo
    echo "Files: *"
    echo "Copyright: The Casebook team"
    echo "License: GPL-3.0-or-later"
    echo " On Debian systems the full text is in /usr/share/common-licenses/GPL-3."
} > "$pkg/usr/share/doc/casebook/copyright"

# Modes as Debian expects them, whatever the umask of whoever built the app.
find "$pkg" -type d -exec chmod 0755 {} +
find "$pkg" -type f -exec chmod 0644 {} +
find "$app" -type f -perm -u+x -printf '%P\n' | while read -r relative; do
    chmod 0755 "$pkg/opt/casebook/$relative"
done
chmod 0755 "$pkg/usr/bin/casebook"

installed_kib=$(du -sk --exclude=DEBIAN "$pkg" | cut -f1)
# The system libraries Qt's xcb and wayland plugins load (everything else is inside the app).
depends="libc6, libegl1, libgl1, libopengl0, libglib2.0-0, libfontconfig1, libfreetype6,"
depends+=" libdbus-1-3, libxkbcommon0, libxkbcommon-x11-0, libx11-6, libx11-xcb1, libxcb1,"
depends+=" libxcb-cursor0, libxcb-glx0, libxcb-icccm4, libxcb-image0, libxcb-keysyms1,"
depends+=" libxcb-randr0, libxcb-render0, libxcb-render-util0, libxcb-shape0, libxcb-shm0,"
depends+=" libxcb-sync1, libxcb-util1, libxcb-xfixes0, libxcb-xinerama0, libxcb-xkb1,"
depends+=" libwayland-client0, libwayland-cursor0, libwayland-egl1"
cat > "$pkg/DEBIAN/control" <<CONTROL
Package: casebook
Version: $version
Architecture: $arch
Maintainer: The Casebook team <casebook@example.org>
Installed-Size: $installed_kib
Depends: $depends
Section: misc
Priority: optional
Description: encrypted case binder for a cancer second-opinion request
 Casebook helps a family gather the medical records a hospital's tumour board
 needs for a second opinion, keeps them in an encrypted binder on this computer,
 shows what is still missing, and exports a sealed bundle (7-Zip, DICOM, PDF)
 that the hospital opens with ordinary tools. It organises; it never gives
 medical advice. English and Simplified Chinese.
CONTROL

# Fixed timestamps: the version's commit time when git is there, else the pyproject's mtime.
stamp=$(git -C "$root" log -1 --format=%ct 2>/dev/null || stat -c %Y "$root/pyproject.toml")
find "$pkg" -exec touch -h -d "@$stamp" {} +
mkdir -p "$out"
deb="$out/casebook_${version}_${arch}.deb"
SOURCE_DATE_EPOCH=$stamp dpkg-deb --root-owner-group "-Z$compression" "-z$level" \
    --build "$pkg" "$deb" >/dev/null
echo "$deb: $(du -h "$deb" | cut -f1) ($((installed_kib / 1024)) MiB installed)"
