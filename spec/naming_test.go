package spec

import (
	"math/rand/v2"
	"testing"
)

// nameCase is one wire code and the Go name it must derive.
type nameCase struct {
	code, want string
	// valid is whether want is usable after Code and Err; a code whose
	// derived name is not valid needs name: in the spec.
	valid bool
}

// designNames are the examples of DESIGN.md's Naming section, derived with
// the default spec's initialisms (SMS, RAM).
var designNames = []nameCase{
	{"isv.BUSINESS_LIMIT_CONTROL", "BusinessLimitControl", true},
	{"isv.INVALID_JSON_PARAM", "InvalidJSONParam", true},
	{"isp.RAM_PERMISSION_DENY", "RAMPermissionDeny", true},
	{"isv.SMS_CONTENTCODE_ILLEGAL", "SMSContentcodeIllegal", true},
	{"InvalidTimeStamp.Expired", "InvalidTimeStampExpired", true},
	{"SignatureDoesNotMatch", "SignatureDoesNotMatch", true},
	{"OK", "OK", true},
}

// awkwardNames are real-world shapes of wire codes, from Alibaba Cloud's
// other APIs and other vendors, derived with the initialisms SMS, RAM, ECS
// and IPv6.
var awkwardNames = []nameCase{
	// Two codes that split differently but derive the same name: the
	// loader must report the collision (see TestParseNameCollision).
	{"InvalidParameterValue.TooLarge", "InvalidParameterValueTooLarge", true},
	{"InvalidParameter.ValueTooLarge", "InvalidParameterValueTooLarge", true},
	// Mixed case keeps the vendor's spelling.
	{"IPv6AddressMalformed", "IPv6AddressMalformed", true},
	{"UnsupportedOperation", "UnsupportedOperation", true},
	// snake case, all lower.
	{"template_parameter_count_illegal", "TemplateParameterCountIllegal", true},
	// The vendor's typo is kept: names follow the wire code.
	{"MOBLLE_TERMINAL_ERROR", "MoblleTerminalError", true},
	// A trailing (or doubled) separator adds no word.
	{"UnsupportedOperation.", "UnsupportedOperation", true},
	{"isv..BUSINESS_LIMIT_CONTROL", "BusinessLimitControl", true},
	// Digits.
	{"22012", "22012", false},
	{"isv.22012", "22012", false},
	{"LimitExceeded.Quota1000", "LimitExceededQuota1000", true},
	{"Limit1000Exceeded", "Limit1000Exceeded", true},
	{"isp.UTF8_DECODE_ERROR", "UTF8DecodeError", true},
	{"Utf8Error", "UTF8Error", true},
	{"http-status-429", "HTTPStatus429", true},
	// Go's initialisms written in mixed case become all-caps.
	{"InvalidInstanceId.NotFound", "InvalidInstanceIDNotFound", true},
	{"isp.Json_error", "JSONError", true},
	{"Ok", "OK", true},
	// An all-caps run inside camel case is kept, and ends where the next
	// word begins.
	{"ResourceNotFound.ECSInstance", "ResourceNotFoundECSInstance", true},
	{"HTTPServerError", "HTTPServerError", true},
	{"UserIDs", "UserIDs", true},
	// A namespace alone is the whole code, so it is not dropped.
	{"isv.", "Isv", true},
	{"isv", "Isv", true},
	// Only the first segment is a namespace, and only if it is lower case.
	{"isv.FOO.BAR", "FooBar", true},
	{"Throttling.User", "ThrottlingUser", true},
	// A spec initialism in mixed case is spelled as the spec gives it,
	// whatever the case in the code.
	{"IPV6_ERROR", "IPv6Error", true},
	{"ipv6-error", "IPv6Error", true},
	{"isv.ECS_INSTANCE_LOCKED", "ECSInstanceLocked", true},
	// Non-ASCII letters are letters; a name that starts with a letter that
	// has no upper case (Chinese) is not exported.
	{"Ünïcödé", "Ünïcödé", true},
	{"ÉCOLE_FERMÉE", "ÉcoleFermée", true},
	{"短信发送失败", "短信发送失败", false},
	{"isv.短信", "短信", false},
	// Nothing to name.
	{"", "", false},
	{"___", "", false},
}

func TestNamerName(t *testing.T) {
	n := NewNamer([]string{"SMS", "RAM", "ECS", "IPv6"})
	for _, cases := range [][]nameCase{designNames, awkwardNames} {
		for _, c := range cases {
			if got := n.Name(c.code); got != c.want {
				t.Errorf("Name(%q) = %q, want %q", c.code, got, c.want)
			}
			if got := ValidGoName(c.want); got != c.valid {
				t.Errorf("ValidGoName(%q) (from %q) = %v, want %v", c.want, c.code, got, c.valid)
			}
		}
	}
}

// TestNamerDefaultInitialisms checks that spec initialisms add to Go's list
// rather than replace it, and that without them SMS is an ordinary word.
func TestNamerDefaultInitialisms(t *testing.T) {
	for _, c := range []struct {
		namer      *Namer
		code, want string
	}{
		{&Namer{}, "isv.SMS_CONTENTCODE_ILLEGAL", "SmsContentcodeIllegal"},
		{&Namer{}, "isv.INVALID_JSON_PARAM", "InvalidJSONParam"},
		{&Namer{}, "IPV6_ERROR", "Ipv6Error"},
		{nil, "isv.INVALID_JSON_PARAM", "InvalidJSONParam"},
		{NewNamer(nil), "isp.RAM_PERMISSION_DENY", "RAMPermissionDeny"},
		{NewNamer([]string{"SMS"}), "isv.INVALID_JSON_PARAM", "InvalidJSONParam"},
		{NewNamer([]string{"SMS"}), "isv.SMS_CONTENTCODE_ILLEGAL", "SMSContentcodeIllegal"},
	} {
		if got := c.namer.Name(c.code); got != c.want {
			t.Errorf("%#v.Name(%q) = %q, want %q", c.namer, c.code, got, c.want)
		}
	}
}

func TestValidGoName(t *testing.T) {
	for _, c := range []struct {
		name string
		want bool
	}{
		{"BusinessLimitControl", true},
		{"OK", true},
		{"E22012", true},
		{"X", true},
		{"Ünïcödé", true},
		{"HTTPStatus429", true},
		{"", false},
		{"22012", false},
		{"businessLimitControl", false}, // not exported
		{"_Private", false},
		{"短信", false}, // a letter, but not upper case
		{"Bad-Name", false},
		{"Bad Name", false},
		{"Bad.Name", false},
	} {
		if got := ValidGoName(c.name); got != c.want {
			t.Errorf("ValidGoName(%q) = %v, want %v", c.name, got, c.want)
		}
	}
}

// TestNamerStable checks that a name depends on the code alone: the same
// Namer gives the same name however often and in whatever order it is
// asked, and so does a fresh Namer.
func TestNamerStable(t *testing.T) {
	initialisms := []string{"SMS", "RAM", "ECS", "IPv6"}
	var cases []nameCase
	cases = append(append(cases, designNames...), awkwardNames...)

	want := make(map[string]string, len(cases))
	first := NewNamer(initialisms)
	for _, c := range cases {
		want[c.code] = first.Name(c.code)
	}

	rng := rand.New(rand.NewPCG(1, 2))
	shared := NewNamer(initialisms)
	for round := range 20 {
		rng.Shuffle(len(cases), func(i, j int) { cases[i], cases[j] = cases[j], cases[i] })
		fresh := NewNamer(initialisms)
		for _, c := range cases {
			for _, n := range []*Namer{shared, fresh, first} {
				if got := n.Name(c.code); got != want[c.code] {
					t.Fatalf("round %d: Name(%q) = %q, earlier %q", round, c.code, got, want[c.code])
				}
			}
		}
	}
}

// TestNamerInitialismOrder checks that the order of a spec's initialisms
// does not change names.
func TestNamerInitialismOrder(t *testing.T) {
	a := NewNamer([]string{"SMS", "RAM", "ECS", "IPv6"})
	b := NewNamer([]string{"IPv6", "ECS", "RAM", "SMS"})
	for _, c := range awkwardNames {
		if x, y := a.Name(c.code), b.Name(c.code); x != y {
			t.Errorf("Name(%q) = %q or %q depending on the order of initialisms", c.code, x, y)
		}
	}
}
