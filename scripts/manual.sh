#!/usr/bin/env bash
# The man page, made by swift-argument-parser's own generator (its `generate-manual` command plugin, which
# runs the tool's --experimental-dump-help and writes mdoc), into build/man/crm-report.1. The date is the
# last commit's (or SOURCE_DATE_EPOCH), so the same source gives the same page.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -n "${SOURCE_DATE_EPOCH:-}" ]; then date=$(date -u -d "@$SOURCE_DATE_EPOCH" +%F)
else date=$(git log -1 --format=%cs 2>/dev/null || echo 2026-12-07); fi
swift package --disable-sandbox plugin generate-manual --date "$date" \
  --authors "crm-report authors" >/dev/null
page=$(find .build/plugins/GenerateManual/outputs -name crm-report.1 | head -1)
[ -n "$page" ] || { echo "manual: generate-manual wrote no crm-report.1" >&2; exit 3; }
mkdir -p build/man
cp "$page" build/man/crm-report.1
