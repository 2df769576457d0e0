#!/usr/bin/env bash
# Build the one-folder Linux app into dist/casebook/ and check it with its own self-test.
#   installers/build_linux.sh [DIST_DIR] [WORK_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
DIST=${1:-dist}
WORK=${2:-build}
pyinstaller --noconfirm --clean --log-level WARN --distpath "$DIST" --workpath "$WORK" \
    installers/casebook.spec
QT_QPA_PLATFORM=offscreen "$DIST/casebook/casebook" self-test
du -sh "$DIST/casebook"
