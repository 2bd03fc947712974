# Night Legs. `make test` is what CI runs: it installs what it needs itself.
GO ?= go
export GOFLAGS := -buildvcs=false

.PHONY: test vet fmt-check unit build

test: fmt-check vet unit

fmt-check:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi

vet:
	$(GO) vet ./...

unit:
	$(GO) test -count=1 ./...
