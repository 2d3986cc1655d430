package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"playbook/internal/browsertest"
	"playbook/site/course"
	"playbook/site/diag"
	"playbook/site/output"
	"playbook/site/pipeline"
	"playbook/site/quiz"
	"playbook/site/report"
	"playbook/site/report/collect"
)

// quizCourse is the small course of the build tests: one quiz of every question type
// (basics-check, a self-check with a time limit and shuffled options) and an exam.
const quizCourse = "../testdata/course"

const (
	basicsEN   = "en/quizzes/basics-check.html"
	basicsZH   = "zh-CN/quizzes/basics-check.html"
	examEN     = "en/quizzes/final-exam.html"
	progressEN = "en/progress.html"
	// storeKey is where the pages keep progress: the site key comes from the course title.
	storeKey = "playbook:test-course:progress:v1"
)

// buildQuizSite builds one edition of the quiz test course into a temporary folder.
func buildQuizSite(t *testing.T, edition pipeline.Edition) *site {
	t.Helper()
	fsys := os.DirFS(quizCourse)
	res := pipeline.Build(fsys, pipeline.Options{Edition: edition})
	if res.Diags.HasErrors() {
		t.Fatalf("building the %s edition of %s failed:\n%s", edition, quizCourse, diagText(res.Diags))
	}
	dir := filepath.Join(t.TempDir(), "site")
	if err := output.Write(res.Site, dir); err != nil {
		t.Fatalf("writing the %s edition: %v", edition, err)
	}
	var ds diag.List
	s := &site{dir: dir, root: browsertest.SiteRoot(dir), course: course.Load(fsys, &ds)}
	for _, p := range res.Site.Paths() {
		if strings.HasSuffix(p, ".html") {
			s.pages = append(s.pages, p)
		}
	}
	return s
}

// quizTab opens a tab on the site, clears the stored progress (every file:// page shares
// one storage) and opens page.
func quizTab(t *testing.T, s *site, page string) *tab {
	t.Helper()
	b := newTab(t, s, s.root)
	b.open(page)
	b.run(`localStorage.clear()`)
	b.open(page)
	return b
}

// submitQuiz clicks the quiz's submit button and, when the page first asks because
// questions are left unanswered, answers "Submit anyway". It returns the question the page
// asked, or "" when it asked nothing.
func (b *tab) submitQuiz() string {
	b.t.Helper()
	b.click(`.quiz-actions button[type="submit"]`)
	if !b.visible(".quiz-confirm") {
		return ""
	}
	asked := b.text(".quiz-confirm-text")
	b.clickButton(b.text(".quiz-confirm .button.primary"))
	return asked
}

// run evaluates a JavaScript statement for its effect.
func (b *tab) run(js string) {
	b.t.Helper()
	browsertest.Eval[bool](b.t, b.ctx, `(() => { `+js+`; return true; })()`)
}

// do runs chromedp actions and fails the test on an error.
func (b *tab) do(what string, actions ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	if err := chromedp.Do(b.ctx, actions...); err != nil {
		b.t.Fatalf("%s: %v", what, err)
	}
}

// click clicks the first element matching the CSS selector, as a person would.
func (b *tab) click(sel string) {
	b.t.Helper()
	b.do("clicking "+sel, chromedp.Click(chromedp.CSS(sel)))
}

// clickButton clicks the button whose visible text is text.
func (b *tab) clickButton(text string) {
	b.t.Helper()
	b.do("clicking the button "+text, chromedp.Click(`//button[normalize-space()="`+text+`"]`))
}

// keys presses keys in turn on the focused element.
func (b *tab) keys(keys ...string) {
	b.t.Helper()
	for _, k := range keys {
		b.do("pressing "+k, chromedp.KeyEvent(k))
	}
}

// focused describes the focused element as "name=value", or its tag and class.
func (b *tab) focused() string {
	b.t.Helper()
	return b.str(`(e => e.name ? e.name + "=" + e.value : e.tagName.toLowerCase() + "." + e.className)(document.activeElement)`)
}

// visible reports whether the first element matching sel takes up room on the page.
func (b *tab) visible(sel string) bool {
	b.t.Helper()
	return browsertest.Eval[bool](b.t, b.ctx, `(e => !!e && e.getClientRects().length > 0)(document.querySelector(`+jsString(sel)+`))`)
}

// waitFor polls a JavaScript condition until it holds. It gives up after two minutes, a
// safety net for a page that never gets there, not a budget: a loaded machine may be slow.
func (b *tab) waitFor(cond, what string) {
	b.t.Helper()
	for deadline := time.Now().Add(2 * time.Minute); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if browsertest.Eval[bool](b.t, b.ctx, `!!(`+cond+`)`) {
			return
		}
	}
	b.t.Fatalf("waited two minutes for %s (%s)", what, cond)
}

// stored returns the stored progress store, decoded, or nil when there is none.
func (b *tab) stored() *progressFile {
	b.t.Helper()
	raw := b.str(`localStorage.getItem("` + storeKey + `") || ""`)
	if raw == "" {
		return nil
	}
	return decodeProgress(b.t, []byte(raw))
}

// progressFile is the progress file of docs/progress.md; decoding rejects unknown fields,
// so the file and its documentation stay in step.
type progressFile struct {
	Format   string                   `json:"format"`
	Version  int                      `json:"version"`
	Site     string                   `json:"site"`
	Exported string                   `json:"exported,omitempty"`
	Learner  string                   `json:"learner"`
	Class    string                   `json:"class"`
	Quizzes  map[string]*quizProgress `json:"quizzes"`
	// Scenarios are the role-play runs (docs/progress.md), by scenario id.
	Scenarios map[string]*scenarioProgress `json:"scenarios"`
}

// scenarioProgress is a learner's record of one role-play scenario.
type scenarioProgress struct {
	Version  string         `json:"version"`
	Attempts int            `json:"attempts"`
	Best     *scenarioRun   `json:"best"`
	Last     *scenarioRun   `json:"last"`
	Ends     map[string]int `json:"ends"`
	Picks    map[string]int `json:"picks"`
}

// scenarioRun is one finished run of a scenario.
type scenarioRun struct {
	Date    string   `json:"date"`
	Version string   `json:"version"`
	End     string   `json:"end"`
	Outcome string   `json:"outcome"`
	Points  float64  `json:"points"`
	Max     float64  `json:"max"`
	Percent float64  `json:"percent"`
	Path    []string `json:"path"`
}

type quizProgress struct {
	Version   string `json:"version"`
	Attempts  int    `json:"attempts"`
	Best      *attemptRecord
	Last      *attemptRecord
	Questions map[string]struct {
		Right, Wrong, Partly int
		Last                 string
	}
}

type attemptRecord struct {
	Date      string                   `json:"date"`
	Version   string                   `json:"version"`
	Scored    *bool                    `json:"scored,omitempty"`
	Earned    *float64                 `json:"earned"`
	Max       *float64                 `json:"max"`
	Percent   *float64                 `json:"percent"`
	Passed    *bool                    `json:"passed"`
	Responses map[string]quiz.Response `json:"responses,omitempty"`
	Points    map[string]float64       `json:"points,omitempty"`
}

func decodeProgress(t *testing.T, data []byte) *progressFile {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var p progressFile
	if err := dec.Decode(&p); err != nil {
		t.Fatalf("the progress is not in the documented format: %v\n%s", err, data)
	}
	if p.Format != "playbook-progress" || p.Version != 1 || p.Site != "test-course" {
		t.Fatalf("the progress has format %q version %d site %q, want playbook-progress 1 test-course", p.Format, p.Version, p.Site)
	}
	return &p
}

func TestQuizScorerAgreesWithGo(t *testing.T) {
	raw, err := os.ReadFile("../site/quiz/testdata/score-vectors.json")
	if err != nil {
		t.Fatal(err)
	}
	var vectors struct {
		Cases []struct {
			Name   string  `json:"name"`
			Earned float64 `json:"earned"`
		} `json:"cases"`
	}
	if err := json.Unmarshal(raw, &vectors); err != nil {
		t.Fatal(err)
	}
	if len(vectors.Cases) < 10 {
		t.Fatalf("score-vectors.json has %d cases", len(vectors.Cases))
	}
	s := buildQuizSite(t, pipeline.Learner)
	b := newTab(t, s, s.root)
	b.open(progressEN)
	got := browsertest.Eval[[]float64](t, b.ctx, `(`+string(raw)+`).cases.map(c =>
		Playbook.quizCore.scoreQuestion(c.type, c.answer, c.points, c.response).earned)`)
	if len(got) != len(vectors.Cases) {
		t.Fatalf("the page scored %d cases, want %d", len(got), len(vectors.Cases))
	}
	for i, c := range vectors.Cases {
		if math.Abs(got[i]-c.Earned) > 1e-9 {
			t.Errorf("case %q: quiz-core.js gives %v points, the Go scorer %v", c.Name, got[i], c.Earned)
		}
	}
}

func TestQuizCoreHelpers(t *testing.T) {
	s := buildQuizSite(t, pipeline.Learner)
	b := newTab(t, s, s.root)
	b.open(progressEN)
	got := b.str(`(() => {
		const c = Playbook.quizCore;
		const perm = c.shuffle([1, 2, 3, 4, 5, 6], c.seeded(7));
		const store = (attempts, best, lastDate, q) => ({format: c.FORMAT, version: 1, site: "test-course", learner: "", quizzes: {x: {
			version: lastDate, attempts, best: {date: lastDate, version: lastDate, earned: best, max: 100, percent: best, passed: best >= 70},
			last: {date: lastDate, version: lastDate, scored: true, earned: best, max: 100, percent: best, passed: best >= 70, responses: {}, points: {}},
			questions: {q1: q}}}});
		const ours = store(2, 50, "2026-11-25T10:00:00Z", {right: 1, wrong: 1, partly: 0, last: "wrong"});
		const theirs = store(1, 80, "2026-11-20T10:00:00Z", {right: 1, wrong: 0, partly: 0, last: "right"});
		const m = c.mergeStores(ours, theirs).store.quizzes.x;
		return JSON.stringify([
			Playbook.page.format("Best so far: %s%%", 80), Playbook.page.format("%s of %s", 1),
			c.orderFromPositions(["x", "y", "z"], {x: "2", y: "2", z: "3"}),
			c.orderFromPositions(["x", "y", "z"], {x: "3", y: "", z: "1"}),
			perm.slice().sort().join("") === "123456", perm.join("") === c.shuffle([1, 2, 3, 4, 5, 6], c.seeded(7)).join(""),
			c.totals([{earned: 1, max: 1}, {earned: 1/3, max: 2}], 45),
			[m.attempts, m.best.percent, m.last.date, m.version, m.questions.q1],
			ours.quizzes.x.attempts,
			[c.parseStore("{", "s").error, c.parseStore("[]", "s").error, c.parseStore(JSON.stringify(ours), "other").error, c.parseStore(null, "s").store.site],
		]);
	})()`)
	want := `["Best so far: 80%","1 of ",["","","z"],["z","","x"],true,true,` +
		`{"earned":1.3333,"max":3,"percent":44.4,"passed":false},` +
		`[3,80,"2026-11-25T10:00:00Z","2026-11-25T10:00:00Z",{"right":2,"wrong":1,"partly":0,"last":"wrong"}],2,` +
		`["json","shape","site","s"]]`
	if got != want {
		t.Errorf("quiz-core helpers:\n got %s\nwant %s", got, want)
	}
}

// verdicts maps each question id to the text of its verdict.
func (b *tab) verdicts() map[string]string {
	b.t.Helper()
	return browsertest.Eval[map[string]string](b.t, b.ctx, `Object.fromEntries(Array.from(document.querySelectorAll("li.question"),
		li => [li.dataset.question, (li.querySelector(".verdict")?.innerText || "").trim()]))`)
}

// answerAllRightByKeyboard answers basics-check correctly with the keyboard alone: Tab into
// each question, Space to tick, arrow keys to move within a radio group, typing to choose in
// a select, Enter on the submit button.
func answerAllRightByKeyboard(t *testing.T, b *tab) {
	t.Helper()
	b.run(`document.querySelector("main").focus()`)
	tabTo := func(prefix string) {
		for range 40 {
			if strings.HasPrefix(b.focused(), prefix) {
				return
			}
			b.keys(kb.Tab)
		}
		t.Fatalf("Tab never reached %s; the focus is on %s", prefix, b.focused())
	}
	radio := func(name, want string) {
		tabTo(name + "=")
		b.keys(" ")
		for i := 0; b.str(`document.querySelector('input[name="`+name+`"]:checked')?.value || ""`) != want; i++ {
			if i > 4 {
				t.Fatalf("arrow keys never checked %s=%s", name, want)
			}
			b.keys(kb.ArrowDown)
		}
	}
	radio("tier", "platinum")
	tabTo("shares=")
	for f := b.focused(); strings.HasPrefix(f, "shares="); f = b.focused() {
		if f == "shares=a" || f == "shares=b" {
			b.keys(" ")
		}
		b.keys(kb.Tab)
	}
	radio("table", "true")
	// The selects: type the position of each step, and a match's first character.
	typed := map[string]string{"order:one": "1", "order:two": "2", "order:wrap": "3", "match:p": "1", "match:g": "4"}
	tabTo("order:")
	for range typed {
		name, _, _ := strings.Cut(b.focused(), "=")
		k, ok := typed[name]
		if !ok {
			t.Fatalf("the focus went to %s, want the next select", b.focused())
		}
		b.keys(k, kb.Tab)
	}
	tabTo("think=")
	b.keys("Our biggest account", kb.Tab)
	if got := b.focused(); got != "button.button primary" {
		t.Fatalf("after the last question the focus is on %s, want the submit button", got)
	}
	b.keys(kb.Enter)
}

func TestQuizSelfCheck(t *testing.T) {
	s := buildQuizSite(t, pipeline.Learner)
	b := quizTab(t, s, basicsEN)

	if b.str(`document.documentElement.className`) != "js" || b.visible(".no-script-notice") {
		t.Error("with scripts on, the page still shows the notice that scoring needs JavaScript")
	}
	if b.visible(".answer-sheet-header") {
		t.Error("the paper answer sheet header shows on screen")
	}
	if got := b.text(".quiz-timer"); got != "Time left: 10:00" && got != "Time left: 9:59" {
		t.Errorf("the countdown reads %q, want Time left: 10:00", got)
	}
	if got := b.str(`document.querySelector(".quiz-timer").getAttribute("role") + "/" + document.querySelector(".quiz-timer").ariaLive`); got != "timer/null" {
		t.Errorf("the countdown has role/aria-live %s, want a silent timer", got)
	}
	if n := b.count(".question-feedback:not([hidden]), .option-feedback:not([hidden])"); n != 0 {
		t.Errorf("before submitting, %d feedback blocks show", n)
	}

	answerAllRightByKeyboard(t, b)
	b.waitFor(`!document.querySelector(".quiz-result").hidden`, "the result")
	if got, want := b.text(".quiz-result"), "You scored 6 of 6 points (100%). Passed. The pass mark is 60%."; got != want {
		t.Errorf("the result reads %q, want %q", got, want)
	}
	if got := b.str(`document.activeElement.className`); got != "quiz-result" {
		t.Errorf("after submitting, the focus is on %q, want the result", got)
	}
	want := map[string]string{"tier": "Correct", "shares": "Correct", "table": "Correct", "order": "Correct", "match": "Correct",
		"think": "Compare your answer with the model answer."}
	if got := b.verdicts(); !mapsEqual(got, want) {
		t.Errorf("the verdicts are %v, want %v", got, want)
	}
	if n := b.count("li.question.is-right"); n != 5 {
		t.Errorf("%d questions are marked right, want 5", n)
	}
	for _, sel := range []string{"#q-tier .explanation", "#q-order .explanation", "#q-match .source a", "#q-think .model-answer", `#q-tier [data-option="platinum"] .option-feedback`} {
		if !b.visible(sel) {
			t.Errorf("after submitting, %s is not shown", sel)
		}
	}
	if b.visible(`#q-table [data-option="false"] .option-feedback`) {
		t.Error("the feedback of an option not chosen shows")
	}
	if n := b.count(".quiz-form input:not(:disabled), .quiz-form select:not(:disabled), .quiz-form textarea:not(:disabled)"); n != 0 {
		t.Errorf("%d inputs can still be changed after submitting", n)
	}
	if b.visible(".quiz-actions button") || b.visible(".quiz-timer") {
		t.Error("the submit button or the countdown still shows after submitting")
	}

	// The attempt is stored.
	st := b.stored()
	if st == nil {
		t.Fatal("nothing was stored after submitting")
	}
	e := st.Quizzes["basics-check"]
	if e == nil || e.Attempts != 1 || e.Best == nil || *e.Best.Percent != 100 || e.Last == nil || !*e.Last.Passed {
		t.Fatalf("stored progress after one perfect attempt: %+v", e)
	}
	if v := b.str(`Playbook.page.data().version`); e.Version != v || e.Last.Version != v {
		t.Errorf("stored versions %q/%q, want the page's %q", e.Version, e.Last.Version, v)
	}
	if r := e.Last.Responses; !slices.Equal(r["tier"].Choices, []string{"platinum"}) || !slices.Equal(r["order"].Order, []string{"one", "two", "wrap"}) ||
		r["match"].Matches["p"] != "r3" || r["think"].Text != "Our biggest account" {
		t.Errorf("stored responses %+v", r)
	}
	if p := e.Last.Points; p["shares"] != 2 || p["order"] != 1 || len(p) != 5 {
		t.Errorf("stored points %v, want 2 for shares, 1 for order and no reflection", p)
	}

	// Try again: everything is cleared, and the options come in a new order.
	optionOrder := `Array.from(document.querySelectorAll("li.option"), o => o.dataset.option).join(" ")`
	before := b.str(optionOrder)
	b.clickButton("Try again")
	if n := b.count("input:checked") + int(b.num(`Array.from(document.querySelectorAll("select, textarea")).filter(e => e.value !== "").length`)); n != 0 {
		t.Errorf("after Try again, %d answers are still filled in", n)
	}
	if n := b.count(".question-feedback:not([hidden]), .option-feedback:not([hidden]), li.is-right, li.is-wrong, li.is-partly"); n != 0 {
		t.Errorf("after Try again, %d feedback blocks or marks remain", n)
	}
	if b.visible(".quiz-result") || b.visible(".result-actions") || !b.visible(".quiz-actions button") || !b.visible(".quiz-timer") {
		t.Error("after Try again, the result still shows or the submit button or countdown does not")
	}
	if n := b.count(".quiz-form :disabled"); n != 0 {
		t.Errorf("after Try again, %d inputs are still locked", n)
	}
	if got := b.focused(); !strings.HasPrefix(got, "tier=") {
		t.Errorf("after Try again, the focus is on %s, want the first question", got)
	}
	if got := b.texts(".question-number"); !slices.Equal(got, []string{"Question 1", "Question 2", "Question 3", "Question 4", "Question 5", "Question 6"}) {
		t.Errorf("question numbers %v", got)
	}
	for i := 0; b.str(optionOrder) == before; i++ {
		if i == 12 {
			t.Fatalf("12 retries never changed the order of the options %q", before)
		}
		b.submitQuiz()
		b.clickButton("Try again")
	}

	// No test quiz shuffles its questions; switch that on: a retry reorders and renumbers them.
	b.run(`Playbook.quiz.pages.quizzes[0].data.shuffleQuestions = true`)
	questionOrder := `Array.from(document.querySelectorAll("li.question"), q => q.dataset.question).join(" ")`
	for i, first := 0, b.str(questionOrder); b.str(questionOrder) == first; i++ {
		if i == 12 {
			t.Fatalf("12 retries never changed the order of the questions %q", first)
		}
		b.submitQuiz()
		b.clickButton("Try again")
	}
	if got := b.texts(".question-number"); !slices.Equal(got, []string{"Question 1", "Question 2", "Question 3", "Question 4", "Question 5", "Question 6"}) {
		t.Errorf("after shuffling the questions, they are numbered %v", got)
	}

	// Some wrong: shares half right, table wrong, order with a duplicate position, one match
	// wrong. 1 + 1 + 0 + 1/3 + 1/2 = 2.83 of 6 = 47.2%.
	b.click(`input[name="tier"][value="platinum"]`)
	b.click(`input[name="shares"][value="a"]`)
	b.click(`input[name="table"][value="false"]`)
	for sel, v := range map[string]string{"order:one": "2", "order:two": "2", "order:wrap": "3", "match:p": "r3", "match:g": "r2"} {
		b.do("choosing "+sel, chromedp.SetValue(chromedp.CSS(`select[name="`+sel+`"]`), v))
	}
	if got, want := b.submitQuiz(), "1 question is unanswered. Submit anyway?"; got != want {
		t.Errorf("submitting with the reflection empty asks %q, want %q", got, want)
	}
	if got, want := b.text(".quiz-result"), "You scored 2.83 of 6 points (47.2%). Not passed yet. The pass mark is 60%."; got != want {
		t.Errorf("the result reads %q, want %q", got, want)
	}
	want = map[string]string{"tier": "Correct", "shares": "Partly correct: 1 out of 2", "table": "Incorrect",
		"order": "Partly correct: 0.33 out of 1", "match": "Partly correct: 0.5 out of 1",
		"think": "Compare your answer with the model answer."}
	if got := b.verdicts(); !mapsEqual(got, want) {
		t.Errorf("the verdicts are %v, want %v", got, want)
	}
	if !b.visible(`#q-table [data-option="false"] .option-feedback`) {
		t.Error("the feedback of the wrong option chosen does not show")
	}
	if got := b.strs(`Array.from(document.querySelectorAll("#q-order .order-item.is-right"), e => e.dataset.item)`); !slices.Equal(got, []string{"wrap"}) {
		t.Errorf("ordering items marked right: %v, want only wrap (the two placed second share a position)", got)
	}
	b.clickButton("Show only my mistakes")
	shown := b.strs(`Array.from(document.querySelectorAll("li.question"), li => li.dataset.question).filter(id => document.getElementById("q-" + id).getClientRects().length)`)
	if !slices.Equal(slices.Sorted(slices.Values(shown)), []string{"match", "order", "shares", "table"}) {
		t.Errorf("showing only mistakes, the page shows %v", shown)
	}
	b.clickButton("Show all questions")
	if n := b.num(`Array.from(document.querySelectorAll("li.question")).filter(li => li.getClientRects().length).length`); n != 6 {
		t.Errorf("showing all questions again, %v are shown", n)
	}

	e = b.stored().Quizzes["basics-check"]
	if e.Attempts < 2 || *e.Best.Percent != 100 || *e.Last.Percent != 47.2 || *e.Last.Passed {
		t.Errorf("after a failed attempt the store has attempts %d, best %v, last %v", e.Attempts, *e.Best.Percent, *e.Last.Percent)
	}
	if q := e.Questions["table"]; q.Right != 1 || q.Wrong < 1 || q.Last != "wrong" {
		t.Errorf("history of question table: %+v", q)
	}
	if q := e.Questions["order"]; q.Partly != 1 || q.Last != "partly" {
		t.Errorf("history of question order: %+v", q)
	}
	if _, ok := e.Questions["think"]; ok {
		t.Error("the reflection has a right/wrong history")
	}

	// Reload: the best score so far shows.
	b.open(basicsEN)
	if got := b.text(".quiz-best"); !strings.HasPrefix(got, "Best so far: 100%") {
		t.Errorf("after reloading, the page shows %q, want the best score", got)
	}
}

func mapsEqual(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

func TestQuizTimeLimit(t *testing.T) {
	s := buildQuizSite(t, pipeline.Learner)
	b := quizTab(t, s, basicsEN)
	b.click(`input[name="tier"][value="platinum"]`)
	if !b.visible(".quiz-timer") || b.visible(".quiz-result") {
		t.Fatal("the countdown does not show, or a result shows before submitting")
	}
	// The learner is asked about the questions left empty as the time runs out: the time
	// limit submits without waiting for the answer.
	b.click(`.quiz-actions button[type="submit"]`)
	if !b.visible(".quiz-confirm") {
		t.Fatal("submitting with questions left empty does not ask")
	}
	// Move the page's clock past the 10-minute limit.
	b.run(`const now = Date.now; Date.now = () => now() + 601000`)
	b.waitFor(`!document.querySelector(".quiz-result").hidden`, "the automatic submission")
	if b.visible(".quiz-confirm") {
		t.Error("the question about unanswered questions still shows after the time limit submitted")
	}
	if got := b.text(".quiz-result"); !strings.HasPrefix(got, "Time is up. Your answers have been submitted. You scored 1 of 6 points") {
		t.Errorf("at the time limit the result reads %q", got)
	}
	if n := b.count(".quiz-form input:not(:disabled)"); n != 0 {
		t.Errorf("after the time is up, %d inputs can still be changed", n)
	}
}

// dialogs answers every dialog of the tab (confirm) as accept says at the time, and sends
// its message on the returned channel.
func dialogs(ctx context.Context, accept *atomic.Bool) <-chan string {
	msgs := make(chan string, 4)
	opening := chromedp.Events(ctx, page.JavascriptDialogOpening)
	go func() {
		for ev, err := range opening {
			if err != nil {
				return
			}
			ok := accept.Load()
			// Answer from another goroutine than the one that receives the events.
			go func() {
				_ = chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
					_, err := cdp.Call(ctx, tg, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: ok})
					return err
				}))
			}()
			msgs <- ev.Message
		}
	}()
	return msgs
}

func TestProgressPage(t *testing.T) {
	s := buildQuizSite(t, pipeline.Learner)
	b := quizTab(t, s, basicsEN)
	b.click(`input[name="tier"][value="platinum"]`)
	b.click(`input[name="table"][value="true"]`)
	b.submitQuiz() // 2 of 6 = 33.3%
	b.click(`.result-actions button`)
	b.click(`input[name="tier"][value="platinum"]`)
	b.click(`input[name="shares"][value="a"]`)
	b.click(`input[name="shares"][value="b"]`)
	b.click(`input[name="table"][value="true"]`)
	b.submitQuiz() // 4 of 6 = 66.7%

	b.open(progressEN)
	row := func(id string) []string {
		return b.texts(`tr[data-progress-quiz="` + id + `"] td`)
	}
	today := time.Now().Format("Jan 2, 2006")
	if got, want := row("basics-check"), []string{"Passed", "66.7%", today + " · 2 attempts"}; !slices.Equal(got, want) {
		t.Errorf("the basics-check row reads %q, want %q", got, want)
	}
	if got, want := row("final-exam"), []string{"Not started", "–", "–"}; !slices.Equal(got, want) {
		t.Errorf("the final-exam row reads %q, want %q", got, want)
	}

	// Export: the file downloads through the browser, as for a person.
	dir := t.TempDir()
	progress := chromedp.Events(b.ctx, browser.DownloadProgress)
	if _, err := chromedp.Call(b.ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
		Behavior: browser.SetDownloadBehaviorBehaviorAllowAndName, DownloadPath: dir, EventsEnabled: ptrTo(true),
	}); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_, _ = chromedp.Call(b.ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{Behavior: browser.SetDownloadBehaviorBehaviorDefault})
	})
	begin := chromedp.Events(b.ctx, browser.DownloadWillBegin)
	b.clickButton("Export my progress")
	var name string
	for ev, err := range begin {
		if err != nil {
			t.Fatal(err)
		}
		name = ev.SuggestedFilename
		break
	}
	var file string
	for ev, err := range progress {
		if err != nil {
			t.Fatal(err)
		}
		if ev.State == browser.DownloadProgressStateCompleted {
			file = filepath.Join(dir, ev.GUID)
			break
		}
		if ev.State == browser.DownloadProgressStateCanceled {
			t.Fatal("the export download was cancelled")
		}
	}
	if want := "test-course-progress-" + time.Now().UTC().Format("2006-01-02") + ".json"; name != want {
		t.Errorf("the export is named %q, want %q", name, want)
	}
	exported, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	p := decodeProgress(t, exported)
	if when, err := time.Parse(time.RFC3339, p.Exported); err != nil || time.Since(when) > time.Minute {
		t.Errorf("exported = %q, want the time of export (%v)", p.Exported, err)
	}
	if e := p.Quizzes["basics-check"]; e == nil || e.Attempts != 2 || *e.Best.Percent != 66.7 || *e.Last.Earned != 4 || e.Last.Points["shares"] != 2 {
		t.Errorf("the exported basics-check progress is %+v", e)
	}
	// playbook report takes the file as the page wrote it: valid, and consistent with the
	// quiz (percent, pass mark, maximum, points per question).
	r := report.Make(s.course, pipeline.SiteKey(s.course.Config), "en", []collect.Input{{Path: name, Data: exported}})
	if r.Merged != 1 || len(r.Problems()) != 0 || len(r.Learners) != 1 || r.Learners[0].Quizzes[0].Best != 66.7 {
		t.Errorf("the class report does not take the exported file as it is: %s %v", r.Summary(), r.Problems())
	}
	if got := b.text(".progress-message"); got != "Your progress file has been downloaded." {
		t.Errorf("after exporting, the message reads %q", got)
	}

	// Reset asks first; cancelling keeps everything.
	var accept atomic.Bool
	msgs := dialogs(b.ctx, &accept)
	asked := func() string {
		select {
		case m := <-msgs:
			return m
		case <-time.After(2 * time.Minute):
			t.Fatal("Reset my progress asked nothing")
			return ""
		}
	}
	b.clickButton("Reset my progress")
	if got := asked(); got != "Delete your name and all your quiz results in this browser?" {
		t.Errorf("reset asks %q", got)
	}
	if b.stored() == nil || row("basics-check")[0] != "Passed" {
		t.Error("cancelling the reset cleared the progress")
	}
	accept.Store(true)
	b.clickButton("Reset my progress")
	asked()
	b.waitFor(`document.querySelector(".progress-message").textContent === "Your progress has been reset."`, "the reset message")
	if b.stored() != nil {
		t.Error("the progress is still stored after the reset")
	}
	if got := row("basics-check"); got[0] != "Not started" || got[1] != "–" {
		t.Errorf("after the reset the row reads %q", got)
	}

	// Import the exported file: the progress comes back.
	upload := func(name string, data []byte) {
		path := filepath.Join(t.TempDir(), name)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		b.run(`document.querySelector(".progress-message").textContent = ""`)
		b.do("choosing "+name, chromedp.SetUploadFiles(chromedp.CSS(`input[data-action="import"]`), []string{path}))
		b.waitFor(`document.querySelector(".progress-message").textContent !== ""`, "the import message")
	}
	upload("mine.json", exported)
	if got := b.text(".progress-message"); got != "Progress imported. Quizzes in the file: 1." {
		t.Errorf("after importing, the message reads %q", got)
	}
	if got, want := row("basics-check"), []string{"Passed", "66.7%", today + " · 2 attempts"}; !slices.Equal(got, want) {
		t.Errorf("after importing, the row reads %q, want %q", got, want)
	}
	if st := b.stored(); st == nil || st.Quizzes["basics-check"].Attempts != 2 {
		t.Error("the imported progress was not stored")
	}

	// Anything else is refused and changes nothing.
	before := b.str(`localStorage.getItem("` + storeKey + `")`)
	other := bytes.Replace(exported, []byte(`"site": "test-course"`), []byte(`"site": "another-course"`), 1)
	if bytes.Equal(other, exported) {
		t.Fatal("could not make another course's file from the export")
	}
	for name, data := range map[string][]byte{
		"other-course.json": other,
		"foreign.json":      []byte(`{"name": "not progress", "quizzes": {}}`),
		"broken.json":       []byte(`{"format": "playbook-progress",`),
		"bad-shape.json":    bytes.Replace(exported, []byte(`"attempts": 2`), []byte(`"attempts": "two"`), 1),
	} {
		upload(name, data)
		if got := b.text(".progress-message"); got != "That file is not a progress file of this course; nothing was changed." {
			t.Errorf("importing %s: the message reads %q", name, got)
		}
		if after := b.str(`localStorage.getItem("` + storeKey + `")`); after != before {
			t.Errorf("importing %s changed the stored progress", name)
		}
	}
}

func ptrTo[T any](v T) *T { return &v }

func TestQuizStorageProblems(t *testing.T) {
	s := buildQuizSite(t, pipeline.Learner)
	b := quizTab(t, s, basicsEN)
	corrupt := "Your saved progress could not be read, so it was set aside and you start afresh."
	for _, bad := range []string{
		`{not json`,
		`{"format":"playbook-progress","version":1,"site":"test-course","quizzes":{"basics-check":{"attempts":"many"}}}`,
		`[1, 2, 3]`,
	} {
		b.run(`localStorage.clear(); localStorage.setItem("` + storeKey + `", ` + jsString(bad) + `)`)
		b.open(basicsEN)
		if got := b.text(".quiz-notices"); got != corrupt {
			t.Errorf("with %s stored, the quiz page says %q, want %q", bad, got, corrupt)
		}
		aside := b.strs(`Object.keys(localStorage).filter(k => k.startsWith("` + storeKey + `:set-aside:")).map(k => localStorage.getItem(k))`)
		if !slices.Equal(aside, []string{bad}) {
			t.Errorf("with %s stored, the values set aside are %q", bad, aside)
		}
		b.click(`input[name="tier"][value="platinum"]`)
		b.submitQuiz()
		if got := b.text(".result-score"); got != "You scored 1 of 6 points (16.7%)." {
			t.Errorf("with %s stored, the quiz scores %q", bad, got)
		}
		if st := b.stored(); st == nil || st.Quizzes["basics-check"].Attempts != 1 {
			t.Errorf("with %s stored, the new attempt was not stored", bad)
		}

		b.run(`localStorage.setItem("` + storeKey + `", ` + jsString(bad) + `)`)
		b.open(progressEN)
		if got := b.text(".progress-message"); got != corrupt {
			t.Errorf("with %s stored, the progress page says %q", bad, got)
		}
		if got := b.text(`tr[data-progress-quiz="basics-check"] .progress-status`); got != "Not started" {
			t.Errorf("with %s stored, the progress page shows %q", bad, got)
		}
	}

	// A stored quiz of another version: the page says so once and keeps the results.
	b.run(`localStorage.clear(); localStorage.setItem("` + storeKey + `", JSON.stringify({format: "playbook-progress", version: 1, site: "test-course", learner: "",
		quizzes: {"basics-check": {version: "old", attempts: 1, best: {date: "2026-01-02T10:00:00Z", version: "old", earned: 3, max: 4, percent: 75, passed: true},
		last: null, questions: {gone: {right: 1, wrong: 0, partly: 0, last: "right"}}}}}))`)
	b.open(basicsEN)
	if got := b.text(".quiz-notices"); got != "This quiz has changed since your last attempt; your earlier results are kept." {
		t.Errorf("after the quiz changed, the page says %q", got)
	}
	if got := b.text(".quiz-best"); got != "Best so far: 75%" {
		t.Errorf("after the quiz changed, the best score reads %q", got)
	}
	b.open(basicsEN)
	if got := b.text(".quiz-notices"); got != "" {
		t.Errorf("the second visit after the change still says %q", got)
	}

	// A browser that forbids storage: the quiz works and says results are not kept.
	nb := newTab(t, s, s.root)
	if _, err := chromedp.Call(nb.ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
		Source: `Object.defineProperty(window, "localStorage", {get() { throw new DOMException("denied", "SecurityError"); }});`,
	}); err != nil {
		t.Fatal(err)
	}
	unavailable := "This browser does not allow saving, so your results will not be kept."
	nb.open(basicsEN)
	if got := nb.text(".quiz-notices"); got != unavailable {
		t.Errorf("without storage the quiz page says %q", got)
	}
	nb.click(`input[name="tier"][value="platinum"]`)
	nb.submitQuiz()
	if got := nb.text(".result-score"); got != "You scored 1 of 6 points (16.7%)." {
		t.Errorf("without storage the quiz scores %q", got)
	}
	if got := nb.text(".result-not-saved"); got != unavailable {
		t.Errorf("without storage the result says %q, want %q", got, unavailable)
	}
	nb.open(progressEN)
	if got := nb.text(".progress-message"); got != unavailable {
		t.Errorf("without storage the progress page says %q", got)
	}
}

func TestQuizExam(t *testing.T) {
	learner := buildQuizSite(t, pipeline.Learner)
	trainer := buildQuizSite(t, pipeline.Trainer)

	tb := quizTab(t, trainer, examEN)
	explanations := tb.texts(".explanation p")
	if len(explanations) == 0 {
		t.Fatal("the trainer's exam page shows no explanation")
	}
	if !tb.visible(".answer-key") || !strings.Contains(tb.text(".answer-key"), "Right answer: A") {
		t.Errorf("the trainer's exam page shows no answer key: %q", tb.text(".answer-key"))
	}
	tb.click(`input[name="q1"][value="a"]`)
	tb.click(".quiz-actions button")
	if got := tb.verdicts()["q1"]; got != "Correct" {
		t.Errorf("the trainer's exam page gives the verdict %q, want Correct", got)
	}

	b := quizTab(t, learner, examEN)
	if n := b.count("[data-answer], [data-right], [data-key], .question-feedback, .explanation, .answer-key"); n != 0 {
		t.Errorf("the learner's exam page carries %d answers or feedback elements", n)
	}
	html := b.str(`document.documentElement.outerHTML`)
	for _, e := range explanations {
		if strings.Contains(html, e) {
			t.Errorf("the learner's exam page contains the explanation %q", e)
		}
	}
	b.click(`input[name="q1"][value="b"]`)
	b.clickButton("Finish and save my answers")
	if got, want := b.text(".quiz-result"), "Your answers are saved in this browser. To hand them in, export your progress from the progress page."; got != want {
		t.Errorf("after submitting the exam, the result reads %q, want %q", got, want)
	}
	if n := b.count(".verdict, .is-right, .is-wrong, .is-partly"); n != 0 || b.visible(".result-actions") {
		t.Errorf("the learner's exam page shows %d verdicts or the retry buttons", n)
	}
	if got := b.str(`document.activeElement.className`); got != "quiz-result" {
		t.Errorf("after submitting the exam, the focus is on %q", got)
	}
	e := b.stored().Quizzes["final-exam"]
	if e == nil || e.Attempts != 1 || e.Best != nil || e.Last.Scored == nil || *e.Last.Scored || e.Last.Earned != nil ||
		!slices.Equal(e.Last.Responses["q1"].Choices, []string{"b"}) {
		t.Errorf("the stored exam attempt is %+v", e)
	}
	b.open(progressEN)
	if got := b.texts(`tr[data-progress-quiz="final-exam"] td`); got[0] != "Submitted" || got[1] != "–" {
		t.Errorf("the progress page shows the exam as %q", got)
	}
}

func TestQuizChinese(t *testing.T) {
	s := buildQuizSite(t, pipeline.Learner)
	b := quizTab(t, s, basicsZH)
	b.click(`input[name="tier"][value="platinum"]`)
	b.click(`input[name="table"][value="false"]`)
	b.click(`input[name="shares"][value="a"]`)
	if got, want := b.submitQuiz(), "还有 3 道题未作答。仍要提交吗？"; got != want {
		t.Errorf("submitting with three questions empty asks %q, want %q", got, want)
	}
	want := map[string]string{"tier": "回答正确", "table": "回答错误", "shares": "部分正确：得 1 分（满分 2 分）", "order": "未作答", "match": "未作答",
		"think": "请把你的答案与参考答案对照。"}
	if got := b.verdicts(); !mapsEqual(got, want) {
		t.Errorf("the Chinese verdicts are %v, want %v", got, want)
	}
	if got, want := b.text(".quiz-result"), "你的得分：2 / 6 分（33.3%）。 尚未通过。及格线为 60%。"; got != want {
		t.Errorf("the Chinese result reads %q, want %q", got, want)
	}
	if got := b.texts(".result-actions button"); !slices.Equal(got, []string{"再做一次", "只看做错的题"}) {
		t.Errorf("the Chinese buttons read %q", got)
	}
	if got := b.texts(".question-number")[0]; got != "第 1 题" {
		t.Errorf("the first Chinese question is numbered %q", got)
	}
}

// pageOf returns the number (from 1) of the PDF page, as pdftotext separates them with form
// feeds, on which text first appears after squashing white space, or 0.
func pageOf(pages []string, text string) int {
	for i, p := range pages {
		if strings.Contains(squash(p), squash(text)) {
			return i + 1
		}
	}
	return 0
}

func TestPrintQuiz(t *testing.T) {
	for _, c := range []struct {
		edition  pipeline.Edition
		maxPages int
	}{{pipeline.Learner, 4}, {pipeline.Trainer, 6}} {
		s := buildQuizSite(t, c.edition)
		b := quizTab(t, s, basicsEN)
		prompts := b.texts(".question-prompt")
		submit := b.text(".quiz-actions button")
		explanation := b.text("#q-tier .explanation p")
		data, pages := browsertest.PrintPDF(t, b.ctx, browsertest.A4)
		if pages < 1 || pages > c.maxPages {
			t.Errorf("%s %s printed on %d pages, want 1 to %d", c.edition, basicsEN, pages, c.maxPages)
		}
		text, ok := browsertest.PDFText(t, data)
		if !ok {
			t.Log("pdftotext is not installed (apt-get install -y poppler-utils); not checking the printed text")
			continue
		}
		flat := squash(text)
		for _, want := range append(prompts, "Name:", "Date:", "Score:______/6") {
			if !strings.Contains(flat, squash(want)) {
				t.Errorf("%s: the PDF lacks %q", c.edition, want)
			}
		}
		for _, hidden := range []string{submit, "Time left", "Choose…"} {
			if strings.Contains(flat, squash(hidden)) {
				t.Errorf("%s: the PDF shows %q", c.edition, hidden)
			}
		}
		byPage := strings.Split(text, "\f")
		last := pageOf(byPage, prompts[len(prompts)-1])
		if c.edition == pipeline.Learner {
			if strings.Contains(flat, squash(explanation)) {
				t.Errorf("the learner PDF shows the explanation %q", explanation)
			}
			// Control: printed as on screen, the submit button is there, so the check above
			// can fail.
			if _, err := chromedp.Call(b.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "screen"}); err != nil {
				t.Fatal(err)
			}
			screen, _ := browsertest.PrintPDF(t, b.ctx, browsertest.A4)
			if _, err := chromedp.Call(b.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{}); err != nil {
				t.Fatal(err)
			}
			if st, _ := browsertest.PDFText(t, screen); !strings.Contains(squash(st), squash(submit)) {
				t.Errorf("control: printed as on screen, the PDF lacks %q; the print check cannot see it", submit)
			}
			continue
		}
		key := pageOf(byPage, "Answer key: Basics self-check")
		if last == 0 || key <= last {
			t.Errorf("trainer PDF: the last question is on page %d and the answer key starts on page %d; want the key on a later page", last, key)
		}
		if !strings.Contains(byPage[max(key-1, 0)], "Right answer") {
			t.Error("trainer PDF: the answer key page has no right answers")
		}
	}
}
