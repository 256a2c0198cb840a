# Kith: two commands on a fresh machine.
#   make run   build, load the demo region and serve it on $KITH_ADDR (default :8080)
#   make test  everything: vet, staticcheck, the whole test suite, short fuzz runs
# Both install what they need (PostgreSQL server binaries, staticcheck) first.

GO          ?= go
BIN         := bin/kith
STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2
FUZZTIME    ?= 5s
GOBIN       := $(shell $(GO) env GOPATH)/bin

.PHONY: run test build deps postgres vet staticcheck unit fuzz-short fuzz clean

run: postgres build
	$(BIN) demo
	exec $(BIN) serve

build:
	$(GO) build -o $(BIN) ./cmd/kith

test: postgres vet staticcheck unit fuzz-short

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
	@set -e; for pkg in $$($(GO) list ./...); do \
	  for target in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz' || true); do \
	    echo "fuzz $$pkg $$target ($(FUZZTIME))"; \
	    $(GO) test $$pkg -run '^$$' -fuzz "^$$target$$" -fuzztime $(FUZZTIME) >/dev/null; \
	  done; \
	done

fuzz: FUZZTIME = 2m

clean:
	rm -rf bin
