package team

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"playbook/site/checklist"
	"playbook/site/checklist/checklistfile"
	"playbook/site/diag"
	"playbook/site/report/collect"
)

// siteKey is the site key of the bundled course, which the exports in testdata/exports
// were made with.
const siteKey = "crm-playbook"

// testChecklists are copies of the course's prospect development and dealer development
// checklists (testdata/checklists), in course order.
func testChecklists(t testing.TB) []*checklist.Checklist {
	t.Helper()
	var out []*checklist.Checklist
	for _, name := range []string{"prospect-development.yaml", "dealer-development.yaml"} { // days 5 and 6
		p := filepath.Join("testdata", "checklists", name)
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		var diags diag.List
		c := checklistfile.Parse(filepath.Join("checklists", name), src, []string{"en", "zh-CN"}, &diags)
		if diags.HasErrors() {
			t.Fatal(diags)
		}
		out = append(out, c)
	}
	return out
}

// exportInputs reads testdata/exports as the report reads a folder.
func exportInputs(t testing.TB) []collect.Input {
	t.Helper()
	return collect.ReadPaths([]string{filepath.Join("testdata", "exports")})
}

// testTeam rolls up the checklist exports of testdata/exports.
func testTeam(t testing.TB) *Team {
	t.Helper()
	exports, _ := Split(exportInputs(t))
	return Roll(siteKey, testChecklists(t), exports)
}

// day formats a date as the report does: 2026-11-25; "" for none.
func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.DateOnly)
}

// signed formats a change with its sign: +28, -3, 0.
func signed(n int) string {
	if n > 0 {
		return "+" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// levelID is a level's id, or "unanswered" for none.
func levelID(l *checklist.Level) string {
	if l == nil {
		return "unanswered"
	}
	return l.ID
}
