package lms

import (
	"os"
	"strings"
	"testing"

	"playbook/site/pipeline"
)

// TestUnitsOfBundledCourse checks the units of the bundled course: ten days, lessons
// required, the self-check graded, Day 10 with the final assessment (not graded: its
// learner page has no key), and every day's progress within SCORM 1.2's limit.
func TestUnitsOfBundledCourse(t *testing.T) {
	res := pipeline.Build(os.DirFS("../../.."), pipeline.Options{})
	if res.Diags.HasErrors() {
		t.Fatal(res.Diags)
	}
	for _, lang := range Languages(res.Manifest) {
		units, err := Units(res.Manifest, lang, nil)
		if err != nil {
			t.Fatal(err)
		}
		if len(units) != 10 {
			t.Fatalf("%s: %d units, want 10", lang, len(units))
		}
		for _, u := range units {
			lessons, graded := 0, 0
			for _, p := range u.Pages {
				if p.Required {
					lessons++
				}
				if p.Graded {
					graded++
				}
			}
			if lessons == 0 || graded != 1 || u.PassMark == 0 {
				t.Errorf("%s day %d: %d lessons, %d graded pages, pass mark %d", lang, u.Day, lessons, graded, u.PassMark)
			}
			if n := SuspendBound(len(u.Pages)); n > SuspendLimit {
				t.Errorf("%s day %d: progress up to %d characters", lang, u.Day, n)
			}
		}
		last := units[9].Pages
		if !strings.Contains(last[len(last)-2].Path, "final-assessment") {
			t.Errorf("%s: Day 10 does not include the final assessment: %v", lang, last)
		}
	}
}

// TestSuspendBoundRefuses checks that a day too big to resume under SCORM 1.2 is refused.
func TestSuspendBoundRefuses(t *testing.T) {
	m := &pipeline.Manifest{Pages: []pipeline.Entry{{Kind: "day", Lang: "en", Day: 1, Order: 1}}}
	for i := 0; i < 80; i++ {
		m.Pages = append(m.Pages, pipeline.Entry{Kind: "lesson", Lang: "en", Day: 1, Order: i + 2})
	}
	if _, err := Units(m, "en", nil); err == nil || !strings.Contains(err.Error(), "more than SCORM 1.2 keeps (4096)") {
		t.Errorf("a day of 81 pages: %v", err)
	}
}
