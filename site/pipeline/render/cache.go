package render

import (
	"bytes"
	"encoding/binary"
	"hash/fnv"
	"sync"
	"sync/atomic"

	"playbook/site/diag"
	"playbook/site/markdown"
	"playbook/site/markdown/links"
	"playbook/site/pipeline/plan"
	"playbook/site/search"
)

// Cache carries work from one build to the next, for the live preview: Markdown conversions
// and rendered pages are reused when nothing they depend on changed. A Cache may be used by
// one build at a time.
type Cache struct {
	mu    sync.Mutex
	docs  map[string]cachedDoc
	pages map[string]cachedPage
}

// NewCache returns an empty cache.
func NewCache() *Cache {
	return &Cache{docs: map[string]cachedDoc{}, pages: map[string]cachedPage{}}
}

type cachedDoc struct {
	body []byte
	line int
	// slides and breaks are the Source options the document was split with; "slides:" lives
	// in the front matter, so the body alone does not show a change of it.
	slides, breaks bool
	urls           uint64
	doc            *markdown.Document
	diags          diag.List
}

type cachedPage struct {
	key    uint64
	data   []byte
	search []search.Doc
	title  string
	doc    *markdown.Document
	diags  diag.List
}

func (c *Cache) doc(key string) (cachedDoc, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	d, ok := c.docs[key]
	return d, ok
}

func (c *Cache) putDoc(key string, d cachedDoc) {
	c.mu.Lock()
	c.docs[key] = d
	c.mu.Unlock()
}

func (c *Cache) page(out string) (cachedPage, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	p, ok := c.pages[out]
	return p, ok
}

func (c *Cache) putPage(out string, p cachedPage) {
	c.mu.Lock()
	c.pages[out] = p
	c.mu.Unlock()
}

// fingerprint hashes strings and numbers into one key.
type fingerprint struct{ h hash64 }

type hash64 interface {
	Write([]byte) (int, error)
	Sum64() uint64
}

func newFingerprint() *fingerprint { return &fingerprint{h: fnv.New64a()} }

func (f *fingerprint) str(s ...string) *fingerprint {
	for _, x := range s {
		f.h.Write([]byte(x))
		f.h.Write([]byte{0})
	}
	return f
}

func (f *fingerprint) num(n ...uint64) *fingerprint {
	var b [8]byte
	for _, x := range n {
		binary.LittleEndian.PutUint64(b[:], x)
		f.h.Write(b[:])
	}
	return f
}

func (f *fingerprint) sum() uint64 { return f.h.Sum64() }

// layoutKeys fingerprints, per language, everything that pages show about other pages:
// titles, summaries and durations (home, day pages, breadcrumbs, neighbours, quiz lists).
func (r *Renderer) layoutKeys() map[string]uint64 {
	cfg := r.course.Config
	out := map[string]uint64{}
	for _, lang := range r.course.Languages {
		f := newFingerprint().str(lang.Code, cfg.Title[lang.Code], cfg.Description[lang.Code], cfg.BaseURL, string(r.plan.Edition))
		for _, pg := range r.plan.Pages {
			if pg.Lang != lang || r.kinds[pg.Kind].Late {
				continue
			}
			f.str(pg.Kind, pg.Out, r.planTitle(pg))
			if pg.Kind == plan.Day {
				f.str(pg.Day.Title())
				if pg.Day.Info != nil {
					f.str(pg.Day.Info.Summary)
				}
			}
			if pg.Kind == plan.Lesson {
				f.str(pg.Lesson.Summary).num(uint64(pg.Lesson.Duration))
			}
		}
		out[lang.Code] = f.sum()
	}
	return out
}

// pageKey fingerprints everything a page's bytes depend on.
func (r *Renderer) pageKey(pg *plan.Page) uint64 {
	f := newFingerprint().str(pg.Kind, pg.Out, string(r.plan.Edition)).num(r.urlKey, r.layout[pg.Lang.Code])
	src := pg.Source
	if pg.Material != nil {
		src = pg.Material.Meta().Path
	}
	if src != "" {
		f.str(src).num(r.course.Hashes[src])
	}
	return f.sum()
}

// Convert converts src for the page at out, through the cache when there is one.
func (r *Renderer) Convert(lang string, src markdown.Source, out string, diags *diag.List) *markdown.Document {
	if r.cache == nil {
		return r.convert(lang, src, out, diags)
	}
	key := string(r.plan.Edition) + "|" + lang + "|" + src.Path + "|" + out
	if c, ok := r.cache.doc(key); ok && c.line == src.LineOffset && c.urls == r.urlKey && c.slides == src.Slides &&
		c.breaks == src.SlideBreaks && bytes.Equal(c.body, src.Body) {
		diags.Add(c.diags...)
		return c.doc
	}
	var local diag.List
	doc := r.convert(lang, src, out, &local)
	diags.Add(local...)
	r.cache.putDoc(key, cachedDoc{body: src.Body, line: src.LineOffset, slides: src.Slides, breaks: src.SlideBreaks, urls: r.urlKey, doc: doc, diags: local})
	return doc
}

// convert renders a Markdown body for the page at out.
func (r *Renderer) convert(lang string, src markdown.Source, out string, diags *diag.List) *markdown.Document {
	src.Resolver = resolver{urls: r.plan.URLs, lang: lang, from: out}
	return r.converters[lang].Convert(src, diags)
}

// Resolver resolves the Markdown links of a body shown on the page at from, in lang.
func (r *Renderer) Resolver(lang, from string) links.Resolver {
	return resolver{urls: r.plan.URLs, lang: lang, from: from}
}

// resolver resolves Markdown links for one page.
type resolver struct {
	urls *plan.URLs
	lang string
	from string
}

// ResolveLink implements links.Resolver.
func (r resolver) ResolveLink(target string, image bool) (string, bool) {
	return r.urls.Resolve(r.lang, r.from, target, image)
}

// Caching reports whether the renderer keeps its work for the next build (the live
// preview): then converted documents must stay whole.
func (r *Renderer) Caching() bool { return r.cache != nil }

// sharedDoc is a body converted once for the pages that show it.
type sharedDoc struct {
	once  sync.Once
	doc   *markdown.Document
	diags diag.List
	users atomic.Int32
}

// ConvertShared converts src once for the pages that show the same body from one folder,
// the page at out among them (a lesson and its slides): through the cache when there is
// one, else once, forgotten when the users-th page has it. It returns the document and the
// problems the conversion found, for the one page that reports them.
func (r *Renderer) ConvertShared(lang string, src markdown.Source, out string, users int32) (*markdown.Document, diag.List) {
	if r.cache != nil {
		var found diag.List
		return r.Convert(lang, src, out, &found), found
	}
	v, _ := r.shared.LoadOrStore(src.Path, &sharedDoc{})
	s := v.(*sharedDoc)
	s.once.Do(func() { s.doc = r.Convert(lang, src, out, &s.diags) })
	if s.users.Add(1) == users {
		r.shared.Delete(src.Path)
	}
	return s.doc, s.diags
}
