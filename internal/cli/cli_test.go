package cli

import (
	"bytes"
	"slices"
	"strings"
	"testing"
)

// TestParseFiles checks that flags and file names mix in any order, that "--" ends the
// flags, and that help and bad flags stop the command with their exit codes.
func TestParseFiles(t *testing.T) {
	tests := []struct {
		args  []string
		files []string
		out   string
		code  int
		ok    bool
	}{
		{[]string{"a.json", "--out", "x.html", "b.json"}, []string{"a.json", "b.json"}, "x.html", ExitOK, true},
		{[]string{"--out", "x.csv", "dir/"}, []string{"dir/"}, "x.csv", ExitOK, true},
		{[]string{"a.json", "--", "--out", "b.json"}, []string{"a.json", "--out", "b.json"}, "report.html", ExitOK, true},
		{[]string{"a.json", "--help"}, nil, "report.html", ExitOK, false},
		{[]string{"--bogus", "a.json"}, nil, "report.html", ExitUsage, false},
	}
	for _, tt := range tests {
		cmd := NewCommand("report", "report [--out FILE] FILE...", "  playbook report a.json\n")
		out := cmd.Flags.String("out", "report.html", "file to write")
		var stdout, stderr bytes.Buffer
		files, code, ok := cmd.ParseFiles(tt.args, &stdout, &stderr)
		if !slices.Equal(files, tt.files) || *out != tt.out || code != tt.code || ok != tt.ok {
			t.Errorf("%q: files %q, --out %q, exit %d, %v", tt.args, files, *out, code, ok)
		}
		if !ok && !strings.Contains(stdout.String()+stderr.String(), "Usage:\n  playbook report [--out FILE] FILE...\n") {
			t.Errorf("%q: no usage:\n%s%s", tt.args, stdout.String(), stderr.String())
		}
	}
}

func TestCount(t *testing.T) {
	if got := Count(1, "error") + ", " + Count(3, "warning"); got != "1 error, 3 warnings" {
		t.Errorf("%q", got)
	}
}
