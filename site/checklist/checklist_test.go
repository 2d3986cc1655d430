package checklist

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"playbook/internal/wanttest"
	"playbook/site/diag"
)

var langs = []string{"en", "zh-CN"}

// TestBadChecklists parses every file in testdata/bad; each must produce exactly the errors
// its "# want line:col message" lines name.
func TestBadChecklists(t *testing.T) {
	files, _ := filepath.Glob("testdata/bad/*.yaml")
	if len(files) < 12 {
		t.Fatalf("only %d bad cases", len(files))
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			var d diag.List
			Parse("bad.yaml", src, langs, &d)
			wanttest.Check(t, "bad.yaml", src, d)
		})
	}
}

const good = `id: prospects
title: {en: Prospects, zh-CN: 潜在客户}
day: 5
audience: rep
sections:
  - id: s1
    title: S1
    items:
      - {id: a, text: A, hint: H}
      - {id: b, text: B, weight: 2}
  - id: s2
    title: S2
    items:
      - {id: c, text: C}
      - {id: d, text: D}
bands:
  - {id: start, min: 0, max: 49, label: Start, advice: Go}
  - {id: ready, min: 80, max: 100, label: Ready, advice: Keep}
  - {id: gaps, min: 50, max: 79, label: Gaps, advice: Fix}
`

func parseGood(t *testing.T) *Checklist {
	t.Helper()
	var d diag.List
	c := Parse("c.yaml", []byte(good), langs, &d)
	if len(d) > 0 {
		t.Fatal(d)
	}
	return c
}

func TestParseDefaults(t *testing.T) {
	c := parseGood(t)
	if len(c.Scale) != 4 || c.Scale[3].ID != "na" || !c.Scale[3].NotApplicable || !c.Scale[1].Action {
		t.Errorf("default scale: %+v", c.Scale)
	}
	if len(c.Items()) != 4 || c.Items()[1].Weight != 2 || c.Audience[0] != "rep" {
		t.Errorf("items: %+v audience %v", c.Items(), c.Audience)
	}
	if c.Bands[0].ID != "ready" || c.Bands[2].ID != "start" {
		t.Errorf("bands should be listed from the top: %v %v %v", c.Bands[0].ID, c.Bands[1].ID, c.Bands[2].ID)
	}
}

func TestScore(t *testing.T) {
	c := parseGood(t)
	tests := []struct {
		name     string
		answers  map[string]string
		earned   float64
		max      float64
		percent  int
		band     string
		answered int
		actions  string
	}{
		{"nothing", nil, 0, 0, 0, "", 0, ""},
		{"all yes", map[string]string{"a": "yes", "b": "yes", "c": "yes", "d": "yes"}, 10, 10, 100, "ready", 4, ""},
		{"weights count", map[string]string{"a": "yes", "b": "no"}, 2, 6, 33, "start", 2, "b"},
		{"n/a left out", map[string]string{"a": "yes", "b": "na", "c": "partly", "d": "yes"}, 5, 6, 83, "ready", 4, "c"},
		{"all n/a", map[string]string{"a": "na", "b": "na"}, 0, 0, 0, "", 2, ""},
		{"half rounds up", map[string]string{"a": "partly", "c": "yes", "d": "no", "b": "partly"}, 5, 10, 50, "gaps", 4, "a b d"},
		{"unknown level ignored", map[string]string{"a": "maybe", "c": "yes"}, 2, 2, 100, "ready", 1, ""},
	}
	for _, tt := range tests {
		r := Score(c, tt.answers)
		band := ""
		if r.Band != nil {
			band = r.Band.ID
		}
		var actions []string
		for _, it := range r.Actions {
			actions = append(actions, it.ID)
		}
		if r.Earned != tt.earned || r.Max != tt.max || r.Percent != tt.percent || band != tt.band || r.Answered != tt.answered || strings.Join(actions, " ") != tt.actions {
			t.Errorf("%s: got earned %v max %v %d%% band %q answered %d actions %v", tt.name, r.Earned, r.Max, r.Percent, band, r.Answered, actions)
		}
	}
}

func TestBandsCoverEveryPercent(t *testing.T) {
	c := parseGood(t)
	for p := 0; p <= 100; p++ {
		if c.BandFor(p) == nil {
			t.Errorf("%d%% has no band", p)
		}
	}
}

// FuzzLoadChecklist parses arbitrary YAML: no panic, and any checklist it returns without
// errors has bands that cover 0-100.
func FuzzLoadChecklist(f *testing.F) {
	f.Add(good)
	files, _ := filepath.Glob("testdata/bad/*.yaml")
	for _, file := range files {
		data, _ := os.ReadFile(file)
		f.Add(string(data))
	}
	f.Fuzz(func(t *testing.T, src string) {
		var d diag.List
		c := Parse("f.yaml", []byte(src), langs, &d)
		if c == nil || d.HasErrors() {
			return
		}
		for p := 0; p <= 100; p++ {
			if c.BandFor(p) == nil {
				t.Fatalf("valid checklist leaves %d%% without a band:\n%s", p, src)
			}
		}
		_ = Score(c, map[string]string{})
	})
}
