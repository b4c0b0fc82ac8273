# crm-report: two commands set up a fresh Debian machine.
#   make demo   builds, creates demo.sqlite and publishes the demo site into output/
#   make test   runs the whole test suite
# Each installs the apt packages it needs when they are missing.
#   make install PREFIX=/usr/local [DESTDIR=...]   the binary, templates, man page and completions
#   make deb                                      build/crm-report_VERSION_ARCH.deb (dpkg-deb)
#   make deb-test                                 that package unpacked and run with an empty environment

APT_PACKAGES := libsqlite3-dev libssl-dev libcairo2-dev libphonenumber-dev libidn2-dev libpq-dev libcurl4-openssl-dev fonts-dejavu-core sqlite3 e2fsprogs poppler-utils
BENCH_PACKAGES := time
# The browser checks (Tests/BrowserTests) drive Debian's headless Chromium over the DevTools pipe.
BROWSER_PACKAGES := chromium
# The JUnit test validates --junit's XML against the schema with xmllint; the e-mail tests deliver
# email.eml to a local SMTP server (Debian's aiosmtpd, run by /usr/bin/python3).
TEST_PACKAGES := libxml2-utils python3 python3-aiosmtpd
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
DEMO_DB ?= demo.sqlite
OUT ?= output
PREFIX ?= /usr/local
DESTDIR ?=
# The release binary carries the Swift runtime and Foundation (linked statically), so an installed
# crm-report needs only Debian's libraries; make demo, install and deb share this one build.
RELEASE_FLAGS := -c release --static-swift-stdlib

.PHONY: all deps demo test build release install deb deb-test bench gallery clean

all: build

deps:
	@scripts/apt-ensure.sh $(APT_PACKAGES)

build: deps
	swift build

release: deps
	swift build $(RELEASE_FLAGS) --product crm-report

install: release
	scripts/install.sh "$(DESTDIR)$(PREFIX)"

deb: release
	scripts/make-deb.sh

deb-test: deb
	scripts/deb-test.sh build/crm-report_*.deb

demo: release
	.build/release/crm-report demo --db $(DEMO_DB) --force
	.build/release/crm-report generate --db $(DEMO_DB) --out $(OUT)
	@echo "Open $(OUT)/index.html in a browser."

# The PostgreSQL tests run against a throw-away local cluster, started and stopped around them.
test: deps
	@scripts/apt-ensure.sh $(TEST_PACKAGES)
	@timeout 900 scripts/apt-ensure.sh $(BROWSER_PACKAGES) || echo "chromium could not be installed: the browser checks will fail (apt-get install chromium)"
	swift build --build-tests
	scripts/with-postgres.sh swift test --skip-build --disable-xctest

bench: deps
	@scripts/apt-ensure.sh $(BENCH_PACKAGES)
	scripts/bench.sh

gallery: deps
	swift run chart-gallery gallery
	@echo "Open gallery/index.html"

clean:
	rm -rf .build build output screenshots $(DEMO_DB)
