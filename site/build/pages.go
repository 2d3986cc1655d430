package build

import (
	"bytes"
	"fmt"
	"html/template"
	"maps"
	"net/url"
	"slices"
	"strings"
	"sync"

	"playbook/site/config"
	"playbook/site/course"
	"playbook/site/diag"
	"playbook/site/lesson"
	"playbook/site/markdown"
	"playbook/site/material"
	"playbook/site/output"
	"playbook/site/quiz"
	"playbook/site/search"
	"playbook/site/theme"
)

// CSP is the Content-Security-Policy of every page: only the site's own files, no inline
// script, no connections anywhere.
const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'none'"

type builder struct {
	course     *course.Course
	theme      *theme.Theme
	opts       Options
	urls       *urlMap
	site       *output.Site
	converters map[string]*markdown.Converter
	// quizzes are the course's quizzes: the progress page lists them.
	quizzes []*quiz.Quiz
	// searchDocs holds each job's search documents, by job index, written by the workers.
	searchDocs [][]search.Doc
	// urlKey and layout fingerprint what pages depend on beyond their own source (see cache.go).
	urlKey uint64
	layout map[string]uint64
	// searchForms caches each SearchBox by language and page folder (see searchBox).
	searchForms sync.Map
	// shared holds lesson bodies converted for a lesson page and its slides (see lessonDoc).
	shared sync.Map
}

// pageJob is one page to render.
type pageJob struct {
	kind string // home, day, lesson, slides, quiz, progress...
	lang *course.Language
	day  *course.Day
	page *lesson.Day // a standalone page
	// mat is the material a material page shows.
	mat    material.Material
	index  int // lesson index within the day
	out    string
	idx    int    // position in the plan, for ordered results from parallel rendering
	source string // Markdown source path, "" when the page has none
	prev   *Link
	next   *Link
}

// Link is a titled link in a page.
type Link struct {
	Title string
	URL   string
}

// Alternate is the same page in another language.
type Alternate struct {
	Lang    string
	Name    string
	URL     string
	Current bool
}

// Page is what every template receives.
type Page struct {
	Kind        string
	Lang        string
	Title       string
	SiteTitle   string
	Description string
	Root        string
	HomeURL     string
	CSP         string
	Trainer     bool
	NoIndex     bool
	RedirectURL string
	Breadcrumbs []Link
	Alternates  []Alternate
	Prev, Next  *Link
	Home        *HomeView
	Day         *DayView
	Lesson      *LessonView
	// Material is the view of the material a material page (or a pack item) shows.
	Material   material.View
	Progress   *ProgressView
	Standalone *StandaloneView
	Coverage   *CoverageView
	Slides     *SlidesView
	Schedule   *ScheduleView
	Pack       *PackView
	// Nested is true for a checklist, worksheet or quiz shown inside another page (a pack):
	// its title is then a second-level heading.
	Nested bool
	// Scripts and Styles are the theme files the page loads beyond the base stylesheet,
	// relative to the site root.
	Scripts []string
	Styles  []string
	// StringGroups select the script strings the page carries (see theme.ScriptStrings).
	StringGroups []string
	// ProgressURL links the progress page when the course has quizzes.
	ProgressURL string
	// CoverageURL links the framework coverage table (trainer edition with frameworks.yaml).
	CoverageURL string
	// ScheduleURL links the course schedule (trainer edition).
	ScheduleURL string
	// Search configures the search box; nil when search is off.
	Search *SearchBox
	// SiteKey names the site in browser storage, so two courses opened from the same disk
	// keep their progress apart.
	SiteKey string
	theme   *theme.Theme
}

// ScriptStrings returns the interface strings the page's scripts use, in its language, as
// JSON.
func (p *Page) ScriptStrings() template.JS { return p.theme.ScriptStringsJSON(p.Lang, p.StringGroups) }

// T returns an interface string in the page's language.
func (p *Page) T(key string) string { return p.theme.String(p.Lang, key) }

// Tf formats an interface string in the page's language.
func (p *Page) Tf(key string, args ...any) string { return fmt.Sprintf(p.T(key), args...) }

// Plural formats a count with the string key, or key_one when n is 1 and that string exists
// (English needs "1 question" but "2 questions"; Chinese has one form).
func (p *Page) Plural(key string, n int) string {
	if n == 1 && p.theme.HasString(p.Lang, key+"_one") {
		return p.Tf(key+"_one", n)
	}
	return p.Tf(key, n)
}

// Duration formats minutes as "45 min" or "1 h 30 min" in the page's language.
func (p *Page) Duration(minutes int) string {
	h, m := minutes/60, minutes%60
	switch {
	case h == 0:
		return p.Tf("minutes", m)
	case m == 0:
		return p.Tf("hours", h)
	}
	return p.Tf("hours_minutes", h, m)
}

// HomeView is the course at a glance.
type HomeView struct {
	Summary string
	Intro   template.HTML
	Days    []DayCard
	Minutes int
}

// DayCard summarises a day on the home page.
type DayCard struct {
	Number  int
	Title   string
	Summary string
	URL     string
	Minutes int
	Lessons []LessonCard
	// Materials are the day's checklists, worksheets, quizzes..., by kind.
	Materials []MaterialLinks
}

// MaterialLinks are the materials of one kind on a day.
type MaterialLinks struct {
	// Name and Dir are the kind's name and folder; they are also the interface strings of
	// its singular and plural nouns.
	Name, Dir string
	Links     []LessonCard
}

// StandaloneView is a page beside the days, such as the glossary.
type StandaloneView struct {
	Title   string
	Summary string
	HTML    template.HTML
}

// ProgressView lists every quiz for the progress page.
type ProgressView struct {
	Quizzes []QuizCard
}

// QuizCard is a quiz in a list.
type QuizCard struct {
	ID       string
	Day      int
	Title    string
	URL      string
	Version  string
	PassMark int
	Mode     quiz.Mode
}

// LessonCard summarises a lesson in a list.
type LessonCard struct {
	Title   string
	Summary string
	URL     string
	Minutes int
}

// DayView is a day page.
type DayView struct {
	Number    int
	Title     string
	Summary   string
	Intro     template.HTML
	Minutes   int
	Lessons   []LessonCard
	Materials []MaterialLinks
	// Packs links the day's handout packs.
	Packs []Link
}

// LessonView is a lesson page.
type LessonView struct {
	Day        int
	Number     int
	Title      string
	Summary    string
	Minutes    int
	Objectives []string
	TOC        []markdown.Heading
	HTML       template.HTML
	// SlidesURL is the lesson presented as slides.
	SlidesURL string
}

// tocMinimum is how many headings a lesson needs before it gets a table of contents.
const tocMinimum = 3

// plan lists every page with its reading-order neighbours.
func (b *builder) plan() []pageJob {
	var jobs []pageJob
	for _, lang := range b.course.Languages {
		home := pageJob{kind: "home", lang: lang, out: homePath(lang.Code)}
		if lang.Home != nil {
			home.source = lang.Home.Path
		}
		jobs = append(jobs, home)
		var seq []int // indexes into jobs, in reading order; pointers would not survive appends
		for _, d := range lang.Days {
			dj := pageJob{kind: "day", lang: lang, day: d, out: dayPath(lang.Code, d)}
			if d.Info != nil {
				dj.source = d.Info.Path
			}
			jobs = append(jobs, dj)
			for i, l := range d.Lessons {
				jobs = append(jobs, pageJob{kind: "lesson", lang: lang, day: d, index: i, out: lessonPath(lang.Code, d, l), source: l.Path})
			}
			for _, m := range b.course.MaterialsOfDay(d.Number) {
				jobs = append(jobs, b.materialJob(lang, d, m))
			}
		}
		// Material of a day that has no folder in this language still gets its page.
		for _, m := range b.course.Materials {
			if !b.hasDay(lang, m.Meta().Day) {
				jobs = append(jobs, b.materialJob(lang, nil, m))
			}
		}
		for i := range jobs {
			if jobs[i].lang == lang && jobs[i].kind != "home" {
				seq = append(seq, i)
			}
		}
		// Slides are not in the reading order: each is reached from its lesson.
		for _, d := range lang.Days {
			for i, l := range d.Lessons {
				jobs = append(jobs, pageJob{kind: "slides", lang: lang, day: d, index: i, out: slidesPath(lang.Code, d, l), source: l.Path})
			}
		}
		for _, pg := range lang.Pages {
			jobs = append(jobs, pageJob{kind: "page", lang: lang, page: pg, out: standalonePath(lang.Code, pg), source: pg.Path})
		}
		if len(b.quizzes) > 0 {
			jobs = append(jobs, pageJob{kind: "progress", lang: lang, out: progressPath(lang.Code)})
		}
		if b.course.Config.Features.Search {
			jobs = append(jobs, pageJob{kind: "search", lang: lang, out: searchPath(lang.Code)})
		}
		if b.opts.Edition == Trainer && len(b.course.Frameworks) > 0 {
			jobs = append(jobs, pageJob{kind: "coverage", lang: lang, out: coveragePath(lang.Code)})
		}
		for k, i := range seq {
			j := &jobs[i]
			if k > 0 {
				prev := &jobs[seq[k-1]]
				j.prev = &Link{Title: b.title(prev), URL: relURL(j.out, prev.out)}
			}
			if k+1 < len(seq) {
				next := &jobs[seq[k+1]]
				j.next = &Link{Title: b.title(next), URL: relURL(j.out, next.out)}
			}
		}
	}
	return jobs
}

// materialJob is the page of material m in lang; d is its day, nil when lang has no folder
// for that day.
func (b *builder) materialJob(lang *course.Language, d *course.Day, m material.Material) pageJob {
	return pageJob{kind: m.Meta().Kind.Name, lang: lang, day: d, mat: m, out: materialPath(lang.Code, m)}
}

func (b *builder) hasDay(lang *course.Language, n int) bool {
	for _, d := range lang.Days {
		if d.Number == n {
			return true
		}
	}
	return false
}

func (b *builder) title(j *pageJob) string {
	if j.mat != nil {
		return j.mat.Meta().Title.Get(j.lang.Code)
	}
	switch j.kind {
	case "lesson", "slides":
		return j.day.Lessons[j.index].Title
	case "day":
		return fmt.Sprintf(b.theme.String(j.lang.Code, "day_n"), j.day.Number) + " · " + dayTitle(j.day)
	}
	return b.course.Config.Title[j.lang.Code]
}

func dayTitle(d *course.Day) string {
	if t := d.Title(); t != "" {
		return t
	}
	return d.Folder
}

// convert renders a Markdown body for the page at out (use convertSource, which goes through
// the cache when there is one).
func (b *builder) convert(lang string, src markdown.Source, out string, diags *diag.List) *markdown.Document {
	src.Resolver = pageResolver{urls: b.urls, lang: lang, from: out}
	return b.converters[lang].Convert(src, diags)
}

// render renders one page into the site, through the cache when there is one, and returns
// its converted Markdown, if any.
func (b *builder) render(j pageJob, diags *diag.List) *markdown.Document {
	if b.opts.Cache == nil {
		return b.renderPage(j, diags)
	}
	key := b.pageKey(j)
	if c, ok := b.opts.Cache.page(j.out); ok && c.key == key {
		b.site.Add(j.out, c.data)
		b.searchDocs[j.idx] = c.search
		diags.Add(c.diags...)
		return c.doc
	}
	var local diag.List
	doc := b.renderPage(j, &local)
	diags.Add(local...)
	if data, ok := b.site.Get(j.out); ok {
		b.opts.Cache.putPage(j.out, cachedPage{key: key, data: data, search: b.searchDocs[j.idx], doc: doc, diags: local})
	}
	return doc
}

// renderPage renders one page into the site and returns its converted Markdown, if any.
func (b *builder) renderPage(j pageJob, diags *diag.List) *markdown.Document {
	code := j.lang.Code
	p := b.newPage(j)
	var doc *markdown.Document
	if j.mat != nil {
		b.renderMaterial(j, p, diags)
	}
	switch j.kind {
	case "home":
		p.Home = &HomeView{Summary: b.course.Config.Description[code]}
		if h := j.lang.Home; h != nil {
			doc = b.convertCached(code, h.Path, h.Body, h.BodyLine, j.out, diags)
			p.Home.Intro = template.HTML(doc.HTML)
			if h.Summary != "" {
				p.Home.Summary = h.Summary
			}
		}
		for _, d := range j.lang.Days {
			card := DayCard{Number: d.Number, Title: dayTitle(d), URL: relURL(j.out, dayPath(code, d)), Minutes: d.Duration(), Lessons: b.lessonCards(j.out, code, d), Materials: b.materialLinks(j.out, code, d.Number)}
			if d.Info != nil {
				card.Summary = d.Info.Summary
			}
			p.Home.Days = append(p.Home.Days, card)
			p.Home.Minutes += card.Minutes
		}
	case "day":
		d := j.day
		p.Title = dayTitle(d)
		p.Day = &DayView{Number: d.Number, Title: dayTitle(d), Minutes: d.Duration(), Lessons: b.lessonCards(j.out, code, d), Materials: b.materialLinks(j.out, code, d.Number)}
		p.Day.Packs = []Link{{Title: p.T("participant_pack"), URL: relURL(j.out, packPath(code, d.Number, false))}}
		if b.opts.Edition == Trainer {
			p.Day.Packs = append(p.Day.Packs, Link{Title: p.T("trainer_pack"), URL: relURL(j.out, packPath(code, d.Number, true))})
		}
		if d.Info != nil {
			p.Day.Summary = d.Info.Summary
			p.Description = d.Info.Summary
			doc = b.convertCached(code, d.Info.Path, d.Info.Body, d.Info.BodyLine, j.out, diags)
			p.Day.Intro = template.HTML(doc.HTML)
		}
		p.Breadcrumbs = []Link{{Title: p.T("home"), URL: relURL(j.out, homePath(code))}}
	case "lesson":
		l := j.day.Lessons[j.index]
		doc = b.lessonDoc(j, diags)
		p.Title = l.Title
		p.Description = l.Summary
		p.Lesson = &LessonView{
			Day: j.day.Number, Number: j.index + 1, Title: l.Title, Summary: l.Summary,
			Minutes: l.Duration, Objectives: l.Objectives, HTML: template.HTML(doc.HTML),
			SlidesURL: relURL(j.out, slidesPath(code, j.day, l)),
		}
		if len(doc.Headings) >= tocMinimum {
			p.Lesson.TOC = doc.Headings
		}
		checkDuration(l, doc, b.opts.Edition == Trainer, diags)
		p.Breadcrumbs = []Link{
			{Title: p.T("home"), URL: relURL(j.out, homePath(code))},
			{Title: p.Tf("day_n", j.day.Number) + " · " + dayTitle(j.day), URL: relURL(j.out, dayPath(code, j.day))},
		}
	case "progress":
		p.Title = p.T("progress")
		p.Progress = &ProgressView{}
		for _, q := range b.quizzes {
			p.Progress.Quizzes = append(p.Progress.Quizzes, QuizCard{
				ID: q.ID, Day: q.Day, Title: q.Title.Get(code), URL: relURL(j.out, materialPath(code, q)),
				Version: q.Version(), PassMark: q.PassMark, Mode: q.Mode,
			})
		}
		p.Scripts = quiz.MaterialKind().Scripts
		p.StringGroups = []string{""}
		p.Breadcrumbs = []Link{{Title: p.T("home"), URL: relURL(j.out, homePath(code))}}
	case "page":
		pg := j.page
		doc = b.convertCached(code, pg.Path, pg.Body, pg.BodyLine, j.out, diags)
		p.Title = pg.Title
		p.Description = pg.Summary
		p.Standalone = &StandaloneView{Title: pg.Title, Summary: pg.Summary, HTML: template.HTML(doc.HTML)}
		p.Breadcrumbs = []Link{{Title: p.T("home"), URL: relURL(j.out, homePath(code))}}
	case "coverage":
		p.Title = p.T("coverage")
		p.Coverage = b.coverageView(code, j.out)
		p.Breadcrumbs = []Link{{Title: p.T("home"), URL: relURL(j.out, homePath(code))}}
	case "search":
		p.Title = p.T("search_results")
		p.Breadcrumbs = []Link{{Title: p.T("home"), URL: relURL(j.out, homePath(code))}}
	case "slides":
		// A page of its own layout, without the site's header, search box or search
		// documents (its lesson page has them), and no document to hand on: the lesson
		// page's job hands on the same one.
		b.renderSlides(j, p, diags)
		return nil
	}
	if b.course.Config.Features.Search {
		b.searchDocs[j.idx] = searchDocsOf(j, p, doc)
		b.addSearchBox(p, j.out, diags)
	}
	b.write(j.out, j.kind, p, diags)
	if doc != nil && b.opts.Cache == nil {
		// The page and its search documents hold what the rest of the build needs from the
		// HTML and the section texts; drop them to keep large builds small.
		doc.HTML, doc.Sections = nil, nil
	}
	return doc
}

// materialLinks lists the materials of a day by kind, linked from the page at from; kinds
// the day has none of are left out.
func (b *builder) materialLinks(from, code string, day int) []MaterialLinks {
	var out []MaterialLinks
	for _, m := range b.course.MaterialsOfDay(day) {
		meta := m.Meta()
		if len(out) == 0 || out[len(out)-1].Name != meta.Kind.Name {
			out = append(out, MaterialLinks{Name: meta.Kind.Name, Dir: meta.Kind.Dir})
		}
		group := &out[len(out)-1]
		group.Links = append(group.Links, LessonCard{Title: meta.Title.Get(code), URL: relURL(from, materialPath(code, m))})
	}
	return out
}

// checkDuration warns when a lesson's section timings do not add up to its duration.
func checkDuration(l *lesson.Lesson, doc *markdown.Document, trainer bool, diags *diag.List) {
	sum := doc.Minutes()
	if !trainer || sum == 0 || l.Duration == 0 || sum == l.Duration {
		return
	}
	diags.Warnf(diag.Pos{Path: l.Path, Line: 2}, "the section timings add up to %d minutes but duration is %d; adjust one of them", sum, l.Duration)
}

func (b *builder) lessonCards(from, code string, d *course.Day) []LessonCard {
	cards := make([]LessonCard, 0, len(d.Lessons))
	for _, l := range d.Lessons {
		cards = append(cards, LessonCard{Title: l.Title, Summary: l.Summary, URL: relURL(from, lessonPath(code, d, l)), Minutes: l.Duration})
	}
	return cards
}

func (b *builder) newPage(j pageJob) *Page {
	code := j.lang.Code
	progress := ""
	if len(b.quizzes) > 0 {
		progress = relURL(j.out, progressPath(code))
	}
	coverageURL := ""
	if b.opts.Edition == Trainer && len(b.course.Frameworks) > 0 {
		coverageURL = relURL(j.out, coveragePath(code))
	}
	scheduleURL := ""
	if b.opts.Edition == Trainer {
		scheduleURL = relURL(j.out, schedulePath(code))
	}
	return &Page{
		ProgressURL: progress,
		CoverageURL: coverageURL,
		ScheduleURL: scheduleURL,
		Kind:        j.kind, Lang: code, SiteTitle: b.course.Config.Title[code],
		Description: b.course.Config.Description[code],
		Root:        rootPrefix(j.out), HomeURL: relURL(j.out, homePath(code)), CSP: CSP,
		Trainer: b.opts.Edition == Trainer, NoIndex: b.opts.Edition == Trainer,
		Alternates: b.alternates(j.out, code, b.keyOf(j)),
		Prev:       j.prev, Next: j.next, theme: b.theme, SiteKey: b.siteKey(),
	}
}

// siteKey is the site key of the course being built.
func (b *builder) siteKey() string { return SiteKey(b.course.Config) }

// SiteKey is a short stable name for the site, from its default-language title: the key of
// its progress in browser storage and the "site" of its exported progress files.
func SiteKey(cfg *config.Config) string {
	key := markdown.Slug(cfg.Title[cfg.DefaultLanguage])
	if key == "" {
		key = "playbook"
	}
	return key
}

func (b *builder) keyOf(j pageJob) string {
	if j.mat != nil {
		return materialKey(j.mat)
	}
	switch j.kind {
	case "progress":
		return "progress"
	case "page":
		return course.RelPath(j.lang.Code, j.page.Path)
	case "search":
		return "search"
	case "coverage":
		return "coverage"
	case "day":
		return j.day.Folder + "/"
	case "lesson":
		return course.RelPath(j.lang.Code, j.day.Lessons[j.index].Path)
	}
	return ""
}

// alternates links the page to itself in every language, falling back to that language's
// home page where the page has no translation.
func (b *builder) alternates(from, current, key string) []Alternate {
	var out []Alternate
	for _, lang := range b.course.Languages {
		target, ok := b.urls.byKey[lang.Code][key]
		if !ok {
			target = homePath(lang.Code)
		}
		out = append(out, Alternate{
			Lang: lang.Code, Name: b.theme.String(lang.Code, "language_name"),
			URL: relURL(from, target), Current: lang.Code == current,
		})
	}
	return out
}

func (b *builder) write(out, tmpl string, p *Page, diags *diag.List) {
	var buf bytes.Buffer
	if err := b.theme.Render(&buf, tmpl, p); err != nil {
		diags.Errorf(diag.Pos{Path: "theme/" + tmpl + ".html"}, "rendering %s failed: %v", out, err)
		return
	}
	b.site.Add(out, buf.Bytes())
}

// extras writes the root page that sends visitors to the default language and, when the site
// has a base URL, sitemap.xml and 404.html.
func (b *builder) extras(diags *diag.List) {
	cfg := b.course.Config
	def := cfg.DefaultLanguage
	root := &Page{
		Kind: "redirect", Lang: def, SiteTitle: cfg.Title[def], CSP: CSP, theme: b.theme, SiteKey: b.siteKey(),
		HomeURL: homePath(def), RedirectURL: homePath(def), NoIndex: b.opts.Edition == Trainer,
		Alternates: b.alternates("index.html", "", ""),
	}
	b.write("index.html", "redirect", root, diags)
	if cfg.BaseURL == "" {
		return
	}
	nf := &Page{
		Kind: "notfound", Lang: def, Title: b.theme.String(def, "not_found_title"), SiteTitle: cfg.Title[def],
		CSP: CSP, theme: b.theme, Root: cfg.BaseURL, HomeURL: cfg.BaseURL + homePath(def), NoIndex: true, SiteKey: b.siteKey(),
	}
	for _, lang := range b.course.Languages {
		nf.Alternates = append(nf.Alternates, Alternate{Lang: lang.Code, Name: b.theme.String(lang.Code, "language_name"), URL: cfg.BaseURL + homePath(lang.Code)})
	}
	b.write("404.html", "notfound", nf, diags)
	if b.opts.Edition == Learner {
		b.site.Add("sitemap.xml", b.sitemap())
	}
}

// sitemap lists every page with its translations, in a stable order.
func (b *builder) sitemap() []byte {
	var buf bytes.Buffer
	buf.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	buf.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">` + "\n")
	base := b.course.Config.BaseURL
	for _, lang := range b.course.Languages {
		keys := sortedKeys(b.urls.byKey[lang.Code])
		for _, key := range keys {
			buf.WriteString("<url><loc>")
			template.HTMLEscape(&buf, []byte(base+escapePath(b.urls.byKey[lang.Code][key])))
			buf.WriteString("</loc>")
			for _, other := range b.course.Languages {
				if p, ok := b.urls.byKey[other.Code][key]; ok && len(b.course.Languages) > 1 {
					fmt.Fprintf(&buf, `<xhtml:link rel="alternate" hreflang="%s" href="`, other.Code)
					template.HTMLEscape(&buf, []byte(base+escapePath(p)))
					buf.WriteString(`"/>`)
				}
			}
			buf.WriteString("</url>\n")
		}
	}
	buf.WriteString("</urlset>\n")
	return buf.Bytes()
}

// escapePath percent-encodes each segment of a slash path for use in an absolute URL.
func escapePath(p string) string {
	parts := strings.Split(p, "/")
	for i, part := range parts {
		parts[i] = url.PathEscape(part)
	}
	return strings.Join(parts, "/")
}

// sortedKeys returns the keys of m in ascending order.
func sortedKeys[V any](m map[string]V) []string {
	return slices.Sorted(maps.Keys(m))
}
