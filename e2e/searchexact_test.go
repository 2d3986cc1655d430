package e2e

// The search index keeps only the best postings of a very common term; the page must still
// find every document that has all the words of a query. This test indexes the generated
// 10,000-page course of the benchmark, asks the page for a few hundred pairs of words and
// compares each count with a brute-force count over the documents.

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"playbook/internal/corpus"
	"playbook/site/pipeline"
	"playbook/site/search"
	"playbook/site/search/tokenize"
)

// corpusDocs returns the search documents of the generated course by language: one per
// section of each lesson ("## " headings), the lesson's title as title.
func corpusDocs(t *testing.T, lessons int) map[string][]search.Doc {
	t.Helper()
	fsys := corpus.Generate(lessons)
	names, _ := fs.Glob(fsys, "content/*/*/*.md")
	slices.Sort(names)
	out := map[string][]search.Doc{}
	for _, name := range names {
		if strings.HasSuffix(name, "_index.md") {
			continue
		}
		lang := strings.Split(name, "/")[1]
		text := string(fsys[name].Data)
		_, rest, _ := strings.Cut(text, "title: ")
		title, body, _ := strings.Cut(rest, "\n")
		_, body, _ = strings.Cut(body, "\n---\n")
		for i, sec := range strings.Split(body, "\n## ") {
			heading, content, _ := strings.Cut(sec, "\n")
			if i == 0 {
				heading, content = "", sec
			}
			out[lang] = append(out[lang], search.Doc{URL: fmt.Sprintf("%s#s%d", name, i), Title: title, Heading: heading, Body: content, Type: "lesson", Day: 1})
		}
	}
	return out
}

func TestSearchFindsEveryMatchOnALargeCourse(t *testing.T) {
	if testing.Short() {
		t.Skip("indexes a 10,000-page course")
	}
	s := buildQuizSite(t, pipeline.Learner)
	docsByLang := corpusDocs(t, 10000)
	rng := rand.New(rand.NewPCG(21, 1))
	for _, lang := range []string{"en", "zh-CN"} {
		docs := docsByLang[lang]
		folder := filepath.Join(s.dir, "search", lang)
		if err := os.RemoveAll(folder); err != nil {
			t.Fatal(err)
		}
		for name, data := range search.Build(lang, "search/"+lang, docs) {
			p := filepath.Join(s.dir, filepath.FromSlash(name))
			_ = os.MkdirAll(filepath.Dir(p), 0o755)
			if err := os.WriteFile(p, data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		// Every document's terms, for the brute-force count.
		has := make([]map[string]bool, len(docs))
		vocab := map[string]int{}
		for i, d := range docs {
			has[i] = map[string]bool{}
			for _, tok := range tokenize.Text(d.Title + "\n" + d.Heading + "\n" + d.Body) {
				if !has[i][tok.Term] {
					has[i][tok.Term] = true
					vocab[tok.Term]++
				}
			}
		}
		// Pairs of words of every frequency, most of them a capped word (in more documents
		// than a posting list keeps) with any other.
		// Stop words are optional in a query of two words by design: leave them out.
		b := newTab(t, s, s.root)
		b.open(lang + "/index.html")
		stop := b.strs(`Array.from(Playbook.searchCore.STOP_WORDS)`)
		var words, common []string
		for w, df := range vocab {
			if slices.Contains(stop, w) {
				continue
			}
			words = append(words, w)
			if df > 1500 {
				common = append(common, w)
			}
		}
		slices.Sort(words)
		slices.Sort(common)
		var queries []string
		for len(queries) < 200 {
			a, b := words[rng.IntN(len(words))], words[rng.IntN(len(words))]
			if len(queries)%4 != 0 {
				a = common[rng.IntN(len(common))]
			}
			if a != b {
				queries = append(queries, a+" "+b)
			}
		}
		want := make([]int, len(queries))
		capped := 0
		for i, q := range queries {
			terms := tokenize.QueryTerms(q)
			for _, h := range has {
				if !slices.ContainsFunc(terms, func(x string) bool { return !h[x] }) {
					want[i]++
				}
			}
			if slices.ContainsFunc(terms, func(x string) bool { return vocab[x] > 1500 }) && want[i] > 0 {
				capped++
			}
		}
		if capped < 50 {
			t.Fatalf("%s: only %d queries pair a capped term with matches; the test needs more", lang, capped)
		}
		qs, _ := json.Marshal(queries)
		got := awaitJS[[]int](b, `(async () => { const out = [];
			for (const q of `+string(qs)+`) { const r = await Playbook.search.search(q + " "); out.push(r.mode === "and" ? r.results.length : 0); }
			return out; })()`)
		wrong := 0
		for i, q := range queries {
			if got[i] != want[i] {
				wrong++
				if wrong <= 10 {
					t.Errorf("%s: %q finds %d documents, %d have both words", lang, q, got[i], want[i])
				}
			}
		}
		t.Logf("%s: %d documents, %d queries (%d pairing a capped term with matches), %d wrong", lang, len(docs), len(queries), capped, wrong)
	}
}
