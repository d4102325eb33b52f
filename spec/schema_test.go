package spec

import (
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/txtar"
	"gopkg.in/yaml.v3"
)

// schema.json is written by hand for editors; these tests tie it to the
// loader so the two cannot drift: its property names are the key lists of
// decode.go, its required lists are what Parse requires, and every spec the
// project ships or keeps as a golden case is validated against it, by
// github.com/santhosh-tekuri/jsonschema (see schema_validator_test.go).

// ---- the schema's shape ----

func TestSchemaKeys(t *testing.T) {
	root := loadSchema(t)
	for _, c := range []struct {
		path string
		keys []string
	}{
		{"", specKeys},
		{"/properties/source", sourceKeys},
		{"/properties/output", outputKeys},
		{"/properties/categories/items", categoryKeys},
		{"/properties/families/items", familyKeys},
		{"/properties/codes/items", codeKeys},
	} {
		obj := schemaAt(t, root, c.path)
		props, ok := obj.get("properties").(*jsonObject)
		if !ok {
			t.Fatalf("schema%s has no properties", c.path)
		}
		if diff := cmp.Diff(c.keys, props.keys); diff != "" {
			t.Errorf("property names of schema%s differ from the loader's keys, in README order (-loader +schema):\n%s", c.path, diff)
		}
	}
	// Every mapping of the format is covered: the six above are the only
	// objects with properties, and each refuses unknown keys.
	var objects []string
	walkSchema(root, "", func(path string, s *jsonObject) {
		if props := s.get("properties"); props != nil && !conditional(path) {
			objects = append(objects, path)
			if ap, ok := s.get("additionalProperties").(bool); !ok || ap {
				t.Errorf("schema%s: additionalProperties is not false, so a typo in a key would pass", path)
			}
		}
	})
	want := []string{"", "/properties/source", "/properties/output", "/properties/categories/items", "/properties/families/items", "/properties/codes/items"}
	if diff := cmp.Diff(want, objects); diff != "" {
		t.Errorf("objects with properties (-want +got):\n%s", diff)
	}
}

// TestSchemaRequired checks the required lists against the loader's
// behaviour: at each level, a spec holding only the keys the schema
// requires parses, and leaving out any one of them is an error.
func TestSchemaRequired(t *testing.T) {
	root, sch := loadSchema(t), compileSchema(t)
	required := func(path string) []string {
		var names []string
		if list, ok := schemaAt(t, root, path).get("required").([]any); ok {
			for _, n := range list {
				names = append(names, n.(string))
			}
		}
		return names
	}
	// A value the loader accepts for every key, at every level.
	samples := map[string]map[string]any{
		"":                             {"package": "x", "service": "S", "initialisms": []any{"SMS"}},
		"/properties/source":           {"title": "T", "url": "https://example.com/", "updated": "2024-01-31"},
		"/properties/categories/items": {"name": "auth", "doc": "D"},
		"/properties/codes/items": {"code": "A", "message": "M", "solution": "S", "success": false, "retryable": true,
			"fault": "server", "category": "auth", "name": "Alpha", "deprecated": "old"},
	}
	minimal := func(path string, omit string) map[string]any {
		m := map[string]any{}
		for _, k := range required(path) {
			if k == omit {
				continue
			}
			v, ok := samples[path][k]
			switch {
			case ok:
			case path == "" && k == "source":
				v = minimalMap(required("/properties/source"), samples["/properties/source"])
			case path == "" && k == "categories":
				v = []any{minimalMap(required("/properties/categories/items"), samples["/properties/categories/items"])}
			case path == "" && k == "codes":
				v = []any{minimalMap(required("/properties/codes/items"), samples["/properties/codes/items"])}
			default:
				t.Fatalf("no sample value for required key %s of schema%s", k, path)
			}
			m[k] = v
		}
		return m
	}
	// doc puts the mapping for the level at path into a spec that is
	// otherwise minimal.
	doc := func(path string, level map[string]any) map[string]any {
		switch path {
		case "":
			return level
		case "/properties/source":
			d := minimal("", "")
			d["source"] = level
			return d
		case "/properties/categories/items":
			d := minimal("", "")
			d["categories"] = []any{level}
			return d
		case "/properties/codes/items":
			d := minimal("", "")
			d["codes"] = []any{level}
			return d
		}
		panic(path)
	}
	// Where doc puts the mapping of each level, as a JSON pointer.
	at := map[string]string{"": "", "/properties/source": "/source", "/properties/categories/items": "/categories/0", "/properties/codes/items": "/codes/0"}
	for _, path := range []string{"", "/properties/source", "/properties/categories/items", "/properties/codes/items"} {
		src := marshalYAML(t, doc(path, minimal(path, "")))
		if _, err := Parse("minimal.yaml", src); err != nil {
			t.Errorf("schema%s: a spec with only the required keys %v is refused by the loader, so the schema requires too little:\n%s\n%v", path, required(path), src, err)
		}
		if errs := validateSchema(sch, yamlValue(t, src)); len(errs) > 0 {
			t.Errorf("schema%s: the minimal spec fails the schema: %v", path, errs)
		}
		for _, k := range required(path) {
			src := marshalYAML(t, doc(path, minimal(path, k)))
			if _, err := Parse("minimal.yaml", src); err == nil {
				t.Errorf("schema%s requires %s, but the loader accepts a spec without it:\n%s", path, k, src)
			}
			errs := validateSchema(sch, yamlValue(t, src))
			if len(errs) == 0 {
				t.Errorf("schema%s: a spec without %s passes the schema:\n%s", path, k, src)
			} else if got, want := reasons(errs), []string{at[path] + "/" + k + " required"}; !slices.Equal(got, want) {
				t.Errorf("schema%s: a spec without %s fails the schema with %v, want only that %s is required", path, k, errs, k)
			}
		}
	}
}

func minimalMap(required []string, samples map[string]any) map[string]any {
	m := map[string]any{}
	for _, k := range required {
		m[k] = samples[k]
	}
	return m
}

// TestSchemaDocumented checks that every property has a title and a
// description, which editors show on hover. (TestSchemaPatternsInterop
// checks the patterns.)
func TestSchemaDocumented(t *testing.T) {
	root := loadSchema(t)
	if root.get("$schema") != "https://json-schema.org/draft/2020-12/schema" {
		t.Errorf("$schema = %v, want draft 2020-12", root.get("$schema"))
	}
	desc, _ := root.get("description").(string)
	for _, line := range []string{"# yaml-language-server: $schema=" + schemaURL, "# yaml-language-server: $schema=schema.json"} {
		if !strings.Contains(desc, line) {
			t.Errorf("the schema's description does not show the editor line %q", line)
		}
	}
	// The shipped spec points editors at this file, by the relative form.
	if !slices.Contains(strings.Split(string(DefaultYAML()), "\n"), "# yaml-language-server: $schema=schema.json") {
		t.Errorf("%s has no yaml-language-server line pointing at schema.json", DefaultFile)
	}
	walkSchema(root, "", func(path string, s *jsonObject) {
		props, _ := s.get("properties").(*jsonObject)
		if props == nil || conditional(path) {
			return
		}
		for _, k := range props.keys {
			p := props.get(k).(*jsonObject)
			for _, ann := range []string{"title", "description"} {
				if v, _ := p.get(ann).(string); v == "" {
					t.Errorf("schema%s/properties/%s has no %s", path, k, ann)
				}
			}
		}
	})
}

// ---- specs against the schema ----

// schemaURL is where editors fetch the schema from; the README and the
// starter spec point at it.
const schemaURL = "https://raw.githubusercontent.com/errspec/errspec/main/spec/schema.json"

// TestSchemaAcceptsSpecs validates the shipped spec and the spec of every
// good golden case.
func TestSchemaAcceptsSpecs(t *testing.T) {
	sch := compileSchema(t)
	specs := map[string][]byte{DefaultFile: DefaultYAML()}
	good, _ := goldenSpecs(t)
	for name, src := range good {
		specs[name] = src
	}
	for name, src := range specs {
		if _, err := Parse(name, src); err != nil {
			t.Errorf("%s: the loader refuses it: %v", name, err)
		}
		for _, e := range validateSchema(sch, yamlValue(t, src)) {
			t.Errorf("%s: %s", name, e)
		}
	}
}

// schemaVisible classifies the bad golden cases: for those whose problem a
// JSON Schema can see, the errors the schema must report (where, and which
// keyword), all of them; none for those only the loader sees. Every bad
// case must be listed, so a new one is classified when it is added.
var schemaVisible = map[string][]string{
	"bad-empty-codes":     {"/codes minItems"},
	"bad-fault":           {"/codes/0/fault enum"},
	"bad-invalid-package": {"/package pattern"},
	"bad-keyword-package": {"/package not"},
	"bad-many-problems": {
		"/codes/0/fault enum", "/codes/3/mesage additionalProperties", "/codes/3/name pattern",
		"/package not", "/source/updated pattern", "/source/url pattern",
	},
	"bad-missing-code":       {"/codes/0/code required"},
	"bad-missing-package":    {"/package required"},
	"bad-output":             {"/output/file pattern"}, // ../errors.go; docs: errors.go is the loader's to refuse
	"bad-success-classified": {"/codes/0/category enum", "/codes/0/fault enum", "/codes/0/retryable enum"},
	"bad-unknown-key":        {"/codes/0/mesage additionalProperties"},
	"bad-wrong-types":        {"/codes/0/deprecated type", "/codes/0/message type", "/codes/0/retryable type", "/initialisms type"},
	"bad-yaml-features":      {"/codes/2/<< additionalProperties"}, // aliases and tags are invisible

	"bad-duplicate-code":       nil, // uniqueness across entries
	"bad-invalid-derived-name": nil, // derived Go names
	"bad-malformed-yaml":       nil, // YAML syntax: there is no document to validate
	"bad-name-collision":       nil, // derived Go names across entries
	"bad-tab-after-spaces":     nil, // YAML syntax: a tab in the indentation
	"bad-tab-indent":           nil, // YAML syntax: a tab in the indentation
	"bad-undeclared-category":  nil, // a reference to another part of the spec
}

func TestSchemaRejectsBadSpecs(t *testing.T) {
	sch := compileSchema(t)
	_, bad := goldenSpecs(t)
	for name := range schemaVisible {
		if _, ok := bad[name]; !ok {
			t.Errorf("schemaVisible lists %s, which is not a golden case", name)
		}
	}
	for name, src := range bad {
		want, ok := schemaVisible[name]
		visible := len(want) > 0
		if !ok {
			t.Errorf("%s: not in schemaVisible; say whether the schema can see its problem", name)
			continue
		}
		if _, err := Parse(name, src); err == nil {
			t.Errorf("%s: the loader accepts it", name)
		}
		var doc yaml.Node
		if err := yaml.Unmarshal(src, &doc); err != nil {
			if visible {
				t.Errorf("%s: not YAML (%v), so the schema cannot see it", name, err)
			}
			continue
		}
		errs := validateSchema(sch, nodeValue(&doc))
		switch {
		case visible && len(errs) == 0:
			t.Errorf("%s: the schema accepts it; it should see the problem", name)
		case !visible && len(errs) > 0:
			t.Errorf("%s: the schema refuses it, so it is visible after all: %v", name, errs)
		default:
			if diff := cmp.Diff(want, reasons(errs)); visible && diff != "" {
				t.Errorf("%s: the schema refuses it for other reasons than the case is about (-want +got):\n%s\n%v", name, diff, errs)
			}
		}
	}
}

// TestSchemaAgreesWithLoader checks small specs at the edges of what the
// loader accepts: the schema must accept what the loader accepts (an
// editor must not flag a valid spec), and must see the problems listed as
// visible.
func TestSchemaAgreesWithLoader(t *testing.T) {
	sch := compileSchema(t)
	head := "package: x\n"
	code := "codes:\n  - code: A\n"
	for _, c := range []struct {
		name, src string
		loaderOK  bool
		schema    string // the reasons the schema refuses the spec for, or "" if it accepts it
	}{
		{"numeric code with name", head + "codes:\n  - code: 22012\n    name: E22012\n", true, ""},
		{"hex code with name", head + "codes:\n  - code: 0x1F\n    name: E1F\n", true, ""},
		{"date as text", head + "codes:\n  - code: A\n    message: 2018-06-15\n    solution: 42\n", true, ""},
		{"nulls", head + "service:\ninitialisms:\ncategories:\ncodes:\n  - code: A\n    message:\n    solution:\n    success:\n    retryable:\n    fault:\n    category:\n    name:\n    deprecated:\n", true, ""},
		{"empty texts", head + "source:\n  title: \"\"\n  url: \"\"\n  updated: \"\"\ncodes:\n  - code: A\n    fault: \"\"\n    name: \"\"\n", true, ""},
		{"null source fields", head + "source:\n  title:\n  url:\n  updated:\n" + code, true, ""},
		{"upper-case URL scheme", head + "source:\n  url: HTTPS://Example.COM/errors?x=1#y\n" + code, true, ""},
		{"unicode package", "package: fehlerß\n" + code, true, ""},
		{"unicode name", head + "codes:\n  - code: 错误\n    name: Ошибка\n", true, ""},
		{"package beyond the BMP", "package: 𝒜rr\n" + code, true, ""},
		{"package starting with _", "package: _x\n" + code, true, ""},
		{"unicode initialism", head + "initialisms: [Größe, ΑΒΓ]\n" + code, true, ""},
		{"unicode code with inner spaces", head + "codes:\n  - code: 参数 错误\n    name: E1\n", true, ""},
		{"success with false and empty classification", head + "codes:\n  - code: OK\n    success: true\n    retryable: false\n    fault: \"\"\n    category:\n", true, ""},
		{"flow style", "{package: x, codes: [{code: A, retryable: true}]}", true, ""},
		{"numeric initialism", head + "initialisms: [SMS, 5G, 42]\n" + code, true, ""},

		{"unknown top-level key", head + "pakage: y\n" + code, false, "/pakage additionalProperties"},
		{"unknown source key", head + "source:\n  titel: T\n" + code, false, "/source/titel additionalProperties"},
		{"unknown category key", head + "categories:\n  - name: auth\n    docs: D\n" + code, false, "/categories/0/docs additionalProperties"},
		{"null source", head + "source:\n" + code, true, ""},
		{"null codes", head + "codes:\n", false, "/codes type"},
		{"null code", head + "codes:\n  - code:\n", false, "/codes/0/code type"},
		{"empty code", head + "codes:\n  - code: \"\"\n", false, "/codes/0/code minLength, /codes/0/code pattern"},
		{"padded code", head + "codes:\n  - code: \" A\"\n", false, "/codes/0/code pattern"},
		{"code with a tab", head + "codes:\n  - code: \"A\\tB\"\n", false, "/codes/0/code pattern"},
		{"code with a line break", head + "codes:\n  - code: \"A\\nB\"\n", false, "/codes/0/code pattern"},
		{"package with a dash", "package: my-pkg\n" + code, false, "/package pattern"},
		{"url with a tab", head + "source:\n  url: \"https://example.com/\\t\"\n" + code, false, "/source/url pattern"},
		{"category without name", head + "categories:\n  - doc: D\n" + code, false, "/categories/0/name required"},
		{"empty category name", head + "categories:\n  - name: \"\"\n" + code, false, "/categories/0/name minLength"},
		{"null category", head + "categories:\n  -\n" + code, false, "/categories/0 type"},
		{"quoted boolean", head + "codes:\n  - code: A\n    success: \"true\"\n", false, "/codes/0/success type"},
		{"boolean message", head + "codes:\n  - code: A\n    message: true\n", false, "/codes/0/message type"},
		{"boolean deprecated", head + "codes:\n  - code: A\n    deprecated: true\n", false, "/codes/0/deprecated type"},
		{"list package", "package: [x]\n" + code, false, "/package type"},
		{"package init", "package: init\n" + code, false, "/package not"},
		{"package _", "package: _\n" + code, false, "/package not"},
		{"package null", "package:\n" + code, false, "/package type"},
		{"date without zero padding", head + "source:\n  updated: 2018-6-15\n" + code, false, "/source/updated pattern"},
		{"month 13", head + "source:\n  updated: 2018-13-01\n" + code, false, "/source/updated pattern"},
		{"url without scheme", head + "source:\n  url: example.com/errors\n" + code, false, "/source/url pattern"},
		{"url with a space", head + "source:\n  url: https://example.com/a b\n" + code, false, "/source/url pattern"},
		{"ftp url", head + "source:\n  url: ftp://example.com/\n" + code, false, "/source/url pattern"},
		{"lower-case name", head + "codes:\n  - code: A\n    name: alpha\n", false, "/codes/0/name pattern"},
		{"initialism with a dot", head + "initialisms: [S.M.S]\n" + code, false, "/initialisms/0 pattern"},
		{"success and server fault", head + "codes:\n  - code: OK\n    success: true\n    fault: server\n", false, "/codes/0/fault enum"},
		{"fault in capitals", head + "codes:\n  - code: A\n    fault: Server\n", false, "/codes/0/fault enum"},

		// Problems only the loader sees.
		{"February 30", head + "source:\n  updated: 2024-02-30\n" + code, false, ""},
		{"url without host port", head + "source:\n  url: https://example.com:port/\n" + code, false, ""},
		{"repeated initialism", head + "initialisms: [SMS, sms]\n" + code, false, ""},
		{"name needed", head + "codes:\n  - code: 7\n", false, ""},
		// The patterns check ASCII characters only; errspec validate checks
		// the others.
		{"lower-case Cyrillic name", head + "codes:\n  - code: A\n    name: ошибка\n", false, ""},
		{"package starting with an Arabic-Indic digit", "package: ١x\n" + code, false, ""},
		{"initialism with a euro sign", head + "initialisms: [S€]\n" + code, false, ""},
		{"code ending in an ideographic space", head + "codes:\n  - code: \"A\u3000\"\n", false, ""},
		{"code with a right-to-left override", head + "codes:\n  - code: \"A\u202eB\"\n", false, ""},
		{"url with a no-break space", head + "source:\n  url: \"https://example.com/a\u00a0b\"\n" + code, false, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse("edge.yaml", []byte(c.src))
			if (err == nil) != c.loaderOK {
				t.Errorf("loader: error %v, want accepted %v", err, c.loaderOK)
			}
			errs := validateSchema(sch, yamlValue(t, []byte(c.src)))
			if got := strings.Join(reasons(errs), ", "); got != c.schema {
				t.Errorf("schema: errors %v, want %q", errs, c.schema)
			}
		})
	}
}

// TestSchemaPatternsAgreeWithLoader puts short random strings, of ASCII
// and non-ASCII letters, digits, spaces, punctuation and control and
// formatting characters, into each field with a pattern: whenever the
// loader accepts the spec, the schema must too. The patterns check ASCII
// characters only, and this is what keeps them from refusing a letter, a
// space or a digit the loader takes.
func TestSchemaPatternsAgreeWithLoader(t *testing.T) {
	sch := compileSchema(t)
	pool := []rune("aZ_09 -.\t\n/:@[`{~\"#<>?\\^|}]!$%&'()*+,;=\x00\x1f\x7f\u0085\u00a0ßÄä١ΑОош错€\u200b\u202e\u2028\u3000\ufeff𝒜𝟘")
	// spec returns a minimal spec whose field holds v.
	spec := func(field, v string) map[string]any {
		c := map[string]any{"code": "A"}
		s := map[string]any{"package": "x", "codes": []any{c}}
		switch field {
		case "package":
			s["package"] = v
		case "url":
			s["source"] = map[string]any{"url": "https://" + v}
		case "output":
			s["output"] = map[string]any{"file": v + ".go", "docs": v + ".md"}
		case "initialisms":
			s["initialisms"] = []any{v}
		case "code":
			c["code"], c["name"] = v, "N"
		case "name":
			c["name"] = v
		}
		return s
	}
	r := rand.New(rand.NewPCG(1, 2))
	for _, field := range []string{"package", "url", "output", "initialisms", "code", "name"} {
		accepted := 0
		for range 400 {
			rs := make([]rune, 1+r.IntN(4))
			for i := range rs {
				rs[i] = pool[r.IntN(len(pool))]
			}
			src := marshalYAML(t, spec(field, string(rs)))
			var doc yaml.Node
			if yaml.Unmarshal(src, &doc) != nil {
				continue // yaml.v3 writes some strings it cannot read back
			}
			if _, err := Parse("random.yaml", src); err != nil {
				continue
			}
			accepted++
			if errs := validateSchema(sch, nodeValue(&doc)); len(errs) > 0 {
				t.Errorf("%s: %q: the loader accepts it, the schema does not: %v", field, string(rs), errs)
			}
		}
		if accepted < 10 {
			t.Errorf("%s: the loader accepts only %d of the strings; the test checks too little", field, accepted)
		}
	}
}

// TestSchemaAcceptsLoaderEdges validates specs at the edges of what the
// loader accepts (testdata/loader-edges.txtar: odd specs FuzzParse found
// reaching new code in the loader, kept when its corpus was pruned): the
// schema must not refuse one of them.
func TestSchemaAcceptsLoaderEdges(t *testing.T) {
	sch := compileSchema(t)
	ar, err := txtar.ParseFile("testdata/loader-edges.txtar")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range ar.Files {
		if _, err := Parse(f.Name, f.Data); err != nil {
			t.Errorf("%s: the loader refuses it now: %v", f.Name, err)
			continue
		}
		for _, e := range validateSchema(sch, yamlValue(t, f.Data)) {
			t.Errorf("%s: the loader accepts it, the schema does not: %s\n%s", f.Name, e, f.Data)
		}
	}
	if len(ar.Files) < 10 {
		t.Errorf("only %d specs; the test checks too little", len(ar.Files))
	}
}

// goldenSpecs returns the spec.yaml of every golden case, by case name:
// the generator's (good) and the loader's (bad, in testdata/load).
func goldenSpecs(t *testing.T) (good, bad map[string][]byte) {
	t.Helper()
	paths, err := filepath.Glob("../generator/testdata/*.txtar")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no golden cases in ../generator/testdata (%v)", err)
	}
	load, err := filepath.Glob(loadCases)
	if err != nil || len(load) == 0 {
		t.Fatalf("no cases in %s (%v)", loadCases, err)
	}
	good, bad = map[string][]byte{}, map[string][]byte{}
	for _, path := range append(paths, load...) {
		ar, err := txtar.ParseFile(path)
		if err != nil {
			t.Fatal(err)
		}
		name := strings.TrimSuffix(filepath.Base(path), ".txtar")
		i := slices.IndexFunc(ar.Files, func(f txtar.File) bool { return f.Name == "spec.yaml" })
		if i < 0 {
			t.Fatalf("%s: no spec.yaml", path)
		}
		if strings.HasPrefix(name, "bad-") {
			bad[name] = ar.Files[i].Data
		} else {
			good[name] = ar.Files[i].Data
		}
	}
	return good, bad
}
