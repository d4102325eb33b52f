package bench

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/errspec/errspec/spec"
	"github.com/errspec/errspec/spec/table"
)

// VendorSpecYAML reads a real vendor's table (a file spec/table reads, such
// as spec/testdata/vendor/tencent-cvm.tsv) and returns it as a spec of the
// package pkg: its codes in its order, with their texts, OK as the success
// code. A code whose derived Go name is not a valid identifier, or is
// another code's, gets an explicit name, so that tables with naming
// collisions (Tencent's CVM table has some) generate as they are.
func VendorSpecYAML(pkg, path string) ([]byte, error) {
	t, err := table.ReadFile(path, table.Options{})
	if err != nil {
		return nil, err
	}
	var b strings.Builder
	fmt.Fprintf(&b, "package: %s\ncodes:\n", pkg)
	namer := spec.NewNamer(nil)
	names := map[string]bool{}
	for _, row := range t.Rows {
		fmt.Fprintf(&b, "  - code: %s\n", strconv.Quote(row.Code))
		name := namer.Name(row.Code)
		if !spec.ValidGoName(name) || names[name] {
			base := name
			for i := 2; !spec.ValidGoName(name) || names[name]; i++ {
				name = fmt.Sprintf("E%s%d", base, i)
			}
			fmt.Fprintf(&b, "    name: %s\n", name)
		}
		names[name] = true
		fmt.Fprintf(&b, "    message: %s\n    solution: %s\n", strconv.Quote(row.Message), strconv.Quote(row.Solution))
		if row.Code == "OK" {
			b.WriteString("    success: true\n")
		}
	}
	return []byte(b.String()), nil
}
