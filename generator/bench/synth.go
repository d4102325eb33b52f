// Package bench measures errspec against its baselines: lookups in the
// generated code against a Go map, generation against bare jennifer, and
// generation, start-up and build costs as tables grow from tens to a
// hundred thousand codes. Its benchmarks run with -bench only (make bench
// runs them and writes BENCHMARKS.md); its tests are fast correctness
// checks.
//
// [SpecYAML] writes synthetic specs of any size in the shapes real vendor
// tables use, so that tables larger than any shipped one can be measured
// and checked.
package bench

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"

	"github.com/errspec/errspec/spec"
)

// Words codes and texts are made of: the vocabulary of real error tables.
var (
	upperWords = strings.Fields(`ACCOUNT ACTION AMOUNT API APP AUTH BALANCE BLACK BUSINESS CALL
		CERT CHANNEL CHECK CODE CONTENT CONTROL COUNT COUNTRY DAY DENY DOMAIN DUPLICATE ERROR
		EXPIRED EXTEND FAILED FORBIDDEN FORMAT FREQUENCY ID IDENTITY ILLEGAL INVALID IP JSON KEY
		LENGTH LIMIT MISSING MOBILE MONTH NOT NUMBER OUT OVER PARAM PARAMS PERMISSION PHONE
		PRODUCT QUOTA RAM REQUEST SCENE SERVICE SIGN SIGNATURE SMS SYSTEM TEMPLATE TIMEOUT
		TYPE UNKNOWN URL USER VALUE VERSION`)
	camelWords = strings.Fields(`Account Action Address Bandwidth Billing Cidr Cluster Config Count
		Disk Duplicate Expired Format Gateway Group Image Instance Internal Invalid Key Length
		Limit Malformed Mismatch Missing Network NotFound NotSupported Offline Operation Owner
		Password Period Permission Policy Quota Range Region Role Security Snapshot Spec State
		Subnet Tag Template Timeout TooLarge TooSmall Type Unavailable Unsupported User Value
		Version Volume Zone`)
	categoryWords = strings.Fields(`AuthFailure FailedOperation InternalError InvalidParameter
		InvalidParameterValue LimitExceeded MissingParameter OperationDenied ResourceInUse
		ResourceInsufficient ResourceNotFound ResourceUnavailable UnauthorizedOperation
		UnsupportedOperation`)
	textWords = strings.Fields(`the request parameter value is invalid or missing please check
		account balance template signature phone number format limit exceeded try again later
		contact support service not available resource was not found operation denied by policy
		quota for this region has been reached call frequency too high`)
	chineseText = []string{"参数错误", "请求频率超过限制", "账户余额不足", "签名不合法", "模板不存在",
		"请稍后重试", "请联系客服", "资源不存在", "操作被拒绝", "号码格式错误"}
)

// The categories of a synthetic spec.
var categories = []string{"auth", "billing", "quota", "throttling", "validation", "internal"}

// SpecYAML returns a spec of n codes (n ≥ 1) in the shapes real tables use:
// isv.UPPER_SNAKE and isp.X (Alibaba), Category.CamelCase (Tencent), and
// numeric codes with an explicit name, with English and Chinese texts of
// real lengths. The first code is the success code OK. The same n gives the
// same spec; every code and every Go name is distinct.
func SpecYAML(n int) []byte { return specYAML(fmt.Sprintf("synth%d", n), synthRows(Mixed, n, true)) }

// Codes returns the codes of SpecYAML(n), in order, without the cost of
// parsing it.
func Codes(n int) []string { return codesOf(synthRows(Mixed, n, false)) }

// A Shape is a kind of code vendors' tables hold: lookups are measured
// and checked on each, as a hash may suit one and not another.
type Shape string

const (
	// Mixed is the mix SpecYAML makes: mostly dotted codes, a tenth
	// numeric.
	Mixed Shape = "mixed"
	// Dotted codes name the error in words, in parts: isv.BUSINESS_LIMIT_CONTROL
	// and isp.SYSTEM_ERROR (Alibaba), InvalidParameterValue.TooLarge
	// (Tencent, AWS). The first is the success code OK.
	Dotted Shape = "dotted"
	// Numeric codes are numbers, as Twilio's 21211: five digits, and six
	// once a table outgrows five (past 10,000 codes a table of n codes
	// draws them from 10000 to 10000+9n, as densely as Twilio's).
	Numeric Shape = "numeric"
	// SQLState codes are five digits and capital letters, as SQLSTATE's
	// 23505 and HV00R. The first is the success code 00000.
	SQLState Shape = "sqlstate"
)

// Shapes are the shapes lookups are measured on, besides the real tables.
var Shapes = []Shape{Dotted, Numeric, SQLState}

// ShapeSpecYAML returns a spec of n codes (n ≥ 1) of one shape, named
// <shape><n> (dotted28), with texts as SpecYAML's. The same shape and n
// give the same spec; every code and every Go name is distinct.
func ShapeSpecYAML(shape Shape, n int) []byte {
	return specYAML(fmt.Sprintf("%s%d", shape, n), synthRows(shape, n, true))
}

// ShapeCodes returns the codes of ShapeSpecYAML(shape, n), in order,
// without the cost of parsing it.
func ShapeCodes(shape Shape, n int) []string { return codesOf(synthRows(shape, n, false)) }

// Misses returns n codes of the shape that codes does not hold, drawn as
// the shape's codes are: the unknown codes a lookup meets. The same
// arguments give the same misses.
func Misses(shape Shape, codes []string, n int) []string {
	r := rand.New(rand.NewPCG(uint64(len(codes)), 0x1111))
	known := make(map[string]bool, len(codes)+n)
	for _, c := range codes {
		known[c] = true
	}
	limit := max(len(codes), n)
	out := make([]string, 0, n)
	for len(out) < n {
		code, _ := shapeCode(shape, r, limit)
		if !known[code] {
			known[code] = true
			out = append(out, code)
		}
	}
	return out
}

// NearMisses returns, for each code that has one, a near miss: the code
// with one byte near its middle changed to another of its kind (a digit
// for a digit, a capital for a capital, a small letter for a small
// letter), which codes does not hold. Near misses are what a hash that
// reads only some bytes of a code, or a check that stops at its length,
// lets through.
func NearMisses(codes []string) []string {
	r := rand.New(rand.NewPCG(uint64(len(codes)), 0x2222))
	known := make(map[string]bool, len(codes))
	for _, c := range codes {
		known[c] = true
	}
	var out []string
	for _, c := range codes {
		if miss, ok := nearMiss(r, c, known); ok {
			out = append(out, miss)
		}
	}
	return out
}

// nearMiss changes the letter or digit closest to the middle of code,
// trying each other letter or digit of its kind in a random order.
func nearMiss(r *rand.Rand, code string, known map[string]bool) (string, bool) {
	mid := len(code) / 2
	for d := 0; d <= len(code); d++ {
		for _, at := range []int{mid - d, mid + d} {
			if at < 0 || at >= len(code) {
				continue
			}
			var alphabet string
			switch c := code[at]; {
			case '0' <= c && c <= '9':
				alphabet = "0123456789"
			case 'A' <= c && c <= 'Z':
				alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
			case 'a' <= c && c <= 'z':
				alphabet = "abcdefghijklmnopqrstuvwxyz"
			default:
				continue
			}
			b := []byte(code)
			for _, k := range r.Perm(len(alphabet)) {
				if b[at] = alphabet[k]; b[at] != code[at] && !known[string(b)] {
					return string(b), true
				}
			}
		}
	}
	return "", false
}

// specYAML writes rows as a spec of the package pkg.
func specYAML(pkg string, rows []spec.Entry) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "package: %s\nservice: Synthetic %d-code API\ncategories:\n", pkg, len(rows))
	for _, c := range categories {
		fmt.Fprintf(&b, "  - name: %s\n", c)
	}
	b.WriteString("codes:\n")
	for _, c := range rows {
		fmt.Fprintf(&b, "  - code: %s\n", strconv.Quote(c.Code))
		if c.Name != "" {
			fmt.Fprintf(&b, "    name: %s\n", c.Name)
		}
		fmt.Fprintf(&b, "    message: %s\n", strconv.Quote(c.Message))
		if c.Solution != "" {
			fmt.Fprintf(&b, "    solution: %s\n", strconv.Quote(c.Solution))
		}
		if c.Success {
			b.WriteString("    success: true\n")
		}
		if c.Retryable {
			b.WriteString("    retryable: true\n")
		}
		if c.Fault != "" {
			fmt.Fprintf(&b, "    fault: %s\n", c.Fault)
		}
		if c.Category != "" {
			fmt.Fprintf(&b, "    category: %s\n", c.Category)
		}
	}
	return []byte(b.String())
}

func codesOf(rows []spec.Entry) []string {
	codes := make([]string, len(rows))
	for i, c := range rows {
		codes[i] = c.Code
	}
	return codes
}

// synthRows makes the rows of a spec of n codes of a shape, as the spec
// would hold them before checking; without texts, only their codes and
// names. Mixed's codes and texts come from one random sequence, as they
// always have, so that SpecYAML stays what it was; the other shapes draw
// their texts from a sequence of their own.
func synthRows(shape Shape, n int, texts bool) []spec.Entry {
	seed := uint64(n)
	if shape != Mixed {
		seed ^= uint64(len(shape)) << 32
	}
	r := rand.New(rand.NewPCG(seed, 0x5eed))
	rt := r // the texts' random numbers
	if shape != Mixed {
		rt = rand.New(rand.NewPCG(seed, 0x7e47))
	}
	var rows []spec.Entry
	switch shape {
	case Mixed, Dotted:
		rows = []spec.Entry{{Code: "OK", Message: "Success", Success: true}}
	case SQLState:
		rows = []spec.Entry{{Code: "00000", Name: "SuccessfulCompletion", Message: "Successful completion", Success: true}}
	}
	rows = rows[:min(len(rows), n)]
	namer := spec.NewNamer(nil)
	codes, names := map[string]bool{}, map[string]bool{}
	for _, c := range rows {
		codes[c.Code], names[cmp.Or(c.Name, namer.Name(c.Code))] = true, true
	}
	for len(rows) < n {
		code, name := shapeCode(shape, r, n)
		if codes[code] {
			continue
		}
		goName := name
		if goName == "" {
			goName = namer.Name(code)
		}
		if names[goName] {
			continue
		}
		codes[code], names[goName] = true, true
		c := spec.Entry{Code: code, Name: name}
		switch {
		case texts:
			c.Message = synthText(rt, 2+rt.IntN(6))
			if rt.IntN(3) > 0 {
				c.Solution = synthText(rt, 4+rt.IntN(10))
			}
		case shape == Mixed: // the codes that follow depend on the texts' draws
			skipText(rt, 2+rt.IntN(6))
			if rt.IntN(3) > 0 {
				skipText(rt, 4+rt.IntN(10))
			}
		}
		if texts || shape == Mixed {
			c.Retryable = rt.IntN(8) == 0
			if rt.IntN(10) == 0 {
				c.Fault = spec.FaultServer
			}
			if rt.IntN(2) == 0 {
				c.Category = categories[rt.IntN(len(categories))]
			}
		}
		rows = append(rows, c)
	}
	return rows
}

// shapeCode makes a code of a shape for a table of n codes, and its name
// when its Go name cannot be derived from it.
func shapeCode(shape Shape, r *rand.Rand, n int) (code, name string) {
	switch shape {
	case Dotted:
		return dottedCode(r)
	case Numeric:
		d := strconv.Itoa(10000 + r.IntN(max(90_000, 9*n)))
		return d, "E" + d
	case SQLState:
		const digits, letters = "0123456789", "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
		b := make([]byte, 5)
		for i := range b {
			if r.IntN(10) < 7 {
				b[i] = digits[r.IntN(len(digits))]
			} else {
				b[i] = letters[r.IntN(len(letters))]
			}
		}
		return string(b), "SQLState" + string(b)
	}
	return synthCode(r)
}

// synthCode makes a code of SpecYAML's mix, and its name when it cannot
// derive one.
func synthCode(r *rand.Rand) (code, name string) {
	if k := r.IntN(10); k < 9 {
		return dotted(r, k)
	}
	d := strconv.Itoa(1000 + r.IntN(9_000_000)) // 22012
	return d, "E" + d
}

// dottedCode makes a dotted code.
func dottedCode(r *rand.Rand) (code, name string) { return dotted(r, r.IntN(9)) }

// dotted makes a dotted code of kind k, from 0 to 8: isv.X_Y, isp.X or
// Category.CamelCase, 4, 1 and 4 times in 9.
func dotted(r *rand.Rand, k int) (code, name string) {
	switch {
	case k < 4: // isv.BUSINESS_LIMIT_CONTROL
		return "isv." + joinWords(r, upperWords, 2+r.IntN(3), "_"), ""
	case k < 5: // isp.SYSTEM_ERROR
		return "isp." + joinWords(r, upperWords, 1+r.IntN(3), "_"), ""
	default: // InvalidParameterValue.TooLarge
		return categoryWords[r.IntN(len(categoryWords))] + "." + joinWords(r, camelWords, 1+r.IntN(3), ""), ""
	}
}

func joinWords(r *rand.Rand, words []string, n int, sep string) string {
	w := make([]string, n)
	for i := range w {
		w[i] = words[r.IntN(len(words))]
	}
	return strings.Join(w, sep)
}

// skipText draws from r what synthText(r, n) would, without making the
// text.
func skipText(r *rand.Rand, n int) {
	words := textWords
	if r.IntN(5) == 0 {
		words, n = chineseText, 1+n/3
	}
	for range n {
		r.IntN(len(words))
	}
}

// synthText is a text of about n words, in Chinese one time in five.
func synthText(r *rand.Rand, n int) string {
	if r.IntN(5) == 0 {
		return joinWords(r, chineseText, 1+n/3, "，") + "。"
	}
	s := joinWords(r, textWords, n, " ")
	return strings.ToUpper(s[:1]) + s[1:] + "."
}
