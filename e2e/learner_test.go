package e2e

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"playbook/site/pipeline"
	"playbook/site/report"
	"playbook/site/report/collect"
)

// finalEN is the bundled course's final assessment: an exam of 60 minutes that shuffles its
// questions and their options.
const finalEN = "en/quizzes/final-assessment.html"

// TestQuizLearnerCore runs the pure functions of quiz-core.js behind the learner's name, the
// export's file name and the draft of a quiz in progress.
func TestQuizLearnerCore(t *testing.T) {
	s := buildQuizSite(t, pipeline.Learner)
	b := newTab(t, s, s.root)
	b.open(progressEN)
	got := b.str(`(() => {
		const c = Playbook.quizCore;
		const long = "Maximiliana Alexandra Konstantinopoulou-Papadimitriou the Third";
		const store = c.emptyStore("s");
		const named = Object.assign(c.emptyStore("s"), {learner: "Ana", class: "A1"});
		const draft = (o) => JSON.stringify(Object.assign({quiz: "q", version: "v", answers: {}}, o));
		const perm = c.arrange(["a", "b", "c", "d"], ["a", "b"], true, c.seeded(3));
		return JSON.stringify([
			[c.cleanText("  Wang \t Li\n ", 80), c.cleanText("王丽".repeat(50), c.NAME_MAX).length, c.cleanText(null, 5)],
			[c.fileSafe("Wang Li"), c.fileSafe("王丽"), c.fileSafe("  Zoë  O'Neil / 3B  "), c.fileSafe("../..\\con:"), c.fileSafe("Ana--Lima 😀 2"),
			 Array.from(c.fileSafe(long)).length, c.fileSafe(long).endsWith("-")],
			[c.exportName("crm-playbook", "Wang Li", "2026-12-07T10:00:00.000Z"), c.exportName("crm-playbook", "王丽", "2026-12-07T23:59:59.000Z"),
			 c.exportName("crm-playbook", "", "2026-12-07T00:00:00.000Z"), c.exportName("crm-playbook", " / ", "2026-12-07T00:00:00.000Z")],
			[store.class, c.exportStore(named, new Date("2026-12-07T10:00:00Z")).class,
			 c.migrate({format: c.FORMAT, version: 1, site: "s", quizzes: {}, class: 3}),
			 c.migrate({format: c.FORMAT, version: 1, site: "s", quizzes: {}}).class,
			 c.mergeStores(store, named).store.class, c.mergeStores(Object.assign(c.emptyStore("s"), {class: "B2"}), named).store.class],
			[c.parseDraft(null, "q", "v"), c.parseDraft("{", "q", "v"), c.parseDraft(draft({answers: {x: {choices: [1]}}}), "q", "v"),
			 c.parseDraft(draft({deadline: "soon"}), "q", "v"), c.parseDraft(draft({}), "q", "other"), c.parseDraft(draft({}), "other", "v"),
			 c.parseDraft(draft({answers: {o: {positions: {one: "1", two: "1"}}, m: {matches: {p: "r3"}}}, questions: ["o", "m"], options: {o: ["b", "a"]}, deadline: "2026-12-07T10:00:00.000Z"}), "q", "v").draft.answers.o],
			[c.arrange(["a", "b", "c"], ["c", "a", "b"], true), c.arrange(["a", "b", "c"], null, false), c.arrange(["a", "b"], ["a", "a"], false),
			 perm.length === 4 && perm.slice().sort().join("") === "abcd"],
			[c.filled({}), c.filled({choices: []}), c.filled({positions: {x: ""}}), c.filled({positions: {x: "2"}}), c.filled({matches: {p: "r1"}}), c.filled({text: "  "}), c.filled({text: "a"}),
			 c.unanswered(["a", "b", "c"], {a: {choices: ["x"]}, c: {text: " "}})],
			[c.secondsLeft(10500, 0), c.secondsLeft(0, 5000), c.draftKey("crm-playbook", "final-assessment")],
		]);
	})()`)
	want := `[["Wang Li",80,""],` +
		`["Wang-Li","王丽","Zoë-O-Neil-3B","con","Ana-Lima-2",39,false],` +
		`["crm-playbook-progress-Wang-Li-2026-12-07.json","crm-playbook-progress-王丽-2026-12-07.json","crm-playbook-progress-2026-12-07.json","crm-playbook-progress-2026-12-07.json"],` +
		`["","A1",null,"","A1","B2"],` +
		`[{"draft":null},null,null,null,{"draft":null},{"draft":null},{"positions":{"one":"1","two":"1"}}],` +
		`[["c","a","b"],["a","b","c"],["a","b"],true],` +
		`[false,false,false,true,true,false,true,2],` +
		`[11,0,"playbook:crm-playbook:draft:v1:final-assessment"]]`
	if got != want {
		t.Errorf("quiz-core learner and draft helpers:\n got %s\nwant %s", got, want)
	}
}

// learnerFields types a name and a class code into the form matching sel, as a person does,
// and saves it with the form's Save button.
func (b *tab) learnerFields(sel, name, class string) {
	b.t.Helper()
	for field, text := range map[string]string{"learner": name, "class": class} {
		input := sel + ` [name="` + field + `"]`
		b.run(`document.querySelector(` + jsString(input) + `).value = ""`)
		b.click(input)
		if strings.IndexFunc(text, func(r rune) bool { return r > 0x2e80 }) >= 0 {
			b.insertText(text) // as an input method commits a Chinese word
		} else {
			b.keys(text)
		}
	}
	b.click(sel + ` button[type="submit"]`)
}

// TestProgressLearner gives a name and a class code on the progress page, in English and in
// Chinese: they are kept, shown again, go into the export with a file name that carries the
// name, and playbook report groups the export by them.
func TestProgressLearner(t *testing.T) {
	s := buildQuizSite(t, pipeline.Learner)
	b := quizTab(t, s, basicsEN)
	b.click(`input[name="tier"][value="platinum"]`)
	b.submitQuiz()
	b.open(progressEN)
	if got := b.strs(`Array.from(document.querySelectorAll(".learner-panel label"), l => l.textContent)`); !slices.Equal(got, []string{"Name", "Class code (optional)"}) {
		t.Errorf("the progress page's fields are labelled %q", got)
	}
	b.learnerFields(".learner-panel", "Wang Li", "CRM-12")
	if got, want := b.text(".learner-panel .learner-message"), "Saved. Your progress files will carry the name Wang Li."; got != want {
		t.Errorf("after saving, the page says %q, want %q", got, want)
	}
	if st := b.stored(); st == nil || st.Learner != "Wang Li" || st.Class != "CRM-12" || st.Quizzes["basics-check"] == nil {
		t.Fatalf("stored after saving the name: %+v", st)
	}
	b.open(progressEN)
	if got := b.strs(`[document.querySelector("#pb-learner-name").value, document.querySelector("#pb-learner-class").value]`); !slices.Equal(got, []string{"Wang Li", "CRM-12"}) {
		t.Errorf("after a reload the fields hold %q", got)
	}

	name, data := b.download(func() { b.clickButton("Export my progress") })
	today := time.Now().UTC().Format("2006-01-02")
	if want := "test-course-progress-Wang-Li-" + today + ".json"; name != want {
		t.Errorf("the export is named %q, want %q", name, want)
	}
	p := decodeProgress(t, data)
	if p.Learner != "Wang Li" || p.Class != "CRM-12" {
		t.Errorf("the export carries learner %q and class %q", p.Learner, p.Class)
	}
	r := report.Make(s.course, pipeline.SiteKey(s.course.Config), "en", []collect.Input{{Path: name, Data: data}})
	if len(r.Learners) != 1 || r.Learners[0].Name != "Wang Li" || r.Learners[0].Class != "CRM-12" || len(r.Unnamed()) != 0 {
		t.Errorf("the class report reads the export as %s %+v", r.Summary(), r.Learners)
	}

	// A changed class code is kept by leaving the field, without Save.
	b.run(`document.querySelector("#pb-learner-class").value = ""`)
	b.click("#pb-learner-class")
	b.keys("CRM-13")
	b.click("h1")
	b.waitFor(`JSON.parse(localStorage.getItem("`+storeKey+`")).class === "CRM-13"`, "the class code kept on leaving the field")

	// Chinese: the name and the file name keep the Chinese letters.
	b.open("zh-CN/progress.html")
	if got := b.text("#pb-learner"); got != "你的姓名" {
		t.Errorf("the Chinese form is headed %q", got)
	}
	b.learnerFields(".learner-panel", "王丽", "")
	if got, want := b.text(".learner-panel .learner-message"), "已保存。导出的进度文件将带上姓名：王丽。"; got != want {
		t.Errorf("after saving, the Chinese page says %q, want %q", got, want)
	}
	name, data = b.download(func() { b.clickButton("导出学习进度") })
	if want := "test-course-progress-王丽-" + today + ".json"; name != want {
		t.Errorf("the Chinese export is named %q, want %q", name, want)
	}
	if p := decodeProgress(t, data); p.Learner != "王丽" || p.Class != "" {
		t.Errorf("the Chinese export carries learner %q and class %q", p.Learner, p.Class)
	}

	// Without a name the file is named after the day alone.
	b.learnerFields(".learner-panel", "", "")
	if got, want := b.text(".learner-panel .learner-message"), "已保存，但未填写姓名：导出的进度文件将不带姓名。"; got != want {
		t.Errorf("after clearing the name, the page says %q, want %q", got, want)
	}
	if name, _ = b.download(func() { b.clickButton("导出学习进度") }); name != "test-course-progress-"+today+".json" {
		t.Errorf("the export without a name is named %q", name)
	}
}

// TestQuizLearnerPrompt opens quizzes without a name kept: the first asks for a name and a
// class code without getting in the way, and stops asking once given; "Not now" makes it
// stop asking too, until the progress is reset.
func TestQuizLearnerPrompt(t *testing.T) {
	s := buildQuizSite(t, pipeline.Learner)
	b := quizTab(t, s, basicsEN)
	if !b.visible(".learner-prompt") {
		t.Fatal("the first quiz does not ask for the learner's name")
	}
	if got, want := b.text(".learner-prompt-title"), "Who is taking this quiz?"; got != want {
		t.Errorf("the prompt asks %q, want %q", got, want)
	}
	if got := b.str(`document.activeElement.tagName`); got != "BODY" {
		t.Errorf("the prompt took the focus (%s)", got)
	}
	// The quiz works with the prompt unanswered.
	b.click(`input[name="tier"][value="platinum"]`)
	b.learnerFields(".learner-prompt", "", "A1")
	if got := b.text(".learner-prompt .learner-message"); got != "Type your name, or choose “Not now”." {
		t.Errorf("saving without a name says %q", got)
	}
	if got := b.str(`document.activeElement.name`); got != "learner" {
		t.Errorf("saving without a name leaves the focus on %q, want the name", got)
	}
	b.learnerFields(".learner-prompt", "Ana Lima", "A1")
	if got, want := b.text(".learner-prompt"), "Who is taking this quiz? Thank you, Ana Lima. Your results will carry your name; change it on the “My progress” page."; got != want {
		t.Errorf("after saving, the prompt reads %q, want %q", got, want)
	}
	if b.visible(".learner-prompt input") {
		t.Error("the fields still show after the name was saved")
	}
	if st := b.stored(); st == nil || st.Learner != "Ana Lima" || st.Class != "A1" {
		t.Errorf("stored from the prompt: %+v", st)
	}
	if b.str(`document.querySelector('input[name="tier"][value="platinum"]').checked ? "yes" : ""`) != "yes" {
		t.Error("saving the name changed the quiz's answers")
	}
	if got := b.submitQuiz(); got != "5 questions are unanswered. Submit anyway?" {
		t.Errorf("submitting asks %q", got)
	}
	b.open(examEN)
	if b.visible(".learner-prompt") {
		t.Error("another quiz asks for the name again")
	}
	b.open(progressEN)
	if got := b.str(`document.querySelector("#pb-learner-name").value + "/" + document.querySelector("#pb-learner-class").value`); got != "Ana Lima/A1" {
		t.Errorf("the progress page shows %q", got)
	}

	// Not now: no more asking, until a reset starts afresh.
	b.run(`localStorage.clear()`)
	b.open(basicsZH)
	if got := b.text(".learner-prompt-title"); got != "请问你是哪位学员？" {
		t.Errorf("the Chinese prompt asks %q", got)
	}
	b.clickButton("暂不填写")
	if b.visible(".learner-prompt") {
		t.Error("Not now does not close the prompt")
	}
	b.open(basicsEN)
	if b.visible(".learner-prompt") {
		t.Error("the prompt comes back after Not now")
	}
	var accept atomic.Bool
	accept.Store(true)
	dialogs(b.ctx, &accept)
	b.open(progressEN)
	b.clickButton("Reset my progress")
	b.waitFor(`document.querySelector(".progress-message").textContent === "Your progress has been reset."`, "the reset")
	b.open(basicsEN)
	if !b.visible(".learner-prompt") {
		t.Error("after a reset the prompt does not ask again")
	}

	// The trainer edition never asks.
	tb := quizTab(t, buildQuizSite(t, pipeline.Trainer), basicsEN)
	if tb.count(".learner-prompt") != 0 {
		t.Error("the trainer edition asks for a learner's name")
	}
}

// TestQuizDraftReload fills in a self-check of every question type and reloads: every
// answer comes back, an ordering's two items put at one position included, in the order of
// options the learner saw; submitting, then trying again, leaves nothing to restore.
func TestQuizDraftReload(t *testing.T) {
	s := buildQuizSite(t, pipeline.Learner)
	b := quizTab(t, s, basicsEN)
	optionOrder := `Array.from(document.querySelectorAll("li.option"), o => o.dataset.option).join(" ")`
	order := b.str(optionOrder)
	b.click(`input[name="shares"][value="a"]`)
	b.click(`input[name="shares"][value="b"]`)
	b.click(`input[name="table"][value="false"]`)
	for sel, v := range map[string]string{"order:one": "2", "order:two": "2", "order:wrap": "3", "match:p": "r3"} {
		b.do("choosing "+sel, chromedp.SetValue(chromedp.CSS(`select[name="`+sel+`"]`), v))
		b.run(`document.querySelector('select[name="` + sel + `"]').dispatchEvent(new Event("change", {bubbles: true}))`)
	}
	b.click(`textarea[name="think"]`)
	b.keys("Our biggest")
	form := `JSON.stringify([Array.from(document.querySelectorAll(".quiz-form input:checked"), i => i.name + "=" + i.value),
		Array.from(document.querySelectorAll(".quiz-form select, .quiz-form textarea"), e => e.name + "=" + e.value)])`
	before := b.str(form)

	for i := range 2 { // for a page shuffling its options, one reload could keep the order by chance
		b.open(basicsEN)
		if got := b.str(form); got != before {
			t.Fatalf("reload %d: the form holds\n%s\nwant\n%s", i+1, got, before)
		}
		if got := b.str(optionOrder); got != order {
			t.Errorf("reload %d: the options come in the order %q, want the order seen before, %q", i+1, got, order)
		}
	}
	if got := b.text(".quiz-notices"); got != "Your answers from before have been filled in again; nothing has been submitted yet." {
		t.Errorf("after the reload the page says %q", got)
	}
	if got := b.text(".quiz-timer"); got != "Time left: 10:00" && got != "Time left: 9:59" {
		t.Errorf("a self-check's clock after a reload reads %q, want a fresh 10:00", got)
	}

	if got := b.submitQuiz(); got != "1 question is unanswered. Submit anyway?" {
		t.Errorf("submitting asks %q", got)
	}
	if st := b.stored(); st == nil || st.Quizzes["basics-check"].Last.Responses["think"].Text != "Our biggest" {
		t.Errorf("the attempt stored after restoring: %+v", st)
	}
	draftKey := `"playbook:test-course:draft:v1:basics-check"`
	if got := b.str(`localStorage.getItem(` + draftKey + `) || ""`); got != "" {
		t.Errorf("after submitting, the draft is still kept: %s", got)
	}
	b.open(basicsEN)
	if n := b.count(".quiz-form input:checked"); n != 0 || b.text(".quiz-notices") != "" {
		t.Errorf("after submitting and reloading, %d answers are filled in and the page says %q", n, b.text(".quiz-notices"))
	}

	// Try again forgets the answers of the attempt before.
	b.click(`input[name="tier"][value="b"]`)
	b.submitQuiz()
	b.clickButton("Try again")
	b.open(basicsEN)
	if n := b.count(".quiz-form input:checked"); n != 0 {
		t.Errorf("after Try again and a reload, %d answers are filled in", n)
	}
}

// TestQuizExamReload takes the bundled final assessment (60 minutes, questions and options
// shuffled), reloads it 20 minutes in: the clock goes on from 40:00, the answers and the order
// come back. Closed until after the deadline, the exam submits what was saved when it is
// opened again, and says so; with nothing saved, it submits nothing.
func TestQuizExamReload(t *testing.T) {
	s := buildSite(t, pipeline.Learner)
	b := quizTab(t, s, finalEN)
	if got := b.text(".quiz-timer"); got != "Time left: 1:00:00" && got != "Time left: 59:59" {
		t.Fatalf("the exam's clock starts at %q", got)
	}
	questionOrder := `Array.from(document.querySelectorAll("li.question"), q => q.dataset.question).join(" ")`
	optionOrder := `Array.from(document.querySelectorAll("li.option"), o => o.dataset.option).join(" ")`
	questions, options := b.str(questionOrder), b.str(optionOrder)

	// Answer the first single and multiple choice questions shown, an ordering and a matching.
	firstOf := func(typ string) string {
		return b.str(`(() => { const d = Playbook.page.data(); const ids = new Set(d.questions.filter(q => q.type === "` + typ + `").map(q => q.id));
			return Array.from(document.querySelectorAll("li.question"), li => li.dataset.question).find(id => ids.has(id)); })()`)
	}
	single, multiple, ordering, matching := firstOf("single"), firstOf("multiple"), firstOf("ordering"), firstOf("matching")
	b.click(`#q-` + single + ` li.option:nth-child(2) input`)
	b.click(`#q-` + multiple + ` li.option:nth-child(1) input`)
	b.click(`#q-` + multiple + ` li.option:nth-child(3) input`)
	b.run(`for (const [i, s] of document.querySelectorAll("#q-` + ordering + ` select").entries()) { s.value = String(i === 0 ? 2 : 1); s.dispatchEvent(new Event("change", {bubbles: true})); }`)
	b.run(`const s = document.querySelector("#q-` + matching + ` select"); s.value = s.options[2].value; s.dispatchEvent(new Event("change", {bubbles: true}))`)
	form := `JSON.stringify([Array.from(document.querySelectorAll(".quiz-form input:checked"), i => i.name + "=" + i.value),
		Array.from(document.querySelectorAll(".quiz-form select"), e => e.name + "=" + e.value).filter(x => !x.endsWith("="))])`
	before := b.str(form)

	// 20 minutes later, the learner reloads the page.
	later := func(minutes int) {
		if _, err := chromedp.Call(b.ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
			Source: `(() => { const now = Date.now; Date.now = () => now() + ` + strconv.Itoa(minutes*60000) + `; })();`,
		}); err != nil {
			t.Fatal(err)
		}
	}
	later(20)
	b.open(finalEN)
	if got := b.text(".quiz-timer"); got != "Time left: 40:00" && got != "Time left: 39:59" {
		t.Errorf("20 minutes into the exam, after a reload, the clock reads %q, want 40:00 (not a fresh 60:00)", got)
	}
	if got := b.str(form); got != before {
		t.Errorf("after the reload the exam's form holds\n%s\nwant\n%s", got, before)
	}
	if b.str(questionOrder) != questions || b.str(optionOrder) != options {
		t.Error("after the reload the questions or their options come in another order than the learner saw")
	}
	if got := b.text(".quiz-notices"); !strings.Contains(got, "Your answers from before have been filled in again") {
		t.Errorf("after the reload the exam says %q", got)
	}
	if b.visible(".quiz-result") {
		t.Fatal("the exam was submitted by the reload")
	}

	// Closed, and opened again after the deadline: what was saved is submitted.
	b.open(progressEN)
	later(45) // 65 minutes after the start
	b.open(finalEN)
	b.waitFor(`!document.querySelector(".quiz-result").hidden`, "the submission of the exam whose time ran out")
	if got, want := b.text(".quiz-result"), "The time ran out while this page was closed. The answers saved before then have been submitted. "+
		"Your answers are saved in this browser. To hand them in, export your progress from the progress page."; got != want {
		t.Errorf("opened after the deadline, the exam says %q, want %q", got, want)
	}
	if b.visible(".quiz-confirm") || b.count(".quiz-form input:not(:disabled)") != 0 {
		t.Error("the exam whose time ran out asked about unanswered questions or can still be changed")
	}
	raw := b.str(`localStorage.getItem("playbook:crm-playbook:progress:v1")`)
	var st progressFile
	if err := json.Unmarshal([]byte(raw), &st); err != nil {
		t.Fatal(err)
	}
	e := st.Quizzes["final-assessment"]
	if e == nil || e.Attempts != 1 || e.Last == nil {
		t.Fatalf("the exam submitted on opening was not recorded: %s", raw)
	}
	r := e.Last.Responses
	if len(r[single].Choices) != 1 || len(r[multiple].Choices) != 2 || len(r[matching].Matches) != 1 || r[ordering].Order[1] == "" {
		t.Errorf("the exam submitted on opening recorded %+v", r)
	}
	if got := b.str(`localStorage.getItem("playbook:crm-playbook:draft:v1:final-assessment") || ""`); got != "" {
		t.Errorf("after the submission the draft is kept: %s", got)
	}

	// Opened again, left without an answer until after the deadline: there is nothing to
	// hand in, so nothing is submitted (an empty attempt would stand in place of the real
	// one) and the clock starts afresh.
	b.open(finalEN)
	b.open(progressEN)
	later(65)
	b.open(finalEN)
	if b.visible(".quiz-result") {
		t.Errorf("an exam opened and left empty was submitted: %q", b.text(".quiz-result"))
	}
	if got := b.text(".quiz-timer"); got != "Time left: 1:00:00" && got != "Time left: 59:59" {
		t.Errorf("an exam left empty past its deadline starts its clock at %q, want afresh", got)
	}
	if err := json.Unmarshal([]byte(b.str(`localStorage.getItem("playbook:crm-playbook:progress:v1")`)), &st); err != nil || st.Quizzes["final-assessment"].Attempts != 1 {
		t.Errorf("after an exam left empty past its deadline, the progress is %+v (%v)", st.Quizzes["final-assessment"], err)
	}
}

// TestQuizUnansweredConfirm submits a self-check with questions left empty: the page asks
// first, in the page; "Back to the questions" keeps it unsubmitted and leads to the first
// question left empty, "Submit anyway" submits.
func TestQuizUnansweredConfirm(t *testing.T) {
	s := buildQuizSite(t, pipeline.Learner)
	b := quizTab(t, s, basicsEN)
	b.click(`input[name="tier"][value="platinum"]`)
	b.click(`.quiz-actions button[type="submit"]`)
	if !b.visible(".quiz-confirm") {
		t.Fatal("submitting with five questions empty does not ask")
	}
	if got, want := b.text(".quiz-confirm"), "5 questions are unanswered. Submit anyway? Submit anyway Back to the questions"; got != want {
		t.Errorf("the question reads %q, want %q", got, want)
	}
	if got := b.str(`(g => g.getAttribute("role") + ": " + document.getElementById(g.getAttribute("aria-labelledby")).textContent)(document.querySelector(".quiz-confirm"))`); got != "group: 5 questions are unanswered. Submit anyway?" {
		t.Errorf("the question is labelled %q", got)
	}
	if got := b.str(`document.activeElement.textContent`); got != "Back to the questions" {
		t.Errorf("asking puts the focus on %q, want Back to the questions", got)
	}
	if b.visible(`.quiz-actions button[type="submit"]`) || b.visible(".quiz-result") || b.stored() != nil {
		t.Error("while asking, the submit button shows, or the quiz was submitted")
	}

	b.clickButton("Back to the questions")
	if b.visible(".quiz-confirm") || !b.visible(`.quiz-actions button[type="submit"]`) || b.visible(".quiz-result") || b.stored() != nil {
		t.Error("Back to the questions submitted the quiz or left the question open")
	}
	if got := b.focused(); !strings.HasPrefix(got, "shares=") {
		t.Errorf("Back to the questions leads to %s, want the first question left empty (shares)", got)
	}

	// Escape also goes back.
	b.click(`.quiz-actions button[type="submit"]`)
	b.keys(kb.Escape)
	if b.visible(".quiz-confirm") || b.stored() != nil {
		t.Error("Escape did not close the question, or submitted")
	}

	b.click(`.quiz-actions button[type="submit"]`)
	b.clickButton("Submit anyway")
	b.waitFor(`!document.querySelector(".quiz-result").hidden`, "the result")
	if got := b.text(".result-score"); got != "You scored 1 of 6 points (16.7%)." {
		t.Errorf("Submit anyway gives %q", got)
	}
	if st := b.stored(); st == nil || st.Quizzes["basics-check"].Attempts != 1 {
		t.Error("Submit anyway did not record the attempt")
	}
	if b.visible(".quiz-confirm") {
		t.Error("the question still shows after submitting")
	}

	// Everything answered: no question.
	b.clickButton("Try again")
	answerAllRightByKeyboard(t, b)
	b.waitFor(`!document.querySelector(".quiz-result").hidden`, "the result")
	if got := b.text(".result-score"); got != "You scored 6 of 6 points (100%)." {
		t.Errorf("a complete attempt gives %q", got)
	}
}
