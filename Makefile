# errspec's tasks. `make generate` regenerates gen/smserr from the embedded
# spec; `make test` is what CI runs.

GO ?= go
ERRSPEC := $(GO) run ./generator/cmd/errspec
STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2

.PHONY: generate check test sdktest fmt-check vet golden bench lint fuzz

# Regenerate the shipped package from the embedded default spec.
generate:
	$(ERRSPEC) generate -out gen/smserr

# Fail when gen/smserr differs from what the spec and generator give.
check:
	$(ERRSPEC) generate -out gen/smserr -check

test: fmt-check vet check sdktest
	$(GO) test ./...

# The tests that run gen/smserr against the real SDKs' errors: a module of
# its own, so that errspec's go.mod requires no SDK.
sdktest:
	cd gen/sdktest && $(GO) vet ./... && $(GO) test ./...

fmt-check:
	@files=$$(gofmt -l .); if [ -n "$$files" ]; then echo "gofmt -l lists:"; echo "$$files"; exit 1; fi

vet:
	$(GO) vet ./...

# Rewrite the golden files (generator/testdata, gen/smserr, spec/testdata,
# spec/table/testdata); review the diff before committing.
golden:
	$(GO) test ./generator ./spec/... -run Golden -update

# Measure errspec against the targets of issue 12 (lookups against a map
# for each code shape and size and the real tables, start-up, the build
# against a map literal's, generation against formatting its own output
# and against bare jennifer, the command at 10,000 and 100,000 codes) and
# write BENCHMARKS.md, which lists the commands it runs and how long the
# run took: about five minutes on two cores, most of it the 100,000-code
# runs. go run ./generator/bench/cmd/report -quick -o /tmp/b.md tries it
# out in about a minute.
bench:
	$(GO) run ./generator/bench/cmd/report -o BENCHMARKS.md

# go run pkg@version leaves go.mod alone.
lint: vet
	$(GO) run $(STATICCHECK) ./...

# Run each fuzz target for FUZZTIME (make fuzz FUZZTIME=10s), minimizing
# what it finds for at most FUZZMINIMIZETIME per input. A failing input is
# written to the package's testdata/fuzz/<target>/, where go test (and so
# make test) replays it: keep it as a regression case. The inputs that
# reached new code, which go keeps in its cache, are copied there too, so
# that the corpus grows with each run: review and commit it. make test runs
# the corpora without fuzzing.
FUZZTIME ?= 60s
FUZZMINIMIZETIME ?= 5s
FUZZTARGETS := spec:FuzzParse spec/table:FuzzRead generator:FuzzGenerateYAML generator:FuzzGenerateText

fuzz:
	@status=0; for target in $(FUZZTARGETS); do \
		pkg=$${target%%:*}; name=$${target#*:}; \
		echo "== $$name (./$$pkg) for $(FUZZTIME)"; \
		start=$$(mktemp); \
		$(GO) test ./$$pkg -run '^$$' -fuzz "^$$name\$$" -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMINIMIZETIME) || status=1; \
		cache=$$($(GO) env GOCACHE)/fuzz/$$($(GO) list -m)/$$pkg/$$name; \
		mkdir -p $$pkg/testdata/fuzz/$$name; \
		[ ! -d $$cache ] || find $$cache -type f -newer $$start -exec cp -n {} $$pkg/testdata/fuzz/$$name/ \; ; \
		rm -f $$start; \
	done; exit $$status
