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

# Rewrite the golden files (generator/testdata, gen/smserr, spec/testdata:
# the loader's errors in load/ and the merges in merge/, spec/table/testdata);
# review the diff before committing.
golden:
	$(GO) test ./generator ./spec/... -run Golden -update

# Measure errspec against the targets of issue 12 (lookups against a map
# for each code shape and size and the real tables, start-up, the build
# against a map literal's, generation against formatting its own output
# and against bare jennifer, the command at 10,000 and 100,000 codes) and
# write BENCHMARKS.md, which lists the commands it runs and how long the
# run took: five to six minutes on two cores, most of it the 100,000-code
# runs. go run ./generator/bench/cmd/report -quick -o /tmp/b.md tries it
# out in about a minute.
bench:
	$(GO) run ./generator/bench/cmd/report -o BENCHMARKS.md

# go run pkg@version leaves go.mod alone.
lint: vet
	$(GO) run $(STATICCHECK) ./...
	cd gen/sdktest && $(GO) vet ./... && $(GO) run $(STATICCHECK) ./...

# Run each fuzz target for FUZZTIME (make fuzz FUZZTIME=10s), minimizing
# what it finds for at most FUZZMINIMIZETIME per input. go test writes a
# failing input to the package's testdata/fuzz/<target>/, where go test
# (and so make test) replays it: fix the bug, then commit the input as its
# regression case. Inputs that only reach new code stay in go's fuzz cache,
# which later runs start from; they are not copied into the tree, so a
# clean run leaves it unchanged. The committed corpora are a few inputs
# kept for a bug they found or for code nothing else in the tests reaches.
# Fails, naming the targets that failed, if any did. Go before 1.27 can
# fail a target that found nothing with a bare "context deadline exceeded"
# as FUZZTIME ends (golang/go#75804); that alone is reported, not failed.
FUZZTIME ?= 60s
FUZZMINIMIZETIME ?= 5s
FUZZTARGETS := spec:FuzzParse spec/table:FuzzRead generator:FuzzGenerateYAML generator:FuzzGenerateText

fuzz:
	@log=$$(mktemp); trap 'rm -f "$$log" "$$log.rc"' EXIT; failed=; \
	for target in $(FUZZTARGETS); do \
		pkg=$${target%%:*}; name=$${target#*:}; \
		echo "== $$name (./$$pkg) for $(FUZZTIME)"; \
		{ $(GO) test ./$$pkg -run '^$$' -fuzz "^$$name\$$" -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMINIMIZETIME); echo $$? >"$$log.rc"; } 2>&1 | tee "$$log"; \
		[ "$$(cat "$$log.rc")" != 0 ] || continue; \
		if [ "$$(grep '^    ' "$$log")" = "    context deadline exceeded" ]; then \
			echo "make fuzz: $$target found nothing; go test failed it only on Go's race as FUZZTIME ended (golang/go#75804)"; \
			continue; \
		fi; \
		failed="$$failed $$target"; \
	done; \
	if [ -n "$$failed" ]; then \
		echo "make fuzz: failed:$$failed (go test names above any failing input it wrote to <package>/testdata/fuzz/<target>/)"; \
		exit 1; \
	fi
