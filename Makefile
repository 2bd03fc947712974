# Night Legs. `make test` is what CI runs: it installs what it needs itself.
GO ?= go
export GOFLAGS := -buildvcs=false

.PHONY: test vet fmt-check unit build moto

test: fmt-check vet unit

fmt-check:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi

vet:
	$(GO) vet ./...

unit: moto
	$(GO) test -count=1 ./...

# The store tests run against moto's DynamoDB-protocol server, moto_server
# (internal/store starts it on a free loopback port). It is preinstalled on
# this project's machines; elsewhere pip installs it. Debian (bookworm) has
# no python3-moto package, so apt cannot stand in when PyPI is out of reach.
MOTO_VERSION := 5.2.1
moto:
	@command -v moto_server >/dev/null 2>&1 || python3 -c 'import moto.server, flask' 2>/dev/null || \
	python3 -m pip install --quiet 'moto[server]==$(MOTO_VERSION)' || \
	{ echo "moto_server $(MOTO_VERSION) is missing and pip could not install it: the store tests need it" >&2; exit 1; }
