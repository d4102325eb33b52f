package spec

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// The keys of each mapping, in the order the README documents them.
var (
	specKeys     = []string{"package", "service", "source", "output", "languages", "initialisms", "categories", "families", "codes"}
	sourceKeys   = []string{"title", "url", "updated"}
	outputKeys   = []string{"file", "docs", "templates", "json"}
	categoryKeys = []string{"name", "doc"}
	familyKeys   = []string{"prefix", "name", "doc", "retryable", "fault", "category"}
	codeKeys     = []string{"code", "message", "solution", "success", "retryable", "fault", "category", "name", "deprecated", "aliases", "http_status", "local"}
)

// field is one key: value pair of a mapping. A key that is not in the
// mapping has neither; a key whose value was refused (and reported) has no
// value, and reads as invalid.
type field struct {
	key, value *yaml.Node
}

// usable reports whether a field holds a value to read: absent fields read
// as zero values, and refused ones are not read again.
func (f field) usable() bool { return f.value != nil }

// fields returns the pairs of mapping n, whose keys must be among known; it
// reports unknown keys (suggesting the nearest known one), repeated keys,
// merge keys and aliases. what names the mapping in messages.
func (d *decoder) fields(n *yaml.Node, what string, known []string) map[string]field {
	if n.Kind != yaml.MappingNode {
		d.errorf(n, "%s must be a mapping (key: value lines), not %s", what, kindName(n))
		return nil
	}
	out := make(map[string]field, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		switch {
		case k.Tag == "!!merge":
			d.errorf(k, "merge keys (<<) are not supported in a spec; write the keys out")
			continue
		case k.Kind != yaml.ScalarNode:
			d.errorf(k, "keys of %s must be plain words such as %s:, not %s", what, known[0], kindName(k))
			continue
		}
		if !contains(known, k.Value) {
			d.errorf(k, "unknown key %q in %s%s (known keys: %s)", k.Value, what, suggest(k.Value, known), strings.Join(known, ", "))
			continue
		}
		if prev, ok := out[k.Value]; ok {
			d.errorf(k, "key %s: is given twice in %s (first at line %d); keep one", quoteIfNeeded(k.Value), what, prev.key.Line)
			continue
		}
		if !d.plain(v) {
			v = nil // reported; the key counts as given
		}
		out[k.Value] = field{k, v}
	}
	return out
}

// plain reports whether n is free of the YAML features a spec refuses:
// aliases, and tags other than !!str.
func (d *decoder) plain(n *yaml.Node) bool {
	switch {
	case n.Kind == yaml.AliasNode:
		d.errorf(n, "aliases (*%s) are not supported in a spec; write the value out", quoteIfNeeded(n.Value))
		return false
	case n.Style&yaml.TaggedStyle != 0 && (n.Tag != "!!str" || n.Kind != yaml.ScalarNode):
		d.errorf(n, "YAML tag %s is not supported in a spec; remove it (text may be quoted or tagged !!str)", quoteIfNeeded(n.Tag))
		return false
	}
	return true
}

// text reads a text value. Numbers and dates count as text, spelled as
// written (code: 22012 is the code "22012"); null is the empty string.
func (d *decoder) text(f field) (string, bool) {
	v := f.value
	if v == nil {
		return "", f.key == nil
	}
	if v.Kind != yaml.ScalarNode || v.Tag == "!!bool" {
		d.errorf(v, "%s: must be text, not %s%s", f.key.Value, kindName(v), quoteHint(v))
		return "", false
	}
	if v.Tag == "!!null" {
		return "", true
	}
	return v.Value, true
}

func quoteHint(v *yaml.Node) string {
	if v.Kind == yaml.ScalarNode {
		return fmt.Sprintf(`; quote it ("%s") if it is meant as text`, v.Value)
	}
	return ""
}

// boolean reads a true/false value.
func (d *decoder) boolean(f field) bool {
	v := f.value
	if v == nil || v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
		return false
	}
	if v.Kind != yaml.ScalarNode || v.Tag != "!!bool" {
		hint := ""
		if v.Kind == yaml.ScalarNode && (v.Value == "true" || v.Value == "false") {
			hint = "; remove the quotes"
		}
		d.errorf(v, "%s: must be true or false, not %s%s", f.key.Value, describe(v), hint)
		return false
	}
	return strings.EqualFold(v.Value, "true")
}

// quoteIfNeeded returns s as it is when it is printable, and quoted with
// Go escapes otherwise, so that no message carries a raw control
// character or line break from the input.
func quoteIfNeeded(s string) string {
	if strings.ContainsFunc(s, unsafeRune) || !utf8.ValidString(s) {
		return strconv.Quote(s)
	}
	return s
}

func isNull(v *yaml.Node) bool { return v.Kind == yaml.ScalarNode && v.Tag == "!!null" }

func describe(v *yaml.Node) string {
	if v.Kind == yaml.ScalarNode && v.Tag != "!!null" {
		return fmt.Sprintf("%q", v.Value)
	}
	return kindName(v)
}

// list returns the items of a sequence value.
func (d *decoder) list(f field) []*yaml.Node {
	v := f.value
	if v == nil || v.Tag == "!!null" && v.Kind == yaml.ScalarNode {
		return nil
	}
	if v.Kind != yaml.SequenceNode {
		d.errorf(v, "%s: must be a list (lines starting with -), not %s", f.key.Value, kindName(v))
		return nil
	}
	var items []*yaml.Node
	for _, item := range v.Content {
		if d.plain(item) {
			items = append(items, item)
		}
	}
	return items
}

// spec decodes the root mapping. Problems are recorded; whatever could be
// read is returned so that later checks can still run.
func (d *decoder) spec(root *yaml.Node) *Spec {
	s := &Spec{File: d.file}
	f := d.fields(root, "the spec", specKeys)
	if pkg, ok := f["package"]; !ok {
		d.errorf(root, "missing package: (the Go package name of the generated code, such as package: smserr)")
	} else if s.Package, ok = d.text(pkg); ok {
		d.checkPackage(pkg.value, s.Package)
	}
	s.Service, _ = d.text(f["service"])
	if src := f["source"]; src.usable() && !isNull(src.value) {
		s.Source = d.source(src.value)
	}
	if out := f["output"]; out.usable() && !isNull(out.value) {
		s.Output = d.output(out.value)
	}
	s.Languages = d.languages(f["languages"])
	seen := map[string]*yaml.Node{}
	for _, n := range d.list(f["initialisms"]) {
		w, ok := d.text(field{f["initialisms"].key, n})
		up := strings.ToUpper(w)
		switch {
		case !ok:
		case w == "" || !isWord(w):
			d.errorf(n, "initialism %q must be letters and digits only, such as SMS", w)
		case seen[up] != nil:
			d.errorf(n, "initialism %s repeats %s (line %d) in another spelling; keep the one to use", w, seen[up].Value, seen[up].Line)
		default:
			seen[up] = n
			s.Initialisms = append(s.Initialisms, w)
		}
	}
	for _, n := range d.list(f["categories"]) {
		if c, ok := d.category(n); ok {
			s.Categories = append(s.Categories, c)
		}
	}
	for _, n := range d.list(f["families"]) {
		if fam, ok := d.family(n); ok {
			s.Families = append(s.Families, fam)
		}
	}
	codes, ok := f["codes"]
	if !ok {
		d.errorf(root, "missing codes: (the list of the table's rows, each with at least code:)")
		return s
	}
	items := d.list(codes)
	if v := codes.value; v != nil && (v.Kind == yaml.SequenceNode && len(v.Content) == 0 || v.Kind == yaml.ScalarNode && v.Tag == "!!null") {
		d.errorf(v, "codes: is empty; list at least one code")
	}
	for _, n := range items {
		if c, ok := d.code(n, s.Languages); ok {
			s.Codes = append(s.Codes, c)
		}
	}
	return s
}

func (d *decoder) source(n *yaml.Node) Source {
	f := d.fields(n, "source", sourceKeys)
	var src Source
	src.Title, _ = d.text(f["title"])
	if u, ok := f["url"]; ok {
		if src.URL, ok = d.text(u); ok && src.URL != "" {
			d.checkURL(u.value, src.URL)
		}
	}
	if up, ok := f["updated"]; ok {
		if src.Updated, ok = d.text(up); ok && src.Updated != "" {
			d.checkDate(up.value, src.Updated)
		}
	}
	return src
}

func (d *decoder) output(n *yaml.Node) Output {
	f := d.fields(n, "output", outputKeys)
	var out Output
	for _, k := range []struct {
		key  string
		dst  *string
		kind fileKind
	}{{"file", &out.File, goFile}, {"docs", &out.Docs, docsFile}, {"templates", &out.Templates, folder}, {"json", &out.JSON, docsFile}} {
		v, ok := d.text(f[k.key])
		if !ok || v == "" {
			continue
		}
		if err := checkFileName(v, k.kind); err != nil {
			d.errorf(f[k.key].value, "%s: %v", k.key, err)
			continue
		}
		if k.kind == docsFile && strings.EqualFold(v, NoDocs) {
			v = NoDocs
		}
		*k.dst = v
	}
	return out
}

func (d *decoder) category(n *yaml.Node) (Category, bool) {
	f := d.fields(n, "a category", categoryKeys)
	if f == nil {
		return Category{}, false
	}
	c := Category{Pos: pos(n)}
	name, ok := f["name"]
	if !ok {
		d.errorf(n, "category without name:; give it one, such as name: throttling")
		return c, false
	}
	if c.Name, ok = d.text(name); !ok {
		return c, false
	}
	c.Pos = pos(name.value)
	c.Doc, _ = d.text(f["doc"])
	return c, true
}

func (d *decoder) code(n *yaml.Node, langs []string) (Entry, bool) {
	f := d.fields(n, "a code entry", codeKeys)
	if f == nil {
		return Entry{}, false
	}
	c := Entry{Pos: pos(n)}
	code, ok := f["code"]
	if !ok {
		d.errorf(n, "code entry without code:; every row needs its wire code, such as code: isv.BUSINESS_LIMIT_CONTROL")
		return c, false
	}
	if c.Code, ok = d.text(code); !ok {
		return c, false
	}
	c.Pos = pos(code.value)
	d.codeText(&c, f, langs)
	c.Success = d.boolean(f["success"])
	c.Retryable = d.boolean(f["retryable"])
	if fault, ok := f["fault"]; ok {
		v, _ := d.text(fault)
		c.Fault = Fault(v)
	}
	c.Category, _ = d.text(f["category"])
	c.set = fieldSet{retryable: f["retryable"].usable() && !isNull(f["retryable"].value), fault: c.Fault != "", category: c.Category != ""}
	c.Name, _ = d.text(f["name"])
	for _, a := range d.list(f["aliases"]) {
		if v, ok := d.text(field{f["aliases"].key, a}); ok {
			c.Aliases = append(c.Aliases, v)
			c.at.aliases = append(c.at.aliases, pos(a))
		}
	}
	c.HTTPStatus = d.httpStatus(f["http_status"])
	c.Local = d.boolean(f["local"])
	if dep := f["deprecated"]; dep.usable() {
		if dep.value.Tag == "!!bool" {
			d.errorf(dep.value, "deprecated: takes the reason as text, such as deprecated: \"use isv.OTHER instead\"")
		} else if c.Deprecated, _ = d.text(dep); c.Deprecated != "" && strings.TrimSpace(c.Deprecated) == "" {
			d.errorf(dep.value, "deprecated: is blank; give the reason, such as deprecated: \"use isv.OTHER instead\", or remove the key")
			c.Deprecated = ""
		}
	}
	at := func(key string) Pos {
		if v := f[key]; v.usable() {
			return pos(v.value)
		}
		return c.Pos
	}
	c.at = fieldPos{success: at("success"), retryable: at("retryable"), fault: at("fault"), category: at("category"), name: at("name"),
		message: at("message"), aliases: c.at.aliases}
	return c, true
}

// codeText reads a code's message: and solution:, each either text in the
// primary language or a mapping of languages to text, into Texts, and
// resolves Message and Solution: the primary language's, or the first
// other language's that has one (langs are in the spec's order).
func (d *decoder) codeText(c *Entry, f map[string]field, langs []string) {
	text := func(lang string) *Text {
		if c.Texts == nil {
			c.Texts = make(map[string]Text, len(langs))
		}
		t := c.Texts[lang]
		return &t
	}
	for _, k := range []struct {
		key  string
		dst  *string
		part func(*Text) *string
	}{{"message", &c.Message, func(t *Text) *string { return &t.Message }}, {"solution", &c.Solution, func(t *Text) *string { return &t.Solution }}} {
		fl := f[k.key]
		if !fl.usable() || fl.value.Kind != yaml.MappingNode {
			v, _ := d.text(fl)
			*k.dst = v
			if len(langs) > 0 && v != "" {
				t := text(langs[0])
				*k.part(t) = v
				c.Texts[langs[0]] = *t
			}
			continue
		}
		if len(langs) == 0 {
			d.errorf(fl.value, "%s: is a mapping of languages, but the spec declares none; add languages: (such as languages: [en, zh], the first the primary) or give the text as it is", k.key)
			continue
		}
		texts := d.languageFields(fl, langs)
		for _, l := range langs {
			if v, ok := d.text(texts[l]); ok && v != "" {
				t := text(l)
				*k.part(t) = v
				c.Texts[l] = *t
				if *k.dst == "" {
					*k.dst = v
				}
			}
		}
	}
}

// languageFields returns the pairs of f's mapping of languages to text,
// reporting languages that languages: does not declare.
func (d *decoder) languageFields(f field, langs []string) map[string]field {
	var known []string
	for i := 0; i+1 < len(f.value.Content); i += 2 {
		k := f.value.Content[i]
		if k.Kind == yaml.ScalarNode && k.Tag != "!!merge" && !contains(langs, k.Value) && !contains(known, k.Value) {
			d.errorf(k, "%s: has text in %s, a language languages: does not declare (%s); declare it there, or remove the text", f.key.Value, quoteIfNeeded(k.Value), strings.Join(langs, ", "))
			known = append(known, k.Value)
		}
	}
	texts := d.fields(f.value, f.key.Value+":", append(known, langs...))
	for _, k := range known {
		delete(texts, k)
	}
	return texts
}

// languages reads languages:, a list of BCP 47 tags such as en or zh-Hans,
// each once.
func (d *decoder) languages(f field) []string {
	var langs []string
	seen := map[string]*yaml.Node{}
	for _, n := range d.list(f) {
		tag, ok := d.text(field{f.key, n})
		key := strings.ToLower(tag)
		switch {
		case !ok:
		case !bcp47.MatchString(tag):
			d.errorf(n, "language %q is not a BCP 47 tag; write it as a language subtag and optional subtags, such as en, zh or zh-Hant", tag)
		case seen[key] != nil:
			d.errorf(n, "language %s is listed twice (first at line %d); keep one", tag, seen[key].Line)
		default:
			seen[key] = n
			langs = append(langs, tag)
		}
	}
	return langs
}

// bcp47 is the shape of a BCP 47 language tag: a primary language subtag
// of letters, then subtags of letters and digits.
var bcp47 = regexp.MustCompile(`^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$`)

// httpStatus reads http_status:, a number from 100 to 599.
func (d *decoder) httpStatus(f field) int {
	v := f.value
	if v == nil || isNull(v) {
		return 0
	}
	n, err := strconv.Atoi(v.Value)
	if v.Kind != yaml.ScalarNode || v.Tag != "!!int" || err != nil || n < 100 || n > 599 {
		hint := ""
		if v.Kind == yaml.ScalarNode && v.Tag == "!!str" && err == nil {
			hint = "; remove the quotes"
		}
		d.errorf(v, "http_status: must be an HTTP status from 100 to 599, such as 403, not %s%s", describe(v), hint)
		return 0
	}
	return n
}

func (d *decoder) family(n *yaml.Node) (Family, bool) {
	f := d.fields(n, "a family", familyKeys)
	if f == nil {
		return Family{}, false
	}
	fam := Family{Pos: pos(n)}
	prefix, ok := f["prefix"]
	if !ok {
		d.errorf(n, "family without prefix:; give the code prefix its members share, such as prefix: LimitExceeded.")
		return fam, false
	}
	if fam.Prefix, ok = d.text(prefix); !ok {
		return fam, false
	}
	fam.Pos = pos(prefix.value)
	fam.Name, _ = d.text(f["name"])
	fam.Doc, _ = d.text(f["doc"])
	fam.Retryable = d.boolean(f["retryable"])
	if fault, ok := f["fault"]; ok {
		v, _ := d.text(fault)
		fam.Fault = Fault(v)
	}
	fam.Category, _ = d.text(f["category"])
	at := func(key string) Pos {
		if v := f[key]; v.usable() {
			return pos(v.value)
		}
		return fam.Pos
	}
	fam.at = fieldPos{fault: at("fault"), category: at("category"), name: at("name")}
	return fam, true
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// suggest returns `; did you mean "x"?` for the known key nearest to key,
// when it is near enough to be a typo.
func suggest(key string, known []string) string {
	best, dist := "", 3
	for _, k := range known {
		if n := editDistance(strings.ToLower(key), k); n < dist {
			best, dist = k, n
		}
	}
	if best == "" {
		return ""
	}
	return fmt.Sprintf("; did you mean %q?", best)
}

// editDistance is the Levenshtein distance between a and b, in bytes.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
