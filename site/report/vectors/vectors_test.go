package vectors

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
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

// TestMutants checks that the differential fuzz's files are the same on every run and mix
// files the reader accepts with files it refuses for many reasons, the scenarios' among them.
func TestMutants(t *testing.T) {
	s := load(t)
	a, b := Mutants(s, 1, 300), Mutants(s, 1, 300)
	accepted, reasons, scenarios := 0, map[string]bool{}, 0
	for i := range a {
		if a[i].Name != b[i].Name || string(a[i].Data) != string(b[i].Data) {
			t.Fatalf("mutant %d differs between two runs: %s / %s", i, a[i].Name, b[i].Name)
		}
		if _, err := Read(a[i].Data, s.Site); err == nil {
			accepted++
		} else {
			reasons[err.Error()[strings.Index(err.Error(), " ")+1:]] = true
			if strings.Contains(err.Error(), "scenarios") {
				scenarios++
			}
		}
	}
	if scenarios < 30 {
		t.Errorf("%d of 300 mutants refused for their scenarios, want 30 or more", scenarios)
	}
	if accepted < 30 || accepted > 270 || len(reasons) < 30 {
		t.Errorf("%d of 300 mutants accepted, %d reasons to refuse the others", accepted, len(reasons))
	}
	if string(Mutants(s, 2, 1)[0].Data) == string(a[0].Data) && string(Mutants(s, 2, 2)[1].Data) == string(a[1].Data) {
		t.Error("another seed gives the same mutants")
	}
}
