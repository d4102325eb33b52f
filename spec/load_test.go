package spec

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// ---- the embedded default spec ----

func TestDefault(t *testing.T) {
	s, err := Default()
	if err != nil {
		t.Fatalf("Default: %v", err)
	}
	if s.File != DefaultFile || s.Package != "smserr" || s.Service != "Alibaba Cloud Short Message Service" {
		t.Errorf("File, Package, Service = %q, %q, %q", s.File, s.Package, s.Service)
	}
	want := Source{Title: "API Error Message", URL: "", Updated: "2018-06-15"}
	if diff := cmp.Diff(want, s.Source); diff != "" {
		t.Errorf("Source mismatch (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"SMS", "RAM"}, s.Initialisms); diff != "" {
		t.Errorf("Initialisms mismatch (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"en", "zh"}, s.Languages); diff != "" {
		t.Errorf("Languages mismatch (-want +got):\n%s", diff)
	}
	// The 28 codes of the 2018 English page and the live Chinese table's
	// 88, of which 21 are on both.
	if len(s.Codes) != 95 {
		t.Fatalf("%d codes, want 95", len(s.Codes))
	}

	ok := s.Codes[0]
	if ok.Code != "OK" || !ok.Success || ok.Retryable || ok.Fault != "" || ok.Category != "" || ok.GoName != "OK" {
		t.Errorf("first code = %+v, want OK: success, not retryable, no fault, no category", ok)
	}
	for _, c := range s.Codes[1:] {
		if c.Success != (c.Code == "DELIVERED") {
			t.Errorf("%s: success %v, want only OK and DELIVERED (the delivery receipt's) to be success codes", c.Code, c.Success)
		}
		if !c.Success && !c.Fault.Valid() {
			t.Errorf("%s: fault %q, want client or server", c.Code, c.Fault)
		}
	}

	sys := code(t, s, "isp.SYSTEM_ERROR")
	if !sys.Retryable || sys.Fault != FaultServer || sys.Category != "internal" {
		t.Errorf("isp.SYSTEM_ERROR = retryable %v, fault %q, category %q; want true, server, internal", sys.Retryable, sys.Fault, sys.Category)
	}
}

// TestDefaultClassification checks errspec's judgement of the table: the
// codes worth a retry after a back-off are the server's failures and the
// platform-wide frequency limit; the per-number frequency limits are
// throttling, but not retryable (a back-off of seconds does not lift a
// limit per hour or per day); nothing about a request's parameters,
// content or quota is retryable.
func TestDefaultClassification(t *testing.T) {
	s, err := Default()
	if err != nil {
		t.Fatalf("Default: %v", err)
	}
	var throttling, retryable, server []string
	for _, c := range s.Codes {
		if c.Category == "throttling" {
			throttling = append(throttling, c.Code)
		}
		if c.Retryable {
			retryable = append(retryable, c.Code)
		}
		if c.Fault == FaultServer {
			server = append(server, c.Code)
		}
		param := strings.Contains(c.Code, "PARAM") || strings.Contains(strings.ToLower(c.Message), "parameter")
		if (c.Category == "validation" || c.Category == "content" || c.Category == "quota" || c.Category == "management" || param) && c.Retryable {
			t.Errorf("%s (%q, category %q) is retryable; the same request fails again", c.Code, c.Message, c.Category)
		}
	}
	for _, c := range []struct {
		what      string
		want, got []string
	}{
		{"throttling", []string{"isv.BUSINESS_LIMIT_CONTROL", "isv.SYSTEM_LIMIT_CONTROL", "MOBILE_SEND_LIMIT"}, throttling},
		{"retryable", []string{"isp.SYSTEM_ERROR", "isv.SYSTEM_LIMIT_CONTROL", "isp.GATEWAY_ERROR", "IS_CLOSE"}, retryable},
		{"server fault", []string{"isp.SYSTEM_ERROR", "isp.GATEWAY_ERROR", "IS_CLOSE", "SP_UNKNOWN_ERROR"}, server},
	} {
		if diff := cmp.Diff(c.want, c.got); diff != "" {
			t.Errorf("%s codes mismatch (-want +got):\n%s", c.what, diff)
		}
	}
}

// TestDefaultOrder checks that the codes come back in the order the file
// lists them, read independently of the loader.
func TestDefaultOrder(t *testing.T) {
	s, err := Default()
	if err != nil {
		t.Fatalf("Default: %v", err)
	}
	var want []string
	for _, m := range regexp.MustCompile(`(?m)^  - code: (\S+)$`).FindAllSubmatch(DefaultYAML(), -1) {
		want = append(want, string(m[1]))
	}
	var got []string
	for _, c := range s.Codes {
		got = append(got, c.Code)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("code order mismatch (-want +got):\n%s", diff)
	}
}

// TestDefaultNames checks that every code of the default spec has a
// distinct valid Go name, that each category used is declared, and the
// names DESIGN.md gives for its codes.
func TestDefaultNames(t *testing.T) {
	s, err := Default()
	if err != nil {
		t.Fatalf("Default: %v", err)
	}
	declared := map[string]bool{}
	for _, c := range s.Categories {
		if declared[c.Name] {
			t.Errorf("category %q declared twice", c.Name)
		}
		declared[c.Name] = true
		if !ValidGoName(c.GoName) {
			t.Errorf("category %q: GoName %q is not valid", c.Name, c.GoName)
		}
	}
	used := map[string]string{}
	for _, c := range s.Codes {
		if c.Category != "" && !declared[c.Category] {
			t.Errorf("%s: category %q is not declared", c.Code, c.Category)
		}
		if !ValidGoName(c.GoName) {
			t.Errorf("%s: GoName %q is not valid", c.Code, c.GoName)
		}
		if prev, ok := used[c.GoName]; ok {
			t.Errorf("%s and %s both have GoName %s", prev, c.Code, c.GoName)
		}
		used[c.GoName] = c.Code
		if c.Pos.Line < 1 || c.Pos.Col < 1 {
			t.Errorf("%s: position %v", c.Code, c.Pos)
		}
	}
	for _, c := range designNames {
		if got := code(t, s, c.code).GoName; got != c.want {
			t.Errorf("%s: GoName %q, want %q", c.code, got, c.want)
		}
	}
}

func TestDefaultYAMLIsACopy(t *testing.T) {
	b := DefaultYAML()
	clear(b)
	if _, err := Default(); err != nil {
		t.Fatalf("Default after clearing DefaultYAML's result: %v", err)
	}
	if !bytes.HasPrefix(DefaultYAML(), []byte("# yaml-language-server: ")) {
		t.Errorf("DefaultYAML changed by writing to an earlier result")
	}
}

func code(t *testing.T, s *Spec, wire string) Entry {
	t.Helper()
	for _, c := range s.Codes {
		if c.Code == wire {
			return c
		}
	}
	t.Fatalf("no code %q in the spec", wire)
	return Entry{}
}

// ---- errors the loader reports ----

// file is the name the error cases are parsed under.
const file = "bad.yaml"

// errorText parses src and returns the error text, failing the test if the
// spec was accepted or the error is not an ErrorList.
func errorText(t *testing.T, src string) string {
	t.Helper()
	s, err := Parse(file, []byte(src))
	if err == nil {
		t.Fatalf("Parse accepted the spec (%d codes); want an error", len(s.Codes))
	}
	if s != nil {
		t.Errorf("Parse returned a spec and an error")
	}
	var list ErrorList
	if !errors.As(err, &list) || len(list) == 0 {
		t.Fatalf("error %T %q is not a non-empty ErrorList", err, err)
	}
	return err.Error()
}

// TestParseErrors holds one case per problem the loader must report, each
// with the full text it must report.
func TestParseErrors(t *testing.T) {
	for _, c := range []struct {
		name, src, want string
	}{
		// Syntax. yaml.v3 gives a line only; the column is the line's first
		// non-blank.
		{"malformed YAML/mapping in a value",
			"package: smserr\ncodes:\n  - code: A\n    message: a: b\n",
			"bad.yaml:4:5: invalid YAML: mapping values are not allowed in this context"},
		{"malformed YAML/unclosed flow list",
			"package: smserr\ncodes: [\n",
			"bad.yaml:2:1: invalid YAML: did not find expected node content"},
		{"malformed YAML/unclosed quote",
			"package: smserr\ncodes:\n  - code: A\n    message: \"unclosed\n",
			"bad.yaml:4:5: invalid YAML: found unexpected end of stream"},

		// The keys of languages, families, aliases and HTTP statuses.
		{"language not a BCP 47 tag",
			"package: smserr\nlanguages: [en, zh_CN]\ncodes:\n  - code: A\n",
			`bad.yaml:2:17: language "zh_CN" is not a BCP 47 tag; write it as a language subtag and optional subtags, such as en, zh or zh-Hant`},
		{"language twice",
			"package: smserr\nlanguages: [en, EN]\ncodes:\n  - code: A\n",
			`bad.yaml:2:17: language EN is listed twice (first at line 2); keep one`},
		{"text by language without languages",
			"package: smserr\ncodes:\n  - code: A\n    message: {en: a}\n",
			`bad.yaml:4:14: message: is a mapping of languages, but the spec declares none; add languages: (such as languages: [en, zh], the first the primary) or give the text as it is`},
		{"text in an undeclared language",
			"package: smserr\nlanguages: [en]\ncodes:\n  - code: A\n    solution: {en: a, fr: b}\n",
			`bad.yaml:5:23: solution: has text in fr, a language languages: does not declare (en); declare it there, or remove the text`},
		{"alias is a code",
			"package: smserr\ncodes:\n  - code: A\n    aliases: [B]\n  - code: B\n",
			`bad.yaml:4:15: alias "B" of code "A" is a code of the table itself (line 5); remove one of them`},
		{"alias twice",
			"package: smserr\ncodes:\n  - code: A\n    aliases: [X]\n  - code: B\n    aliases: [X]\n",
			`bad.yaml:6:15: alias "X" is listed twice (first at line 4); an alias belongs to one code`},
		{"http_status out of range",
			"package: smserr\ncodes:\n  - code: A\n    http_status: 42\n",
			`bad.yaml:4:18: http_status: must be an HTTP status from 100 to 599, such as 403, not "42"`},
		{"http_status quoted",
			"package: smserr\ncodes:\n  - code: A\n    http_status: \"403\"\n",
			`bad.yaml:4:18: http_status: must be an HTTP status from 100 to 599, such as 403, not "403"; remove the quotes`},
		{"family without prefix",
			"package: smserr\nfamilies:\n  - doc: x\ncodes:\n  - code: A\n",
			`bad.yaml:3:5: family without prefix:; give the code prefix its members share, such as prefix: LimitExceeded.`},
		{"family prefix twice",
			"package: smserr\nfamilies:\n  - prefix: A.\n  - prefix: A.\ncodes:\n  - code: A\n",
			`bad.yaml:4:13: family prefix "A." is declared twice (first at line 3); keep one`},
		{"family category undeclared",
			"package: smserr\nfamilies:\n  - prefix: A.\n    category: quota\ncodes:\n  - code: B\n",
			`bad.yaml:4:15: category "quota" is not declared; add it under categories:`},
		{"family name taken by a code",
			"package: smserr\nfamilies:\n  - prefix: Limit.\n    name: Quota\ncodes:\n  - code: Quota\n",
			`bad.yaml:3:13: family "Limit." derives Go name Quota, already used by code "Quota" at line 6; set name: on the family to tell them apart`},
		{"family named although its parent is listed",
			"package: smserr\nfamilies:\n  - prefix: Limit.\n    name: Limits\ncodes:\n  - code: Limit\n",
			`bad.yaml:4:11: family "Limit." has no name of its own: the table lists its parent code "Limit", whose sentinel ErrLimit matches the family; remove name:`},
		{"family whose parent is a success code",
			"package: smserr\nfamilies:\n  - prefix: OK.\ncodes:\n  - code: OK\n    success: true\n",
			`bad.yaml:3:13: family "OK." has the success code "OK" as its parent, which has no sentinel to match the family; list it as a code of its own, or choose another prefix`},

		// Keys.
		{"unknown key with suggestion",
			"package: smserr\ncodes:\n  - code: A\n    mesage: hi\n",
			`bad.yaml:4:5: unknown key "mesage" in a code entry; did you mean "message"? (known keys: code, message, solution, success, retryable, fault, category, name, deprecated, aliases, http_status, local)`},
		{"unknown key in another case",
			"package: smserr\ncodes:\n  - code: A\n    Message: hi\n",
			`bad.yaml:4:5: unknown key "Message" in a code entry; did you mean "message"? (known keys: code, message, solution, success, retryable, fault, category, name, deprecated, aliases, http_status, local)`},
		{"unknown key at the top, no suggestion",
			"package: smserr\nversion: 1\ncodes:\n  - code: A\n",
			`bad.yaml:2:1: unknown key "version" in the spec (known keys: package, service, source, output, languages, initialisms, categories, families, codes)`},
		{"unknown key in source",
			"package: smserr\nsource:\n  update: 2018-06-15\ncodes:\n  - code: A\n",
			`bad.yaml:3:3: unknown key "update" in source; did you mean "updated"? (known keys: title, url, updated)`},
		{"key that is not a word",
			"package: smserr\n? [a, b]\n: c\ncodes:\n  - code: A\n",
			"bad.yaml:2:3: keys of the spec must be plain words such as package:, not a list"},
		{"key given twice",
			"package: smserr\ncodes:\n  - code: A\n    message: one\n    message: two\n",
			"bad.yaml:5:5: key message: is given twice in a code entry (first at line 4); keep one"},

		// Types.
		{"wrong type/quoted yes for a boolean",
			"package: smserr\ncodes:\n  - code: A\n    retryable: \"yes\"\n",
			`bad.yaml:4:16: retryable: must be true or false, not "yes"`},
		{"wrong type/number for a boolean",
			"package: smserr\ncodes:\n  - code: A\n    retryable: 1\n",
			`bad.yaml:4:16: retryable: must be true or false, not "1"`},
		{"wrong type/list for text",
			"package: smserr\ncodes:\n  - code: A\n    message: [a, list]\n",
			"bad.yaml:4:14: message: must be text, not a list"},
		{"wrong type/boolean for text",
			"package: smserr\ncodes:\n  - code: A\n    solution: no\n    message: true\n",
			`bad.yaml:5:14: message: must be text, not a boolean; quote it ("true") if it is meant as text`},
		{"wrong type/codes as a mapping",
			"package: smserr\ncodes:\n  A: b\n",
			"bad.yaml:3:3: codes: must be a list (lines starting with -), not a mapping"},
		{"wrong type/code entry as text",
			"package: smserr\ncodes:\n  - A\n",
			"bad.yaml:3:5: a code entry must be a mapping (key: value lines), not text"},
		{"wrong type/source as text",
			"package: smserr\nsource: vendor docs\ncodes:\n  - code: A\n",
			"bad.yaml:2:9: source must be a mapping (key: value lines), not text"},
		{"wrong type/root is a list",
			"- code: A\n",
			"bad.yaml:1:1: a spec is a YAML mapping with keys such as package: and codes:, not a list"},
		{"wrong type/deprecated: true",
			"package: smserr\ncodes:\n  - code: A\n    deprecated: true\n",
			`bad.yaml:4:17: deprecated: takes the reason as text, such as deprecated: "use isv.OTHER instead"`},
		{"wrong type/tagged value",
			"package: smserr\ncodes:\n  - code: !!binary QQ==\n",
			"bad.yaml:3:11: YAML tag !!binary is not supported in a spec; remove it (text may be quoted or tagged !!str)"},

		// Required fields.
		{"missing package",
			"# errors\ncodes:\n  - code: A\n",
			"bad.yaml:2:1: missing package: (the Go package name of the generated code, such as package: smserr)"},
		{"missing codes",
			"package: smserr\n",
			"bad.yaml:1:1: missing codes: (the list of the table's rows, each with at least code:)"},
		{"missing code",
			"package: smserr\ncodes:\n  - code: A\n  - message: no code\n",
			"bad.yaml:4:5: code entry without code:; every row needs its wire code, such as code: isv.BUSINESS_LIMIT_CONTROL"},
		{"empty code",
			"package: smserr\ncodes:\n  - code: \"\"\n",
			"bad.yaml:3:11: code: is empty; give the wire code as the API returns it"},
		{"code with spaces",
			"package: smserr\ncodes:\n  - code: \"isv.A \"\n",
			`bad.yaml:3:11: code "isv.A " has leading or trailing spaces; remove them`},
		{"code with an invisible character",
			"package: smserr\ncodes:\n  - code: \"isv.A\\u200b\"\n",
			`bad.yaml:3:11: code "isv.A\u200b" holds a control or invisible formatting character; wire codes are printable text`},
		{"empty codes list",
			"package: smserr\ncodes: []\n",
			"bad.yaml:2:8: codes: is empty; list at least one code"},
		{"empty codes value",
			"package: smserr\ncodes:\n",
			"bad.yaml:2:7: codes: is empty; list at least one code"},

		// Package names.
		{"invalid package/starts with a digit",
			"package: 9lives\ncodes:\n  - code: A\n",
			`bad.yaml:1:10: package: "9lives" is not a valid Go package name; use letters, digits and underscores, starting with a letter, such as smserr`},
		{"invalid package/hyphen",
			"package: sms-err\ncodes:\n  - code: A\n",
			`bad.yaml:1:10: package: "sms-err" is not a valid Go package name; use letters, digits and underscores, starting with a letter, such as smserr`},
		{"invalid package/blank",
			"package: _\ncodes:\n  - code: A\n",
			`bad.yaml:1:10: package: "_" is not a valid Go package name; use letters, digits and underscores, starting with a letter, such as smserr`},
		{"invalid package/empty",
			"package: \"\"\ncodes:\n  - code: A\n",
			"bad.yaml:1:10: package: is empty; give the Go package name of the generated code, such as package: smserr"},
		{"invalid package/main",
			"package: main\ncodes:\n  - code: A\n",
			"bad.yaml:1:10: package: main cannot be imported; choose a library package name, such as smserr"},
		{"invalid package/keyword",
			"package: type\ncodes:\n  - code: A\n",
			`bad.yaml:1:10: package: "type" is a Go keyword, so it cannot name a package; choose another name, such as typeerr`},

		// Duplicates and references.
		{"duplicate code",
			"package: smserr\ncodes:\n  - code: A\n  - code: B\n  - code: A\n",
			`bad.yaml:5:11: code "A" is listed twice (first at line 3); remove one of the rows`},
		{"undeclared category, none declared",
			"package: smserr\ncodes:\n  - code: A\n    category: throttling\n",
			`bad.yaml:4:15: category "throttling" is not declared; add it under categories:`},
		{"undeclared category, some declared",
			"package: smserr\ncategories:\n  - name: auth\n  - name: quota\ncodes:\n  - code: A\n    category: throttling\n",
			`bad.yaml:7:15: category "throttling" is not declared; add it under categories: or use one of: auth, quota`},
		{"category declared twice",
			"package: smserr\ncategories:\n  - name: auth\n  - name: auth\ncodes:\n  - code: A\n",
			`bad.yaml:4:11: category "auth" is declared twice (first at line 3); keep one`},
		{"category with an empty name",
			"package: smserr\ncategories:\n  - name: \"\"\ncodes:\n  - code: A\n",
			`bad.yaml:3:11: category name "" must be a non-empty word, such as throttling`},
		{"category with an invalid Go name",
			"package: smserr\ncategories:\n  - name: 5xx\ncodes:\n  - code: A\n",
			`bad.yaml:3:11: category "5xx" derives Go name "5xx", which is not an exported Go identifier; rename the category to start with a letter`},
		{"two categories derive the same name",
			"package: smserr\ncategories:\n  - name: rate-limit\n  - name: rate_limit\ncodes:\n  - code: A\n",
			`bad.yaml:4:11: category "rate_limit" derives Go name CategoryRateLimit, already used by category "rate-limit" at line 3; rename one of them`},
		{"category without a name",
			"package: smserr\ncategories:\n  - doc: no name\ncodes:\n  - code: A\n",
			"bad.yaml:3:5: category without name:; give it one, such as name: throttling"},
		{"fault other than client or server",
			"package: smserr\ncodes:\n  - code: A\n    fault: network\n",
			`bad.yaml:4:12: fault: "network" is not a fault; use client (the caller's request is at fault) or server (the service failed)`},
		{"fault in the wrong case",
			"package: smserr\ncodes:\n  - code: A\n    fault: Server\n",
			`bad.yaml:4:12: fault: "Server" is not a fault; use client (the caller's request is at fault) or server (the service failed)`},

		// Names.
		{"numeric code without name",
			"package: smserr\ncodes:\n  - code: 22012\n",
			`bad.yaml:3:11: code "22012" derives Go name "22012", which is not an exported Go identifier; set name: to one, such as name: E22012`},
		{"Chinese code without name",
			"package: smserr\ncodes:\n  - code: 短信发送失败\n",
			`bad.yaml:3:11: code "短信发送失败" derives Go name "短信发送失败", which is not an exported Go identifier; set name: to one (letters and digits, starting with an upper-case letter)`},
		{"two codes derive the same name",
			"package: smserr\ncodes:\n  - code: InvalidParameterValue.TooLarge\n  - code: InvalidParameter.ValueTooLarge\n",
			`bad.yaml:4:11: code "InvalidParameter.ValueTooLarge" derives Go name InvalidParameterValueTooLarge, already used by code "InvalidParameterValue.TooLarge" at line 3; set name: on one of them to tell them apart`},
		{"a name: takes a derived name",
			"package: smserr\ncodes:\n  - code: isv.A\n  - code: isv.B\n    name: A\n",
			`bad.yaml:5:11: code "isv.B" has name: A, already used by code "isv.A" at line 3; set name: on one of them to tell them apart`},
		{"invalid name: lower case",
			"package: smserr\ncodes:\n  - code: A\n    name: businessLimit\n",
			`bad.yaml:4:11: name: "businessLimit" is not an exported Go identifier; use letters and digits, starting with an upper-case letter`},
		{"invalid name: digit first",
			"package: smserr\ncodes:\n  - code: \"22012\"\n    name: 22012Error\n",
			`bad.yaml:4:11: name: "22012Error" is not an exported Go identifier; use letters and digits, starting with an upper-case letter`},
		{"invalid name: punctuation",
			"package: smserr\ncodes:\n  - code: A\n    name: Limit.Control\n",
			`bad.yaml:4:11: name: "Limit.Control" is not an exported Go identifier; use letters and digits, starting with an upper-case letter`},
		{"invalid initialism",
			"package: smserr\ninitialisms: [SMS, S-M]\ncodes:\n  - code: A\n",
			`bad.yaml:2:20: initialism "S-M" must be letters and digits only, such as SMS`},

		// Success codes.
		{"success code classified",
			"package: smserr\ncategories:\n  - name: auth\ncodes:\n  - code: OK\n    success: true\n    retryable: true\n    fault: server\n    category: auth\n",
			`bad.yaml:7:16: code "OK" is a success code, so it cannot have retryable:; remove it` + "\n" +
				`bad.yaml:8:12: code "OK" is a success code, so it cannot have fault:; remove it` + "\n" +
				`bad.yaml:9:15: code "OK" is a success code, so it cannot have category:; remove it`},

		// Source.
		{"bad updated date/impossible",
			"package: smserr\nsource:\n  updated: 2018-13-45\ncodes:\n  - code: A\n",
			`bad.yaml:3:12: updated: "2018-13-45" is not a date; write it as YYYY-MM-DD, such as 2018-06-15`},
		{"bad updated date/vendor format",
			"package: smserr\nsource:\n  updated: Jun 15, 2018\ncodes:\n  - code: A\n",
			`bad.yaml:3:12: updated: "Jun 15, 2018" is not a date; write it as YYYY-MM-DD, such as 2018-06-15`},
		{"bad url/scheme",
			"package: smserr\nsource:\n  url: ftp://example.com/errors\ncodes:\n  - code: A\n",
			`bad.yaml:3:8: url: "ftp://example.com/errors" is not an absolute http(s) URL; write it as https://host/path, with spaces and quotes percent-encoded`},
		{"bad url/relative",
			"package: smserr\nsource:\n  url: /help/errors\ncodes:\n  - code: A\n",
			`bad.yaml:3:8: url: "/help/errors" is not an absolute http(s) URL; write it as https://host/path, with spaces and quotes percent-encoded`},
		{"bad url/space",
			"package: smserr\nsource:\n  url: https://example.com/api errors\ncodes:\n  - code: A\n",
			`bad.yaml:3:8: url: "https://example.com/api errors" is not an absolute http(s) URL; write it as https://host/path, with spaces and quotes percent-encoded`},

		// YAML features a spec refuses.
		{"alias",
			"package: smserr\ncodes:\n  - code: A\n    message: &m Too many requests\n  - code: B\n    message: *m\n",
			"bad.yaml:6:14: aliases (*m) are not supported in a spec; write the value out"},
		{"merge key",
			"package: smserr\ncodes:\n  - code: A\n    <<: {retryable: true, fault: server}\n",
			"bad.yaml:4:5: merge keys (<<) are not supported in a spec; write the keys out"},
		{"malformed second document",
			"package: smserr\ncodes:\n  - code: A\n---\n[\n",
			"bad.yaml:5:1: invalid YAML: did not find expected node content"},
		{"second document",
			"package: smserr\ncodes:\n  - code: A\n---\npackage: other\ncodes:\n  - code: B\n",
			"bad.yaml:4:1: a spec is a single YAML document; remove this second one (and the --- before it)"},

		// Raw text.
		{"invalid UTF-8",
			"package: smserr\ncodes:\n  - code: A\n    message: caf\xe9 au lait\n",
			"bad.yaml:4:17: invalid UTF-8 (byte 0xe9); a spec must be UTF-8 text"},
		{"invalid UTF-8 after multi-byte text",
			"package: smserr\ncodes:\n  - code: A\n    message: 短信\xff\n",
			"bad.yaml:4:16: invalid UTF-8 (byte 0xff); a spec must be UTF-8 text"},
		{"control character",
			"package: smserr\ncodes:\n  - code: A\n    message: ring\x07bell\n",
			`bad.yaml:4:18: control character U+0007 is not allowed in YAML text; write it as an escape in a double-quoted string ("\x07") or remove it`},
		{"control character after multi-byte text",
			"package: smserr\ncodes:\n  - code: A\n    message: 短信\x1b[0m\n",
			`bad.yaml:4:16: control character U+001B is not allowed in YAML text; write it as an escape in a double-quoted string ("\x1b") or remove it`},
		{"NUL on the first line",
			"\x00package: smserr\n",
			`bad.yaml:1:1: control character U+0000 is not allowed in YAML text; write it as an escape in a double-quoted string ("\x00") or remove it`},
		{"empty file",
			"",
			"bad.yaml:1:1: the spec is empty; it needs at least package: and codes:"},
		{"comments only",
			"# package: smserr\n\n",
			"bad.yaml:1:1: the spec is empty; it needs at least package: and codes:"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := errorText(t, c.src); got != c.want {
				t.Errorf("Parse(%q):\ngot  %s\nwant %s", c.src, got, c.want)
			}
		})
	}
}

// TestParseColumnsAgree checks that a raw-text error and a YAML node after
// the same multi-byte text are located with the same kind of column: runes,
// as yaml.v3 counts them.
func TestParseColumnsAgree(t *testing.T) {
	// The unknown key and the control character are both at rune 28,
	// byte 32.
	got := errorText(t, "package: smserr\ncodes:\n  - {code: A, message: 短信, mesage: x}\n")
	if want := `bad.yaml:3:28: unknown key "mesage"`; !strings.HasPrefix(got, want) {
		t.Errorf("got %s\nwant prefix %s", got, want)
	}
	got = errorText(t, "package: smserr\ncodes:\n  - {code: A, message: 短信, \x01esage: x}\n")
	if want := "bad.yaml:3:28: control character U+0001"; !strings.HasPrefix(got, want) {
		t.Errorf("got %s\nwant prefix %s", got, want)
	}
}

// TestParseYAMLErrorLine checks that a syntax error names a line that
// holds the problem. yaml.v3 reports parser errors at the line before the
// enclosing block (its 0-based context line), and some scanner errors at
// the line before the problem.
func TestParseYAMLErrorLine(t *testing.T) {
	for _, c := range []struct {
		name, src string
		lines     []int // lines an error may name
	}{
		// Line 4 is indented deeper than the list item's keys: the
		// problem is line 4, in the item that starts at line 3.
		{"mis-indented key", "package: smserr\ncodes:\n  - code: A\n   message: x\n", []int{3, 4}},
		// A key at the list's own indent after an item.
		{"key at list indent", "package: smserr\n\n\ncodes:\n  - code: A\n  message: x\n", []int{5, 6}},
		// A tab where indentation is expected, on line 4.
		{"tab indentation", "package: smserr\ncodes:\n  - code: A\n\tmessage: x\n", []int{4}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := errorText(t, c.src)
			var line int
			if m := regexp.MustCompile(`^bad\.yaml:(\d+):\d+: invalid YAML: `).FindStringSubmatch(got); m != nil {
				line = atoi(m[1])
			}
			if !slices.Contains(c.lines, line) {
				t.Errorf("Parse(%q) = %s\nwant an invalid YAML error at line %v", c.src, got, c.lines)
			}
		})
	}
}

// TestParseUnknownAnchor checks that an alias to an anchor that does not
// exist is located and explained like any other alias, not passed on as
// yaml.v3's "yaml: unknown anchor" at 1:1.
func TestParseUnknownAnchor(t *testing.T) {
	got := errorText(t, "package: smserr\ncodes:\n  - code: A\n    message: *m\n")
	if strings.Contains(got, "yaml: yaml:") || strings.Contains(got, "YAML: yaml:") {
		t.Errorf("message repeats yaml.v3's prefix: %s", got)
	}
	if !strings.HasPrefix(got, "bad.yaml:4:") || !strings.Contains(got, "*m") {
		t.Errorf("got %s\nwant an error at line 4 naming the alias *m", got)
	}
}

// TestParseQuotedBoolean checks that a boolean written in quotes is
// explained: "must be true or false, not \"true\"" contradicts itself.
func TestParseQuotedBoolean(t *testing.T) {
	got := errorText(t, "package: smserr\ncodes:\n  - code: A\n    retryable: \"true\"\n")
	if !strings.HasPrefix(got, "bad.yaml:4:16: retryable: ") || !strings.Contains(got, "quote") {
		t.Errorf("got %s\nwant an error at 4:16 saying to remove the quotes", got)
	}
}

// TestParsePackageInit checks that init is refused as a package name: like
// main, a package named init cannot be imported ("cannot import package as
// init - init must be a func").
func TestParsePackageInit(t *testing.T) {
	s, err := Parse(file, []byte("package: init\ncodes:\n  - code: A\n"))
	if err == nil {
		t.Fatalf("Parse accepted package: init (package %q); the generated package could not be imported", s.Package)
	}
	if got := err.Error(); !strings.HasPrefix(got, "bad.yaml:1:10: package: ") || !strings.Contains(got, "init") {
		t.Errorf("got %s\nwant an error at 1:10 about package init", got)
	}
}

// TestParseLowerCaseInitialism checks that an initialism starting in lower
// case (iOS) does not make the loader blame a code for a name the
// initialism spelled: the spec either names the code IOSError, or reports
// the initialism where it is listed.
func TestParseLowerCaseInitialism(t *testing.T) {
	s, err := Parse(file, []byte("package: smserr\ninitialisms: [iOS]\ncodes:\n  - code: IOS_PUSH_FAILED\n"))
	if err == nil {
		if name := s.Codes[0].GoName; !ValidGoName(name) {
			t.Errorf("accepted with GoName %q, not a valid name", name)
		}
		return
	}
	var first *Error
	if !errors.As(err, &first) || first.Pos.Line != 2 {
		t.Errorf("got %s\nwant the derived name IOSPushFailed, or an error at line 2 about the initialism iOS", err)
	}
}

func atoi(s string) int {
	n := 0
	for _, r := range s {
		n = n*10 + int(r-'0')
	}
	return n
}

// TestParseManyProblems checks that one Parse reports every problem of a
// spec, from decoding and from the checks across entries, sorted by
// position, and that errors.As finds each *Error.
func TestParseManyProblems(t *testing.T) {
	src := `package: main
sevice: SMS
categories:
  - name: throttling
codes:
  - code: OK
    success: true
    retryable: true
  - code: isv.A
    mesage: hi
    retryable: "yes"
  - code: isv.A
  - code: isv.B
    fault: network
    category: quota
  - code: 22012
  - code: InvalidParameterValue.TooLarge
  - code: InvalidParameter.ValueTooLarge
    name: bad name
  - code: InvalidParameter.ValueTooLarge2
    message: [not, text]
`
	want := []string{
		`bad.yaml:1:10: package: main cannot be imported; choose a library package name, such as smserr`,
		`bad.yaml:2:1: unknown key "sevice" in the spec; did you mean "service"? (known keys: package, service, source, output, languages, initialisms, categories, families, codes)`,
		`bad.yaml:8:16: code "OK" is a success code, so it cannot have retryable:; remove it`,
		`bad.yaml:10:5: unknown key "mesage" in a code entry; did you mean "message"? (known keys: code, message, solution, success, retryable, fault, category, name, deprecated, aliases, http_status, local)`,
		`bad.yaml:11:16: retryable: must be true or false, not "yes"`,
		`bad.yaml:12:11: code "isv.A" is listed twice (first at line 9); remove one of the rows`,
		`bad.yaml:14:12: fault: "network" is not a fault; use client (the caller's request is at fault) or server (the service failed)`,
		`bad.yaml:15:15: category "quota" is not declared; add it under categories: or use one of: throttling`,
		`bad.yaml:16:11: code "22012" derives Go name "22012", which is not an exported Go identifier; set name: to one, such as name: E22012`,
		`bad.yaml:19:11: name: "bad name" is not an exported Go identifier; use letters and digits, starting with an upper-case letter`,
		`bad.yaml:21:14: message: must be text, not a list`,
	}
	s, err := Parse(file, []byte(src))
	if err == nil {
		t.Fatalf("Parse accepted the spec (%d codes)", len(s.Codes))
	}
	var list ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("error %T is not an ErrorList", err)
	}
	if diff := cmp.Diff(want, strings.Split(err.Error(), "\n")); diff != "" {
		t.Errorf("errors mismatch (-want +got):\n%s", diff)
	}
	if !slices.IsSortedFunc(list, func(a, b *Error) int {
		if a.Pos.Line != b.Pos.Line {
			return a.Pos.Line - b.Pos.Line
		}
		return a.Pos.Col - b.Pos.Col
	}) {
		t.Errorf("errors not sorted by position:\n%v", err)
	}
	for i, e := range list {
		if e.File != file || e.Pos.Line < 1 || e.Pos.Col < 1 {
			t.Errorf("list[%d] = %+v, want File %q and a position", i, e, file)
		}
	}

	var one *Error
	if !errors.As(err, &one) {
		t.Fatalf("errors.As found no *Error in %T", err)
	}
	if one != list[0] {
		t.Errorf("errors.As found %v, want the first error %v", one, list[0])
	}
	// Wrapped, as a caller may return it.
	if !errors.As(errors.Join(errors.New("validate"), err), &one) || one != list[0] {
		t.Errorf("errors.As through a wrapper found %v", one)
	}
}

func TestPosString(t *testing.T) {
	if got := (Pos{Line: 12, Col: 7}).String(); got != "12:7" {
		t.Errorf("Pos{12, 7}.String() = %q, want 12:7", got)
	}
}

// ---- size limits and files ----

func TestParseTooLarge(t *testing.T) {
	head := []byte("package: smserr\ncodes:\n  - code: A\n    message: ")
	data := make([]byte, DefaultMaxSize+1)
	copy(data, head)
	for i := len(head); i < len(data)-1; i++ {
		data[i] = 'x'
	}
	data[len(data)-1] = '\n'

	s, err := Parse(file, data)
	if err == nil {
		t.Fatalf("Parse accepted a spec of %d bytes (%d codes)", len(data), len(s.Codes))
	}
	var list ErrorList
	if !errors.As(err, &list) || len(list) != 1 {
		t.Fatalf("error %T %q is not an ErrorList of one", err, err)
	}
	want := "bad.yaml:1:1: the spec is larger than the limit of 16777216 bytes; split the table, or raise the limit"
	if got := err.Error(); !strings.HasPrefix(got, want) {
		t.Errorf("got  %s\nwant %s...", got, want)
	}

	// At the limit exactly, the spec is read.
	if _, err := Parse(file, data[:DefaultMaxSize]); err != nil {
		t.Errorf("Parse of exactly DefaultMaxSize bytes: %.200v", err)
	}
}

func TestLoadLimit(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "errors.yaml")
	src := "package: smserr\ncodes:\n  - code: A\n    message: " + strings.Repeat("x", 100) + "\n"
	if err := os.WriteFile(path, []byte(src), 0o666); err != nil {
		t.Fatal(err)
	}

	_, err := LoadLimit(path, 64)
	want := path + ":1:1: the spec is larger than the limit of 64 bytes; split the table, or raise the limit"
	if err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("LoadLimit(64) = %v\nwant %s...", err, want)
	}
	var list ErrorList
	if !errors.As(err, &list) {
		t.Errorf("LoadLimit error %T is not an ErrorList", err)
	}

	for _, limit := range []int64{int64(len(src)), DefaultMaxSize} {
		s, err := LoadLimit(path, limit)
		if err != nil {
			t.Fatalf("LoadLimit(%d) of %d bytes: %v", limit, len(src), err)
		}
		if s.File != path || len(s.Codes) != 1 || s.Codes[0].GoName != "A" {
			t.Errorf("LoadLimit(%d) = File %q, %d codes", limit, s.File, len(s.Codes))
		}
	}
	s, err := Load(path)
	if err != nil || s.File != path {
		t.Errorf("Load = %v, %v", s, err)
	}
}

func TestLoadErrors(t *testing.T) {
	dir := t.TempDir()

	_, err := Load(filepath.Join(dir, "missing.yaml"))
	var pe *fs.PathError
	if !errors.As(err, &pe) || !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Load of a missing file = %T %v, want a *fs.PathError for a missing file", err, err)
	}

	path := filepath.Join(dir, "bad.yaml")
	if err := os.WriteFile(path, []byte("package: smserr\ncodes:\n  - code: A\n    fault: network\n"), 0o666); err != nil {
		t.Fatal(err)
	}
	_, err = Load(path)
	want := path + `:4:12: fault: "network" is not a fault; use client (the caller's request is at fault) or server (the service failed)`
	if err == nil || err.Error() != want {
		t.Errorf("Load = %v\nwant %s", err, want)
	}
}

// ---- robustness ----

var located = regexp.MustCompile(`^` + regexp.QuoteMeta(DefaultFile) + `:(\d+):(\d+): \S`)

// TestParsePrefixes parses truncated copies of the default spec: every
// prefix of its first 2 KB, and every whole-line prefix of the rest. Each
// must give a spec or an ErrorList of located messages, never a panic.
func TestParsePrefixes(t *testing.T) {
	data := DefaultYAML()
	var cuts []int
	for n := range min(2048, len(data)) {
		cuts = append(cuts, n)
	}
	for n := 2048; n < len(data); n++ {
		if data[n] == '\n' {
			cuts = append(cuts, n+1)
		}
	}
	var specs, refused int
	for _, n := range cuts {
		prefix := data[:n]
		s, err := parseNoPanic(t, DefaultFile, prefix)
		if (s == nil) == (err == nil) {
			t.Fatalf("prefix of %d bytes: spec %v, error %v; want exactly one", n, s, err)
		}
		if s != nil {
			specs++
			if len(s.Codes) == 0 {
				t.Errorf("prefix of %d bytes: a spec without codes", n)
			}
			continue
		}
		refused++
		var list ErrorList
		if !errors.As(err, &list) || len(list) == 0 {
			t.Fatalf("prefix of %d bytes: error %T %v is not an ErrorList", n, err, err)
		}
		lines := bytes.Count(prefix, []byte("\n")) + 1
		for _, e := range list {
			m := located.FindStringSubmatch(e.Error())
			if m == nil {
				t.Fatalf("prefix of %d bytes: message not located: %s", n, e)
			}
			if line, col := atoi(m[1]), atoi(m[2]); line < 1 || line > lines || col < 1 {
				t.Fatalf("prefix of %d bytes (%d lines): position %d:%d is outside the text: %s", n, lines, line, col, e)
			}
		}
	}
	if specs == 0 || refused == 0 {
		t.Errorf("%d prefixes parsed and %d refused; want some of each", specs, refused)
	}
}

// parseNoPanic is Parse, failing the test rather than the test binary when
// Parse panics.
func parseNoPanic(t *testing.T, name string, data []byte) (s *Spec, err error) {
	t.Helper()
	defer func() {
		if r := recover(); r != nil {
			t.Fatalf("Parse panicked on %.300q...: %v\n%s", data, r, debug.Stack())
		}
	}()
	return Parse(name, data)
}

// refusedBase is a valid spec using every key; TestParseRefusedValues
// replaces one value at a time with a form the loader refuses.
const refusedBase = `package: smserr
service: Short Message Service
source:
  title: API Error Message
  url: https://example.com/errors
  updated: 2018-06-15
initialisms: [SMS]
categories:
  - name: auth
    doc: Credentials were rejected.
codes:
  - code: OK
    message: &m Accepted
    solution: N/A
    success: true
  - code: isv.SMS_DENIED
    message: Denied
    solution: Check the key.
    retryable: false
    fault: client
    category: auth
    name: SMSDenied
    deprecated: use isv.OTHER
`

// TestParseRefusedValues replaces each scalar value of a full spec in turn
// with a tagged value and, after the anchor, with an alias: the loader must
// report the value where it is, and must not panic.
func TestParseRefusedValues(t *testing.T) {
	lines := strings.Split(refusedBase, "\n")
	if _, err := Parse(file, []byte(refusedBase)); err != nil {
		t.Fatalf("the base spec is refused: %v", err)
	}
	value := regexp.MustCompile(`^(\s*(?:- )?)(\w+): (.+)$`)
	anchorLine := slices.IndexFunc(lines, func(l string) bool { return strings.Contains(l, "&m") }) + 1
	for i, line := range lines {
		m := value.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		col := len(m[1]) + len(m[2]) + 3
		forms := []struct{ value, msg string }{
			{"!!int 1", "YAML tag !!int is not supported in a spec; remove it (text may be quoted or tagged !!str)"},
		}
		if i+1 > anchorLine {
			forms = append(forms, struct{ value, msg string }{"*m", "aliases (*m) are not supported in a spec; write the value out"})
		}
		for _, f := range forms {
			edited := slices.Clone(lines)
			edited[i] = m[1] + m[2] + ": " + f.value
			src := strings.Join(edited, "\n")
			t.Run(fmt.Sprintf("line %d %s: %s", i+1, m[2], f.value), func(t *testing.T) {
				_, err := parseNoPanic(t, file, []byte(src))
				want := fmt.Sprintf("%s:%d:%d: %s", file, i+1, col, f.msg)
				if err == nil || !slices.Contains(strings.Split(err.Error(), "\n"), want) {
					t.Errorf("line %d %q:\ngot  %v\nwant %s", i+1, edited[i], err, want)
				}
			})
		}
	}
}

func TestOutputNames(t *testing.T) {
	for _, c := range []struct {
		file, docs string
		want       string // part of the error, or "" for accepted
	}{
		{"errors.go", "ERRORS.md", ""},
		{"codes.go", "none", ""},
		{"codes.go", "NONE", ""},
		{"errors_test.go", "", "test file"},
		{"errors_windows.go", "", "operating system or architecture"},
		{"errors_linux_arm64.go", "", "operating system or architecture"},
		{"errors_amd64.go", "", "operating system or architecture"},
		{"windows.go", "", ""}, // a name that is only a platform is not constrained
		{"doc.go", "", "doc.go is the hand-written file"},
		{".errors.go", "", "ignore it"},
		{"_errors.go", "", "ignore it"},
		{"sub/errors.go", "", "not a plain file name"},
		{"errors.txt", "", "does not end in .go"},
		{"", "go.mod", "a file the go command reads"},
		{"", "go.sum", "a file the go command reads"},
		{"", "go.work", "a file the go command reads"},
		{"", "vendor", "has no extension"},
		{"", "errors.go", "is a Go file name"},
	} {
		src := "package: x\noutput:\n"
		if c.file != "" {
			src += "  file: " + c.file + "\n"
		}
		if c.docs != "" {
			src += "  docs: " + c.docs + "\n"
		}
		s, err := Parse("x.yaml", []byte(src+"codes:\n  - code: A\n"))
		switch {
		case c.want == "" && err != nil:
			t.Errorf("file %q docs %q: %v", c.file, c.docs, err)
		case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
			t.Errorf("file %q docs %q: error %v; want one saying %q", c.file, c.docs, err, c.want)
		case c.want == "" && strings.EqualFold(c.docs, NoDocs) && s.Output.Docs != NoDocs:
			t.Errorf("docs %q read as %q, want %q", c.docs, s.Output.Docs, NoDocs)
		}
	}
}
