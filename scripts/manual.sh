#!/usr/bin/env bash
# The man page, made by swift-argument-parser's own generator: its `generate-manual` tool, the one its
# GenerateManual command plugin runs, reads `crm-report --experimental-dump-help` and writes mdoc, into
# build/man/crm-report.1. The tool is built from the resolved swift-argument-parser checkout in a scratch
# folder of its own: the plugin (`swift package plugin generate-manual`) would rebuild every product in
# release without --static-swift-stdlib and so relink the binary make install and make deb ship.
# The date is the last commit's (or SOURCE_DATE_EPOCH), so the same source gives the same page.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${CRM_REPORT_BIN:-.build/release/crm-report}
[ -x "$bin" ] || { echo "manual: $bin not built (make release)" >&2; exit 2; }
parser=.build/checkouts/swift-argument-parser
[ -f "$parser/Package.swift" ] || { echo "manual: $parser not resolved (swift package resolve)" >&2; exit 2; }
if [ -n "${SOURCE_DATE_EPOCH:-}" ]; then date=$(date -u -d "@$SOURCE_DATE_EPOCH" +%F)
else date=$(git log -1 --format=%cs 2>/dev/null || date -u +%F); fi
swift build --package-path "$parser" --scratch-path .build/generate-manual -c release --product generate-manual >/dev/null
mkdir -p build/man
.build/generate-manual/release/generate-manual "$bin" --date "$date" --section 1 --authors "crm-report authors" \
  --output-directory build/man >/dev/null
[ -s build/man/crm-report.1 ] || { echo "manual: generate-manual wrote no crm-report.1" >&2; exit 3; }
