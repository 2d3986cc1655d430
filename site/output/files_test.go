package output

import (
	"os"
	"path/filepath"
	"testing"
)

func TestWriteFiles(t *testing.T) {
	dir := t.TempDir()
	files := []File{{Path: filepath.Join(dir, "a.csv"), Data: []byte("a")}, {Path: filepath.Join(dir, "b.csv"), Data: []byte("b")}}
	if err := WriteFiles(files); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(files[0].Path, []byte("again")); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("want only the two files, found %d entries", len(entries))
	}
	if data, _ := os.ReadFile(files[0].Path); string(data) != "again" {
		t.Errorf("a.csv = %q", data)
	}
	if err := WriteFiles([]File{{Path: filepath.Join(dir, "missing", "c.csv")}}); err == nil {
		t.Error("a file in a missing folder was written")
	}
}

func TestCovers(t *testing.T) {
	tests := []struct {
		dir, src string
		want     bool
	}{
		{"course", "course", true}, {".", "course", true}, {"public", ".", false}, {"course/public", "course", false},
	}
	for _, tt := range tests {
		if got := Covers(tt.dir, tt.src); got != tt.want {
			t.Errorf("Covers(%q, %q) = %v, want %v", tt.dir, tt.src, got, tt.want)
		}
	}
}
