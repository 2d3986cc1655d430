package source

import (
	"strings"
	"testing"
	"testing/fstest"

	"playbook/site/diag"
)

func TestNormalize(t *testing.T) {
	tests := []struct {
		name, in, want string
		line, col      int // of the expected error; 0 when none
	}{
		{"plain", "a\nb\n", "a\nb\n", 0, 0},
		{"bom", "\xEF\xBB\xBF---\ntitle: x\n", "---\ntitle: x\n", 0, 0},
		{"crlf", "a\r\nb\r\n", "a\nb\n", 0, 0},
		{"old mac", "a\rb\r", "a\nb\n", 0, 0},
		{"invalid utf8", "ok\n中文\xffbad\n", "", 2, 3},
		{"latin1", "caf\xe9\n", "", 1, 4},
		{"nul", "a\nb\x00c", "", 2, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var d diag.List
			got, ok := Normalize("f.md", []byte(tt.in), &d)
			if tt.line == 0 {
				if !ok || string(got) != tt.want || len(d) > 0 {
					t.Errorf("got %q ok=%v %v, want %q", got, ok, d, tt.want)
				}
				return
			}
			if ok || len(d) != 1 {
				t.Fatalf("want one error, got ok=%v %v", ok, d)
			}
			if d[0].Pos.Line != tt.line || d[0].Pos.Col != tt.col {
				t.Errorf("error at %d:%d, want %d:%d", d[0].Pos.Line, d[0].Pos.Col, tt.line, tt.col)
			}
		})
	}
}

func TestReadRefusesHugeFiles(t *testing.T) {
	fsys := fstest.MapFS{"big.md": {Data: []byte(strings.Repeat("x", MaxFileSize+1))}}
	var d diag.List
	if _, ok := Read(fsys, "big.md", &d); ok || len(d) != 1 || !strings.Contains(d[0].Message, "larger than") {
		t.Errorf("want a size error, got ok=%v %v", ok, d)
	}
	d = nil
	if _, ok := Read(fsys, "missing.md", &d); ok || len(d) != 1 || !strings.Contains(d[0].Message, "cannot read") {
		t.Errorf("want a read error, got %v", d)
	}
}
