package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"playbook/internal/browsertest"
	"playbook/internal/nodetool"
	"playbook/site/course"
	"playbook/site/diag"
	"playbook/site/export/lms"
	"playbook/site/export/scorm"
	"playbook/site/material"
	"playbook/site/pipeline"
	"playbook/site/quiz"
)

// lmsServer serves a SCORM package's files and the test LMS (testdata/lms with scorm-again's
// runtime) on 127.0.0.1: the runtime cannot be reached across frames from file://.
func lmsServer(t *testing.T, files map[string][]byte) *httptest.Server {
	t.Helper()
	dist := filepath.Join(nodetool.Module(t, "scorm-again"), "dist")
	mux := http.NewServeMux()
	mux.Handle("/scorm-again/", http.StripPrefix("/scorm-again/", http.FileServer(http.Dir(dist))))
	for _, name := range []string{"lms.html", "lms-driver.js"} {
		mux.HandleFunc("/"+name, func(w http.ResponseWriter, r *http.Request) {
			http.ServeFile(w, r, filepath.Join("testdata", "lms", name))
		})
	}
	mux.HandleFunc("/course/", func(w http.ResponseWriter, r *http.Request) {
		data, ok := files[strings.TrimPrefix(r.URL.Path, "/course/")]
		if !ok {
			http.NotFound(w, r)
			return
		}
		http.ServeContent(w, r, path.Base(r.URL.Path), time.Time{}, strings.NewReader(string(data)))
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

// waitFor polls the JavaScript expression in the test LMS until it is true.
func waitFor(t *testing.T, ctx context.Context, expr, what string) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](expr)); err == nil && ok {
			return
		}
		if err := chromedp.Do(ctx, chromedp.Sleep(50*time.Millisecond)); err != nil {
			t.Fatalf("waiting for %s: %v", what, err)
		}
	}
	t.Fatalf("waited 20s for %s (%s)", what, expr)
}

// TestSCORMRuntime runs Day 10 (the biggest day, with the final assessment) of the bundled
// course in a test LMS with scorm-again's runtime, in each version: view every page, take
// both quizzes, come back to the second lesson, leave; then relaunch with the data the LMS
// kept and check the SCO resumes where the learner was, with the progress restored.
func TestSCORMRuntime(t *testing.T) {
	res := pipeline.Build(os.DirFS(repoRoot), pipeline.Options{})
	if res.Diags.HasErrors() {
		t.Fatalf("building the course: %s", diagText(res.Diags))
	}
	units, err := lms.Units(res.Manifest, "en", []int{10})
	if err != nil {
		t.Fatal(err)
	}
	var ds diag.List
	questions := map[string]int{}
	for _, q := range material.Of[*quiz.Quiz](course.Load(os.DirFS(repoRoot), &ds).Materials) {
		if q.Day == 10 {
			questions[q.ID] = len(q.Questions)
		}
	}
	for _, v := range scorm.Versions {
		t.Run(v.Name, func(t *testing.T) {
			files, err := scorm.Files(res, scorm.Options{Version: v, Lang: "en", Days: []int{10}})
			if err != nil {
				t.Fatal(err)
			}
			srv := lmsServer(t, files)
			ctx := chrome.Tab(t)
			problems := browsertest.CollectProblems(t, ctx)
			requests := browsertest.RecordRequests(t, ctx)
			browsertest.Open(t, ctx, srv.URL+"/lms.html")
			first := runDay(t, ctx, v.Name, units[0], nil)
			best := browsertest.Eval[float64](t, ctx, fmt.Sprintf(`JSON.parse(localStorage.getItem("playbook:%s:progress:v1")).quizzes["day-10-self-check"].best.percent`, res.Manifest.Site))
			checkRecord(t, v.Name, units[0], first, best, questions)
			resumed := runDay(t, ctx, v.Name, units[0], first)
			if got, want := field(resumed, v.Name, "location"), field(first, v.Name, "location"); got != want {
				t.Errorf("after the relaunch the location is %q, want %q", got, want)
			}
			problems.Check(t, "the SCO in the test LMS")
			if out := requests.Outside(srv.URL + "/"); len(out) > 0 {
				t.Errorf("the SCO asked another host for %v", out)
			}
		})
	}
}

// runDay launches unit u in the test LMS: fresh when stored is nil, then it views every page
// in order, takes every quiz and ends on the second lesson; else with the data model stored
// (as the LMS keeps it for a learner who left with exit "suspend"), and it checks that the
// SCO opens where the learner was with every page ticked. It leaves and returns the data
// model the runtime recorded.
func runDay(t *testing.T, ctx context.Context, version string, u lms.Unit, stored map[string]any) map[string]any {
	t.Helper()
	arg := "null"
	if stored != nil {
		data, err := json.Marshal(resumeModel(version, stored))
		if err != nil {
			t.Fatal(err)
		}
		arg = string(data)
	}
	browsertest.Eval[any](t, ctx, fmt.Sprintf(`lms.launch(%q, "/course/%s", %s)`, version, u.Launch(), arg))
	waitFor(t, ctx, `lms.status() === "Your progress is recorded."`, "the SCO to find the LMS")
	showing := func(p string) string { return fmt.Sprintf(`lms.page() === %q`, "/course/"+p) }
	if stored != nil {
		waitFor(t, ctx, showing(field(stored, version, "location")), "the SCO to resume at the location")
		if ticks := browsertest.Eval[[]bool](t, ctx, `lms.ticks()`); strings.Contains(fmt.Sprint(ticks), "false") {
			t.Errorf("after the relaunch the pages viewed are %v, want every one", ticks)
		}
	} else {
		for i, p := range u.Pages {
			browsertest.Eval[any](t, ctx, fmt.Sprintf(`lms.show(%d)`, i))
			waitFor(t, ctx, fmt.Sprintf(`%s && lms.ticks()[%d]`, showing(p.Path), i), p.Path+" ticked as viewed")
			if browsertest.Eval[bool](t, ctx, `Boolean(document.getElementById("sco").contentWindow.document.querySelector(".lms-frame").contentDocument.querySelector(".quiz-form"))`) {
				before := browsertest.Eval[string](t, ctx, `lms.record().interactions ? JSON.stringify(lms.record().interactions) : ""`)
				browsertest.Eval[any](t, ctx, `lms.takeQuiz()`)
				waitFor(t, ctx, fmt.Sprintf(`JSON.stringify(lms.record().interactions || "") !== %q`, before), "the quiz's interactions")
			}
		}
		browsertest.Eval[any](t, ctx, `lms.show(2)`)
		waitFor(t, ctx, showing(u.Pages[2].Path), "the second lesson")
	}
	browsertest.Eval[any](t, ctx, `lms.leave()`)
	waitFor(t, ctx, `lms.finished`, "the SCO to end its session")
	return browsertest.Eval[map[string]any](t, ctx, `lms.record()`)
}

// names are where each version keeps what the tests read, as paths into the JSON of the
// data model.
var names = map[string]map[string]string{
	"1.2": {
		"location": "core.lesson_location", "status": "core.lesson_status", "raw": "core.score.raw",
		"min": "core.score.min", "max": "core.score.max", "suspend": "suspend_data", "entry": "core.entry",
		"exit": "core.exit", "time": "core.session_time", "response": "student_response",
	},
	"2004": {
		"location": "location", "status": "completion_status", "success": "success_status", "raw": "score.raw",
		"min": "score.min", "max": "score.max", "scaled": "score.scaled", "suspend": "suspend_data",
		"entry": "entry", "exit": "exit", "time": "session_time", "response": "learner_response",
	},
}

// lookup follows a dotted path into JSON.
func lookup(m map[string]any, dotted string) any {
	var v any = m
	for _, k := range strings.Split(dotted, ".") {
		o, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = o[k]
	}
	return v
}

// field is the text of what names calls name in the data model of version.
func field(m map[string]any, version, name string) string {
	v := lookup(m, "cmi."+names[version][name])
	if v == nil {
		return ""
	}
	return fmt.Sprint(v)
}

// resumeModel is what the LMS gives the SCO on the next launch: the data model it kept,
// with the entry "resume" (the SCO left with exit "suspend"), without the last session's
// time and the interactions (write-only journal in 1.2).
func resumeModel(version string, stored map[string]any) map[string]any {
	keep := map[string]any{}
	for _, name := range []string{"location", "status", "success", "raw", "min", "max", "scaled", "suspend"} {
		if p, ok := names[version][name]; ok && lookup(stored, "cmi."+p) != nil && lookup(stored, "cmi."+p) != "" {
			set(keep, p, lookup(stored, "cmi."+p))
		}
	}
	set(keep, names[version]["entry"], "resume")
	return keep
}

// set puts v at a dotted path of m.
func set(m map[string]any, dotted string, v any) {
	keys := strings.Split(dotted, ".")
	for _, k := range keys[:len(keys)-1] {
		if _, ok := m[k].(map[string]any); !ok {
			m[k] = map[string]any{}
		}
		m = m[k].(map[string]any)
	}
	m[keys[len(keys)-1]] = v
}

// checkRecord checks what the LMS recorded after the first session of unit u: best is the
// self-check's best percent as the quiz page kept it, questions the number of questions of
// each quiz of the day.
func checkRecord(t *testing.T, version string, u lms.Unit, m map[string]any, best float64, questions map[string]int) {
	t.Helper()
	want := map[string]string{
		"location": u.Pages[2].Path, "raw": fmt.Sprint(int(best)), "min": "0", "max": "100", "exit": "suspend",
		"status": map[string]string{"1.2": "passed", "2004": "completed"}[version],
	}
	if version == "2004" {
		want["success"], want["scaled"] = "passed", fmt.Sprint(float64(int(best))/100)
	}
	for name, w := range want {
		if got := field(m, version, name); got != w {
			t.Errorf("SCORM %s: %s is %q, want %q", version, names[version][name], got, w)
		}
	}
	if tm := field(m, version, "time"); !regexp.MustCompile(`^(\d{2,4}:\d{2}:\d{2}|PT\d+S)$`).MatchString(tm) {
		t.Errorf("SCORM %s: session time %q", version, tm)
	}
	suspend := field(m, version, "suspend")
	if n := lms.SuspendBound(len(u.Pages)); len(suspend) > n || n > lms.SuspendLimit {
		t.Errorf("suspend data %q is longer than its bound %d (or the bound than %d)", suspend, n, lms.SuspendLimit)
	}
	if !strings.HasPrefix(suspend, "1;_P;") || !regexp.MustCompile(`;\d+:`+fmt.Sprint(int(best))+`,\d+:x;`).MatchString(suspend) {
		t.Errorf("suspend data %q: want every one of the 10 pages viewed (_P), the self-check's best and the exam taken", suspend)
	}
	checkInteractions(t, version, m, questions)
}

// checkInteractions checks the interactions the quizzes of the day left: one per question,
// typed, with the learner's response; results for the self-check only (the exam's page
// cannot score it), the first question wrong.
func checkInteractions(t *testing.T, version string, m map[string]any, questions map[string]int) {
	t.Helper()
	all, _ := lookup(m, "cmi.interactions").(map[string]any)
	count := map[string]int{}
	types := map[string]bool{"choice": true, "true-false": true, "sequencing": true, "matching": true, "fill-in": version == "1.2", "long-fill-in": version == "2004"}
	for _, v := range all {
		x, _ := v.(map[string]any)
		quizID, _, _ := strings.Cut(fmt.Sprint(x["id"]), ".")
		count[quizID]++
		if !types[fmt.Sprint(x["type"])] {
			t.Errorf("interaction %v has the type %v", x["id"], x["type"])
		}
		if x[names[version]["response"]] == "" {
			t.Errorf("interaction %v has no response", x["id"])
		}
		if graded := quizID == "day-10-self-check"; graded == (x["result"] == "") {
			t.Errorf("interaction %v has the result %q", x["id"], x["result"])
		}
	}
	for q, n := range questions {
		if count[q] != n {
			t.Errorf("quiz %s left %d interactions, want %d (one per question)", q, count[q], n)
		}
	}
	if first, _ := lookup(m, "cmi.interactions.0.result").(string); first == "correct" {
		t.Errorf("the first question, answered wrongly, has the result %q", first)
	}
}

// TestSCORMPackageFromDisk opens a package's pages from disk, as a learner who unzips it
// would: they are the static site's pages, readable without the wrapper, and a quiz scores
// and keeps its attempt as on the site (its event goes nowhere).
func TestSCORMPackageFromDisk(t *testing.T) {
	res := pipeline.Build(os.DirFS(repoRoot), pipeline.Options{})
	if res.Diags.HasErrors() {
		t.Fatalf("building the course: %s", diagText(res.Diags))
	}
	files, err := scorm.Files(res, scorm.Options{Version: scorm.Versions[0], Lang: "en", Days: []int{1}})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, p := range res.Site.Paths() {
		if want, _ := res.Site.Get(p); string(files[p]) != string(want) {
			t.Errorf("the package's %s is not the site's", p)
		}
	}
	ctx := chrome.Tab(t)
	problems := browsertest.CollectProblems(t, ctx)
	units, _ := lms.Units(res.Manifest, "en", []int{1})
	for _, p := range units[0].Pages {
		browsertest.Open(t, ctx, browsertest.SiteURL(dir, p.Path))
		if h1 := browsertest.Eval[string](t, ctx, `document.querySelector("main h1")?.textContent.trim() || ""`); h1 == "" {
			t.Errorf("%s shows no heading from disk", p.Path)
		}
	}
	browsertest.Open(t, ctx, browsertest.SiteURL(dir, "en/quizzes/day-01-self-check.html"))
	if sent := browsertest.Eval[bool](t, ctx, `Playbook.page.emit("quiz", {})`); sent {
		t.Error("a page opened from disk sent an event")
	}
	browsertest.Eval[any](t, ctx, `document.querySelector(".quiz-form input").checked = true; document.querySelector(".quiz-form").requestSubmit()`)
	browsertest.Eval[any](t, ctx, `document.querySelector(".quiz-confirm .button.primary")?.click()`)
	waitFor(t, ctx, fmt.Sprintf(`Boolean(JSON.parse(localStorage.getItem("playbook:%s:progress:v1") || "{}").quizzes?.["day-01-self-check"])`, res.Manifest.Site), "the attempt kept in the browser")
	problems.Check(t, "the package's pages from disk")

	// The wrapper opened without an LMS says so; its encoding of the fullest progress (every
	// page viewed, every page a quiz and a scenario with the longest end kept) stays within
	// the bound the export checks against SCORM 1.2's 4,096 characters.
	browsertest.Open(t, ctx, browsertest.SiteURL(dir, "lms/day-01.html"))
	waitFor(t, ctx, `document.querySelector(".lms-status").textContent === "No LMS found: your progress is not recorded."`, "the wrapper's word without an LMS")
	for _, n := range []int{len(units[0].Pages), 10, 64, 74} {
		got := browsertest.Eval[int](t, ctx, fmt.Sprintf(`(() => {
			const core = Playbook.lmsCore, s = core.emptyState();
			for (let i = 0; i < %d; i++) { s.viewed.add(i); s.quizzes.set(i, 100); s.scenarios.set(i, { percent: 100, end: "e".repeat(40) }); }
			const text = core.encode(s, %[1]d), back = core.decode(text, %[1]d);
			return back.viewed.size === %[1]d && back.quizzes.size === %[1]d && back.scenarios.size === %[1]d ? text.length : -1;
		})()`, n))
		if bound := lms.SuspendBound(n); got < 0 || got > bound {
			t.Errorf("the fullest progress of %d pages takes %d characters (-1: it does not read back), more than its bound %d", n, got, bound)
		}
	}
	if lms.SuspendBound(74) > lms.SuspendLimit {
		t.Errorf("a unit of 74 pages could take %d characters", lms.SuspendBound(74))
	}
}
