#!/usr/bin/env bash
# Build the one-folder Linux app into DIST_DIR/casebook/ and check it with its own self-test.
#   installers/build_linux.sh [DIST_DIR] [WORK_DIR]      (defaults: dist, build)
# Uses the project's virtualenv (.venv) unless PYTHON names another interpreter.
# SKIP_SELF_TEST=1 leaves out the self-test at the end, for a caller that checks the build
# itself (the tests run installers/smoke_test.py).
set -euo pipefail
cd "$(dirname "$0")/.."
DIST=${1:-dist}
WORK=${2:-build}
PYTHON=${PYTHON:-.venv/bin/python}
SECONDS=0
# The Chinese catalogue is built from its .ts, never committed; the spec bundles it.
"$PYTHON" tools/translations.py --release
"$PYTHON" -m PyInstaller --noconfirm --log-level WARN --distpath "$DIST" \
    --workpath "$WORK" installers/casebook.spec
echo "built in ${SECONDS}s: $(du -sh "$DIST/casebook" | cut -f1) in $DIST/casebook"
if [[ ${SKIP_SELF_TEST:-0} != 1 ]]; then
    QT_QPA_PLATFORM=offscreen "$DIST/casebook/casebook" self-test
fi
