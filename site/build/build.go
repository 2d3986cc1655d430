// Package build runs the pipeline: load the course, render every page of one edition into
// memory, check cross-page links, and hand back the site and every diagnostic.
package build

import (
	"errors"
	"io/fs"
	"runtime"
	"sync"

	"playbook/site/config"
	"playbook/site/course"
	"playbook/site/diag"
	"playbook/site/markdown"
	"playbook/site/material"
	"playbook/site/output"
	"playbook/site/quiz"
	"playbook/site/search"
	"playbook/site/theme"
)

// Edition selects who the site is for.
type Edition string

const (
	// Learner is the default edition: no facilitator notes, timings or answer keys.
	Learner Edition = "learner"
	// Trainer adds facilitator notes, section timings and answer keys.
	Trainer Edition = "trainer"
)

// ParseEdition checks an edition name.
func ParseEdition(s string) (Edition, error) {
	switch Edition(s) {
	case Learner, Trainer:
		return Edition(s), nil
	}
	return "", errors.New("edition must be learner or trainer")
}

// Options configures a build.
type Options struct {
	Edition Edition
	// BaseURL overrides the configuration's base_url when not empty.
	BaseURL string
	// Cache, when set, carries conversions and rendered pages over to the next build with
	// the same cache (the live preview); output is the same with or without it.
	Cache *Cache
	// Kinds are the kinds of material the course has; nil means course.DefaultKinds.
	Kinds *material.Registry
	// DeferSearchIndex leaves the search index out of Site and hands it over as
	// Result.SearchIndex instead, so the live preview can reload the tab first.
	DeferSearchIndex bool
}

// Result is what a build produced.
type Result struct {
	Site  *output.Site
	Diags diag.List
	// Pages counts the HTML pages rendered.
	Pages int
	// SearchIndex builds the search index files, when Options.DeferSearchIndex asked for it.
	SearchIndex func() map[string][]byte
}

// Build renders the course in fsys. When Diags has errors, Site must not be written.
func Build(fsys fs.FS, opts Options) *Result {
	if opts.Edition == "" {
		opts.Edition = Learner
	}
	res := &Result{Site: output.New()}
	c := course.LoadWith(fsys, course.Options{Kinds: opts.Kinds, Cache: parsedCache(opts.Cache)}, &res.Diags)
	th, err := theme.Load(materialTemplates(c.Kinds)...)
	if err != nil {
		res.Diags.Errorf(diag.Pos{Path: "theme"}, "the embedded theme is broken: %v", err)
		return res
	}
	if opts.BaseURL != "" {
		base, err := config.NormalizeBaseURL(opts.BaseURL)
		if err != nil {
			res.Diags.Errorf(diag.Pos{Path: "--base-url"}, "%v", err)
		} else {
			c.Config.BaseURL = base
		}
	}
	b := &builder{course: c, theme: th, opts: opts, urls: newURLMap(c), site: res.Site, quizzes: material.Of[*quiz.Quiz](c.Materials)}
	b.converters = map[string]*markdown.Converter{}
	for _, lang := range c.Config.Languages {
		b.converters[lang] = markdown.New(markdown.Options{
			Unsafe:  c.Config.Features.RawHTML,
			Trainer: opts.Edition == Trainer,
			Labels: markdown.Labels{
				TrainerNotes: th.String(lang, "trainer_notes"),
				Minutes:      th.String(lang, "minutes"),
			},
		})
	}
	b.registerKit()
	jobs := b.plan()
	for i := range jobs {
		jobs[i].idx = i
	}
	b.urlKey = b.urls.key()
	b.layout = b.layoutKeys(jobs)
	b.searchDocs = make([][]search.Doc, len(jobs))
	docs := b.run(jobs, &res.Diags)
	checkFragments(docs, &res.Diags)
	b.checkSources(docs, &res.Diags)
	b.checkCoverage(docs, &res.Diags)
	b.checkStructure(docs, &res.Diags)
	kit := b.kitPages(docs, &res.Diags)
	b.copyAssets(fsys, &res.Diags)
	if c.Config.Features.Search {
		if opts.DeferSearchIndex {
			res.SearchIndex = func() map[string][]byte { return b.searchIndex(jobs) }
		} else {
			for p, data := range b.searchIndex(jobs) {
				res.Site.Add(p, data)
			}
		}
	}
	b.extras(&res.Diags)
	res.Pages = len(jobs) + kit
	res.Diags.Sort()
	return res
}

// parsedCache is the course's cache of parsed files inside c, if any.
func parsedCache(c *Cache) *course.Cache {
	if c == nil {
		return nil
	}
	return c.course
}

// materialTemplates are the page templates of the kinds of material.
func materialTemplates(kinds *material.Registry) []theme.Material {
	var out []theme.Material
	for _, k := range kinds.Kinds() {
		out = append(out, theme.Material{Name: k.Name, Text: k.Template})
	}
	return out
}

// run renders jobs on every core and returns the converted documents by source path.
func (b *builder) run(jobs []pageJob, diags *diag.List) map[string]*markdown.Document {
	workers := runtime.GOMAXPROCS(0)
	ch := make(chan pageJob)
	var mu sync.Mutex
	docs := make(map[string]*markdown.Document, len(jobs))
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var local diag.List
			for job := range ch {
				if doc := b.render(job, &local); doc != nil {
					mu.Lock()
					docs[job.source] = doc
					mu.Unlock()
				}
			}
			mu.Lock()
			diags.Add(local...)
			mu.Unlock()
		}()
	}
	for _, j := range jobs {
		ch <- j
	}
	close(ch)
	wg.Wait()
	return docs
}

// checkFragments reports links whose #anchor names no heading of the target page.
func checkFragments(docs map[string]*markdown.Document, diags *diag.List) {
	for _, doc := range docs {
		for _, l := range doc.Links {
			target, ok := docs[l.Target]
			if !ok {
				target, ok = docs[l.Target+"/_index.md"]
			}
			if !ok {
				continue // an asset, or a page whose own errors are already reported
			}
			if !target.Anchors[l.Fragment] {
				diags.Errorf(l.Pos, "link to #%s: %s has no heading with that anchor; anchors are the heading text in lower case with hyphens, e.g. #%s", l.Fragment, l.Target, suggestAnchor(target))
			}
		}
	}
}

func suggestAnchor(d *markdown.Document) string {
	if len(d.Headings) > 0 {
		return d.Headings[0].ID
	}
	return "section-title"
}

func (b *builder) copyAssets(fsys fs.FS, diags *diag.List) {
	for _, a := range b.course.Assets {
		data, err := fs.ReadFile(fsys, a)
		if err != nil {
			diags.Errorf(diag.Pos{Path: a}, "cannot read file: %v", err)
			continue
		}
		b.site.Add(b.urls.bySource[a], data)
	}
	for _, p := range b.theme.Assets() {
		b.site.Add(p, b.theme.Asset(p))
	}
}
