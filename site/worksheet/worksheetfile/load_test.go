package worksheetfile

import (
	"os"
	"path/filepath"
	"testing"

	"playbook/internal/wanttest"
	"playbook/site/diag"
	"playbook/site/worksheet"
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
	if r := worksheet.Rate(byID["accounts"], map[string]float64{"share": 5, "risk": 3}); !r.Complete || r.Percent != 83 || r.Band.ID != "a" {
		t.Errorf("rating: %+v", r)
	}
	if r := worksheet.Rate(byID["accounts"], map[string]float64{"share": 5}); r.Complete || r.Band != nil {
		t.Errorf("incomplete rating: %+v", r)
	}
	if o := worksheet.Decide(byID["man"], map[string]bool{"money": false, "need": true}); o == nil || o.Label.Get("en") != "Check credit" {
		t.Errorf("decision: %+v", o)
	}
	if o := worksheet.Decide(byID["man"], map[string]bool{"money": true}); o != nil {
		t.Errorf("decision with a factor unanswered: %+v", o)
	}
	if q := worksheet.Place(byID["value-matrix"], 5, 0); q == nil || q.ID != "gold" {
		t.Errorf("matrix: %+v (split 5 is high)", q)
	}
	if q := worksheet.Place(byID["value-matrix"], 4.9, 1); q == nil || q.ID != "iron" {
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
			worksheet.Rank(w, []worksheet.Row{{Value: 3}, {Value: -1}, {Value: 3}})
		case worksheet.Rating:
			worksheet.Rate(w, map[string]float64{})
		case worksheet.Decision:
			worksheet.Decide(w, map[string]bool{})
		case worksheet.Matrix:
			worksheet.Place(w, 1, 1)
		case worksheet.Calculator:
			worksheet.Calculate(w, nil)
		}
	})
}
