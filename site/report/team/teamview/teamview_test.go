package teamview

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"playbook/internal/golden"
	"playbook/site/report/collect"
	"playbook/site/report/team"
	"playbook/site/theme"
)

// TestEscaped rolls up a copy whose rep's name is markup and whose copy name is a formula:
// the sections escape the one, the CSV rows guard the other.
func TestEscaped(t *testing.T) {
	base, err := os.ReadFile(filepath.Join(teamData, "exports", "prospect-development-Jon,-November-2026-11-24.json"))
	if err != nil {
		t.Fatal(err)
	}
	var v map[string]any
	if err := json.Unmarshal(base, &v); err != nil {
		t.Fatal(err)
	}
	v["fields"] = map[string]string{"person": "<script>alert(1)</script>"}
	v["name"] = "=1+1"
	evil, _ := json.Marshal(v)
	tm := team.Roll(siteKey, testChecklists(t), []collect.Input{{Path: "evil.json", Data: evil}})
	th, err := theme.Load()
	if err != nil {
		t.Fatal(err)
	}
	sections, files, err := HTML(tm, "en", th)
	if err != nil {
		t.Fatal(err)
	}
	page := string(sections + files)
	if strings.Contains(page, "<script") || !strings.Contains(page, "&lt;script&gt;alert(1)&lt;/script&gt;") || strings.Contains(page, " style=") {
		t.Error("the rep's name is not escaped, or a style attribute")
	}
	copies, _ := CSV(tm, "en", th)
	if row := copies[1]; row[2] != "<script>alert(1)</script>" || row[4] != "'=1+1" {
		t.Errorf("CSV row %q", row)
	}
}

// TestNoExports checks that a report without checklist exports gets no sections.
func TestNoExports(t *testing.T) {
	tm := team.Roll(siteKey, testChecklists(t), nil)
	th, _ := theme.Load()
	sections, files, err := HTML(tm, "en", th)
	if err != nil || sections != "" || files != "" {
		t.Errorf("%q %q %v", sections, files, err)
	}
}

func TestGolden(t *testing.T) {
	th, err := theme.Load()
	if err != nil {
		t.Fatal(err)
	}
	tm := testTeam(t)
	for _, lang := range []string{"en", "zh-CN"} {
		sections, files, err := HTML(tm, lang, th)
		if err != nil {
			t.Fatal(err)
		}
		golden.Check(t, filepath.Join("testdata", "golden", "team."+lang+".html"), []byte(sections+"\n"+files+"\n"))
		copies, items := CSV(tm, lang, th)
		for name, rows := range map[string][][]string{"checklists": copies, "checklist-items": items} {
			var buf bytes.Buffer
			w := csv.NewWriter(&buf)
			w.UseCRLF = true
			if err := w.WriteAll(rows); err != nil {
				t.Fatal(err)
			}
			golden.Check(t, filepath.Join("testdata", "golden", "team."+lang+"-"+name+".csv"), buf.Bytes())
		}
	}
}

func TestCSVShape(t *testing.T) {
	th, _ := theme.Load()
	copies, items := CSV(testTeam(t), "en", th)
	if len(copies) != 1+19 || !slices.Equal(copies[0], CopyColumns()) || len(items) != 1+23*5+6*5 || !slices.Equal(items[0], ItemColumns()) {
		t.Fatalf("%d copy rows, %d item rows", len(copies), len(items))
	}
	for _, rows := range [][][]string{copies, items} {
		for i, r := range rows {
			if len(r) != len(rows[0]) {
				t.Errorf("row %d has %d cells: %q", i, len(r), r)
			}
		}
	}
	lee := slices.IndexFunc(copies, func(r []string) bool {
		return r[2] == "Lee Wong" && r[5] == "2026-11-25" && r[0] == "prospect-development"
	})
	if lee < 0 {
		t.Fatal("no row of Lee's November copy")
	}
	row := strings.Join(copies[lee][:22], "|")
	if want := "prospect-development|Prospect development checklist|Lee Wong|North|Lee, November|2026-11-25|yes|23|2|23|32|42|76|gaps-to-close|Gaps to close|2026-10-14|48|unstructured|28|12|3|2"; row != want {
		t.Errorf("Lee's row\n%s\nwant\n%s", row, want)
	}
	if moved := copies[lee][22]; strings.Count(moved, "; ") != 16 || !strings.HasPrefix(moved, "trading-area-profile: partly > yes; prospects-segmented: no > partly; prospect-cards: partly > no; assigned-areas: no > na;") {
		t.Errorf("moved %q", moved)
	}
}

// TestStringsExist checks that every interface string the sections use has a text in both
// languages of the theme.
func TestStringsExist(t *testing.T) {
	th, err := theme.Load()
	if err != nil {
		t.Fatal(err)
	}
	keys := map[string]bool{"report_team_unanswered": true, "report_team_no_score": true, "report_team_no_date": true,
		"report_team_counts": true, "report_team_dated": true, "report_team_span": true, "report_team_used_as": true}
	for _, m := range regexp.MustCompile(`\.Tf? "([a-z_]+)"`).FindAllStringSubmatch(sectionsTemplate, -1) {
		keys[m[1]] = true
	}
	for k := collect.Unreadable; k <= collect.Duplicate; k++ {
		keys[kindKey(k)] = true
	}
	if len(keys) < 40 {
		t.Errorf("found only %d keys; the pattern is out of date", len(keys))
	}
	for k := range keys {
		for _, lang := range []string{"en", "zh-CN"} {
			if !th.HasString(lang, k) {
				t.Errorf("string %q has no %s text", k, lang)
			}
		}
	}
}
