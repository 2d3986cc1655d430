package checklistcopy

import (
	"errors"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// exports are the files the checklist page wrote (see ../team/testdata/make-exports.js).
const exports = "../team/testdata/exports"

func read(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(exports, name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func answers(c *Copy) map[string]string {
	m := map[string]string{}
	for _, a := range c.Answers {
		m[a.Item] = a.Level
	}
	return m
}

// TestJSONAndCSVAgree reads one copy that the page exported both ways: the two files give
// the same copy, except what only JSON carries.
func TestJSONAndCSVAgree(t *testing.T) {
	j, err := Parse(read(t, "prospect-development-Jon,-November-2026-11-24.json"))
	if err != nil {
		t.Fatal(err)
	}
	c, err := Parse(read(t, "prospect-development-Jon,-November-2026-11-24.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if j.Kind != JSON || c.Kind != CSV {
		t.Errorf("kinds %s and %s", j.Kind, c.Kind)
	}
	if j.Site != "crm-playbook" || c.Site != "" || !j.Exported.Equal(time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC)) || !c.Exported.IsZero() {
		t.Errorf("site %q/%q, exported %v/%v", j.Site, c.Site, j.Exported, c.Exported)
	}
	for _, x := range []*Copy{j, c} {
		if x.Checklist != "prospect-development" || x.ChecklistVersion != "1p24ta0" || x.Name != "Jon, November" ||
			x.Fields["person"] != "Jon Berg" || x.Fields["team"] != "North" || x.Fields["date"] != "2026-11-24" || len(x.Answers) != 23 {
			t.Errorf("%s: %+v", x.Kind, x)
		}
	}
	if !maps.Equal(answers(j), answers(c)) || answers(j)["sales-map"] != "yes" || answers(j)["recommends-to-friends"] != "no" {
		t.Errorf("answers differ:\n%v\n%v", answers(j), answers(c))
	}
	// The JSON file lists every item of the action list, the CSV file only the owners and
	// dates typed (none here).
	if len(j.Actions) != 8 || j.Actions["prospect-cards"] != (Action{}) || len(c.Actions) != 0 {
		t.Errorf("actions:\n%v\n%v", j.Actions, c.Actions)
	}
	if j.Score == nil || j.Score.Percent == nil || *j.Score.Percent != 76 || j.Score.Band != "gaps-to-close" || c.Score != nil {
		t.Errorf("scores %+v %+v", j.Score, c.Score)
	}
	// Each answer knows where the file gives it.
	if a := j.Answers[0]; a.Item != "sales-map" || a.Line != 19 || a.Col != 18 {
		t.Errorf("JSON answer at %+v", a)
	}
	if a := c.Answers[0]; a.Item != "sales-map" || a.Line != 2 || a.Col != 80 {
		t.Errorf("CSV answer at %+v", a)
	}
}

func TestCSVAsSpreadsheetsSaveIt(t *testing.T) {
	// Saved back with semicolons; the reviewer "=Kim" was exported as '=Kim.
	d, err := ParseCSV(read(t, "dana-ruiz.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if d.Fields["reviewer"] != "=Kim" || d.Fields["person"] != "Dana Ruiz" || len(d.Answers) != 23 || d.Name != "Dana" {
		t.Errorf("%+v", d)
	}
	// From the Chinese page: the ids are the same, the texts Chinese.
	b, err := ParseCSV(read(t, "prospect-development-副本-1-2026-11-23.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if b.Name != "副本 1" || b.Fields["reviewer"] != "王经理" || answers(b)["special-training"] != "na" {
		t.Errorf("%+v", b)
	}
	// Old Mac line ends, no byte order mark, columns in another order and in capitals,
	// blank rows, a row without an item.
	mac := "Checklist,ITEM_ID,answer_id,Person\r\rprospect-development,sales-map,yes,Lee\r,,,\rprospect-development,,no,Lee\rprospect-development,prospect-cards,partly,Lee\r"
	m, err := ParseCSV([]byte(mac))
	if err != nil {
		t.Fatal(err)
	}
	if got := answers(m); !maps.Equal(got, map[string]string{"sales-map": "yes", "prospect-cards": "partly"}) || m.Fields["person"] != "Lee" {
		t.Errorf("%v %+v", got, m)
	}
	if a := m.Answers[1]; a.Line != 6 || a.Col != 37 {
		t.Errorf("the answer to prospect-cards is at %d:%d", a.Line, a.Col)
	}
}

func TestParseBad(t *testing.T) {
	jsonFile := string(read(t, "prospect-development-Jon,-November-2026-11-24.json"))
	csvFile := string(read(t, "prospect-development-Jon,-November-2026-11-24.csv"))
	tests := []struct {
		name, data, want string
	}{
		{"cut short", jsonFile[:400], "15:22: not JSON: unexpected end of JSON input"},
		{"a list", `[{"format": "playbook-checklist"}]`, "1:1: not a checklist export: the file holds a list, not an object"},
		{"no format", `{"version": 1}`, `1:1: not a checklist export: "format" is missing`},
		{"the store", `{"format": "playbook-checklists", "version": 1}`, `1:12: not a checklist export: format is "playbook-checklists", not "playbook-checklist"`},
		{"version 2", strings.Replace(jsonFile, `"version": 1`, `"version": 2`, 1), `3:14: unknown version 2 of the checklist export; this reader knows version 1`},
		{"version text", strings.Replace(jsonFile, `"version": 1`, `"version": "1"`, 1), `3:14: version must be a whole number, not "1"`},
		{"no site", strings.Replace(jsonFile, `"site": "crm-playbook",`, ``, 1), `1:1: "site" is missing`},
		{"empty checklist", strings.Replace(jsonFile, `"checklist": "prospect-development"`, `"checklist": ""`, 1), `6:16: checklist must not be empty`},
		{"bad date", strings.Replace(jsonFile, `"exported": "2026-11-24T12:00:00.000Z"`, `"exported": "24/11/2026"`, 1), `8:15: exported "24/11/2026" is not a date such as 2026-11-25T09:41:00.000Z`},
		{"answer a number", strings.Replace(jsonFile, `"sales-map": "yes"`, `"sales-map": 2`, 1), `19:18: answers["sales-map"] must be a string, not 2`},
		{"answers a list", strings.Replace(jsonFile, `"answers": {`, `"answers": [], "x": {`, 1), `18:14: answers must be an object, not a list`},
		{"__proto__", strings.Replace(jsonFile, `"sales-map": "yes"`, `"__proto__": "yes"`, 1), `19:18: answers has the key "__proto__", which is not allowed`},
		{"owner a number", strings.Replace(jsonFile, `"owner": ""`, `"owner": 7`, 1), `45:16: actions["prospect-cards"].owner must be a string, not 7`},
		{"not UTF-8 JSON", "{\"format\": \"playbook-checklist\", \"name\": \"Ram\xf3n\"}", "1:46: the file is not UTF-8 text"},
		{"empty", "", "not a checklist export: the file is empty"},
		{"only a byte order mark", "\ufeff \r\n", "not a checklist export: the file is empty"},
		{"another table", "name,score\r\nLee,12\r\n", "1:1: not a checklist export: the header row lacks the columns item_id, answer_id, checklist"},
		{"one column missing", "item_id;checklist\nsales-map;prospect-development\n", "1:1: not a checklist export: the header row lacks the column answer_id"},
		{"header only", strings.SplitAfter(csvFile, "\r\n")[0], "1:1: the file has a header row but no items"},
		{"two checklists", strings.Replace(strings.Replace(csvFile, ",prospect-development,1p24ta0,", ",dealer-development,1p24ta0,", 3), ",dealer-development,1p24ta0,", ",prospect-development,1p24ta0,", 2), `4:110: this row is of checklist "dealer-development", the rows above of "prospect-development"; export each checklist to its own file`},
		{"no checklist", strings.Replace(csvFile, ",prospect-development,", ",,", 1), "2:94: the checklist column is empty"},
		{"not UTF-8 CSV", "item_id,answer_id,checklist\nsales-map,yes,prospect-development\nRam\xf3n,,\n", "3:4: the file is not UTF-8 text; save it from the spreadsheet as \"CSV UTF-8\""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Parse([]byte(tt.data))
			var pe *ParseError
			if c != nil || !errors.As(err, &pe) {
				t.Fatalf("got %+v, %v", c, err)
			}
			if err.Error() != tt.want {
				t.Errorf("got  %s\nwant %s", err, tt.want)
			}
		})
	}
}

func TestIsJSONExport(t *testing.T) {
	for data, want := range map[string]bool{
		string(read(t, "prospect-development-Jon,-November-2026-11-24.json")): true,
		"\ufeff{\"format\": \"playbook-checklist\"}":                          true,
		`{"format": "playbook-progress", "version": 1}`:                       false,
		`{"format": "playbook-checklist"`:                                     false, // not JSON: the report says so
		`["playbook-checklist"]`:                                              false,
	} {
		if got := IsJSONExport([]byte(data)); got != want {
			t.Errorf("IsJSONExport(%.40q) = %v", data, got)
		}
	}
}

// seeds adds every export in testdata to a fuzz test's corpus.
func seeds(f *testing.F, ext string) {
	files, _ := filepath.Glob(filepath.Join(exports, "*"+ext))
	if len(files) == 0 {
		f.Fatal("no seeds")
	}
	for _, file := range files {
		data, _ := os.ReadFile(file)
		f.Add(data)
	}
}

// checkParsed holds for whatever a parser returns.
func checkParsed(t *testing.T, c *Copy, err error) {
	if err != nil {
		var pe *ParseError
		if c != nil || !errors.As(err, &pe) || pe.Msg == "" || pe.Line < 0 || pe.Col < 0 || (pe.Line == 0) != (pe.Col == 0) {
			t.Fatalf("bad error %#v with result %v", err, c)
		}
		return
	}
	if c == nil || c.Checklist == "" || c.Fields == nil || c.Actions == nil {
		t.Fatalf("accepted an incomplete copy: %+v", c)
	}
	seen := map[string]bool{}
	for _, a := range c.Answers {
		if a.Item == "" || a.Item == "__proto__" || seen[a.Item] || a.Line < 1 || a.Col < 1 {
			t.Fatalf("bad answer %+v in %+v", a, c.Answers)
		}
		seen[a.Item] = true
	}
	if c.Kind == JSON && c.Site == "" {
		t.Fatalf("a JSON copy without a site: %+v", c)
	}
}

func FuzzParseJSON(f *testing.F) {
	seeds(f, ".json")
	f.Add([]byte(`{"format":"playbook-checklist","version":1,"site":"s","checklist":"c","answers":{"a":"yes","a":"no"}}`))
	f.Add([]byte(`{"format":"playbook-checklist","version":1e400}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := ParseJSON(data)
		checkParsed(t, c, err)
		if err == nil && c.Kind != JSON {
			t.Fatalf("kind %s", c.Kind)
		}
	})
}

func FuzzParseCSV(f *testing.F) {
	seeds(f, ".csv")
	f.Add([]byte("item_id,answer_id,checklist\n\"a\"\"b,yes,c\n"))
	f.Add([]byte("item_id\tanswer_id\tchecklist\r\na\tyes\tc\r\na\tno\tc"))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := ParseCSV(data)
		checkParsed(t, c, err)
		if err == nil && c.Kind != CSV {
			t.Fatalf("kind %s", c.Kind)
		}
	})
}
