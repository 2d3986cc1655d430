package e2e

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"playbook/internal/browsertest"
	"playbook/site/pipeline"
)

// Ids are data: a quiz, question, option, item, checklist, factor or input may be named like
// a member of every JavaScript object ("constructor" is a valid id), and a progress file may
// hold any key ("toString", "valueOf", ...). The page scripts must find only what is stored
// under such a name, never what JavaScript objects inherit.

// The pages of the materials protoCourse adds.
const (
	protoQuizEN      = "en/quizzes/constructor.html"
	protoChecklistEN = "en/checklists/constructor.html"
	protoDecisionEN  = "en/worksheets/constructor.html"
	protoCalcEN      = "en/worksheets/object-calc.html"
)

// protoCourse copies the quiz test course and adds materials whose ids are object member
// names: the quiz "constructor" (its first question, an option, an item and a pair are
// "constructor" too), the checklist "constructor", an item "constructor" in the checklist
// prospects, the decision worksheet "constructor" with a factor "constructor" and a
// calculator with an input "constructor". It returns the folder.
func protoCourse(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "course")
	if err := os.CopyFS(dir, os.DirFS(quizCourse)); err != nil {
		t.Fatal(err)
	}
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("quizzes/constructor.yaml", `id: constructor
title: {en: Object words, zh-CN: 对象词}
day: 1
mode: self-check
pass_mark: 60
questions:
  - id: constructor
    type: single
    prompt: {en: "Which comes first?", zh-CN: "哪个在前？"}
    options:
      - {id: constructor, text: {en: The first, zh-CN: 第一个}}
      - {id: later, text: {en: The second, zh-CN: 第二个}}
    answer: constructor
    explanation: {en: It is first., zh-CN: 它在前。}
    source: day-01-basics/01-first.md
  - id: order
    type: ordering
    prompt: {en: Order them., zh-CN: 排序。}
    items:
      - {id: constructor, text: {en: Build, zh-CN: 构建}}
      - {id: use, text: {en: Use, zh-CN: 使用}}
    explanation: {en: Build before use., zh-CN: 先构建后使用。}
    source: day-01-basics/01-first.md
  - id: match
    type: matching
    prompt: {en: Match them., zh-CN: 连线。}
    pairs:
      - {id: constructor, left: {en: Maker, zh-CN: 制造者}, right: "M"}
      - {id: user, left: {en: User, zh-CN: 使用者}, right: "U"}
    explanation: {en: By their first letters., zh-CN: 按首字母。}
    source: day-01-basics/01-first.md
`)
	write("checklists/constructor.yaml", `id: constructor
title: {en: Object habits, zh-CN: 对象习惯}
day: 1
audience: [rep]
sections:
  - id: constructor
    title: {en: Building, zh-CN: 构建}
    items:
      - {id: constructor, text: {en: I build my list., zh-CN: 我建立名单。}}
      - {id: plain, text: {en: I use my list., zh-CN: 我使用名单。}}
bands:
  - {id: ready, min: 50, max: 100, label: {en: Ready, zh-CN: 准备充分}, advice: {en: Keep going., zh-CN: 继续保持。}}
  - {id: start, min: 0, max: 49, label: {en: Start here, zh-CN: 从这里开始}, advice: {en: Reread the lesson., zh-CN: 重读课程。}}
`)
	prospects, err := os.ReadFile(filepath.Join(dir, "checklists", "prospects.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	weekly := "      - id: weekly\n        text: {en: I review my cards twice a week., zh-CN: 我每周整理两次卡片。}\n"
	if !strings.Contains(string(prospects), weekly) {
		t.Fatal("the test checklist prospects has changed: no item weekly to add an item after")
	}
	write("checklists/prospects.yaml", strings.Replace(string(prospects), weekly,
		weekly+"      - id: constructor\n        text: {en: I call back the same day., zh-CN: 我当天回电。}\n", 1))
	write("worksheets/constructor.yaml", `id: constructor
kind: decision
title: {en: Object check, zh-CN: 对象判断}
day: 1
factors:
  - {id: constructor, label: {en: "Can they build it?", zh-CN: "能建吗？"}}
  - {id: need, label: {en: "Do they need it?", zh-CN: "有需求吗？"}}
outcomes:
  - {when: {constructor: "yes", need: "yes"}, label: {en: Ideal, zh-CN: 理想}, action: {en: Close., zh-CN: 成交。}}
  - {when: {constructor: "yes", need: "no"}, label: {en: Create need, zh-CN: 创造需求}, action: {en: Educate., zh-CN: 引导。}}
  - {when: {constructor: "no", need: "yes"}, label: {en: Help them, zh-CN: 帮助}, action: {en: Offer help., zh-CN: 提供帮助。}}
  - {when: {constructor: "no", need: "no"}, label: {en: Drop, zh-CN: 放弃}, action: {en: Move on., zh-CN: 转向下一位。}}
`)
	write("worksheets/object-calc.yaml", `id: object-calc
kind: calculator
title: {en: Cost per hour, zh-CN: 每小时成本}
day: 1
inputs:
  - {id: constructor, label: {en: Daily cost, zh-CN: 每日成本}, default: 100, min: 0}
  - {id: hours, label: {en: Hours, zh-CN: 小时}, default: 4, min: 1}
outputs:
  - {id: per_hour, label: {en: Cost per hour, zh-CN: 每小时成本}, formula: "constructor / hours", decimals: 1}
`)
	return dir
}

// TestProtoIDsCore runs the pure functions of quiz-core.js, checklist-core.js and
// worksheet-core.js with ids that name object members: nothing inherited is ever found.
func TestProtoIDsCore(t *testing.T) {
	s := buildQuizSite(t, pipeline.Learner)
	b := newTab(t, s, s.root)
	b.open(progressEN)
	got := b.str(`(() => {
		const c = Playbook.quizCore;
		const attempt = {date: "2026-12-07T10:00:00.000Z", version: "v", scored: true, earned: 1, max: 1, percent: 100, passed: true,
			responses: {constructor: {choices: ["constructor"]}}, points: {constructor: 1}};
		const recorded = c.recordAttempt(c.emptyStore("s"), "constructor", attempt, {constructor: "right", toString: "wrong"});
		const file = JSON.stringify({format: c.FORMAT, version: 1, site: "s", quizzes: {
			constructor: {version: "v", attempts: 1, best: null, last: null, questions: {toString: {right: 1, wrong: 0, partly: 0, last: "right"}}},
			valueOf: {version: "v", attempts: 2, best: null, last: null, questions: {}}}});
		const parsed = c.parseStore(file, "s").store;
		const merged = c.mergeStores(c.emptyStore("s"), parsed).store;
		const twice = c.mergeStores(merged, parsed).store;
		const draft = c.parseDraft(JSON.stringify({quiz: "q", version: "v", answers: {a: {positions: {b: "1"}, matches: {}}}, options: {}}), "q", "v").draft;
		const key = c.parseAnswer("matching", {user: "r2"});
		return JSON.stringify([
			[recorded.quizzes.constructor.attempts, recorded.quizzes.constructor.questions.constructor, recorded.quizzes.constructor.questions.toString],
			[c.statusOf(c.emptyStore("s").quizzes.constructor), c.statusOf(c.gradeStore(c.emptyStore("s"), null).quizzes.constructor),
			 c.statusOf(c.gradeStore(c.emptyStore("s"), {constructor: {version: "v", passMark: 50, questions: []}}).quizzes.constructor)],
			c.certificateOf(c.emptyStore("s"), [{id: "constructor", mode: "self-check"}]),
			[typeof parsed.quizzes.toString, parsed.quizzes.constructor.questions.toString.right, typeof parsed.quizzes.constructor.questions.valueOf],
			[merged.quizzes.constructor.attempts, merged.quizzes.valueOf.attempts, twice.quizzes.constructor.attempts,
			 twice.quizzes.constructor.questions.toString.right, typeof twice.quizzes.hasOwnProperty, typeof merged.quizzes.constructor.questions.constructor],
			[typeof draft.answers.constructor, typeof draft.answers.a.positions.constructor, typeof draft.answers.a.matches.toString, typeof draft.options.constructor],
			[typeof key.constructor, c.fraction("matching", key, {matches: {user: "r2"}}), c.orderFromPositions(["constructor", "use"], {use: "1"})],
			c.unanswered(["constructor", "toString"], {}),
		]);
	})()`)
	want := `[[1,{"right":1,"wrong":0,"partly":0,"last":"right"},{"right":0,"wrong":1,"partly":0,"last":"wrong"}],` +
		`["not_started","not_started","not_started"],{"route":"","passed":0,"total":1,"date":""},` +
		`["undefined",1,"undefined"],[1,2,2,2,"undefined","undefined"],` +
		`["undefined","undefined","undefined","undefined"],["undefined",1,["use",""]],2]`
	if got != want {
		t.Errorf("quiz-core with object member ids:\n got %s\nwant %s", got, want)
	}

	b.open(prospectsEN)
	got = b.str(`(() => {
		const c = Playbook.checklistCore;
		const def = {id: "constructor", version: "v", fields: ["team"], items: [{id: "constructor", number: "1", text: "Build", section: "s", sectionTitle: "S"}],
			levels: [{id: "yes", label: "Yes", points: 2}, {id: "no", label: "No", points: 0, todo: true}], bands: []};
		const store = c.parseStore(JSON.stringify(c.emptyStore("s")), "s").store;
		const blank = c.blankCopy("n", "v");
		const clean = c.cleanCopy(def, {...blank, answers: {constructor: "no"}, actions: {constructor: {owner: "Ana", due: ""}}}).copy;
		const fromCSV = c.importFile(def, "item_id,answer_id,owner,due,checklist\nconstructor,no,Ana,,constructor\n").copy;
		const fromJSON = c.importFile(def, '{"format": "playbook-checklist", "version": 1, "checklist": "constructor", "answers": {"constructor": "no", "toString": "yes"}}');
		return JSON.stringify([
			[typeof store.checklists.constructor, typeof blank.answers.constructor, typeof blank.actions.constructor, typeof blank.fields.constructor],
			[clean.actions.constructor, c.score(def, clean.answers).actions, c.exportJSON(def, clean, {site: "s", lang: "en"}).actions],
			[typeof clean.fields.constructor, fromCSV.actions.constructor, typeof fromCSV.answers.toString],
			[fromJSON.dropped, typeof fromJSON.copy.answers.toString, typeof fromJSON.copy.actions.constructor],
			c.exportCSV(def, blank).split("\r\n")[1],
		]);
	})()`)
	want = `[["undefined","undefined","undefined","undefined"],` +
		`[{"owner":"Ana","due":""},["constructor"],{"constructor":{"owner":"Ana","due":""}}],` +
		`["undefined",{"owner":"Ana","due":""},"undefined"],[1,"undefined","undefined"],` +
		`"1,S,constructor,Build,,,,1,,,constructor,v,n,"]`
	if got != want {
		t.Errorf("checklist-core with object member ids:\n got %s\nwant %s", got, want)
	}

	b.open(taxiEN)
	got = b.str(`(() => {
		const c = Playbook.worksheetCore;
		const store = c.parseStore(JSON.stringify(c.emptyStore("s")), "s").store;
		const calc = c.calculate([{id: "constructor", value: NaN, min: null, max: null}], [{id: "out", tree: ["var", "constructor"]}]);
		return JSON.stringify([
			typeof store.worksheets.constructor,
			[typeof calc.vars.constructor, calc.outputs[0].error.code, c.substitute(["var", "constructor"], (n) => calc.vars[n], String)],
			c.decide(["constructor"], {}, [{constructor: true}]),
		]);
	})()`)
	want = `["undefined",["undefined","no_value","constructor"],-1]`
	if got != want {
		t.Errorf("worksheet-core with object member ids:\n got %s\nwant %s", got, want)
	}
}

// TestProtoIDsQuiz takes the quiz "constructor": the progress page shows it not started,
// the quiz page keeps a draft, submits and scores it, and records it under its id.
func TestProtoIDsQuiz(t *testing.T) {
	s := buildSiteOf(t, protoCourse(t), pipeline.Learner)
	b := quizTab(t, s, progressEN)
	row := func() []string { return b.texts(`tr[data-progress-quiz="constructor"] td`) }
	if got, want := row(), []string{"Not started", "–", "–"}; !slices.Equal(got, want) {
		t.Errorf("before any attempt, the progress page shows the quiz constructor as %q, want %q", got, want)
	}

	b.open(protoQuizEN)
	if got := b.text(".quiz-notices"); got != "" {
		t.Errorf("a first visit to the quiz constructor says %q", got)
	}
	b.click(`input[name="constructor"][value="constructor"]`)
	choose := func(sel, text string) {
		b.run(`(s => {
			s.value = Array.from(s.options).find(o => o.textContent.trim() === ` + jsString(text) + `).value;
			s.dispatchEvent(new Event("change", {bubbles: true}));
		})(document.querySelector(` + jsString(sel) + `))`)
	}
	choose(`select[name="order:constructor"]`, "1")
	choose(`select[name="order:use"]`, "2")
	choose(`li[data-question="match"] .match-row[data-left="constructor"] select`, "M")

	// A reload keeps what was filled in, and only that.
	b.open(protoQuizEN)
	form := browsertest.Eval[map[string]string](t, b.ctx, `Object.fromEntries(Array.from(document.querySelectorAll("input:checked, select"), e => [e.name, e.value]))`)
	if len(form) != 5 || form["constructor"] != "constructor" || form["order:constructor"] != "1" || form["order:use"] != "2" ||
		!strings.HasPrefix(form["match:constructor"], "r") || form["match:user"] != "" {
		t.Errorf("after a reload the form holds %v", form)
	}
	choose(`li[data-question="match"] .match-row[data-left="user"] select`, "U")
	if asked := b.submitQuiz(); asked != "" {
		t.Errorf("with every question answered, the page asked %q", asked)
	}
	if got := b.text(".result-score"); !strings.Contains(got, "100%") || b.count(".result-verdict.is-passed") != 1 {
		t.Errorf("the quiz constructor scores %q, want 100%% and passed", got)
	}
	if got := b.verdicts(); got["constructor"] != "Correct" || got["order"] != "Correct" || got["match"] != "Correct" {
		t.Errorf("the verdicts read %v", got)
	}
	st := b.stored()
	if st == nil {
		t.Fatal("no progress is stored after submitting")
	}
	e := st.Quizzes["constructor"]
	if len(st.Quizzes) != 1 || e == nil || e.Attempts != 1 || *e.Best.Percent != 100 || e.Questions["constructor"].Right != 1 ||
		!slices.Equal(e.Last.Responses["constructor"].Choices, []string{"constructor"}) || e.Last.Points["constructor"] != 1 {
		t.Errorf("the stored progress is %+v", st.Quizzes)
	}
	if b.str(`Object.keys(localStorage).filter(k => k.includes(":draft:")).join()`) != "" {
		t.Error("the draft is still stored after submitting")
	}

	b.open(protoQuizEN)
	if got := b.text(".quiz-best"); got != "Best so far: 100%" || b.text(".quiz-notices") != "" {
		t.Errorf("back on the quiz, it says %q and %q", got, b.text(".quiz-notices"))
	}
	b.open(progressEN)
	if got := row(); got[0] != "Passed" || got[1] != "100%" {
		t.Errorf("after an attempt, the progress page shows the quiz constructor as %q", got)
	}
}

// TestProtoIDsProgressImport imports progress files whose quiz and question keys are object
// member names: they merge like any other, twice, and the store stays readable.
func TestProtoIDsProgressImport(t *testing.T) {
	s := buildSiteOf(t, protoCourse(t), pipeline.Learner)
	b := quizTab(t, s, progressEN)
	entry := func(percent float64) map[string]any {
		score := map[string]any{"date": "2026-12-07T10:00:00.000Z", "version": "v", "earned": percent, "max": 100, "percent": percent, "passed": percent >= 60}
		last := map[string]any{"scored": true, "responses": map[string]any{"constructor": map[string]any{"choices": []string{"constructor"}}}, "points": map[string]any{"constructor": 1}}
		for k, v := range score {
			last[k] = v
		}
		return map[string]any{"version": "v", "attempts": 1, "best": score, "last": last,
			"questions": map[string]any{"constructor": map[string]any{"right": 1, "wrong": 0, "partly": 0, "last": "right"},
				"toString": map[string]any{"right": 0, "wrong": 1, "partly": 0, "last": "wrong"}}}
	}
	file := func(quizzes map[string]any) []byte {
		data, err := json.Marshal(map[string]any{"format": "playbook-progress", "version": 1, "site": "test-course", "learner": "Ana", "quizzes": quizzes})
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	upload := func(name string, data []byte) string {
		path := filepath.Join(t.TempDir(), name)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		b.run(`document.querySelector(".progress-message").textContent = ""`)
		b.do("choosing "+name, chromedp.SetUploadFiles(chromedp.CSS(`input[data-action="import"]`), []string{path}))
		b.waitFor(`document.querySelector(".progress-message").textContent !== ""`, "the import message")
		return b.text(".progress-message")
	}
	setAside := func() string {
		return b.str(`Object.keys(localStorage).filter(k => k.includes(":set-aside:")).join()`)
	}
	data := file(map[string]any{"constructor": entry(80), "toString": entry(50), "valueOf": entry(70), "hasOwnProperty": entry(90)})
	row := func() []string { return b.texts(`tr[data-progress-quiz="constructor"] td`) }

	if got := upload("object-words.json", data); got != "Progress imported. Quizzes in the file: 4." {
		t.Errorf("importing the file says %q", got)
	}
	if got := row(); got[0] != "Passed" || got[1] != "80%" {
		t.Errorf("after importing, the quiz constructor reads %q", got)
	}
	if got := upload("again.json", data); got != "Progress imported. Quizzes in the file: 4." {
		t.Errorf("importing the file again says %q", got)
	}
	b.open(progressEN)
	if got := b.text(".progress-message"); got != "" || setAside() != "" {
		t.Errorf("reloading the progress page says %q and set aside %q", got, setAside())
	}
	if got := row(); got[0] != "Passed" || got[1] != "80%" || !strings.HasSuffix(got[2], " · 2 attempts") {
		t.Errorf("after importing twice, the quiz constructor reads %q", got)
	}
	st := b.stored()
	if st == nil || len(st.Quizzes) != 4 || st.Learner != "Ana" {
		t.Fatalf("the stored progress is %+v, want 4 quizzes for Ana", st)
	}
	for id, e := range st.Quizzes {
		if e == nil || e.Last == nil {
			t.Errorf("the stored progress of %s is %+v", id, e)
			continue
		}
		if e.Attempts != 2 || e.Questions["constructor"].Right != 2 || e.Questions["toString"].Wrong != 2 || e.Last.Points["constructor"] != 1 {
			t.Errorf("the stored progress of %s is %+v", id, e)
		}
	}
	b.open(protoQuizEN) // the file's version "v" is not the quiz's: the page says it changed
	if got := b.text(".quiz-best"); got != "Best so far: 80% · 2 attempts" {
		t.Errorf("the quiz constructor says %q", got)
	}

	// A key __proto__ breaks the rule the page shares with playbook report (docs/report.md):
	// the file is refused and nothing changes, nothing is set aside.
	b.open(progressEN)
	before := b.str(`localStorage.getItem("` + storeKey + `")`)
	proto := []byte(strings.Replace(string(file(map[string]any{"constructor": entry(80), "x": entry(10)})), `"x":`, `"__proto__":`, 1))
	if got := upload("proto.json", proto); got != "That file is not a progress file of this course; nothing was changed." {
		t.Errorf("importing a file with a key __proto__ says %q", got)
	}
	if after := b.str(`localStorage.getItem("` + storeKey + `")`); after != before || setAside() != "" {
		t.Errorf("importing a file with a key __proto__ changed the store or set it aside (%q)", setAside())
	}
}

// TestProtoIDsChecklist fills in the checklist item "constructor" of prospects and the
// checklist "constructor": the answers and the action's owner survive a reload.
func TestProtoIDsChecklist(t *testing.T) {
	s := buildSiteOf(t, protoCourse(t), pipeline.Learner)
	b := checklistTab(t, s, prospectsEN)
	b.click(`input[name="constructor"][value="no"]`)
	if got := b.actionItems(); !slices.Equal(got, []string{"constructor"}) {
		t.Fatalf("the action list holds %v", got)
	}
	owner := `.action-row[data-item="constructor"] input[type="text"]`
	b.typeInto(owner, "Ana")
	b.setInput(`.action-row[data-item="constructor"] input[type="date"]`, "2026-12-31")
	b.open(prospectsEN)
	if got := b.checked(); got["constructor"] != "no" {
		t.Errorf("after a reload the answers are %v", got)
	}
	if got := b.str(`document.querySelector(` + jsString(owner) + `)?.value ?? "no row"`); got != "Ana" {
		t.Errorf("after a reload the action of constructor has the owner %q, want Ana", got)
	}
	if st := b.checklistStored(); st == nil || len(st.Checklists["prospects"].Copies) != 1 ||
		st.Checklists["prospects"].Copies[0].Actions["constructor"] != (actionFields{Owner: "Ana", Due: "2026-12-31"}) {
		t.Errorf("the stored checklists are %+v", st)
	}

	b.open(protoChecklistEN)
	b.click(`input[name="constructor"][value="yes"]`)
	b.click(`input[name="plain"][value="no"]`)
	b.typeInto(`.action-row[data-item="plain"] input[type="text"]`, "Li")
	b.open(protoChecklistEN)
	if got := b.checked(); got["constructor"] != "yes" || got["plain"] != "no" {
		t.Errorf("after a reload the checklist constructor holds %v", got)
	}
	if got := b.str(`document.querySelector('.action-row[data-item="plain"] input[type="text"]')?.value ?? "no row"`); got != "Li" {
		t.Errorf("after a reload the action of plain has the owner %q", got)
	}
	if got := b.count(".ck-open option"); got != 1 {
		t.Errorf("the checklist constructor lists %d copies, want 1", got)
	}
	if st := b.checklistStored(); st == nil || len(st.Checklists) != 2 || len(st.Checklists["constructor"].Copies) != 1 {
		t.Errorf("the stored checklists are %+v", st)
	}
}

// TestProtoIDsWorksheet fills in the decision worksheet "constructor", whose first factor is
// "constructor", and a calculator with an input "constructor".
func TestProtoIDsWorksheet(t *testing.T) {
	s := buildSiteOf(t, protoCourse(t), pipeline.Learner)
	b := wsTab(t, s, protoDecisionEN)
	if got := b.text(".ws-result"); got != "2 of 2 questions still to answer." {
		t.Errorf("with no answer, the result reads %q", got)
	}
	b.click(`input[name="need"][value="yes"]`)
	if got := b.text(".ws-result"); got != "1 of 2 questions still to answer." {
		t.Errorf("with one answer, the result reads %q", got)
	}
	b.click(`input[name="constructor"][value="no"]`)
	if got := b.text(".ws-result"); got != "Outcome: Help them. What to do: Offer help." {
		t.Errorf("with both answers, the result reads %q", got)
	}
	b.wsWaitCopies("constructor", 1)
	b.open(protoDecisionEN)
	if got := b.text(".ws-result"); got != "Outcome: Help them. What to do: Offer help." || b.count(".ws-copy-select option") != 1 {
		t.Errorf("after a reload, the result reads %q with %d copies", got, b.count(".ws-copy-select option"))
	}

	b.open(protoCalcEN)
	if got := b.texts(".ws-outputs output"); !slices.Equal(got, []string{"25.0"}) {
		t.Errorf("with the defaults, the output reads %q", got)
	}
	b.clickButton("Show the working")
	b.wsClear(`input[name="constructor"]`)
	if got := b.texts(".ws-output-row .ws-working"); !slices.Equal(got, []string{"constructor ÷ 4"}) {
		t.Errorf("without a daily cost, the working reads %q", got)
	}
	if got := b.texts(".ws-outputs output"); !slices.Equal(got, []string{"Needs a valid “Daily cost”."}) {
		t.Errorf("without a daily cost, the output reads %q", got)
	}
	b.wsWaitCopies("object-calc", 1)
	b.open(protoCalcEN)
	if got := b.str(`document.querySelector('input[name="constructor"]').value + "/" + document.querySelector('input[name="hours"]').value`); got != "/4" {
		t.Errorf("after a reload, the inputs hold %q, want the cost left empty", got)
	}
}
