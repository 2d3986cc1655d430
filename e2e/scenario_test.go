package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp/kb"

	"playbook/site/diag"
	"playbook/site/pipeline"
	"playbook/site/scenario"
	"playbook/site/scenario/graph"
	"playbook/site/scenario/scenariofile"
)

// testCourse is the small course of the golden tests, which has one scenario.
const testCourse = "../testdata/course"

// loadScenario reads a scenario file of the test course.
func loadScenario(t *testing.T, name string) *scenario.Scenario {
	t.Helper()
	path := filepath.Join(testCourse, "scenarios", name)
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var diags diag.List
	s := scenariofile.Parse(path, src, []string{"en", "zh-CN"}, &diags)
	if s == nil || diags.HasErrors() {
		t.Fatalf("%s: %v", path, diags)
	}
	return s
}

// playByKeyboard plays moves from the start of the conversation with the keyboard only:
// "Start again" (Enter), then for each move Tab to its option and Enter. It checks that the
// focus follows the conversation: on the customer's new turn after each choice, on the end
// at the end.
func (b *tab) playByKeyboard(s *scenario.Scenario, lang string, moves []graph.Move) {
	b.t.Helper()
	b.run(`document.querySelector(".sc-toolbar .button").focus()`)
	b.keys(kb.Enter)
	vals := s.StartValues()
	for i, m := range moves {
		if got := b.str(`document.activeElement.className`); got != "sc-turn sc-turn-customer" {
			b.t.Fatalf("move %d: the focus is on %q, not on the customer's turn", i+1, got)
		}
		step := s.Steps[m.Step]
		idx := -1
		offered := 0
		for j, c := range step.Choices {
			if c.If.Holds(vals) {
				if j == m.Choice {
					idx = offered
				}
				offered++
			}
		}
		if idx < 0 {
			b.t.Fatalf("move %d: choice %d of step %s is not offered", i+1, m.Choice, step.ID)
		}
		if n := b.count(".sc-option"); n != offered {
			b.t.Fatalf("step %s offers %d choices on the page, want %d", step.ID, n, offered)
		}
		for range idx + 1 {
			b.keys(kb.Tab)
		}
		c := step.Choices[m.Choice]
		if got, want := normalize(b.str(`document.activeElement.textContent`)), normalize(c.Text.Get(lang)); got != want {
			b.t.Fatalf("step %s: Tab %d times reached %q, want the choice %q", step.ID, idx+1, got, want)
		}
		b.keys(kb.Enter)
		vals = c.Apply(vals)
	}
}

func TestScenarioEveryPathByKeyboard(t *testing.T) {
	s := loadScenario(t, "double-charge.yaml")
	paths := s.AllPaths(100)
	if len(paths) != 9 {
		t.Fatalf("%d paths, want 9", len(paths))
	}
	site := buildSiteFrom(t, testCourse, pipeline.Learner)
	for _, lang := range []string{"en", "zh-CN"} {
		b := newTab(t, site, site.root)
		b.open(lang + "/scenarios/double-charge.html")
		b.run(`localStorage.clear()`)
		for n, p := range paths {
			t.Run(fmt.Sprintf("%s/path-%d", lang, n+1), func(t *testing.T) {
				b.t = t
				b.playByKeyboard(s, lang, p.Moves)
				end := s.Ends[p.End]
				if got := b.str(`document.activeElement.className`); !strings.HasPrefix(got, "sc-end ") {
					t.Fatalf("after the last choice the focus is on %q, not on the end", got)
				}
				if got := b.text(".sc-end h3"); !strings.Contains(got, end.Title.Get(lang)) {
					t.Errorf("the end shows %q, want %q", got, end.Title.Get(lang))
				}
				want := fmt.Sprintf("%d / 7", p.Points)
				if lang == "en" {
					want = fmt.Sprintf("%d of 7 points", p.Points)
				}
				if got := b.text(".sc-score"); !strings.Contains(got, want) {
					t.Errorf("the score reads %q, want %q", got, want)
				}
				if got := b.count(".sc-turn-you"); got != len(p.Moves) {
					t.Errorf("%d of the rep's turns in the transcript, want %d", got, len(p.Moves))
				}
				if got := b.count(".sc-turn-you .sc-feedback"); got != len(p.Moves) {
					t.Errorf("%d feedback boxes, want one per choice (%d)", got, len(p.Moves))
				}
			})
		}
		b.t = t
		// Every run is kept in the learner's progress: attempts, the ends reached, the choices
		// made; the progress page shows the last end.
		want := 9 // the storage was cleared before this language
		got := b.str(`(() => { const k = Object.keys(localStorage).find((k) => k.endsWith(":progress:v1"));
			const e = JSON.parse(localStorage.getItem(k)).scenarios["double-charge"];
			return [e.attempts, Object.values(e.ends).reduce((a, b) => a + b, 0), e.picks["opening/listen"], e.best.percent, e.last.end].join(" "); })()`)
		if wantText := fmt.Sprintf("%d %d %d 100 lost", want, want, want*4/9); got != wantText {
			t.Errorf("%s: the stored scenario reads %q, want %q (attempts, ends, picks of opening/listen, best percent, last end)", lang, got, wantText)
		}
		b.open(lang + "/progress.html")
		if got, want := b.text(`tr[data-progress-scenario="double-charge"] .progress-status`), map[string]string{"en": "Lost", "zh-CN": "流失"}[lang]; got != want {
			t.Errorf("%s: the progress page shows %q for the scenario, want %q", lang, got, want)
		}
	}
}

func TestScenarioBestPath(t *testing.T) {
	s := loadScenario(t, "double-charge.yaml")
	w := s.WalkAll()
	site := buildSiteFrom(t, testCourse, pipeline.Trainer)
	b := newTab(t, site, site.root)
	b.open("en/scenarios/double-charge.html")
	b.run(`localStorage.clear()`)
	b.clickButton("Show me the best path")
	if got := b.count(".sc-turn-you"); got != len(w.Best) {
		t.Errorf("the best path shows %d choices, want %d", got, len(w.Best))
	}
	if got := b.text(".sc-end h3"); !strings.Contains(got, s.Ends[w.End].Title.Get("en")) {
		t.Errorf("the best path ends at %q", got)
	}
	if got := b.text(".sc-score"); !strings.Contains(got, "7 of 7 points (100%)") {
		t.Errorf("the best path scores %q", got)
	}
	if got := b.str(`localStorage.length.toString()`); got != "0" {
		t.Errorf("showing the best path stored %s values", got)
	}
	if !b.visible(".sc-map") || b.count(".sc-map-best") != len(w.Best) {
		t.Errorf("the trainer's map is missing or does not draw the best path in bold (%d bold arrows)", b.count(".sc-map-best"))
	}
}
