package output

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestWriteAndReplace(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	s := New()
	s.Add("index.html", []byte("one"))
	s.Add("en/a/b.html", []byte("two"))
	if err := Write(s, dir); err != nil {
		t.Fatal(err)
	}
	s2 := New()
	s2.Add("index.html", []byte("new"))
	if err := Write(s2, dir); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "index.html")); string(data) != "new" {
		t.Errorf("index.html = %q", data)
	}
	if _, err := os.Stat(filepath.Join(dir, "en")); !os.IsNotExist(err) {
		t.Error("a file of the previous build survived the swap")
	}
	entries, _ := os.ReadDir(filepath.Dir(dir))
	if len(entries) != 1 {
		t.Errorf("leftovers beside the output: %v", entries)
	}
}

func TestWriteRefusesPathsOutside(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	for _, bad := range []string{"../evil.html", "/abs.html", "a/../../x"} {
		s := New()
		s.Add(bad, []byte("x"))
		err := Write(s, dir)
		if err == nil || !strings.Contains(err.Error(), "outside") {
			t.Errorf("%q: err = %v", bad, err)
		}
		if _, err := os.Stat(dir); !os.IsNotExist(err) {
			t.Errorf("%q: output created despite the failure", bad)
		}
	}
}

func TestWriteIntoEmptyFolder(t *testing.T) {
	dir := t.TempDir()
	s := New()
	s.Add("index.html", []byte("x"))
	if err := Write(s, dir); err != nil {
		t.Fatalf("an empty folder may be used: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, Marker)); err != nil {
		t.Error("marker missing")
	}
}
