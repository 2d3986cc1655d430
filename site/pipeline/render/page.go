package render

import (
	"fmt"
	"html/template"

	"playbook/site/config"
	"playbook/site/course"
	"playbook/site/markdown/anchor"
	"playbook/site/pipeline/plan"
	"playbook/site/theme"
)

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

// Page is what every template receives: the fields of the site's frame, and View, what the
// page's kind shows.
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
	// View is what the page's kind shows: a *HomeView, a *LessonView, a material's view...
	View any
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

// NewPage starts the page of pg: the frame every page shares (titles, links to the site's
// own pages, the language switcher, reading-order neighbours).
func (r *Renderer) NewPage(pg *plan.Page) *Page {
	code := pg.Lang.Code
	p := &Page{
		Kind: pg.Kind, Lang: code, SiteTitle: r.course.Config.Title[code],
		Description: r.course.Config.Description[code],
		Root:        plan.RootPrefix(pg.Out), HomeURL: plan.RelURL(pg.Out, plan.HomePath(code)), CSP: CSP,
		Trainer: r.Trainer(), NoIndex: r.Trainer(),
		Alternates: r.Alternates(pg.Out, code, pg.Key),
		theme:      r.theme, SiteKey: r.SiteKey(),
	}
	if len(r.plan.Quizzes) > 0 {
		p.ProgressURL = plan.RelURL(pg.Out, plan.ProgressPath(code))
	}
	if r.Trainer() && len(r.course.Frameworks) > 0 {
		p.CoverageURL = plan.RelURL(pg.Out, plan.CoveragePath(code))
	}
	if r.Trainer() {
		p.ScheduleURL = plan.RelURL(pg.Out, plan.SchedulePath(code))
	}
	if pg.Prev >= 0 {
		p.Prev = r.neighbour(pg, r.plan.Pages[pg.Prev])
	}
	if pg.Next >= 0 {
		p.Next = r.neighbour(pg, r.plan.Pages[pg.Next])
	}
	return p
}

// NestedPage starts a page shown inside the page p (a material in a pack); trainer says
// whether it is the trainer's version.
func (r *Renderer) NestedPage(p *Page, title string, trainer bool, view any) *Page {
	return &Page{Kind: p.Kind, Lang: p.Lang, Title: title, Root: p.Root, Trainer: trainer, theme: r.theme, SiteKey: p.SiteKey, Nested: true, View: view}
}

// neighbour links the page to to from the page from.
func (r *Renderer) neighbour(from, to *plan.Page) *Link {
	return &Link{Title: r.planTitle(to), URL: plan.RelURL(from.Out, to.Out)}
}

// planTitle is the title of a planned page, as its neighbours show it.
func (r *Renderer) planTitle(pg *plan.Page) string {
	code := pg.Lang.Code
	switch {
	case pg.Material != nil:
		return pg.Material.Meta().Title.Get(code)
	case pg.Lesson != nil:
		return pg.Lesson.Title
	case pg.Kind == plan.Day:
		return r.DayLabel(code, pg.Day)
	}
	return r.course.Config.Title[code]
}

// DayLabel is "Day N · title" in lang.
func (r *Renderer) DayLabel(lang string, d *course.Day) string {
	return fmt.Sprintf(r.theme.String(lang, "day_n"), d.Number) + " · " + DayTitle(d)
}

// DayTitle is a day's title, or its folder when it has none.
func DayTitle(d *course.Day) string {
	if t := d.Title(); t != "" {
		return t
	}
	return d.Folder
}

// Crumbs are the breadcrumbs of a page at out: home, then its day, if it has one.
func (r *Renderer) Crumbs(pg *plan.Page) []Link {
	code := pg.Lang.Code
	crumbs := []Link{{Title: r.theme.String(code, "home"), URL: plan.RelURL(pg.Out, plan.HomePath(code))}}
	if pg.Day != nil {
		crumbs = append(crumbs, Link{Title: r.DayLabel(code, pg.Day), URL: plan.RelURL(pg.Out, plan.DayPath(code, pg.Day))})
	}
	return crumbs
}

// Alternates links the page at from to itself in every language (key names it in all),
// falling back to that language's home page where the page has no translation.
func (r *Renderer) Alternates(from, current, key string) []Alternate {
	var out []Alternate
	for _, lang := range r.course.Languages {
		target, ok := r.plan.URLs.OfKey(lang.Code, key)
		if !ok {
			target = plan.HomePath(lang.Code)
		}
		out = append(out, Alternate{
			Lang: lang.Code, Name: r.theme.String(lang.Code, "language_name"),
			URL: plan.RelURL(from, target), Current: lang.Code == current,
		})
	}
	return out
}

// SiteKey is the site key of the course being rendered.
func (r *Renderer) SiteKey() string { return SiteKey(r.course.Config) }

// SiteKey is a short stable name for the site, from its default-language title: the key of
// its progress in browser storage and the "site" of its exported progress files.
func SiteKey(cfg *config.Config) string {
	key := anchor.Slug(cfg.Title[cfg.DefaultLanguage])
	if key == "" {
		key = "playbook"
	}
	return key
}

// BarePage starts a page of kind in lang with no more than every page needs (the policy,
// the site key, the strings): the site's frame pages set the rest themselves.
func (r *Renderer) BarePage(kind, lang string) *Page {
	return &Page{Kind: kind, Lang: lang, CSP: CSP, SiteKey: r.SiteKey(), theme: r.theme}
}
