// Package e2e tests the built course site in a real browser: it builds the bundled course
// from the repository root, writes it to a temporary folder, opens it from file:// (and over
// HTTP from a sub-path) and checks what a visitor sees and what the pages request.
//
// The tests skip when no Chromium is installed; set PLAYBOOK_REQUIRE_BROWSER=1 to make them
// fail instead (see internal/browsertest).
package e2e

import (
	"context"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"playbook/internal/browsertest"
	"playbook/site/course"
	"playbook/site/diag"
	"playbook/site/output"
	"playbook/site/pipeline"
)

// repoRoot is the course folder: the repository root, seen from this package's folder.
const repoRoot = ".."

// day1 is the Day 1 folder of the bundled course.
const day1 = "day-01-what-crm-is"

var chrome browsertest.Shared

func TestMain(m *testing.M) {
	code := m.Run()
	chrome.Close()
	os.Exit(code)
}

// site is a built edition of the bundled course, written to a temporary folder.
type site struct {
	dir    string
	root   string // file:// URL of dir, ending in "/"
	course *course.Course
	// pages lists the HTML pages, slash paths relative to dir.
	pages []string
}

// buildSite builds one edition of the bundled course and writes it into a temporary folder.
// It fails the test on any build error.
func buildSite(t *testing.T, edition pipeline.Edition) *site {
	t.Helper()
	return buildSiteFrom(t, repoRoot, edition)
}

// buildSiteFrom builds one edition of the course in the folder root (the test course of
// testdata/course, for instance) and writes it into a temporary folder.
func buildSiteFrom(t *testing.T, root string, edition pipeline.Edition) *site {
	t.Helper()
	fsys := os.DirFS(root)
	res := pipeline.Build(fsys, pipeline.Options{Edition: edition})
	if res.Diags.HasErrors() {
		t.Fatalf("building the %s edition of the bundled course failed:\n%s", edition, diagText(res.Diags))
	}
	dir := filepath.Join(t.TempDir(), "site")
	if err := output.Write(res.Site, dir); err != nil {
		t.Fatalf("writing the %s edition: %v", edition, err)
	}
	var ds diag.List
	c := course.Load(fsys, &ds)
	s := &site{dir: dir, root: browsertest.SiteRoot(dir), course: c}
	for _, p := range res.Site.Paths() {
		if strings.HasSuffix(p, ".html") {
			s.pages = append(s.pages, p)
		}
	}
	if len(s.pages) == 0 {
		t.Fatal("the build wrote no HTML page")
	}
	return s
}

func diagText(l diag.List) string {
	var b strings.Builder
	for _, d := range l {
		b.WriteString(d.String())
		b.WriteByte('\n')
	}
	return b.String()
}

// lessonRef is one lesson of the bundled course as the sources describe it.
type lessonRef struct {
	lang   string
	day    *course.Day
	index  int // within the day, from 0
	title  string
	page   string // output path, e.g. en/day-01-x/what-crm-means.html
	key    string // language-independent key: day folder and file name
	minute int
	objs   []string
}

// lessons returns the lessons of a day in one language, in course order, and fails the test
// when the day has none.
func (s *site) lessons(t *testing.T, lang, folder string) []lessonRef {
	t.Helper()
	l := s.course.Lang(lang)
	if l == nil {
		t.Fatalf("the course has no language %s", lang)
	}
	for _, d := range l.Days {
		if d.Folder != folder {
			continue
		}
		var out []lessonRef
		for i, ls := range d.Lessons {
			out = append(out, lessonRef{
				lang: lang, day: d, index: i, title: ls.Title,
				page: lang + "/" + d.Folder + "/" + ls.Slug + ".html",
				key:  course.RelPath(lang, ls.Path), minute: ls.Duration, objs: ls.Objectives,
			})
		}
		if len(out) == 0 {
			t.Fatalf("%s/%s has no lessons", lang, folder)
		}
		return out
	}
	t.Fatalf("the course has no %s/%s", lang, folder)
	return nil
}

// translation returns the lesson in another language with the same day folder and file.
func (s *site) translation(t *testing.T, l lessonRef, lang string) lessonRef {
	t.Helper()
	for _, o := range s.lessons(t, lang, l.day.Folder) {
		if o.key == l.key {
			return o
		}
	}
	t.Fatalf("%s has no %s translation", l.page, lang)
	return lessonRef{}
}

// pagesUnder lists the built pages in folder (a slash path ending in "/"), sorted.
func (s *site) pagesUnder(folder string) []string {
	var out []string
	for _, p := range s.pages {
		if strings.HasPrefix(p, folder) && !strings.Contains(strings.TrimPrefix(p, folder), "/") {
			out = append(out, p)
		}
	}
	slices.Sort(out)
	return out
}

// tab is a browser tab on a site, with every request and every problem recorded. When the
// test ends it fails on any request outside the site and any console error, exception or CSP
// violation.
type tab struct {
	t     *testing.T
	ctx   context.Context
	base  string // URL of the site root, ending in "/"
	langs []string
	def   string
	reqs  *browsertest.Requests
	probs *browsertest.Problems
}

// newTab opens a tab for the site at base (a file:// or http:// URL ending in "/").
func newTab(t *testing.T, s *site, base string) *tab {
	t.Helper()
	ctx := chrome.Tab(t)
	b := &tab{
		t: t, ctx: ctx, base: base,
		langs: s.course.Config.Languages, def: s.course.Config.DefaultLanguage,
		reqs:  browsertest.RecordRequests(t, ctx),
		probs: browsertest.CollectProblems(t, ctx),
	}
	t.Cleanup(func() {
		for _, u := range b.reqs.Outside(base) {
			t.Errorf("a page requested %s, outside the site %s", u, base)
		}
		b.probs.Check(t, "the pages visited")
	})
	return b
}

// open loads the page at rel (relative to the site root) and checks its language.
func (b *tab) open(rel string) {
	b.t.Helper()
	browsertest.Open(b.t, b.ctx, b.base+rel)
	b.checkLang()
}

// follow clicks the element matching the CSS selector sel, waits for the page it opens,
// checks that page's language and returns its path relative to the site root, without
// fragment.
func (b *tab) follow(sel string) string {
	b.t.Helper()
	browsertest.Follow(b.t, b.ctx, chromedp.CSS(sel))
	b.checkLang()
	return b.rel()
}

// followLink is follow for the first link, inside the element matching the XPath scope (such
// as `//nav[@class="lang-switch"]`), whose visible text is text: what a person reads and clicks.
func (b *tab) followLink(scope, text string) string {
	b.t.Helper()
	browsertest.Follow(b.t, b.ctx, scope+`//a[normalize-space()="`+text+`"]`)
	b.checkLang()
	return b.rel()
}

// rel returns the path of the current page relative to the site root, without fragment.
func (b *tab) rel() string {
	b.t.Helper()
	loc := browsertest.Location(b.t, b.ctx)
	loc, _, _ = strings.Cut(loc, "#")
	rel, ok := strings.CutPrefix(loc, b.base)
	if !ok {
		b.t.Fatalf("the tab left the site: it shows %s, outside %s", loc, b.base)
	}
	return rel
}

// checkLang checks that <html lang> names the language of the current page: the first folder
// of its path, or the default language at the site root.
func (b *tab) checkLang() {
	b.t.Helper()
	rel := b.rel()
	want := b.def
	if first, _, ok := strings.Cut(rel, "/"); ok && slices.Contains(b.langs, first) {
		want = first
	}
	if got := b.str(`document.documentElement.lang`); got != want {
		b.t.Errorf("%s: <html lang=%q>, want %q", rel, got, want)
	}
}

// str evaluates a JavaScript expression that gives a string.
func (b *tab) str(expr string) string {
	b.t.Helper()
	return browsertest.Eval[string](b.t, b.ctx, expr)
}

// strs evaluates a JavaScript expression that gives an array of strings.
func (b *tab) strs(expr string) []string {
	b.t.Helper()
	return browsertest.Eval[[]string](b.t, b.ctx, expr)
}

// num evaluates a JavaScript expression that gives a number.
func (b *tab) num(expr string) float64 {
	b.t.Helper()
	return browsertest.Eval[float64](b.t, b.ctx, expr)
}

// text returns the normalised visible text of the first element matching sel, or "" when
// there is none.
func (b *tab) text(sel string) string {
	b.t.Helper()
	return b.str(`(() => { const e = document.querySelector(` + jsString(sel) + `); return e ? e.innerText.replace(/\s+/g, " ").trim() : ""; })()`)
}

// texts returns the normalised visible texts of every element matching sel.
func (b *tab) texts(sel string) []string {
	b.t.Helper()
	return b.strs(`Array.from(document.querySelectorAll(` + jsString(sel) + `), e => e.innerText.replace(/\s+/g, " ").trim())`)
}

// hrefs returns the absolute URLs of the links matching sel.
func (b *tab) hrefs(sel string) []string {
	b.t.Helper()
	return b.strs(`Array.from(document.querySelectorAll(` + jsString(sel) + `), a => a.href)`)
}

// count returns how many elements match sel.
func (b *tab) count(sel string) int {
	b.t.Helper()
	return int(b.num(`document.querySelectorAll(` + jsString(sel) + `).length`))
}

// jsString quotes s as a JavaScript string literal.
func jsString(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`)
	return `"` + r.Replace(s) + `"`
}

// relOf returns an absolute URL relative to the site root, failing when it is outside.
func (b *tab) relOf(u string) string {
	b.t.Helper()
	u, _, _ = strings.Cut(u, "#")
	rel, ok := strings.CutPrefix(u, b.base)
	if !ok {
		b.t.Fatalf("link %s leads outside the site %s", u, b.base)
	}
	return rel
}

// exists reports whether the built site has the file at rel.
func (s *site) exists(rel string) bool {
	_, err := fs.Stat(os.DirFS(s.dir), path.Clean(rel))
	return err == nil
}

// normalize collapses runs of white space to one space.
func normalize(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
