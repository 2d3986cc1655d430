package build

import (
	"bytes"
	"encoding/binary"
	"hash/fnv"
	"sync"

	"playbook/site/course"
	"playbook/site/diag"
	"playbook/site/markdown"
	"playbook/site/search"
)

// Cache carries work from one build to the next, for the live preview: Markdown conversions
// and rendered pages are reused when nothing they depend on changed. A Cache may be used by
// one Build at a time.
type Cache struct {
	mu     sync.Mutex
	docs   map[string]cachedDoc
	pages  map[string]cachedPage
	course *course.Cache
}

// NewCache returns an empty cache.
func NewCache() *Cache {
	return &Cache{docs: map[string]cachedDoc{}, pages: map[string]cachedPage{}, course: course.NewCache()}
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

// urlKey fingerprints where every source ends up: when a file is added, removed or renamed,
// links and language switchers change everywhere.
func (u *urlMap) key() uint64 {
	f := newFingerprint()
	for _, k := range sortedKeys(u.bySource) {
		f.str(k, u.bySource[k])
	}
	for _, k := range sortedKeys(u.perLang) {
		for _, l := range sortedKeys(u.perLang[k]) {
			f.str(k, l, u.perLang[k][l])
		}
	}
	return f.sum()
}

// layoutKeys fingerprints, per language, everything that pages show about other pages:
// titles, summaries and durations (home, day pages, breadcrumbs, neighbours, quiz lists).
func (b *builder) layoutKeys(jobs []pageJob) map[string]uint64 {
	cfg := b.course.Config
	out := map[string]uint64{}
	for _, lang := range b.course.Languages {
		f := newFingerprint().str(lang.Code, cfg.Title[lang.Code], cfg.Description[lang.Code], cfg.BaseURL, string(b.opts.Edition))
		for i := range jobs {
			j := &jobs[i]
			if j.lang != lang {
				continue
			}
			f.str(j.kind, j.out, b.title(j))
			if j.kind == "day" {
				f.str(j.day.Title())
				if j.day.Info != nil {
					f.str(j.day.Info.Summary)
				}
			}
			if j.kind == "lesson" {
				l := j.day.Lessons[j.index]
				f.str(l.Summary).num(uint64(l.Duration))
			}
		}
		out[lang.Code] = f.sum()
	}
	return out
}

// pageKey fingerprints everything a page's bytes depend on.
func (b *builder) pageKey(j pageJob) uint64 {
	f := newFingerprint().str(j.kind, j.out, string(b.opts.Edition)).num(b.urlKey, b.layout[j.lang.Code])
	src := j.source
	if j.mat != nil {
		src = j.mat.Meta().Path
	}
	if src != "" {
		f.str(src).num(b.course.Hashes[src])
	}
	return f.sum()
}

// convertCached converts a Markdown body through the cache when there is one.
func (b *builder) convertCached(lang, srcPath string, body []byte, bodyLine int, out string, diags *diag.List) *markdown.Document {
	return b.convertSource(lang, markdown.Source{Path: srcPath, Body: body, LineOffset: bodyLine}, out, diags)
}

// convertSource converts src for the page at out, through the cache when there is one.
func (b *builder) convertSource(lang string, src markdown.Source, out string, diags *diag.List) *markdown.Document {
	if b.opts.Cache == nil {
		return b.convert(lang, src, out, diags)
	}
	key := string(b.opts.Edition) + "|" + lang + "|" + src.Path + "|" + out
	if c, ok := b.opts.Cache.doc(key); ok && c.line == src.LineOffset && c.urls == b.urlKey && c.slides == src.Slides &&
		c.breaks == src.SlideBreaks && bytes.Equal(c.body, src.Body) {
		diags.Add(c.diags...)
		return c.doc
	}
	var local diag.List
	doc := b.convert(lang, src, out, &local)
	diags.Add(local...)
	b.opts.Cache.putDoc(key, cachedDoc{body: src.Body, line: src.LineOffset, slides: src.Slides, breaks: src.SlideBreaks, urls: b.urlKey, doc: doc, diags: local})
	return doc
}
