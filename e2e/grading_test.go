package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"playbook/internal/browsertest"
	"playbook/site/course"
	"playbook/site/diag"
	"playbook/site/output"
	"playbook/site/pipeline"
	"playbook/site/report"
	"playbook/site/report/collect"
)

// gradingCourse copies the quiz test course with the exam of the report tests, which has a
// question of every scored type, and returns its folder.
func gradingCourse(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "course")
	if err := os.CopyFS(dir, os.DirFS(quizCourse)); err != nil {
		t.Fatal(err)
	}
	exam, err := os.ReadFile("../site/report/testdata/course/quizzes/final.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "quizzes", "final.yaml"), exam, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// buildSiteOf builds one edition of the course in src into a temporary folder.
func buildSiteOf(t *testing.T, src string, edition pipeline.Edition) *site {
	t.Helper()
	res := pipeline.Build(os.DirFS(src), pipeline.Options{Edition: edition})
	if res.Diags.HasErrors() {
		t.Fatalf("building the %s edition of %s failed:\n%s", edition, src, diagText(res.Diags))
	}
	dir := filepath.Join(t.TempDir(), string(edition))
	if err := output.Write(res.Site, dir); err != nil {
		t.Fatal(err)
	}
	var ds diag.List
	return &site{dir: dir, root: browsertest.SiteRoot(dir), course: course.Load(os.DirFS(src), &ds)}
}

// TestExamGradedByReportAndTrainer takes the exam in the learner edition (its page has no
// key, so it only saves the answers), exports the progress, and has it graded twice: by
// playbook report and by the trainer edition's progress page after importing the file. Both
// give the same score, and the trainer's page offers the certificate by the exam route.
func TestExamGradedByReportAndTrainer(t *testing.T) {
	src := gradingCourse(t)
	learner := buildSiteOf(t, src, pipeline.Learner)
	trainer := buildSiteOf(t, src, pipeline.Trainer)

	b := quizTab(t, learner, examEN)
	if n := b.count("#pb-keys, [data-answer]"); n != 0 {
		t.Fatalf("the learner's exam page carries %d keys", n)
	}
	// Answer as a person would, by the words on screen: everything right except one of the
	// two tiers of the select-all question (5 of 6 points, 83.3%).
	b.do("choosing A", chromedp.Click(`//li[@data-question="q1"]//label[normalize-space()="A"]`))
	b.do("choosing Platinum", chromedp.Click(`//li[@data-question="q2"]//label[normalize-space()="Platinum"]`))
	b.do("choosing True", chromedp.Click(`//li[@data-question="q3"]//label[normalize-space()="True"]`))
	for i, item := range []string{"platinum", "gold", "iron"} {
		b.run(`(s => { s.value = "` + string(rune('1'+i)) + `"; s.dispatchEvent(new Event("change", {bubbles: true})); })(document.querySelector('select[name="q4:` + item + `"]'))`)
	}
	for term, match := range map[string]string{"Platinum": "1%", "Gold": "4%"} {
		b.run(`(() => {
			const row = Array.from(document.querySelectorAll('li[data-question="q5"] .match-row')).find(r => r.textContent.includes(` + jsString(term) + `));
			const sel = row.querySelector("select");
			sel.value = Array.from(sel.options).find(o => o.textContent.trim() === ` + jsString(match) + `).value;
			sel.dispatchEvent(new Event("change", {bubbles: true}));
		})()`)
	}
	b.clickButton("Finish and save my answers")
	b.waitFor(`document.querySelector(".quiz-result")?.textContent.includes("saved")`, "the exam saved")
	exported := b.str(`JSON.stringify(Playbook.quizCore.exportStore(JSON.parse(localStorage.getItem("` + storeKey + `"))))`)
	if !strings.Contains(exported, `"scored":false`) {
		t.Fatalf("the exam attempt was not stored unscored: %s", exported)
	}

	// playbook report grades it from the key.
	r := report.Make(learner.course, "test-course", "en", []collect.Input{{Path: "ana.json", Data: []byte(exported)}})
	if len(r.Learners) != 1 {
		t.Fatalf("report: %s", r.Summary())
	}
	graded := r.Learners[0].Quizzes[1]
	if !graded.Graded || graded.Status != report.Passed || graded.Best != 83.3 {
		t.Fatalf("the report grades the exam %+v, want passed with 83.3%%", graded)
	}

	// The trainer edition's progress page grades the imported file the same way.
	tb := quizTab(t, trainer, progressEN)
	path := filepath.Join(t.TempDir(), "ana.json")
	if err := os.WriteFile(path, []byte(exported), 0o644); err != nil {
		t.Fatal(err)
	}
	tb.do("importing", chromedp.SetUploadFiles(chromedp.CSS(`input[data-action="import"]`), []string{path}))
	tb.waitFor(`document.querySelector('tr[data-progress-quiz="final-exam"]').dataset.graded === "true"`, "the graded exam")
	if got := tb.texts(`tr[data-progress-quiz="final-exam"] td`); got[0] != "Passed · graded from the key" || got[1] != "83.3%" {
		t.Errorf("the trainer's progress page shows the exam as %q, want passed, 83.3%% like the report", got)
	}
	if got := tb.text(".certificate-status"); !strings.Contains(strings.ToLower(got), "assessment") {
		t.Errorf("the certificate says %q, want the exam route", got)
	}
	if tb.visible(".certificate-form") == false {
		t.Error("the certificate form is hidden although the exam was passed")
	}
	// The store keeps what the learner's page recorded: grading is the trainer's reading.
	if st := tb.stored(); st == nil || st.Quizzes["final-exam"].Best != nil {
		t.Errorf("grading changed the stored progress: %+v", st.Quizzes["final-exam"])
	}

	// The learner edition's progress page cannot grade: it has no key.
	b.open(progressEN)
	if got := b.texts(`tr[data-progress-quiz="final-exam"] td`); got[0] != "Submitted" {
		t.Errorf("the learner's progress page shows the exam as %q", got)
	}
}
