#!/usr/bin/env bash
# Make a compressed disk image from the PyInstaller bundle dist/Casebook.app (macOS only).
#   installers/macos/make_dmg.sh [DIST_DIR]          (default: dist)
# NOT run on the machine where it was written (Linux): see installers/macos/README.md.
# Uses create-dmg (brew install create-dmg) when present, else plain hdiutil.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
dist=${1:-dist}
app="$dist/Casebook.app"
if [[ "$(uname -s)" != Darwin ]]; then
    echo "make_dmg: disk images are made on macOS (hdiutil); this is $(uname -s)" >&2
    exit 1
fi
if [[ ! -d "$app" ]]; then
    echo "make_dmg: no $app (build it first: see installers/macos/README.md)" >&2
    exit 1
fi
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' "$root/pyproject.toml" | head -n 1)
dmg="$dist/casebook-$version-macos-$(uname -m).dmg"
rm -f "$dmg"

if command -v create-dmg >/dev/null; then
    create-dmg \
        --volname "Casebook $version" \
        --window-size 560 360 --icon-size 112 \
        --icon "Casebook.app" 140 170 --app-drop-link 420 170 \
        --hide-extension "Casebook.app" \
        "$dmg" "$app"
else
    stage=$(mktemp -d)
    trap 'rm -rf "$stage"' EXIT
    cp -R "$app" "$stage/"
    ln -s /Applications "$stage/Applications"
    hdiutil create -volname "Casebook $version" -srcfolder "$stage" -fs HFS+ \
        -format UDZO -imagekey zlib-level=9 -ov "$dmg"
fi
hdiutil verify "$dmg"
echo "$dmg: $(du -h "$dmg" | cut -f1)"
