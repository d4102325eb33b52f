package generator

import (
	"encoding/json"
	"testing"
)

// TestJSONIsGenerated: the JSON table is JSON, starts with JSONHeader, and
// so counts as errspec's own file to overwrite; a JSON file a person wrote
// does not.
func TestJSONIsGenerated(t *testing.T) {
	s := mustParse(t, "j.yaml", []byte("package: j\ncodes:\n  - code: A\n"))
	data, err := renderJSON(s)
	if err != nil {
		t.Fatal(err)
	}
	if !json.Valid(data) || !IsGenerated(data) {
		t.Fatalf("renderJSON gives %q: valid %v, generated %v", data, json.Valid(data), IsGenerated(data))
	}
	for _, other := range []string{`{"package": "j"}`, "{\n  \"//\": \"mine\"\n}\n", ""} {
		if IsGenerated([]byte(other)) {
			t.Errorf("IsGenerated(%q) = true", other)
		}
	}
	if HeaderFor("errors.json") != JSONHeader || HeaderFor("errors.go") != GoHeader || HeaderFor("ERRORS.md") != MarkdownHeader {
		t.Error("HeaderFor names the wrong header")
	}
}
