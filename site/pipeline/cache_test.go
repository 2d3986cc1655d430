package pipeline

import (
	"bytes"
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"playbook/site/course"
	"playbook/site/material"
)

// loadTree reads a folder into memory so tests can edit it.
func loadTree(t *testing.T, dir string) fstest.MapFS {
	t.Helper()
	out := fstest.MapFS{}
	err := fs.WalkDir(os.DirFS(dir), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(os.DirFS(dir), p)
		out[p] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestCacheGivesTheSameBytes edits the course in several ways and checks after each edit that
// a build through the cache writes exactly what a fresh build writes, and that the cache
// re-rendered only the pages the edit concerns.
func TestCacheGivesTheSameBytes(t *testing.T) {
	fsys := loadTree(t, testCourse)
	cache := NewCache()
	build := func() (*Result, *Result) {
		cached := Build(fsys, Options{Edition: Trainer, Cache: cache})
		fresh := Build(fsys, Options{Edition: Trainer})
		return cached, fresh
	}
	edits := []struct {
		name   string
		edit   func()
		expect []string // pages that must change
		max    int      // at most this many HTML pages change
	}{
		{"nothing", func() {}, nil, 0},
		{"lesson body", func() { appendTo(fsys, "content/en/day-01-basics/02-second.md", "\nOne more line.\n") },
			[]string{"en/day-01-basics/second.html", "en/day-01-basics/second.slides.html"}, 2},
		{"a rule, slides by headings", func() {
			replaceIn(fsys, "content/en/day-01-basics/02-second.md", "duration: 20", "duration: 20\nslides: headings")
			appendTo(fsys, "content/en/day-01-basics/02-second.md", "\n---\n\nAfter the rule.\n")
		}, []string{"en/day-01-basics/second.html", "en/day-01-basics/second.slides.html"}, 2},
		// The same body with other front matter, of the same length: only the slides change.
		{"slides by breaks", func() {
			replaceIn(fsys, "content/en/day-01-basics/02-second.md", "slides: headings", "slides: breaks")
		}, []string{"en/day-01-basics/second.slides.html"}, 1},
		{"lesson title", func() {
			replaceIn(fsys, "content/en/day-01-basics/02-second.md", "title: Second lesson", "title: Second lesson, renamed")
		}, []string{"en/day-01-basics/second.html", "en/day-01-basics/index.html", "en/index.html", "en/day-01-basics/first.html"}, 100},
		{"quiz", func() { replaceIn(fsys, "quizzes/basics.yaml", "Which tier is the", "Which band is the") },
			// The quiz page, and the day's packs that print it (questions, answer key).
			[]string{"en/quizzes/basics-check.html", "en/packs/day-01.html", "en/packs/day-01-trainer.html"}, 4},
		{"new lesson", func() {
			fsys["content/en/day-01-basics/03-third.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Third\n---\n## Go\n")}
		}, []string{"en/day-01-basics/third.html"}, 100},
		{"broken then fixed", func() {
			appendTo(fsys, "content/en/day-01-basics/01-first.md", "\n[x](nowhere.md)\n")
		}, nil, -1},
		{"fixed", func() {
			replaceIn(fsys, "content/en/day-01-basics/01-first.md", "\n[x](nowhere.md)\n", "\n")
		}, nil, 100},
	}
	prev, _ := build()
	for _, e := range edits {
		e.edit()
		cached, fresh := build()
		if cached.Diags.Error() != fresh.Diags.Error() {
			t.Fatalf("%s: diagnostics differ:\ncached %v\nfresh  %v", e.name, cached.Diags, fresh.Diags)
		}
		if e.max < 0 {
			if !cached.Diags.HasErrors() {
				t.Fatalf("%s: the broken link was not reported through the cache", e.name)
			}
			continue
		}
		if strings.Join(cached.Site.Paths(), ",") != strings.Join(fresh.Site.Paths(), ",") {
			t.Fatalf("%s: the cached build wrote other files", e.name)
		}
		changed := 0
		for _, p := range fresh.Site.Paths() {
			a, _ := cached.Site.Get(p)
			b, _ := fresh.Site.Get(p)
			if !bytes.Equal(a, b) {
				t.Errorf("%s: %s differs between the cached and the fresh build", e.name, p)
			}
			old, _ := prev.Site.Get(p)
			if strings.HasSuffix(p, ".html") && !bytes.Equal(old, a) {
				changed++
			}
		}
		for _, p := range e.expect {
			old, _ := prev.Site.Get(p)
			now, _ := cached.Site.Get(p)
			if bytes.Equal(old, now) {
				t.Errorf("%s: %s did not change", e.name, p)
			}
		}
		if changed > e.max {
			t.Errorf("%s: %d pages changed, want at most %d", e.name, changed, e.max)
		}
		prev = cached
	}
}

func appendTo(fsys fstest.MapFS, p, s string) {
	fsys[p] = &fstest.MapFile{Data: append(append([]byte{}, fsys[p].Data...), s...)}
}

func replaceIn(fsys fstest.MapFS, p, old, new string) {
	fsys[p] = &fstest.MapFile{Data: []byte(strings.Replace(string(fsys[p].Data), old, new, 1))}
}

// TestCacheParsesTheThemeOnce checks that builds through one cache share the parsed theme,
// and that another set of kinds of material gets its own.
func TestCacheParsesTheThemeOnce(t *testing.T) {
	fsys := loadTree(t, testCourse)
	cache := NewCache()
	Build(fsys, Options{Cache: cache})
	first := cache.theme
	Build(fsys, Options{Cache: cache})
	if first == nil || cache.theme != first {
		t.Fatal("the second build through the cache parsed the theme again")
	}
	kinds, err := material.NewRegistry(append(course.DefaultKinds().Registrations(), material.Registration{Kind: deckKind, Parse: parseDeck})...)
	if err != nil {
		t.Fatal(err)
	}
	Build(fsys, Options{Cache: cache, Kinds: kinds})
	if cache.theme == first {
		t.Error("a build with another kind of material used the theme parsed without its template")
	}
}
