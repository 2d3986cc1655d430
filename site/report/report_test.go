package report

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"playbook/site/course"
	"playbook/site/diag"
	"playbook/site/pipeline"
	"playbook/site/report/collect"
	"playbook/site/report/progress"
)

const testCourse = "testdata/course"

// loadCourse loads the test course, which must have no errors.
func loadCourse(t testing.TB) (*course.Course, string) {
	t.Helper()
	var diags diag.List
	c := course.Load(os.DirFS(testCourse), &diags)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	return c, pipeline.SiteKey(c.Config)
}

// classReport makes the report of testdata/class, the files in the order a shell glob
// gives: a good file, a learner on two computers, a copy, corrupt JSON, another course's
// file, tampered scores and a file of an earlier quiz version without a learner's name.
func classReport(t testing.TB, lang string) *Report {
	t.Helper()
	files, err := filepath.Glob("testdata/class/*.json")
	if err != nil || len(files) != 8 {
		t.Fatalf("testdata/class: %d files, %v", len(files), err)
	}
	c, key := loadCourse(t)
	return Make(c, key, lang, collect.ReadPaths(files))
}

func TestClassFigures(t *testing.T) {
	r := classReport(t, "en")
	if got := r.Summary(); got != "5 files merged into 4 learners, 3 skipped" {
		t.Errorf("summary %q", got)
	}
	var lines []string
	for _, p := range r.Problems() {
		lines = append(lines, p.String())
	}
	want := []string{
		"testdata/class/broken.json:4:3: skipped: not JSON: invalid character '\"' after object key:value pair",
		"testdata/class/copy-of-ana.json: skipped: duplicate of testdata/class/ana.json (the same content)",
		`testdata/class/dan.json:8:21: skipped quiz "basics-check" (the rest of the file is used): best attempt: percent 95 does not match earned/max = 3/6 (50%)`,
		`testdata/class/dan.json:65:17: note: quiz "old-quiz" is not in the course (any more); ignored`,
		`testdata/class/eve-laptop.json:7:21: note: quiz "basics-check": results of "gone" ignored: no such scored question in the quiz (any more)`,
		`testdata/class/other-course.json: skipped: not a progress file of this course (site is "other-course", this course is "test-course")`,
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
	var names []string
	for _, l := range r.Learners {
		names = append(names, l.Name)
	}
	if got := strings.Join(names, ", "); got != "Ana Lima, Bo Chen, Dan, eve-laptop" {
		t.Errorf("learners %s", got)
	}
	bo := r.Learners[1].Quizzes[0]
	if len(r.Learners[1].Files) != 2 || bo.Attempts != 3 || bo.Best != 80.6 || bo.Status != Passed || bo.LastDate.Format("15:04") != "09:20" {
		t.Errorf("Bo's two computers merged wrongly: %+v", bo)
	}
	dan := r.Learners[2]
	if dan.Quizzes[0].Status != NotStarted || !dan.Quizzes[0].EntrySkipped || dan.Quizzes[1].Status != Passed || dan.ExamsPassed != 1 {
		t.Errorf("Dan: the tampered entry must be left out and the rest kept: %+v %+v", dan.Quizzes[0], dan.Quizzes[1])
	}
	eve := r.Learners[3]
	if !eve.FromFileName || !eve.Quizzes[0].EarlierVersion || eve.Quizzes[0].Status != Failed {
		t.Errorf("eve: %+v %+v", eve, eve.Quizzes[0])
	}
	basics := r.Quizzes[0]
	if basics.Attempted != 3 || basics.Passed != 2 || basics.Mean != 70.8 || basics.Median != 80.6 {
		t.Errorf("basics-check figures: %+v", basics)
	}
	var reteach []string
	for _, q := range r.Reteach {
		reteach = append(reteach, q.ID)
	}
	// Ana's exam, graded by the report, misses q1, q2, q4 and q5 (1 of 2 learners each).
	if got := strings.Join(reteach, " "); got != "shares match q1 q2 q4 q5 table" {
		t.Errorf("re-teach order %q, want shares match q1 q2 q4 q5 table (50%% each, then 33%%)", got)
	}
	if ref := r.Reteach[0].Reference; ref != "First lesson › Part two" {
		t.Errorf("reference %q", ref)
	}
	if r.AllSelfChecks() != 2 || r.AllExams() != 1 || !r.Latest.Equal(mustTime("2026-11-25T11:00:00Z")) {
		t.Errorf("all self-checks %d, all exams %d, latest %v", r.AllSelfChecks(), r.AllExams(), r.Latest)
	}
}

// TestExamGraded checks that an exam taken in the learner edition (stored "submitted, not
// scored", with the page's ids) is graded from the key with the page's rules, and that its
// review words every answer beside the key; an exam the page scored is reviewed, not
// re-graded.
func TestExamGraded(t *testing.T) {
	r := classReport(t, "en")
	ana, dan := r.Learners[0], r.Learners[2]
	exam := ana.Quizzes[1]
	if !exam.Graded || exam.Status != Failed || exam.Best != 47.2 {
		t.Errorf("Ana's exam: %+v, want graded, not passed, 47.2%%", exam)
	}
	if len(ana.Reviews) != 1 || len(dan.Reviews) != 1 {
		t.Fatalf("reviews: Ana %d, Dan %d", len(ana.Reviews), len(dan.Reviews))
	}
	rv := ana.Reviews[0]
	if !rv.Graded || math.Abs(rv.Earned-17.0/6) > 1e-9 || rv.Max != 6 || rv.Percent != 47.2 || rv.Passed {
		t.Errorf("Ana's review: %+v", rv)
	}
	want := []struct {
		result     progress.Result
		earned     float64
		given, key string
	}{
		{progress.Wrong, 0, "B", "A"},
		{progress.Partly, 1, "Platinum", "Platinum | Gold"},
		{progress.Right, 1, "true", "true"},
		{progress.Partly, 1.0 / 3, "Platinum | Iron | Gold", "Platinum | Gold | Iron"},
		{progress.Partly, 0.5, "Platinum → 1% | Gold → 50%", "Platinum → 1% | Gold → 4%"},
	}
	for i, w := range want {
		it := rv.Items[i]
		if it.Result != w.result || math.Abs(it.Earned-w.earned) > 1e-9 || strings.Join(it.Given, " | ") != w.given || strings.Join(it.Key, " | ") != w.key {
			t.Errorf("question %s: %s %v given %q key %q; want %s %v %q %q", it.ID, it.Result, it.Earned, it.Given, it.Key, w.result, w.earned, w.given, w.key)
		}
	}
	if d := dan.Reviews[0]; d.Graded || d.Percent != 100 || dan.Quizzes[1].Graded || dan.Quizzes[1].Best != 100 {
		t.Errorf("Dan's exam, scored by the page: review %+v, result %+v", d, dan.Quizzes[1])
	}
}

// TestExamOfEarlierVersionNotGraded checks that an exam submitted on another version of the
// quiz (whose option ids may mean other options) stays "submitted, not scored".
func TestExamOfEarlierVersionNotGraded(t *testing.T) {
	c, key := loadCourse(t)
	data, err := os.ReadFile("testdata/class/ana.json")
	if err != nil {
		t.Fatal(err)
	}
	data = bytes.ReplaceAll(data, []byte(`"36scn8"`), []byte(`"old1"`))
	r := Make(c, key, "en", []collect.Input{{Path: "ana.json", Data: data}})
	if lq := r.Learners[0].Quizzes[1]; lq.Graded || lq.Status != Submitted || !lq.EarlierVersion || len(r.Learners[0].Reviews) != 0 {
		t.Errorf("exam of an earlier version: %+v", lq)
	}
}

// TestTampered runs every file of testdata/tampered: each is a valid progress file with
// one quiz entry whose scores contradict themselves or the quiz. Only that entry is left
// out; the file is merged.
func TestTampered(t *testing.T) {
	tests := map[string]string{
		"percent-mismatch":        "last attempt: percent 92.2 does not match earned/max = 4.3333/6 (72.2%)",
		"earned-over-max":         "best attempt: earned 7 is more than max 6",
		"percent-over-100":        "best attempt: percent 101 is not between 0 and 100",
		"passed-below-mark":       "last attempt: passed is true, but 50% is below the pass mark of 60%",
		"failed-above-mark":       "best attempt: passed is false, but 83.3% reaches the pass mark of 60%",
		"points-sum":              "last attempt: the points per question add up to 3.3333, not to earned 4.3333",
		"max-not-the-quiz":        "best attempt: max is 10, but the quiz has 6 points",
		"counts-over-attempts":    `question "tier" has 3 results in 2 attempts`,
		"question-over-points":    `last attempt: question "tier" earned 2 of its 1 points`,
		"points-unknown-question": `last attempt: points for question "think", which the quiz does not score`,
		"last-better-than-best":   "the last attempt (72.2%) scored more than the best (66.7%)",
		"attempts-zero":           "attempts is 0, but the entry holds an attempt",
		"no-last":                 "attempts is 2, but the entry has no last attempt",
	}
	c, key := loadCourse(t)
	files, _ := filepath.Glob("testdata/tampered/*.json")
	if len(files) != len(tests) {
		t.Errorf("%d files in testdata/tampered, %d cases in the table", len(files), len(tests))
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".json")
		t.Run(name, func(t *testing.T) {
			r := Make(c, key, "en", collect.ReadPaths([]string{file}))
			if r.Merged != 1 || r.Skipped != 0 || len(r.Learners) != 1 {
				t.Fatalf("the file must be merged: %s", r.Summary())
			}
			want := file + `:8:21: skipped quiz "basics-check" (the rest of the file is used): ` + tests[name]
			if p := r.Problems(); len(p) != 1 || p[0].String() != want || p[0].Kind != collect.Inconsistent {
				t.Errorf("problems %v\nwant %s", p, want)
			}
			if lq := r.Learners[0].Quizzes[0]; lq.Status != NotStarted || !lq.EntrySkipped {
				t.Errorf("the entry was used: %+v", lq)
			}
		})
	}
	// The untouched file passes every check.
	r := Make(c, key, "en", collect.ReadPaths([]string{"progress/testdata/good/full.json"}))
	if len(r.Problems()) != 0 || r.Learners[0].Quizzes[0].Status != Passed {
		t.Errorf("the good file: %v", r.Problems())
	}
}

// TestDuplicates gives the same file by the same path, by another path, as a byte-identical
// copy and as the same export written differently: each is merged once.
func TestDuplicates(t *testing.T) {
	dir := t.TempDir()
	good, err := os.ReadFile("progress/testdata/good/full.json")
	if err != nil {
		t.Fatal(err)
	}
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	a := write("gil.json", good)
	copyPath := write("gil-copy.json", good)
	compact := write("gil-compact.json", []byte(strings.Join(strings.Fields(string(good)), " ")))
	later := write("gil-later.json", bytes.Replace(good, []byte(`"exported": "2026-11-25T10:00:00.000Z"`), []byte(`"exported": "2026-11-26T10:00:00.000Z"`), 1))
	c, key := loadCourse(t)
	r := Make(c, key, "en", collect.ReadPaths([]string{a, a, filepath.Join(dir, ".", "gil.json"), copyPath, compact, later}))
	var got []string
	for _, p := range r.Problems() {
		got = append(got, strings.TrimPrefix(p.String(), dir+string(filepath.Separator)))
	}
	want := []string{
		"gil.json: skipped: duplicate of " + a + " (the same file)",
		filepath.Join(".", "gil.json") + ": skipped: duplicate of " + a + " (the same file)",
		"gil-copy.json: skipped: duplicate of " + a + " (the same content)",
		"gil-compact.json: skipped: duplicate of " + a + " (the same learner, export time, quizzes and role-plays)",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// Another export of the same learner is not a duplicate: it is merged, and its attempts
	// add up, as importing it on the progress page would.
	if r.Merged != 2 || r.Skipped != 4 || len(r.Learners) != 1 || r.Learners[0].Quizzes[0].Attempts != 4 {
		t.Errorf("%s; attempts %d", r.Summary(), r.Learners[0].Quizzes[0].Attempts)
	}
}

func TestReadPaths(t *testing.T) {
	dir := t.TempDir()
	for name, data := range map[string]string{"b.json": "{}", "a.json": "[]", "c.CSV": "x,y", "notes.txt": "x", ".hidden.json": "{}"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(filepath.Join(dir, "sub.json"), 0o755); err != nil {
		t.Fatal(err)
	}
	empty := t.TempDir()
	big := filepath.Join(t.TempDir(), "big.json")
	if err := os.WriteFile(big, make([]byte, collect.MaxFileSize+1), 0o644); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(dir, "missing.json")
	inputs := collect.ReadPaths([]string{dir, empty, big, missing, filepath.Join(dir, "sub.json")})
	var got []string
	for _, in := range inputs {
		s := in.Path
		if in.Err != nil {
			s += ": " + in.Err.Error()
		} else {
			s += " " + string(in.Data)
		}
		got = append(got, s)
	}
	want := []string{
		filepath.Join(dir, "a.json") + " []",
		filepath.Join(dir, "b.json") + " {}",
		filepath.Join(dir, "c.CSV") + " x,y",
		empty + ": the folder holds no .json or .csv files",
		big + ": the file is larger than 8 MB; a progress file is a few kilobytes",
		missing + ": cannot read the file: no such file or directory",
		filepath.Join(dir, "sub.json") + ": the folder holds no .json or .csv files",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	c, key := loadCourse(t)
	r := Make(c, key, "en", inputs)
	if r.Merged != 0 || r.Skipped != 6 || r.Files[2].Skipped.Kind != collect.Unreadable || r.Files[0].Skipped.Kind != collect.Malformed {
		t.Errorf("%s: %v", r.Summary(), r.Problems())
	}
}

func mustTime(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}
