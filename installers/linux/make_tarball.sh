#!/usr/bin/env bash
# Pack the one-folder Linux build into casebook-<version>-linux-<arch>.tar.gz, ready to hand out.
#   installers/build_linux.sh                       (first: builds and self-tests dist/casebook)
#   installers/linux/make_tarball.sh [DIST_DIR] [OUT_DIR]     (defaults: dist, dist)
# The tarball holds one folder, casebook-<version>/, with the app (casebook/), install.sh and
# share/ (menu entry, icons, AppStream metadata). Users unpack it and run ./install.sh, or run
# ./casebook/casebook in place. The archive is reproducible: sorted names, fixed owner and times.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
dist=$(realpath -m "${1:-dist}")
out=$(realpath -m "${2:-$dist}")
app="$dist/casebook"
if [[ ! -x "$app/casebook" ]]; then
    echo "make_tarball: no built app in $app (run installers/build_linux.sh first)" >&2
    exit 1
fi
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' "$root/pyproject.toml" | head -n 1)
arch=$(uname -m)
name="casebook-$version"
id=org.casebook.Casebook

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
mkdir -p "$stage/$name/share/icons"
cp -a "$app" "$stage/$name/casebook"
cp "$root/installers/linux/install.sh" "$stage/$name/"
cp "$root/installers/linux/README.md" "$stage/$name/README-linux.md"
cp "$root/resources/linux/$id.desktop" "$root/resources/linux/$id.metainfo.xml" "$stage/$name/share/"
cp "$root/resources/icons/"casebook*.png "$root/resources/icons/casebook.svg" "$stage/$name/share/icons/"
chmod 755 "$stage/$name/install.sh"

mkdir -p "$out"
tarball="$out/$name-linux-$arch.tar.gz"
# A fixed time: the version's source date when git is there, else the pyproject's mtime.
stamp=$(git -C "$root" log -1 --format=%ct 2>/dev/null || stat -c %Y "$root/pyproject.toml")
tar -C "$stage" --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$stamp" \
    -cf - "$name" | gzip -n -9 > "$tarball"
echo "$tarball: $(du -h "$tarball" | cut -f1) ($(du -sh "$app" | cut -f1) unpacked)"
