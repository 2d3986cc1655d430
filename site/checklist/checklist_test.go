package checklist_test

import (
	"os"
	"strings"
	"testing"

	"playbook/site/checklist"
	"playbook/site/checklist/checklistfile"
	"playbook/site/diag"
)

// parseGood parses testdata/good.yaml: two sections, three bands.
func parseGood(t *testing.T) *checklist.Checklist {
	t.Helper()
	src, err := os.ReadFile("testdata/good.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var d diag.List
	c := checklistfile.Parse("c.yaml", src, []string{"en", "zh-CN"}, &d)
	if len(d) > 0 {
		t.Fatal(d)
	}
	return c
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
		r := checklist.Score(c, tt.answers)
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
