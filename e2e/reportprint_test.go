package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"playbook/internal/browsertest"
	"playbook/site/pipeline"
	"playbook/site/report"
	"playbook/site/report/collect"
	"playbook/site/report/reportview"
)

// TestReportPrintsWhole makes the class report of the bundled course (every quiz, learners
// who took them all), in both languages, and prints it as the print dialog does, on A4 and
// Letter: landscape, and no table wider than the sheet, so that no column is cut (the
// table of best scores was 1,451 px wide and lost the Day 10 and final-assessment columns).
func TestReportPrintsWhole(t *testing.T) {
	s := buildSite(t, pipeline.Learner)
	b := newTab(t, s, s.root)
	b.open("en/progress.html")
	site := b.str(`document.body.dataset.site`)
	var inputs []collect.Input
	for i, name := range []string{"Ana Li", "Bartholomew Featherstonehaugh-Smythe", "欧阳娜娜"} {
		exported := b.str(`(() => { const core = Playbook.quizCore, s = core.emptyStore(` + jsString(site) + `); s.learner = ` + jsString(name) + `;
			for (const r of document.querySelectorAll("[data-progress-quiz]")) s.quizzes[r.dataset.progressQuiz] = { version: "x", attempts: 1, questions: {},
				best: { date: "2026-11-20T10:00:00.000Z", version: "x", earned: 1, max: 1, percent: ` + fmt.Sprint(60+i*15) + `, passed: ` + fmt.Sprint(i > 0) + ` }, last: null };
			return JSON.stringify(core.exportStore(s)); })()`)
		inputs = append(inputs, collect.Input{Path: fmt.Sprintf("learner-%d.json", i), Data: []byte(exported)})
	}
	for _, lang := range []string{"en", "zh-CN"} {
		r := report.Make(s.course, site, lang, inputs)
		if len(r.Learners) != 3 {
			t.Fatalf("the report has %d learners: %s", len(r.Learners), r.Summary())
		}
		html, err := reportview.HTML(r)
		if err != nil {
			t.Fatal(err)
		}
		file := filepath.Join(s.dir, "report."+lang+".html") // inside the site: the tab checks that pages stay there
		if err := os.WriteFile(file, html, 0o644); err != nil {
			t.Fatal(err)
		}
		browsertest.Open(t, b.ctx, browsertest.FileURL(file))
		last := r.Quizzes[len(r.Quizzes)-1].Title
		for _, paper := range []struct {
			name  string
			size  chromedp.PaperSize
			width int64 // CSS px across the landscape sheet, inside the report's margins (12 mm each side)
		}{{"A4", chromedp.PaperA4, 1031}, {"Letter", chromedp.PaperLetter, 965}} {
			if _, err := chromedp.Call(b.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
				t.Fatal(err)
			}
			if err := chromedp.Do(b.ctx, chromedp.EmulateViewport(paper.width, 700)); err != nil {
				t.Fatal(err)
			}
			if over := b.str(sideScrollCulprit); over != "" {
				t.Errorf("the %s report printed on %s landscape: %s", lang, paper.name, over)
			}
			if _, err := chromedp.Call(b.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: ""}); err != nil {
				t.Fatal(err)
			}
			data, err := chromedp.Run(b.ctx, chromedp.PrintToPDF(chromedp.PDFPaper(paper.size), chromedp.PDFPreferCSSPageSize()))
			if err != nil {
				t.Fatal(err)
			}
			keepPDF(t, "report-"+lang+"-"+paper.name+".pdf", data)
			sizes := pdfPageSizes(t, data)
			t.Logf("the %s report prints on %d %s pages", lang, len(sizes), paper.name)
			for i, sz := range sizes {
				if sz[0] <= sz[1] {
					t.Errorf("the %s report's page %d on %s is portrait (%v pt)", lang, i+1, paper.name, sz)
					break
				}
			}
			if text, ok := browsertest.PDFText(t, data); ok && !browsertest.NoFontFor(lang) && !strings.Contains(squash(text), squash(last)) {
				t.Errorf("the %s report printed on %s lacks its last quiz's column, %q", lang, paper.name, last)
			}
		}
		if err := chromedp.Do(b.ctx, chromedp.EmulateViewport(1280, 800)); err != nil {
			t.Fatal(err)
		}
	}
}
