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
func SpecYAML(n int) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "package: synth%d\nservice: Synthetic %d-code API\ncategories:\n", n, n)
	for _, c := range categories {
		fmt.Fprintf(&b, "  - name: %s\n", c)
	}
	b.WriteString("codes:\n")
	for _, c := range synthRows(n) {
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

// Codes returns the codes of SpecYAML(n), in order, without the cost of
// parsing it.
func Codes(n int) []string {
	rows := synthRows(n)
	codes := make([]string, len(rows))
	for i, c := range rows {
		codes[i] = c.Code
	}
	return codes
}

// synthRows makes the rows of SpecYAML(n), as the spec would hold them
// before checking.
func synthRows(n int) []spec.Entry {
	r := rand.New(rand.NewPCG(uint64(n), 0x5eed))
	rows := []spec.Entry{{Code: "OK", Message: "Success", Success: true}}
	namer := spec.NewNamer(nil)
	codes, names := map[string]bool{"OK": true}, map[string]bool{"OK": true}
	for len(rows) < n {
		code, name := synthCode(r)
		goName := name
		if goName == "" {
			goName = namer.Name(code)
		}
		if codes[code] || names[goName] {
			continue
		}
		codes[code], names[goName] = true, true
		c := spec.Entry{Code: code, Name: name, Message: synthText(r, 2+r.IntN(6))}
		if r.IntN(3) > 0 {
			c.Solution = synthText(r, 4+r.IntN(10))
		}
		c.Retryable = r.IntN(8) == 0
		if r.IntN(10) == 0 {
			c.Fault = spec.FaultServer
		}
		if r.IntN(2) == 0 {
			c.Category = categories[r.IntN(len(categories))]
		}
		rows = append(rows, c)
	}
	return rows
}

// synthCode makes a code, and its name when it cannot derive one.
func synthCode(r *rand.Rand) (code, name string) {
	switch k := r.IntN(10); {
	case k < 4: // isv.BUSINESS_LIMIT_CONTROL
		return "isv." + joinWords(r, upperWords, 2+r.IntN(3), "_"), ""
	case k < 5: // isp.SYSTEM_ERROR
		return "isp." + joinWords(r, upperWords, 1+r.IntN(3), "_"), ""
	case k < 9: // InvalidParameterValue.TooLarge
		return categoryWords[r.IntN(len(categoryWords))] + "." + joinWords(r, camelWords, 1+r.IntN(3), ""), ""
	default: // 22012
		d := strconv.Itoa(1000 + r.IntN(9_000_000))
		return d, "E" + d
	}
}

func joinWords(r *rand.Rand, words []string, n int, sep string) string {
	w := make([]string, n)
	for i := range w {
		w[i] = words[r.IntN(len(words))]
	}
	return strings.Join(w, sep)
}

// synthText is a text of about n words, in Chinese one time in five.
func synthText(r *rand.Rand, n int) string {
	if r.IntN(5) == 0 {
		return joinWords(r, chineseText, 1+n/3, "，") + "。"
	}
	s := joinWords(r, textWords, n, " ")
	return strings.ToUpper(s[:1]) + s[1:] + "."
}
