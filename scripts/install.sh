#!/usr/bin/env bash
# Lays out an installed crm-report under ROOT (DESTDIR + PREFIX) from the release build:
#   bin/crm-report                                the binary (Swift runtime linked in: --static-swift-stdlib)
#   share/crm-report/report-templates/            the page templates (the binary looks in ../share/crm-report)
#   share/crm-report/report.yml.example           every setting with its default
#   share/man/man1/crm-report.1                   made by swift-argument-parser's generate-manual
#   share/bash-completion/completions/crm-report  made by `crm-report --generate-completion-script`
#   share/zsh/site-functions/_crm-report          (ZSH_COMPLETIONS overrides the folder)
#   share/fish/vendor_completions.d/crm-report.fish
#   scripts/install.sh ROOT        (make install PREFIX=... [DESTDIR=...])
# The binary must be built first (make release); the man page comes from build/man/ (scripts/manual.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
root=${1:?usage: scripts/install.sh ROOT}
bin=${CRM_REPORT_BIN:-.build/release/crm-report}
[ -x "$bin" ] || { echo "install: $bin not built (make release)" >&2; exit 2; }
[ -f build/man/crm-report.1 ] || scripts/manual.sh
zsh=${ZSH_COMPLETIONS:-share/zsh/site-functions}

install -d "$root/bin" "$root/share/crm-report/report-templates" "$root/share/man/man1" \
  "$root/share/bash-completion/completions" "$root/$zsh" "$root/share/fish/vendor_completions.d"
install -m 755 "$bin" "$root/bin/crm-report"
install -m 644 report-templates/*.mustache "$root/share/crm-report/report-templates/"
install -m 644 report.yml.example "$root/share/crm-report/report.yml.example"
install -m 644 build/man/crm-report.1 "$root/share/man/man1/crm-report.1"
"$bin" --generate-completion-script bash > "$root/share/bash-completion/completions/crm-report"
"$bin" --generate-completion-script zsh > "$root/$zsh/_crm-report"
"$bin" --generate-completion-script fish > "$root/share/fish/vendor_completions.d/crm-report.fish"
echo "installed crm-report into $root"
