package main

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/errspec/errspec/generator"
)

// The downstream tests use errspec as other repositories do: from a
// //go:generate line through go tool, by go run module@version, and by
// copying or vendoring the generated package. They run the go command in
// throwaway modules under t.TempDir, never in the checkout, with GOWORK=off
// and the local toolchain. They read modules from the module cache (which
// .ci/run fills with go mod download) and may fall back to the Go module
// proxy; they use no other network service. Checksums come from the
// checkout's go.sum; errspec itself, which is not published, is served from
// a module proxy on the file system.

const errspecModule = "github.com/errspec/errspec"

// testVersion is the version the file-system proxy serves errspec as.
const testVersion = "v0.9.9-downstream"

// downstreamSpec is the downstream module's own spec.
const downstreamSpec = `package: vendorerr
service: Example API
categories:
  - name: throttling
codes:
  - code: OK
    message: Success
    success: true
  - code: Throttling.User
    message: Request was denied due to user flow control.
    retryable: true
    category: throttling
  - code: InvalidParameter
    message: A parameter is invalid.
`

// downstreamDoc is the hand-written doc.go of the downstream package, as
// the README tells users to write it.
const downstreamDoc = `package vendorerr

// This file is hand-written; errspec writes the rest of the package, the
// package documentation included.

//go:generate go tool errspec generate -spec ../errors.yaml -out .
`

// downstreamMain uses the generated package as a program would.
const downstreamMain = `package main

import (
	"errors"
	"fmt"

	"example.com/app/vendorerr"
)

func main() {
	err := fmt.Errorf("send: %w", vendorerr.FromResponse("Throttling.User", "slow down", "req-1"))
	var e *vendorerr.Error
	fmt.Println(errors.Is(err, vendorerr.ErrThrottlingUser), errors.Is(err, vendorerr.ErrInvalidParameter), vendorerr.IsRetryable(err))
	fmt.Println(errors.As(err, &e) && e.Code == vendorerr.CodeThrottlingUser, vendorerr.FromResponse("OK", "", "") == nil)
	fmt.Println(err)
}
`

// handWritten is another hand-written file of the downstream package.
const handWritten = "package vendorerr\n\n// Hand-written code beside the generated files.\nconst keep = true\n"

const downstreamOutput = "true false true\ntrue true\nsend: vendorerr: Throttling.User: slow down (request id req-1)\n"

// TestDownstreamGoGenerate records errspec as a tool of another module, as
// go get -tool does (with a replace directive pointing at the checkout in
// place of a published version), and runs go generate, go build, go vet
// and a program that matches the errors.
func TestDownstreamGoGenerate(t *testing.T) {
	goBin := needGo(t)
	root := checkout(t)
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		// What go get -tool github.com/errspec/errspec/generator/cmd/errspec
		// writes, given the replace directive.
		"go.mod": "module example.com/app\n\ngo " + goVersion(t, root) + "\n\n" +
			"replace " + errspecModule + " => " + root + "\n\n" +
			"tool " + errspecModule + "/generator/cmd/errspec\n\n" +
			"require " + errspecModule + " v0.0.0-00010101000000-000000000000 // indirect\n",
		"go.sum":            readFile(t, filepath.Join(root, "go.sum")),
		"errors.yaml":       downstreamSpec,
		"vendorerr/doc.go":  downstreamDoc,
		"main.go":           downstreamMain,
		"vendorerr/keep.go": handWritten,
	})
	env := goEnv("GOFLAGS=-mod=mod")
	runCmd(t, dir, env, goBin, "mod", "tidy")
	runCmd(t, dir, env, goBin, "generate", "./...")

	for name, header := range map[string]string{"errors.go": generator.GoHeader, "ERRORS.md": generator.MarkdownHeader} {
		got := readFile(t, filepath.Join(dir, "vendorerr", name))
		if !strings.HasPrefix(got, header+"\n") {
			t.Errorf("vendorerr/%s does not start with %q:\n%.200s", name, header, got)
		}
	}
	for name, want := range map[string]string{"doc.go": downstreamDoc, "keep.go": handWritten} {
		if got := readFile(t, filepath.Join(dir, "vendorerr", name)); got != want {
			t.Errorf("go generate changed the hand-written vendorerr/%s:\n%s", name, got)
		}
	}
	entries, err := os.ReadDir(filepath.Join(dir, "vendorerr"))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if want := []string{"ERRORS.md", "doc.go", "errors.go", "keep.go"}; strings.Join(names, " ") != strings.Join(want, " ") {
		t.Errorf("vendorerr holds %q after go generate, want %q", names, want)
	}
	runCmd(t, dir, env, goBin, "build", "./...")
	runCmd(t, dir, env, goBin, "vet", "./...")
	if out := runCmd(t, dir, env, goBin, "run", "."); out != downstreamOutput {
		t.Errorf("the program printed:\n%s\nwant:\n%s", out, downstreamOutput)
	}
	// The README's CI line: the output is current.
	runCmd(t, dir, env, goBin, "tool", "errspec", "generate", "-spec", "errors.yaml", "-out", "vendorerr", "-check")
	if out := runCmd(t, dir, env, goBin, "tool", "errspec", "version"); !strings.HasPrefix(out, "errspec ") {
		t.Errorf("go tool errspec version printed %q", out)
	}
}

// TestDownstreamPublished serves the checkout as a published version of
// errspec from a module proxy on the file system, and uses it as users of a
// release do: go run module@version (outside any module), and go get -tool
// then go tool. errspec version must print the version.
func TestDownstreamPublished(t *testing.T) {
	goBin := needGo(t)
	root := checkout(t)
	files := moduleFiles(t, root)
	proxy := t.TempDir()
	writeProxy(t, proxy, root, files)

	cache := goEnvValue(t, goBin, "GOMODCACHE")
	userProxy := goEnvValue(t, goBin, "GOPROXY")
	env := goEnv(
		// errspec from the file-system proxy; its dependencies from the
		// module cache's download folder (a proxy in the same layout), or
		// the user's proxy if they are not there.
		"GOPROXY="+fileURL(proxy)+","+fileURL(filepath.Join(cache, "cache", "download"))+","+userProxy,
		// A module cache of its own, so that this test version of errspec
		// never lands in the user's; -modcacherw lets t.TempDir remove it.
		"GOMODCACHE="+filepath.Join(t.TempDir(), "modcache"),
		"GOFLAGS=-modcacherw",
		// errspec is not in the checksum database, and go run
		// module@version does not read errspec's go.sum: the modules come
		// from the module cache, checked when it was filled, or from the
		// user's proxy into this test's own cache.
		"GOSUMDB=off",
	)
	pkg := errspecModule + "/generator/cmd/errspec@" + testVersion

	t.Run("go run", func(t *testing.T) {
		dir := t.TempDir() // outside any module
		if out := runCmd(t, dir, env, goBin, "run", pkg, "version"); out != "errspec "+testVersion+"\n" {
			t.Errorf("go run %s version printed %q, want %q", pkg, out, "errspec "+testVersion+"\n")
		}
		writeFiles(t, dir, map[string]string{"errors.yaml": downstreamSpec})
		runCmd(t, dir, env, goBin, "run", pkg, "generate", "-spec", "errors.yaml", "-out", "vendorerr")
		for _, name := range []string{"errors.go", "ERRORS.md"} {
			if _, err := os.Stat(filepath.Join(dir, "vendorerr", name)); err != nil {
				t.Errorf("go run %s generate: %v", pkg, err)
			}
		}
	})

	t.Run("go get -tool", func(t *testing.T) {
		dir := t.TempDir()
		writeFiles(t, dir, map[string]string{
			"go.mod":      "module example.com/app\n\ngo " + goVersion(t, root) + "\n",
			"go.sum":      readFile(t, filepath.Join(root, "go.sum")),
			"errors.yaml": downstreamSpec,
		})
		runCmd(t, dir, env, goBin, "get", "-tool", pkg)
		gomod := readFile(t, filepath.Join(dir, "go.mod"))
		for _, want := range []string{"tool " + errspecModule + "/generator/cmd/errspec\n", errspecModule + " " + testVersion} {
			if !strings.Contains(gomod, want) {
				t.Errorf("go get -tool wrote a go.mod without %q:\n%s", want, gomod)
			}
		}
		if out := runCmd(t, dir, env, goBin, "tool", "errspec", "version"); out != "errspec "+testVersion+"\n" {
			t.Errorf("go tool errspec version printed %q, want %q", out, "errspec "+testVersion+"\n")
		}
	})
}

// TestDownstreamCopy copies gen/smserr into a module that does not depend
// on errspec at all, and builds, vets and tests it there: the generated
// package needs nothing but the standard library. Its tests come along,
// with the import path rewritten, except those that need errspec itself.
func TestDownstreamCopy(t *testing.T) {
	goBin := needGo(t)
	root := checkout(t)
	src := filepath.Join(root, "gen", "smserr")
	dir := t.TempDir()
	files := map[string]string{"go.mod": "module example.com/app\n\ngo " + goVersion(t, root) + "\n"}
	entries, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	var skipped []string
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		text := readFile(t, filepath.Join(src, e.Name()))
		if strings.HasSuffix(e.Name(), "_test.go") {
			text = strings.ReplaceAll(text, `"`+errspecModule+`/gen/smserr"`, `"example.com/app/smserr"`)
			if strings.Contains(text, `"`+errspecModule) {
				skipped = append(skipped, e.Name())
				continue
			}
		}
		files["smserr/"+e.Name()] = text
	}
	if _, ok := files["smserr/errors.go"]; !ok {
		t.Fatalf("no errors.go in %s", src)
	}
	for _, name := range []string{"example_test.go", "smserr_test.go"} {
		if _, ok := files["smserr/"+name]; !ok {
			t.Errorf("%s was not copied: the package's behaviour tests must not need errspec", name)
		}
	}
	if len(skipped) > 0 {
		t.Logf("not copied, as they import errspec: %s", strings.Join(skipped, ", "))
	}
	writeFiles(t, dir, files)

	env := goEnv("GOFLAGS=-mod=mod", "GOPROXY=off")
	runCmd(t, dir, env, goBin, "build", "./...")
	runCmd(t, dir, env, goBin, "vet", "./...")
	runCmd(t, dir, env, goBin, "test", "./...")
	// Every package the copy and its tests build from, but the standard
	// library: the package itself, in its test variants.
	deps := runCmd(t, dir, env, goBin, "list", "-deps", "-test", "-f", "{{if not .Standard}}{{.ImportPath}}{{end}}", "./...")
	for _, p := range strings.Split(deps, "\n") {
		if p != "" && !strings.HasPrefix(p, "example.com/app/smserr") {
			t.Errorf("the copied package depends on %s; it must need only the standard library", p)
		}
	}
}

// TestDownstreamVendor requires errspec (through a replace directive) in a
// module that imports gen/smserr, vendors it, and builds from vendor/:
// only gen/smserr is vendored, none of errspec's dependencies.
func TestDownstreamVendor(t *testing.T) {
	goBin := needGo(t)
	root := checkout(t)
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"go.mod": "module example.com/svc\n\ngo " + goVersion(t, root) + "\n\n" +
			"require " + errspecModule + " v0.0.0-00010101000000-000000000000\n\n" +
			"replace " + errspecModule + " => " + root + "\n",
		"go.sum": readFile(t, filepath.Join(root, "go.sum")),
		"main.go": `package main

import (
	"errors"
	"fmt"

	"` + errspecModule + `/gen/smserr"
)

func main() {
	err := smserr.FromResponse("isp.GATEWAY_ERROR", "", "")
	fmt.Println(errors.Is(err, smserr.ErrGatewayError), smserr.IsRetryable(err))
}
`,
	})
	env := goEnv("GOFLAGS=-mod=mod")
	runCmd(t, dir, env, goBin, "mod", "tidy")
	runCmd(t, dir, env, goBin, "mod", "vendor")

	modules := readFile(t, filepath.Join(dir, "vendor", "modules.txt"))
	var pkgs []string
	for _, line := range strings.Split(modules, "\n") {
		if line != "" && !strings.HasPrefix(line, "#") {
			pkgs = append(pkgs, line)
		}
	}
	if want := []string{errspecModule + "/gen/smserr"}; strings.Join(pkgs, "\n") != strings.Join(want, "\n") {
		t.Errorf("vendor/modules.txt lists packages %q, want only %q", pkgs, want)
	}
	env = goEnv("GOFLAGS=-mod=vendor", "GOPROXY=off")
	runCmd(t, dir, env, goBin, "build", "-mod=vendor", "./...")
	if out := runCmd(t, dir, env, goBin, "run", "-mod=vendor", "."); out != "true true\n" {
		t.Errorf("the vendored program printed %q, want %q", out, "true true\n")
	}
}

// ---- helpers ----

// needGo skips the test in -short mode, and fails it when there is no go
// command; otherwise it marks the test parallel and returns the go
// command's path.
func needGo(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("runs the go command in throwaway modules; skipped in -short mode")
	}
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("no go command: %v", err)
	}
	// Each test works in its own folders, and spends most of its time
	// waiting for the go command.
	t.Parallel()
	return goBin
}

// checkout returns the absolute path of the errspec checkout.
func checkout(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("..", "..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatal(err)
	}
	return root
}

var goLine = regexp.MustCompile(`(?m)^go (\S+)$`)

// goVersion returns the go directive of the checkout's go.mod, for the
// downstream modules' own.
func goVersion(t *testing.T, root string) string {
	t.Helper()
	m := goLine.FindStringSubmatch(readFile(t, filepath.Join(root, "go.mod")))
	if m == nil {
		t.Fatal("no go directive in go.mod")
	}
	return m[1]
}

// goEnv returns the environment for the go command: the test's own, in
// module mode with the local toolchain, no workspace, and no user GOFLAGS,
// then the given settings, which win.
func goEnv(settings ...string) []string {
	env := append(os.Environ(), "GOWORK=off", "GOTOOLCHAIN=local", "GO111MODULE=on", "GOFLAGS=")
	return append(env, settings...)
}

// goEnvValue returns go env NAME.
func goEnvValue(t *testing.T, goBin, name string) string {
	t.Helper()
	out, err := exec.Command(goBin, "env", name).Output()
	if err != nil {
		t.Fatalf("go env %s: %v", name, err)
	}
	return strings.TrimSpace(string(out))
}

// runCmd runs a command in dir and returns its standard output; it fails the
// test, showing the standard error, if the command fails.
func runCmd(t *testing.T, dir string, env []string, name string, args ...string) string {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir, cmd.Env = dir, env
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %s (in %s): %v\n%s%s", filepath.Base(name), strings.Join(args, " "), dir, err, stdout.String(), stderr.String())
	}
	t.Logf("%s %s: %v", filepath.Base(name), strings.Join(args, " "), time.Since(start).Round(time.Millisecond))
	return stdout.String()
}

func readFile(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// writeFiles writes files, by slash-separated path under dir.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// moduleFiles lists the files of the checkout that a release of errspec
// holds: those git tracks or would track (not ignored), that exist, outside
// nested modules. It fails the test when git cannot list them.
func moduleFiles(t *testing.T, root string) []string {
	t.Helper()
	git, err := exec.LookPath("git")
	if err != nil {
		t.Fatalf("no git to list the module's files: %v", err)
	}
	cmd := exec.Command(git, "ls-files", "-z", "--cached", "--others", "--exclude-standard")
	cmd.Dir = root
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("git ls-files in %s: %v (not a git checkout?)", root, err)
	}
	var files []string
	nested := map[string]bool{}
	for _, name := range strings.Split(string(out), "\x00") {
		if name == "" {
			continue
		}
		info, err := os.Lstat(filepath.Join(root, filepath.FromSlash(name)))
		if errors.Is(err, fs.ErrNotExist) || err == nil && !info.Mode().IsRegular() {
			continue // deleted in the working tree, a symlink or a submodule
		}
		if err != nil {
			t.Fatal(err)
		}
		if path.Base(name) == "go.mod" && name != "go.mod" {
			nested[path.Dir(name)] = true
		}
		files = append(files, name)
	}
	var kept []string
	for _, name := range files {
		if !inNested(name, nested) {
			kept = append(kept, name)
		}
	}
	return kept
}

func inNested(name string, nested map[string]bool) bool {
	for dir := path.Dir(name); dir != "."; dir = path.Dir(dir) {
		if nested[dir] {
			return true
		}
	}
	return false
}

// writeProxy lays out a module proxy (GOPROXY=file://dir) serving the
// checkout's files as errspec testVersion: the version list, and the
// version's .info, .mod and .zip, the zip holding each file under
// "module@version/".
func writeProxy(t *testing.T, dir, root string, files []string) {
	t.Helper()
	at := filepath.Join(dir, filepath.FromSlash(errspecModule), "@v")
	if err := os.MkdirAll(at, 0o755); err != nil {
		t.Fatal(err)
	}
	info, err := json.Marshal(struct {
		Version string
		Time    time.Time
	}{testVersion, time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	var zipped bytes.Buffer
	zw := zip.NewWriter(&zipped)
	for _, name := range files {
		data, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		w, err := zw.Create(errspecModule + "@" + testVersion + "/" + name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(data); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	writeFiles(t, at, map[string]string{
		"list":                testVersion + "\n",
		testVersion + ".info": string(info),
		testVersion + ".mod":  readFile(t, filepath.Join(root, "go.mod")),
		testVersion + ".zip":  zipped.String(),
	})
}

// fileURL returns the file:// URL of an absolute path, as GOPROXY takes it.
func fileURL(p string) string {
	p = filepath.ToSlash(p)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // C:/x on Windows
	}
	return "file://" + p
}
