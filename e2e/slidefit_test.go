package e2e

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"playbook/internal/browsertest"
	"playbook/site/pipeline"
	"playbook/site/pipeline/plan"
)

// authoredLesson is a lesson whose sections carry their own slide text, for the fit test to
// have something to present even in a course without any.
const authoredLesson = `---
title: Slides of their own
duration: 30
---

Prose before the first section: the script of the title slide.

## Value tiers {minutes=15}

The tiers come from ranking customers by profit. This paragraph and the table of the reading
page are the presenter's script, however long they grow.

::: slide
- **Platinum**: the top 1%
- **Gold**: the next 4%
- **Iron**: the next 15%
- **Lead**: the remaining 80%
:::

## 价值分层 {minutes=15}

::: slide
按利润从高到低排列客户：

| 层级 | 占比 |
|---|---|
| 白金 | 1% |
| 黄金 | 4% |
| 铁 | 15% |
| 铅 | 80% |
:::
`

// fitCourse builds the quiz test course with authoredLesson added, trainer edition, and
// returns it with its course folder.
func fitCourse(t *testing.T) (*site, string) {
	return fitCourseIn(t, pipeline.Trainer)
}

// fitCourseIn is fitCourse in the given edition.
func fitCourseIn(t *testing.T, edition pipeline.Edition) (*site, string) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "course")
	if err := os.CopyFS(dir, os.DirFS(quizCourse)); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "content", "en", "day-01-basics", "03-authored.md"), []byte(authoredLesson), 0o644); err != nil {
		t.Fatal(err)
	}
	return buildSiteOf(t, dir, edition), dir
}

// TestSlideScriptForThePresenter checks that a slide with text of its own hands the section's
// text to the presenter view as its script, in the learner edition too (where there are no
// trainer notes), and that the slide itself shows only its own text.
func TestSlideScriptForThePresenter(t *testing.T) {
	s, _ := fitCourseIn(t, pipeline.Learner)
	b := slidesTab(t, s, "en/day-01-basics/authored.slides.html")
	b.key("ArrowRight")
	b.waitFor(`document.querySelector(".deck-counter").textContent === "2 / 3"`, "slide 2")
	if got := b.text(".deck > .slide:not([hidden]) .slide-body"); strings.Contains(got, "presenter's script") || !strings.Contains(got, "Platinum") {
		t.Errorf("slide 2 shows %q, want its own points only", got)
	}
	p := b.openPresenter("key")
	v := p.waitPresenter(2, 3)
	if !strings.Contains(v.Notes, "The tiers come from ranking customers by profit") || strings.Contains(v.Notes, "Platinum") {
		t.Errorf("the presenter's notes pane shows %q, want the section's text as the script", v.Notes)
	}
}

// authoredSlides lists the slides pages of the lessons of s whose source has "::: slide"
// blocks, read from the course folder src.
func authoredSlides(t *testing.T, s *site, src string) []string {
	t.Helper()
	var out []string
	for _, lang := range s.course.Languages {
		for _, d := range lang.Days {
			for _, l := range d.Lessons {
				data, err := os.ReadFile(filepath.Join(src, filepath.FromSlash(l.Path)))
				if err != nil {
					t.Fatal(err)
				}
				if bytes.Contains(data, []byte("\n::: slide")) {
					out = append(out, strings.TrimSuffix(plan.LessonPath(lang.Code, d, l), ".html")+".slides.html")
				}
			}
		}
	}
	return out
}

// TestEverySlideFits presents every lesson with slide text of its own, of the bundled course
// and of a test lesson, on a 1,280 x 720 and a 1,920 x 1,080 projector: every slide shows
// whole, at full-size type or nearly (no smaller than 85%), without scrolling and without
// anything running off its sides.
func TestEverySlideFits(t *testing.T) {
	fixture, fixtureSrc := fitCourse(t)
	bundled := buildSite(t, pipeline.Trainer)
	type deck struct {
		s    *site
		page string
	}
	var decks []deck
	for _, p := range authoredSlides(t, fixture, fixtureSrc) {
		decks = append(decks, deck{fixture, p})
	}
	if len(decks) == 0 {
		t.Fatal("the test lesson with slide text has no slides page")
	}
	lessons := 0
	for _, lang := range bundled.course.Languages {
		for _, d := range lang.Days {
			lessons += len(d.Lessons)
		}
	}
	authored := authoredSlides(t, bundled, repoRoot)
	if len(authored) != lessons {
		t.Errorf("%d of the bundled course's %d lessons have slide text of their own; every lesson needs it to be projected", len(authored), lessons)
	}
	for _, p := range authored {
		decks = append(decks, deck{bundled, p})
	}
	checked := 0
	for _, size := range [][2]int64{{1280, 720}, {1920, 1080}} {
		tabs := map[*site]*tab{}
		for _, d := range decks {
			b := tabs[d.s]
			if b == nil {
				b = newTab(t, d.s, d.s.root)
				if _, err := chromedp.Call(b.ctx, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{Width: size[0], Height: size[1], DeviceScaleFactor: 1}); err != nil {
					t.Fatal(err)
				}
				tabs[d.s] = b
			}
			b.open(d.page)
			b.waitFor(`window.Playbook && Playbook.slides`, "the slides script")
			count := int(b.num(`document.querySelectorAll(".deck > .slide").length`))
			for i := 1; i <= count; i++ {
				if i > 1 {
					b.key("ArrowRight")
				}
				b.waitFor(fmt.Sprintf(`document.querySelector(".deck-counter").textContent === "%d / %d"`, i, count), "the next slide")
				f := browsertest.Eval[slideFacts](t, b.ctx, slideFactsJS)
				checked++
				where := fmt.Sprintf("%s slide %d at %dx%d", d.page, i, size[0], size[1])
				sw, cw, sh, ch := f.Body[0], f.Body[1], f.Body[2], f.Body[3]
				switch {
				case f.Long || sh > ch+1:
					t.Errorf("%s scrolls: its text is too long for a slide (give the section a shorter \"::: slide\" block)", where)
				case f.Fit < 0.85:
					t.Errorf("%s needs type at %.0f%% of full size to fit", where, f.Fit*100)
				case sw > cw+1:
					t.Errorf("%s is %.0f px wide inside %.0f: something runs off its side", where, sw, cw)
				}
			}
		}
	}
	t.Logf("%d slides checked in %d decks at two sizes", checked, len(decks))
}
