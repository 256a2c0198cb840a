# Kith: two commands on a fresh machine.
#   make run   build, load the demo region and serve it on $KITH_ADDR (default :8080)
#   make test  everything: vet, staticcheck, the whole test suite, short fuzz runs
# Both install what they need (PostgreSQL server binaries, npm packages for the
# pages, Chromium for the browser tests, staticcheck) first.

GO          ?= go
BIN         := bin/kith
STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2
FUZZTIME    ?= 5s
GOBIN       := $(shell $(GO) env GOPATH)/bin

.PHONY: run test build deps postgres assets chromium screenshots vet staticcheck unit fuzz-short fuzz clean

run: postgres build
	$(BIN) demo
	exec $(BIN) serve

build: assets
	$(GO) build -o $(BIN) ./cmd/kith

test: postgres assets chromium vet staticcheck unit fuzz-short

# The pages' front-end libraries, from npm (package-lock.json pins them), copied
# into web/static/vendor, which is embedded in the binary and never committed.
# The NHS.UK stylesheet loses its @font-face rules (Frutiger is served only to
# nhs.uk; pages fall back to Arial) and has its image URLs pointed at our copy.
VENDOR := web/static/vendor
NHSUK  := node_modules/nhsuk-frontend/dist/nhsuk
assets: $(VENDOR)/.built

$(VENDOR)/.built: package.json package-lock.json
	@command -v npm >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm >/dev/null; }
	npm ci --no-audit --no-fund --loglevel=error
	rm -rf $(VENDOR) && mkdir -p $(VENDOR)/nhsuk $(VENDOR)/leaflet $(VENDOR)/htmx $(VENDOR)/chart
	sed -E -e 's/@font-face\{[^}]*\}//g' -e 's#url\(/assets/images/#url(/assets/vendor/nhsuk/images/#g' \
	  -e 's#/\*\# sourceMappingURL=[^*]*\*/##' $(NHSUK)/nhsuk-frontend.min.css > $(VENDOR)/nhsuk/nhsuk.css
	sed -e 's#//\# sourceMappingURL=.*##' $(NHSUK)/nhsuk-frontend.min.js > $(VENDOR)/nhsuk/nhsuk.js
	cp -r $(NHSUK)/assets/images $(VENDOR)/nhsuk/images
	cp node_modules/leaflet/dist/leaflet.js node_modules/leaflet/dist/leaflet.css $(VENDOR)/leaflet/
	cp -r node_modules/leaflet/dist/images $(VENDOR)/leaflet/images
	cp node_modules/htmx.org/dist/htmx.min.js $(VENDOR)/htmx/htmx.js
	sed -e 's#//\# sourceMappingURL=.*##' node_modules/chart.js/dist/chart.umd.min.js > $(VENDOR)/chart/chart.js
	touch $@

# The browser tests again, saving each main page into docs/screenshots.
screenshots: postgres assets chromium
	mkdir -p docs/screenshots
	KITH_SCREENSHOTS=$(CURDIR)/docs/screenshots $(GO) test -count=1 ./web/e2e/

# Debian's Chromium drives the browser tests (web/e2e).
chromium:
	@command -v chromium >/dev/null 2>&1 || { echo "installing chromium for the browser tests"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

# PostgreSQL server binaries for the embedded cluster; skipped when present
# or when DATABASE_URL / KITH_TEST_DATABASE_URL point at a server.
postgres:
	@if [ -n "$$DATABASE_URL$$KITH_TEST_DATABASE_URL" ] || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 \
	   || command -v initdb >/dev/null 2>&1; then :; \
	 else \
	   echo "installing PostgreSQL server binaries (apt-get install postgresql)"; \
	   apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null; \
	 fi

vet:
	$(GO) vet ./...

staticcheck:
	@test -x $(GOBIN)/staticcheck || $(GO) install $(STATICCHECK)
	$(GOBIN)/staticcheck ./...

unit:
	$(GO) test -count=1 ./...

# Every fuzz target, briefly; `make fuzz FUZZTIME=2m` for a long run.
fuzz-short fuzz:
	GO=$(GO) FUZZTIME=$(FUZZTIME) .ci/fuzz

fuzz: FUZZTIME = 2m

clean:
	rm -rf bin $(VENDOR) node_modules
