package e2e

import (
	"fmt"
	"net/url"
	"os"
	"path"
	"regexp"
	"strings"
	"testing"

	"playbook/site/checklist"
	"playbook/site/course"
	"playbook/site/diag"
	"playbook/site/material"
	"playbook/site/pipeline"
	"playbook/site/quiz"
	"playbook/site/worksheet"
)

// syllabus is what ../shared COURSE.md asks of each day: its checklists and worksheets.
var syllabus = map[int]struct{ checklists, worksheets []string }{
	1:  {checklists: []string{"company-self-assessment", "manager-self-assessment"}},
	2:  {checklists: []string{"customer-card-rules", "supervisor-card-review"}},
	3:  {worksheets: []string{"value-tiers", "abc-classification", "profitability-service-cost"}},
	4:  {worksheets: []string{"lifetime-value", "value-matrix", "taxi-cost-per-hour"}},
	5:  {checklists: []string{"prospect-development"}, worksheets: []string{"man-qualification", "prospect-qualification"}},
	6:  {checklists: []string{"dealer-development"}, worksheets: []string{"major-account-assessment", "prospect-a-d"}},
	7:  {worksheets: []string{"credit-loyalty", "scale-loyalty"}},
	8:  {checklists: []string{"loyalty-self-audit"}},
	9:  {checklists: []string{"complaint-handling", "comment-card-design"}},
	10: {checklists: []string{"cross-department-consistency", "coaching-plan"}},
}

// TestBundledCourseFollowsTheSyllabus fails when a day lacks lessons, its quiz, or the
// checklists and worksheets the syllabus names, or when a language is missing.
func TestBundledCourseFollowsTheSyllabus(t *testing.T) {
	var diags diag.List
	c := course.Load(os.DirFS(repoRoot), &diags)
	if diags.HasErrors() {
		t.Fatalf("the bundled course does not load:\n%v", diags)
	}
	for _, code := range []string{"en", "zh-CN"} {
		lang := c.Lang(code)
		if lang == nil {
			t.Fatalf("language %s is missing", code)
		}
		for day := 1; day <= 10; day++ {
			var d *course.Day
			for _, x := range lang.Days {
				if x.Number == day {
					d = x
				}
			}
			if d == nil {
				t.Errorf("%s: day %d has no folder", code, day)
				continue
			}
			if n := len(d.Lessons); n < 1 || n > 5 {
				t.Errorf("%s: day %d has %d lessons, want 1 to 5", code, day, n)
			}
			for _, l := range d.Lessons {
				// A lesson of teaching lasts 45 to 90 minutes; a workshop of practice up to 150.
				if l.Duration < 45 || l.Duration > 150 {
					t.Errorf("%s: %s lasts %d minutes, want 45 to 150", code, l.Path, l.Duration)
				}
				if len(l.Objectives) == 0 {
					t.Errorf("%s: %s has no objectives", code, l.Path)
				}
			}
		}
	}
	quizzes := map[string]int{}
	for _, q := range material.Of[*quiz.Quiz](c.Materials) {
		quizzes[q.ID] = len(q.Questions)
	}
	for day := 1; day <= 10; day++ {
		id := fmt.Sprintf("day-%02d-self-check", day)
		if n, ok := quizzes[id]; !ok {
			t.Errorf("day %d has no quiz %s", day, id)
		} else if n < 10 || n > 15 {
			t.Errorf("quiz %s has %d questions, want 10 to 15", id, n)
		}
		want := syllabus[day]
		for _, id := range want.checklists {
			found := false
			for _, x := range material.Of[*checklist.Checklist](c.MaterialsOfDay(day)) {
				found = found || x.ID == id
			}
			if !found {
				t.Errorf("day %d lacks the checklist %s", day, id)
			}
		}
		for _, id := range want.worksheets {
			found := false
			for _, x := range material.Of[*worksheet.Worksheet](c.MaterialsOfDay(day)) {
				found = found || x.ID == id
			}
			if !found {
				t.Errorf("day %d lacks the worksheet %s", day, id)
			}
		}
	}
	if n := quizzes["final-assessment"]; n < 30 {
		t.Errorf("the final assessment has %d questions, want 30 or more", n)
	}
	if len(c.Frameworks) < 51 {
		t.Errorf("frameworks.yaml lists %d frameworks, want the 51 of the syllabus", len(c.Frameworks))
	}
}

var linkAttr = regexp.MustCompile(`(?:href|src)="([^"]*)"`)

// TestNoBrokenLinks follows every local link and image of both editions of the bundled site
// and fails when a target file or anchor is missing.
func TestNoBrokenLinks(t *testing.T) {
	for _, ed := range []pipeline.Edition{pipeline.Learner, pipeline.Trainer} {
		res := pipeline.Build(os.DirFS(repoRoot), pipeline.Options{Edition: ed})
		if res.Diags.HasErrors() {
			t.Fatalf("%s edition: %v", ed, res.Diags)
		}
		ids := map[string]map[string]bool{}
		idAttr := regexp.MustCompile(` id="([^"]*)"`)
		for _, p := range res.Site.Paths() {
			if strings.HasSuffix(p, ".html") {
				data, _ := res.Site.Get(p)
				set := map[string]bool{}
				for _, m := range idAttr.FindAllStringSubmatch(string(data), -1) {
					set[m[1]] = true
				}
				ids[p] = set
			}
		}
		broken := 0
		for p := range ids {
			if p == "404.html" {
				continue
			}
			data, _ := res.Site.Get(p)
			for _, m := range linkAttr.FindAllStringSubmatch(string(data), -1) {
				raw := strings.ReplaceAll(m[1], "&amp;", "&")
				if raw == "" || strings.HasPrefix(raw, "http:") || strings.HasPrefix(raw, "https:") || strings.HasPrefix(raw, "mailto:") || strings.HasPrefix(raw, "tel:") || strings.HasPrefix(raw, "data:") {
					continue
				}
				target, frag, _ := strings.Cut(raw, "#")
				file := p
				if target != "" {
					u, err := url.PathUnescape(target)
					if err != nil {
						u = target
					}
					file = path.Join(path.Dir(p), u)
				}
				if _, ok := res.Site.Get(file); !ok {
					t.Errorf("%s edition: %s links to %s, which does not exist", ed, p, raw)
					broken++
					continue
				}
				if f, err := url.PathUnescape(frag); err == nil && frag != "" && ids[file] != nil && !ids[file][f] {
					t.Errorf("%s edition: %s links to %s, whose page has no #%s", ed, p, raw, f)
					broken++
				}
				if broken > 20 {
					t.Fatal("too many broken links")
				}
			}
		}
	}
}
