#!/usr/bin/env bash
# Checks the Debian package as a fresh machine would meet it: unpacked into a temporary root (dpkg -x;
# INSTALL_DEB=1 installs it into the system with apt-get instead, as a CI runner as root may), every
# Depends resolvable by apt-get (simulated), no Swift library wanted, the man page and completions present, then
# `crm-report demo` and `generate --fail-on violation` run from the installed path with an empty
# environment (env -i: no /opt/swift on PATH or LD_LIBRARY_PATH). Exit 0 when all holds.
#   scripts/deb-test.sh build/crm-report_*.deb      (make deb-test)
set -euo pipefail
deb=${1:?usage: scripts/deb-test.sh PACKAGE.deb}
deb=$(readlink -f "$deb")
fail() { echo "deb-test: $*" >&2; exit 1; }
work=$(mktemp -d /tmp/crm-deb-test.XXXXXX)
trap 'rm -rf "$work"' EXIT

depends=$(dpkg-deb -f "$deb" Depends)
echo "deb-test: Depends: $depends"
for want in libcairo2 libphonenumber libidn2-0 libpq5 libsqlite3-0 libssl3 fonts-dejavu-core; do
  grep -q "$want" <<<"$depends" || fail "Depends does not name $want"
done
# apt resolves Depends as a fresh machine would (virtual packages too: libphonenumber8 provides
# libphonenumber8-protobuf32), without changing anything here (-s: simulate).
apt-get install -s "$deb" >"$work/apt.log" 2>&1 || { cat "$work/apt.log" >&2; fail "apt-get cannot satisfy the package's Depends"; }
if [ "${INSTALL_DEB:-0}" = 1 ]; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$deb" >/dev/null
  root=/
else
  dpkg -x "$deb" "$work/root"
  root=$work/root
fi
bin=$root/usr/bin/crm-report
for f in usr/share/crm-report/report-templates/layout.mustache usr/share/man/man1/crm-report.1.gz \
         usr/share/bash-completion/completions/crm-report usr/share/zsh/vendor-completions/_crm-report \
         usr/share/fish/vendor_completions.d/crm-report.fish; do
  [ -s "$root/$f" ] || fail "the package has no /$f"
done
zcat "$root/usr/share/man/man1/crm-report.1.gz" | grep -q '^\.Nm crm-report\|^\.Dt CRM-REPORT' || fail "the man page is not mdoc for crm-report"
if ldd "$bin" | grep -E 'libswift|libFoundation|libdispatch|not found'; then fail "the binary still wants the libraries above"; fi

cd "$work"
env -i "$bin" --version
env -i "$bin" demo --db demo.sqlite --contacts 2000 --as-of 2026-11-23 || fail "crm-report demo failed"
set +e
env -i "$bin" generate --db demo.sqlite --out output --as-of 2026-11-23 --fail-on violation
code=$?
set -e
# The demo CRM has consent violations on purpose: the gate says so with exit 1, and the site is published.
[ "$code" = 1 ] || fail "generate --fail-on violation exited $code, not 1"
[ -s output/index.html ] && [ -s output/2026-W47/report.json ] && [ -s output/2026-W47/audit-consent.html ] \
  || fail "generate published no site"
echo "deb-test: $(basename "$deb") installs and runs with an empty environment"
