#!/usr/bin/env bash
# make bench: the whole run of `crm-report generate` on a 1M-contact demo CRM against the scan floor
# (SQLite handing over every column once, scripts/scan-floor.sql, a copy of the contract's shared/bench), three runs each, medians,
# their ratio, peak memory and processor time against the target's budget; then the stale audit's
# validators alone; then 100 charts. Targets: ratio <= 1.25, peak < 2 GB, 100 charts < 2 s.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-3}
CONTACTS=${CONTACTS:-1000000}
DB=bench/cache/crm-${CONTACTS}.sqlite
# A machine may keep the demo CRM outside the checkout (it takes minutes to make).
[ -f "$DB" ] || [ ! -f "${BENCH_CACHE:-/work/bench-cache}/crm-1m.sqlite" ] || [ "$CONTACTS" != 1000000 ] \
  || DB=${BENCH_CACHE:-/work/bench-cache}/crm-1m.sqlite
FLOOR=scripts/scan-floor.sql
[ -f "$FLOOR" ] || { echo "bench: $FLOOR not found" >&2; exit 2; }

# `swift build` honours one --product only (the last), so each is built by name.
for product in crm-report chart-bench stale-bench; do swift build -c release --static-swift-stdlib --product "$product" >/dev/null; done
mkdir -p bench/cache
if [ ! -f "$DB" ]; then
  echo "bench: creating $DB once (a few minutes; cached, git-ignored)"
  /usr/bin/time -f "bench: demo --contacts $CONTACTS: %e s, peak %M KB" \
    .build/release/crm-report demo --db "$DB" --contacts "$CONTACTS" --seed 1 --as-of 2026-11-22
fi

source scripts/bench-runs.sh
floor() { sqlite3 -readonly "$DB" < "$FLOOR" >/dev/null; }
interleaved_runs bench "scan floor" 1.25 "$DB" budget
# The stale-contact audit apart from the read, and its validators alone on one core: libphonenumber's
# share of the processor-time budget above is spent inside the library, whatever crm-report does.
STALE_BENCH_DETAIL=1 .build/release/stale-bench "$DB" 2026-11-22 1 | sed 's/^/bench: stale audit: /'
.build/release/chart-bench
# The PostgreSQL source on the same CRM (skip with PG_BENCH=0).
[ "${PG_BENCH:-1}" = 0 ] || scripts/bench-postgres.sh "$DB"
