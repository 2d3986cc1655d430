package e2e

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"playbook/internal/browsertest"
	"playbook/site/pipeline"
)

// languageNames are the names the language switcher shows, each in its own language.
var languageNames = map[string]string{"en": "English", "zh-CN": "简体中文"}

// enDuration formats minutes the way the English pages do.
func enDuration(minutes int) string {
	h, m := minutes/60, minutes%60
	switch {
	case h == 0:
		return fmt.Sprintf("%d min", m)
	case m == 0:
		return fmt.Sprintf("%d h", h)
	}
	return fmt.Sprintf("%d h %d min", h, m)
}

// dayCard selects the home page's card of a day folder.
func dayCard(folder string) string {
	return `.day-card:has(> h3 a[href="` + folder + `/index.html"])`
}

func TestRootSendsVisitorsToDefaultLanguage(t *testing.T) {
	s := buildSite(t, pipeline.Learner)
	def := s.course.Config.DefaultLanguage
	raw, err := os.ReadFile(filepath.Join(s.dir, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	refresh := regexp.MustCompile(`<meta http-equiv="refresh" content="0; url=([^"]*)">`)
	m := refresh.FindSubmatch(raw)
	if m == nil {
		t.Fatalf("index.html has no meta refresh:\n%s", raw)
	}
	if got, want := string(m[1]), def+"/index.html"; got != want {
		t.Errorf("index.html refreshes to %q, want %q", got, want)
	}

	b := newTab(t, s, s.root)
	browsertest.Open(t, b.ctx, s.root+"index.html")
	browsertest.WaitURL(t, b.ctx, s.root+def+"/index.html")
	b.checkLang()
	if got, want := b.text("h1"), s.course.Config.Title[def]; got != want {
		t.Errorf("after the redirect the page's h1 is %q, want the course title %q", got, want)
	}

	// A browser that ignores meta refresh shows the list of languages: check it on a copy
	// of the page without the refresh, in the same folder so that its links resolve alike.
	still := refresh.ReplaceAll(raw, nil)
	if err := os.WriteFile(filepath.Join(s.dir, "index-without-refresh.html"), still, 0o644); err != nil {
		t.Fatal(err)
	}
	b.open("index-without-refresh.html")
	langs := s.course.Config.Languages
	if len(langs) < 2 {
		t.Fatalf("the bundled course has languages %v, want both en and zh-CN", langs)
	}
	if got := b.strs(`Array.from(document.querySelectorAll(".lang-choice a"), a => a.hreflang)`); !slices.Equal(got, langs) {
		t.Errorf("the root page links the languages %v, want %v", got, langs)
	}
	for _, code := range langs {
		a := `.lang-choice a[hreflang="` + code + `"]`
		if got := b.text(a); got != languageNames[code] {
			t.Errorf("the %s link reads %q, want %q", code, got, languageNames[code])
		}
		if got := b.str(`document.querySelector(` + jsString(a) + `).lang`); got != code {
			t.Errorf("the %s link has lang=%q, want %q", code, got, code)
		}
		if got := b.relOf(b.hrefs(a)[0]); got != code+"/index.html" {
			t.Errorf("the %s link goes to %s, want %s/index.html", code, got, code)
		}
	}
	if got := b.followLink(`//ul[@class="lang-choice"]`, languageNames["zh-CN"]); got != "zh-CN/index.html" {
		t.Errorf("clicking %s on the root page opened %s, want zh-CN/index.html", languageNames["zh-CN"], got)
	}
	if got, want := b.text("h1"), s.course.Config.Title["zh-CN"]; got != want {
		t.Errorf("the Chinese home's h1 is %q, want %q", got, want)
	}
}

func TestHomeShowsDay1AndOpensALesson(t *testing.T) {
	s := buildSite(t, pipeline.Learner)
	want := s.lessons(t, "en", day1)
	b := newTab(t, s, s.root)
	b.open("en/index.html")

	title := s.course.Config.Title["en"]
	if got := b.text("h1"); got != title {
		t.Errorf("home h1 = %q, want the course title %q", got, title)
	}
	if got := b.str("document.title"); !strings.Contains(got, title) {
		t.Errorf("home <title> = %q, want it to name the course %q", got, title)
	}
	// The theme's style sheet loaded: the skip link is moved out of sight.
	if got := b.str(`getComputedStyle(document.querySelector(".skip-link")).position`); got != "absolute" {
		t.Errorf("the skip link's position is %q: the style sheet did not load", got)
	}

	card := dayCard(day1)
	if n := b.count(card); n != 1 {
		t.Fatalf("the home page has %d cards for %s, want 1", n, day1)
	}
	if got := b.text(card + " .day-number"); got != "Day 1" {
		t.Errorf("the Day 1 card is labelled %q, want %q", got, "Day 1")
	}
	if got, dt := b.text(card+" h3"), want[0].day.Title(); !strings.Contains(got, dt) {
		t.Errorf("the Day 1 card's heading %q lacks the day title %q", got, dt)
	}

	links := b.hrefs(card + " .lesson-list a")
	names := b.texts(card + " .lesson-list a")
	durations := b.texts(card + " .lesson-list .meta")
	if len(links) != len(want) {
		t.Fatalf("the Day 1 card lists %d lessons %v, want %d", len(links), names, len(want))
	}
	var built []string
	for _, p := range s.pagesUnder("en/" + day1 + "/") {
		// The day page and the lessons' slides are not lessons of the card.
		if !strings.HasSuffix(p, "/index.html") && !strings.HasSuffix(p, ".slides.html") {
			built = append(built, p)
		}
	}
	var linked []string
	for i, w := range want {
		rel := b.relOf(links[i])
		linked = append(linked, rel)
		if rel != w.page || names[i] != w.title {
			t.Errorf("lesson %d on the Day 1 card: %q → %s, want %q → %s", i+1, names[i], rel, w.title, w.page)
		}
		if durations[i] != enDuration(w.minute) {
			t.Errorf("lesson %q shows duration %q, want %q", w.title, durations[i], enDuration(w.minute))
		}
	}
	slices.Sort(linked)
	if !slices.Equal(linked, built) {
		t.Errorf("the Day 1 card links %v, but the build wrote the lessons %v", linked, built)
	}
	if n := b.num(`Array.from(document.querySelectorAll(` + jsString(card+" .lesson-list a") + `)).filter(a => { const r = a.getBoundingClientRect(); return r.width > 0 && r.height > 0 }).length`); int(n) != len(want) {
		t.Errorf("%d of the %d lesson links on the Day 1 card are visible", int(n), len(want))
	}

	last := want[len(want)-1]
	if got := b.followLink(`//li[contains(@class,"day-card")]`, last.title); got != last.page {
		t.Errorf("clicking %q opened %s, want %s", last.title, got, last.page)
	}
	if got := b.text("h1"); got != last.title {
		t.Errorf("the lesson's h1 is %q, want %q", got, last.title)
	}
}

func TestLessonPage(t *testing.T) {
	s := buildSite(t, pipeline.Learner)
	b := newTab(t, s, s.root)
	var l lessonRef
	found := false
	for _, c := range s.lessons(t, "en", day1) {
		b.open(c.page)
		if b.count(".toc a") > 0 {
			l, found = c, true
			break
		}
	}
	if !found {
		t.Fatalf("no English Day 1 lesson has a table of contents")
	}
	if got := b.text("h1"); got != l.title {
		t.Errorf("h1 = %q, want %q", got, l.title)
	}

	t.Run("breadcrumbs", func(t *testing.T) {
		b := *b
		b.t = t
		crumbs := b.texts(".breadcrumbs li")
		wantCrumbs := []string{"Home", fmt.Sprintf("Day %d · %s", l.day.Number, l.day.Title()), l.title}
		if !slices.Equal(crumbs, wantCrumbs) {
			t.Errorf("breadcrumbs = %q, want %q", crumbs, wantCrumbs)
		}
		var targets []string
		for _, h := range b.hrefs(".breadcrumbs a") {
			targets = append(targets, b.relOf(h))
		}
		if want := []string{"en/index.html", "en/" + day1 + "/index.html"}; !slices.Equal(targets, want) {
			t.Errorf("breadcrumb links go to %v, want %v", targets, want)
		}
		if got := b.text(`.breadcrumbs [aria-current="page"]`); got != l.title {
			t.Errorf("the current breadcrumb is %q, want %q", got, l.title)
		}
	})

	t.Run("header", func(t *testing.T) {
		b := *b
		b.t = t
		if got, want := b.text(".page-header .eyebrow"), fmt.Sprintf("Day %d · Lesson %d", l.day.Number, l.index+1); got != want {
			t.Errorf("eyebrow = %q, want %q", got, want)
		}
		if got, want := b.text(".page-header > .meta"), "Duration: "+enDuration(l.minute); got != want {
			t.Errorf("duration line = %q, want %q", got, want)
		}
		if len(l.objs) == 0 {
			t.Fatalf("%s has no objectives in its front matter", l.page)
		}
		if got := b.text(".objectives h2"); got != "What you will be able to do" {
			t.Errorf("objectives heading = %q", got)
		}
		if got := b.texts(".objectives li"); !slices.Equal(got, l.objs) {
			t.Errorf("objectives shown %q, want %q", got, l.objs)
		}
	})

	t.Run("table of contents", func(t *testing.T) {
		b := *b
		b.t = t
		if got := b.text(".toc h2"); got != "On this page" {
			t.Errorf("TOC heading = %q, want %q", got, "On this page")
		}
		entries := b.texts(".toc a")
		targets := b.strs(`Array.from(document.querySelectorAll(".toc a"), a => a.getAttribute("href"))`)
		for i, href := range targets {
			id, ok := strings.CutPrefix(href, "#")
			if !ok || id == "" {
				t.Errorf("TOC entry %q links to %q, want #heading-id", entries[i], href)
				continue
			}
			got := b.text(`.prose :is(h2, h3)[id="` + id + `"]`)
			if got != entries[i] {
				t.Errorf("TOC entry %q links to #%s, whose heading reads %q", entries[i], id, got)
			}
		}
		// Click the last entry: the one furthest down the page.
		n := len(targets)
		id := strings.TrimPrefix(targets[n-1], "#")
		if err := chromedp.Do(b.ctx,
			chromedp.Evaluate[chromedp.Void](`window.scrollTo(0, 0)`),
			chromedp.Click(chromedp.CSS(fmt.Sprintf(".toc li:nth-child(%d) a", n))),
		); err != nil {
			t.Fatalf("clicking TOC entry %q: %v", entries[n-1], err)
		}
		browsertest.WaitURL(t, b.ctx, b.base+l.page+"#"+id)
		if got := b.str(`location.hash`); got != "#"+id {
			t.Errorf("after clicking %q, location.hash = %q, want #%s", entries[n-1], got, id)
		}
		if got := b.str(`(document.querySelector(":target") || {id: ""}).id`); got != id {
			t.Errorf("after clicking %q, the :target element has id %q, want %q", entries[n-1], got, id)
		}
		// The browser scrolls the heading to the top of the viewport, or as far as the page
		// goes when the heading is near its end.
		pos := browsertest.Eval[[]float64](t, b.ctx, `(() => {
			const r = document.getElementById(`+jsString(id)+`).getBoundingClientRect();
			const atEnd = scrollY + innerHeight >= document.documentElement.scrollHeight - 1;
			return [r.top, r.bottom, innerHeight, atEnd ? 1 : 0]; })()`)
		top, bottom, height, atEnd := pos[0], pos[1], pos[2], pos[3] == 1
		if top < -1 || bottom > height || (top > 1 && !atEnd) {
			t.Errorf("after clicking %q, its heading spans y=%.0f..%.0f of the %.0f px viewport; want it scrolled to the top", entries[n-1], top, bottom, height)
		}
	})

	t.Run("previous and next", func(t *testing.T) {
		b := *b
		b.t = t
		b.open(l.page)
		for _, dir := range []struct{ forward, back string }{{".pager-next", ".pager-prev"}, {".pager-prev", ".pager-next"}} {
			if b.count(dir.forward) == 0 {
				continue
			}
			label := b.text(dir.forward + " .pager-title")
			target := b.relOf(b.hrefs(dir.forward)[0])
			if got := b.follow(dir.forward); got != target {
				t.Errorf("%s went to %s, but links %s", dir.forward, got, target)
			}
			if h1 := b.text("h1"); h1 == "" || !strings.HasSuffix(label, h1) {
				t.Errorf("%s is labelled %q but opened a page titled %q", dir.forward, label, h1)
			}
			if got := b.follow(dir.back); got != l.page {
				t.Errorf("%s then %s ended on %s, want back on %s", dir.forward, dir.back, got, l.page)
			}
		}
		if b.count(".pager-next")+b.count(".pager-prev") == 0 {
			t.Errorf("%s has no previous or next link", l.page)
		}
	})
}

func TestLanguageSwitcher(t *testing.T) {
	s := buildSite(t, pipeline.Learner)
	en := s.lessons(t, "en", day1)[0]
	zh := s.translation(t, en, "zh-CN")
	b := newTab(t, s, s.root)
	const switcher = `//nav[contains(@class,"lang-switch")]`

	b.open(en.page)
	if got := b.text(`.lang-switch [aria-current="page"]`); got != "English" {
		t.Errorf("the switcher marks %q as current on an English page", got)
	}
	if got := b.followLink(switcher, "简体中文"); got != zh.page {
		t.Fatalf("简体中文 on %s opened %s, want %s", en.page, got, zh.page)
	}
	if got := b.text("h1"); got != zh.title {
		t.Errorf("the Chinese lesson's h1 is %q, want %q", got, zh.title)
	}
	if got := b.text(`.lang-switch [aria-current="page"]`); got != "简体中文" {
		t.Errorf("the switcher marks %q as current on a Chinese page", got)
	}
	if got := b.followLink(switcher, "English"); got != en.page {
		t.Fatalf("English on %s opened %s, want %s", zh.page, got, en.page)
	}
	if got := b.text("h1"); got != en.title {
		t.Errorf("back in English the h1 is %q, want %q", got, en.title)
	}

	for _, p := range []string{"index.html", day1 + "/index.html"} {
		b.open("en/" + p)
		if got := b.followLink(switcher, "简体中文"); got != "zh-CN/"+p {
			t.Errorf("简体中文 on en/%s opened %s, want zh-CN/%s", p, got, p)
		}
		if got := b.followLink(switcher, "English"); got != "en/"+p {
			t.Errorf("English on zh-CN/%s opened %s, want en/%s", p, got, p)
		}
	}
}

// TestEditions opens every page of both editions: the learner edition must not carry any
// trainer material, not even hidden, and the trainer edition must show it. Every visit also
// checks <html lang>, the requests and the console (see newTab).
func TestEditions(t *testing.T) {
	learner := buildSite(t, pipeline.Learner)
	trainer := buildSite(t, pipeline.Trainer)
	// The trainer edition adds the framework coverage table, the schedule, the trainer's
	// packs, the evaluation forms and the exams' paper versions; every other page is in both.
	trainerOnly := func(p string) bool {
		return strings.HasSuffix(p, "/coverage.html") || strings.HasSuffix(p, "/schedule.html") || strings.HasSuffix(p, "-trainer.html") ||
			strings.HasSuffix(p, "/packs/evaluation.html") ||
			regexp.MustCompile(`/packs/.*-version-[a-z]\.html$`).MatchString(p)
	}
	if shared := slices.DeleteFunc(slices.Clone(trainer.pages), trainerOnly); !slices.Equal(learner.pages, shared) {
		t.Fatalf("the editions have different pages:\nlearner %v\ntrainer %v", learner.pages, trainer.pages)
	}
	lb := newTab(t, learner, learner.root)
	tb := newTab(t, trainer, trainer.root)
	labels := map[string]string{"en": "Trainer notes", "zh-CN": "讲师备注"}
	notesByLang := map[string]int{}
	timings, slideNotes := 0, 0
	for _, p := range trainer.pages {
		if p == "index.html" || trainerOnly(p) {
			continue // the root page redirects at once; TestRootSendsVisitorsToDefaultLanguage covers it
		}
		lang, _, _ := strings.Cut(p, "/")

		tb.open(p)
		// Slides fill the projector's screen, without the site's header and its badge.
		if got := tb.text(".edition-badge"); got == "" && !strings.HasSuffix(p, ".slides.html") {
			t.Errorf("trainer %s shows no edition badge", p)
		}
		// Slides keep each slide's notes, hidden, for the presenter view.
		notes := tb.strs(`Array.from(document.querySelectorAll(".trainer-notes, .slide-notes"), n => {
			const c = n.cloneNode(true); c.querySelector(".trainer-notes-label")?.remove();
			return c.textContent.replace(/\s+/g, " ").trim() })`)
		for _, label := range tb.strs(`Array.from(document.querySelectorAll(".trainer-notes-label"), n => n.textContent.trim())`) {
			if label != labels[lang] {
				t.Errorf("trainer %s labels notes %q, want %q", p, label, labels[lang])
			}
		}
		if hidden := tb.num(`Array.from(document.querySelectorAll(".trainer-notes, .timing")).filter(e => { const r = e.getBoundingClientRect(); return r.width == 0 || r.height == 0 }).length`); hidden > 0 {
			t.Errorf("trainer %s: %.0f trainer notes or timings are not displayed", p, hidden)
		}
		notesByLang[lang] += len(notes)
		if strings.HasSuffix(p, ".slides.html") {
			slideNotes += len(notes)
		}
		timings += tb.count(".timing")

		lb.open(p)
		if n := lb.count(".trainer-notes, .trainer-notes-label, .timing, .edition-badge, .edition-trainer, .slide-notes, [data-minutes], .pv-minutes"); n != 0 {
			t.Errorf("learner %s has %d trainer elements", p, n)
		}
		html := lb.str(`document.documentElement.outerHTML`)
		for _, w := range []string{"Trainer notes", "讲师备注", "trainer-notes", `class="timing"`, "Trainer edition", "讲师版"} {
			if strings.Contains(html, w) {
				t.Errorf("learner %s contains %q", p, w)
			}
		}
		text := normalize(lb.str(`document.documentElement.textContent`))
		for _, n := range notes {
			if n != "" && strings.Contains(text, n) {
				t.Errorf("learner %s contains the trainer note %q", p, n)
			}
		}
		if got := lb.count("h1"); got != 1 {
			t.Errorf("learner %s has %d h1 elements, want 1", p, got)
		}
	}
	for lang := range labels {
		if notesByLang[lang] == 0 {
			t.Errorf("no %s page of the trainer edition shows trainer notes", lang)
		}
	}
	if timings == 0 {
		t.Error("no page of the trainer edition shows a section timing")
	}
	if slideNotes == 0 {
		t.Error("no slides page of the trainer edition carries notes for the presenter view: the learner check of slides sees nothing")
	}
	raw, err := os.ReadFile(filepath.Join(learner.dir, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(raw), "trainer") || strings.Contains(string(raw), "Trainer") {
		t.Error("the learner root page mentions trainers")
	}
}

func TestTabFocusesSkipLink(t *testing.T) {
	s := buildSite(t, pipeline.Learner)
	en := s.lessons(t, "en", day1)[0]
	zh := s.translation(t, en, "zh-CN")
	b := newTab(t, s, s.root)
	const rect = `(() => { const r = document.querySelector(".skip-link").getBoundingClientRect();
		return [r.top, r.left, r.bottom, r.right, r.width, r.height, innerWidth, innerHeight]; })()`
	for _, c := range []struct{ page, label string }{
		{"en/index.html", "Skip to content"},
		{en.page, "Skip to content"},
		{zh.page, "跳到正文"},
	} {
		b.open(c.page)
		before := browsertest.Eval[[]float64](t, b.ctx, rect)
		if before[2] > 0 {
			t.Errorf("%s: the skip link shows before it has focus (bottom at y=%.0f)", c.page, before[2])
		}
		if err := chromedp.Do(b.ctx, chromedp.KeyEvent(kb.Tab)); err != nil {
			t.Fatal(err)
		}
		focused := `(e => e.tagName.toLowerCase() + "." + e.className + " " + JSON.stringify(e.textContent.replace(/\s+/g, " ").trim().slice(0, 40)))(document.activeElement)`
		if got, want := b.str(focused), "a.skip-link "+strconv.Quote(c.label); got != want {
			t.Errorf("%s: the first Tab focused %s, want %s", c.page, got, want)
			continue
		}
		r := browsertest.Eval[[]float64](t, b.ctx, rect)
		top, left, bottom, right, w, h, vw, vh := r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7]
		if w <= 0 || h <= 0 || top < 0 || left < 0 || bottom > vh || right > vw {
			t.Errorf("%s: the focused skip link is at (%.0f,%.0f)-(%.0f,%.0f), not inside the %.0f×%.0f viewport", c.page, left, top, right, bottom, vw, vh)
		}
		if err := chromedp.Do(b.ctx, chromedp.KeyEvent(kb.Enter)); err != nil {
			t.Fatal(err)
		}
		browsertest.WaitURL(t, b.ctx, b.base+c.page+"#main")
		if got := b.str(`document.activeElement.id`); got != "main" {
			t.Errorf("%s: after Enter on the skip link the focus is on %q, want the main content", c.page, got)
		}
	}
}

// squash removes all white space, so that text pdftotext broke across lines still matches.
func squash(s string) string {
	return strings.Join(strings.Fields(s), "")
}

func TestPrintLesson(t *testing.T) {
	s := buildSite(t, pipeline.Learner)
	en := s.lessons(t, "en", day1)[0]
	zh := s.translation(t, en, "zh-CN")
	b := newTab(t, s, s.root)
	haveText := false
	for _, c := range []struct {
		l     lessonRef
		paper browsertest.Paper
	}{{en, browsertest.A4}, {en, browsertest.Letter}, {zh, browsertest.A4}} {
		b.open(c.l.page)
		hidden := []string{
			b.str(`document.querySelector(".skip-link").textContent`),
			b.str(`document.querySelector(".site-footer").textContent`),
		}
		hidden = append(hidden, b.strs(`Array.from(document.querySelectorAll(".breadcrumbs a"), a => a.textContent)`)[1:]...)
		if b.count(".toc") > 0 {
			hidden = append(hidden, b.str(`document.querySelector(".toc h2").textContent`))
		}
		data, pages := browsertest.PrintPDF(t, b.ctx, c.paper)
		if pages < 1 || pages > 40 {
			t.Errorf("%s on %s printed %d pages", c.l.page, c.paper, pages)
		}
		if info, ok := browsertest.PDFInfoPages(t, data); ok && info != pages {
			t.Errorf("%s on %s: PageCount says %d pages, pdfinfo %d", c.l.page, c.paper, pages, info)
		}
		text, ok := browsertest.PDFText(t, data)
		if !ok {
			t.Logf("pdftotext is not installed (apt-get install -y poppler-utils); not checking the printed text")
			continue
		}
		haveText = true
		if c.l.lang == "zh-CN" && browsertest.NoFontFor("zh-cn") {
			t.Logf("no Chinese font is installed (apt-get install -y fonts-noto-cjk), so Chinese prints as empty boxes; not checking the text of %s", c.l.page)
			continue
		}
		flat := squash(text)
		if !strings.Contains(flat, squash(c.l.title)) {
			t.Errorf("%s on %s: the PDF text lacks the title %q:\n%.400s", c.l.page, c.paper, c.l.title, text)
		}
		for _, h := range hidden {
			if h = squash(h); h != "" && strings.Contains(flat, h) {
				t.Errorf("%s on %s: the PDF shows the navigation text %q", c.l.page, c.paper, h)
			}
		}
	}

	// Control: printed with the screen style sheet instead of the print one, the breadcrumb
	// and the footer do reach the PDF text, so the checks above can fail.
	if !haveText {
		return
	}
	b.open(en.page)
	crumb := b.strs(`Array.from(document.querySelectorAll(".breadcrumbs a"), a => a.textContent)`)[1]
	footer := b.str(`document.querySelector(".site-footer").textContent`)
	if _, err := chromedp.Call(b.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "screen"}); err != nil {
		t.Fatal(err)
	}
	data, _ := browsertest.PrintPDF(t, b.ctx, browsertest.A4)
	if _, err := chromedp.Call(b.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{}); err != nil {
		t.Fatal(err)
	}
	text, _ := browsertest.PDFText(t, data)
	for _, want := range []string{crumb, footer} {
		if !strings.Contains(squash(text), squash(want)) {
			t.Errorf("control: printed as on screen, the PDF text lacks %q; the print checks cannot see navigation text", want)
		}
	}
}

func TestServedFromSubPath(t *testing.T) {
	s := buildSite(t, pipeline.Learner)
	const prefix = "/some/sub/path/"
	var mu sync.Mutex
	var served []string
	files := http.StripPrefix(prefix, http.FileServer(http.Dir(s.dir)))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		served = append(served, r.URL.Path)
		mu.Unlock()
		files.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	t.Cleanup(func() {
		if t.Skipped() {
			return
		}
		mu.Lock()
		defer mu.Unlock()
		if len(served) == 0 {
			t.Error("the server saw no request")
		}
		for _, p := range served {
			switch {
			case p == "/favicon.ico":
				t.Errorf("the browser asked the server root for /favicon.ico, outside %s: the pages name no icon (<link rel=\"icon\">), so browsers fall back to the root of the host, which is not the site's", prefix)
			case !strings.HasPrefix(p, prefix):
				t.Errorf("the browser asked the server for %s, outside %s", p, prefix)
			}
		}
	})

	en := s.lessons(t, "en", day1)[0]
	zh := s.translation(t, en, "zh-CN")
	base := srv.URL + prefix
	b := newTab(t, s, base)
	b.open("en/index.html")
	if got, want := b.text("h1"), s.course.Config.Title["en"]; got != want {
		t.Errorf("home h1 over HTTP = %q, want %q", got, want)
	}
	if got := b.str(`getComputedStyle(document.querySelector(".skip-link")).position`); got != "absolute" {
		t.Errorf("over HTTP the skip link's position is %q: the style sheet did not load", got)
	}
	if got := b.follow(dayCard(day1) + " .lesson-list li:first-child a"); got != en.page {
		t.Errorf("the first Day 1 lesson link opened %s, want %s", got, en.page)
	}
	if got := b.text("h1"); got != en.title {
		t.Errorf("lesson h1 over HTTP = %q, want %q", got, en.title)
	}
	if got := b.follow(`.lang-switch a[hreflang="zh-CN"]`); got != zh.page {
		t.Errorf("the language switcher opened %s, want %s", got, zh.page)
	}
	if got := b.text("h1"); got != zh.title {
		t.Errorf("Chinese lesson h1 over HTTP = %q, want %q", got, zh.title)
	}
	if got := b.follow(`.breadcrumbs li:first-child a`); got != "zh-CN/" && got != "zh-CN/index.html" {
		t.Errorf("the Home breadcrumb opened %s, want the Chinese home", got)
	}
	if got, want := b.text("h1"), s.course.Config.Title["zh-CN"]; got != want {
		t.Errorf("Chinese home h1 over HTTP = %q, want %q", got, want)
	}
}
