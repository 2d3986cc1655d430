// Package render is the second stage of the pipeline: it turns each planned page into HTML
// with the theme, as the page's kind declares (kinds.go), converting the Markdown it shows
// (through the cache when the live preview keeps one), and collects each page's search
// documents. It writes into an in-memory site; checking and writing to disk come after.
package render

import (
	"bytes"
	"runtime"
	"sync"

	"playbook/site/course"
	"playbook/site/diag"
	"playbook/site/markdown"
	"playbook/site/output"
	"playbook/site/pipeline/plan"
	"playbook/site/search"
	"playbook/site/theme"
)

// CSP is the Content-Security-Policy of every page: only the site's own files, no inline
// script, no connections anywhere.
const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'none'"

// Renderer renders the pages of one plan into a site. Its methods are safe for concurrent
// use by the page kinds.
type Renderer struct {
	course *course.Course
	plan   *plan.Plan
	theme  *theme.Theme
	site   *output.Site
	kinds  Kinds
	cache  *Cache
	// converters convert Markdown, one per language.
	converters map[string]*markdown.Converter
	// docs are the converted documents of the pages rendered first, by source path: the late
	// kinds draw on them.
	docs map[string]*markdown.Document
	// searchDocs and titles hold each page's search documents and title, by plan index,
	// written by the workers.
	searchDocs [][]search.Doc
	titles     []string
	// urlKey and layout fingerprint what pages depend on beyond their own source (cache.go).
	urlKey uint64
	layout map[string]uint64
	// searchForms caches each SearchBox by language and page folder (see searchBox).
	searchForms sync.Map
	// shared holds lesson bodies converted for a lesson page and its slides (see lessonDoc).
	shared sync.Map
}

// New prepares the rendering of plan p of course c into site with theme th; kinds says how
// each kind of page is rendered, and cache (nil for none) carries work over from the
// previous build.
func New(c *course.Course, p *plan.Plan, th *theme.Theme, site *output.Site, kinds Kinds, cache *Cache) *Renderer {
	r := &Renderer{
		course: c, plan: p, theme: th, site: site, kinds: kinds, cache: cache,
		converters: map[string]*markdown.Converter{},
		searchDocs: make([][]search.Doc, len(p.Pages)), titles: make([]string, len(p.Pages)),
	}
	for _, lang := range c.Config.Languages {
		r.converters[lang] = markdown.New(markdown.Options{
			Unsafe:  c.Config.Features.RawHTML,
			Trainer: r.Trainer(),
			Labels: markdown.Labels{
				TrainerNotes: th.String(lang, "trainer_notes"),
				Minutes:      th.String(lang, "minutes"),
			},
		})
	}
	if cache != nil {
		// Only the cache asks what a page depends on.
		r.urlKey = p.URLs.Fingerprint()
		r.layout = r.layoutKeys()
	}
	return r
}

// Course is the course being rendered.
func (r *Renderer) Course() *course.Course { return r.course }

// Plan is the plan being rendered.
func (r *Renderer) Plan() *plan.Plan { return r.plan }

// Theme is the theme pages are rendered with.
func (r *Renderer) Theme() *theme.Theme { return r.theme }

// Trainer reports whether the edition is the trainer's.
func (r *Renderer) Trainer() bool { return r.plan.Edition == plan.Trainer }

// Doc returns the converted Markdown of source path src, once the pages that are not late
// are rendered; nil when there is none.
func (r *Renderer) Doc(src string) *markdown.Document { return r.docs[src] }

// Docs returns the converted Markdown of every page rendered first, by source path.
func (r *Renderer) Docs() map[string]*markdown.Document { return r.docs }

// SearchDocs returns the search documents of every page, in plan order.
func (r *Renderer) SearchDocs(lang string) []search.Doc {
	var out []search.Doc
	for _, pg := range r.plan.Pages {
		if pg.Lang.Code == lang {
			out = append(out, r.searchDocs[pg.Index]...)
		}
	}
	return out
}

// Title returns the title of the page at plan index i, once it is rendered.
func (r *Renderer) Title(i int) string { return r.titles[i] }

// Render renders every page of the plan on every core: first the pages of kinds that are
// not late, then, from their converted documents, those of late kinds.
func (r *Renderer) Render(diags *diag.List) {
	var first, late []*plan.Page
	for _, pg := range r.plan.Pages {
		if r.kinds[pg.Kind].Late {
			late = append(late, pg)
		} else {
			first = append(first, pg)
		}
	}
	var mu sync.Mutex
	r.docs = make(map[string]*markdown.Document, len(first))
	r.each(first, diags, func(pg *plan.Page, d *diag.List) {
		if doc := r.render(pg, d); doc != nil {
			mu.Lock()
			r.docs[pg.Source] = doc
			mu.Unlock()
		}
	})
	r.each(late, diags, func(pg *plan.Page, d *diag.List) { r.renderPage(pg, d) })
}

// each calls fn for every page, on every core, and gathers what they report.
func (r *Renderer) each(pages []*plan.Page, diags *diag.List, fn func(*plan.Page, *diag.List)) {
	next := make(chan *plan.Page, len(pages))
	for _, pg := range pages {
		next <- pg
	}
	close(next)
	var mu sync.Mutex
	var wg sync.WaitGroup
	for range min(len(pages), runtime.GOMAXPROCS(0)) {
		wg.Go(func() {
			var local diag.List
			for pg := range next {
				fn(pg, &local)
			}
			mu.Lock()
			diags.Add(local...)
			mu.Unlock()
		})
	}
	wg.Wait()
}

// render renders one page into the site, through the cache when there is one, and returns
// its converted Markdown, if any.
func (r *Renderer) render(pg *plan.Page, diags *diag.List) *markdown.Document {
	if r.cache == nil {
		return r.renderPage(pg, diags)
	}
	key := r.pageKey(pg)
	if c, ok := r.cache.page(pg.Out); ok && c.key == key {
		r.site.Add(pg.Out, c.data)
		r.searchDocs[pg.Index], r.titles[pg.Index] = c.search, c.title
		diags.Add(c.diags...)
		return c.doc
	}
	var local diag.List
	doc := r.renderPage(pg, &local)
	diags.Add(local...)
	if data, ok := r.site.Get(pg.Out); ok {
		r.cache.putPage(pg.Out, cachedPage{key: key, data: data, search: r.searchDocs[pg.Index], title: r.titles[pg.Index], doc: doc, diags: local})
	}
	return doc
}

// renderPage renders one page into the site as its kind says and returns its converted
// Markdown, if any.
func (r *Renderer) renderPage(pg *plan.Page, diags *diag.List) *markdown.Document {
	kind := r.kinds[pg.Kind]
	p := r.NewPage(pg)
	doc := kind.Fill(r, pg, p, diags)
	r.titles[pg.Index] = p.Title
	if r.course.Config.Features.Search && !kind.Bare {
		if kind.Search != nil {
			r.searchDocs[pg.Index] = kind.Search(pg, p, doc)
		}
		r.AddSearchBox(p, pg.Out, diags)
	}
	template := kind.Template
	if template == "" {
		template = pg.Kind
	}
	r.Write(pg.Out, template, p, diags)
	if doc != nil && r.cache == nil {
		// The page and its search documents hold what the rest of the build needs from the
		// HTML and the section texts; drop them to keep large builds small.
		doc.HTML, doc.Sections = nil, nil
	}
	return doc
}

// Write renders p with the page template tmpl into the site at out.
func (r *Renderer) Write(out, tmpl string, p *Page, diags *diag.List) {
	var buf bytes.Buffer
	if err := r.theme.Render(&buf, tmpl, p); err != nil {
		diags.Errorf(diag.Pos{Path: "theme/" + tmpl + ".html"}, "rendering %s failed: %v", out, err)
		return
	}
	r.site.Add(out, buf.Bytes())
}
