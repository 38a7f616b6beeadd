#!/usr/bin/env bash
# Checks report.html and compare.html in a real browser (issue #15): builds
# sumbench, runs it over the embedded corpora, then drives headless Chromium
# over the DevTools protocol (scripts/check_report.py): no JS errors, one
# table row per summarizer, a document opened through the page's own search
# box and a best/worst link with its highlights, and PNG screenshots saved
# into docs/. Not run by CI (installing Chromium takes minutes); run by hand.
#
# Usage: scripts/check-report.sh [SCREENSHOT_DIR]   (default: docs/)
set -euo pipefail
cd "$(dirname "$0")/.."
shots="${1:-docs}"

if ! command -v chromium >/dev/null 2>&1; then
    echo "installing chromium (Debian package)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

cargo build --quiet
bin="${CARGO_TARGET_DIR:-target}/debug/sumbench"

venv="${SUMBENCH_CHECK_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/sumbench-check-report-venv}"
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
fi
"$venv/bin/pip" install --quiet --disable-pip-version-check 'websocket-client>=1.6,<2'

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
"$bin" run --quiet --out "$tmp/base" --seed 1 >/dev/null
"$bin" run --quiet --out "$tmp/new" --seed 2 >/dev/null
"$bin" compare "$tmp/base" "$tmp/new" --html "$tmp/compare.html" >/dev/null
ls -l "$tmp/base/report.html" "$tmp/compare.html" | awk '{print $5, $NF}'
"$venv/bin/python" scripts/check_report.py "$tmp/base/report.html" "$tmp/compare.html" "$shots"
