// Package golden compares test output with expected files under testdata and rewrites them
// when tests run with -update:
//
//	go test ./site/markdown ./site/pipeline ./site/export -update
package golden

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// update is registered by every test binary that imports this package.
var update = flag.Bool("update", false, "rewrite golden files under testdata with the current output")

// Updating reports whether the test run was asked to rewrite golden files.
func Updating() bool { return *update || os.Getenv("PLAYBOOK_UPDATE_GOLDEN") == "1" }

// Check compares got with the golden file at path, or rewrites the file under -update.
func Check(t testing.TB, path string, got []byte) {
	t.Helper()
	if Updating() {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("missing golden file %s (run the test with -update to create it): %v", path, err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the output (run with -update to accept the change):\n%s", path, Diff(string(want), string(got)))
	}
}

// Diff returns a short line diff of want and got: the changed lines between the common
// prefix and the common suffix, with two lines of context.
func Diff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	i := 0
	for i < len(w) && i < len(g) && w[i] == g[i] {
		i++
	}
	j := 0
	for j < len(w)-i && j < len(g)-i && w[len(w)-1-j] == g[len(g)-1-j] {
		j++
	}
	var b strings.Builder
	for k := max(0, i-2); k < i; k++ {
		b.WriteString("  " + w[k] + "\n")
	}
	for k := i; k < len(w)-j && k < i+10; k++ {
		b.WriteString("- " + w[k] + "\n")
	}
	for k := i; k < len(g)-j && k < i+10; k++ {
		b.WriteString("+ " + g[k] + "\n")
	}
	return b.String()
}
