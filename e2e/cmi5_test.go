package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"playbook/internal/browsertest"
	"playbook/internal/nodetool"
	"playbook/site/export/cmi5"
	"playbook/site/export/lms"
	"playbook/site/pipeline"
)

const (
	cmi5Category = "https://w3id.org/xapi/cmi5/context/categories/cmi5"
	moveOnCat    = "https://w3id.org/xapi/cmi5/context/categories/moveon"
	sessionExt   = "https://w3id.org/xapi/cmi5/context/extensions/sessionid"
	masteryExt   = "https://w3id.org/xapi/cmi5/context/extensions/masteryscore"
)

// cmi5Launch is what the test LMS launches an AU with.
type cmi5Launch struct {
	actor        map[string]any
	registration string
	activityID   string
	au           cmi5AU
}

// cmi5AU is an AU of cmi5.xml, as the LMS imported it.
type cmi5AU struct {
	ID      string  `xml:"id,attr"`
	MoveOn  string  `xml:"moveOn,attr"`
	Mastery float64 `xml:"masteryScore,attr"`
	URL     string  `xml:"url"`
}

// TestCMI5Runtime runs Day 1 of the bundled course's cmi5 package as an LMS would: the
// wrapper is launched with the cmi5 parameters, the learner views every page, takes the
// self-check and leaves; then comes back in a second session of the same registration.
// The statements the test LRS received are checked against the xAPI schema
// (@learninglocker/xapi-validation) and the cmi5 rules; the wrapper may connect to the
// LRS's origin only.
func TestCMI5Runtime(t *testing.T) {
	res := pipeline.Build(os.DirFS(repoRoot), pipeline.Options{})
	if res.Diags.HasErrors() {
		t.Fatalf("building the course: %s", diagText(res.Diags))
	}
	files, err := cmi5.Files(res, cmi5.Options{Lang: "en", Days: []int{1}})
	if err != nil {
		t.Fatal(err)
	}
	var structure struct {
		AUs []cmi5AU `xml:"au"`
	}
	if err := xml.Unmarshal(files["cmi5.xml"], &structure); err != nil || len(structure.AUs) != 1 {
		t.Fatalf("reading cmi5.xml: %v (%d AUs)", err, len(structure.AUs))
	}
	units, _ := lms.Units(res.Manifest, "en", []int{1})
	srv := lmsServer(t, files)
	lrs := newLRS(t, srv.URL)
	in := cmi5Launch{
		actor:        map[string]any{"objectType": "Agent", "name": "Ana", "account": map[string]any{"homePage": "https://lms.example.org", "name": "ana-1"}},
		registration: "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b",
		activityID:   "https://lms.example.org/activities/crm/day-01",
		au:           structure.AUs[0],
	}
	ctx := chrome.Tab(t)
	problems := browsertest.CollectProblems(t, ctx)
	requests := browsertest.RecordRequests(t, ctx)
	browsertest.Open(t, ctx, srv.URL+"/lms.html")

	runAU(t, ctx, srv.URL, lrs, in, units[0], "session-1")
	first := len(lrs.received())
	last := browsertest.Eval[string](t, ctx, `lms.lastPage || ""`)
	problems.Check(t, "the AU in the test LMS")
	resumeAU(t, ctx, srv.URL, lrs, in, units[0], "session-2", last)
	checkWrapperConnects(t, ctx, srv.URL, lrs.URL)
	leave(t, ctx, lrs, "session-2")
	problems.Reset() // the request the policy blocked

	sts := lrs.received()
	t.Logf("the LRS received %d statements: %v (the first session %d)", len(sts), verbsOf(sts), first)
	validateStatements(t, lrs)
	checkCMI5Rules(t, sts, in, []string{"session-1", "session-2"})
	if lrs.problems != nil {
		t.Errorf("the LRS saw protocol problems: %v", lrs.problems)
	}
	if out := requests.Outside(srv.URL+"/", lrs.URL+"/"); len(out) > 0 {
		t.Errorf("the AU asked another host for %v", out)
	}
}

// launchURL is the AU's launch URL with the cmi5 parameters, as the LMS builds it.
func launchURL(base string, lrs *testLRS, in cmi5Launch) string {
	actor, _ := json.Marshal(in.actor)
	q := url.Values{
		"endpoint": {lrs.URL + "/xapi/"}, "fetch": {lrs.URL + "/fetch"}, "actor": {string(actor)},
		"registration": {in.registration}, "activityId": {in.activityID},
	}
	return base + "/course/" + in.au.URL + "?" + q.Encode()
}

// start launches the AU for a new session and waits for it to find the LMS.
func start(t *testing.T, ctx context.Context, base string, lrs *testLRS, in cmi5Launch, session string) {
	t.Helper()
	lrs.launch("token-"+session, in.registration, map[string]any{
		"contextTemplate": map[string]any{
			"contextActivities": map[string]any{"grouping": []any{map[string]any{"id": in.au.ID}}},
			"extensions":        map[string]any{sessionExt: session},
		},
		"launchMode": "Normal", "launchMethod": "AnyWindow", "moveOn": in.au.MoveOn, "masteryScore": in.au.Mastery,
		"returnURL": base + "/lms.html",
	})
	browsertest.Eval[any](t, ctx, fmt.Sprintf(`lms.open(%q)`, launchURL(base, lrs, in)))
	waitFor(t, ctx, `lms.status() === "Your progress is recorded."`, "the AU to reach the LMS")
}

// leave closes the AU and waits for its terminated statement.
func leave(t *testing.T, ctx context.Context, lrs *testLRS, session string) {
	t.Helper()
	browsertest.Eval[any](t, ctx, `lms.lastPage = lms.page(); lms.leave()`)
	lrs.waitFor(t, "terminated of "+session, func(sts []map[string]any) bool {
		return slices.ContainsFunc(sts, func(st map[string]any) bool { return verbOf(st) == "terminated" && sessionOf(st) == session })
	})
}

// runAU is the first session: every page viewed in order, the self-check taken (the first
// question wrongly), back to the second lesson, leave.
func runAU(t *testing.T, ctx context.Context, base string, lrs *testLRS, in cmi5Launch, u lms.Unit, session string) {
	t.Helper()
	start(t, ctx, base, lrs, in, session)
	showing := func(p string) string { return fmt.Sprintf(`lms.page() === %q`, "/course/"+p) }
	for i, p := range u.Pages {
		browsertest.Eval[any](t, ctx, fmt.Sprintf(`lms.show(%d)`, i))
		waitFor(t, ctx, fmt.Sprintf(`%s && lms.ticks()[%d]`, showing(p.Path), i), p.Path+" ticked as viewed")
		if browsertest.Eval[bool](t, ctx, `Boolean(document.getElementById("sco").contentWindow.document.querySelector(".lms-frame").contentDocument.querySelector(".quiz-form"))`) {
			browsertest.Eval[any](t, ctx, `lms.takeQuiz()`)
			lrs.waitFor(t, "the quiz's verdict", func(sts []map[string]any) bool {
				return slices.ContainsFunc(sts, func(st map[string]any) bool { v := verbOf(st); return v == "passed" || v == "failed" })
			})
		}
	}
	browsertest.Eval[any](t, ctx, `lms.show(2)`)
	waitFor(t, ctx, showing(u.Pages[2].Path), "the second lesson")
	leave(t, ctx, lrs, session)
}

// resumeAU is the second session of the registration: the AU opens where the learner left,
// with every page ticked, and the learner leaves again.
func resumeAU(t *testing.T, ctx context.Context, base string, lrs *testLRS, in cmi5Launch, u lms.Unit, session, last string) {
	t.Helper()
	start(t, ctx, base, lrs, in, session)
	waitFor(t, ctx, fmt.Sprintf(`lms.page() === %q`, last), "the AU to resume at "+last)
	if ticks := browsertest.Eval[[]bool](t, ctx, `lms.ticks()`); slices.Contains(ticks, false) {
		t.Errorf("after the relaunch the pages viewed are %v, want every one", ticks)
	}
	if last != "/course/"+u.Pages[2].Path {
		t.Errorf("the first session ended on %s, want the second lesson", last)
	}
}

// checkWrapperConnects checks the wrapper's narrowed policy: it may reach the LRS's origin,
// and neither its own (the package's host) nor any other.
func checkWrapperConnects(t *testing.T, ctx context.Context, own, lrs string) {
	t.Helper()
	for target, want := range map[string]string{lrs + "/xapi/about": "reached", own + "/course/cmi5.xml": "blocked"} {
		got, err := chromedp.Run(ctx, chromedp.Evaluate[string](fmt.Sprintf(
			`document.getElementById("sco").contentWindow.fetch(%q).then(() => "reached", () => "blocked")`, target), chromedp.EvalAwaitPromise))
		if err != nil || got != want {
			t.Errorf("the launched wrapper's request to %s: %q (%v), want %q", target, got, err, want)
		}
	}
}

// validateStatements checks every statement the LRS received against the xAPI schema with
// @learninglocker/xapi-validation.
func validateStatements(t *testing.T, lrs *testLRS) {
	t.Helper()
	nodetool.Module(t, "@learninglocker/xapi-validation")
	node := nodetool.Command(t, "node", "nodejs")
	lrs.mu.Lock()
	input, _ := json.Marshal(lrs.raw)
	lrs.mu.Unlock()
	cmd := exec.Command(node, filepath.Join(repoRoot, "tools", "node", "xapi-validate.js"))
	cmd.Stdin = bytes.NewReader(input)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("xapi-validate.js: %v", err)
	}
	var problems [][]string
	if err := json.Unmarshal(out, &problems); err != nil {
		t.Fatal(err)
	}
	for i, p := range problems {
		if len(p) > 0 {
			t.Errorf("statement %d (%s) is not valid xAPI: %v", i, verbOf(lrs.received()[i]), p)
		}
	}
}

// sessionOf is a statement's cmi5 session id.
func sessionOf(st map[string]any) string {
	ext, _ := lookup(st, "context.extensions").(map[string]any)
	s, _ := ext[sessionExt].(string)
	return s
}

// categories are the ids of a statement's context categories.
func categories(st map[string]any) []string {
	list, _ := lookup(st, "context.contextActivities.category").([]any)
	var out []string
	for _, c := range list {
		id, _ := c.(map[string]any)["id"].(string)
		out = append(out, id)
	}
	return out
}

// checkCMI5Rules checks the statements of sessions of one registration against the rules of
// cmi5 that an AU must keep.
func checkCMI5Rules(t *testing.T, sts []map[string]any, in cmi5Launch, sessions []string) {
	t.Helper()
	defined := map[string]bool{"initialized": true, "completed": true, "passed": true, "failed": true, "terminated": true}
	count := map[string]int{}
	bySession := map[string][]string{}
	for i, st := range sts {
		v, s := verbOf(st), sessionOf(st)
		count[v]++
		bySession[s] = append(bySession[s], v)
		where := fmt.Sprintf("statement %d (%s, %s)", i, v, s)
		if !reflect.DeepEqual(st["actor"], in.actor) {
			t.Errorf("%s: actor %v, want the launch's %v", where, st["actor"], in.actor)
		}
		if r, _ := lookup(st, "context.registration").(string); r != in.registration {
			t.Errorf("%s: registration %q, want %q", where, r, in.registration)
		}
		if !slices.Contains(sessions, s) {
			t.Errorf("%s: no session id of the launch", where)
		}
		if cats := categories(st); defined[v] != slices.Contains(cats, cmi5Category) {
			t.Errorf("%s: categories %v (the cmi5 category belongs on cmi5-defined statements only)", where, cats)
		}
		if defined[v] {
			checkDefined(t, where, st, in)
		} else if v != "answered" {
			t.Errorf("%s: a verb the AU does not send", where)
		}
	}
	for _, s := range sessions {
		vs := bySession[s]
		if len(vs) < 2 || vs[0] != "initialized" || vs[len(vs)-1] != "terminated" || count["initialized"] != len(sessions) || count["terminated"] != len(sessions) {
			t.Errorf("session %s: %v; want initialized first, terminated last, once each", s, vs)
		}
	}
	if count["completed"] != 1 || count["passed"]+count["failed"] == 0 || count["passed"] > 1 {
		t.Errorf("the registration got %d completed, %d passed, %d failed; want one completed, at most one passed", count["completed"], count["passed"], count["failed"])
	}
	if !slices.Contains(bySession[sessions[0]], "answered") {
		t.Errorf("the first session sent no answers: %v", bySession[sessions[0]])
	}
}

// checkDefined checks a cmi5-defined statement: about the launched activity, with its
// result as cmi5 asks for the verb.
func checkDefined(t *testing.T, where string, st map[string]any, in cmi5Launch) {
	t.Helper()
	v := verbOf(st)
	if id, _ := lookup(st, "object.id").(string); id != in.activityID {
		t.Errorf("%s: object %q, want the launch's activityId", where, id)
	}
	duration, _ := lookup(st, "result.duration").(string)
	if (v != "initialized") != strings.HasPrefix(duration, "PT") {
		t.Errorf("%s: duration %q", where, duration)
	}
	moveOn := slices.Contains(categories(st), moveOnCat)
	if moveOn != (v == "completed" || v == "passed" || v == "failed") {
		t.Errorf("%s: moveOn category %v", where, moveOn)
	}
	switch v {
	case "completed":
		if lookup(st, "result.completion") != true {
			t.Errorf("%s: result.completion is not true", where)
		}
	case "passed", "failed":
		scaled, ok := lookup(st, "result.score.scaled").(float64)
		if !ok || scaled < 0 || scaled > 1 || lookup(st, "result.success") != (v == "passed") || (scaled >= in.au.Mastery) != (v == "passed") {
			t.Errorf("%s: score %v, success %v against the mastery score %v", where, lookup(st, "result.score"), lookup(st, "result.success"), in.au.Mastery)
		}
		ext, _ := lookup(st, "context.extensions").(map[string]any)
		if m, _ := ext[masteryExt].(float64); strconv.FormatFloat(m, 'f', -1, 64) != strconv.FormatFloat(in.au.Mastery, 'f', -1, 64) {
			t.Errorf("%s: mastery score extension %v, want %v", where, ext[masteryExt], in.au.Mastery)
		}
	}
}

// TestCMI5PackageFromDisk opens a cmi5 package's wrapper from disk, without launch
// parameters: it says that no LMS records the progress, shows the day's first page, and
// sends nothing anywhere.
func TestCMI5PackageFromDisk(t *testing.T) {
	res := pipeline.Build(os.DirFS(repoRoot), pipeline.Options{})
	if res.Diags.HasErrors() {
		t.Fatalf("building the course: %s", diagText(res.Diags))
	}
	files, err := cmi5.Files(res, cmi5.Options{Lang: "en", Days: []int{1}})
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
	units, _ := lms.Units(res.Manifest, "en", []int{1})
	ctx := chrome.Tab(t)
	problems := browsertest.CollectProblems(t, ctx)
	requests := browsertest.RecordRequests(t, ctx)
	browsertest.Open(t, ctx, browsertest.SiteURL(dir, "lms/day-01.html"))
	waitFor(t, ctx, `document.querySelector(".lms-status").textContent === "No LMS found: your progress is not recorded."`, "the wrapper's word without an LMS")
	// Pages from file:// are opaque origins to each other: the frame's address is what shows.
	waitFor(t, ctx, fmt.Sprintf(`document.querySelector(".lms-frame").src.endsWith(%q)`, units[0].Pages[0].Path), "the day's first page in the frame")
	problems.Check(t, "the cmi5 wrapper from disk")
	if out := requests.Outside("file://"); len(out) > 0 {
		t.Errorf("the wrapper from disk asked for %v", out)
	}
}
