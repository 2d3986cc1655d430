package e2e

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"playbook/site/material"
	"playbook/site/pipeline"
	"playbook/site/scenario"
)

// TestBundledScenarios plays the best path of every role-play scenario of the bundled course
// in both languages (it must reach the end the build found, with full marks), and checks in
// print that each of its three cards fits in its room: half a page for the rep's card and the
// observer's sheet, a page for the customer's card.
func TestBundledScenarios(t *testing.T) {
	s := buildSite(t, pipeline.Learner)
	all := material.Of[*scenario.Scenario](s.course.Materials)
	if len(all) < 10 {
		t.Fatalf("the bundled course has %d role-play scenarios, want at least ten (one per day)", len(all))
	}
	days := map[int]bool{}
	for _, sc := range all {
		days[sc.Day] = true
	}
	if len(days) < 10 {
		t.Errorf("the scenarios cover %d days, want all ten", len(days))
	}
	b := newTab(t, s, s.root)
	for _, sc := range all {
		w := sc.WalkAll()
		for _, lang := range s.course.Config.Languages {
			name := fmt.Sprintf("%s/%s", lang, sc.ID)
			b.open(lang + "/scenarios/" + sc.ID + ".html")
			b.run(`localStorage.clear()`)
			// With the keyboard: Tab from "Start again" to "Show me the best path", then Enter.
			b.run(`document.querySelector(".sc-toolbar .button").focus()`)
			b.keys(kb.Tab)
			if got, want := b.str(`document.activeElement.textContent`), map[string]string{"en": "Show me the best path", "zh-CN": "演示最佳路径"}[lang]; got != want {
				t.Fatalf("%s: Tab reached %q, want %q", name, got, want)
			}
			b.keys(kb.Enter)
			if got := b.count(".sc-turn-you"); got != len(w.Best) {
				t.Errorf("%s: the best path shows %d choices, want %d", name, got, len(w.Best))
			}
			if got := b.text(".sc-end h3"); !strings.Contains(got, sc.Ends[w.End].Title.Get(lang)) {
				t.Errorf("%s: the best path ends at %q, want %q", name, got, sc.Ends[w.End].Title.Get(lang))
			}
			if got := b.text(".sc-score"); !strings.Contains(got, "(100%)") && !strings.Contains(got, "（100%）") {
				t.Errorf("%s: the best path scores %q", name, got)
			}
			// Paper is narrower than the screen: A4 and Letter leave about 190 mm (718 px) for
			// the text; check at 700 px.
			if err := chromedp.Do(b.ctx, chromedp.EmulateViewport(700, 1000)); err != nil {
				t.Fatal(err)
			}
			b.media("print")
			over := b.strs(`[...document.querySelectorAll(".sc-card")].filter((c) => c.scrollHeight > c.clientHeight + 1).map((c) => c.className + " needs " + c.scrollHeight + " px of " + c.clientHeight)`)
			b.media("")
			if err := chromedp.Do(b.ctx, chromedp.EmulateViewport(1280, 1000)); err != nil {
				t.Fatal(err)
			}
			if n := b.count(".sc-card"); n != 3 {
				t.Errorf("%s: %d cards, want 3", name, n)
			}
			for _, o := range over {
				t.Errorf("%s: a card does not fit in its room on paper: %s", name, o)
			}
		}
	}
}

// media emulates a CSS media type ("print"), or stops emulating ("").
func (b *tab) media(kind string) {
	b.t.Helper()
	if _, err := chromedp.Call(b.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: kind}); err != nil {
		b.t.Fatalf("emulating %q media: %v", kind, err)
	}
}
