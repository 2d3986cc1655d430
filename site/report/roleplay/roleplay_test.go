package roleplay

import (
	"os"
	"strconv"
	"strings"
	"testing"

	"playbook/site/diag"
	"playbook/site/report/progress"
	"playbook/site/scenario"
	"playbook/site/scenario/scenariofile"
	"playbook/site/strictyaml"
)

// doubleCharge loads the test course's scenario: steps opening (listen 2, defend 0),
// second-chance (a 2, b 0), facts (a 2, b 1), offer (a 3, b 1); ends won, partial,
// escalated, lost.
func doubleCharge(t *testing.T) *scenario.Scenario {
	t.Helper()
	src, err := os.ReadFile("../../../testdata/course/scenarios/double-charge.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var diags diag.List
	s := scenariofile.Parse("scenarios/double-charge.yaml", src, []string{"en", "zh-CN"}, &diags)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	return s
}

func english(_ *scenario.Scenario, t strictyaml.Text) string { return t.Get("en") }

func entry(version string, best, last float64, ends, picks map[string]int) *progress.ScenarioProgress {
	return &progress.ScenarioProgress{Version: version, Attempts: 1, Best: &progress.Run{Percent: best}, Last: &progress.Run{Percent: last}, Ends: ends, Picks: picks}
}

func TestSummarize(t *testing.T) {
	sc := doubleCharge(t)
	v := sc.Version()
	players := []Player{
		{Name: "Ana", Scenarios: map[string]*progress.ScenarioProgress{"double-charge": entry(v, 100, 0,
			map[string]int{"won": 1, "lost": 2}, map[string]int{"opening/defend": 2, "second-chance/b": 2, "opening/listen": 1, "facts/a": 1, "offer/a": 1})}},
		{Name: "Bo", Scenarios: map[string]*progress.ScenarioProgress{"double-charge": entry(v, 57.1, 57.1,
			map[string]int{"partial": 1}, map[string]int{"opening/listen": 1, "facts/b": 1, "offer/b": 1})}},
		{Name: "Cy", Scenarios: map[string]*progress.ScenarioProgress{"double-charge": entry(v, 42.9, 42.9,
			map[string]int{"escalated": 1, "nowhere": 4}, map[string]int{"opening/defend": 1, "facts/b": 1, "offer/b": 0, "gone/x": 5})}},
		{Name: "Dan, on another version", Scenarios: map[string]*progress.ScenarioProgress{"double-charge": entry("old", 100, 100,
			map[string]int{"won": 9}, map[string]int{"opening/defend": 9})}},
		{Name: "Eve, never finished", Scenarios: map[string]*progress.ScenarioProgress{"double-charge": {Version: v, Ends: map[string]int{}, Picks: map[string]int{}}}},
		{Name: "Fay, no scenarios"},
	}
	st := Summarize([]*scenario.Scenario{sc}, players, english)[0]
	if st.Title != "The double charge" || st.Played != 4 || st.OtherVersion != 1 || st.Counted() != 3 || st.Best != 4 || st.Last != 4 {
		t.Errorf("counts: %+v", st)
	}
	// Best 42.9 57.1 100 100; last 0 42.9 57.1 100.
	if st.BestMean != 75 || st.BestMedian != 78.6 || st.LastMean != 50 || st.LastMedian != 50 {
		t.Errorf("best %v/%v, last %v/%v", st.BestMean, st.BestMedian, st.LastMean, st.LastMedian)
	}
	var ends []string
	for _, e := range st.Ends {
		ends = append(ends, e.ID+":"+string(e.Outcome)+":"+e.Title+":"+strconv.Itoa(e.Learners))
	}
	if got := strings.Join(ends, " | "); got != "won:recovered:Customer kept:1 | partial:partial:Fixed, but cool:1 | escalated:escalated:She asks for your manager:1 | lost:lost:Customer lost:1" {
		t.Errorf("ends: %s", got)
	}
	var poor []string
	for _, c := range st.Poor {
		poor = append(poor, c.Step+"/"+c.Choice+":"+strconv.Itoa(c.Learners))
	}
	// Learners, not picks: defend by Ana (twice) and Cy, facts/b by Bo and Cy; then file
	// order. offer/b made 0 times by Cy is no pick; Dan's other version is not counted;
	// listen is not poor.
	if got := strings.Join(poor, " "); got != "opening/defend:2 facts/b:2 second-chance/b:1 offer/b:1" {
		t.Errorf("poor choices: %s", got)
	}
	c := st.Poor[0]
	if c.Says != "You charged me twice!" || c.Text != "Say billing is another department." || c.Points != 0 || c.Best != 2 {
		t.Errorf("first poor choice: %+v", c)
	}
}

func TestSummarizeUnplayed(t *testing.T) {
	st := Summarize([]*scenario.Scenario{doubleCharge(t)}, []Player{{Name: "Ana"}}, english)[0]
	if st.Played != 0 || st.Best != 0 || len(st.Poor) != 0 || len(st.Ends) != 4 || st.Ends[0].Learners != 0 {
		t.Errorf("%+v", st)
	}
}

func TestShorten(t *testing.T) {
	for _, tt := range []struct {
		in   string
		n    int
		want string
	}{
		{"You charged me twice!", 30, "You charged me twice!"},
		{"You charged me twice!", 21, "You charged me twice!"},
		{"You charged me twice, and nobody called back", 24, "You charged me twice…"},
		{"Abcdefghijklmnopqrstuvwxyz", 10, "Abcdefghi…"},
		{"你们扣了我两次钱，而且没有人回电话", 8, "你们扣了我两次…"},
	} {
		if got := Shorten(tt.in, tt.n); got != tt.want {
			t.Errorf("Shorten(%q, %d) = %q, want %q", tt.in, tt.n, got, tt.want)
		}
	}
}

func TestMeanMedian(t *testing.T) {
	for _, tt := range []struct {
		in           []float64
		mean, median float64
	}{
		{nil, 0, 0},
		{[]float64{50}, 50, 50},
		{[]float64{100, 0}, 50, 50},
		{[]float64{100, 85.7, 100}, 95.2, 100},
		{[]float64{57.1, 42.9, 100, 100}, 75, 78.6},
	} {
		if mean, median := MeanMedian(tt.in); mean != tt.mean || median != tt.median {
			t.Errorf("MeanMedian(%v) = %v, %v; want %v, %v", tt.in, mean, median, tt.mean, tt.median)
		}
	}
}
