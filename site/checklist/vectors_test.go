package checklist

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"slices"
	"testing"

	"playbook/site/strictyaml"
)

// The score vectors of testdata/score-vectors.json: the same file runs through the page's
// scorer (Playbook.checklistCore.score) in e2e/checklist_test.go, so both agree.
type vectorFile struct {
	About    string                   `json:"about"`
	Scales   map[string][]vectorLevel `json:"scales"`
	BandSets map[string][]vectorBand  `json:"band_sets"`
	Cases    []vectorCase             `json:"cases"`
}

type vectorLevel struct {
	ID            string  `json:"id"`
	Points        float64 `json:"points"`
	NotApplicable bool    `json:"not_applicable"`
	Action        bool    `json:"action"`
}

type vectorBand struct {
	ID  string `json:"id"`
	Min int    `json:"min"`
	Max int    `json:"max"`
}

type vectorCase struct {
	Name string `json:"name"`
	Note string `json:"note"`
	// Scale and Bands name entries of scales and band_sets; empty means "default".
	Scale string `json:"scale"`
	Bands string `json:"bands"`
	Items []struct {
		ID     string  `json:"id"`
		Weight float64 `json:"weight"`
	} `json:"items"`
	Answers map[string]string `json:"answers"`
	Expect  struct {
		Earned        float64  `json:"earned"`
		Max           float64  `json:"max"`
		Percent       int      `json:"percent"`
		Band          string   `json:"band"`
		Answered      int      `json:"answered"`
		NotApplicable int      `json:"not_applicable"`
		Actions       []string `json:"actions"`
	} `json:"expect"`
}

func loadVectors(t *testing.T) *vectorFile {
	t.Helper()
	raw, err := os.ReadFile("testdata/score-vectors.json")
	if err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	var v vectorFile
	if err := dec.Decode(&v); err != nil {
		t.Fatalf("score-vectors.json: %v", err)
	}
	if len(v.Cases) < 12 {
		t.Fatalf("score-vectors.json has %d cases, want at least 12", len(v.Cases))
	}
	return &v
}

// build makes the checklist a case describes: its items in one section, with the named
// scale and bands.
func (v *vectorFile) build(t *testing.T, c vectorCase) *Checklist {
	t.Helper()
	name := func(s string) string {
		if s == "" {
			return "default"
		}
		return s
	}
	scale, ok := v.Scales[name(c.Scale)]
	if !ok {
		t.Fatalf("case %q names the unknown scale %q", c.Name, c.Scale)
	}
	bands, ok := v.BandSets[name(c.Bands)]
	if !ok {
		t.Fatalf("case %q names the unknown band set %q", c.Name, c.Bands)
	}
	label := strictyaml.NewText(map[string]string{"en": "x", "zh-CN": "x"})
	cl := &Checklist{ID: "vectors", Title: label, Day: 1}
	for _, l := range scale {
		cl.Scale = append(cl.Scale, &Level{ID: l.ID, Label: label, Points: l.Points, NotApplicable: l.NotApplicable, Action: l.Action})
	}
	s := &Section{ID: "all"}
	for _, it := range c.Items {
		w := it.Weight
		if w == 0 {
			w = 1
		}
		s.Items = append(s.Items, &Item{ID: it.ID, Text: label, Weight: w})
	}
	cl.Sections = []*Section{s}
	for _, b := range bands {
		cl.Bands = append(cl.Bands, &Band{ID: b.ID, Min: b.Min, Max: b.Max, Label: label, Advice: label})
	}
	return cl
}

func TestScoreVectors(t *testing.T) {
	v := loadVectors(t)
	for _, c := range v.Cases {
		t.Run(c.Name, func(t *testing.T) {
			r := Score(v.build(t, c), c.Answers)
			band := ""
			if r.Band != nil {
				band = r.Band.ID
			}
			actions := []string{}
			for _, it := range r.Actions {
				actions = append(actions, it.ID)
			}
			want := c.Expect
			if math.Abs(r.Earned-want.Earned) > 1e-9 || math.Abs(r.Max-want.Max) > 1e-9 || r.Answered != want.Answered ||
				r.NotApplicable != want.NotApplicable || !slices.Equal(actions, want.Actions) {
				t.Fatalf("got earned %v max %v answered %d n/a %d actions %v; want earned %v max %v answered %d n/a %d actions %v",
					r.Earned, r.Max, r.Answered, r.NotApplicable, actions, want.Earned, want.Max, want.Answered, want.NotApplicable, want.Actions)
			}
			if r.Percent == want.Percent && band == want.Band {
				return
			}
			t.Errorf("got %d%% band %q, want %d%% band %q", r.Percent, band, want.Percent, want.Band)
		})
	}
}

// TestScoreVectorsCoverTheRules checks that the file keeps the cases the rules need: the
// scorer tests are only as good as these.
func TestScoreVectorsCoverTheRules(t *testing.T) {
	v := loadVectors(t)
	var weighted, notApplicable, unanswered, allNA, actions, half bool
	edges := map[string]map[int]bool{}
	for _, c := range v.Cases {
		for _, it := range c.Items {
			weighted = weighted || (it.Weight != 0 && it.Weight != 1)
			unanswered = unanswered || c.Answers[it.ID] == ""
		}
		notApplicable = notApplicable || c.Expect.NotApplicable > 0
		allNA = allNA || (c.Expect.NotApplicable > 0 && c.Expect.NotApplicable == c.Expect.Answered)
		actions = actions || len(c.Expect.Actions) > 1
		if c.Expect.Max > 0 {
			exact := c.Expect.Earned * 100 / c.Expect.Max
			half = half || exact-math.Floor(exact) == 0.5
		}
		set := c.Bands
		if set == "" {
			set = "default"
		}
		if edges[set] == nil {
			edges[set] = map[int]bool{}
		}
		if c.Expect.Band != "" {
			edges[set][c.Expect.Percent] = true
		}
	}
	for what, ok := range map[string]bool{"weights": weighted, "not applicable": notApplicable, "unanswered items": unanswered,
		"all not applicable": allNA, "action lists": actions, "rounding at .5": half} {
		if !ok {
			t.Errorf("no case covers %s", what)
		}
	}
	for set, bands := range v.BandSets {
		for _, b := range bands {
			if !edges[set][b.Min] || !edges[set][b.Max] {
				t.Errorf("band %s of %s: no case scores its edges %d%% and %d%%", b.ID, set, b.Min, b.Max)
			}
		}
	}
}
