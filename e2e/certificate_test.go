package e2e

import (
	"strconv"
	"strings"
	"testing"

	"playbook/internal/browsertest"
	"playbook/site/pipeline"
)

// seedBest stores, for each quiz id, a best attempt with the given percent (passed when at
// least 70) on the given day.
func (b *tab) seedBest(learner string, best map[string]float64, date string) {
	b.t.Helper()
	js := `const core = Playbook.quizCore; const s = core.emptyStore(document.body.dataset.site); s.learner = ` + jsString(learner) + `;`
	for id, pct := range best {
		p := "false"
		if pct >= 70 {
			p = "true"
		}
		js += `s.quizzes[` + jsString(id) + `] = { version: "x", attempts: 1, questions: {},
			best: { date: ` + jsString(date) + `, version: "x", earned: 1, max: 1, percent: ` + strconv.FormatFloat(pct, 'f', -1, 64) + `, passed: ` + p + ` },
			last: null };`
	}
	js += `localStorage.setItem(` + jsString(storeKey) + `, JSON.stringify(s))`
	b.run(js)
	b.open(progressEN)
}

// hidden reports whether the first element matching sel is hidden.
func (b *tab) hidden(sel string) bool {
	b.t.Helper()
	return b.num(`document.querySelector(`+jsString(sel)+`).hidden ? 1 : 0`) == 1
}

// TestCertificate earns, names and prints the certificate of completion on the progress page.
func TestCertificate(t *testing.T) {
	s := buildQuizSite(t, pipeline.Learner)
	b := quizTab(t, s, progressEN)
	b.run(`window.print = () => { window.printed = (window.printed || 0) + 1 }`)
	if !b.hidden(".certificate-form") {
		t.Fatal("the certificate is offered before any quiz was passed")
	}
	if got := b.text(".certificate-status"); !strings.Contains(got, "0 of 1 passed so far") {
		t.Errorf("the status before any quiz reads %q", got)
	}

	// A failed self-check does not earn it.
	b.seedBest("", map[string]float64{"basics-check": 50}, "2026-11-20T10:00:00.000Z")
	if !b.hidden(".certificate-form") || !strings.Contains(b.text(".certificate-status"), "0 of 1") {
		t.Errorf("a failed self-check offered the certificate: %q", b.text(".certificate-status"))
	}

	// Every self-check passed: the form shows, with the name kept in the progress.
	b.seedBest("Ana Li", map[string]float64{"basics-check": 83.3}, "2026-11-20T10:00:00.000Z")
	b.run(`window.print = () => { window.printed = (window.printed || 0) + 1 }`)
	if b.hidden(".certificate-form") {
		t.Fatalf("the certificate is not offered after every self-check was passed: %q", b.text(".certificate-status"))
	}
	if got := b.text(".certificate-status"); !strings.Contains(got, "passed every self-check quiz") {
		t.Errorf("status %q", got)
	}
	if got := b.str(`document.querySelector("#pb-learner-name").value`); got != "Ana Li" {
		t.Errorf("the name field holds %q, want the learner of the progress, Ana Li", got)
	}

	// No name: nothing is printed and the page asks for one.
	b.typeInto("#pb-learner-name", " ")
	b.clickButton("Print my certificate")
	if b.num(`window.printed || 0`) != 0 || !strings.Contains(b.text(".certificate-status"), "Type your name") {
		t.Errorf("printing without a name: printed %v, status %q", b.num(`window.printed || 0`), b.text(".certificate-status"))
	}

	name := `<b>Zoë</b> "O'Neil" 王`
	b.typeInto("#pb-learner-name", name)
	b.clickButton("Print my certificate")
	if b.num(`window.printed || 0`) != 1 {
		t.Fatal("Print my certificate did not call window.print")
	}
	if got := b.str(`JSON.parse(localStorage.getItem(` + jsString(storeKey) + `)).learner`); got != name {
		t.Errorf("the name kept with the progress is %q, want %q", got, name)
	}
	if got := b.text(".certificate-sheet .certificate-name"); got != name {
		t.Errorf("the certificate names %q, want %q (as text, not markup)", got, name)
	}
	if n := b.count(".certificate-sheet b"); n != 0 {
		t.Error("the name was inserted as HTML")
	}
	rows := b.texts(".certificate-scores tbody tr")
	if len(rows) != 1 || !strings.Contains(rows[0], "Basics self-check") || !strings.Contains(rows[0], "83.3%") || !strings.Contains(rows[0], "Nov 20, 2026") {
		t.Errorf("the scores read %q", rows)
	}
	if got := b.text(".certificate-text"); !strings.Contains(got, "passed every self-check quiz") || !strings.Contains(got, "Nov 20, 2026") {
		t.Errorf("the certificate text reads %q", got)
	}

	// On paper: one landscape page with the course, the title, the name and the score, and
	// none of the progress table.
	for i, paper := range []browsertest.Paper{browsertest.A4, browsertest.Letter} {
		if i > 0 { // printing fires afterprint, which ends the certificate's print mode
			b.clickButton("Print my certificate")
		}
		pages, text := b.printPage(paper, "en")
		if pages != 1 {
			t.Errorf("the certificate prints on %d pages on %s, want 1", pages, paper)
		}
		if text == "" {
			continue
		}
		flat := squash(text)
		for _, w := range []string{"Test Course", "Certificate of completion", "This certifies that", "Zoë", "83.3%", "Basics self-check"} {
			if !strings.Contains(flat, squash(w)) {
				t.Errorf("the printed certificate on %s lacks %q:\n%s", paper, w, text)
			}
		}
		if strings.Contains(flat, squash("Export my progress")) || strings.Contains(flat, squash("Not started")) {
			t.Errorf("the printed certificate on %s shows the progress page:\n%s", paper, text)
		}
	}
	if strings.Contains(b.str(`document.documentElement.className`), "printing-certificate") {
		t.Error("the page stays in certificate print mode after printing")
	}

	// The final assessment alone also earns it.
	b.seedBest("Ana Li", map[string]float64{"basics-check": 40, "final-exam": 90}, "2026-11-21T09:00:00.000Z")
	if b.hidden(".certificate-form") || !strings.Contains(b.text(".certificate-status"), "passed the final assessment") {
		t.Errorf("a passed final assessment does not earn the certificate: %q", b.text(".certificate-status"))
	}
}
