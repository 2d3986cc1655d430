package vectors

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"playbook/site/report/collect"
)

func load(t *testing.T) *Set {
	t.Helper()
	s, err := Load("testdata/import-vectors.json")
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Cases) < 100 {
		t.Fatalf("import-vectors.json has %d cases", len(s.Cases))
	}
	return s
}

// TestImportVectors runs every vector through the report's reader (collect.ReadPaths on a
// file on disk, progress.Parse, the site check) and merger (collect.Merge): each must be
// accepted or refused as the vector says, and merge as it says. The browser test
// e2e/importvectors_test.go runs the same vectors through the page's import.
func TestImportVectors(t *testing.T) {
	s := load(t)
	dir := t.TempDir()
	for i, c := range s.Cases {
		t.Run(c.Name, func(t *testing.T) {
			path := filepath.Join(dir, "file.json")
			if err := os.WriteFile(path, c.Data, 0o644); err != nil {
				t.Fatal(err)
			}
			in := collect.ReadPaths([]string{path})[0]
			got, err := (*Summary)(nil), in.Err
			if err == nil {
				got, err = Import(s.Store(c), in.Data, s.Site)
			}
			if (err == nil) != c.Accept {
				t.Fatalf("case %d: accepted %v (%v), want %v", i, err == nil, err, c.Accept)
			}
			if c.Merged != nil && !reflect.DeepEqual(got, c.Merged) {
				g, _ := json.Marshal(got)
				w, _ := json.Marshal(c.Merged)
				t.Errorf("merged into %q:\n got %s\nwant %s", c.store(), g, w)
			}
		})
	}
}
