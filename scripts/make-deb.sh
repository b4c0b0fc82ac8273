#!/usr/bin/env bash
# Builds build/crm-report_VERSION_ARCH.deb with dpkg-deb from the release build (make release):
# the layout of scripts/install.sh under /usr (zsh completions in Debian's vendor-completions), the man
# page gzipped, and Depends computed by dpkg-shlibdeps from the libraries the binary links (libcairo2,
# libphonenumber8-protobuf32, libidn2-0, libpq5, libsqlite3-0, libssl3, libc6, libstdc++6, ...) plus fonts-dejavu-core
# (the charts' font). The Swift runtime is linked in (--static-swift-stdlib), so no Swift toolchain is needed.
set -euo pipefail
cd "$(dirname "$0")/.."
version=$(sed -n 's/.*static let version = "\(.*\)".*/\1/p' Sources/Site/Provenance.swift)
arch=$(dpkg --print-architecture)
work=$(mktemp -d /tmp/crm-deb.XXXXXX)
trap 'rm -rf "$work"' EXIT
pkg=$work/crm-report
ZSH_COMPLETIONS=share/zsh/vendor-completions scripts/install.sh "$pkg/usr" >/dev/null
gzip -9n "$pkg/usr/share/man/man1/crm-report.1"
install -d "$pkg/usr/share/doc/crm-report"
cat > "$pkg/usr/share/doc/crm-report/copyright" <<'TXT'
crm-report: reads a CRM database and publishes a static HTML report site.
It links the Swift runtime and Foundation (Apache License 2.0 with Runtime Library Exception) and the Swift
packages GRDB.swift (MIT), swift-argument-parser (Apache 2.0), Yams (MIT), swift-mustache (Apache 2.0).
The disposable e-mail domain list compiled in is from disposable-email-domains (CC0 1.0).
TXT

# Depends: what the binary links, as dpkg-shlibdeps names it, and the font the charts are drawn with.
install -d "$work/shlibs/debian"
printf 'Source: crm-report\n\nPackage: crm-report\nArchitecture: any\n' > "$work/shlibs/debian/control"
libs=$(cd "$work/shlibs" && dpkg-shlibdeps -O "$pkg/usr/bin/crm-report" 2>/dev/null | sed -n 's/^shlibs:Depends=//p')
[ -n "$libs" ] || { echo "deb: dpkg-shlibdeps found no libraries for the binary" >&2; exit 3; }
size=$(du -sk "$pkg" | cut -f1)
install -d "$pkg/DEBIAN"
cat > "$pkg/DEBIAN/control" <<TXT
Package: crm-report
Version: $version
Architecture: $arch
Maintainer: crm-report authors <crm-report@localhost>
Installed-Size: $size
Depends: $libs, fonts-dejavu-core
Section: utils
Priority: optional
Description: CRM reports and compliance audits as a static HTML site
 Reads a CRM database (SQLite or PostgreSQL) and publishes the weekly executive summary, funnel,
 cohorts, RFM, campaign effect, data quality, and the stale-contact and consent audits, with a
 gate for CI (--fail-on).
TXT
mkdir -p build
out=build/crm-report_${version}_${arch}.deb
dpkg-deb --root-owner-group --build -Zgzip "$pkg" "$out" >/dev/null
echo "$out"
