package output

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// siteWith returns a site of one page holding text.
func siteWith(text string) *Site {
	s := New()
	s.Add("index.html", []byte(text))
	return s
}

// leftovers lists the temporary folders beside dir.
func leftovers(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(filepath.Dir(dir))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), tempPrefix(dir)) {
			out = append(out, e.Name())
		}
	}
	return out
}

func page(t *testing.T, dir string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, "index.html"))
	if err != nil {
		return "(no site: " + err.Error() + ")"
	}
	return string(data)
}

// TestBuildKilledAtEachStep kills a build (a test hook, as kill -9 would leave things) after
// each step of the output swap, and checks what is left and what the next build does: the
// previous site is where it was, or is put back before anything else, the next build puts
// the new site in place, and no temporary folder stays behind.
func TestBuildKilledAtEachStep(t *testing.T) {
	for _, step := range []string{"written", "moved-aside", "moved-in"} {
		t.Run(step, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "public")
			if err := Write(siteWith("first"), dir); err != nil {
				t.Fatal(err)
			}
			err := write(siteWith("second"), dir, nil, func(s string) bool { return s == step })
			if err != errKilled {
				t.Fatalf("the hook did not stop the build at %s: %v", step, err)
			}
			if len(leftovers(t, dir)) == 0 {
				t.Fatalf("killed at %s, the build left nothing beside the output: the test kills nothing", step)
			}
			// What a trainer finds before the next build: after "moved-aside" the site is gone.
			var notes []string
			if err := Recover(dir, func(n string) { notes = append(notes, n) }); err != nil {
				t.Fatal(err)
			}
			want := map[string]string{"written": "first", "moved-aside": "first", "moved-in": "second"}[step]
			if got := page(t, dir); got != want {
				t.Errorf("killed at %s and recovered: the site holds %q, want %q", step, got, want)
			}
			if step == "moved-aside" && !slices.ContainsFunc(notes, func(n string) bool { return strings.Contains(n, "the previous site was put back") }) {
				t.Errorf("killed at %s: recovery says %q, want that the previous site was put back", step, notes)
			}
			if l := leftovers(t, dir); len(l) > 0 || !slices.ContainsFunc(notes, func(n string) bool { return strings.Contains(n, "removed") }) {
				t.Errorf("killed at %s: %v left beside the output, recovery says %q", step, l, notes)
			}
			if err := Write(siteWith("third"), dir); err != nil || page(t, dir) != "third" || len(leftovers(t, dir)) > 0 {
				t.Errorf("the build after the kill at %s: %v, site %q, left %v", step, err, page(t, dir), leftovers(t, dir))
			}
		})
	}
}

// TestNextBuildRepairs checks that a plain build after a kill between the two renames repairs
// first and says so, and ends with the new site.
func TestNextBuildRepairs(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	if err := Write(siteWith("first"), dir); err != nil {
		t.Fatal(err)
	}
	_ = write(siteWith("second"), dir, nil, func(s string) bool { return s == "moved-aside" })
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Fatalf("after the kill the site should be missing: %v", err)
	}
	var notes []string
	if err := WriteReport(siteWith("third"), dir, func(n string) { notes = append(notes, n) }); err != nil {
		t.Fatal(err)
	}
	if page(t, dir) != "third" || len(notes) != 2 || len(leftovers(t, dir)) > 0 {
		t.Errorf("site %q, notes %q, left %v", page(t, dir), notes, leftovers(t, dir))
	}
}
