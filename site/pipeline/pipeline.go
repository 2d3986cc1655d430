// Package pipeline builds a course into a site, in stages that each have a package:
//
//	course.Load      read and check every source file into one model      (site/course)
//	plan.Make        decide every page, its path, source and neighbours    (plan)
//	render.Render    turn each page into HTML as its kind declares         (render, site/kit)
//	check.All        check what spans pages: anchors, sources, structure   (check)
//	search.Build     index the pages' search documents                     (site/search)
//	output.Write     write the site to disk atomically (by the command)    (site/output)
//
// Build runs them and returns the site in memory with a manifest of every page, which the
// outputs built on it read (the sitemap here; the PDF packs, exports and packages later).
package pipeline

import (
	"fmt"
	"io/fs"
	"strings"
	"sync"

	"playbook/site/config"
	"playbook/site/course"
	"playbook/site/diag"
	"playbook/site/kit"
	"playbook/site/material"
	"playbook/site/output"
	"playbook/site/pages"
	"playbook/site/pipeline/check"
	"playbook/site/pipeline/plan"
	"playbook/site/pipeline/render"
	"playbook/site/search"
	"playbook/site/search/synonym"
	"playbook/site/theme"
)

// Edition selects who the site is for (see plan.Edition).
type Edition = plan.Edition

// The editions.
const (
	Learner = plan.Learner
	Trainer = plan.Trainer
)

// ParseEdition checks an edition name.
func ParseEdition(s string) (Edition, error) { return plan.ParseEdition(s) }

// SiteKey is the short stable name of a site (see render.SiteKey).
func SiteKey(cfg *config.Config) string { return render.SiteKey(cfg) }

// Options configures a build.
type Options struct {
	Edition Edition
	// BaseURL overrides the configuration's base_url when not empty.
	BaseURL string
	// Kinds are the kinds of material the course has; nil means course.DefaultKinds.
	Kinds *material.Registry
	// Cache, when set, carries parsed files, conversions and rendered pages over to the next
	// build with the same cache (the live preview); output is the same with or without it.
	Cache *Cache
	// DeferSearchIndex leaves the search index out of Site and hands it over as
	// Result.SearchIndex instead, so the live preview can reload the tab first.
	DeferSearchIndex bool
}

// Cache carries work from one build to the next (see Options.Cache). It may be used by one
// build at a time.
type Cache struct {
	course *course.Cache
	render *render.Cache
	// theme is the theme parsed for the kinds of material of themeKey: templates are parsed
	// once, not on every save.
	theme    *theme.Theme
	themeKey string
}

// NewCache returns an empty cache.
func NewCache() *Cache { return &Cache{course: course.NewCache(), render: render.NewCache()} }

// Result is what a build produced.
type Result struct {
	Site  *output.Site
	Diags diag.List
	// Pages counts the HTML pages of the course rendered.
	Pages int
	// Manifest lists every page built.
	Manifest *Manifest
	// SearchIndex builds the search index files, when Options.DeferSearchIndex asked for it.
	SearchIndex func() map[string][]byte
}

// Build builds the course in fsys. When Diags has errors, Site must not be written.
func Build(fsys fs.FS, opts Options) *Result {
	if opts.Edition == "" {
		opts.Edition = Learner
	}
	res := &Result{Site: output.New()}
	var parsed *course.Cache
	var rendered *render.Cache
	if opts.Cache != nil {
		parsed, rendered = opts.Cache.course, opts.Cache.render
	}
	c := course.LoadWith(fsys, course.Options{Kinds: opts.Kinds, Cache: parsed}, &res.Diags)
	if opts.BaseURL != "" {
		base, err := config.NormalizeBaseURL(opts.BaseURL)
		if err != nil {
			res.Diags.Errorf(diag.Pos{Path: "--base-url"}, "%v", err)
		} else {
			c.Config.BaseURL = base
		}
	}
	th, err := loadTheme(c.Kinds, opts.Cache)
	if err != nil {
		res.Diags.Errorf(diag.Pos{Path: "theme"}, "the embedded theme is broken: %v", err)
		return res
	}
	p := plan.Make(c, opts.Edition)
	r := render.New(c, p, th, res.Site, pages.Kinds(c.Kinds).With(kit.Kinds()), rendered)
	r.Render(&res.Diags)
	check.All(check.Input{Course: c, Plan: p, Docs: r.Docs()}, &res.Diags)
	copyAssets(fsys, c, p, th, res.Site, &res.Diags)
	if c.Config.Features.Search {
		index := func() map[string][]byte { return searchIndex(c, r) }
		if opts.DeferSearchIndex {
			res.SearchIndex = index
		} else {
			for path, data := range index() {
				res.Site.Add(path, data)
			}
		}
	}
	res.Manifest = newManifest(p, r)
	if opts.Edition == Learner && c.Config.BaseURL != "" {
		res.Site.Add("sitemap.xml", res.Manifest.Sitemap(c.Config.BaseURL))
	}
	for _, pg := range p.Pages {
		if pg.OfCourse() {
			res.Pages++
		}
	}
	res.Diags.Sort()
	return res
}

// loadTheme parses the theme with the page templates of the kinds of material, or takes it
// from the cache when it holds the same.
func loadTheme(kinds *material.Registry, cache *Cache) (*theme.Theme, error) {
	var templates []theme.Material
	var key strings.Builder
	for _, k := range kinds.Kinds() {
		templates = append(templates, theme.Material{Name: k.Name, Text: k.Template})
		fmt.Fprintf(&key, "%q %q\n", k.Name, k.Template)
	}
	if cache != nil && cache.theme != nil && cache.themeKey == key.String() {
		return cache.theme, nil
	}
	th, err := theme.Load(templates...)
	if err == nil && cache != nil {
		cache.theme, cache.themeKey = th, key.String()
	}
	return th, err
}

// copyAssets adds the course's own files (images under content/) and the theme's.
func copyAssets(fsys fs.FS, c *course.Course, p *plan.Plan, th *theme.Theme, site *output.Site, diags *diag.List) {
	for _, a := range c.Assets {
		data, err := fs.ReadFile(fsys, a)
		if err != nil {
			diags.Errorf(diag.Pos{Path: a}, "cannot read file: %v", err)
			continue
		}
		out, _ := p.URLs.Of(a)
		site.Add(out, data)
	}
	for _, a := range th.Assets() {
		site.Add(a, th.Asset(a))
	}
}

// searchIndex builds the index of each language from the documents of its pages, in plan
// order, so two builds write the same bytes. The languages are indexed side by side.
func searchIndex(c *course.Course, r *render.Renderer) map[string][]byte {
	results := make([]map[string][]byte, len(c.Languages))
	var wg sync.WaitGroup
	for i, lang := range c.Languages {
		docs := r.SearchDocs(lang.Code)
		// The glossary's "also called" lists are the language's synonyms.
		var sets [][]string
		for _, pg := range lang.Pages {
			sets = append(sets, synonym.FromMarkdown(pg.Body)...)
		}
		wg.Go(func() { results[i] = search.Build(lang.Code, "search/"+lang.Code, docs, sets...) })
	}
	wg.Wait()
	files := map[string][]byte{}
	for _, r := range results {
		for path, data := range r {
			files[path] = data
		}
	}
	return files
}
