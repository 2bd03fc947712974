# Night Legs. `make test` is what CI runs: it installs what it needs itself.
GO ?= go
export GOFLAGS := -buildvcs=false

.PHONY: test vet fmt-check staticcheck tidy-check unit fuzz build moto lint-template check-bootstrap build-NightLegsFunction deploy skill endpoint device-check device-check-talk bench generate

test: fmt-check vet staticcheck tidy-check unit lint-template check-bootstrap

fmt-check:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi

# Also vet the build go generate uses (golit.Tag), so it keeps working.
vet:
	$(GO) vet ./...
	$(GO) vet -tags nightlegs_regen ./...

# staticcheck (honnef.co/go/tools), pinned: `go run` fetches it through the
# Go module proxy and builds it once into the build cache (a minute or two
# the first time, seconds after). v0.8.2 is the first release for Go 1.26.
STATICCHECK_VERSION := v0.8.2
staticcheck:
	$(GO) run honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION) ./...

# go.mod and go.sum say exactly what the code needs: `go mod tidy` would
# change nothing (-diff prints what it would change and fails).
tidy-check:
	@$(GO) mod tidy -diff || { echo "go.mod or go.sum is not tidy: run go mod tidy" >&2; exit 1; }

# The intents package plays every blind set and transcript (about a
# minute on two cores, more on a busy machine); the limit leaves room for
# a slow machine.
unit: moto
	$(GO) test -count=1 -timeout 25m ./...

# Search for inputs that make the request verifier panic or pass what it
# must not. `make test` runs only the seed corpus; this runs the fuzzer.
FUZZTIME ?= 60s
fuzz:
	$(GO) test -run '^$$' -fuzz '^FuzzVerify$$' -fuzztime $(FUZZTIME) ./internal/alexa/verify

# The store tests run against moto's DynamoDB-protocol server, moto_server
# (internal/store starts it on a free loopback port). It is preinstalled on
# this project's machines; elsewhere pip installs it. Debian (bookworm) has
# no python3-moto package, so apt cannot stand in when PyPI is out of reach.
MOTO_VERSION := 5.2.1
moto:
	@command -v moto_server >/dev/null 2>&1 || python3 -c 'import moto.server, flask' 2>/dev/null || \
	python3 -m pip install --quiet 'moto[server]==$(MOTO_VERSION)' || \
	{ echo "moto_server $(MOTO_VERSION) is missing and pip could not install it: the store tests need it" >&2; exit 1; }

# The Lambda binary: linux/arm64 (template.yaml: provided.al2023, arm64),
# static (no cgo: the al2023 image has no Go toolchain and needs none),
# stripped, and only what Lambda runs: -tags lambda leaves out the console,
# the file store (bbolt) and the SDK's shared-config chain; lambda.norpc
# leaves out aws-lambda-go's unused net/rpc path.
LAMBDA_GOENV := GOOS=linux GOARCH=arm64 CGO_ENABLED=0
LAMBDA_BUILD := $(LAMBDA_GOENV) $(GO) build -tags lambda,lambda.norpc -trimpath -ldflags='-s -w'

build:
	$(LAMBDA_BUILD) -o build/bootstrap ./handler

# `sam build` calls this (template.yaml: BuildMethod: makefile) with
# ARTIFACTS_DIR set to the function's artifact directory.
build-NightLegsFunction:
	$(LAMBDA_BUILD) -o $(ARTIFACTS_DIR)/bootstrap ./handler

# What Lambda runs must be what `file` calls an ARM aarch64 static executable.
check-bootstrap: build
	@command -v file >/dev/null 2>&1 || { command -v apt-get >/dev/null 2>&1 && \
	sudo=$$( [ "$$(id -u)" = 0 ] || echo sudo ) && $$sudo apt-get update -qq && \
	$$sudo apt-get install -y -qq file >/dev/null; } || \
	{ echo "file(1) is missing and could not be installed" >&2; exit 1; }
	@info=$$(file -b build/bootstrap); echo "build/bootstrap: $$info"; \
	case "$$info" in *"ARM aarch64"*"statically linked"*", stripped"*) ;; \
	*) echo "build/bootstrap is not a stripped static ARM aarch64 executable" >&2; exit 1;; esac

# The data (content, triage, vocabulary, routines, conversations, the
# console's language data) is compiled from YAML into Go: after editing a
# YAML file run this (go generate ./... does the same); make test fails until
# the generated code matches the YAML.
generate:
	$(GO) generate ./...

# Speed, as README's "Speed" section shows it: cold start of the Lambda
# build against bench/floor, warm turns, many listeners through -serve, and
# turns as history grows. Needs moto_server; takes a few minutes. The
# machine's other work shows in the figures: run it when it is quiet. The
# listeners pause BENCH_THINK between turns, as people do: moto_server, one
# Python process, is what saturates first.
BENCH_STARTS ?= 30
BENCH_LISTENERS ?= 200
BENCH_THINK ?= 5s
bench: moto
	$(GO) test -count=1 -run '^$$' -bench ColdStart -benchtime 1x ./bench -args -starts=$(BENCH_STARTS)
	$(GO) test -count=1 -run '^$$' -bench WarmTurn -benchmem -benchtime 2000x ./bench
	$(GO) test -count=1 -run '^$$' -bench Growth -benchtime 100x ./bench
	$(GO) test -count=1 -run '^TestLoad$$' -v ./bench -args -listeners=$(BENCH_LISTENERS) -think=$(BENCH_THINK)

# cfn-lint applies the SAM transform offline. Informational findings are on
# (-c I) and fail the build like errors and warnings.
CFN_LINT_VERSION := 1.51.0
CFN_LINT_FLAGS := -c I -e --non-zero-exit-code informational
lint-template:
	@if command -v cfn-lint >/dev/null 2>&1; then cfn-lint $(CFN_LINT_FLAGS) -- template.yaml; else \
	python3 -c 'import cfnlint' 2>/dev/null || python3 -m pip install --quiet 'cfn-lint==$(CFN_LINT_VERSION)' || \
	{ echo "cfn-lint $(CFN_LINT_VERSION) is missing and pip could not install it" >&2; exit 1; }; \
	python3 -c 'import sys; from cfnlint.runner import main; sys.argv[0] = "cfn-lint"; sys.exit(main())' $(CFN_LINT_FLAGS) -- template.yaml; fi

# Deploy to your own account: see README, "Deploy to your own account".
# The first deploy needs `make deploy SAM_DEPLOY_FLAGS=--guided` (it asks for
# SkillId and UserKeySecret); later ones reuse samconfig.toml and the stack.
STACK ?= night-legs
deploy:
	sam build
	sam deploy $(SAM_DEPLOY_FLAGS)

# Push infra/skill-package (skill.json and the interaction models) to the
# Alexa skill named in .ask/ask-states.json, creating it the first time.
skill:
	ask deploy --target skill-metadata

# Put the stack's FunctionArn into infra/skill-package/skill.json. REGION
# defaults to samconfig.toml's; set it if the stack is elsewhere.
endpoint:
	@mkdir -p build
	sam list stack-outputs --stack-name $(STACK) $(if $(REGION),--region $(REGION)) --output json > build/stack-outputs.json
	$(GO) test ./infra -run '^TestSkillEndpoint$$' -count=1 -args -stack-outputs=$(CURDIR)/build/stack-outputs.json

# The blind talk and causes sets (intents/testdata/blind) on the device
# path: device-route (a statistical NLU standing in for Alexa's, outside
# the repository; needs node) routes each scored utterance, and
# TestBlindTalk judges the answer to that intent and its slots in the
# case's conversation. Not part of `make test`: it needs the tool.
DEVICE_ROUTE_SRC ?= ../shared/tools/device-route
DEVICE_ROUTE ?= build/device-route/device-route
# The tool installs NLP.js into its own folder, which may be read-only
# (a shared mount): a copy under build/ is what runs.
build/device-route/device-route: $(wildcard $(DEVICE_ROUTE_SRC)/*)
	@rm -rf build/device-route && mkdir -p build && cp -R $(DEVICE_ROUTE_SRC) build/device-route && chmod -R u+w build/device-route
# Every triage blind set through ../shared/tools/device-route, as a device's
# statistical NLU would route it; fails on any case given a lower level than
# the set expects (README, "Warning signs").
device-check: $(if $(filter build/%,$(DEVICE_ROUTE)),$(DEVICE_ROUTE))
	@mkdir -p build/blind-device-triage
	@for f in internal/triage/testdata/blind/*.tsv; do \
	  $(DEVICE_ROUTE) --tsv $$f --json > build/blind-device-triage/$$(basename $$f .tsv).jsonl || exit 1; done
	@$(GO) test -count=1 ./intents -run '^TestBlindTriage$$' -timeout 30m -v -blind.triage-device=$(CURDIR)/build/blind-device-triage > build/device-check.txt; \
	rc=$$?; grep -v '^=== RUN' build/device-check.txt; exit $$rc

device-check-talk: $(if $(filter build/%,$(DEVICE_ROUTE)),$(DEVICE_ROUTE))
	@mkdir -p build/blind-device
	@for f in intents/testdata/blind/*.tsv; do \
	  $(DEVICE_ROUTE) --tsv $$f --json > build/blind-device/$$(basename $$f .tsv).jsonl || exit 1; done
	@$(GO) test -count=1 ./intents -run '^TestBlindTalk$$' -timeout 30m -v -blind.device=$(CURDIR)/build/blind-device > build/device-check-talk.txt; \
	rc=$$?; grep -v '^=== RUN' build/device-check-talk.txt; exit $$rc
