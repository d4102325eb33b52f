package output

import (
	"fmt"
	"path"
	"path/filepath"
	"strings"

	"github.com/aymanbagabas/go-udiff"
)

// Diff returns a unified diff of what Write would change in dir, empty when
// dir is up to date. It writes nothing, and fails as Write would on a file
// it may not overwrite.
func Diff(dir string, files map[string][]byte) ([]byte, error) {
	plan, err := writer{osFS{}}.plan(dir, files)
	if err != nil {
		return nil, err
	}
	var b strings.Builder
	for _, f := range plan.changes {
		label := filepath.ToSlash(f.path)
		oldName, newName := path.Join("a", label), path.Join("b", label)
		if !f.existed {
			oldName = "/dev/null"
		}
		if f.remove {
			newName = "/dev/null"
		}
		old := string(f.old)
		text, err := udiff.ToUnified(oldName, newName, old, udiff.Lines(old, string(f.data)), udiff.DefaultContextLines)
		if err != nil {
			return nil, fmt.Errorf("diff of %s: %w", f.path, err)
		}
		b.WriteString(text)
	}
	return []byte(b.String()), nil
}
