package worksheetfile

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"playbook/internal/wanttest"
	"playbook/site/diag"
	"playbook/site/worksheet"
	"playbook/site/worksheet/compute"
)

var langs = []string{"en", "zh-CN"}

// TestBadWorksheets parses every file in testdata/bad; each must produce exactly the errors
// its "# want line:col message" lines name.
func TestBadWorksheets(t *testing.T) {
	wanttest.Files(t, "testdata/bad/*.yaml", 15, func(src []byte, d *diag.List) { Parse("bad.yaml", src, langs, d) })
}

func TestGoodWorksheetsCompute(t *testing.T) {
	dir := "../../../testdata/course/worksheets"
	files, _ := filepath.Glob(dir + "/*.yaml")
	byID := map[string]*worksheet.Worksheet{}
	for _, f := range files {
		src, _ := os.ReadFile(f)
		var d diag.List
		w := Parse(f, src, langs, &d)
		if len(d) > 0 {
			t.Fatalf("%s: %v", f, d)
		}
		byID[w.ID] = w
	}
	if r := compute.Rate(byID["accounts"], map[string]float64{"share": 5, "risk": 3}); !r.Complete || r.Percent != 83 || r.Band.ID != "a" {
		t.Errorf("rating: %+v", r)
	}
	if r := compute.Rate(byID["accounts"], map[string]float64{"share": 5}); r.Complete || r.Band != nil {
		t.Errorf("incomplete rating: %+v", r)
	}
	if o := compute.Decide(byID["man"], map[string]bool{"money": false, "need": true}); o == nil || o.Label.Get("en") != "Check credit" {
		t.Errorf("decision: %+v", o)
	}
	if o := compute.Decide(byID["man"], map[string]bool{"money": true}); o != nil {
		t.Errorf("decision with a factor unanswered: %+v", o)
	}
	if q := compute.Place(byID["value-matrix"], 5, 0); q == nil || q.ID != "gold" {
		t.Errorf("matrix: %+v (split 5 is high)", q)
	}
	if q := compute.Place(byID["value-matrix"], 4.9, 1); q == nil || q.ID != "iron" {
		t.Errorf("matrix: %+v", q)
	}
	vals, errs := worksheet.Calculate(byID["taxi"], map[string]float64{"hours": 10})
	if len(errs) > 0 || vals["per_hour"] != 59 || vals["per_day"] != 590 {
		t.Errorf("calculator: %v %v", vals, errs)
	}
	if _, errs := worksheet.Calculate(byID["taxi"], map[string]float64{"hours": 0}); errs["per_hour"] == nil {
		t.Error("division by zero hours was not reported")
	}
}

// TestFormulaLimits loads calculators whose formula is past a limit of the formula package:
// each gives one error, at the place in the YAML file where the formula goes past the limit,
// that names the limit and says how to fix it.
func TestFormulaLimits(t *testing.T) {
	const head = "id: w\nkind: calculator\ntitle: T\nday: 1\ninputs: [{id: fee, label: F, default: 1}]\noutputs:\n"
	tests := []struct {
		name, output string
		line, col    int
		says         string
	}{
		{"100,000 signs", `  - {id: out, label: O, formula: "` + strings.Repeat("-", 100000) + `fee"}`, 7, 35, "is 100003 characters long, over the limit of 2000"},
		{"100,000 terms", "  - id: out\n    label: O\n    formula: " + strings.Repeat("fee + ", 99999) + "fee", 9, 14, "is 599997 characters long, over the limit of 2000"},
		{"5,000 parentheses", `  - {id: out, label: O, formula: '` + strings.Repeat("(", 5000) + "fee" + strings.Repeat(")", 5000) + `'}`, 7, 35, "is 10003 characters long"},
		{"33 signs", "  - {id: out, label: O, formula: " + strings.Repeat("-", 33) + "fee}", 7, 34 + 32, "nests more than 32 levels deep"},
		{"33 calls, quoted", `  - {id: out, label: O, formula: "1 + ` + strings.Repeat("abs(", 33) + "fee" + strings.Repeat(")", 33) + `"}`, 7, 35 + 4 + 4*32, "nests more than 32 levels deep"},
		{"a folded block", "  - id: out\n    label: O\n    formula: >-\n      " + strings.Repeat("(", 40) + "fee" + strings.Repeat(")", 40), 9, 14, "nests more than 32 levels deep"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var d diag.List
			w := Parse("w.yaml", []byte(head+tt.output+"\n"), langs, &d)
			if len(d) != 1 {
				t.Fatalf("want one error, got %d:\n%.2000s", len(d), d.Error())
			}
			want := fmt.Sprintf("w.yaml:%d:%d", tt.line, tt.col)
			if got := d[0]; got.Pos.String() != want || !strings.Contains(got.Message, tt.says) || !strings.Contains(got.Message, "split it into intermediate outputs") {
				t.Errorf("got %s: %s\nwant %s: ...%s...; split it into intermediate outputs", got.Pos, got.Message, want, tt.says)
			}
			if w == nil || len(w.Outputs) != 1 || w.Outputs[0].Expr != nil {
				t.Errorf("the output of a formula past a limit must have no tree: %+v", w)
			}
		})
	}
}

// FuzzLoadWorksheet parses arbitrary YAML without panicking, and computes whatever loads.
func FuzzLoadWorksheet(f *testing.F) {
	for _, dir := range []string{"testdata/bad", "../../../testdata/course/worksheets"} {
		files, _ := filepath.Glob(dir + "/*.yaml")
		for _, file := range files {
			data, _ := os.ReadFile(file)
			f.Add(string(data))
		}
	}
	f.Fuzz(func(t *testing.T, src string) {
		var d diag.List
		w := Parse("f.yaml", []byte(src), langs, &d)
		if w == nil || d.HasErrors() {
			return
		}
		switch w.Kind {
		case worksheet.Ranking:
			compute.Rank(w, []compute.Row{{Value: 3}, {Value: -1}, {Value: 3}})
		case worksheet.Rating:
			compute.Rate(w, map[string]float64{})
		case worksheet.Decision:
			compute.Decide(w, map[string]bool{})
		case worksheet.Matrix:
			compute.Place(w, 1, 1)
		case worksheet.Calculator:
			worksheet.Calculate(w, nil)
		}
	})
}
