package teamview

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"playbook/site/checklist"
	"playbook/site/checklist/checklistfile"
	"playbook/site/diag"
	"playbook/site/report/collect"
	"playbook/site/report/team"
)

// siteKey is the site key of the bundled course, which the exports in
// ../testdata/exports were made with.
const siteKey = "crm-playbook"

// teamData is package team's testdata, which these tests share.
const teamData = "../testdata"

// testChecklists are copies of the course's prospect development and dealer development
// checklists (../testdata/checklists), in course order.
func testChecklists(t testing.TB) []*checklist.Checklist {
	t.Helper()
	var out []*checklist.Checklist
	for _, name := range []string{"prospect-development.yaml", "dealer-development.yaml"} { // days 5 and 6
		src, err := os.ReadFile(filepath.Join(teamData, "checklists", name))
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

// exportInputs reads ../testdata/exports as the report reads a folder, named as package
// team's tests name them (testdata/exports/...), so that the golden files show the same
// paths.
func exportInputs(t testing.TB) []collect.Input {
	t.Helper()
	inputs := collect.ReadPaths([]string{filepath.Join(teamData, "exports")})
	for i := range inputs {
		inputs[i].Path = strings.TrimPrefix(inputs[i].Path, "../")
		inputs[i].SameAs = strings.TrimPrefix(inputs[i].SameAs, "../")
	}
	return inputs
}

// testTeam rolls up the checklist exports of ../testdata/exports.
func testTeam(t testing.TB) *team.Team {
	t.Helper()
	exports, _ := team.Split(exportInputs(t))
	return team.Roll(siteKey, testChecklists(t), exports)
}
