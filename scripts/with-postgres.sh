#!/usr/bin/env bash
# Runs a command beside a throw-away PostgreSQL cluster: initdb in a temporary folder, pg_ctl start
# on a free local port (127.0.0.1 only, password auth), the connection passed to the command as
#   CRM_TEST_PG_URL       postgresql://crm@127.0.0.1:PORT/postgres?sslmode=disable
#   CRM_TEST_PG_PASSWORD  the cluster's random password (the tests hand it over as PGPASSWORD)
#   CRM_TEST_PG_CA        the CA of the server's TLS certificate (role crm_tls connects over TLS only)
# and the cluster stopped and removed when the command ends, whether it passed or failed.
# Installs Debian's postgresql when missing. Root runs the server as the postgres user (initdb refuses root).
#   scripts/with-postgres.sh swift test --skip-build
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/apt-ensure.sh postgresql >/dev/null

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -x "$bin/initdb" ] || { echo "with-postgres: no PostgreSQL server binaries under /usr/lib/postgresql" >&2; exit 3; }
dir=$(mktemp -d /tmp/crm-pg.XXXXXX)
as=()
if [ "$(id -u)" = 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --home-dir "$dir" postgres
  chown postgres "$dir"
  as=(runuser -u postgres --)
fi
chmod 700 "$dir"

stop() {
  "${as[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap stop EXIT
trap 'exit 130' INT TERM   # so an interrupted run stops the cluster too

password=$(head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n')
"${as[@]}" bash -c "printf '%s\n' '$password' > '$dir/pw'"
"${as[@]}" "$bin/initdb" -D "$dir/data" -U crm --pwfile="$dir/pw" --auth-local=trust --auth-host=scram-sha-256 \
  -E UTF8 --no-locale --no-instructions >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 3; }

free_port() {
  for _ in $(seq 50); do
    local p=$(( 20000 + RANDOM % 30000 ))
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return 0; }
  done
  return 1
}
port=$(free_port) || { echo "with-postgres: no free port" >&2; exit 3; }
# TLS with a throw-away CA (openssl comes with ca-certificates): the server's certificate names
# localhost only, so verify-full passes by that name and fails by 127.0.0.1. The role crm_tls may
# connect over TLS only, which proves a connection was encrypted.
tls=()
if command -v openssl >/dev/null; then
  (cd "$dir" && openssl req -new -x509 -days 2 -nodes -subj "/CN=crm-report test CA" -keyout ca.key -out ca.crt \
     && openssl req -new -nodes -subj "/CN=localhost" -keyout server.key -out server.csr \
     && printf 'subjectAltName=DNS:localhost\n' > san.ext \
     && openssl x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 2 -extfile san.ext -out server.crt) \
     >"$dir/openssl.log" 2>&1 || { cat "$dir/openssl.log" >&2; exit 3; }
  chmod 600 "$dir/server.key"; chmod 644 "$dir/ca.crt"
  [ ${#as[@]} -gt 0 ] && chown postgres "$dir/server.key" "$dir/server.crt"
  tls=(-c ssl=on -c "ssl_cert_file=$dir/server.crt" -c "ssl_key_file=$dir/server.key")
  "${as[@]}" bash -c "{ printf 'hostnossl all crm_tls 127.0.0.1/32 reject\nhostssl all crm_tls 127.0.0.1/32 scram-sha-256\n'; cat '$dir/data/pg_hba.conf'; } > '$dir/hba' && mv '$dir/hba' '$dir/data/pg_hba.conf'"
fi
# fsync off: a throw-away cluster needs no durability, and the tests load and drop many schemas.
"${as[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
  -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off ${tls[*]}" \
  start >/dev/null || { cat "$dir/server.log" >&2; exit 3; }
echo "with-postgres: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port ($dir)"

export CRM_TEST_PG_URL="postgresql://crm@127.0.0.1:$port/postgres?sslmode=disable"
export CRM_TEST_PG_PASSWORD="$password"
export CRM_TEST_PG_BIN="$bin"
if [ ${#tls[@]} -gt 0 ]; then
  "${as[@]}" "$bin/psql" -X -q -h "$dir" -p "$port" -U crm -d postgres -c "CREATE ROLE crm_tls LOGIN SUPERUSER PASSWORD '$password'" >/dev/null
  export CRM_TEST_PG_CA="$dir/ca.crt"   # the CA that signed the server's certificate
fi
set +e
"$@"
code=$?
set -e
exit $code
