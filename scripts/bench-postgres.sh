#!/usr/bin/env bash
# make bench, PostgreSQL part: the same 1M-contact demo CRM loaded (once, cached) into a local
# cluster under bench/cache, then `crm-report generate --db postgresql://...` against the floor of
# the server handing over the same columns with `COPY (SELECT ...) TO STDOUT (FORMAT binary)` into
# /dev/null, three runs each, medians, their ratio and peak memory. Targets: ratio <= 1.5, peak < 2 GB.
#   scripts/bench-postgres.sh [SQLITE_DB]
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-3}
CONTACTS=${CONTACTS:-1000000}
DB=${1:-bench/cache/crm-${CONTACTS}.sqlite}
[ -f "$DB" ] || { echo "bench-postgres: $DB not found (scripts/bench.sh creates it)" >&2; exit 2; }
scripts/apt-ensure.sh postgresql time >/dev/null
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
swift build -c release --product crm-report >/dev/null

cluster=$(pwd)/bench/cache/pg-${CONTACTS}
as=()
if [ "$(id -u)" = 0 ]; then as=(runuser -u postgres --); fi
if [ ! -f "$cluster/loaded" ]; then
  rm -rf "$cluster"; mkdir -p "$cluster"
  [ ${#as[@]} -gt 0 ] && chown postgres "$cluster"
  "${as[@]}" "$bin/initdb" -D "$cluster/data" -U crm --auth=trust -E UTF8 --no-locale >/dev/null
fi
port=$(( 20000 + RANDOM % 30000 ))
"${as[@]}" "$bin/pg_ctl" -D "$cluster/data" -l "$cluster/server.log" -w -t 120 \
  -o "-p $port -k $cluster -c listen_addresses=127.0.0.1 -c shared_buffers=512MB -c fsync=off" start >/dev/null
trap '"${as[@]}" "$bin/pg_ctl" -D "$cluster/data" -m fast stop >/dev/null 2>&1 || true' EXIT
trap 'exit 130' INT TERM
url="postgresql://crm@127.0.0.1:$port/postgres?sslmode=disable"
if [ ! -f "$cluster/loaded" ]; then
  echo "bench-postgres: loading $DB into PostgreSQL once (cached in $cluster)"
  /usr/bin/time -f "bench-postgres: copy: %e s, peak %M KB" .build/release/crm-report copy --from "$DB" --to "$url"
  "${as[@]}" touch "$cluster/loaded"
fi

psql=(psql -X -q -h 127.0.0.1 -p "$port" -U crm -d postgres)
# The floor: every contract column of every table, in PostgreSQL's binary COPY format, into /dev/null.
floor() {
  for t in $("${psql[@]}" -A -t -c "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"); do
    "${psql[@]}" -c "COPY (SELECT * FROM public.\"$t\") TO STDOUT (FORMAT binary)" >/dev/null
  done
}
source scripts/bench-runs.sh
interleaved_runs bench-postgres "COPY binary floor" 1.5 "$url"
