# errspec's tasks. `make generate` regenerates gen/smserr from the embedded
# spec; `make test` is what CI runs.

GO ?= go
ERRSPEC := $(GO) run ./generator/cmd/errspec
STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2

.PHONY: generate check test fmt-check vet golden bench lint

# Regenerate the shipped package from the embedded default spec.
generate:
	$(ERRSPEC) generate -out gen/smserr

# Fail when gen/smserr differs from what the spec and generator give.
check:
	$(ERRSPEC) generate -out gen/smserr -check

test: fmt-check vet check
	$(GO) test ./...

fmt-check:
	@files=$$(gofmt -l .); if [ -n "$$files" ]; then echo "gofmt -l lists:"; echo "$$files"; exit 1; fi

vet:
	$(GO) vet ./...

# Rewrite the golden files (generator/testdata and gen/smserr); review the
# diff before committing.
golden:
	$(GO) test ./generator -run Golden -update

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

# go run pkg@version leaves go.mod alone.
lint: vet
	$(GO) run $(STATICCHECK) ./...
