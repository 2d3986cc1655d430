// Package wanttest checks a parser's errors against expectations written in the input file
// itself, as lines "# want line:col message" (the message is matched as a substring). Every
// error must be expected and every expectation met.
package wanttest

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"playbook/site/diag"
)

var wantLine = regexp.MustCompile(`(?m)^# want (\d+):(\d+) (.+)$`)

// Check compares the errors in diags (reported for the file name path) with the "# want"
// lines of src.
func Check(t *testing.T, path string, src []byte, diags diag.List) {
	t.Helper()
	wants := wantLine.FindAllStringSubmatch(string(src), -1)
	if len(wants) == 0 {
		t.Fatal("the file has no \"# want line:col message\" line")
	}
	var errs diag.List
	for _, x := range diags {
		if x.Severity == diag.Error {
			errs = append(errs, x)
		}
	}
	for _, w := range wants {
		pos := fmt.Sprintf("%s:%s:%s", path, w[1], w[2])
		found := false
		for _, x := range errs {
			found = found || (x.Pos.String() == pos && strings.Contains(x.Message, w[3]))
		}
		if !found {
			t.Errorf("want %s: %s\ngot:\n%s", pos, w[3], errs.Error())
		}
	}
	if len(errs) != len(wants) {
		t.Errorf("want %d errors, got %d:\n%s", len(wants), len(errs), errs.Error())
	}
}

// Files runs parse on every file matching pattern, each in a subtest named after it, and
// checks it produces exactly the diagnostics its "# want" lines name. It fails when fewer
// than min files match, so that a moved folder cannot pass by finding nothing.
func Files(t *testing.T, pattern string, min int, parse func(src []byte, diags *diag.List)) {
	t.Helper()
	files, _ := filepath.Glob(pattern)
	if len(files) < min {
		t.Fatalf("only %d files match %s, want at least %d", len(files), pattern, min)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			var d diag.List
			parse(src, &d)
			Check(t, "bad.yaml", src, d)
		})
	}
}
